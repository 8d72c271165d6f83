"""Every bad input is refused with a message naming the rule; nothing stays."""

import pytest

from materials import services
from materials.models import Material
from tests.factories import TeacherFactory
from tests.factories.materials import material_metadata, uploaded
from tests.materials.files import PDF, PNG, png_claiming, zip_bytes
from tests.materials.uploads import refused as _refused
from tests.materials.uploads import stored_files as _stored_files

pytestmark = pytest.mark.django_db


FILE_CASES = [
    ("windows_program", b"MZ\x90\x00" + b"\x00" * 200, "bai-tap.pdf", "Programs"),
    ("linux_program", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "a.pdf", "Programs"),
    ("shell_script", b"#!/bin/sh\nrm -rf /\n", "a.docx", "Programs"),
    (
        "html_page",
        b"<!DOCTYPE html><html><body>hi</body></html>",
        "a.pdf",
        "HTML",
    ),
    ("html_script", b"  <script>alert(1)</script>", "a.png", "HTML"),
    (
        "svg_with_script",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "a.svg",
        "scripts",
    ),
    (
        "svg_with_handler",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
        "a.svg",
        "scripts",
    ),
    ("pdf_zip_polyglot", PDF + zip_bytes({"a.txt": b"x"}), "a.pdf", "zip archive"),
    ("png_html_polyglot", PNG + b"<script>alert(1)</script>", "a.png", "web page"),
    ("empty", b"", "a.pdf", "empty"),
    ("corrupt_pdf", b"%PDF-1.4\n1 0 obj << garbage", "a.pdf", "damaged"),
    (
        "pdf_javascript",
        PDF.replace(b"/Type /Catalog", b"/Type /Catalog /OpenAction << /JS (x) >>"),
        "a.pdf",
        "JavaScript",
    ),
    ("image_bomb", png_claiming(100_000, 100_000), "a.png", "pixels"),
    ("unknown_type", b"just some plain text", "a.txt", "not accepted"),
    ("zip_traversal", zip_bytes({"../evil.txt": b"x"}), "pkg.zip", "leaving"),
    ("zip_absolute", zip_bytes({"/etc/passwd": b"x"}), "pkg.zip", "absolute"),
    (
        "zip_symlink",
        zip_bytes({"imsmanifest.xml": b"<m/>", "link": b"/etc"}, symlinks=("link",)),
        "pkg.zip",
        "symbolic link",
    ),
    ("zip_bomb", zip_bytes({"zeros.bin": b"\x00" * 2_000_000}), "pkg.zip", "zip bomb"),
    ("corrupt_zip", b"PK\x03\x04" + b"\x00" * 50, "pkg.zip", "damaged"),
]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [case[1:] for case in FILE_CASES],
    ids=[case[0] for case in FILE_CASES],
)
def test_bad_files_are_refused_and_nothing_is_stored(settings, data, name, message):
    """The refusal names the rule and storage and database stay empty."""
    error = _refused(settings, data, name=name)
    assert message in " ".join(error.messages)


def test_a_zip_with_too_many_entries_is_refused(settings):
    settings.MATERIALS_MAX_ZIP_ENTRIES = 3
    data = zip_bytes({f"page{n}.html": b"<p>x</p>" for n in range(4)})
    error = _refused(settings, data, name="h5p.zip")
    assert "more than 3 files" in error.messages[0]


def test_files_over_the_limit_for_their_type_are_refused(settings):
    settings.MATERIALS_MAX_UPLOAD_BYTES = {
        **settings.MATERIALS_MAX_UPLOAD_BYTES,
        "document": 1024,
    }
    error = _refused(settings, PDF + b"%" * 2048, name="big.pdf")
    assert "larger than" in error.messages[0]
    assert "limit for this type" in error.messages[0]


@pytest.mark.parametrize(
    ("name", "message"),
    [("bai\x07tap.pdf", "control characters"), ("a" * 300 + ".pdf", "longer than")],
    ids=["control_characters", "too_long"],
)
def test_bad_file_names_are_refused(settings, name, message):
    error = _refused(settings, PDF, name=name)
    assert message in error.messages[0]


@pytest.mark.parametrize(
    ("metadata", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "T" * 256}, "title"),
        ({"description": "D" * 10_001}, "description"),
        ({"subject": ""}, "subject"),
        ({"grade_levels": []}, "grade_levels"),
        ({"keywords": ",".join(["k"] * 1) + "," + "x" * 101}, "keywords"),
    ],
    ids=["no_title", "long_title", "long_description", "no_subject", "no_grade", "kw"],
)
def test_missing_or_too_long_metadata_is_refused(settings, metadata, field):
    """The error is attached to the field that broke the rule."""
    error = _refused(settings, PDF, **metadata)
    assert field in error.message_dict


def test_a_database_failure_after_storing_removes_the_file(settings, monkeypatch):
    """The file is written before the row; if the row fails the file goes too."""

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Material, "save_revision", fail)
    with pytest.raises(RuntimeError):
        services.material_upload(
            user=TeacherFactory(),
            upload=uploaded("bai.pdf", PDF),
            filename="bai.pdf",
            metadata=material_metadata(),
        )
    assert Material.objects.count() == 0
    assert _stored_files(settings) == []
