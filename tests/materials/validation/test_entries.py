"""A zip that could unpack to different files is refused before it is kept."""

import unicodedata

import pytest
from django.utils import translation

from tests.materials.package_files import PAGE, raw_zip
from tests.materials.uploads import refused, upload

pytestmark = pytest.mark.django_db

NFC = unicodedata.normalize("NFC", "bài-tập.html")
NFD = unicodedata.normalize("NFD", "bài-tập.html")


def _renamed_in_local_header() -> bytes:
    """The directory says ``index.html``; the entry's own header says
    ``evil.html`` (same length, so the zip still opens)."""
    data = raw_zip([("index.html", PAGE)])
    header_name = data.index(b"index.html")
    return data[:header_name] + b"evilx.html" + data[header_name + 10 :]


CASES = {
    "duplicate_name": (
        raw_zip([("index.html", PAGE), ("index.html", b"<p>other</p>")]),
        "zip_duplicate_name",
        "contains index.html twice",
    ),
    "encrypted_flag": (
        raw_zip([("index.html", PAGE), ("bai.html", PAGE)], encrypted=("bai.html",)),
        "zip_encrypted",
        "password-protected (encrypted) file, which cannot be checked: bai.html",
    ),
    "names_differing_in_case": (
        raw_zip([("Index.html", PAGE), ("index.html", PAGE)]),
        "zip_ambiguous_name",
        "contains Index.html and index.html",
    ),
    "names_differing_in_accent_encoding": (
        raw_zip([(NFC, PAGE), (NFD, PAGE)]),
        "zip_ambiguous_name",
        "in how accents are encoded",
    ),
    "local_header_disagrees": (
        _renamed_in_local_header(),
        "zip_header_mismatch",
        "index.html is named differently",
    ),
}


@pytest.mark.parametrize(("data", "rule", "message"), CASES.values(), ids=list(CASES))
def test_an_ambiguous_zip_is_refused_and_nothing_is_stored(
    settings, data, rule, message
):
    error = refused(settings, data, name="goi-bai-hoc.zip")
    assert error.code == rule
    assert message in error.messages[0]


def test_folders_and_files_with_distinct_names_are_accepted():
    data = raw_zip([("bai/", b""), ("bai/index.html", PAGE), (NFC, PAGE)])
    assert upload(data, name="goi.zip").pk is not None


def test_a_vietnamese_teacher_reads_the_refusal_in_vietnamese(settings):
    with translation.override("vi"):
        error = refused(settings, CASES["duplicate_name"][0], name="goi.zip")
    assert error.messages[0] == (
        "Tệp nén zip chứa index.html hai lần; mỗi chương trình giải nén có thể lấy "
        "một bản khác nhau."
    )
