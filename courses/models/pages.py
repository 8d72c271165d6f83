from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonBodyBlock
from courses.permissions import CoursePermissionsMixin
from courses.translations import UntranslatedChildrenMixin
from lms.vocabulary import CourseLevel, GradeLevel, Language, Licence, Subject


class CourseCatalogPage(UntranslatedChildrenMixin, Page):
    """The list of published courses, the entry point for students."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import (
            CATALOGUE_FILTERS,
            CATALOGUE_SORTS,
            catalogue_choices,
            catalogue_courses,
        )

        context = super().get_context(request, *args, **kwargs)
        chosen = catalogue_choices(request.GET)
        context["chosen"] = chosen
        context["filters"] = [
            (
                name,
                label,
                [(code, text, code == chosen[name]) for code, text in choices],
            )
            for name, (label, choices) in CATALOGUE_FILTERS.items()
        ]
        context["sorts"] = CATALOGUE_SORTS.items()
        context["is_filtered"] = any(chosen[name] for name in CATALOGUE_FILTERS)
        context["courses"] = catalogue_courses(catalogue=self, chosen=chosen)
        return context


class CoursePage(UntranslatedChildrenMixin, CoursePermissionsMixin, Page):
    """An open online course: modules of lessons, reviewed before publication."""

    summary = models.TextField(_("summary"), max_length=1000)
    subject = models.CharField(
        pgettext_lazy("school subject", "subject"),
        max_length=32,
        choices=Subject.choices,
    )
    grade = models.CharField(_("grade"), max_length=32, choices=GradeLevel.choices)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        default=Language.VIETNAMESE,
    )
    level = models.CharField(
        _("level"),
        max_length=16,
        choices=CourseLevel.choices,
        default=CourseLevel.BEGINNER,
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, default=1
    )
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    learning_outcomes = models.TextField(
        _("learning outcomes"), blank=True, help_text=_("One outcome per line.")
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    teachers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teachers"),
        blank=True,
        related_name="taught_courses",
    )
    licence = models.CharField(
        _("licence"), max_length=32, choices=Licence.choices, default=Licence.CC_BY
    )
    enrolment_opens_at = models.DateTimeField(
        _("enrolment opens"), null=True, blank=True
    )
    enrolment_closes_at = models.DateTimeField(
        _("enrolment closes"), null=True, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an unlimited number of learners."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldRowPanel(
            [FieldPanel("subject"), FieldPanel("grade"), FieldPanel("language")]
        ),
        FieldRowPanel(
            [FieldPanel("level"), FieldPanel("estimated_hours"), FieldPanel("licence")]
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("prerequisites"),
        FieldPanel("teachers"),
        MultiFieldPanel(
            [
                FieldPanel("enrolment_opens_at"),
                FieldPanel("enrolment_closes_at"),
                FieldPanel("capacity"),
            ],
            heading=_("Enrolment"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("subject"),
        index.FilterField("grade"),
    ]
    parent_page_types = ["courses.CourseCatalogPage"]
    subpage_types = ["courses.CourseModulePage"]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        opens, closes = self.enrolment_opens_at, self.enrolment_closes_at
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"enrolment_closes_at": _("Enrolment must close after it opens.")}
            )

    @property
    def learning_outcome_list(self) -> list[str]:
        return [
            line.strip() for line in self.learning_outcomes.splitlines() if line.strip()
        ]

    @property
    def licence_url(self) -> str:
        return Licence(self.licence).url

    @property
    def enrolment_count(self) -> int:
        """Learners enrolled now: the course's popularity in search."""
        return self.enrolments.filter(unenrolled_at__isnull=True).count()

    def is_enrolment_open(self, at=None) -> bool:
        at = at or timezone.now()
        if self.enrolment_opens_at and at < self.enrolment_opens_at:
            return False
        return not (self.enrolment_closes_at and at >= self.enrolment_closes_at)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_outline, course_progress
        from courses.structure import live_lessons, live_modules

        context = super().get_context(request, *args, **kwargs)
        lessons = live_lessons(self)
        progress = course_progress(learner=request.user, course=self, lessons=lessons)
        context["progress"] = progress
        context["outline"] = course_outline(
            course=self, lessons=lessons, modules=live_modules(self)
        )
        context["enrolment_open"] = self.is_enrolment_open()
        return context

    def get_modules(self):
        return CourseModulePage.objects.live().child_of(self).specific()

    def get_lessons(self):
        return LessonPage.objects.live().descendant_of(self)


class CourseModulePage(UntranslatedChildrenMixin, CoursePermissionsMixin, Page):
    """An ordered group of lessons inside a course (the page tree gives the order)."""

    summary = models.TextField(_("summary"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course module")

    def get_lessons(self):
        return LessonPage.objects.live().child_of(self)


class LessonPage(CoursePermissionsMixin, Page):
    """One lesson: text, images, video, library materials and quizzes."""

    summary = models.TextField(_("summary"), blank=True, max_length=1000)
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=15)
    is_required = models.BooleanField(_("required for the certificate"), default=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("is_required")]),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CourseModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_body, lesson_neighbours, lesson_state
        from courses.services import lesson_launch_record

        context = super().get_context(request, *args, **kwargs)
        state = lesson_state(learner=request.user, lesson=self)
        enrolment = state.enrolment
        if (
            enrolment
            and enrolment.is_active
            and not getattr(request, "is_preview", False)
        ):
            lesson_launch_record(learner=request.user, lesson=self, enrolment=enrolment)
        context["state"] = state
        context["body"] = lesson_body(lesson=self, state=state)
        context["has_quiz"] = any(quiz for _block, quiz in context["body"])
        context["previous_lesson"], context["next_lesson"] = lesson_neighbours(self)
        return context

    @cached_property
    def course(self) -> CoursePage | None:
        # Serving a lesson routes through its module and course, and Wagtail
        # keeps each parent on the child it found (``_cached_parent_obj``):
        # reuse that course rather than read it again.
        module = getattr(self, "_cached_parent_obj", None)
        routed = getattr(module, "_cached_parent_obj", None)
        if isinstance(routed, CoursePage) and self.path.startswith(routed.path):
            return routed
        return CoursePage.objects.ancestor_of(self).first()
