"""Load test: requests per second and latency percentiles per endpoint.

Run against a local gunicorn (never a shared or public server):

    DEBUG=0 ... uv run gunicorn -c lms/gunicorn.conf.py lms.wsgi &
    uv run python bench/load_test.py --host http://127.0.0.1:8000 \
        --users 40 --spawn-rate 10 --run-time 60 --discover

It prints a table (requests, failures, req/s, p50/p95/p99 in ms) and writes
the same figures as JSON. A benchmark, not a test: it never judges timings.

``--pause-engine`` freezes the local OpenSearch node (SIGSTOP) for the
whole run and thaws it afterwards: the site must keep serving every page
that is not search at full speed, and search from the database.

``--discover`` asks the project's database (same environment variables as the
server) for live courses with their first lesson and a sample of published
materials, and creates the bench learner accounts (``bench-learner-N``, email
already confirmed) that the enrol-and-complete flow signs in with. Without it,
pass --course/--lesson/--material ids of live pages and a material, and
learner accounts must exist. ``--only`` limits the run to some endpoints.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
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
MATERIAL_DOWNLOAD_URL = "/materials/{pk}/download/"
SEARCH_URL = "/search/?q={q}"
SUGGEST_URL = "/search/suggest/?q={q}"
SIGN_IN_URL = "/accounts/login/"
ENROL_URL = "/learning/courses/{course_id}/enrol/"  # POST
UNENROL_URL = "/learning/courses/{course_id}/unenrol/"  # POST
LESSON_DONE_URL = "/learning/lessons/{lesson_id}/done/"  # POST
LEARNER_USERNAME = "bench-learner-{n}"
LEARNER_PASSWORD = "correct horse battery staple"  # noqa: S105 - bench accounts
SEARCH_WORDS = [
    "phân số",
    "phan so",
    "quang hợp",
    "hình học",
    "hinh hoc",
    "tiếng anh",
    "lịch sử",
    "phieu hoc tap",
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
LEARNER_NUMBERS: list[int] = []
# Filled by configure(): each course is {"id", "url", "lesson_id", "lesson_url"}.
COURSES: list[dict] = []
MATERIAL_IDS: list[int] = []


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
        self._get("course", random.choice(COURSES)["url"])

    @task(3)
    def lesson(self) -> None:
        self._get("lesson", random.choice(COURSES)["lesson_url"])

    @task(2)
    def download(self) -> None:
        if enabled("download"):
            self.client.get(
                MATERIAL_DOWNLOAD_URL.format(pk=random.choice(MATERIAL_IDS)),
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
    """A student who signs in, then enrols in a course, completes its first
    lesson and leaves again, so that every round enrols for real."""

    weight = 1
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.signed_in = False
        if not enabled("enrol-and-complete") or not LEARNER_NUMBERS:
            return
        number = LEARNER_NUMBERS.pop()
        self.client.get(SIGN_IN_URL, name="sign-in form")
        response = self._post(
            SIGN_IN_URL,
            "sign-in",
            username=LEARNER_USERNAME.format(n=number),
            password=LEARNER_PASSWORD,
        )
        self.signed_in = response.status_code in {301, 302, 303}

    @task
    def enrol_and_complete(self) -> None:
        if not enabled("enrol-and-complete") or not self.signed_in:
            return
        course = random.choice(COURSES)
        self.client.get(course["url"], name="course (signed in)")
        self._post(ENROL_URL.format(course_id=course["id"]), "enrol")
        self.client.get(course["lesson_url"], name="lesson (signed in)")
        self._post(LESSON_DONE_URL.format(lesson_id=course["lesson_id"]), "complete")
        self._post(UNENROL_URL.format(course_id=course["id"]), "unenrol")

    def _post(self, url: str, name: str, **fields: str):
        """A form post as the browser sends it: token in the form and header."""
        token = self.client.cookies.get("csrftoken", "")
        return self.client.post(
            url,
            data={"csrfmiddlewaretoken": token, **fields},
            headers={"Referer": self.host + url, "X-CSRFToken": token},
            name=name,
            allow_redirects=False,
        )


DISCOVER = """
import json, os
from accounts.models import User
from accounts.services import user_sign_up
from courses.models import CoursePage, LessonPage
from materials.models import Material

