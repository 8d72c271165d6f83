"""Signed-in learner pages: a course with the learner's progress, and a lesson.

A learner's pages are never shared through the page cache: only the parts
that are theirs (progress, completion, the next lesson) should cost per
request. Three figures, for the demo learner (``student.an``, enrolled in
the first two demo courses by ``seed_demo``):

- ``--render``: server time per page in this process, p50 and p95 over
  ``--repeat`` requests after one warm-up.
- ``--profile NAME``: the functions with the most own time (cProfile).
- ``--host URL``: requests per second measured with wrk against a running
  server, signed in as the learner (a session made here, in the database
  and cache the server shares), beside /healthz in the same run.

    DEBUG=false SECRET_KEY=bench ALLOWED_HOSTS=127.0.0.1 REDIS_URL=redis://127.0.0.1:6379/0 \\
        WEB_CONCURRENCY=2 GUNICORN_THREADS=4 PORT=8800 .venv/bin/gunicorn -c lms/gunicorn.conf.py lms.wsgi &
    DEBUG=false SECRET_KEY=bench REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/learner_pages.py --host http://127.0.0.1:8800 --render
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

from bench.anonymous_pages import print_render_times, wrk_rate

LEARNER = "student.an"


def learner_pages():
    """The demo learner, and name → path of their course and a lesson."""
    import django

    django.setup()
    from accounts.models import User
    from courses.models import Enrolment, LessonPage

    learner = User.objects.filter(username=LEARNER).first()
    enrolment = (
        Enrolment.objects.filter(learner=learner).order_by("-pk").first()
        if learner
        else None
    )
    if enrolment is None:
        raise SystemExit(f"No enrolment for {LEARNER}: run seed_demo first.")
    course = enrolment.course
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").last()
    return learner, {"course": course.url, "lesson": lesson.url}


def signed_in_client(learner):
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(learner)
    return client


def measure_render(args: argparse.Namespace) -> None:
    learner, pages = learner_pages()
    client = signed_in_client(learner)
    print(f"server time per page, signed in as {LEARNER}, {args.repeat} requests each")
    print("| page | p50 ms | p95 ms |")
    print("| --- | ---: | ---: |")
    print_render_times(client, pages, repeat=args.repeat)


def profile_page(args: argparse.Namespace) -> None:
    import cProfile
    import pstats

    learner, pages = learner_pages()
    if args.profile not in pages:
        raise SystemExit(f"--profile takes one of: {', '.join(pages)}")
    client = signed_in_client(learner)
    path = pages[args.profile]
    client.get(path)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(args.repeat):
        client.get(path)
    profiler.disable()
    each = (time.perf_counter() - started) * 1000 / args.repeat
    print(f"== {args.profile} `{path}`, signed in: {each:.1f} ms per request")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(args.lines)


def measure_server(args: argparse.Namespace) -> None:
    from django.conf import settings

    learner, pages = learner_pages()
    cookie = signed_in_client(learner).cookies[settings.SESSION_COOKIE_NAME].value
    header = f"Cookie: {settings.SESSION_COOKIE_NAME}={cookie}"
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s, {args.host}")
    print("| page | req/s | share of /healthz |")
    print("| --- | ---: | ---: |")
    ceiling = None
    for name, path in {"hello world (/healthz)": "/healthz", **pages}.items():
        options = {"connections": args.connections, "header": header}
        wrk_rate(args.host + path, seconds=2, threads=1, **options)
        rate = wrk_rate(
            args.host + path, seconds=args.seconds, threads=args.threads, **options
        )
        ceiling = ceiling or rate
        print(f"| {name} `{path}` | {rate:.0f} | {rate / ceiling:.0%} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", help="a running server, e.g. http://127.0.0.1:8800")
    parser.add_argument("--render", action="store_true", help="time renders here")
    parser.add_argument("--profile", metavar="NAME", help="profile one page")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--lines", type=int, default=25, help="profile lines")
    args = parser.parse_args()
    if not (args.host or args.render or args.profile):
        parser.error("give --host URL, --render, --profile NAME or a mix")
    if args.host:
        measure_server(args)
    if args.render:
        measure_render(args)
    if args.profile:
        profile_page(args)


if __name__ == "__main__":
    main()
