from materials.models.material import Material, MaterialKeyword, ProcessingStatus
from materials.models.media import MaterialDocument, MaterialImage, MaterialRendition

__all__ = [
    "Material",
    "MaterialDocument",
    "MaterialImage",
    "MaterialKeyword",
    "MaterialRendition",
    "ProcessingStatus",
]
