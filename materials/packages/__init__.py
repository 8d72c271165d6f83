"""Course packages (SCORM 1.2, SCORM 2004, IMS Common Cartridge 1.1-1.3).

``read_package_manifest`` reads what a package says it is and refuses one
whose manifest could make a player open something outside it; the
``PackageManifest`` it returns is what a player or an importer builds on.
"""

from materials.packages.manifest import Item, Organisation, PackageManifest, Resource
from materials.packages.reader import read_package_manifest

__all__ = [
    "Item",
    "Organisation",
    "PackageManifest",
    "Resource",
    "read_package_manifest",
]
