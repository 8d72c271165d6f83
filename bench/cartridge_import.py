"""How long a Common Cartridge import takes, and how much memory it needs.

Two cartridges are written on the spot: ``items``, 200 items in 10 modules
(120 web pages each with a picture, 40 QTI quizzes of 5 questions, 40 web
links), and ``payload``, about 50 MB that is mostly file payload (10 video
files of 5 MB, each its own lesson, and 10 web pages). Each is imported by
``course_import_cartridge`` in a fresh process against a throw-away
PostgreSQL database, with files in a temporary folder; the material
processing the import enqueues is left queued, so the figure is the
import's own. Peak memory is the importing process's peak resident size
(Linux ``VmHWM``), before and after the import.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lms_bench \\
        .venv/bin/python bench/cartridge_import.py [--case items|payload]
"""

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.memory import peak_resident_kib

CC = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
WEB_LINK = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
VIDEO_BYTES = 5 * 1024 * 1024


def question(number: int) -> str:
    labels = "".join(
        f'<response_label ident="c{n}"><material><mattext>Đáp án {n}</mattext>'
        "</material></response_label>"
        for n in range(4)
    )
    return (
        f'<item ident="q{number}" title="Câu {number}"><itemmetadata><qtimetadata>'
        "<qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>"
        "cc.multiple_choice.v0p1</fieldentry></qtimetadatafield></qtimetadata>"
        f"</itemmetadata><presentation><material><mattext>Câu hỏi số {number}?"
        '</mattext></material><response_lid ident="R" rcardinality="Single">'
        f"<render_choice>{labels}</render_choice></response_lid></presentation>"
        '<resprocessing><respcondition><conditionvar><varequal respident="R">c0'
        '</varequal></conditionvar><setvar action="Set">100</setvar></respcondition>'
        "</resprocessing></item>"
    )


def page(number: int, picture: str) -> str:
    paragraphs = "".join(
        f"<p>Đoạn {n} của bài {number}: nội dung bài học về phân số.</p>"
        for n in range(8)
    )
    return (
        f"<html><body><h1>Bài {number}</h1>{paragraphs}"
        f'<img src="{picture}" alt="Hình {number}">{paragraphs}</body></html>'
    )


def build(kind: str) -> bytes:
    """The cartridge's bytes: its entries, then a manifest listing them."""
    from lms.demo_files import make_image

    files: dict[str, bytes] = {}
    lessons: list[tuple[str, str, str]] = []  # (title, resource type, file)
    if kind == "items":
        for n in range(200):
            if n % 5 < 3:
                files[f"img/{n}.png"] = make_image(f"Hình {n}", size=(320, 180))
                files[f"web/{n}.html"] = page(n, f"../img/{n}.png").encode()
                lessons.append((f"Bài {n}", "webcontent", f"web/{n}.html"))
            elif n % 5 == 3:
                body = "".join(question(q) for q in range(5))
                files[f"quiz/{n}.xml"] = (
                    f'<questestinterop xmlns="{QTI}"><assessment ident="a{n}" '
                    f'title="Kiểm tra {n}"><section ident="s">{body}</section>'
                    "</assessment></questestinterop>"
                ).encode()
                lessons.append(
                    (f"Kiểm tra {n}", "imsqti_xmlv1p2/imscc_xmlv1p3/assessment",
                     f"quiz/{n}.xml")
                )  # fmt: skip
            else:
                files[f"link/{n}.xml"] = (
                    f'<webLink xmlns="{WEB_LINK}"><title>Liên kết {n}</title>'
                    f'<url href="https://example.edu.vn/bai/{n}"/></webLink>'
                ).encode()
                lessons.append((f"Liên kết {n}", "imswl_xmlv1p3", f"link/{n}.xml"))
    else:
        noise = random.Random(50)
        for n in range(10):
            video = b"\x00\x00\x00\x18ftypmp42" + noise.randbytes(VIDEO_BYTES)
            files[f"video/{n}.mp4"] = video
            lessons.append((f"Video {n}", "webcontent", f"video/{n}.mp4"))
            files[f"img/{n}.png"] = make_image(f"Hình {n}", size=(1280, 720))
            files[f"web/{n}.html"] = page(n, f"../img/{n}.png").encode()
            lessons.append((f"Bài {n}", "webcontent", f"web/{n}.html"))
    files["imsmanifest.xml"] = manifest(lessons).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def manifest(lessons: list[tuple[str, str, str]]) -> str:
    modules, resources = [], []
    for start in range(0, len(lessons), 20):
        items = "".join(
            f'<item identifier="i{n}" identifierref="r{n}"><title>{title}</title></item>'
            for n, (title, _kind, _file) in enumerate(
                lessons[start : start + 20], start
            )
        )
        modules.append(
            f'<item identifier="m{start}"><title>Chương {start // 20 + 1}</title>'
            f"{items}</item>"
        )
    for n, (_title, kind, file) in enumerate(lessons):
        href = f' href="{file}"' if kind == "webcontent" else ""
        resources.append(
            f'<resource identifier="r{n}" type="{kind}"{href}><file href="{file}"/>'
            "</resource>"
        )
    return (
        f'<manifest identifier="bench" xmlns="{CC}"><metadata><schema>IMS Common '
        "Cartridge</schema><schemaversion>1.3.0</schemaversion><lom><general>"
        "<title><string>Khóa học đo hiệu năng</string></title></general></lom>"
        '</metadata><organizations><organization identifier="o" structure='
        f'"rooted-hierarchy"><item identifier="root">{"".join(modules)}</item>'
        f"</organization></organizations><resources>{''.join(resources)}"
        "</resources></manifest>"
    )


