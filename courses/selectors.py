"""Reads for course pages, learners' progress and teachers' dashboards.

Learners' records are always filtered by the learner passed in; views pass
``request.user`` and nothing else, so nobody reads another learner's data.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import (
    Avg,
    Count,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses.models import (
    Certificate,
    CourseCatalogPage,
    CourseModulePage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
)
from courses.structure import live_lessons
from courses.translations import in_language
from lms.vocabulary import CourseLevel, GradeLevel, Language, Subject

# What the catalogue can be narrowed by: query parameter → (label, choices).
CATALOGUE_FILTERS = {
    "subject": (_("Subject"), Subject.choices),
    "grade": (_("Grade"), GradeLevel.choices),
    "level": (_("Level"), CourseLevel.choices),
    "language": (_("Language"), Language.choices),
}
# How the catalogue can be ordered; the first is the default.
CATALOGUE_SORTS = {
    "title": _("Title (A to Z)"),
    "newest": _("Newest first"),
    "popular": _("Most learners"),
}


def catalogue_choices(params) -> dict[str, str]:
    """The catalogue filters and sort a visitor chose, from the query string.

    A value that is not one of the choices is dropped rather than refused:
    these come from a link or a bookmark, and the catalogue still answers.
    """
    chosen = {}
    for name, (_label, choices) in CATALOGUE_FILTERS.items():
        value = params.get(name, "")
        chosen[name] = value if value in dict(choices) else ""
    sort = params.get("sort", "")
    chosen["sort"] = sort if sort in CATALOGUE_SORTS else next(iter(CATALOGUE_SORTS))
    return chosen


def catalogue_courses(
    *, catalogue: CourseCatalogPage, chosen: dict[str, str]
) -> QuerySet[CoursePage]:
    """Published, public courses of the catalogue, filtered and ordered as chosen
    (see ``catalogue_choices``); one query however many courses match.

    Courses sit right under a catalogue, and every catalogue's courses are
    listed, each once, in the reader's language when translated into it.
    """
    courses = CoursePage.objects.live().public().filter(depth=catalogue.depth + 1)
    courses = in_language(
        courses.filter(
            **{name: chosen[name] for name in CATALOGUE_FILTERS if chosen[name]}
        ),
        get_language(),
    )
    courses = courses.select_related("cover_image").prefetch_related(
        "cover_image__renditions"
    )
    if chosen["sort"] == "newest":
        return courses.order_by("-first_published_at", "title")
    if chosen["sort"] == "popular":
        # Learners enrol in the original course; its translations share them.
        learners = (
            Enrolment.objects.active()
            .filter(course__translation_key=OuterRef("translation_key"))
            .order_by()
            .values("course__translation_key")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return courses.annotate(learners=Coalesce(Subquery(learners), 0)).order_by(
            "-learners", "title"
        )
    return courses.order_by("title")


def course_lessons(course: CoursePage) -> list[LessonPage]:
    """Live lessons in reading order (module order, then lesson order)."""
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def course_outline(
    *,
    course: CoursePage,
    lessons: list[LessonPage],
    modules: list[CourseModulePage] | None = None,
) -> list[tuple[CourseModulePage, list[LessonPage]]]:
    """The course's live modules, each with its live lessons in order.

    ``lessons`` are the course's live lessons in tree order (as
    ``course_lessons`` returns them, already read for the learner's progress);
    they are grouped under their module by tree path, so the outline costs one
    query for the modules however many modules and lessons there are (none
    when the caller already has them, as ``courses.structure`` keeps them).
    """
    if modules is None:
        modules = list(
            CourseModulePage.objects.live().child_of(course).order_by("path")
        )
    by_path: dict[str, list[LessonPage]] = {module.path: [] for module in modules}
    for lesson in lessons:
        siblings = by_path.get(lesson.path[: -lesson.steplen])
        if siblings is not None:
            siblings.append(lesson)
    return [(module, by_path[module.path]) for module in modules]


@dataclass
class CourseProgress:
    course: CoursePage
    enrolment: Enrolment | None
    lessons: list[LessonPage]
    completed_ids: set[int]
    certificate: Certificate | None = None

    @property
    def is_enrolled(self) -> bool:
        return bool(self.enrolment and self.enrolment.is_active)

    @property
    def completed_count(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.pk in self.completed_ids)

    @property
    def percent(self) -> int:
        if not self.lessons:
            return 0
        return round(100 * self.completed_count / len(self.lessons))

    @property
    def next_lesson(self) -> LessonPage | None:
        """Where the learner left off: the first lesson not yet completed."""
        return next(
            (lesson for lesson in self.lessons if lesson.pk not in self.completed_ids),
            None,
        )


def course_progress(
    *, learner: User, course: CoursePage, lessons: list[LessonPage] | None = None
) -> CourseProgress:
    """The learner's own enrolment, completed lessons and certificate.

    Records belong to the original course (``courses.translations``); read
    through any of its translations they are the same, each completed lesson
    shown as its translation in ``course``. ``lessons``, when given, are the
    course's live lessons in tree order, already read.
    """
    if lessons is None:
        lessons = course_lessons(course)
    if not learner.is_authenticated:
        return CourseProgress(course, None, lessons, set())
    mine = {"learner": learner, "course__translation_key": course.translation_key}
    completed_keys = set(
        LessonCompletion.objects.filter(**mine).values_list(
            "lesson__translation_key", flat=True
        )
    )
    return CourseProgress(
        course=course,
        enrolment=Enrolment.objects.filter(**mine).first(),
        lessons=lessons,
        completed_ids={
            lesson.pk for lesson in lessons if lesson.translation_key in completed_keys
        },
        certificate=Certificate.objects.filter(**mine).first(),
    )


def learner_courses(*, learner: User) -> list[CourseProgress]:
    """My learning: the courses the learner is enrolled in, most recent first."""
    enrolments = (
        Enrolment.objects.active()
        .filter(learner=learner)
        .select_related("course")
        .order_by("-enrolled_at")
    )
    completed = defaultdict(set)
    for course_id, lesson_id in LessonCompletion.objects.filter(
        learner=learner
    ).values_list("course_id", "lesson_id"):
        completed[course_id].add(lesson_id)
    certificates = {c.course_id: c for c in Certificate.objects.filter(learner=learner)}
    return [
        CourseProgress(
            course=enrolment.course,
            enrolment=enrolment,
            lessons=course_lessons(enrolment.course),
            completed_ids=completed[enrolment.course_id],
            certificate=certificates.get(enrolment.course_id),
        )
        for enrolment in enrolments
    ]


@dataclass
class LessonState:
    enrolment: Enrolment | None
    completed: bool = False
    latest_attempts: dict[str, QuizAttempt] = field(default_factory=dict)
    passed_quiz_ids: set[str] = field(default_factory=set)
    # The verification code of the learner's certificate for the course, once
    # earned: the lesson that completes a course says so and links to it.
    certificate_code: str | None = None

    @property
    def is_enrolled(self) -> bool:
        return bool(self.enrolment and self.enrolment.is_active)


def lesson_state(*, learner: User, lesson: LessonPage) -> LessonState:
    """The learner's own completion and latest quiz attempts for a lesson."""
    if not learner.is_authenticated:
        return LessonState(enrolment=None)
    course = lesson.course
    # Records belong to the original lesson; a translation shares them.
    same_lesson = {
        "learner": learner,
        "lesson__translation_key": lesson.translation_key,
    }
    attempts = QuizAttempt.objects.filter(**same_lesson).order_by("submitted_at", "pk")
    certificate = Certificate.objects.filter(
        learner=OuterRef("learner"), course=OuterRef("course")
    ).values("code")[:1]
    enrolment = (
        Enrolment.objects.filter(
            learner=learner, course__translation_key=course.translation_key
        )
        .annotate(certificate_code=Subquery(certificate))
        .first()
    )
    return LessonState(
        enrolment=enrolment,
        certificate_code=enrolment.certificate_code if enrolment else None,
        completed=LessonCompletion.objects.filter(**same_lesson).exists(),
        latest_attempts={attempt.quiz_id: attempt for attempt in attempts},
        passed_quiz_ids={a.quiz_id for a in attempts if a.passed},
    )


