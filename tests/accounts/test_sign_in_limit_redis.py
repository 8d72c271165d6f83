"""The sign-in limit through a real Redis, as production runs it.

Each test writes under a key prefix of its own, so parallel test workers (and
anything else using the same Redis) never see each other's counters, and
removes its keys afterwards; nothing here flushes the database.
"""

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from django.urls import reverse

from accounts import ratelimit
from tests.factories import StudentFactory
from tests.factories.accounts import PASSWORD
from tests.redis_service import REDIS_URL, delete_prefixed, redis_or_skip, unique_prefix

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared_redis(settings):
    """The sign-in cache on Redis, under this test's own key prefix."""
    client = redis_or_skip()
    prefix = unique_prefix()
    settings.CACHES = {
        **settings.CACHES,
        "sign-in": {
            "BACKEND": "lms.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    yield prefix
    delete_prefixed(client, f"{prefix}:")


# Another web process: the site's own settings on Redis, with the same prefix.
OTHER_PROCESS = textwrap.dedent(
    """
    import django
    from django.test import RequestFactory

    django.setup()
    from accounts import ratelimit

    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="10.1.2.3")
    for _ in range(10):
        ratelimit.attempt_finish(request, "hoc_sinh", succeeded=False)
    """
)


def _in_another_process(prefix: str) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
    }
    subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", OTHER_PROCESS], cwd=ROOT, env=env, check=True
    )


@pytest.mark.django_db
def test_failures_counted_by_another_process_hold_here(client, shared_redis, clock):
    StudentFactory(username="hoc_sinh")
    _in_another_process(shared_redis)
    clock.time = ratelimit.time.time()

    html = client.post(
        reverse("accounts:login"),
        {"username": "hoc_sinh", "password": PASSWORD},
        REMOTE_ADDR="10.1.2.3",
    ).content.decode()

    assert "Too many failed sign-in attempts. Wait" in html
    assert not client.get("/").context["user"].is_authenticated


def test_parallel_guesses_through_redis_get_one_check(shared_redis, rf):
    """Twenty threads, each with its own Redis client, guess one account at
    the same instant: exactly one password check is let through."""
    request = rf.post("/accounts/login/", REMOTE_ADDR="10.1.2.3")
    start = threading.Barrier(20)
    answers = []

    def guess():
        start.wait()
        answers.append(ratelimit.attempt_start(request, "hoc_sinh"))

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers.count(None) == 1
    assert answers.count(ratelimit.Refusal(wait=1)) == 19
