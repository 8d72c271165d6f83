"""Settings and the gunicorn config follow the environment they start in."""

import runpy
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
BASE_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "y" * 20 + "z" * 20,
    "ALLOWED_HOSTS": "example.org",
}
PRODUCTION_VARIABLES = (
    "REDIS_URL",
    "TASKS_BACKEND",
    "LOG_FORMAT",
    "FRONTEND_CACHE_PURGE_URL",
    "CLOUDFRONT_DISTRIBUTION_ID",
    "CLOUDFLARE_ZONEID",
    "CLOUDFLARE_BEARER_TOKEN",
    "DATABASE_POOLER",
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
)


@pytest.fixture
def settings_under(monkeypatch):
    """Evaluate lms/settings.py afresh under the given environment."""

    def evaluate(**env: str) -> dict:
        for name in PRODUCTION_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in {**BASE_ENV, **env}.items():
            monkeypatch.setenv(name, value)
        values = runpy.run_path(str(PROJECT / "lms" / "settings.py"))
        return {
            "session": values.get(
                "SESSION_ENGINE", "django.contrib.sessions.backends.db"
            ),
            "tasks": values["TASKS"]["default"]["BACKEND"],
            "cache": values["CACHES"]["default"]["BACKEND"],
            "cdn": sorted(values["WAGTAILFRONTENDCACHE"]),
            "frontend_cache_app": "wagtail.contrib.frontend_cache"
            in values["INSTALLED_APPS"],
            "formatter": values["LOGGING"]["handlers"]["console"]["formatter"],
            "first_middleware": values["MIDDLEWARE"][:2],
            "periodic": [path for path, _ in values["PERIODIC_TASKS"]],
            "databases": values["DATABASES"],
        }

    return evaluate


def test_a_small_server_keeps_sessions_in_the_database_and_logs_json(settings_under):
    chosen = settings_under()

    assert chosen["session"] == "django.contrib.sessions.backends.db"
    assert chosen["cache"].endswith("LocMemCache")
    assert chosen["formatter"] == "json"
    assert chosen["first_middleware"] == [
        "lms.request_id.RequestIdMiddleware",
        "lms.health_views.ProbeMiddleware",
    ]
    assert chosen["cdn"] == []
    assert chosen["frontend_cache_app"] is False


def test_redis_carries_sessions_cache_and_tasks(settings_under):
    chosen = settings_under(REDIS_URL="redis://cache.internal:6379/0")

    assert chosen["session"] == "django.contrib.sessions.backends.cached_db"
    assert chosen["cache"].endswith("RedisCache")
    assert chosen["tasks"] == "django_tasks_rq.RQBackend"


def test_the_database_queue_also_prunes_old_results(settings_under):
    chosen = settings_under(TASKS_BACKEND="database")

    assert "lms.tasks.prune_finished_task_results" in chosen["periodic"]


def test_debug_logs_plain_text_unless_told_otherwise(settings_under):
    assert settings_under(DEBUG="1")["formatter"] == "plain"
    assert settings_under(DEBUG="1", LOG_FORMAT="json")["formatter"] == "json"


def test_a_connection_pooler_gets_no_cursors_or_prepared_statements(
    settings_under,
):
    default = settings_under(
        DATABASE_URL="postgresql://lms@pgbouncer:6432/lms", DATABASE_POOLER="1"
    )["databases"]["default"]

    assert default["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert default["OPTIONS"]["prepare_threshold"] is None


def test_a_read_replica_is_declared_by_its_url(settings_under):
    databases = settings_under(
        DATABASE_URL="postgresql://lms@primary:5432/lms",
        DATABASE_REPLICA_URL="postgresql://lms@replica:5432/lms",
    )["databases"]

    assert databases["replica"]["HOST"] == "replica"
    assert databases["replica"]["TEST"] == {"MIRROR": "default"}
    assert "replica" not in settings_under()["databases"]


def test_cdn_purging_is_enabled_by_its_variables(settings_under):
    chosen = settings_under(
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        CLOUDFRONT_DISTRIBUTION_ID="E2ABCDEF",
    )

    assert chosen["cdn"] == ["cloudfront", "http"]
    assert chosen["frontend_cache_app"] is True


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT: expected plain or json"),
        ({"CLOUDFLARE_ZONEID": "z1"}, "CLOUDFLARE_BEARER_TOKEN: is required"),
    ],
)
def test_bad_production_variables_are_named(settings_under, env, message):
    from lms.env import ConfigurationError

    with pytest.raises(ConfigurationError, match=message):
        settings_under(**env)


def gunicorn_config(monkeypatch, **env: str) -> dict:
    for name in ("GUNICORN_BIND", "PORT", "WEB_CONCURRENCY", "LOG_FORMAT", "DEBUG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(PROJECT / "lms" / "gunicorn.conf.py"))


def test_gunicorn_reads_its_sizes_from_the_environment(monkeypatch):
    config = gunicorn_config(
        monkeypatch,
        GUNICORN_BIND="127.0.0.1:9000,unix:/run/lms.sock",
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="8",
        GUNICORN_TIMEOUT="20",
    )

    assert config["bind"] == ["127.0.0.1:9000", "unix:/run/lms.sock"]
    assert config["workers"] == 3
    assert config["threads"] == 8
    assert config["timeout"] == 20
    assert config["worker_class"] == "gthread"
    assert config["logger_class"] == "lms.gunicorn_logging.JsonLogger"


def test_gunicorn_defaults_to_the_platform_port_and_plain_logs_in_debug(monkeypatch):
    config = gunicorn_config(monkeypatch, PORT="5000", DEBUG="1")

    assert config["bind"] == ["0.0.0.0:5000"]
    assert "logger_class" not in config


def test_gunicorn_refuses_a_nonsense_worker_count(monkeypatch):
    with pytest.raises(SystemExit, match="WEB_CONCURRENCY"):
        gunicorn_config(monkeypatch, WEB_CONCURRENCY="many")
