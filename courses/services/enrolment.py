"""Enrolling in and leaving courses."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import CoursePage, Enrolment
from courses.signals import learner_enrolled
from courses.translations import original_page
from lms.signals import search_relevant_change


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
    where row locks are not available (SQLite).
    """
    course = _course_for_enrolment(course)
    existing = Enrolment.objects.filter(learner=learner, course=course).first()
    if existing and existing.is_active:
        return existing, False
    _check_course_accepts_learners(course)
    _check_capacity(course)
    now = timezone.now()
    if existing:
        existing.enrolled_at, existing.unenrolled_at = now, None
        existing.save(update_fields=["enrolled_at", "unenrolled_at"])
        learner_enrolled.send(CoursePage, learner=learner, course=course, at=now)
        _popularity_changed(course)
        return existing, True
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                learner=learner, course=course, enrolled_at=now
            )
    except IntegrityError:
        return Enrolment.objects.get(learner=learner, course=course), False
    learner_enrolled.send(CoursePage, learner=learner, course=course, at=now)
    _popularity_changed(course)
    return enrolment, True


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
    _popularity_changed(enrolment.course)
    return enrolment


def _popularity_changed(course: CoursePage) -> None:
    """Search ranks courses by learners; tell it, inside this transaction."""
    search_relevant_change.send(sender=CoursePage, instance=course, figures_only=True)
