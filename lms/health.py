"""Readiness checks: can this process serve requests with everything it needs?

Each check opens its own fresh connection with a short timeout, so a dependency
that went away is noticed on the next probe and one that came back is noticed
too, without restarting the web process. Nothing is cached between probes: a
load balancer must see the state of the world now, not a minute ago.
"""

from __future__ import annotations

import base64
import os
import ssl
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from django.conf import settings

CHECK_TIMEOUT_SECONDS = 2.0
NO_SEARCH_ENGINE = (
    "none configured (ELASTICSEARCH_URL): search answers from the database"
)


@dataclass(frozen=True)
class CheckResult:
    """What one dependency said, in words an operator can act on."""

    name: str
    ok: bool
    detail: str
    milliseconds: float = 0.0

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "detail": self.detail,
            "ms": round(self.milliseconds, 1),
        }


def check_database(timeout: float = CHECK_TIMEOUT_SECONDS) -> CheckResult:
    """Run ``SELECT 1`` on a brand-new connection, never the request's own."""
    try:
        run_on_fresh_connection("SELECT 1", timeout=timeout)
    except Exception as error:  # noqa: BLE001 - a probe reports, never raises
        return CheckResult("database", False, describe_error(error))
    return CheckResult("database", True, _database_label())


def check_search(timeout: float = CHECK_TIMEOUT_SECONDS) -> CheckResult:
    ok, detail = search_engine_ping(timeout=timeout)
    return CheckResult("search", ok, detail)


def check_broker(timeout: float = CHECK_TIMEOUT_SECONDS) -> CheckResult:
    """The queue the task backend uses, and Redis whenever it is configured.

    Redis also holds the cache and sessions, so it is checked even when the
    tasks themselves are queued in the database.
    """
    backend = settings.TASKS["default"]["BACKEND"]
    redis_url = getattr(settings, "REDIS_URL", "")
    if backend.startswith("django_tasks_rq"):
        return ping_redis(redis_url, timeout)
    if backend.startswith("django_tasks_db"):
        queue = _check_database_queue(timeout)
    else:
        queue = CheckResult("broker", True, "tasks run in-process (no broker)")
    if not (queue.ok and redis_url):
        return queue
    redis = ping_redis(redis_url, timeout)
    if not redis.ok:
        return redis
    return CheckResult("broker", True, f"{queue.detail}; redis")


def _check_database_queue(timeout: float) -> CheckResult:
    from django_tasks_db.models import DBTaskResult

    table = DBTaskResult._meta.db_table
    try:
        run_on_fresh_connection(f"SELECT 1 FROM {table} LIMIT 1", timeout=timeout)  # noqa: S608 - table name from the model
    except Exception as error:  # noqa: BLE001 - a probe reports, never raises
        return CheckResult("broker", False, f"database queue: {describe_error(error)}")
    return CheckResult("broker", True, "database queue")


def check_storage(timeout: float = CHECK_TIMEOUT_SECONDS) -> CheckResult:
    """Ask the media storage about a file; for local disk, check it is writable."""
    from django.core.files.storage import FileSystemStorage, default_storage

    try:
        default_storage.exists(f"healthcheck/{uuid.uuid4().hex}")
        if isinstance(default_storage, FileSystemStorage):
            location = default_storage.location
            os.makedirs(location, exist_ok=True)
            if not os.access(location, os.W_OK):
                return CheckResult("storage", False, f"{location} is not writable")
            return CheckResult("storage", True, f"local files at {location}")
    except Exception as error:  # noqa: BLE001 - a probe reports, never raises
        return CheckResult("storage", False, describe_error(error))
    return CheckResult("storage", True, storage_label())


CHECKS: dict[str, Callable[[float], CheckResult]] = {
    "database": check_database,
    "search": check_search,
    "broker": check_broker,
    "storage": check_storage,
}


