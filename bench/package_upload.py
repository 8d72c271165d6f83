"""How long a teacher's 50 MB SCORM 2004 package upload takes, and how much
memory it needs, on SQLite and on PostgreSQL.

The package is written on the spot: an ``imsmanifest.xml`` with LOM metadata
in Vietnamese and English, an ``index.html`` launch file, a few pages, and
mostly media payload (video and audio files of incompressible bytes, as
encoded media is). It is uploaded by ``material_upload``, the service the
upload page calls (the file is sniffed and validated, the manifest read, the
file stored, the draft and its revision saved); the processing the upload
enqueues is then run on its own, as the worker would (``process_material``),
so each figure is its own. Each database runs in a fresh process, with files
in a temporary folder and a throw-away database (a temporary SQLite file, or
``test_<name>`` from DATABASE_URL), all removed afterwards. Peak memory is
the process's peak resident size (Linux ``VmHWM``, reset before each step).

    [DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lms_bench] \\
        .venv/bin/python bench/package_upload.py [--database sqlite|postgresql]
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.memory import peak_resident_kib, reset_peak

MEDIA_FILES = 12
MEDIA_BYTES = 4 * 1024 * 1024
SCORM_2004 = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:lom="http://ltsc.ieee.org/xsd/LOM"'
)


def page(title: str, media: list[str]) -> bytes:
    players = "".join(
        f'<video controls src="{name}"></video>'
        if name.endswith(".mp4")
        else f'<audio controls src="{name}"></audio>'
        for name in media
    )
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}'
        f"</title></head><body><h1>{title}</h1><p>Quan sát và trả lời câu hỏi."
        f"</p>{players}</body></html>"
    ).encode()


def manifest(files: list[str]) -> str:
    lom = (
        "<lom:lom><lom:general><lom:title>"
        '<lom:string language="vi">Vật lí 8: Âm thanh và ánh sáng</lom:string>'
        '<lom:string language="en">Physics 8: Sound and light</lom:string>'
        "</lom:title><lom:description>"
        '<lom:string language="vi">Thí nghiệm quay phim về dao động và sóng âm.'
        "</lom:string></lom:description></lom:general></lom:lom>"
    )
    listed = "".join(f'<file href="{name}"/>' for name in files)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<manifest identifier="VATLI8" {SCORM_2004}><metadata><schema>ADL SCORM'
        f"</schema><schemaversion>2004 4th Edition</schemaversion>{lom}</metadata>"
        '<organizations default="ORG"><organization identifier="ORG">'
        '<title>Vật lí 8</title><item identifier="I1" identifierref="SCO1">'
        "<title>Bài 1: Âm thanh</title></item></organization></organizations>"
        '<resources><resource identifier="SCO1" type="webcontent" '
        f'adlcp:scormType="sco" href="index.html">{listed}</resource></resources>'
        "</manifest>"
    )


def build(path: Path) -> None:
    """Write the package to ``path``, entry by entry (a few MB in memory)."""
    noise = random.Random(50)
    media = [
        f"media/thi-nghiem-{n}.mp4" if n % 3 else f"media/am-thanh-{n}.mp3"
        for n in range(MEDIA_FILES)
    ]
    pages = {f"bai-{n}.html": page(f"Phần {n}", media[n::4]) for n in range(4)}
    index = page("Bài 1: Âm thanh", media[:2])
    files = ["index.html", *pages, *media]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest(files))
        archive.writestr("index.html", index)
        for name, data in pages.items():
            archive.writestr(name, data)
        for name in media:
            magic = b"\x00\x00\x00\x18ftypmp42" if name.endswith(".mp4") else b"ID3"
            archive.writestr(name, magic + noise.randbytes(MEDIA_BYTES))


QUEUED_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "processing", "search"],
    }
}


def run_case(database: str, package: Path) -> None:
    """In this fresh process: a throw-away database, upload, then process."""
    scratch = Path(tempfile.mkdtemp(prefix="package-bench-"))
    os.environ["MEDIA_ROOT"] = str(scratch / "media")
    os.environ["ELASTICSEARCH_URL"] = ""
    if database == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    from bench.setup_django import start_django, throwaway_postgresql

    start_django()
    from django.core.management import call_command
    from django.test.utils import override_settings

    try:
        with override_settings(TASKS=QUEUED_TASKS):
            if database == "sqlite":
                call_command("migrate", verbosity=0)
                measure(database, package)
            else:
                with throwaway_postgresql():
                    measure(database, package)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measure(database: str, package: Path) -> None:
    from django.contrib.auth.models import Group
    from django.db import connection

    from accounts.models import User
    from accounts.roles import Role
    from materials.processing import process_material
    from materials.services import material_upload

    teacher = User.objects.create(username="bench_teacher", display_name="Bench")
    teacher.groups.add(Group.objects.get(name=Role.TEACHER.value))
    metadata = {
        "subject": "vat-ly",
        "grade_levels": ["8"],
        "language": "vi",
        "material_type": "interactive",
        "licence": "cc-by",
    }
    before = reset_peak()
    started = time.perf_counter()
    with package.open("rb") as upload:
        material = material_upload(
            user=teacher, upload=upload, filename=package.name, metadata=metadata
        )
    uploaded = time.perf_counter() - started
    upload_peak = peak_resident_kib()
    reset_peak()
    started = time.perf_counter()
    processed = process_material(material.pk)
    processing = time.perf_counter() - started
    processing_peak = peak_resident_kib()
    size = package.stat().st_size
    stored = material.file.storage.size(material.file.name)
    print(
        f"{connection.vendor}: SCORM 2004 package of {size / 1e6:.1f} MB"
        f" ({size / 1024 / 1024:.1f} MiB), {stored / 1e6:.1f} MB stored"
    )
    print(
        f"  upload ({material.package_kind}, “{material.title}”):"
        f" {uploaded:.2f} s, peak RSS {upload_peak / 1024:.0f} MiB"
        f" ({before / 1024:.0f} MiB before)"
    )
    print(
        f"  processing ({processed.processing_status}):"
        f" {processing:.2f} s, peak RSS {processing_peak / 1024:.0f} MiB"
    )
    material.file.storage.delete(material.file.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"))
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.file:
        run_case(args.database, args.file)
        return
    with tempfile.TemporaryDirectory(prefix="package-bench-") as folder:
        package = Path(folder) / "vat-li-8-am-thanh.zip"
        build(package)
        for database in (args.database,) if args.database else ("sqlite", "postgresql"):
            command = [sys.executable, __file__, "--database", database]
            subprocess.run([*command, "--file", str(package)], check=True)  # noqa: S603


if __name__ == "__main__":
    main()
