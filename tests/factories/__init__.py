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
    LessonPageFactory,
    QuizLessonPageFactory,
    question,
    quiz_value,
)
from tests.factories.materials import MaterialFactory, PublishedMaterialFactory

__all__ = [
    "CertificateFactory",
    "CourseModulePageFactory",
    "CoursePageFactory",
    "CuratorFactory",
    "EnrolmentFactory",
    "LessonPageFactory",
    "MaterialFactory",
    "PublishedMaterialFactory",
    "QuizLessonPageFactory",
    "StudentFactory",
    "TeacherFactory",
    "UserFactory",
    "question",
    "quiz_value",
]
