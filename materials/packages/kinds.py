"""Which standard a manifest follows, from its namespaces and schemaversion.

The root element's namespace separates the families: SCORM 1.2 kept the
old IMS Content Packaging 1.1.2 namespace, SCORM 2004 uses IMS CP 1.1.4,
and each Common Cartridge version has its own. ``schemaversion`` (or the
ADL namespace, which some tools write without it) then tells SCORM from a
plain content package, which we keep as an ordinary zip.
"""

from xml.etree.ElementTree import Element

from lms.vocabulary import PackageKind
from materials.packages.elements import child, local_name, namespace, text

SCORM_12_NAMESPACE = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
CONTENT_PACKAGE_NAMESPACE = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADL_12_NAMESPACE = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ADL_2004_NAMESPACE = "http://www.adlnet.org/xsd/adlcp_v1p3"
CARTRIDGE_NAMESPACES = {
    f"http://www.imsglobal.org/xsd/imsccv1p{minor}/imscp_v1p1": f"1.{minor}"
    for minor in (1, 2, 3)
}
SCORM_2004_VERSIONS = ("2004", "cam 1.3")


def detect_kind(root: Element) -> tuple[PackageKind, str] | None:
    """The kind and version, or None for a manifest of no standard we play."""
    if local_name(root.tag) != "manifest":
        return None
    root_namespace = namespace(root.tag)
    declared = text(child(child(root, "metadata"), "schemaversion"))
    if root_namespace in CARTRIDGE_NAMESPACES:
        return PackageKind.COMMON_CARTRIDGE, CARTRIDGE_NAMESPACES[root_namespace]
    if root_namespace == SCORM_12_NAMESPACE and (
        declared == "1.2" or _uses(root, ADL_12_NAMESPACE)
    ):
        return PackageKind.SCORM_12, "1.2"
    if root_namespace == CONTENT_PACKAGE_NAMESPACE and (
        declared.lower().startswith(SCORM_2004_VERSIONS)
        or _uses(root, ADL_2004_NAMESPACE)
    ):
        return PackageKind.SCORM_2004, declared or "2004"
    return None


def _uses(root: Element, uri: str) -> bool:
    """Whether any element or attribute is in the ADL namespace ``uri``."""
    prefix = "{" + uri + "}"
    return any(
        element.tag.startswith(prefix)
        or any(key.startswith(prefix) for key in element.attrib)
        for element in root.iter()
    )
