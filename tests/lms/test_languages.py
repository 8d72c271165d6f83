"""Vietnamese by default, English on request, and nothing left untranslated."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"

pytestmark = pytest.mark.django_db


def test_every_interface_string_has_a_vietnamese_translation():
    catalogue = polib.pofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalogue if not entry.translated()]

    assert untranslated == []
    assert catalogue.percent_translated() == 100


def test_compiled_catalogue_matches_its_source():
    source = polib.pofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))
    compiled = polib.mofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.mo"))

    assert {e.msgid: e.msgstr for e in source if e.translated()} == {
        e.msgid: e.msgstr for e in compiled if e.msgid
    }


def test_home_page_speaks_vietnamese_by_default(client, home_page):
    html = client.get("/").content.decode()

    assert '<html lang="vi">' in html
    assert "Khóa học nổi bật" in html
    assert "Featured courses" not in html


def test_language_switcher_changes_the_interface_to_english(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302

    html = client.get("/").content.decode()

    assert '<html lang="en">' in html
    assert "Featured courses" in html
    assert "Khóa học nổi bật" not in html
