"""Load test: requests per second and latency percentiles per endpoint.

Run against a local gunicorn (never a shared or public server):

    DEBUG=0 ... uv run gunicorn -c lms/gunicorn.conf.py lms.wsgi &
    uv run python bench/load_test.py --host http://127.0.0.1:8000 \
        --users 40 --spawn-rate 10 --run-time 60 --discover

It prints a table (requests, failures, req/s, p50/p95/p99 in ms) and writes
the same figures as JSON. A benchmark, not a test: it never judges timings.

``--discover`` asks the project's database (same environment variables as the
server) for a live course, lesson and material, so the URLs below are real;
otherwise pass them with --course-url/--lesson-url/--material-url. Endpoints
that do not exist yet simply show up as failures in the table; ``--only``
limits the run to some endpoints.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import gevent
from locust import HttpUser, between, task
from locust.env import Environment

PROJECT = Path(__file__).resolve().parents[1]

# --- URLs: edit here if the applications name them differently --------------
HOME_URL = "/"
CATALOGUE_URL = "/courses/"
COURSE_URL = "/courses/khoa-hoc-0/"
LESSON_URL = "/courses/khoa-hoc-0/chuong-0/trang-0/"
MATERIAL_DOWNLOAD_URL = "/materials/{pk}-{slug}/download/"
MATERIAL = {"pk": 1, "slug": "phieu-hoc-tap-so-0"}
SEARCH_URL = "/search/?q={q}"
SUGGEST_URL = "/search/suggest/?q={q}"
SIGN_IN_URL = "/accounts/login/"
ENROL_URL = "{course}enrol/"  # POST, relative to the course page
COMPLETE_URL = "{lesson}complete/"  # POST, relative to the lesson page
LEARNER_USERNAME = "student{n}"
LEARNER_PASSWORD = "correct horse battery staple"  # noqa: S105 - seeded bench users
SEARCH_WORDS = [
    "phân số",
    "quang hợp",
    "hình học",
    "tiếng anh",
    "lịch sử",
    "phieu hoc tap",
    "fractions",
    "photosynthesis",
    "địa lý",
    "bài tập",
]
# -----------------------------------------------------------------------------

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
ENDPOINTS = [
    "home",
    "catalogue",
    "course",
    "lesson",
    "download",
    "search",
    "suggest",
    "enrol-and-complete",
]
ONLY: set[str] = set(ENDPOINTS)
LEARNER_NUMBERS = list(range(200))


def enabled(name: str) -> bool:
    return name in ONLY


class Visitor(HttpUser):
    """An anonymous visitor browsing, searching and downloading."""

    weight = 9
    wait_time = between(0.1, 0.5)

    def _get(self, endpoint: str, url: str, label: str | None = None) -> None:
        if enabled(endpoint):
            self.client.get(url, name=label or endpoint)

    @task(2)
    def home(self) -> None:
        self._get("home", HOME_URL)

    @task(2)
    def catalogue(self) -> None:
        self._get("catalogue", CATALOGUE_URL)

    @task(2)
    def course(self) -> None:
        self._get("course", COURSE_URL)

    @task(3)
    def lesson(self) -> None:
        self._get("lesson", LESSON_URL)

    @task(2)
    def download(self) -> None:
        if enabled("download"):
            self.client.get(
                MATERIAL_DOWNLOAD_URL.format(**MATERIAL),
                name="download",
                allow_redirects=False,
            )

    @task(3)
    def search(self) -> None:
        self._get("search", SEARCH_URL.format(q=random.choice(SEARCH_WORDS)))

    @task(5)
    def suggest(self) -> None:
        word = random.choice(SEARCH_WORDS)
        prefix = word[: random.randint(2, len(word))]
        self._get("suggest", SUGGEST_URL.format(q=prefix))


class Learner(HttpUser):
    """A student who signs in, enrols in a course and completes a lesson."""

    weight = 1
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.signed_in = False
        if not enabled("enrol-and-complete") or not LEARNER_NUMBERS:
            return
        number = LEARNER_NUMBERS.pop()
        self.client.get(SIGN_IN_URL, name="sign-in form")
        response = self.client.post(
            SIGN_IN_URL,
            data={
                "username": LEARNER_USERNAME.format(n=number),
                "password": LEARNER_PASSWORD,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            headers={"Referer": self.host + SIGN_IN_URL},
            name="sign-in",
            allow_redirects=False,
        )
        self.signed_in = response.status_code in {301, 302, 303}

    @task
    def enrol_and_complete(self) -> None:
        if not enabled("enrol-and-complete") or not self.signed_in:
            return
        self.client.get(COURSE_URL, name="course (signed in)")
        self._post(ENROL_URL.format(course=COURSE_URL), "enrol")
        self.client.get(LESSON_URL, name="lesson (signed in)")
        self._post(COMPLETE_URL.format(lesson=LESSON_URL), "complete")

    def _post(self, url: str, name: str) -> None:
        self.client.post(
            url,
            data={"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")},
            headers={"Referer": self.host + url},
            name=name,
            allow_redirects=False,
        )


DISCOVER = """
import json
from courses.models import CoursePage, LessonPage
from materials.models import Material
course = CoursePage.objects.live().public().order_by("pk").first()
lesson = (
    LessonPage.objects.live().public().descendant_of(course).order_by("pk").first()
    if course else None
)
material = Material.objects.filter(live=True).order_by("pk").first()
print(json.dumps({
    "course": course.url if course else None,
    "lesson": lesson.url if lesson else None,
    "material": {"pk": material.pk, "slug": material.slug} if material else None,
}))
"""


def discover() -> dict:
    """Real URLs from the database the server uses (same environment)."""
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", DISCOVER],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(host: str, *, users: int, spawn_rate: float, run_time: float) -> Environment:
    environment = Environment(user_classes=[Visitor, Learner], host=host)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=spawn_rate)
    gevent.spawn_later(run_time, runner.quit)
    runner.greenlet.join()
    return environment


def figures(environment: Environment) -> list[dict]:
    rows = []
    entries = sorted(environment.stats.entries.values(), key=lambda e: e.name)
    for entry in [*entries, environment.stats.total]:
        rows.append(
            {
                "endpoint": entry.name,
                "method": entry.method or "",
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "rps": round(entry.total_rps, 1),
                "p50_ms": entry.get_response_time_percentile(0.50),
                "p95_ms": entry.get_response_time_percentile(0.95),
                "p99_ms": entry.get_response_time_percentile(0.99),
                "max_ms": round(entry.max_response_time or 0),
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    header = (
        f"{'endpoint':<22}{'method':<7}{'requests':>9}{'failures':>9}"
        f"{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['endpoint']:<22}{row['method']:<7}{row['requests']:>9}"
            f"{row['failures']:>9}{row['rps']:>8}{row['p50_ms']:>7}"
            f"{row['p95_ms']:>7}{row['p99_ms']:>7}{row['max_ms']:>7}"
        )
    print("(latencies in milliseconds)")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument(
        "--run-time", type=float, default=30, help="seconds (at most 600)"
    )
    parser.add_argument("--only", help=f"comma-separated subset of {ENDPOINTS}")
    parser.add_argument("--discover", action="store_true")
    parser.add_argument("--course-url")
    parser.add_argument("--lesson-url")
    parser.add_argument("--material", help="pk-slug of a live material")
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument(
        "--json",
        type=Path,
        default=PROJECT / "bench" / "results" / "load_test.json",
    )
    options = parser.parse_args()
    if urlsplit(options.host).hostname not in LOCAL_HOSTS:
        parser.error("--host must be this machine (127.0.0.1 or localhost)")
    if not 1 <= options.run_time <= 600:
        parser.error("--run-time must be between 1 and 600 seconds")
    if options.only:
        unknown = set(options.only.split(",")) - set(ENDPOINTS)
        if unknown:
            parser.error(f"unknown endpoints {sorted(unknown)}; use {ENDPOINTS}")
    return options


def configure(options: argparse.Namespace) -> None:
    global COURSE_URL, LESSON_URL, ONLY, LEARNER_NUMBERS
    if options.discover:
        found = discover()
        COURSE_URL = found["course"] or COURSE_URL
        LESSON_URL = found["lesson"] or LESSON_URL
        if found["material"]:
            MATERIAL.update(found["material"])
    COURSE_URL = options.course_url or COURSE_URL
    LESSON_URL = options.lesson_url or LESSON_URL
    if options.material:
        pk, _, slug = options.material.partition("-")
        MATERIAL.update({"pk": int(pk), "slug": slug})
    if options.only:
        ONLY = set(options.only.split(","))
    LEARNER_NUMBERS = list(range(options.learners))


def main() -> None:
    options = parse_arguments()
    configure(options)
    started = datetime.now(tz=UTC)
    clock = time.perf_counter()
    environment = run(
        options.host,
        users=options.users,
        spawn_rate=options.spawn_rate,
        run_time=options.run_time,
    )
    rows = figures(environment)
    print_table(rows)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 1),
        "host": options.host,
        "users": options.users,
        "endpoints": sorted(ONLY),
        "urls": {
            "course": COURSE_URL,
            "lesson": LESSON_URL,
            "download": MATERIAL_DOWNLOAD_URL.format(**MATERIAL),
        },
        "machine": {"cpus": os.cpu_count(), "platform": sys.platform},
        "results": rows,
    }
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"wrote {options.json}")


if __name__ == "__main__":
    main()
