from tests.factories.accounts import (
    CuratorFactory,
    StudentFactory,
    TeacherFactory,
    UserFactory,
)
from tests.factories.courses import (
    CourseModulePageFactory,
    CoursePageFactory,
    HomePageFeaturedCourseFactory,
    LessonPageFactory,
)
from tests.factories.materials import (
    MaterialDocumentFactory,
    MaterialFactory,
    MaterialImageFactory,
    PublishedMaterialFactory,
)

__all__ = [
    "CourseModulePageFactory",
    "CoursePageFactory",
    "CuratorFactory",
    "HomePageFeaturedCourseFactory",
    "LessonPageFactory",
    "MaterialDocumentFactory",
    "MaterialFactory",
    "MaterialImageFactory",
    "PublishedMaterialFactory",
    "StudentFactory",
    "TeacherFactory",
    "UserFactory",
]
