"""A deployment check-up: what is wrong with this configuration, in plain words.

Each check reads settings when it runs and returns findings; the ``doctor``
command prints them and fails when any is an error. Errors mean the site will
misbehave or is unsafe; warnings mean it works but not as production should.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from lms import health

MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_UNIQUE_CHARACTERS = 5
# Django deployment checks this project answers on purpose: Wagtail's preview
# frames the site itself (SAMEORIGIN), and HSTS preloading is a one-way
# commitment each deployment makes for itself (SECURE_HSTS_PRELOAD).
DELIBERATE_SYSTEM_CHECKS = {"security.W019", "security.W021"}
KNOWN_WEAK_SECRET_KEYS = {
    "insecure-development-only-key",
    "insecure-test-only-key",
    "change-me",
    "changeme",
    "secret",
}


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Finding:
    level: Level
    topic: str
    message: str


def ok(topic: str, message: str) -> Finding:
    return Finding(Level.OK, topic, message)


def warning(topic: str, message: str) -> Finding:
    return Finding(Level.WARNING, topic, message)


def error(topic: str, message: str) -> Finding:
    return Finding(Level.ERROR, topic, message)


def check_debug() -> list[Finding]:
    if settings.DEBUG:
        return [
            error(
                "DEBUG",
                "is on: error pages would show visitors your code and settings. "
                "Set DEBUG=0 in production.",
            )
        ]
    return [ok("DEBUG", "is off")]


def check_secret_key() -> list[Finding]:
    key = settings.SECRET_KEY
    advice = (
        "Generate one with: python -c "
        '"import secrets; print(secrets.token_urlsafe(50))"'
    )
    if key in KNOWN_WEAK_SECRET_KEYS or key.startswith("django-insecure"):
        return [error("SECRET_KEY", f"is a well-known example value. {advice}")]
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return [
            error(
                "SECRET_KEY",
                f"is only {len(key)} characters long; use at least "
                f"{MIN_SECRET_KEY_LENGTH} random characters. {advice}",
            )
        ]
    if len(set(key)) < MIN_SECRET_KEY_UNIQUE_CHARACTERS:
        return [
            error("SECRET_KEY", f"repeats too few characters to be random. {advice}")
        ]
    return [ok("SECRET_KEY", "is long and varied")]


def check_allowed_hosts() -> list[Finding]:
    hosts = list(settings.ALLOWED_HOSTS)
    if not hosts:
        return [error("ALLOWED_HOSTS", "is empty: every request would be refused.")]
    if "*" in hosts:
        return [
            error(
                "ALLOWED_HOSTS",
                "contains '*': any Host header is accepted, which lets others "
                "poison password-reset links. List your domain names instead.",
            )
        ]
    local = {"localhost", "127.0.0.1", "[::1]", "::1"}
    if not settings.DEBUG and set(hosts) <= local:
        return [
            warning(
                "ALLOWED_HOSTS",
                "lists only local addresses: visitors using your domain name "
                "will get 'Bad Request (400)'.",
            )
        ]
    return [ok("ALLOWED_HOSTS", ", ".join(hosts))]


def check_database() -> list[Finding]:
    from django.db import connections

    result = health.check_database()
    if not result.ok:
        return [error("database", f"cannot be reached: {result.detail}")]
    findings = [ok("database", f"reachable ({result.detail})")]
    vendor = connections["default"].vendor
    if vendor == "sqlite" and not settings.DEBUG:
        findings.append(
            warning(
                "database",
                "is SQLite: fine for one small server, but several web or worker "
                "processes will wait on each other's writes. Use PostgreSQL "
                "(DATABASE_URL=postgresql://...).",
            )
        )
    findings.extend(_check_migrations())
    return findings


def check_replica() -> list[Finding]:
    """The read replica, when configured, must answer like the primary."""
    from django.db import connections

    if "replica" not in connections.settings:
        return []
    try:
        health.run_on_fresh_connection("SELECT 1", timeout=2.0, alias="replica")
    except Exception as problem:  # noqa: BLE001 - reported as a finding
        return [
            error(
                "DATABASE_REPLICA_URL",
                f"cannot be reached: {health.describe_error(problem)}",
            )
        ]
    return [ok("DATABASE_REPLICA_URL", "the read replica answers")]


def _check_migrations() -> list[Finding]:
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections["default"])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:5])
        more = f" and {len(plan) - 5} more" if len(plan) > 5 else ""
        return [
            error(
                "migrations",
                f"{len(plan)} not applied ({names}{more}). "
                "Run: python manage.py migrate",
            )
        ]
    return [ok("migrations", "all applied")]


def check_storage() -> list[Finding]:
    """Write, read back and delete a small file through the media storage."""
    from django.core.files.storage import default_storage

    name = f"doctor/{uuid.uuid4().hex}.txt"
    payload = b"doctor"
    try:
        saved = default_storage.save(name, ContentFile(payload))
        try:
            with default_storage.open(saved) as handle:
                if handle.read() != payload:
                    return [error("storage", "returned different bytes than written")]
        finally:
            default_storage.delete(saved)
    except Exception as problem:  # noqa: BLE001 - reported as a finding
        return [
            error(
                "storage",
                f"cannot write media files ({health.storage_label()}): "
                f"{health.describe_error(problem)}",
            )
        ]
    return [ok("storage", f"writable ({health.storage_label()})")]


def check_search() -> list[Finding]:
    if not settings.ELASTICSEARCH_URL:
        message = (
            "no engine configured: search answers from the database, without "
            "ranking, diacritic folding or facets. Set ELASTICSEARCH_URL."
        )
        return [ok("search", message) if settings.DEBUG else warning("search", message)]
    reachable, detail = health.search_engine_ping()
    if reachable:
        return [ok("search", f"engine answers ({detail})")]
    return [error("search", f"engine cannot be reached: {detail}")]


def check_redis() -> list[Finding]:
    if not settings.REDIS_URL:
        if settings.DEBUG:
            return []
        return [
            warning(
                "REDIS_URL",
                "is not set: each web process keeps its own cache, so cached "
                "pages differ between processes and are lost on restart.",
            )
        ]
    result = health.ping_redis(settings.REDIS_URL, health.CHECK_TIMEOUT_SECONDS)
    if not result.ok:
        return [error("REDIS_URL", f"cannot be reached: {result.detail}")]
    return [ok("REDIS_URL", "Redis answers")]


def check_tasks() -> list[Finding]:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.endswith("ImmediateBackend") and not settings.DEBUG:
        return [
            warning(
                "tasks",
                "run inside web requests (immediate backend): uploads and "
                "indexing slow pages down and are lost on a crash. Set REDIS_URL "
                "or TASKS_BACKEND=database and run a worker (deploy/serve.sh).",
            )
        ]
    return [ok("tasks", backend.rsplit(".", 1)[-1])]


def check_email() -> list[Finding]:
    findings = []
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend") and not settings.DEBUG:
        findings.append(
            warning(
                "email",
                "is printed to the log instead of being sent: nobody gets "
                "password resets or certificates. Set EMAIL_HOST.",
            )
        )
    if settings.DEFAULT_FROM_EMAIL.endswith("@localhost") and not settings.DEBUG:
        findings.append(
            warning(
                "DEFAULT_FROM_EMAIL",
                f"is {settings.DEFAULT_FROM_EMAIL}: mail servers will reject or "
                "bin it. Use an address on your domain.",
            )
        )
    return findings or [ok("email", settings.EMAIL_BACKEND.rsplit(".", 1)[-1])]


def check_static_files() -> list[Finding]:
    backend = settings.STORAGES["staticfiles"]["BACKEND"]
    if "Manifest" not in backend:
        if settings.DEBUG:
            return []
        return [
            warning(
                "static files",
                "are not hashed: browsers cannot cache them for long. Use "
                "whitenoise.storage.CompressedManifestStaticFilesStorage.",
            )
        ]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.is_file():
        return [
            error(
                "static files",
                f"are not collected ({manifest} is missing): pages would fail "
                "with a server error. Run: python manage.py collectstatic",
            )
        ]
    return [ok("static files", f"collected in {settings.STATIC_ROOT}")]


def check_https() -> list[Finding]:
    if settings.DEBUG:
        return []
    findings = []
    if not settings.SITE_URL.startswith("https://"):
        findings.append(
            warning(
                "SITE_URL",
                f"is {settings.SITE_URL}: links in emails and certificates "
                "will not use HTTPS.",
            )
        )
    if not settings.SESSION_COOKIE_SECURE:
        findings.append(
            warning(
                "SESSION_COOKIE_SECURE",
                "is off: sign-in cookies can travel unencrypted.",
            )
        )
    return findings


def check_django_deployment() -> list[Finding]:
    """Django's own system and deployment checks, in the same report."""
    from django.core import checks

    messages = checks.run_checks(include_deployment_checks=not settings.DEBUG)
    findings = []
    for message in messages:
        if message.id in DELIBERATE_SYSTEM_CHECKS or message.level < checks.WARNING:
            continue
        level = Level.ERROR if message.is_serious() else Level.WARNING
        text = f"{message.msg} {message.hint or ''}".strip()
        findings.append(Finding(level, message.id or "django", text))
    return findings or [ok("django checks", "no problems")]


CHECKS: list[Callable[[], list[Finding]]] = [
    check_debug,
    check_secret_key,
    check_allowed_hosts,
    check_https,
    check_database,
    check_replica,
    check_storage,
    check_search,
    check_redis,
    check_tasks,
    check_email,
    check_static_files,
    check_django_deployment,
]


def examine() -> list[Finding]:
    """Run every check; a check that crashes is itself reported as an error."""
    findings: list[Finding] = []
    for check in CHECKS:
        try:
            findings.extend(check())
        except Exception as problem:  # noqa: BLE001 - reported as a finding
            topic = check.__name__.removeprefix("check_")
            findings.append(
                error(topic, f"could not be checked: {health.describe_error(problem)}")
            )
    return findings
