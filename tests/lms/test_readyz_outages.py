"""/readyz follows real outages of PostgreSQL, the search engine and Redis.

A real gunicorn process is started once against private, throwaway copies of
each dependency; each test stops one dependency, watches /readyz turn 503
naming it, starts it again and watches /readyz recover, all without touching
the web process.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

from tests.lms.services import (
    RestartableSearchEngine,
    ThrowawayPostgres,
    ThrowawayRedis,
    WebProcess,
)

# One worker runs the module, so its processes are started once.
pytestmark = pytest.mark.xdist_group("readyz-outages")

DEADLINE_SECONDS = 15


@dataclass
class Stack:
    postgres: ThrowawayPostgres
    redis: ThrowawayRedis
    search: RestartableSearchEngine
    web: WebProcess


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    postgres = ThrowawayPostgres()
    redis = ThrowawayRedis()
    search = RestartableSearchEngine()
    tmp = tmp_path_factory.mktemp("stack")
    started = []
    try:
        postgres.create()
        started.append(postgres.destroy)
        redis.start()
        started.append(redis.stop)
        started.append(search.destroy)
        search.start()
        web = WebProcess(
            env={
                "DEBUG": "0",
                "SECRET_KEY": "a-long-random-secret-for-the-outage-tests-" * 2,
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "0",
                "DATABASE_URL": postgres.url,
                "REDIS_URL": redis.url,
                "ELASTICSEARCH_URL": search.url,
                "MEDIA_ROOT": str(tmp / "media"),
                "LMS_VAR_DIR": str(tmp / "var"),
                "WEB_CONCURRENCY": "1",
                "GUNICORN_THREADS": "4",
                "LOG_FORMAT": "json",
            },
            log_path=tmp / "web.log",
        )
        web.start()
        started.append(web.stop)
        yield Stack(postgres, redis, search, web)
    finally:
        for stop in reversed(started):
            stop()


def probe(web: WebProcess, *, request_id: str = "") -> tuple[int, dict]:
    headers = {"X-Request-ID": request_id} if request_id else {}
    request = urllib.request.Request(f"{web.url}/readyz", headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def wait_for(web: WebProcess, status: int) -> dict:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        code, body = probe(web)
        if code == status:
            return body
        if time.monotonic() > deadline:
            pytest.fail(f"/readyz stayed {code} for {DEADLINE_SECONDS}s: {body}")
        time.sleep(0.2)


def assert_only_failing(body: dict, name: str) -> None:
    failing = [check for check, result in body["checks"].items() if not result["ok"]]
    assert failing == [name], body


def test_readyz_is_ok_and_names_every_dependency(stack):
    code, body = probe(stack.web)

    assert code == 200, body
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "search", "broker", "storage"}


@pytest.mark.parametrize(
    ("dependency", "check"),
    [("postgres", "database"), ("search", "search"), ("redis", "broker")],
)
def test_readyz_fails_while_a_dependency_is_down_and_recovers(stack, dependency, check):
    master_pid = stack.web.process.pid
    wait_for(stack.web, 200)

    getattr(stack, dependency).stop()
    down = wait_for(stack.web, 503)
    getattr(stack, dependency).start()
    wait_for(stack.web, 200)

    assert down["status"] == "unavailable"
    assert_only_failing(down, check)
    assert stack.web.process.poll() is None
    assert stack.web.process.pid == master_pid


def test_access_log_is_json_with_the_request_id(stack):
    code, _ = probe(stack.web, request_id="trace-42")
    assert code == 200

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = stack.web.log_path.read_text().splitlines()
        entries = [json.loads(line) for line in lines if line.startswith("{")]
        matching = [e for e in entries if e.get("request_id") == "trace-42"]
        if matching:
            break
        time.sleep(0.1)
    assert matching, lines[-5:]
    assert matching[0]["path"] == "/readyz"
    assert matching[0]["status"] == 200
