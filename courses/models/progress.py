from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletionMethod(models.TextChoices):
    MARKED_DONE = "marked_done", _("Marked as done")
    QUIZ_PASSED = "quiz_passed", _("Quizzes passed")
    PACKAGE = "package", _("Package finished")


class LessonCompletion(models.Model):
    """A learner finished a lesson; at most one row per learner and lesson.

    The course is stored too so course-level figures need no page-tree joins
    and survive the lesson being moved or unpublished.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="lesson_completions",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="lesson_completions",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.PROTECT,
        related_name="completions",
    )
    method = models.CharField(
        _("completed by"), max_length=16, choices=CompletionMethod.choices
    )
    completed_at = models.DateTimeField(_("completed at"))

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson"],
                name="courses_completion_one_per_learner_lesson",
            )
        ]
        indexes = [models.Index(fields=["course", "learner"])]

    def __str__(self) -> str:
        return f"{self.learner} ✓ {self.lesson}"


class QuizAttempt(models.Model):
    """One submission of one quiz, graded on the server and kept for good."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
    )
    quiz_id = models.CharField(_("quiz block"), max_length=64)
    quiz_title = models.CharField(_("quiz title"), max_length=255)
    answers = models.JSONField(_("answers"))
    correct_count = models.PositiveIntegerField(_("correct answers"))
    question_count = models.PositiveIntegerField(_("questions"))
    score = models.PositiveSmallIntegerField(_("score (percent)"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (percent)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        indexes = [
            models.Index(fields=["learner", "lesson", "quiz_id"]),
            models.Index(fields=["course", "quiz_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.learner}: {self.quiz_title} {self.score}%"
