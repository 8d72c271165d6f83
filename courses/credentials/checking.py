"""Checking any Open Badges 3.0 credential, ours or another issuer's, the way
a verifier would: signature, issuer, revocation and dates, each told in words.

The verification page and ``manage.py credentials_verify`` both call
``check_credential``, so a person and a script get the same answer. Nothing is
fetched: a signature can be checked for this site's own ``did:web`` (its
active and retired keys) and for ``did:key`` issuers (the key is in the
identifier); another site's ``did:web`` keys, status lists and contexts are
not known here, and the report says so rather than guessing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.certificate_files import revocation_list_url
from courses.credentials import did, keys, proof
from courses.credentials.loader import UnknownDocumentError
from courses.credentials.multibase import MultibaseError, public_key_from_multibase
from courses.credentials.proof import ProofError
from courses.models import Certificate

# A credential with a few embedded achievements is a few kilobytes; this
# leaves room for a transcript while keeping canonicalization cheap.
MAX_CREDENTIAL_BYTES = 1_000_000
REQUIRED_TYPES = ("VerifiableCredential", "OpenBadgeCredential")


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Check:
    name: str
    outcome: Outcome
    message: str
    detail: str = ""


@dataclass
class Report:
    """What was found; ``problem`` is set when the input is no credential."""

    checks: list[Check] = field(default_factory=list)
    problem: str = ""
    issuer_name: str = ""
    achievement_name: str = ""

    @property
    def outcome(self) -> Outcome:
        if self.problem or any(c.outcome == Outcome.FAILED for c in self.checks):
            return Outcome.FAILED
        if any(c.outcome == Outcome.UNKNOWN for c in self.checks):
            return Outcome.UNKNOWN
        return Outcome.PASSED

    @property
    def verdict(self) -> str:
        return {
            Outcome.PASSED: _("This credential is valid."),
            Outcome.FAILED: _("This credential is not valid."),
            Outcome.UNKNOWN: _("This credential could only be partly checked here."),
        }[self.outcome]


def check_credential(text: str | bytes) -> Report:
    """Parse and check a credential given as JSON text."""
    document, problem = _parse(text)
    if problem:
        return Report(problem=problem)
    report = Report(
        issuer_name=_issuer(document)[1],
        achievement_name=_achievement_name(document),
    )
    report.checks = [
        _signature(document),
        _issuer_check(document),
        _status(document),
        _dates(document),
    ]
    return report


def _parse(text: str | bytes) -> tuple[dict, str]:
    if len(text) > MAX_CREDENTIAL_BYTES:
        return {}, _("The credential is larger than 1 MB; no credential is that big.")
    try:
        document = json.loads(text)
    except UnicodeDecodeError:
        return {}, _("This is not JSON: it is not text in UTF-8.")
    except json.JSONDecodeError as error:
        return {}, _(
            "This is not JSON: it breaks off at line %(line)s, column %(column)s."
        ) % {
            "line": error.lineno,
            "column": error.colno,
        }
    if not isinstance(document, dict):
        return {}, _("This JSON is not a credential: it must be one JSON object.")
    types = document.get("type")
    types = [types] if isinstance(types, str) else types
    if not isinstance(types, list) or not all(t in types for t in REQUIRED_TYPES):
        return {}, _(
            "This is not an Open Badges 3.0 credential: its type must include"
            " VerifiableCredential and OpenBadgeCredential."
        )
    return document, ""


def _issuer(document: dict) -> tuple[str, str]:
    issuer = document.get("issuer")
    if isinstance(issuer, str):
        return issuer, ""
    if isinstance(issuer, dict):
        return str(issuer.get("id", "")), _text(issuer.get("name"))
    return "", ""


def _text(value) -> str:
    """A plain or language-mapped name (OB 3.0 allows both)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return next((str(v) for v in value.values() if isinstance(v, str)), "")
    return ""


def _achievement_name(document: dict) -> str:
    subject = document.get("credentialSubject")
    if isinstance(subject, dict) and isinstance(subject.get("achievement"), dict):
        return _text(subject["achievement"].get("name"))
    return ""


def _signature(document: dict) -> Check:
    issuer_id = _issuer(document)[0]
    lookup = _key_lookup(issuer_id)
    if lookup is None:
        return Check(
            "signature",
            Outcome.UNKNOWN,
            _(
                "The signature cannot be checked here: the issuer %(issuer)s"
                " publishes its keys on its own site."
            )
            % {"issuer": issuer_id or _("(none named)")},
        )
    try:
        method = proof.verify(document, public_key=lookup)
    except UnknownDocumentError as error:
        return Check(
            "signature",
            Outcome.UNKNOWN,
            _(
                "The signature cannot be checked here: the credential uses a"
                " JSON-LD context this site does not hold."
            ),
            detail=str(error),
        )
    except ProofError as error:
        return Check(
            "signature",
            Outcome.FAILED,
            _(
                "The signature does not hold: the credential was changed after"
                " it was signed, or was not signed by its issuer."
            ),
            detail=str(error),
        )
    return Check(
        "signature",
        Outcome.PASSED,
        _("The signature is valid: the credential is as its issuer signed it."),
        detail=method,
    )