def lesson_neighbours(
    lesson: LessonPage,
) -> tuple[LessonPage | None, LessonPage | None]:
    """The live lessons before and after this one in the course's reading
    order, across modules (``courses.structure`` keeps them)."""
    course = lesson.course
    if course is None:
        return None, None
    lessons = live_lessons(course)
    position = next(
        (index for index, other in enumerate(lessons) if other.pk == lesson.pk), None
    )
    if position is None:  # a draft seen in preview is not in the reading order
        return None, None
    previous = lessons[position - 1] if position > 0 else None
    following = lessons[position + 1] if position + 1 < len(lessons) else None
    return previous, following


def course_a_learner_may_leave(*, learner: User, course_id: int) -> CoursePage | None:
    """A published course, or one the learner is still enrolled in.

    An unpublished course stays theirs to leave, but to anyone else its id
    must answer like one that does not exist.
    """
    enrolled = Enrolment.objects.active().filter(learner=learner).values("course")
    visible = Q(live=True) | Q(pk__in=enrolled)
    return CoursePage.objects.filter(visible, pk=course_id).first()


def courses_taught_by(user: User) -> QuerySet[CoursePage]:
    """Courses whose dashboards a user may see: those they teach or own."""
    courses = CoursePage.objects.all()
    if not user.is_superuser:
        courses = courses.filter(Q(teachers=user) | Q(owner=user))
    return courses.distinct().order_by("title")


