"""Search parameters from the query string: cleaned, validated, never trusted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.text import normalise
from lms.vocabulary import GradeLevel, Language, Licence, MaterialType, Subject

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
MAX_SUGGESTIONS = 8
SORTS = ("relevance", "newest", "downloads")
_OPERATORS = re.compile(r"[\"'+\-=&|><!(){}\[\]^~*?:\\/]+")
_CURSOR_SALT = "search.cursor"

FACET_CHOICES: dict[str, dict[str, Any]] = {
    "kind": {
        "material": gettext_lazy("Learning material"),
        "course": gettext_lazy("Course"),
        "lesson": gettext_lazy("Lesson"),
    },
    "subject": dict(Subject.choices),
    "grade_levels": dict(GradeLevel.choices),
    "language": dict(Language.choices),
    "material_type": dict(MaterialType.choices),
    "licence": dict(Licence.choices),
}
# Query-string names for the facets (``grade`` reads better than the field).
FACET_PARAMS = {
    "kind": "kind",
    "subject": "subject",
    "grade_levels": "grade",
    "language": "language",
    "material_type": "type",
    "licence": "licence",
}


@dataclass
class SearchParams:
    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    after: list[Any] | None = None
    page: int = 1
    fuzzy: bool = False  # words matched with one or two letters different
    messages: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def clean_query(raw: str) -> tuple[str, list[str]]:
    """NFC, operator characters removed, whitespace collapsed, length capped."""
    messages = []
    text = normalise(raw or "")
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        messages.append(
            _("Searches are limited to %(limit)d characters; the rest was ignored.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    text = " ".join(_OPERATORS.sub(" ", text).split())
    return text, messages


def parse_params(data) -> SearchParams:
    """Validate query-string parameters; problems become messages, not errors."""
    query, messages = clean_query(data.get("q", ""))
    params = SearchParams(query=query, messages=messages)
    for facet, name in FACET_PARAMS.items():
        values = [value for value in data.getlist(name) if value]
        allowed = FACET_CHOICES[facet]
        unknown = [value for value in values if value not in allowed]
        if unknown:
            params.errors.append(
                _("Unknown %(name)s: %(values)s.")
                % {"name": name, "values": ", ".join(unknown[:5])}
            )
        chosen = [value for value in values if value in allowed]
        if chosen:
            params.filters[facet] = sorted(set(chosen))[:20]
    sort = data.get("sort") or "relevance"
    if sort not in SORTS:
        params.errors.append(
            _("Sort must be one of: %(choices)s.") % {"choices": ", ".join(SORTS)}
        )
        sort = "relevance"
    params.sort = sort
    _parse_position(data, params)
    return params


def _parse_position(data, params: SearchParams) -> None:
    page = data.get("page")
    cursor = data.get("after")
    if cursor:
        try:
            position = signing.loads(cursor, salt=_CURSOR_SALT)
            if position["for"] != [params.query, params.sort, params.filters]:
                raise ValueError("the cursor belongs to another search")
            params.after, params.page = position["after"], int(position["page"])
            params.fuzzy = bool(position.get("fuzzy", False))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            params.messages.append(
                _("That page link is no longer valid; showing the first page.")
            )
        return
    if page not in (None, "", "1"):
        params.messages.append(
            _(
                "Pages cannot be opened by number; showing the first page. "
                "Use “Next page” or narrow the search with the filters."
            )
        )


def encode_cursor(params: SearchParams, sort_values: list[Any]) -> str:
    """A signed position, valid only for the same words, sort and filters."""
    return signing.dumps(
        {
            "after": sort_values,
            "page": params.page + 1,
            "fuzzy": params.fuzzy,
            "for": [params.query, params.sort, params.filters],
        },
        salt=_CURSOR_SALT,
    )
