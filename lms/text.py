"""Text helpers for Vietnamese: normalisation, diacritic folding, slugs."""

import unicodedata

from django.utils.text import slugify

# Letters that Unicode decomposition does not reduce to ASCII.
_UNDECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "D"})


def normalise(text: str) -> str:
    """NFC form, so the same word typed on two keyboards compares equal."""
    return unicodedata.normalize("NFC", text)


def fold_diacritics(text: str) -> str:
    """Vietnamese without tone marks or diacritics: 'Địa lý' -> 'Dia ly'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_UNDECOMPOSABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def ascii_slug(text: str, *, max_length: int = 255, fallback: str = "item") -> str:
    """A URL slug readable without diacritics: 'Địa lý lớp 6' -> 'dia-ly-lop-6'."""
    return slugify(fold_diacritics(text))[:max_length].strip("-") or fallback
