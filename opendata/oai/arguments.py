"""Checking OAI-PMH request arguments exactly as the protocol lays them out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.http import QueryDict
from django.utils.translation import gettext as _

from opendata.oai.errors import OaiError

VERBS: dict[str, dict[str, set[str]]] = {
    # verb: required, optional, exclusive arguments
    "Identify": {"required": set(), "optional": set(), "exclusive": set()},
    "ListMetadataFormats": {
        "required": set(),
        "optional": {"identifier"},
        "exclusive": set(),
    },
    "ListSets": {
        "required": set(),
        "optional": set(),
        "exclusive": {"resumptionToken"},
    },
    "GetRecord": {
        "required": {"identifier", "metadataPrefix"},
        "optional": set(),
        "exclusive": set(),
    },
    "ListIdentifiers": {
        "required": {"metadataPrefix"},
        "optional": {"from", "until", "set"},
        "exclusive": {"resumptionToken"},
    },
    "ListRecords": {
        "required": {"metadataPrefix"},
        "optional": {"from", "until", "set"},
        "exclusive": {"resumptionToken"},
    },
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@dataclass(frozen=True)
class DateBound:
    """A from/until value: the instant it names and its granularity."""

    value: datetime
    day_granularity: bool

    @property
    def exclusive_end(self) -> datetime:
        """``until`` is inclusive to its granularity: the next instant after it."""
        return self.value + (
            timedelta(days=1) if self.day_granularity else timedelta(seconds=1)
        )


def parse_verb(params: QueryDict) -> str:
    verbs = params.getlist("verb")
    if len(verbs) != 1:
        raise OaiError(
            "badVerb",
            _("The verb argument is missing or repeated.")
            if not verbs
            else _("The verb argument may appear only once."),
        )
    verb = verbs[0]
    if verb not in VERBS:
        raise OaiError(
            "badVerb", _("“%(verb)s” is not an OAI-PMH verb.") % {"verb": verb}
        )
    return verb


def parse_arguments(verb: str, params: QueryDict) -> dict[str, str]:
    """The verb's arguments, or badArgument naming the rule broken."""
    rules = VERBS[verb]
    allowed = rules["required"] | rules["optional"] | rules["exclusive"] | {"verb"}
    for name in params:
        if name not in allowed:
            raise OaiError(
                "badArgument",
                _("“%(name)s” is not an argument of %(verb)s.")
                % {"name": name, "verb": verb},
            )
        if len(params.getlist(name)) > 1:
            raise OaiError(
                "badArgument",
                _("The argument “%(name)s” may appear only once.") % {"name": name},
            )
    arguments = {name: params[name] for name in params if name != "verb"}
    exclusive = rules["exclusive"] & arguments.keys()
    if exclusive:
        if len(arguments) > 1:
            raise OaiError(
                "badArgument",
                _("resumptionToken must be the only argument besides the verb."),
            )
        return arguments
    missing = sorted(rules["required"] - arguments.keys())
    if missing:
        raise OaiError(
            "badArgument",
            _("%(verb)s requires the argument(s): %(names)s.")
            % {"verb": verb, "names": ", ".join(missing)},
        )
    return arguments


def parse_date(name: str, raw: str) -> DateBound:
    if DAY.match(raw):
        fmt, day = "%Y-%m-%d", True
    elif SECONDS.match(raw):
        fmt, day = "%Y-%m-%dT%H:%M:%SZ", False
    else:
        raise OaiError(
            "badArgument",
            _(
                "“%(name)s” must be a UTC date as YYYY-MM-DD or "
                "YYYY-MM-DDThh:mm:ssZ, not “%(value)s”."
            )
            % {"name": name, "value": raw},
        )
    try:
        value = datetime.strptime(raw, fmt).replace(tzinfo=UTC)
    except ValueError:
        raise OaiError(
            "badArgument",
            _("“%(value)s” is not a real date.") % {"value": raw},
        ) from None
    return DateBound(value, day)


def parse_range(
    raw_from: str | None, raw_until: str | None
) -> tuple[datetime | None, datetime | None]:
    """[start, end) in UTC, checking granularity and order."""
    start = parse_date("from", raw_from) if raw_from else None
    until = parse_date("until", raw_until) if raw_until else None
    if start and until:
        if start.day_granularity != until.day_granularity:
            raise OaiError(
                "badArgument",
                _("“from” and “until” must have the same granularity."),
            )
        if start.value > until.value:
            raise OaiError("badArgument", _("“from” must not be later than “until”."))
    return (
        start.value if start else None,
        until.exclusive_end if until else None,
    )
