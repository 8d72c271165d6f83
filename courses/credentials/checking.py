"""Checking any Open Badges 3.0 credential or CLR 2.0 transcript, ours or
another issuer's, the way a verifier would: signature, issuer, revocation and
dates, each told in words. A transcript (``ClrCredential``) is checked as a
whole, then each course credential embedded in it is checked on its own.

The verification page and ``manage.py credentials_verify`` both call
``check_credential``, so a person and a script get the same answer. Nothing is
fetched: a signature can be checked for this site's own ``did:web`` (its
active and retired keys) and for ``did:key`` issuers (the key is in the
identifier); another site's ``did:web`` keys, status lists and contexts are
not known here, and the report says so rather than guessing.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.utils.translation import gettext as _

from courses.certificate_files import revocation_list_url
from courses.credentials import did, keys, proof
from courses.credentials.loader import UnknownDocumentError
from courses.credentials.multibase import MultibaseError, public_key_from_multibase
from courses.credentials.proof import ProofError
from courses.credentials.report import Check, Outcome, Report
from courses.credentials.validity import dates_check
from courses.models import Certificate

__all__ = ["MAX_CREDENTIAL_BYTES", "Check", "Outcome", "Report", "check_credential"]

# A credential with a few embedded achievements is a few kilobytes; this
# leaves room for a transcript while keeping canonicalization cheap.
MAX_CREDENTIAL_BYTES = 1_000_000
BASE_TYPE = "VerifiableCredential"
# "AchievementCredential" is the Open Badges 3.0 alias of OpenBadgeCredential.
BADGE_TYPES = ("OpenBadgeCredential", "AchievementCredential")
TRANSCRIPT_TYPE = "ClrCredential"


def check_credential(text: str | bytes) -> Report:
    """Parse and check a credential given as JSON text."""
    document, problem = _parse(text)
    if problem:
        return Report(problem=problem)
    return _check_document(document)


def _check_document(document: dict, *, embedded: bool = False) -> Report:
    is_transcript = TRANSCRIPT_TYPE in _types(document)
    report = Report(
        issuer_name=_issuer(document)[1],
        achievement_name=_text(document.get("name"))
        if is_transcript
        else _achievement_name(document),
        is_transcript=is_transcript,
    )
    report.checks = [
        _signature(document),
        _issuer_check(document),
        _transcript_status() if is_transcript else _status(document),
        dates_check(document),
    ]
    if is_transcript and not embedded:
        report.parts = [
            _embedded_report(part) for part in _embedded_credentials(document)
        ]
    return report


def _embedded_report(part) -> Report:
    if not isinstance(part, dict) or not _is_credential(part):
        return Report(
            problem=_(
                "An entry of the transcript is not an Open Badges 3.0 credential."
            )
        )
    return _check_document(part, embedded=True)


def _embedded_credentials(document: dict) -> list:
    subject = document.get("credentialSubject")
    if not isinstance(subject, dict):
        return []
    parts = subject.get("verifiableCredential", [])
    return parts if isinstance(parts, list) else [parts]


def _transcript_status() -> Check:
    return Check(
        "status",
        Outcome.PASSED,
        _(
            "A transcript has no revocation entry of its own: each course"
            " credential in it is checked for revocation below."
        ),
    )


def _types(document: dict) -> list:
    types = document.get("type")
    types = [types] if isinstance(types, str) else types
    return types if isinstance(types, list) else []


def _is_credential(document: dict) -> bool:
    types = _types(document)
    return BASE_TYPE in types and any(t in types for t in BADGE_TYPES)


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
    is_transcript = {BASE_TYPE, TRANSCRIPT_TYPE} <= set(_types(document))
    if not (_is_credential(document) or is_transcript):
        return {}, _(
            "This is neither an Open Badges 3.0 credential nor a CLR 2.0"
            " transcript: its type must include VerifiableCredential and"
            " OpenBadgeCredential or ClrCredential."
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
