"""From a cartridge's table of contents to modules of lessons.

A course has two levels below it, modules and lessons, while a cartridge's
organisation nests as deep as its author liked. The spec wraps everything
in one root item, which we unwrap. Each top-level item with children is a
module; its descendants become its lessons in reading order, each keeping
its own title, and folders deeper down only group them. Top-level items
that open something directly are gathered into one module named after the
course, so nothing falls outside a module.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from materials.packages import Item


@dataclass(frozen=True)
class OutlineModule:
    title: str
    items: tuple[Item, ...]


def course_outline(
    items: tuple[Item, ...], *, course_title: str
) -> list[OutlineModule]:
    """The modules a course will have, each with the items of its lessons."""
    items = _unwrap_root(items)
    modules: list[OutlineModule] = []
    loose: list[Item] = []
    for item in items:
        if not item.children:
            loose.append(item)
            continue
        if loose:
            modules.append(OutlineModule(course_title, tuple(loose)))
            loose = []
        own = (item,) if item.resource else ()
        modules.append(OutlineModule(item.title, own + tuple(_lessons(item.children))))
    if loose:
        modules.append(OutlineModule(course_title, tuple(loose)))
    return modules


def _unwrap_root(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """A cartridge's organisation holds one untitled root item around it all."""
    if len(items) == 1 and items[0].resource is None and items[0].children:
        return items[0].children
    return items


def _lessons(items: tuple[Item, ...]) -> Iterator[Item]:
    """Items that open something, and empty ones (to report), in reading order."""
    for item in items:
        if item.resource or not item.children:
            yield item
        yield from _lessons(item.children)
