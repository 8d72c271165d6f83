"""Enrolling in and leaving courses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import CoursePage, Enrolment
from courses.signals import learner_enrolled
from courses.translations import original_page
from lms import counters
from lms.inserts import insert_unless_present


def _course_for_enrolment(course: CoursePage) -> CoursePage:
    """Re-read the course as its original (learners of every translation
    enrol in the one course, ``courses.translations``); lock its row
    (PostgreSQL) only when it has a capacity, so counting its places runs one
    enrolment after another. Without one, learners of a popular course enrol
    side by side: the unique constraint alone keeps one enrolment per
    learner."""
    fresh = original_page(course)
    if fresh.capacity is None:
        return fresh
    return CoursePage.objects.select_for_update(of=("self",)).get(pk=fresh.pk)


def _check_course_accepts_learners(course: CoursePage) -> None:
    if not course.live:
        raise ValidationError(
            _("This course is not published, so nobody can enrol in it."),
            code="course_not_published",
        )
    now = timezone.now()
    if course.enrolment_opens_at and now < course.enrolment_opens_at:
        raise ValidationError(
            _("Enrolment for this course opens on %(date)s.")
            % {"date": date_format(timezone.localtime(course.enrolment_opens_at))},
            code="enrolment_not_open",
        )
    if course.enrolment_closes_at and now >= course.enrolment_closes_at:
        raise ValidationError(
            _("Enrolment for this course closed on %(date)s.")
            % {"date": date_format(timezone.localtime(course.enrolment_closes_at))},
            code="enrolment_closed",
        )


def _check_capacity(course: CoursePage) -> None:
    if course.capacity is None:
        return
    if Enrolment.objects.active().filter(course=course).count() >= course.capacity:
        raise ValidationError(
            _("This course is full: all %(capacity)d places are taken.")
            % {"capacity": course.capacity},
            code="course_full",
        )


@transaction.atomic
def enrolment_create(*, learner: User, course: CoursePage) -> tuple[Enrolment, bool]:
    """Enrol a learner, or return their existing enrolment unchanged.

    Returns ``(enrolment, created)``. Enrolling again is not an error, so a
    double click is harmless; the unique constraint guarantees one row even
    where row locks are not available (SQLite), and decides in the insert
    itself, so a first enrolment reads nothing before writing.
    """
    course = _course_for_enrolment(course)
    try:
        _check_course_accepts_learners(course)
        _check_capacity(course)
    except ValidationError:
        # A closed or full course still answers its own learners' clicks.
        existing = Enrolment.objects.active().filter(learner=learner, course=course)
        if enrolled := existing.first():
            return enrolled, False
        raise
    now = timezone.now()
    enrolment = Enrolment(learner=learner, course=course, enrolled_at=now)
    if not insert_unless_present(enrolment, unique_fields=("learner", "course")):
        return _reopen(learner=learner, course=course, at=now)
    _announce(learner=learner, course=course, at=now)
    return enrolment, True


def _reopen(*, learner: User, course: CoursePage, at) -> tuple[Enrolment, bool]:
    """A returning learner's cancelled enrolment opens again; an active one
    (a double click, a concurrent twin) is returned as it is."""
    rows = Enrolment.objects.filter(learner=learner, course=course)
    reopened = rows.filter(unenrolled_at__isnull=False).update(
        enrolled_at=at, unenrolled_at=None
    )
    if reopened:
        _announce(learner=learner, course=course, at=at)
    return rows.get(), bool(reopened)


def _announce(*, learner: User, course: CoursePage, at) -> None:
    learner_enrolled.send(CoursePage, learner=learner, course=course, at=at)
    _popularity_changed(course, by=1)


@transaction.atomic
def enrolment_cancel(*, learner: User, course: CoursePage) -> Enrolment:
    """Leave a course. Progress and certificates are kept for a later return."""
    enrolment = (
        Enrolment.objects.select_for_update()
        .active()
        .filter(learner=learner, course__translation_key=course.translation_key)
        .first()
    )
    if enrolment is None:
        raise ValidationError(
            _("You are not enrolled in this course."), code="not_enrolled"
        )
    enrolment.unenrolled_at = timezone.now()
    enrolment.save(update_fields=["unenrolled_at"])
    _popularity_changed(enrolment.course, by=-1)
    return enrolment


def _popularity_changed(course: CoursePage, *, by: int) -> None:
    """Search ranks courses by learners. Every learner of a popular course
    moves this figure, so it goes through the counters: batched through
    Redis when there is one, else told to search inside this transaction."""
    counters.count(counters.COURSE_LEARNERS, course.pk, by=by)
