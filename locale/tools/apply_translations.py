"""Fill a message catalogue from a table of translations, then compile it.

Usage: python locale/tools/apply_translations.py LANG TABLE.py
TABLE.py defines a dict named after the language in upper case (e.g. VI).
For a plural entry the value is a dict of plural-form index to text, keyed by
the singular msgid; a plain string fills every plural form of the language.
Entries already translated are kept unless the table says otherwise.
"""

import runpy
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1]
PLURAL_FORMS = {"vi": "nplurals=1; plural=0;", "en": "nplurals=2; plural=(n != 1);"}


def main() -> None:
    language, table_path = sys.argv[1], sys.argv[2]
    table = runpy.run_path(table_path)[language.upper()]
    po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    nplurals = int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])
    catalogue.metadata_is_fuzzy = False
    catalogue.metadata.update(
        {
            "Language": language,
            "Language-Team": language,
            "Last-Translator": "Kho học liệu số",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": PLURAL_FORMS[language],
        }
    )
    for entry in catalogue:
        if entry.msgid in table:
            translation = table[entry.msgid]
            if entry.msgid_plural:
                if isinstance(translation, str):
                    translation = dict.fromkeys(range(nplurals), translation)
                entry.msgstr_plural = {int(i): t for i, t in translation.items()}
            else:
                entry.msgstr = translation
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            # Drop makemessages' "#| msgid" hints once the entry is settled.
            entry.previous_msgctxt = None
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
    catalogue.save()
    missing = [entry.msgid for entry in catalogue if not entry.translated()]
    catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(
        f"{language}: {len(catalogue) - len(missing)} translated, {len(missing)} missing"
    )
    for msgid in missing:
        print(f"  missing: {msgid!r}")


if __name__ == "__main__":
    main()
