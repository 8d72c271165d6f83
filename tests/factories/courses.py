import factory
from wagtail.models import Page

from courses.models import CourseCatalogPage, CourseModulePage, CoursePage, LessonPage
from lms.models import HomePage, HomePageFeaturedCourse
from lms.vocabulary import GradeLevel, Subject


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
        raise NotImplementedError


class CoursePageFactory(PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Khóa học {n}")
    summary = "Một khóa học mở cho học sinh trung học."
    subject = Subject.BIOLOGY
    grade = GradeLevel.GRADE_6

    @classmethod
    def default_parent(cls) -> Page:
        return CourseCatalogPage.objects.get()


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

    home_page = factory.LazyFunction(HomePage.objects.get)
    course = factory.SubFactory(CoursePageFactory)
    sort_order = factory.Sequence(int)
