"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite.

Implements the W3C "Data Integrity EdDSA Cryptosuites v1.0" algorithms for
``eddsa-rdfc-2022``: the document without its proof and the proof options
(with the document's ``@context``) are each turned into canonical N-Quads
with RDF Dataset Canonicalization (URDNA2015, now RDFC-1.0), hashed with
SHA-256, and the two hashes, proof options first, are signed with Ed25519.
Signing the canonical RDF rather than the JSON text means whitespace, key
order or a different JSON-LD serialisation of the same statements do not
break the signature, while any change to what the credential says does.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pyld import jsonld

from courses.credentials.loader import UnknownDocumentError, local_loader
from courses.credentials.multibase import (
    MultibaseError,
    base58btc_decode,
    base58btc_encode,
)

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
ASSERTION_METHOD = "assertionMethod"


class ProofError(ValueError):
    """The credential's proof is missing, malformed or does not verify."""


def xsd_datetime(moment: datetime) -> str:
    """An XML Schema ``dateTimeStamp`` in UTC to the second, as the spec shows."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _unknown_document(error: BaseException | None) -> UnknownDocumentError | None:
    """The refused URL behind pyld's nested errors, if that is the cause."""
    while error is not None:
        if isinstance(error, UnknownDocumentError):
            return error
        error = getattr(error, "cause", None) or error.__cause__
    return None


def canonical_nquads(document: dict) -> str:
    """The RDFC-1.0 (URDNA2015) canonical N-Quads, contexts from files only."""
    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": local_loader,
    }
    try:
        return jsonld.normalize(document, options)
    except jsonld.JsonLdError as error:
        refused = _unknown_document(error)
        if refused is not None:
            raise UnknownDocumentError(refused.url) from None
        raise


def _hash_data(unsecured: dict, options: dict) -> bytes:
    options = {**options, "@context": unsecured["@context"]}
    options_hash = hashlib.sha256(canonical_nquads(options).encode()).digest()
    document_hash = hashlib.sha256(canonical_nquads(unsecured).encode()).digest()
    return options_hash + document_hash


def proof_options(*, verification_method: str, created: datetime) -> dict:
    return {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": xsd_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": ASSERTION_METHOD,
    }


def sign(
    document: dict,
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime,
) -> dict:
    """A copy of ``document`` with a ``proof``; the input is left untouched.

    Ed25519 signatures are deterministic, so the same document, key and
    ``created`` always give the same proof value.
    """
    unsecured = copy.deepcopy(document)
    unsecured.pop("proof", None)
    options = proof_options(verification_method=verification_method, created=created)
    signature = private_key.sign(_hash_data(unsecured, options))
    # A list of one: the Open Badges 3.0 schema wants ``proof`` as an array.
    secured = {**options, "proofValue": base58btc_encode(signature)}
    return {**unsecured, "proof": [secured]}


def _checked_proof(document: dict) -> dict:
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofError("the credential has no single embedded proof")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError(f"the proof is not a {PROOF_TYPE} with {CRYPTOSUITE}")
    if proof.get("proofPurpose") != ASSERTION_METHOD:
        raise ProofError("the proof's purpose is not assertionMethod")
    for name in ("verificationMethod", "created", "proofValue"):
        if not isinstance(proof.get(name), str):
            raise ProofError(f"the proof has no {name}")
    return proof


def verify(document: dict, *, public_key: Callable[[str], Ed25519PublicKey]) -> str:
    """Check the proof; return its verification method or raise ``ProofError``.

    ``public_key`` maps a verification method id to its key (raising
    ``ProofError`` when it is unknown), so callers decide which keys count.
    """
    proof = _checked_proof(document)
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    try:
        signature = base58btc_decode(proof["proofValue"])
    except MultibaseError as problem:
        raise ProofError(f"the proof value is not base58btc: {problem}") from None
    key = public_key(proof["verificationMethod"])
    try:
        key.verify(signature, _hash_data(unsecured, options))
    except InvalidSignature:
        raise ProofError("the signature does not match the credential") from None
    return proof["verificationMethod"]
