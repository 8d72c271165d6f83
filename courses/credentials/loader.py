"""A JSON-LD document loader that serves only the contexts shipped here.

Signing and verifying must never depend on a remote server: a context that
changed, vanished or was swapped would change what a credential means, and
fetching one per request would be slow and leak who looks at certificates.
Every context a credential or the DID document names is a file in
``contexts/`` (where each came from is in ``contexts/README.md``); any other
URL is refused with an error naming it.
"""

import json
from functools import cache
from pathlib import Path

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_V2P0 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
DID_V1 = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
CONTEXT_FILES = {
    VC_V2: "credentials-v2.jsonld",
    OB_V3P0: "ob-v3p0-context-3.0.3.json",
    CLR_V2P0: "clr-v2p0-context-2.0.1.json",
    DID_V1: "did-v1.jsonld",
    MULTIKEY_V1: "multikey-v1.jsonld",
}


class UnknownDocumentError(LookupError):
    """A JSON-LD document was asked for that is not shipped with the site."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"JSON-LD document {url!r} is not one of the contexts shipped with "
            f"the site ({', '.join(sorted(CONTEXT_FILES))}); it is never fetched."
        )
        self.url = url


@cache
def context_document(url: str) -> dict:
    """The parsed context file for ``url``; raises for any other URL."""
    name = CONTEXT_FILES.get(url)
    if name is None:
        raise UnknownDocumentError(url)
    return json.loads((CONTEXTS_DIR / name).read_text(encoding="utf-8"))


def local_loader(url: str, options: dict | None = None) -> dict:
    """The pyld ``documentLoader`` hook: a remote document built from a file."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": context_document(url),
    }
