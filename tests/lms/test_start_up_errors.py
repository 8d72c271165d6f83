"""A bad deployment value stops start-up with one line naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-enough-secret-for-start-up-tests-only",
    "ALLOWED_HOSTS": "localhost",
}


def start(tmp_path, *command: str, **overrides) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "ELASTICSEARCH_URL", "REDIS_URL"}
    }
    env |= GOOD_ENV | {"LMS_VAR_DIR": str(tmp_path)} | overrides
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *(command or ("migrate", "--noinput"))],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_one_line_naming(result, variable: str) -> str:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DATABASE_URL", "mysql://root@localhost/lms", "unsupported or malformed"),
        ("DATABASE_URL", "not a url at all", "unsupported or malformed"),
        ("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432", "names no database"),
        ("DEBUG", "maybe", "expected true or false"),
        ("SECRET_KEY", "", "required when DEBUG is off"),
        ("ALLOWED_HOSTS", "", "required when DEBUG is off"),
        ("ELASTICSEARCH_URL", "localhost:9200", "expected a URL"),
        ("REDIS_URL", "127.0.0.1:6379", "expected a URL"),
        ("TASKS_BACKEND", "celery", "unknown backend"),
        ("ELASTICSEARCH_CA_FILE", "/nonexistent/ca.pem", "no such file"),
    ],
)
def test_bad_value_stops_start_up_with_one_clear_line(
    tmp_path, variable, value, expected
):
    result = start(tmp_path, **{variable: value})

    line = assert_one_line_naming(result, variable)
    assert expected in line


def test_database_password_is_not_printed(tmp_path):
    result = start(tmp_path, DATABASE_URL="oracle://user:s3cret@db/lms")

    line = assert_one_line_naming(result, "DATABASE_URL")
    assert "s3cret" not in line


def test_unreachable_postgresql_stops_start_up_with_one_clear_line(tmp_path):
    result = start(
        tmp_path, DATABASE_URL="postgresql://postgres@127.0.0.1:1/lms?connect_timeout=2"
    )

    line = assert_one_line_naming(result, "DATABASE_URL")
    assert "cannot connect to the database at 127.0.0.1:1" in line


def test_good_configuration_migrates_a_fresh_sqlite_database(tmp_path):
    result = start(tmp_path)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "db.sqlite3").exists()


def test_half_configured_single_sign_on_names_the_missing_variable(tmp_path):
    result = start(tmp_path, OIDC_RP_CLIENT_ID="hoclieu")

    line = assert_one_line_naming(result, "OIDC_RP_CLIENT_SECRET")
    assert "required when OIDC_RP_CLIENT_ID is set" in line
