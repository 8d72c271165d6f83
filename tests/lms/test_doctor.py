import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lms import doctor
from lms.doctor import Level

STRONG_KEY = "k3Y-" + "".join(chr(65 + i % 26) + str(i) for i in range(30))


def messages(findings, level=None):
    return [
        f"{f.topic}: {f.message}" for f in findings if level is None or f.level is level
    ]


@pytest.fixture
def production(settings, tmp_path):
    """A configuration the doctor should be happy with (services aside)."""
    settings.DEBUG = False
    settings.SECRET_KEY = STRONG_KEY
    settings.ALLOWED_HOSTS = ["hoclieu.example.vn"]
    settings.SITE_URL = "https://hoclieu.example.vn"
    settings.SESSION_COOKIE_SECURE = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "no-reply@hoclieu.example.vn"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}
    }
    static_root = tmp_path / "static"
    static_root.mkdir()
    (static_root / "staticfiles.json").write_text("{}")
    settings.STATIC_ROOT = static_root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    return settings


def test_a_sound_configuration_has_no_configuration_findings(production):
    for check in (
        doctor.check_debug,
        doctor.check_secret_key,
        doctor.check_allowed_hosts,
        doctor.check_https,
        doctor.check_tasks,
        doctor.check_email,
        doctor.check_static_files,
    ):
        assert messages(check(), Level.WARNING) == []
        assert messages(check(), Level.ERROR) == []


def test_debug_on_is_an_error(production):
    production.DEBUG = True

    (finding,) = doctor.check_debug()

    assert finding.level is Level.ERROR
    assert "Set DEBUG=0" in finding.message


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("insecure-development-only-key", "well-known example"),
        ("django-insecure-abc", "well-known example"),
        ("short-but-random-9f8e", "only 21 characters long"),
        ("a" * 60, "too few characters"),
    ],
)
def test_weak_secret_keys_are_errors(production, key, words):
    production.SECRET_KEY = key

    (finding,) = doctor.check_secret_key()

    assert finding.level is Level.ERROR
    assert words in finding.message
    assert "secrets.token_urlsafe" in finding.message


@pytest.mark.parametrize(
    ("hosts", "level", "words"),
    [
        ([], Level.ERROR, "every request would be refused"),
        (["*"], Level.ERROR, "contains '*'"),
        (["localhost", "127.0.0.1"], Level.WARNING, "only local addresses"),
    ],
)
def test_allowed_hosts_problems(production, hosts, level, words):
    production.ALLOWED_HOSTS = hosts

    (finding,) = doctor.check_allowed_hosts()

    assert finding.level is level
    assert words in finding.message


@pytest.mark.django_db
def test_a_migrated_reachable_database_is_fine(production):
    findings = doctor.check_database()

    assert messages(findings, Level.ERROR) == []
    assert "migrations: all applied" in messages(findings, Level.OK)


@pytest.mark.django_db
def test_unapplied_migrations_are_an_error(production):
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    leaves = MigrationLoader(connection).graph.leaf_nodes()
    app, name = next(node for node in leaves if node[0] == "lms")
    MigrationRecorder(connection).record_unapplied(app, name)

    (finding,) = doctor._check_migrations()

    assert finding.level is Level.ERROR
    assert f"1 not applied (lms.{name})" in finding.message
    assert "python manage.py migrate" in finding.message


def test_an_unreachable_database_is_an_error(production, monkeypatch):
    from lms import health

    monkeypatch.setattr(
        health,
        "check_database",
        lambda: health.CheckResult("database", False, "connection refused"),
    )

    (finding,) = doctor.check_database()

    assert finding.level is Level.ERROR
    assert finding.message == "cannot be reached: connection refused"


def test_writable_storage_is_fine_and_leaves_nothing_behind(production, tmp_path):
    findings = doctor.check_storage()

    assert messages(findings, Level.OK) == ["storage: writable (FileSystemStorage)"]
    assert list((tmp_path / "media" / "doctor").iterdir()) == []


def test_storage_that_cannot_be_written_is_an_error(production, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    production.STORAGES = {
        **production.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": blocker},
        },
    }

    (finding,) = doctor.check_storage()

    assert finding.level is Level.ERROR
    assert finding.message.startswith("cannot write media files (FileSystemStorage)")


def test_an_unreachable_search_engine_is_an_error(production):
    production.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    (finding,) = doctor.check_search()

    assert finding.level is Level.ERROR
    assert finding.message.startswith("engine cannot be reached")


def test_no_search_engine_in_production_is_a_warning(production):
    production.ELASTICSEARCH_URL = ""

    findings = doctor.check_search()

    assert "search answers from the database" in messages(findings, Level.WARNING)[0]
    assert "Set ELASTICSEARCH_URL" in messages(findings, Level.WARNING)[0]


