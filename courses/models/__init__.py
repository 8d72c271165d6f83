from courses.models.pages import (
    CourseCatalogPage,
    CourseModulePage,
    CoursePage,
    LessonPage,
)

__all__ = ["CourseCatalogPage", "CourseModulePage", "CoursePage", "LessonPage"]
