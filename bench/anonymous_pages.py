"""Anonymous pages against the server's own ceiling, and their render cost.

Two figures for each public page a visitor reads without signing in:

- ``--host URL``: requests per second measured with wrk (Debian's package:
  ``apt-get install wrk``) against a running server, beside /healthz answered
  by the same gunicorn in the same run, the ceiling a page could reach. With
  the page cache on (the default) this is the cached figure; a server started
  with ``PAGE_CACHE_SECONDS=0`` gives the uncached one.
- ``--render``: server time per page in this process (Django's test client,
  page cache off), p50 and p95 over ``--repeat`` renders after one warm-up.
- ``--profile NAME``: where that page's server time goes, uncached and then
  served from the page cache: the functions with the most own time over
  ``--repeat`` requests (cProfile), to say what to remove first.

Both read the same database as the server (DATABASE_URL) to find a course,
a lesson and a material to ask for. Run, for example:

    DEBUG=false SECRET_KEY=bench ALLOWED_HOSTS=127.0.0.1 REDIS_URL=redis://127.0.0.1:6379/0 \\
        WEB_CONCURRENCY=2 GUNICORN_THREADS=4 PORT=8800 .venv/bin/gunicorn -c lms/gunicorn.conf.py lms.wsgi &
    .venv/bin/python bench/anonymous_pages.py --host http://127.0.0.1:8800
    .venv/bin/python bench/anonymous_pages.py --render
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")


def public_pages() -> dict[str, str]:
    """Name → path of each kind of anonymous page, from the database."""
    import django

    django.setup()
    from wagtail.models import Locale

    from courses.models import CourseCatalogPage, CoursePage, LessonPage
    from lms.models import HomePage
    from materials.models import Material

    course = CoursePage.objects.live().public().order_by("pk").first()
    lesson = LessonPage.objects.live().public().descendant_of(course).first()
    material = Material.objects.filter(live=True).order_by("pk").first()
    if not (course and lesson and material):
        raise SystemExit("No published course, lesson and material: seed_demo first.")
    return {
        "home": HomePage.objects.get(locale=Locale.get_default()).url,
        "catalogue": CourseCatalogPage.objects.get(locale=Locale.get_default()).url,
        "course": course.url,
        "lesson": lesson.url,
        "materials list": "/materials/",
        "material": material.get_absolute_url(),
        "feed": "/feeds/materials/",
        "sitemap": "/sitemap.xml",
    }


def wrk_rate(
    url: str, *, seconds: int, connections: int, threads: int, header: str = ""
) -> float:
    """Requests per second wrk measured; ``header`` is sent with each one."""
    finished = subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("wrk") or "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            *(["-H", header] if header else []),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Requests/sec:\s+([\d.]+)", finished.stdout)
    if not found or "Non-2xx" in finished.stdout:
        raise SystemExit(f"wrk could not measure {url}:\n{finished.stdout}")
    return float(found.group(1))


def measure_server(args: argparse.Namespace) -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    pages = {"hello world (/healthz)": "/healthz", **public_pages()}
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s, "
        f"server {args.host}"
    )
    print("| page | req/s | share of /healthz |")
    print("| --- | ---: | ---: |")
    ceiling = None
    for name, path in pages.items():
        # Each worker's first requests load code and templates: not measured.
        wrk_rate(args.host + path, seconds=2, connections=args.connections, threads=1)
        rate = wrk_rate(
            args.host + path,
            seconds=args.seconds,
            connections=args.connections,
            threads=args.threads,
        )
        ceiling = ceiling or rate
        print(f"| {name} `{path}` | {rate:.0f} | {rate / ceiling:.0%} |", flush=True)


def measure_render(args: argparse.Namespace) -> None:
    pages = public_pages()
    from django.conf import settings
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 0
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    print(f"server time per page, page cache off, {args.repeat} renders each")
    print("| page | p50 ms | p95 ms |")
    print("| --- | ---: | ---: |")
    print_render_times(client, pages, repeat=args.repeat)


def print_render_times(client, pages: dict[str, str], *, repeat: int) -> None:
    """A table row per page: p50 and p95 ms over ``repeat`` requests, after
    one warm-up that must answer 200."""
    for name, path in pages.items():
        if client.get(path).status_code != 200:
            raise SystemExit(f"{path} did not answer 200 (SECURE_SSL_REDIRECT?)")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"| {name} | {statistics.median(times):.1f} | {p95:.1f} |", flush=True)


def profile_page(args: argparse.Namespace) -> None:
    import cProfile
    import pstats

    pages = public_pages()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    if args.profile not in pages:
        raise SystemExit(f"--profile takes one of: {', '.join(pages)}")
    path = pages[args.profile]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    for label, seconds in (("uncached", 0), ("from the page cache", 600)):
        settings.PAGE_CACHE_SECONDS = seconds
        cache.clear()
        # The warm-up, and the stored copy for the cached run.
        if client.get(path).status_code != 200:
            raise SystemExit(f"{path} did not answer 200 (SECURE_SSL_REDIRECT?)")
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        for _ in range(args.repeat):
            client.get(path)
        profiler.disable()
        each = (time.perf_counter() - started) * 1000 / args.repeat
        print(f"== {args.profile} `{path}`, {label}: {each:.1f} ms per request")
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(args.lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", help="a running server, e.g. http://127.0.0.1:8800")
    parser.add_argument("--render", action="store_true", help="time renders here")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", metavar="NAME", help="profile one page")
    parser.add_argument("--lines", type=int, default=15, help="profile lines")
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
