"""Multibase base58btc and the Multikey encodings of Ed25519 keys.

Data Integrity proofs and DID documents write bytes as multibase strings: a
one-letter prefix naming the alphabet (``z`` for base58btc, Bitcoin's
alphabet), and Multikey puts a multicodec header before the raw key so a
reader knows it is an Ed25519 key.
"""

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BASE58BTC = "z"
# Multicodec headers (unsigned varints): ed25519-pub 0xed, ed25519-priv 0x1300.
ED25519_PUBLIC_HEADER = b"\xed\x01"
ED25519_SECRET_HEADER = b"\x80\x26"
ED25519_KEY_LENGTH = 32


class MultibaseError(ValueError):
    """A string that is not the multibase value it claims to be."""


def base58btc_encode(data: bytes) -> str:
    """``z`` followed by the base58btc digits; leading zero bytes become ``1``."""
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(ALPHABET[remainder])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return BASE58BTC + "1" * zeros + "".join(reversed(digits))


def base58btc_decode(text: str) -> bytes:
    if not text.startswith(BASE58BTC):
        raise MultibaseError(f"expected a base58btc value starting with 'z': {text!r}")
    body = text[1:]
    number = 0
    for character in body:
        position = ALPHABET.find(character)
        if position < 0:
            raise MultibaseError(f"{character!r} is not a base58btc digit")
        number = number * 58 + position
    zeros = len(body) - len(body.lstrip("1"))
    length = (number.bit_length() + 7) // 8
    return b"\0" * zeros + number.to_bytes(length, "big")


def _with_header(header: bytes, raw: bytes) -> str:
    if len(raw) != ED25519_KEY_LENGTH:
        raise MultibaseError(f"an Ed25519 key has 32 bytes, not {len(raw)}")
    return base58btc_encode(header + raw)


def _without_header(header: bytes, text: str, what: str) -> bytes:
    data = base58btc_decode(text)
    if not data.startswith(header) or len(data) != len(header) + ED25519_KEY_LENGTH:
        raise MultibaseError(f"not a Multikey {what} Ed25519 key")
    return data[len(header) :]


def public_key_multibase(raw: bytes) -> str:
    """``publicKeyMultibase``: 'z' + base58btc(0xed01 + the 32-byte key)."""
    return _with_header(ED25519_PUBLIC_HEADER, raw)


def public_key_from_multibase(text: str) -> bytes:
    return _without_header(ED25519_PUBLIC_HEADER, text, "public")


def secret_key_multibase(raw: bytes) -> str:
    """``secretKeyMultibase``: 'z' + base58btc(0x8026 + the 32-byte seed)."""
    return _with_header(ED25519_SECRET_HEADER, raw)


def secret_key_from_multibase(text: str) -> bytes:
    return _without_header(ED25519_SECRET_HEADER, text, "secret")
