"""The site's Ed25519 credential signing keys: where they come from.

One key is active and signs; retired keys only verify, so a credential
signed before a rotation still checks out. Keys never live in the
repository. In order of precedence:

- ``CREDENTIALS_SIGNING_KEY``: one active key as a Multikey
  ``secretKeyMultibase`` ('z' + base58btc of 0x8026 and the 32-byte seed),
  for platforms that hand secrets out as environment variables;
- ``CREDENTIALS_KEY_FILE``: a JSON key file with the active key and the
  retired public keys, written by ``manage.py credentials_keygen``;
- with ``DEBUG`` on and neither set, ``var/credentials-key.json``, created on
  first use so a development site signs out of the box.

Otherwise every use raises ``CredentialKeyError`` with one clear sentence.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from courses.credentials.multibase import (
    MultibaseError,
    public_key_from_multibase,
    public_key_multibase,
    secret_key_from_multibase,
    secret_key_multibase,
)

DEVELOPMENT_KEY_FILE = "credentials-key.json"
NOT_CONFIGURED = (
    "No credential signing key is configured: set CREDENTIALS_SIGNING_KEY or "
    "CREDENTIALS_KEY_FILE (python manage.py credentials_keygen writes a key file)."
)


class CredentialKeyError(ImproperlyConfigured):
    """The signing key is missing or unreadable; certificates cannot be signed."""


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    raw: bytes

    @property
    def multibase(self) -> str:
        return public_key_multibase(self.raw)

    def ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.raw)


@dataclass(frozen=True)
class Keyring:
    """The active signing key and the retired keys that still verify."""

    active_id: str
    private_key: Ed25519PrivateKey
    retired: tuple[PublicKey, ...] = ()

    @property
    def active(self) -> PublicKey:
        return PublicKey(self.active_id, raw_public_key(self.private_key))

    def public_keys(self) -> list[PublicKey]:
        """Every key a verifier may meet, the active one first."""
        return [self.active, *self.retired]


def raw_public_key(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def raw_seed(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def key_id_for(raw_public: bytes) -> str:
    """A stable id derived from the public key, so two keys never share one."""
    return "key-" + hashlib.sha256(raw_public).hexdigest()[:16]


def private_key_from_multibase(text: str, *, source: str) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(
            secret_key_from_multibase(text.strip())
        )
    except (MultibaseError, ValueError) as problem:
        raise CredentialKeyError(
            f"{source} is not an Ed25519 secretKeyMultibase ('z…'): {problem}."
        ) from None


def keyring_from_secret(text: str, *, source: str) -> Keyring:
    private_key = private_key_from_multibase(text, source=source)
    return Keyring(key_id_for(raw_public_key(private_key)), private_key)


def new_keyring(previous: Keyring | None = None) -> Keyring:
    """A fresh active key; the previous keys, if any, become retired."""
    private_key = Ed25519PrivateKey.generate()
    retired = tuple(previous.public_keys()) if previous else ()
    return Keyring(key_id_for(raw_public_key(private_key)), private_key, retired)


def keyring_to_json(keyring: Keyring) -> dict:
    return {
        "active": {
            "id": keyring.active_id,
            "secretKeyMultibase": secret_key_multibase(raw_seed(keyring.private_key)),
        },
        "retired": [
            {"id": key.key_id, "publicKeyMultibase": key.multibase}
            for key in keyring.retired
        ],
        "written": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def _retired_from_json(entries: list, *, source: str) -> tuple[PublicKey, ...]:
    try:
        return tuple(
            PublicKey(
                str(entry["id"]), public_key_from_multibase(entry["publicKeyMultibase"])
            )
            for entry in entries
        )
    except (KeyError, TypeError, MultibaseError) as problem:
        raise CredentialKeyError(
            f"{source} has a retired key without a valid id and "
            f"publicKeyMultibase: {problem}."
        ) from None


def keyring_from_json(data: object, *, source: str) -> Keyring:
    if not isinstance(data, dict) or not isinstance(data.get("active"), dict):
        raise CredentialKeyError(f'{source} has no "active" key.')
    active = data["active"]
    secret = active.get("secretKeyMultibase")
    if not isinstance(secret, str) or not isinstance(active.get("id"), str):
        raise CredentialKeyError(
            f'{source}: the active key needs an "id" and a "secretKeyMultibase".'
        )
    private_key = private_key_from_multibase(secret, source=source)
    retired = _retired_from_json(data.get("retired") or [], source=source)
    return Keyring(active["id"], private_key, retired)


def read_key_file(path: Path) -> Keyring:
    source = f"The credential key file {path}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CredentialKeyError(f"{source} does not exist.") from None
    except (OSError, ValueError) as problem:
        raise CredentialKeyError(f"{source} cannot be read: {problem}.") from None
    return keyring_from_json(data, source=source)


def write_key_file(path: Path, keyring: Keyring) -> None:
    """Write the whole file or nothing, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(keyring_to_json(keyring), handle, indent=2)
            handle.write("\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def development_key_file() -> Path:
    return Path(settings.VAR_DIR) / DEVELOPMENT_KEY_FILE


def configured_key_file() -> Path | None:
    """The key file in use: CREDENTIALS_KEY_FILE, else the development one."""
    if settings.CREDENTIALS_KEY_FILE:
        return Path(settings.CREDENTIALS_KEY_FILE)
    return development_key_file() if settings.DEBUG else None


def active_keyring() -> Keyring:
    """The configured keys; raises ``CredentialKeyError`` saying what is wrong."""
    if settings.CREDENTIALS_SIGNING_KEY:
        return keyring_from_secret(
            settings.CREDENTIALS_SIGNING_KEY, source="CREDENTIALS_SIGNING_KEY"
        )
    path = configured_key_file()
    if path is None:
        raise CredentialKeyError(NOT_CONFIGURED)
    if not settings.CREDENTIALS_KEY_FILE and not path.exists():
        write_key_file(path, new_keyring())
    return read_key_file(path)
