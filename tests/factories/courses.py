import factory
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from courses.models import (
    Certificate,
    CourseCatalogPage,
    CourseModulePage,
    CoursePage,
    Enrolment,
    LessonPage,
)
from lms.models import HomePage, HomePageFeaturedCourse
from lms.vocabulary import GradeLevel, Subject
from tests.factories.accounts import StudentFactory


def site_home() -> HomePage:
    """The site's own home page: the tree in the site's first language, which
    the other languages' trees translate (whatever LANGUAGE_CODE a test sets)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def site_catalogue() -> CourseCatalogPage:
    return CourseCatalogPage.objects.child_of(site_home()).get()


def translate(page: Page, language_code: str = "en", **fields) -> Page:
    """An editor's published translation of ``page`` (Wagtail's Translate):
    the existing one edited, or a new copy (with any missing parents)."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def translate_course(course: Page, **fields) -> Page:
    """The course and every page under it, translated into English."""
    english = translate(course, **fields)
    for page in Page.objects.descendant_of(course).order_by("path"):
        translate(page.specific)
    return english


class PageFactory(factory.django.DjangoModelFactory):
    """Creates pages in the tree under ``parent`` (as Wagtail requires)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, **kwargs):
        page = model_class(*args, **kwargs)
        parent = parent or cls.default_parent()
        parent.add_child(instance=page)
        revision = page.save_revision()
        if page.live:
            revision.publish()
            page.refresh_from_db()
        return page

    @classmethod
    def default_parent(cls) -> Page:
        return site_home()


class CoursePageFactory(PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Khóa học {n}")
    summary = "Một khóa học mở cho học sinh trung học."
    subject = Subject.BIOLOGY
    grade = GradeLevel.GRADE_6

    @classmethod
    def default_parent(cls) -> Page:
        return site_catalogue()


class CourseModulePageFactory(PageFactory):
    class Meta:
        model = CourseModulePage

    title = factory.Sequence(lambda n: f"Chương {n}")

    @classmethod
    def default_parent(cls) -> Page:
        return CoursePageFactory()


class LessonPageFactory(PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Bài {n}")
    summary = "Bài học ngắn."
    body = factory.LazyFunction(
        lambda: [("text", "<p>Nội dung bài học về quang hợp.</p>")]
    )

    @classmethod
    def default_parent(cls) -> Page:
        return CourseModulePageFactory()


class HomePageFeaturedCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HomePageFeaturedCourse

    home_page = factory.LazyFunction(lambda: site_home())
    course = factory.SubFactory(CoursePageFactory)
    sort_order = factory.Sequence(int)


def quiz_value(
    *, title: str = "Kiểm tra nhanh", pass_mark: int = 50, questions=None
) -> dict:
    """A quiz block value; by default two single-choice questions, answer 0."""
    questions = questions or [
        question("Cây xanh hấp thụ khí gì khi quang hợp?", ["CO₂", "O₂", "N₂"], [0]),
        question("Quang hợp diễn ra chủ yếu ở đâu?", ["Lá", "Rễ"], [0]),
    ]
    return {"title": title, "pass_mark": pass_mark, "questions": questions}


def question(prompt: str, choices: list[str], correct: list[int], feedback=""):
    return {
        "prompt": prompt,
        "allows_multiple": len(correct) > 1,
        "choices": [
            {"text": text, "is_correct": index in correct}
            for index, text in enumerate(choices)
        ],
        "feedback": feedback,
    }


class QuizLessonPageFactory(LessonPageFactory):
    """A lesson with some text and one quiz (see ``quiz_value``)."""

    body = factory.LazyFunction(
        lambda: [
            ("text", "<p>Đọc kỹ trước khi làm bài.</p>"),
            ("quiz", quiz_value()),
        ]
    )


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    learner = factory.SubFactory(StudentFactory)
    course = factory.SubFactory(CoursePageFactory)
    enrolled_at = factory.LazyFunction(timezone.now)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    learner = factory.SubFactory(StudentFactory)
    course = factory.SubFactory(CoursePageFactory)
    learner_name = factory.LazyAttribute(lambda c: c.learner.public_name)
    course_title = factory.LazyAttribute(lambda c: c.course.title)
    issuer_name = "Kho học liệu số"
    issued_at = factory.LazyFunction(timezone.now)
