from courses.models.certificate import Certificate, NameDisplay
from courses.models.enrolment import Enrolment
from courses.models.imports import CartridgeImport, ImportStatus
from courses.models.pages import (
    CourseCatalogPage,
    CourseModulePage,
    CoursePage,
    LessonPage,
)
from courses.models.progress import CompletionMethod, LessonCompletion, QuizAttempt
from courses.models.transcript import TranscriptShare

__all__ = [
    "CartridgeImport",
    "Certificate",
    "CompletionMethod",
    "CourseCatalogPage",
    "CourseModulePage",
    "CoursePage",
    "Enrolment",
    "ImportStatus",
    "LessonCompletion",
    "LessonPage",
    "NameDisplay",
    "QuizAttempt",
    "TranscriptShare",
]
