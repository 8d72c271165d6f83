"""What a course package says about itself, once its manifest has passed.

These types are all a SCORM player or a Common Cartridge importer needs
from ``imsmanifest.xml``: every path in them is inside the zip and exists
there, and every text is plain text, so a caller never re-checks them.
"""

from dataclasses import dataclass

from lms.vocabulary import PackageKind


@dataclass(frozen=True)
class Resource:
    identifier: str
    type: str  # "webcontent", "imswl_xmlv1p3", ...
    href: str | None  # the file it starts with, as the player opens it
    scorm_type: str  # "sco", "asset", or "" outside SCORM
    files: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    """One entry of a table of contents; ``resource`` is an identifier."""

    identifier: str
    title: str
    resource: str | None
    parameters: str
    children: tuple["Item", ...] = ()


@dataclass(frozen=True)
class Organisation:
    identifier: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class PackageManifest:
    kind: PackageKind
    version: str  # "1.2", "2004 4th Edition", "1.3"...
    title: str
    description: str
    launch: str | None  # what a player opens first; None for a cartridge without one
    organisations: tuple[Organisation, ...]
    resources: tuple[Resource, ...] = ()

    def resource(self, identifier: str) -> Resource | None:
        return next((r for r in self.resources if r.identifier == identifier), None)
