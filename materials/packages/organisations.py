"""A manifest's organisations: the tables of contents a player shows.

Each item may point to a resource by identifier; one that points to a
resource the manifest does not declare is refused, since a player would
show an entry that opens nothing. Nesting is limited so that a hostile
manifest cannot make walking the tree expensive.
"""

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from materials.packages.elements import child, children
from materials.packages.manifest import Item, Organisation
from materials.packages.text import element_text
from materials.validation.base import FileRefused

MAX_DEPTH = 32


def read_organisations(
    element: Element | None, known: set[str], *, part: str
) -> tuple[Organisation, ...]:
    """Every organisation, the default one (``organizations/@default``) first."""
    if element is None:
        return ()
    found = [_organisation(o, known, part) for o in children(element, "organization")]
    default = element.get("default", "").strip()
    found.sort(key=lambda organisation: organisation.identifier != default)
    return tuple(found)


def walk(items: tuple[Item, ...]) -> Iterator[Item]:
    """Items in reading order: each one, then what it contains."""
    for item in items:
        yield item
        yield from walk(item.children)


def _organisation(element: Element, known: set[str], part: str) -> Organisation:
    return Organisation(
        identifier=element.get("identifier", "").strip(),
        title=_title(element, "title", part),
        items=_items(element, known, part, depth=1),
    )


def _items(
    element: Element, known: set[str], part: str, *, depth: int
) -> tuple[Item, ...]:
    items = tuple(children(element, "item"))
    if items and depth > MAX_DEPTH:
        raise FileRefused(
            "package_too_deep",
            _("The package's table of contents is nested more than %(limit)d deep.")
            % {"limit": MAX_DEPTH},
        )
    return tuple(_item(item, known, part, depth) for item in items)


def _item(element: Element, known: set[str], part: str, depth: int) -> Item:
    reference = element.get("identifierref", "").strip() or None
    if reference is not None and reference not in known:
        raise FileRefused(
            "package_unknown_resource",
            _(
                "The package's table of contents points to a resource the manifest "
                "does not declare: %(reference)s."
            )
            % {"reference": reference},
        )
    return Item(
        identifier=element.get("identifier", "").strip(),
        title=_title(element, "contents", part),
        resource=reference,
        parameters=element.get("parameters", "").strip(),
        children=_items(element, known, part, depth=depth + 1),
    )


def _title(element: Element, field: str, part: str) -> str:
    value = element_text(child(element, "title"), field=field, part=part)
    return " ".join(value.split())
