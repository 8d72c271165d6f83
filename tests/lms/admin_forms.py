"""Sending an admin form back as a browser would, with what it shows."""

from __future__ import annotations

from lxml import html as lxml_html

UNSENT_INPUTS = frozenset({"submit", "button", "reset", "file", "image"})


def form_data(document: str, *, form_id: str) -> dict[str, list[str]]:
    """The values the form ``form_id`` would send unchanged: its fields as
    filled in, checked boxes only, the selected options, no buttons."""
    form = lxml_html.document_fromstring(document).get_element_by_id(form_id)
    data: dict[str, list[str]] = {}
    for field in form.xpath(".//input[@name] | .//textarea[@name] | .//select[@name]"):
        name, kind = field.get("name"), (field.get("type") or "text").lower()
        if field.tag == "input" and kind in UNSENT_INPUTS or field.get("disabled"):
            continue
        if kind in {"checkbox", "radio"} and field.get("checked") is None:
            continue
        if field.tag == "select":
            values = [
                o.get("value", o.text or "")
                for o in field.xpath(".//option[@selected]")
            ]
        elif field.tag == "textarea":
            # A browser drops the newline that opens a textarea's text.
            text = field.text or ""
            values = [text.removeprefix("\n")]
        else:
            values = [field.get("value", "on" if kind in {"checkbox", "radio"} else "")]
        data.setdefault(name, []).extend(values)
    return data
