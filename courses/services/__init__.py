"""Every change to enrolments, progress and certificates goes through here."""

from courses.services.cartridge_import import course_import_cartridge
from courses.services.certificates import (
    certificate_choose_privacy,
    certificate_issue_if_complete,
    certificate_revoke,
)
from courses.services.enrolment import enrolment_cancel, enrolment_create
from courses.services.erasure import learner_records_erase
from courses.services.progress import (
    lesson_complete_by_package,
    lesson_launch_record,
    lesson_mark_done,
    quiz_attempt_submit,
)
from courses.services.transcripts import (
    transcript_issue,
    transcript_share_choose_courses,
    transcript_share_open,
    transcript_share_revoke,
)

__all__ = [
    "certificate_choose_privacy",
    "certificate_issue_if_complete",
    "certificate_revoke",
    "course_import_cartridge",
    "enrolment_cancel",
    "enrolment_create",
    "learner_records_erase",
    "lesson_complete_by_package",
    "lesson_launch_record",
    "lesson_mark_done",
    "quiz_attempt_submit",
    "transcript_issue",
    "transcript_share_choose_courses",
    "transcript_share_open",
    "transcript_share_revoke",
]