def run_case(kind: str, path: Path) -> None:
    media = tempfile.mkdtemp(prefix="cartridge-bench-")
    os.environ["MEDIA_ROOT"] = str(Path(media) / "media")
    os.environ.setdefault("ELASTICSEARCH_URL", "")
    from bench.setup_django import start_django, throwaway_postgresql

    start_django()
    from django.test.utils import override_settings

    with throwaway_postgresql(), override_settings(TASKS=QUEUED_TASKS):
        measure(kind, path)


QUEUED_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "processing", "search"],
    }
}


def measure(kind: str, path: Path) -> None:
    from django.contrib.auth.models import Group

    from accounts.models import User
    from accounts.roles import Role
    from courses.services import course_import_cartridge

    teacher = User.objects.create(username="bench_teacher", display_name="Bench")
    teacher.groups.add(Group.objects.get(name=Role.TEACHER.value))
    before = peak_resident_kib()
    started = time.perf_counter()
    with path.open("rb") as upload:
        outcome = course_import_cartridge(
            user=teacher,
            upload=upload,
            details={"subject": "toan", "grade": "6", "language": "vi"},
        )
    elapsed = time.perf_counter() - started
    peak = peak_resident_kib()
    report = outcome.report
    print(
        f"{kind:>8}: {path.stat().st_size / 1024 / 1024:6.1f} MB zip, "
        f"{report.lessons} lessons, {report.quizzes} quizzes, {report.images} "
        f"images, {report.materials} materials, {len(report.skipped)} skipped: "
        f"{elapsed:6.1f} s, peak RSS {peak / 1024:.0f} MiB "
        f"({before / 1024:.0f} MiB before the import)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=("items", "payload"))
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.file:
        run_case(args.case, args.file)
        return
    for kind in (args.case,) if args.case else ("items", "payload"):
        _in_own_process(kind)


def _in_own_process(kind: str) -> None:
    """Write the cartridge to disk here, so the importing process's peak
    memory is the import's and not the cartridge's making."""
    from bench.setup_django import start_django

    start_django()
    with tempfile.NamedTemporaryFile(suffix=".imscc") as cartridge:
        cartridge.write(build(kind))
        cartridge.flush()
        command = [sys.executable, __file__, "--case", kind, "--file", cartridge.name]
        subprocess.run(command, check=True)  # noqa: S603 (our own script)


if __name__ == "__main__":
    main()
