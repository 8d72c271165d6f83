from tests.factories.accounts import (
    CuratorFactory,
    StudentFactory,
    TeacherFactory,
    UserFactory,
)
from tests.factories.courses import (
    CertificateFactory,
    CourseModulePageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    HomePageFeaturedCourseFactory,
    LessonPageFactory,
    QuizLessonPageFactory,
    question,
    quiz_value,
    translate,
    translate_course,
)
from tests.factories.materials import (
    MaterialDocumentFactory,
    MaterialFactory,
    MaterialImageFactory,
    PublishedMaterialFactory,
)

__all__ = [
    "CertificateFactory",
    "CourseModulePageFactory",
    "CoursePageFactory",
    "CuratorFactory",
    "EnrolmentFactory",
    "HomePageFeaturedCourseFactory",
    "LessonPageFactory",
    "MaterialDocumentFactory",
    "MaterialFactory",
    "MaterialImageFactory",
    "PublishedMaterialFactory",
    "QuizLessonPageFactory",
    "StudentFactory",
    "TeacherFactory",
    "UserFactory",
    "question",
    "quiz_value",
    "translate",
    "translate_course",
]
