"""Reading configuration from the environment, with errors a person can act on.

Every value the deployment controls comes through here, so that a bad or missing
value stops start-up with one line naming the variable instead of a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}


class ConfigurationError(ImproperlyConfigured):
    """A deployment setting is missing or malformed; the message names it."""

    def __init__(self, variable: str, problem: str) -> None:
        self.variable = variable
        self.problem = problem
        super().__init__(f"{variable}: {problem}")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_required(name: str, why: str) -> str:
    value = env_str(name)
    if not value:
        raise ConfigurationError(name, f"is required {why}")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigurationError(name, f"expected true or false, got {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(
            name, f"expected a whole number, got {raw!r}"
        ) from None
    if value < minimum:
        raise ConfigurationError(name, f"must be at least {minimum}, got {value}")
    return value


def env_float(name: str, default: float, *, minimum: float = 0.0) -> float:
    raw = env_str(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(name, f"expected a number, got {raw!r}") from None
    if not value >= minimum:  # also refuses nan
        raise ConfigurationError(name, f"must be at least {minimum:g}, got {raw}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env_str(name)
    if not raw:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, *, schemes: set[str]) -> str:
    """A URL whose scheme and host are checked now rather than at first use."""
    raw = env_str(name)
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in schemes or not parts.netloc:
        allowed = ", ".join(sorted(schemes))
        raise ConfigurationError(
            name, f"expected a URL starting with one of {allowed}, got {raw!r}"
        )
    return raw


def env_origins(name: str) -> list[str]:
    """Comma-separated web origins (``https://cdn.example.org``), checked now:
    they go into a security header, where a stray ``;`` would add a rule."""
    origins = []
    for item in env_list(name, []):
        parts = urlsplit(item)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ConfigurationError(
                name, f"expected origins such as https://cdn.example.org, got {item!r}"
            )
        if parts.path.strip("/") or parts.query or ";" in item or " " in item:
            raise ConfigurationError(name, f"{item!r} is more than an origin")
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def database_from_env(name: str, default_sqlite_path: str) -> dict:
    """The default database: SQLite file unless DATABASE_URL names another."""
    raw = env_str(name) or f"sqlite:///{default_sqlite_path}"
    scheme = urlsplit(raw).scheme
    if scheme not in DATABASE_SCHEMES:
        raise ConfigurationError(
            name,
            f"unsupported or malformed database URL {_redact(raw)!r}; "
            "use sqlite:///path/to/file.sqlite3 or "
            "postgresql://user:password@host:5432/name",
        )
    try:
        config = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ConfigurationError(name, f"malformed database URL: {error}") from None
    if not config.get("NAME"):
        raise ConfigurationError(name, "the URL names no database")
    if config["ENGINE"].endswith("sqlite3"):
        _ensure_parent_directory(config["NAME"])
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "timeout": 20,
            # A transaction takes the write lock when it begins, so a second
            # writer waits (up to the timeout) instead of failing with
            # "database is locked" once both have read; WAL lets readers go
            # on while one writes.
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        config.pop("CONN_HEALTH_CHECKS", None)
    return config


def _ensure_parent_directory(path: str) -> None:
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url
