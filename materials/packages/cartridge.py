"""The XML resources of a Common Cartridge, read before the cartridge is kept.

Apart from web content, a cartridge's resources are XML descriptors: web
links, discussion topics, LTI tool links, QTI assessments. An importer will
read each of them, so each must exist and pass the safe parser now, and the
addresses a learner would be sent to (a web link's ``url``, an LTI tool's
launch address) must be web addresses, not ``javascript:`` or ``file:``.
"""

import zipfile

from materials.packages.elements import local_name
from materials.packages.hrefs import refused_missing
from materials.packages.manifest import Resource
from materials.validation.archives import read_xml
from materials.validation.links import is_safe_link
from materials.validation.office import refused_unsafe_link

WEB_CONTENT = "webcontent"
# Elements whose address a learner's browser would open: (local name,
# attribute holding it, or None for the element's text).
ADDRESSES = (("url", "href"), ("launch_url", None), ("secure_launch_url", None))


def check_cartridge_resources(
    archive: zipfile.ZipFile, resources: tuple[Resource, ...]
) -> None:
    names = set(archive.namelist())
    for resource in resources:
        if resource.type == WEB_CONTENT:
            continue
        for name in resource.files:
            if not name.lower().endswith(".xml"):
                continue
            if name not in names:
                raise refused_missing(name)
            _check_addresses(archive, name)


def _check_addresses(archive: zipfile.ZipFile, name: str) -> None:
    for element in read_xml(archive, name).iter():
        tag = local_name(element.tag)
        for address_tag, key in ADDRESSES:
            if tag != address_tag:
                continue
            address = (element.get(key) if key else element.text) or ""
            if address.strip() and not is_safe_link(address.strip()):
                raise refused_unsafe_link()