def _key_lookup(issuer_id: str):
    """Which keys may have signed for ``issuer_id``, or None if unknown here."""
    if issuer_id == did.issuer_did():
        keyring = keys.active_keyring()
        known = {
            did.verification_method_id(issuer_id, key.key_id): key.ed25519()
            for key in keyring.public_keys()
        }
        return _lookup_in(known, issuer_id)
    if issuer_id.startswith("did:key:z"):
        try:
            raw = public_key_from_multibase(issuer_id.removeprefix("did:key:"))
        except MultibaseError:
            return None
        key = Ed25519PublicKey.from_public_bytes(raw)
        fragment = issuer_id.removeprefix("did:key:")
        return _lookup_in({f"{issuer_id}#{fragment}": key}, issuer_id)
    return None


def _lookup_in(known: dict, issuer_id: str):
    def lookup(method: str) -> Ed25519PublicKey:
        if not method.startswith(issuer_id + "#"):
            raise ProofError(f"{method} is not a key of the issuer {issuer_id}")
        if method not in known:
            raise ProofError(f"{method} is not one of the issuer's keys")
        return known[method]

    return lookup


def _issuer_check(document: dict) -> Check:
    issuer_id, name = _issuer(document)
    shown = name or issuer_id or _("(none named)")
    if issuer_id and issuer_id == did.issuer_did():
        return Check(
            "issuer",
            Outcome.PASSED,
            _("Issued by %(name)s, this site.") % {"name": shown},
            detail=issuer_id,
        )
    return Check(
        "issuer",
        Outcome.UNKNOWN,
        _("Issued by %(name)s, not by this site.") % {"name": shown},
        detail=issuer_id,
    )


def _status(document: dict) -> Check:
    entry = document.get("credentialStatus")
    if not isinstance(entry, dict):
        return Check(
            "status",
            Outcome.UNKNOWN,
            _("The credential names no revocation list, so revocation is not known."),
        )
    url = str(entry.get("statusListCredential", ""))
    if not _our_revocation_list(url, document):
        return Check(
            "status",
            Outcome.UNKNOWN,
            _("Its revocation list belongs to another issuer and is not checked here."),
            detail=url,
        )
    try:
        index = int(entry.get("statusListIndex", ""))
    except (TypeError, ValueError):
        return Check(
            "status",
            Outcome.FAILED,
            _("Its revocation entry has no valid position in the list."),
        )
    if Certificate.objects.filter(pk=index, revoked_at__isnull=False).exists():
        return Check("status", Outcome.FAILED, _("The issuer has revoked it."))
    return Check("status", Outcome.PASSED, _("The issuer has not revoked it."))


def _our_revocation_list(url: str, document: dict) -> bool:
    """Our list, on whichever of the site's addresses the credential was
    downloaded from: our path, in a credential our issuer signed for."""
    ours = urlsplit(revocation_list_url()).path
    return urlsplit(url).path == ours and _issuer(document)[0] == did.issuer_did()


def _dates(document: dict) -> Check:
    now = timezone.now()
    moments = {}
    for name in ("validFrom", "validUntil"):
        value = document.get(name)
        if value is None:
            continue
        try:
            moments[name] = datetime.fromisoformat(str(value))
        except ValueError:
            return Check(
                "dates",
                Outcome.FAILED,
                _("%(field)s is not a date and time.") % {"field": name},
                detail=str(value),
            )
        if timezone.is_naive(moments[name]):
            moments[name] = moments[name].replace(tzinfo=UTC)
    start, end = moments.get("validFrom"), moments.get("validUntil")
    if start is None:
        return Check(
            "dates", Outcome.FAILED, _("The credential has no validFrom date.")
        )
    if start > now:
        return Check(
            "dates",
            Outcome.FAILED,
            _("It is not valid before %(date)s.") % {"date": _day(start)},
        )
    if end is not None and end < now:
        return Check(
            "dates",
            Outcome.FAILED,
            _("It expired on %(date)s.") % {"date": _day(end)},
        )
    if end is None:
        message = _("Valid since %(date)s, with no end date.") % {"date": _day(start)}
    else:
        message = _("Valid from %(start)s until %(end)s.") % {
            "start": _day(start),
            "end": _day(end),
        }
    return Check("dates", Outcome.PASSED, message)


def _day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATE_FORMAT")
