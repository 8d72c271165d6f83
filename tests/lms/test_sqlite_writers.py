"""The embedded SQLite database takes two writers at once: the second waits
for the first instead of failing with "database is locked".

A transaction that reads and then writes cannot wait for another writer
once both have read (SQLite refuses at once, to avoid a deadlock), and that
is what a lesson view does when two learners open lessons together under
``make run``.
"""

import threading

import pytest
from django.db import connections, transaction

from lms.env import database_from_env

ALIAS = "sqlite_writers"


@pytest.fixture
def file_database(tmp_path, monkeypatch, django_db_blocker):
    """A file database configured as the site configures its default one."""
    monkeypatch.delenv("LMS_TEST_DATABASE", raising=False)
    config = database_from_env("LMS_TEST_DATABASE", tmp_path / "db.sqlite3")
    configured = connections.configure_settings({"default": {}, ALIAS: config})
    connections.settings[ALIAS] = configured[ALIAS]
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE visit (learner TEXT)")
        yield
        connections[ALIAS].close()
    del connections.settings[ALIAS]


def _writer(ready: threading.Event, go: threading.Event, errors: list) -> None:
    try:
        with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM visit")
            ready.set()
            go.wait(timeout=3)
            cursor.execute("INSERT INTO visit (learner) VALUES ('an')")
    except Exception as error:  # noqa: BLE001 - the failure is the finding
        errors.append(error)
    finally:
        connections[ALIAS].close()


def test_two_transactions_that_read_then_write_both_succeed(file_database):
    first_read, second_read, errors = threading.Event(), threading.Event(), []
    at_once = threading.Event()
    at_once.set()
    # The first reads, then waits until the second has read too (or, when
    # the second must wait for the first to finish, gives up waiting).
    first = threading.Thread(target=_writer, args=(first_read, second_read, errors))
    second = threading.Thread(target=_writer, args=(second_read, at_once, errors))
    first.start()
    first_read.wait(timeout=10)
    second.start()
    first.join(timeout=60)
    second.join(timeout=60)

    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM visit")
        stored = cursor.fetchone()
    assert errors == []
    assert stored == (2,)
