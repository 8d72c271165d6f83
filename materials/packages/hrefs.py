"""Paths a manifest names must stay inside the package and exist in it.

A player serves the package's files and opens the one the manifest names;
a path that is absolute, climbs out with ``..``, or carries a scheme
(``http:``, ``javascript:``, ``file:``, a drive letter) would make it open
something we never checked. Percent-escapes are decoded first, as a web
server decodes them, so ``%2e%2e/`` is ``../``; the query string and the
fragment are kept for the player but play no part in finding the file.
"""

import posixpath
from urllib.parse import unquote

from django.utils.translation import gettext as _

from materials.validation.base import FileRefused
from materials.validation.links import has_scheme


def join_base(base: str, addition: str) -> str:
    """``xml:base`` values combine as folders; each is checked like a path."""
    if not addition:
        return base
    _check_inside(addition)
    return posixpath.join(base, addition.rstrip("/") + "/")


def resolve(base: str, href: str, names: set[str]) -> str:
    """The file's path in the zip and the href's query, once the file exists."""
    file_path = path_in_package(base, href)
    if file_path not in names:
        raise refused_missing(href)
    return file_path + _split(href)[1]


def path_in_package(base: str, href: str) -> str:
    """The zip entry an href names, refused if it could leave the package."""
    _check_inside(href)
    path = unquote(_split(href)[0])
    return posixpath.normpath(posixpath.join(base, path))


def _split(href: str) -> tuple[str, str]:
    """The path, and the query string and fragment that follow it."""
    marks = [href.index(mark) for mark in "?#" if mark in href]
    end = min(marks, default=len(href))
    return href[:end].strip(), href[end:]


def _check_inside(href: str) -> None:
    decoded = unquote(_split(href)[0])
    if (
        not decoded
        or has_scheme(href)
        or has_scheme(decoded)
        or decoded.startswith(("/", "\\"))
        or "\\" in decoded
        or ".." in decoded.split("/")
    ):
        raise FileRefused(
            "package_href_outside",
            _(
                "The package's manifest points outside the package: %(href)s. "
                "Every file it names must be inside the zip, named by a relative "
                "path."
            )
            % {"href": href},
        )


def refused_missing(href: str) -> FileRefused:
    return FileRefused(
        "package_href_missing",
        _("The package's manifest names %(href)s, which is not in the zip.")
        % {"href": href},
    )
