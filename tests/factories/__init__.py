from tests.factories.accounts import (
    CuratorFactory,
    StudentFactory,
    TeacherFactory,
    UserFactory,
)
from tests.factories.courses import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
)
from tests.factories.materials import MaterialFactory, PublishedMaterialFactory

__all__ = [
    "CourseModulePageFactory",
    "CoursePageFactory",
    "CuratorFactory",
    "LessonPageFactory",
    "MaterialFactory",
    "PublishedMaterialFactory",
    "StudentFactory",
    "TeacherFactory",
    "UserFactory",
]