def test_unreachable_redis_is_an_error(production):
    production.REDIS_URL = "redis://127.0.0.1:9/0"

    (finding,) = doctor.check_redis()

    assert finding.level is Level.ERROR
    assert finding.topic == "REDIS_URL"
    assert "cannot be reached" in finding.message


def test_no_redis_in_production_is_a_warning(production):
    production.REDIS_URL = ""

    (finding,) = doctor.check_redis()

    assert finding.level is Level.WARNING


def test_tasks_inside_requests_in_production_is_a_warning(production):
    production.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": [],
        }
    }

    (finding,) = doctor.check_tasks()

    assert finding.level is Level.WARNING
    assert "run a worker" in finding.message


def test_email_not_configured_is_a_warning(production):
    production.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    production.DEFAULT_FROM_EMAIL = "no-reply@localhost"

    findings = doctor.check_email()

    assert [f.topic for f in findings] == ["email", "DEFAULT_FROM_EMAIL"]
    assert all(f.level is Level.WARNING for f in findings)


def test_static_files_not_collected_is_an_error(production):
    (production.STATIC_ROOT / "staticfiles.json").unlink()

    (finding,) = doctor.check_static_files()

    assert finding.level is Level.ERROR
    assert "python manage.py collectstatic" in finding.message


def test_plain_http_in_production_is_a_warning(production):
    production.SITE_URL = "http://hoclieu.example.vn"
    production.SESSION_COOKIE_SECURE = False

    topics = [f.topic for f in doctor.check_https()]

    assert topics == ["SITE_URL", "SESSION_COOKIE_SECURE"]


def test_a_check_that_crashes_is_reported_as_an_error(production, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(doctor, "CHECKS", [broken])

    (finding,) = doctor.examine()

    assert finding.level is Level.ERROR
    assert finding.message == "could not be checked: boom"


@pytest.mark.django_db
def test_the_command_prints_findings_and_fails_on_errors(production, capsys):
    production.DEBUG = True

    with pytest.raises(CommandError) as failure:
        call_command("doctor")

    assert failure.value.returncode == 1
    assert "error(s)" in str(failure.value)
    output = capsys.readouterr().out
    assert "ERROR   DEBUG: is on" in output


@pytest.mark.django_db
def test_the_command_succeeds_when_only_warnings_remain(
    production, capsys, monkeypatch
):
    from lms import health

    monkeypatch.setattr(
        health, "search_engine_ping", lambda timeout=2.0: (True, "http://es:9200")
    )
    production.REDIS_URL = ""

    call_command("doctor", "--quiet")

    output = capsys.readouterr().out
    assert "ok " not in output
    assert "WARNING REDIS_URL" in output
    assert output.strip().splitlines()[-1].startswith("0 error(s), ")


@pytest.fixture
def replica(monkeypatch):
    """Declare a "replica" database alias for one test."""
    from django.db import connections

    def declare(**overrides):
        config = {**connections["default"].settings_dict, **overrides}
        monkeypatch.setitem(connections.settings, "replica", config)

    yield declare
    if hasattr(connections._connections, "replica"):
        del connections["replica"]


def test_no_replica_configured_says_nothing(production):
    assert doctor.check_replica() == []


def test_a_replica_that_answers_is_fine(
    production, replica, tmp_path, django_db_blocker
):
    replica(
        ENGINE="django.db.backends.sqlite3",
        NAME=str(tmp_path / "replica.sqlite3"),
        OPTIONS={},
    )

    with django_db_blocker.unblock():
        (finding,) = doctor.check_replica()

    assert finding.level is Level.OK


def test_an_unreachable_replica_is_an_error(production, replica, django_db_blocker):
    replica(
        ENGINE="django.db.backends.postgresql",
        NAME="lms",
        HOST="127.0.0.1",
        PORT="9",
        USER="postgres",
        PASSWORD="",
        OPTIONS={},
    )

    with django_db_blocker.unblock():
        (finding,) = doctor.check_replica()

    assert finding.level is Level.ERROR
    assert finding.topic == "DATABASE_REPLICA_URL"
    assert finding.message.startswith("cannot be reached:")
    assert "port 9 failed" in finding.message


def test_djangos_deployment_checks_are_included(production):
    production.SECURE_HSTS_SECONDS = 0

    findings = doctor.check_django_deployment()

    (hsts,) = [f for f in findings if f.topic == "security.W004"]
    assert hsts.level is Level.WARNING
    assert "SECURE_HSTS_SECONDS" in hsts.message


def test_deliberate_choices_are_not_reported(production):
    production.SECURE_HSTS_SECONDS = 31_536_000
    production.SECURE_HSTS_PRELOAD = False
    production.X_FRAME_OPTIONS = "SAMEORIGIN"

    topics = [f.topic for f in doctor.check_django_deployment()]

    assert "security.W019" not in topics
    assert "security.W021" not in topics
