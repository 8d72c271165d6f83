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

    # Keyed with the context: one word may stand for two things ("subject").
    assert {(e.msgctxt, e.msgid): e.msgstr for e in source if e.translated()} == {
        (e.msgctxt, e.msgid): e.msgstr for e in compiled if e.msgid
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


def _wagtail_catalogues(language: str) -> list[polib.POFile]:
    import wagtail

    root = Path(wagtail.__file__).parent
    return [
        polib.pofile(str(path))
        for path in root.glob(f"**/locale/{language}/LC_MESSAGES/django.po")
    ]


def test_the_project_catalogue_never_changes_what_wagtail_says():
    """Our catalogue is read before Wagtail's, so a msgid of ours that Wagtail
    also uses replaces Wagtail's wording in its admin ("Pages" became "Số
    trang" in the admin menu). A shared word with another meaning here takes
    a context; without one, it must read as Wagtail's own Vietnamese does."""
    wagtail_msgids = {
        entry.msgid
        for catalogue in _wagtail_catalogues("en")
        for entry in catalogue
        if not entry.msgctxt
    }
    wagtail_says = {}
    for catalogue in _wagtail_catalogues("vi"):
        for entry in catalogue:
            if not entry.msgctxt and entry.msgstr:
                wagtail_says.setdefault(entry.msgid, entry.msgstr)
    framework = Path(__file__).resolve().parents[2] / "framework_locale" / "locale"
    for entry in polib.pofile(str(framework / "vi" / "LC_MESSAGES" / "django.po")):
        if not entry.msgctxt and entry.msgstr:
            wagtail_says[entry.msgid] = entry.msgstr
    ours = polib.pofile(str(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))

    changed = {
        entry.msgid: (entry.msgstr, wagtail_says.get(entry.msgid))
        for entry in ours
        if not entry.msgctxt
        and entry.msgid in wagtail_msgids
        and entry.msgstr != wagtail_says.get(entry.msgid)
    }

    assert changed == {}