learners = int(os.environ["BENCH_LEARNERS"])
password = os.environ["BENCH_LEARNER_PASSWORD"]
courses = []
for course in CoursePage.objects.live().public().order_by("pk"):
    lesson = LessonPage.objects.live().public().descendant_of(course).first()
    if lesson:
        courses.append({"id": course.pk, "url": course.url,
                        "lesson_id": lesson.pk, "lesson_url": lesson.url})
materials = list(
    Material.objects.filter(live=True).order_by("?").values_list("pk", flat=True)[:500]
)
for number in range(learners):
    username = "bench-learner-%d" % number
    if not User.objects.filter(username=username).exists():
        user_sign_up(username=username, email=username + "@example.invalid",
                     password=password, require_confirmation=False)
print(json.dumps({"courses": courses, "materials": materials}))
"""


def discover(learners: int) -> dict:
    """Real URLs from the database the server uses (same environment), and
    the bench learner accounts, created once."""
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", DISCOVER],
        cwd=PROJECT,
        env=os.environ
        | {"BENCH_LEARNERS": str(learners), "BENCH_LEARNER_PASSWORD": LEARNER_PASSWORD},
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
    parser.add_argument(
        "--course", help="id:url:lesson_id:lesson_url of a live course page"
    )
    parser.add_argument("--material", type=int, help="id of a live material")
    parser.add_argument(
        "--learners", type=int, default=50, help="bench learner accounts to use"
    )
    parser.add_argument(
        "--pause-engine",
        action="store_true",
        help="freeze the local search node (var/opensearch, from make run or "
        "python -m search.node run) during the run",
    )
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
    if not options.discover and not (options.course and options.material):
        parser.error("give --discover, or both --course and --material")
    return options


def configure(options: argparse.Namespace) -> None:
    global ONLY, LEARNER_NUMBERS
    if options.discover:
        found = discover(options.learners)
        COURSES.extend(found["courses"])
        MATERIAL_IDS.extend(found["materials"])
    if options.course:
        course_id, url, lesson_id, lesson_url = options.course.split(":")
        COURSES.append(
            {
                "id": course_id,
                "url": url,
                "lesson_id": lesson_id,
                "lesson_url": lesson_url,
            }
        )
    if options.material:
        MATERIAL_IDS.append(options.material)
    if not COURSES or not MATERIAL_IDS:
        sys.exit("no live course with a lesson, or no published material, to load")
    if options.only:
        ONLY = set(options.only.split(","))
    LEARNER_NUMBERS = list(range(options.learners))


@contextlib.contextmanager
def engine_paused(paused: bool):
    """Freeze the local search node (SIGSTOP) for the run, as a stalled engine."""
    if not paused:
        yield
        return
    state = json.loads((PROJECT / "var" / "opensearch" / "node.json").read_text())
    os.killpg(int(state["pid"]), signal.SIGSTOP)
    print(f"search engine at {state['url']} paused for the run")
    try:
        yield
    finally:
        os.killpg(int(state["pid"]), signal.SIGCONT)


def main() -> None:
    options = parse_arguments()
    configure(options)
    started = datetime.now(tz=UTC)
    clock = time.perf_counter()
    with engine_paused(options.pause_engine):
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
        "engine_paused": options.pause_engine,
        "courses": len(COURSES),
        "materials_sampled": len(MATERIAL_IDS),
        "machine": {"cpus": os.cpu_count(), "platform": sys.platform},
        "results": rows,
    }
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"wrote {options.json}")


if __name__ == "__main__":
    main()
