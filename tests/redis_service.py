"""The real Redis that production-shaped tests run against.

Each test writes under a key prefix of its own and deletes only those keys,
so parallel test workers never see each other's data and nothing flushes the
database.
"""

import os
import uuid

import pytest
import redis

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_or_skip() -> redis.Redis:
    """A client for the test Redis; the test is skipped when none answers."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL} (bash deploy/local-services.sh)")
    return client


def unique_prefix() -> str:
    return f"test-{uuid.uuid4().hex}"


def delete_prefixed(client: redis.Redis, prefix: str) -> None:
    keys = list(client.scan_iter(match=f"{prefix}*"))
    if keys:
        client.delete(*keys)
