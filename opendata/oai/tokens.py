"""Stateless resumption tokens: the list request and the position, signed.

A token needs no server-side storage and cannot be forged or edited; it
expires after OAI_TOKEN_MAX_AGE seconds, after which the harvester restarts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _

from opendata.oai.errors import OaiError
from opendata.oai.records import Key

SALT = "opendata.oai.resumption"


@dataclass(frozen=True)
class ListState:
    """Everything needed to continue a list: its arguments and how far it got."""

    verb: str
    prefix: str
    spec: str | None
    start: datetime | None
    end: datetime | None
    cursor: int
    after: Key | None


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _unstamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def issue(state: ListState) -> str:
    return signing.dumps(
        {
            "v": state.verb,
            "m": state.prefix,
            "s": state.spec,
            "f": _stamp(state.start),
            "u": _stamp(state.end),
            "c": state.cursor,
            "k": state.after.dump() if state.after else None,
        },
        salt=SALT,
        compress=True,
    )


def expiry() -> datetime:
    return (timezone.now() + timedelta(seconds=settings.OAI_TOKEN_MAX_AGE)).astimezone(
        UTC
    )


def redeem(token: str, verb: str) -> ListState:
    """The state a token carries, or badResumptionToken with the reason."""
    try:
        raw = signing.loads(token, salt=SALT, max_age=settings.OAI_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise OaiError(
            "badResumptionToken",
            _("The resumption token has expired; start the list again."),
        ) from None
    except signing.BadSignature:
        raise OaiError(
            "badResumptionToken", _("The resumption token is not valid.")
        ) from None
    if not isinstance(raw, dict) or raw.get("v") != verb:
        raise OaiError(
            "badResumptionToken",
            _("The resumption token belongs to another verb."),
        )
    try:
        return ListState(
            verb=verb,
            prefix=raw["m"],
            spec=raw["s"],
            start=_unstamp(raw["f"]),
            end=_unstamp(raw["u"]),
            cursor=int(raw["c"]),
            after=Key.load(raw["k"]) if raw["k"] else None,
        )
    except (KeyError, TypeError, ValueError, IndexError):
        raise OaiError(
            "badResumptionToken", _("The resumption token is not valid.")
        ) from None