def run_checks(timeout: float = CHECK_TIMEOUT_SECONDS) -> list[CheckResult]:
    """Run every check at once; a check that hangs is reported as timed out."""
    executor = ThreadPoolExecutor(max_workers=len(CHECKS), thread_name_prefix="readyz")
    started = time.monotonic()
    futures = {
        name: executor.submit(_timed, check, timeout) for name, check in CHECKS.items()
    }
    results = []
    for name, future in futures.items():
        remaining = max(0.0, timeout + 0.5 - (time.monotonic() - started))
        try:
            results.append(future.result(timeout=remaining))
        except FutureTimeout:
            results.append(CheckResult(name, False, f"no answer within {timeout:g}s"))
        except Exception as error:  # noqa: BLE001 - one broken check is one failure
            results.append(CheckResult(name, False, describe_error(error)))
    executor.shutdown(wait=False, cancel_futures=True)
    return results


def search_engine_ping(timeout: float = CHECK_TIMEOUT_SECONDS) -> tuple[bool, str]:
    """A plain HTTP GET of the engine's root, with the configured credentials.

    Deliberately not the search app's client: the probe must work even when
    that client's connection pool is wedged, and must not retry. Without an
    engine configured there is nothing to wait for: the site searches its
    database.
    """
    url = label = settings.ELASTICSEARCH_URL
    if not url:
        return True, NO_SEARCH_ENGINE
    request = urllib.request.Request(url, headers=_search_auth_headers())  # noqa: S310 - http(s) checked in settings
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=timeout, context=_search_ssl_context()
        ) as response:
            response.read(65536)
    except urllib.error.HTTPError as error:
        if error.code in {401, 403}:
            return False, f"{label} refused the credentials (HTTP {error.code})"
        return False, f"{label} answered HTTP {error.code}"
    except Exception as error:  # noqa: BLE001 - a probe reports, never raises
        return False, f"{label}: {describe_error(error)}"
    return True, label


def _search_auth_headers() -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if settings.ELASTICSEARCH_API_KEY:
        headers["Authorization"] = f"ApiKey {settings.ELASTICSEARCH_API_KEY}"
    elif settings.ELASTICSEARCH_USERNAME:
        pair = f"{settings.ELASTICSEARCH_USERNAME}:{settings.ELASTICSEARCH_PASSWORD}"
        token = base64.b64encode(pair.encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    return headers


def _search_ssl_context() -> ssl.SSLContext | None:
    if not settings.ELASTICSEARCH_CA_FILE:
        return None
    return ssl.create_default_context(cafile=settings.ELASTICSEARCH_CA_FILE)


def ping_redis(url: str, timeout: float) -> CheckResult:
    import redis

    client = redis.Redis.from_url(
        url, socket_connect_timeout=timeout, socket_timeout=timeout, retry=None
    )
    try:
        client.ping()
    except Exception as error:  # noqa: BLE001 - a probe reports, never raises
        return CheckResult("broker", False, f"redis: {describe_error(error)}")
    finally:
        client.close()
    return CheckResult("broker", True, "redis")


def run_on_fresh_connection(
    sql: str, *, timeout: float, alias: str = "default"
) -> None:
    """Open a new connection, run ``sql``, close it, whatever happens."""
    from django.db import connections
    from django.db.utils import load_backend

    config = dict(connections[alias].settings_dict)
    options = dict(config.get("OPTIONS") or {})
    if "postgresql" in config["ENGINE"]:
        options["connect_timeout"] = max(1, round(timeout))
        limit = f"-c statement_timeout={int(timeout * 1000)}"
        options["options"] = f"{options.get('options', '')} {limit}".strip()
    config["OPTIONS"] = options
    wrapper = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias)
    try:
        with wrapper.cursor() as cursor:
            cursor.execute(sql)
            cursor.fetchone()
    finally:
        wrapper.close()


def _database_label() -> str:
    from django.db import connections

    config = connections["default"].settings_dict
    vendor = config["ENGINE"].rsplit(".", 1)[-1]
    return vendor if not config.get("HOST") else f"{vendor} at {config['HOST']}"


def _timed(check: Callable[[float], CheckResult], timeout: float) -> CheckResult:
    started = time.perf_counter()
    result = check(timeout)
    elapsed = (time.perf_counter() - started) * 1000
    return CheckResult(result.name, result.ok, result.detail, elapsed)


def describe_error(error: BaseException) -> str:
    text = str(error).strip()
    first_line = text.splitlines()[0] if text else ""
    return first_line or type(error).__name__


def storage_label() -> str:
    """The configured media storage class, as a short name for messages."""
    return settings.STORAGES["default"]["BACKEND"].rsplit(".", 1)[-1]
