"""Reading a SCORM or Common Cartridge zip's ``imsmanifest.xml``.

Runs after the zip itself has passed validation (paths, sizes, entries).
The manifest, its metadata and a cartridge's XML resources are parsed
safely (see ``materials.validation.xml``); every resource path must stay
inside the package, and the files a player opens (each resource's href)
must exist in it. A SCORM package must name a file to launch. A zip with
no manifest at its root, or with a manifest of no standard we know (an
H5P file, a plain content package), is not a course package and gets no
manifest: it stays an ordinary zip, as before.
"""

import zipfile
from typing import IO
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from lms.vocabulary import PackageKind
from materials.packages.cartridge import WEB_CONTENT, check_cartridge_resources
from materials.packages.elements import XML_BASE, attribute, child, children
from materials.packages.hrefs import join_base, path_in_package, resolve
from materials.packages.kinds import detect_kind
from materials.packages.manifest import Organisation, PackageManifest, Resource
from materials.packages.metadata import read_description
from materials.packages.organisations import read_organisations, walk
from materials.validation.archives import open_zip, read_xml
from materials.validation.base import FileRefused

MANIFEST = "imsmanifest.xml"


def read_package_manifest(upload: IO[bytes]) -> PackageManifest | None:
    """The package's manifest, or None when the zip is no course package."""
    archive = open_zip(upload)
    try:
        if MANIFEST not in archive.namelist():
            return None
        root = read_xml(archive, MANIFEST)
        detected = detect_kind(root)
        return _read(archive, root, *detected) if detected else None
    finally:
        archive.close()
        upload.seek(0)


def _read(
    archive: zipfile.ZipFile, root: Element, kind: PackageKind, version: str
) -> PackageManifest:
    names = {name for name in archive.namelist() if not name.endswith("/")}
    base = join_base("", root.get(XML_BASE, ""))
    resources = _resources(child(root, "resources"), base, names)
    known = {resource.identifier for resource in resources}
    organisations = read_organisations(
        child(root, "organizations"), known, part=MANIFEST
    )
    if kind == PackageKind.COMMON_CARTRIDGE:
        check_cartridge_resources(archive, resources)
    described = read_description(archive, root, part=MANIFEST)
    launch = _launch(organisations, resources, kind)
    if launch is None and kind != PackageKind.COMMON_CARTRIDGE:
        raise _refused_no_launch()
    return PackageManifest(
        kind=kind,
        version=version,
        title=described.title or _first_title(organisations),
        description=described.description,
        launch=launch,
        organisations=organisations,
        resources=resources,
    )


def _resources(
    element: Element | None, base: str, names: set[str]
) -> tuple[Resource, ...]:
    if element is None:
        return ()
    base = join_base(base, element.get(XML_BASE, ""))
    return tuple(_resource(r, base, names) for r in children(element, "resource"))


def _resource(element: Element, base: str, names: set[str]) -> Resource:
    base = join_base(base, element.get(XML_BASE, ""))
    href = element.get("href", "").strip()
    listed = (file.get("href", "").strip() for file in children(element, "file"))
    return Resource(
        identifier=element.get("identifier", "").strip(),
        type=element.get("type", "").strip(),
        href=resolve(base, href, names) if href else None,
        scorm_type=(
            attribute(element, "scormtype") or attribute(element, "scormType")
        ).lower(),
        files=tuple(path_in_package(base, name) for name in listed if name),
    )


def _launch(
    organisations: tuple[Organisation, ...],
    resources: tuple[Resource, ...],
    kind: PackageKind,
) -> str | None:
    """The first item of the default organisation that opens a file.

    A cartridge's web links and discussions are not pages to open, so only
    its web content counts.
    """
    if not organisations:
        return None
    by_identifier = {resource.identifier: resource for resource in resources}
    for item in walk(organisations[0].items):
        resource = by_identifier.get(item.resource or "")
        if resource is None or resource.href is None:
            continue
        if kind != PackageKind.COMMON_CARTRIDGE or resource.type == WEB_CONTENT:
            return resource.href
    return None


def _first_title(organisations: tuple[Organisation, ...]) -> str:
    return organisations[0].title if organisations else ""


def _refused_no_launch() -> FileRefused:
    return FileRefused(
        "package_no_launch",
        _(
            "The package's manifest names no file to start with: no item of its "
            "organisation points to a resource with a file."
        ),
    )