@dataclass(frozen=True)
class RevocationState:
    """What the revocation list says: revoked bits, the highest bit in use,
    and when the list last changed (for a stable ``validFrom``)."""

    revoked: list[int]
    highest_index: int
    changed_at: datetime | None


def certificate_revocations() -> RevocationState:
    """Each certificate's bit is its primary key: unique and never reused."""
    summary = Certificate.objects.aggregate(
        highest=Max("pk"), last_revoked=Max("revoked_at"), first=Min("issued_at")
    )
    revoked = Certificate.objects.filter(revoked_at__isnull=False).values_list(
        "pk", flat=True
    )
    return RevocationState(
        revoked=list(revoked),
        highest_index=summary["highest"] or 0,
        changed_at=summary["last_revoked"] or summary["first"],
    )


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with exactly this code; anything else is unknown."""
    if not code or len(code) > 64:
        return None
    return Certificate.objects.filter(code=code).first()


@dataclass(frozen=True)
class EnrolmentDay:
    day: date
    new: int
    total: int


@dataclass(frozen=True)
class LessonFigures:
    lesson: LessonPage
    completed: int
    percent: int


@dataclass(frozen=True)
class QuizFigures:
    lesson: LessonPage
    quiz_id: str
    title: str
    attempts: int
    learners: int
    learners_passed: int
    average_score: float


@dataclass(frozen=True)
class CourseDashboard:
    """A teacher's figures for one course.

    ``enrolled`` counts every learner who ever enrolled (those who left
    included: they are where a course loses people); ``active`` those still
    enrolled; the completion rate is valid (unrevoked) certificates over
    ``enrolled``.
    """

    course: CoursePage
    enrolled: int
    active: int
    completed: int
    enrolments_by_day: list[EnrolmentDay]
    lessons: list[LessonFigures]
    quizzes: list[QuizFigures]

    @property
    def completion_rate(self) -> int:
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _enrolments_by_day(course: CoursePage) -> list[EnrolmentDay]:
    rows = (
        Enrolment.objects.filter(course=course)
        .annotate(day=TruncDate("enrolled_at"))
        .values("day")
        .annotate(new=Count("pk"))
        .order_by("day")
    )
    days, total = [], 0
    for row in rows:
        total += row["new"]
        days.append(EnrolmentDay(day=row["day"], new=row["new"], total=total))
    return days


def _quiz_figures(course: CoursePage, lessons: list[LessonPage]) -> list[QuizFigures]:
    rows = (
        QuizAttempt.objects.filter(course=course)
        .values("lesson_id", "quiz_id")
        .annotate(
            attempts=Count("pk"),
            learners=Count("learner", distinct=True),
            learners_passed=Count("learner", distinct=True, filter=Q(passed=True)),
            average_score=Avg("score"),
        )
    )
    by_key = {(row["lesson_id"], row["quiz_id"]): row for row in rows}
    figures = []
    for lesson in lessons:
        for block in lesson.body:
            row = by_key.get((lesson.pk, block.id))
            if block.block_type != "quiz" or row is None:
                continue
            figures.append(
                QuizFigures(
                    lesson=lesson,
                    quiz_id=block.id,
                    title=block.value["title"],
                    attempts=row["attempts"],
                    learners=row["learners"],
                    learners_passed=row["learners_passed"],
                    average_score=round(row["average_score"], 1),
                )
            )
    return figures


def course_dashboard(*, course: CoursePage) -> CourseDashboard:
    lessons = course_lessons(course)
    enrolled = Enrolment.objects.filter(course=course).count()
    completions = dict(
        LessonCompletion.objects.filter(course=course)
        .values("lesson_id")
        .annotate(n=Count("pk"))
        .values_list("lesson_id", "n")
    )
    return CourseDashboard(
        course=course,
        enrolled=enrolled,
        active=Enrolment.objects.active().filter(course=course).count(),
        completed=Certificate.objects.filter(
            course=course, revoked_at__isnull=True
        ).count(),
        enrolments_by_day=_enrolments_by_day(course),
        lessons=[
            LessonFigures(
                lesson=lesson,
                completed=completions.get(lesson.pk, 0),
                percent=_percent(completions.get(lesson.pk, 0), enrolled),
            )
            for lesson in lessons
        ],
        quizzes=_quiz_figures(course, lessons),
    )


@dataclass(frozen=True)
class QuestionView:
    number: int
    prompt: str
    allows_multiple: bool
    choices: list[dict]
    feedback: str
    answered_correctly: bool | None


@dataclass(frozen=True)
class QuizView:
    """A quiz as the learner sees it, with the result of their latest attempt."""

    id: str
    title: str
    pass_mark: int
    questions: list[QuestionView]
    attempt: QuizAttempt | None
    passed: bool


def _quiz_view(block, attempt: QuizAttempt | None, passed: bool) -> QuizView:
    questions = []
    # An attempt made before the teacher changed the questions is not replayed.
    answers = attempt.answers if attempt else []
    if len(answers) != len(block.value["questions"]):
        answers = []
    for number, question in enumerate(block.value["questions"]):
        selected = set(answers[number]) if answers else set()
        correct = {i for i, c in enumerate(question["choices"]) if c["is_correct"]}
        questions.append(
            QuestionView(
                number=number,
                prompt=question["prompt"],
                allows_multiple=question["allows_multiple"],
                choices=[
                    {"index": i, "text": c["text"], "selected": i in selected}
                    for i, c in enumerate(question["choices"])
                ],
                feedback=question["feedback"],
                answered_correctly=(selected == correct) if answers else None,
            )
        )
    return QuizView(
        id=block.id,
        title=block.value["title"],
        pass_mark=block.value["pass_mark"],
        questions=questions,
        attempt=attempt,
        passed=passed,
    )


def lesson_body(*, lesson: LessonPage, state: LessonState) -> list[tuple]:
    """The lesson's blocks, each paired with its quiz view when it is a quiz.

    The images' existing renditions are read in one query for the whole
    lesson, rather than one per image block as the template renders them.
    """
    images = [
        block.value
        for block in lesson.body
        if block.block_type == "image" and block.value is not None
    ]
    if images:
        prefetch_related_objects(images, "renditions")
    return [
        (
            block,
            _quiz_view(
                block,
                state.latest_attempts.get(block.id),
                block.id in state.passed_quiz_ids,
            )
            if block.block_type == "quiz"
            else None,
        )
        for block in lesson.body
    ]


def page_has_learner_records(page) -> bool:
    """Whether deleting this page (with its subtree) would destroy learners'
    enrolments, progress, attempts or certificates."""
    from wagtail.models import Page

    subtree = Page.objects.descendant_of(page, inclusive=True).values("pk")
    return (
        Enrolment.objects.filter(course__in=subtree).exists()
        or LessonCompletion.objects.filter(lesson__in=subtree).exists()
        or QuizAttempt.objects.filter(lesson__in=subtree).exists()
        or Certificate.objects.filter(course__in=subtree).exists()
    )
