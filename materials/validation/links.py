"""Which link targets a shared document may carry.

A worksheet linking to a website is ordinary; a link that runs a script,
opens a file on the reader's computer or a network share (which leaks the
reader's Windows credentials) is not. Only absolute web and e-mail
addresses pass, so every spelling of every other scheme is refused.
"""

import re

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# Browsers and readers drop these anywhere in a URL, so "java\tscript:" is
# still javascript: once they have.
IGNORED_CHARACTERS = re.compile(r"[\x00-\x20\x7f]")


def is_safe_link(target: str) -> bool:
    """True for an http, https or mailto address, whatever its case or padding."""
    cleaned = IGNORED_CHARACTERS.sub("", target).lower()
    match = SCHEME.match(cleaned)
    return bool(match) and match.group(1) in ALLOWED_SCHEMES


def has_scheme(target: str) -> bool:
    """True when the target names a scheme, as a reader would read it."""
    return bool(SCHEME.match(IGNORED_CHARACTERS.sub("", target).lower()))


def is_package_reference(target: str) -> bool:
    """A path to another part of the same document, such as ``Pictures/1.png``.

    Anything with a scheme, a leading slash, a backslash or a ``..`` step
    could point outside the document, to the reader's disk or a network
    share, and is not one.
    """
    cleaned = IGNORED_CHARACTERS.sub("", target)
    return not (
        has_scheme(cleaned)
        or cleaned.startswith("/")
        or "\\" in cleaned
        or ".." in cleaned.split("/")
    )
