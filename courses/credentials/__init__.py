"""Signed Open Badges 3.0 credentials and CLR 2.0 transcripts: what the site
signs and how to check it.

Each certificate's OB 3.0 ``OpenBadgeCredential``, and each learner's
transcript (a CLR 2.0 ``ClrCredential`` embedding those), carries a W3C Data
Integrity proof (``eddsa-rdfc-2022``) by the site's ``did:web`` issuer, so a
wallet or employer can check it offline against the site's DID document
instead of trusting the verification page alone.

Modules, lowest first: ``multibase`` (base58btc, Multikey), ``loader`` (the
shipped JSON-LD contexts, nothing fetched), ``keys`` (where keys come from),
``did`` (the issuer's DID document), ``proof`` (the cryptosuite itself),
``status_list`` (the signed revocation list); then the checks a verifier
makes: ``report`` (outcomes in words), ``validity`` (dates), ``checking``.
"""

from __future__ import annotations

from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from courses.credentials import did, keys, proof
from courses.credentials.keys import CredentialKeyError
from courses.credentials.proof import ProofError

__all__ = [
    "CredentialKeyError",
    "ProofError",
    "issuer_did",
    "issuer_did_document",
    "sign_credential",
    "verify_credential",
]


def issuer_did() -> str:
    return did.issuer_did()


def issuer_did_document() -> dict:
    return did.did_document(keys.active_keyring(), did.issuer_did())


def sign_credential(document: dict, *, created: datetime) -> dict:
    """``document`` signed by the active key; raises ``CredentialKeyError``."""
    keyring = keys.active_keyring()
    method = did.verification_method_id(did.issuer_did(), keyring.active_id)
    return proof.sign(
        document,
        private_key=keyring.private_key,
        verification_method=method,
        created=created,
    )


def _public_key_lookup(keyring: keys.Keyring, issuer: str):
    known = {
        did.verification_method_id(issuer, key.key_id): key
        for key in keyring.public_keys()
    }

    def lookup(method: str) -> Ed25519PublicKey:
        if method not in known:
            raise ProofError(f"{method} is not one of this site's keys")
        return known[method].ed25519()

    return lookup


def verify_credential(document: dict) -> str:
    """Check a credential against this site's active and retired keys.

    Returns the verification method that signed it, or raises ``ProofError``.
    """
    keyring = keys.active_keyring()
    return proof.verify(
        document, public_key=_public_key_lookup(keyring, did.issuer_did())
    )
