"""Enrolments and lesson completions per second through the services, and
whether learners of one popular course wait for each other's locks.

Creates a throw-away test database (``test_<name>`` from DATABASE_URL) with a
published course of lessons and learners who are not yet enrolled, then:

1. *enrol and complete*: several threads, each taking its own learners, enrol
   each one (``enrolment_create``) and mark the first lesson done
   (``lesson_mark_done``), for a fixed time; prints writes per second.
2. *first day of term*: rounds of many threads released together by a
   barrier, each enrolling a different learner in the same course, while a
   monitor samples ``pg_stat_activity`` for sessions of this database waiting
   on a lock. Run once without a capacity (no row lock is taken) and once
   with one (each enrolment counts the places under the course's row lock),
   so the second run shows what the first avoids.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lms \\
        uv run python bench/enrolment_writes.py [--seconds 10] [--threads 8] \\
        [--crowd 50] [--rounds 6]
"""

import argparse
import threading
import time

from setup_django import start_django, throwaway_postgresql

start_django()

from django.db import connection, connections
from sample_course import build, make_learners

from courses.models import CoursePage
from courses.services import enrolment_create, lesson_mark_done


def enrol_and_complete(course, lesson, users, deadline, totals, lock) -> None:
    writes = 0
    try:
        for user in users:
            if time.monotonic() >= deadline:
                break
            enrolment_create(learner=user, course=course)
            lesson_mark_done(learner=user, lesson=lesson)
            writes += 2
    finally:
        connections.close_all()
    with lock:
        totals.append(writes)


def warm_up(course, lesson) -> None:
    """The process's first enrolment loads templates and catalogues (seconds);
    that is start-up, not a write to measure."""
    (user,) = make_learners(1, prefix="warm-up")
    enrolment_create(learner=user, course=course)
    lesson_mark_done(learner=user, lesson=lesson)


def steady(course, lesson, *, seconds: float, threads: int) -> None:
    # More learners than the threads can enrol in the time, so none runs dry.
    users = make_learners(threads * 2000, prefix="steady")
    share = len(users) // threads
    totals: list[int] = []
    lock = threading.Lock()
    start = time.monotonic()
    workers = [
        threading.Thread(
            target=enrol_and_complete,
            args=(
                course,
                lesson,
                users[i * share : (i + 1) * share],
                start + seconds,
                totals,
                lock,
            ),
        )
        for i in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - start
    print(f"enrol and complete, {threads} threads, {elapsed:.1f} s:")
    print(f"  writes: {sum(totals)} ({sum(totals) // 2} enrolments + completions)")
    print(f"  writes per second: {sum(totals) / elapsed:.0f}")


class LockMonitor(threading.Thread):
    """Samples how many of this database's sessions wait on a lock."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.samples = 0
        self.samples_with_waits = 0
        self.most_waiting = 0

    def run(self) -> None:
        try:
            with connection.cursor() as cursor:
                while not self.stop.is_set():
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE datname = current_database()"
                        " AND wait_event_type = 'Lock'"
                    )
                    waiting = cursor.fetchone()[0]
                    self.samples += 1
                    self.samples_with_waits += waiting > 0
                    self.most_waiting = max(self.most_waiting, waiting)
                    time.sleep(0.002)
        finally:
            connections.close_all()


def crowd_enrols(course, users) -> float:
    barrier = threading.Barrier(len(users))

    def enrol(user) -> None:
        try:
            barrier.wait()
            enrolment_create(learner=user, course=course)
        finally:
            connections.close_all()

    start = time.monotonic()
    workers = [threading.Thread(target=enrol, args=(user,)) for user in users]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.monotonic() - start


def first_day_of_term(course, *, crowd: int, rounds: int, capacity) -> None:
    CoursePage.objects.filter(pk=course.pk).update(capacity=capacity)
    course.refresh_from_db()
    users = make_learners(crowd * rounds, prefix=f"crowd{capacity or 0}-")
    monitor = LockMonitor()
    monitor.start()
    elapsed = sum(
        crowd_enrols(course, users[r * crowd : (r + 1) * crowd]) for r in range(rounds)
    )
    monitor.stop.set()
    monitor.join()
    label = f"capacity {capacity}" if capacity else "no capacity"
    print(f"{crowd} learners at once into one course, {rounds} rounds, {label}:")
    print(f"  enrolments per second: {crowd * rounds / elapsed:.0f}")
    print(
        f"  lock waits: {monitor.samples_with_waits} of {monitor.samples} samples,"
        f" at most {monitor.most_waiting} sessions waiting"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--crowd", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()

    with throwaway_postgresql():
        course, lessons, _ = build(
            modules=2, lessons_per_module=6, learners=0, enrol=False
        )
        print(f"database: PostgreSQL {connection.pg_version}")
        print(f"course: {len(lessons)} lessons")
        warm_up(course, lessons[0])
        steady(course, lessons[0], seconds=args.seconds, threads=args.threads)
        for capacity in (None, 1_000_000):
            first_day_of_term(
                course, crowd=args.crowd, rounds=args.rounds, capacity=capacity
            )


if __name__ == "__main__":
    main()
