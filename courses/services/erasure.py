from django.db import transaction

from courses.models import (
    Certificate,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    TranscriptShare,
)


@transaction.atomic
def learner_records_erase(*, user) -> None:
    """Remove a person's own learning records before their account goes.

    Records are protected from course edits and deletions; only the person
    deleting their account erases them. Revocations they made as a curator
    stay in force, without their name.
    """
    Certificate.objects.filter(revoked_by=user).update(revoked_by=None)
    TranscriptShare.objects.filter(learner=user).delete()
    Certificate.objects.filter(learner=user).delete()
    QuizAttempt.objects.filter(learner=user).delete()
    LessonCompletion.objects.filter(learner=user).delete()
    Enrolment.objects.filter(learner=user).delete()
