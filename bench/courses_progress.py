"""Progress updates per second, sustained, against PostgreSQL.

Creates a throw-away test database (``test_<name>`` from DATABASE_URL), a
published course of modules and lessons (half with a two-question quiz) and
enrolled learners, then runs the real services from several threads for a
fixed time: marking lessons done and submitting quiz attempts (a quarter of
them wrong, so attempts pile up), each followed by the certificate check the
services perform. Prints the figures; the database is dropped afterwards.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lms \\
        uv run python bench/courses_progress.py [--seconds 20] [--threads 4]
"""

import argparse
import threading
import time

from setup_django import start_django, throwaway_postgresql

start_django()

from django.core.exceptions import ValidationError
from django.db import connection, connections
from sample_course import build

from courses.services import lesson_mark_done, quiz_attempt_submit


def worker(lessons, users, deadline, counts, lock):
    done = attempts = refused = 0
    quiz_ids = {
        lesson.pk: next((b.id for b in lesson.body if b.block_type == "quiz"), None)
        for lesson in lessons
    }
    step = 0
    try:
        while time.monotonic() < deadline:
            for user in users:
                lesson = lessons[step % len(lessons)]
                quiz_id = quiz_ids[lesson.pk]
                try:
                    if quiz_id is None:
                        lesson_mark_done(learner=user, lesson=lesson)
                        done += 1
                    else:
                        wrong = step % 4 == 0
                        quiz_attempt_submit(
                            learner=user,
                            lesson=lesson,
                            quiz_id=quiz_id,
                            answers={"0": ["1" if wrong else "0"], "1": ["0"]},
                        )
                        attempts += 1
                except ValidationError:
                    refused += 1
                if time.monotonic() >= deadline:
                    break
            step += 1
    finally:
        connections.close_all()
    with lock:
        counts["marked done"] += done
        counts["quiz attempts"] += attempts
        counts["refused"] += refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--learners", type=int, default=200)
    args = parser.parse_args()

    with throwaway_postgresql():
        _, lessons, users = build(
            modules=4, lessons_per_module=6, learners=args.learners
        )
        counts = {"marked done": 0, "quiz attempts": 0, "refused": 0}
        lock = threading.Lock()
        share = len(users) // args.threads
        start = time.monotonic()
        deadline = start + args.seconds
        threads = [
            threading.Thread(
                target=worker,
                args=(
                    lessons,
                    users[i * share : (i + 1) * share],
                    deadline,
                    counts,
                    lock,
                ),
            )
            for i in range(args.threads)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start
        total = counts["marked done"] + counts["quiz attempts"]
        print(f"database: PostgreSQL {connection.pg_version}")
        print(
            f"lessons: {len(lessons)}, learners: {len(users)}, threads: {args.threads}"
        )
        print(f"elapsed: {elapsed:.1f} s")
        for name, value in counts.items():
            print(f"{name}: {value}")
        print(f"mean time per update: {1000 * elapsed * args.threads / total:.1f} ms")
        print(f"progress updates per second: {total / elapsed:.0f}")


if __name__ == "__main__":
    main()
