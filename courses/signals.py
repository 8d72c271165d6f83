"""What happens to learners, announced to whoever reports on it.

The courses services send these inside their own transactions, so every way
in (the pages, the API, the admin, a task) announces the same events and a
rolled-back change announces nothing. Receivers live in the apps that build on
courses (the open data app turns them into xAPI statements), so courses
depends on none of them.
"""

from django.dispatch import Signal

# learner, course, at: a learner enrolled, or came back to a cancelled enrolment.
learner_enrolled = Signal()
# learner, lesson, course_id (the enrolment's, the original course), at: an
# enrolled learner opened a lesson. Receivers answer
# True when they took it as a new visit (reloads within a while are not).
lesson_opened = Signal()
# learner, lesson, course_id, at: a lesson was completed for the first time.
lesson_completed = Signal()
# learner, attempt: a quiz attempt was marked.
quiz_attempted = Signal()
# certificate: a certificate was issued.
certificate_issued = Signal()
# certificate: a curator revoked a certificate.
certificate_revoked = Signal()
# learner, share, at: a learner opened a public link to their transcript.
transcript_shared = Signal()
# learner, shared (bool), at: a transcript was issued (built and signed).
transcript_issued = Signal()
