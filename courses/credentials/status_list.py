"""W3C Bitstring Status List: revocation that a verifier checks by itself.

Every credential names one bit of the site's revocation list
(``credentialStatus``, a ``BitstringStatusListEntry``); the list is itself a
signed ``BitstringStatusListCredential`` whose bit is 1 once the certificate
is revoked. A verifier holding a credential learns its status without asking
about that one certificate, and the list is at least 131,072 bits long (the
spec's minimum) so one download says little about who holds which.

The encoded list is multibase base64url (``u``) of the GZIP-compressed
bits, index 0 being the most significant bit of the first byte. GZIP is
written with a zero timestamp so the same revocations give the same bytes.
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Iterable
from datetime import datetime

from courses.credentials.loader import VC_V2
from courses.credentials.proof import xsd_datetime

MIN_BITS = 131_072
REVOCATION = "revocation"
BASE64URL = "u"


class StatusListError(ValueError):
    """An encoded list that is not multibase base64url GZIP data."""


def list_length(highest_index: int) -> int:
    """Bits needed to hold ``highest_index``, in whole blocks of MIN_BITS."""
    blocks = highest_index // MIN_BITS + 1
    return blocks * MIN_BITS


def encode_bits(indices: Iterable[int], *, length: int) -> str:
    bits = bytearray(length // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return BASE64URL + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode_bits(encoded: str) -> bytes:
    if not encoded.startswith(BASE64URL):
        raise StatusListError("the encoded list is not multibase base64url ('u')")
    body = encoded[1:]
    try:
        return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, OSError) as problem:
        raise StatusListError(
            f"the encoded list cannot be decoded: {problem}"
        ) from None


def is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_entry(*, list_url: str, index: int) -> dict:
    """The ``credentialStatus`` of the credential with bit ``index``."""
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": REVOCATION,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_credential(
    *,
    list_url: str,
    issuer: str,
    revoked: Iterable[int],
    highest_index: int,
    valid_from: datetime,
) -> dict:
    """The unsigned revocation list credential; sign it like any other."""
    return {
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": xsd_datetime(valid_from),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": REVOCATION,
            "encodedList": encode_bits(revoked, length=list_length(highest_index)),
        },
    }
