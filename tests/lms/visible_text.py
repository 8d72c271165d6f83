"""What a person sees or hears on a page, and the two language checks on it.

A page's text is read as a person meets it: text inside <script>, <style> and
<template> is dropped, inline elements (links, <mark>, <span>...) stay part of
their sentence, block elements (paragraphs, cells, options, buttons...) start
a new line, and the attributes that are shown or read aloud (title,
placeholder, alt, aria-label, the value of a button) count as lines too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
from lxml import html as lxml_html

CATALOGUE = (
    Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES" / "django.po"
)

NOT_SHOWN = ("script", "style", "template")
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "label",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "optgroup",
        "option",
        "p",
        "pre",
        "progress",
        "section",
        "select",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
SPOKEN_ATTRIBUTES = (
    "title",
    "placeholder",
    "alt",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
)
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})


@dataclass(frozen=True)
class Line:
    """One piece of visible text; ``source`` says where it came from."""

    text: str
    source: str = "text"

    def __str__(self) -> str:
        return self.text if self.source == "text" else f"[{self.source}] {self.text}"


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def visible_lines(document: str, *, leave_out: str = "") -> list[Line]:
    """The page's visible text and spoken attributes, one ``Line`` each.

    ``leave_out`` is an XPath of elements whose text is checked elsewhere.
    """
    root = lxml_html.document_fromstring(document)
    for element in root.xpath(" | ".join(f"//{tag}" for tag in NOT_SHOWN)):
        element.drop_tree()
    if leave_out:
        for element in root.xpath(leave_out):
            element.drop_tree()
    chunks: list[str] = []
    _collect(root, chunks)
    lines = [Line(_squeeze(text)) for text in "".join(chunks).split("\n")]
    lines += _attribute_lines(root)
    return [line for line in lines if line.text]


def _collect(element, chunks: list[str]) -> None:
    if not isinstance(element.tag, str):  # a comment or processing instruction
        chunks.append(element.tail or "")
        return
    block = element.tag in BLOCKS
    chunks.append("\n" if block else "")
    chunks.append(element.text or "")
    for child in element:
        _collect(child, chunks)
    chunks.append("\n" if block else "")
    chunks.append(element.tail or "")


def _attribute_lines(root) -> list[Line]:
    lines = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in {"link", "meta"}:
            continue
        for name in SPOKEN_ATTRIBUTES:
            if element.get(name):
                lines.append(Line(_squeeze(element.get(name)), name))
        kind = (element.get("type") or "").lower()
        if element.tag == "input" and kind in BUTTON_INPUTS and element.get("value"):
            lines.append(Line(_squeeze(element.get("value")), "button value"))
    return lines


def admin_menu_labels(document: str) -> list[Line]:
    """The Wagtail admin menu's labels, which it sends as JSON for its script."""
    page = lxml_html.document_fromstring(document)
    props = page.xpath("//script[@id='wagtail-sidebar-props']/text()")
    labels: list[Line] = []

    def collect(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "label" and isinstance(item, str):
                    labels.append(Line(item, "menu"))
                else:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for text in props:
        collect(json.loads(text))
    return labels


# English pages -------------------------------------------------------------

# Vietnamese writes its vowels with these marks (NFD): grave, acute, tilde,
# hook above, dot below (tones), circumflex, breve and horn; đ is a letter.
VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def vietnamese_letters(text: str) -> str:
    """The letters of ``text`` that only Vietnamese (of our two) writes."""
    return "".join(
        char
        for char in text
        if char in "đĐ"
        or any(mark in VIETNAMESE_MARKS for mark in unicodedata.normalize("NFD", char))
    )


# Vietnamese pages ----------------------------------------------------------

# A Vietnamese syllable written without its marks: an initial consonant, up
# to three vowels and a final consonant. Most English words cannot be read
# this way ("sign", "course", "and"), so a word that cannot is English.
VIETNAMESE_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"[aeiouy]{1,3}"
    r"(ch|ng|nh|[cmnpt])?"
)
WORD = re.compile(r"[^\W\d_]+")
NOT_WORDS = re.compile(
    r"https?://\S+"  # addresses
    r"|\S+@\S+"  # email addresses
    r"|\S+\.(?:pdf|png|jpg|jpeg|webp|csv|json|docx?|txt|mp4)\b"  # file names
    r"|\b(?:application|audio|image|text|video)/[\w.+-]+"  # file types
    r"|\b[0-9a-f]{16,}\b"  # hashes
)


def english_words(text: str, *, allowed_words: frozenset[str]) -> list[str]:
    """Words of ``text`` that are plain English rather than Vietnamese."""
    text = NOT_WORDS.sub(" ", text)
    return [
        word
        for word in WORD.findall(text)
        if word.isascii()
        and word not in allowed_words
        and not VIETNAMESE_SYLLABLE.fullmatch(word.lower())
    ]


def without(text: str, phrases: list[str]) -> str:
    """``text`` with every occurrence of ``phrases`` (longest first) blanked."""
    for phrase in phrases:
        text = text.replace(phrase, " ")
    return text


PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdif]|%%")


def _as_pattern(msgid: str) -> re.Pattern | None:
    """A pattern matching ``msgid`` with any values in its placeholders, or
    None when nothing but placeholders and punctuation would be left."""
    msgid = _squeeze(msgid)
    parts = PLACEHOLDER.split(msgid)
    if not any(WORD.search(part) for part in parts):
        return None
    holes = PLACEHOLDER.findall(msgid)
    pattern = re.escape(parts[0])
    for hole, part in zip(holes, parts[1:], strict=True):
        pattern += ("%" if hole == "%%" else ".+?") + re.escape(part)
    return re.compile(pattern)


@cache
def translated_msgids() -> tuple[tuple[str, re.Pattern], ...]:
    """Each English source string that the catalogue translates differently."""
    found = []
    for entry in polib.pofile(str(CATALOGUE)):
        if not entry.translated() or entry.obsolete:
            continue
        translations = (
            list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        )
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            if msgid in translations:
                continue
            pattern = _as_pattern(msgid)
            if pattern is not None:
                found.append((msgid, pattern))
    return tuple(found)


def untranslated_msgid(text: str) -> str | None:
    """The catalogue's English string that ``text`` is, if it is one."""
    for msgid, pattern in translated_msgids():
        if pattern.fullmatch(text):
            return msgid
    return None
