"""A cartridge's web page turned into lesson blocks.

The page's markup is only a starting point: scripts, styles, frames and
forms go first, headings are brought to the two levels a lesson has, and
what remains passes Wagtail's rich-text whitelist when the lesson is built.
Lesson text cannot hold pictures, so each picture splits the text and
becomes an image block between the two halves. Links to other pages of the
cartridge become links to their lessons, links to its files become links
to the materials made from them, and a link to something missing or to a
page that is no lesson is removed with its text kept, and reported.
"""

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from django.utils.translation import gettext as _

from courses.cartridge_import.plan import FILE_PLACEHOLDER, PAGE_PLACEHOLDER, Part
from materials.validation.base import FileRefused

FILE_BASE = "$IMS-CC-FILEBASE$"
SHARED_FILES = "web_resources"
REMOVED_TAGS = (
    "head", "script", "style", "noscript", "template", "iframe", "frame",
    "object", "embed", "form", "svg", "math", "video", "audio", "canvas",
)  # fmt: skip
HEADINGS = {"h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3"}
WEB_SCHEMES = {"http", "https", "mailto"}
MARKER = re.compile("\ue000(\\d+)\ue001")


class PageLinks:
    """How a page's links and pictures are resolved: ``page`` gives the
    placeholder index of a lesson's page, ``file`` the index of an accepted
    file (or None), ``skip`` reports something left out."""

    def __init__(
        self,
        *,
        names: set[str],
        page: Callable[[str], int | None],
        file: Callable[[str, str, str], int | None],
        skip: Callable[[str, str], None],
    ):
        self.names, self.page, self.file, self.skip = names, page, file, skip


def read_page(data: bytes, *, source: str, links: PageLinks) -> list[Part]:
    """The page's blocks in reading order: text, then each picture, and so on."""
    soup = BeautifulSoup(data, "html.parser")
    for tag in soup.find_all(REMOVED_TAGS):
        tag.decompose()
    body = soup.body or soup
    for tag in body.find_all(list(HEADINGS)):
        tag.name = HEADINGS[tag.name]
    for anchor in body.find_all("a"):
        _rewrite_link(anchor, source, links)
    figures = [
        _figure(number, img, source, links)
        for number, img in enumerate(body.find_all("img"))
    ]
    return _split(body.decode_contents(), figures)


def _rewrite_link(anchor: Tag, source: str, links: PageLinks) -> None:
    has_href = bool(str(anchor.get("href") or "").strip())
    target = _web_or_placeholder(anchor, source, links) if has_href else None
    if target is None:
        anchor.unwrap()
        return
    anchor.attrs = {"href": target}


def _web_or_placeholder(anchor: Tag, source: str, links: PageLinks) -> str | None:
    href = str(anchor.get("href") or "").strip()
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href if parts.scheme.lower() in WEB_SCHEMES else None
    path = package_path(href, source, links.names)
    if path is None:  # only a fragment: a place on the same page
        return None
    if path not in links.names:
        links.skip(
            source,
            _("The link to %(path)s was removed: the file is not in the package.")
            % {"path": path},
        )
        return None
    page = links.page(path)
    if page is not None:
        return f"{PAGE_PLACEHOLDER}{page}"
    if path.lower().endswith((".html", ".htm")):
        links.skip(
            source,
            _(
                "The link to %(path)s was removed: that page is not in the table of contents."
            )
            % {"path": path},
        )
        return None
    index = links.file(path, "material", anchor.get_text())
    return None if index is None else f"{FILE_PLACEHOLDER}{index}"


def _figure(number: int, img: Tag, source: str, links: PageLinks) -> Part | None:
    """Replace the picture by a numbered marker (by its text if it is refused)."""
    alt = " ".join(str(img.get("alt") or "").split())[:255]
    src = str(img.get("src") or "").strip()
    scheme = urlsplit(src).scheme
    path = package_path(src, source, links.names) if src and not scheme else None
    index = None
    if path is None:
        links.skip(
            source,
            _("A picture was removed: it is not a file of the package (%(src)s).")
            % {"src": src[:200]},
        )
    elif path not in links.names:
        links.skip(
            source,
            _("The picture %(path)s was removed: the file is not in the package.")
            % {"path": path},
        )
    else:
        index = links.file(path, "image", alt)
    if index is None:
        img.replace_with(alt)
        return None
    img.replace_with(f"\ue000{number}\ue001")
    return Part(kind="image", file=index, alt=alt)


def package_path(href: str, source: str, names: set[str]) -> str | None:
    """The zip entry a relative link in ``source`` names; refused if outside.

    ``$IMS-CC-FILEBASE$`` starts the links a platform wrote to the
    cartridge's shared files: beside the page, or (as Canvas exports them)
    under ``web_resources/``; the first that exists is the one.
    """
    path = unquote(urlsplit(href).path)
    if not path:
        return None
    folder = posixpath.dirname(source)
    if path.startswith(FILE_BASE):
        rest = path.removeprefix(FILE_BASE).lstrip("/")
        candidates = [_inside(folder, rest, href, source)]
        candidates.append(_inside(SHARED_FILES, rest, href, source))
        return next((c for c in candidates if c in names), candidates[0])
    if path.startswith("/"):
        raise _refused_outside(href, source)
    return _inside(folder, path, href, source)


def _inside(folder: str, path: str, href: str, source: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../"):
        raise _refused_outside(href, source)
    return joined


def _refused_outside(href: str, source: str) -> FileRefused:
    return FileRefused(
        "package_href_outside",
        _(
            "%(part)s links to %(href)s, which is outside the package; such "
            "packages are refused."
        )
        % {"part": source, "href": href[:200]},
    )


def _split(html: str, figures: list[Part | None]) -> list[Part]:
    parts: list[Part] = []
    for position, piece in enumerate(MARKER.split(html)):
        if position % 2:
            figure = figures[int(piece)]
            if figure is not None:
                parts.append(figure)
        elif _has_content(piece):
            parts.append(Part(kind="text", html=piece))
    return parts


def _has_content(fragment: str) -> bool:
    soup = BeautifulSoup(fragment, "html.parser")
    return bool(soup.get_text().strip()) or soup.find("hr") is not None
