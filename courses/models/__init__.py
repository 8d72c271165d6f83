from courses.models.certificate import Certificate, NameDisplay
from courses.models.enrolment import Enrolment
from courses.models.pages import (
    CourseCatalogPage,
    CourseModulePage,
    CoursePage,
    LessonPage,
)
from courses.models.progress import CompletionMethod, LessonCompletion, QuizAttempt
from courses.models.transcript import TranscriptShare

__all__ = [
    "Certificate",
    "CompletionMethod",
    "CourseCatalogPage",
    "CourseModulePage",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "NameDisplay",
    "QuizAttempt",
    "TranscriptShare",
]
