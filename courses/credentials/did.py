"""The issuer's ``did:web`` identifier and DID document.

``did:web`` ties the issuer to the site's own domain: a verifier turns
``did:web:example.org`` into ``https://example.org/.well-known/did.json`` and
finds the public keys there, with no registry or blockchain in between. A
port is part of the host and is written ``%3A`` (the did:web method spec).
Every active and retired key is listed, so rotating keys never breaks a
credential issued earlier.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

from courses.credentials.keys import Keyring
from courses.credentials.loader import DID_V1, MULTIKEY_V1


def issuer_did(site_url: str | None = None) -> str:
    """``did:web:<host>``, or ``did:web:<host>%3A<port>`` from ``SITE_URL``."""
    parts = urlsplit(site_url or settings.SITE_URL)
    host = (parts.hostname or "localhost").lower()
    if parts.port:
        host = f"{host}%3A{parts.port}"
    return f"did:web:{host}"


def verification_method_id(did: str, key_id: str) -> str:
    return f"{did}#{key_id}"


def did_document(keyring: Keyring, did: str) -> dict:
    """The DID document with every key as a ``Multikey`` assertion method."""
    methods = [
        {
            "id": verification_method_id(did, key.key_id),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.multibase,
        }
        for key in keyring.public_keys()
    ]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
