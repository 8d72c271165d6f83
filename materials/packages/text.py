"""Plain text from a manifest's titles and descriptions.

Authoring tools and course exports (Moodle, Canvas, Articulate) often put
formatting in a description: ``<p>``, ``<b>``, ``&nbsp;``. Refusing those
would refuse honest packages, and a material's title and description are
plain text, shown escaped, so formatting tags are stripped and their text
kept. Markup that can run or load something (scripts, frames, embedded
objects, forms, styles, ``on…`` handlers, ``javascript:`` addresses) has no
honest reason to be in a title, and a later player or importer may show
these fields as HTML: such a package is refused, so the teacher learns it
carries them instead of having them silently removed.
"""

import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from materials.packages.elements import local_name, text
from materials.validation.base import FileRefused
from materials.validation.links import has_scheme, is_safe_link

ACTIVE_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "base",
        "link",
        "meta",
        "svg",
        "math",
        "template",
        "noscript",
    }
)
BLOCK_TAGS = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})
# What is left must not read as markup either: "&lt;script&gt;" written twice
# escaped comes out of the first pass as "<script>".
LEFTOVER_MARKUP = re.compile(
    r"<\s*/?\s*(" + "|".join(ACTIVE_TAGS) + r")\b", re.IGNORECASE
)
FIELDS = {
    "title": gettext_lazy("title"),
    "description": gettext_lazy("description"),
    "contents": gettext_lazy("table of contents"),
}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.active = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS or any(_is_active(k, v or "") for k, v in attrs):
            self.active = True
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _is_active(name: str, value: str) -> bool:
    if name.startswith("on"):
        return True
    return name in URL_ATTRIBUTES and has_scheme(value) and not is_safe_link(value)


def element_text(element: Element | None, *, field: str, part: str) -> str:
    """An element's text; a script written as XML inside it counts as markup."""
    if element is None:
        return ""
    if any(local_name(inner.tag).lower() in ACTIVE_TAGS for inner in element.iter()):
        raise _refused_active(field, part)
    return plain_text(text(element), field=field, part=part)


def plain_text(value: str, *, field: str, part: str) -> str:
    """The text a reader should see; active markup refused, naming ``field``."""
    collector = _TextCollector()
    collector.feed(value)
    collector.close()
    cleaned = "".join(collector.parts)
    if collector.active or LEFTOVER_MARKUP.search(cleaned):
        raise _refused_active(field, part)
    lines = (" ".join(line.split()) for line in cleaned.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _refused_active(field: str, part: str) -> FileRefused:
    return FileRefused(
        "package_active_metadata",
        _(
            "The %(field)s in %(part)s contains a script or other active web "
            "content; remove it from the package's metadata and export the "
            "package again."
        )
        % {"field": FIELDS[field], "part": part},
    )
