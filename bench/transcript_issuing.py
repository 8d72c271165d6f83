"""Building and signing a 20-course transcript, then checking it.

Creates a throw-away test database (``test_<name>`` from DATABASE_URL) with
one learner who completed 20 one-lesson courses through the services, then,
``--repeat`` times each:

1. *issue*: the learner's CLR 2.0 transcript is built and signed as the
   download does (``transcript_issue``): 20 embedded Open Badges credentials
   each signed, then the transcript signed over all of them;
2. *check*: the signed transcript is checked as the verification page does
   (its own checks, then each embedded credential's).

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lms \\
        uv run python bench/transcript_issuing.py [--courses 20] [--repeat 10]
"""

import argparse
import json
import statistics
import time

from setup_django import start_django, throwaway_postgresql

start_django()

from django.conf import settings
from django.utils import timezone
from sample_course import build

from courses.credentials.checking import Outcome, check_credential
from courses.credentials.keys import new_keyring, raw_seed
from courses.credentials.multibase import secret_key_multibase
from courses.models import Enrolment
from courses.services import lesson_mark_done, transcript_issue


def complete_courses(count: int):
    """One learner with ``count`` completed courses; returns the learner."""
    _course, (lesson,), (learner,) = build(modules=1, lessons_per_module=1, learners=1)
    lesson_mark_done(learner=learner, lesson=lesson)
    for number in range(1, count):
        course, (lesson,), _ = build(
            modules=1, lessons_per_module=1, learners=0, title=f"Khóa học {number}"
        )
        Enrolment.objects.create(
            learner=learner, course=course, enrolled_at=timezone.now()
        )
        lesson_mark_done(learner=learner, lesson=lesson)
    return learner


def timed(label: str, repeat: int, action):
    """Run ``action`` ``repeat`` times; print p50/p95 and return the last result."""
    times, result = [], None
    for _ in range(repeat):
        begun = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - begun) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1] if repeat > 1 else times[0]
    print(
        f"{label}: {repeat} runs; p50 {statistics.median(times):.0f} ms,"
        f" p95 {p95:.0f} ms, min {min(times):.0f} ms"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--courses", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    settings.CREDENTIALS_SIGNING_KEY = secret_key_multibase(
        raw_seed(new_keyring().private_key)
    )
    settings.CREDENTIALS_KEY_FILE = ""

    with throwaway_postgresql():
        learner = complete_courses(args.courses)
        transcript = timed(
            f"issue a {args.courses}-course transcript (build + sign)",
            args.repeat,
            lambda: transcript_issue(learner=learner),
        )
        listed = len(transcript["credentialSubject"]["verifiableCredential"])
        assert listed == args.courses, "every completed course is listed"
        text = json.dumps(transcript)
        print(f"transcript size: {len(text.encode()) / 1024:.0f} KB")
        report = timed("check it", args.repeat, lambda: check_credential(text))
        assert report.outcome == Outcome.PASSED, "the transcript checks valid"
        print(f"valid on checking, with {len(report.parts)} course credentials")


if __name__ == "__main__":
    main()
