from materials.models.material import Material, MaterialKeyword, ProcessingStatus
from materials.models.media import MaterialDocument, MaterialImage, MaterialRendition
from materials.models.package_attempt import PackageAttempt

__all__ = [
    "Material",
    "MaterialDocument",
    "MaterialImage",
    "MaterialKeyword",
    "MaterialRendition",
    "PackageAttempt",
    "ProcessingStatus",
]
