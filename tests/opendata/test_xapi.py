"""xAPI statements: building them, storing them, and delivering them to an LRS."""

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from opendata.models import StatementStatus, XapiStatement
from opendata.xapi.forwarding import forward_pending
from opendata.xapi.services import record_learning_event, retry_failed_statements
from opendata.xapi.statements import LearningResult, LearningVerb
from tests.factories import StudentFactory

LESSON_URL = "https://kho.example.edu.vn/courses/sinh-hoc/chuong-1/bai-1/"


class FakeLrs:
    """A tiny LRS on 127.0.0.1 whose answers the test scripts in advance."""

    def __init__(self):
        self.received: list[dict] = []
        self.headers: list[dict] = []
        self.answers: list[int] = []
        self.reject_verbs: set[str] = set()
        self.delay = 0.0
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                batch = json.loads(self.rfile.read(length))
                lrs.headers.append({k.lower(): v for k, v in self.headers.items()})
                time.sleep(lrs.delay)
                status = lrs.answers.pop(0) if lrs.answers else 200
                held = {statement["id"]: statement for statement in lrs.received}
                if status == 200 and any(
                    s["id"] in held and held[s["id"]] != s for s in batch
                ):
                    status = 409  # as an LRS does: it then stores none of them
                batch = [s for s in batch if s["id"] not in held]  # seen: ignored
                if any(
                    s["verb"]["id"].rsplit("/", 1)[-1] in lrs.reject_verbs
                    for s in batch
                ):
                    status = 400
                if status == 200:
                    lrs.received.extend(batch)
                body = json.dumps([s["id"] for s in batch]).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/xapi"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def lrs(monkeypatch):
    server = FakeLrs()
    monkeypatch.setenv("LRS_ENDPOINT", server.url)
    monkeypatch.setenv("LRS_USERNAME", "kho")
    monkeypatch.setenv("LRS_PASSWORD", "bí mật")
    yield server
    server.close()


@pytest.fixture
def learner(db):
    return StudentFactory(display_name="Lê Văn An")


def record(learner, verb=LearningVerb.COMPLETED, **kwargs):
    return record_learning_event(
        user=learner,
        verb=verb,
        object_url=kwargs.pop("object_url", LESSON_URL),
        object_name=kwargs.pop("object_name", "Bài 1: Tế bào"),
        **kwargs,
    )


def test_statement_follows_xapi_1_0_3(learner, settings):
    when = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    statement = record(
        learner,
        LearningVerb.PASSED,
        result=LearningResult(
            score_scaled=0.8,
            score_raw=8,
            score_min=0,
            score_max=10,
            success=True,
            duration=timedelta(minutes=12, seconds=5),
        ),
        timestamp=when,
    )
    payload = statement.payload
    assert payload["version"] == "1.0.3"
    assert payload["id"] == str(statement.statement_id)
    assert payload["actor"] == {  # by account alone: the name stays with us
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(learner.pk)},
    }
    assert "Lê Văn An" not in json.dumps(payload, ensure_ascii=False)
    assert payload["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert payload["object"]["id"] == LESSON_URL
    assert payload["object"]["definition"]["name"] == {"vi-VN": "Bài 1: Tế bào"}
    assert payload["result"] == {
        "score": {"scaled": 0.8, "raw": 8, "min": 0, "max": 10},
        "success": True,
        "duration": "PT12M5S",
    }
    assert payload["timestamp"] == "2026-03-01T08:30:00+00:00"
    assert "email" not in json.dumps(payload)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"object_url": "/relative/"}, r"absolute http\(s\) URL"),
        ({"object_name": "  "}, "needs a name"),
        ({"timestamp": datetime(2026, 1, 1)}, "time zone"),  # noqa: DTZ001
        ({"result": LearningResult(score_scaled=1.5)}, "between -1 and 1"),
        ({"result": LearningResult(score_raw=11, score_max=10)}, "above the maximum"),
        ({"verb": "liked"}, "is not a learning verb"),
    ],
)
def test_bad_events_are_refused_and_store_nothing(learner, kwargs, message, settings):
    settings.LANGUAGE_CODE = "en"  # the messages below are the English ones
    verb = kwargs.pop("verb", LearningVerb.COMPLETED)
    with pytest.raises(ValidationError, match=message):
        record(learner, verb, **kwargs)
    assert not XapiStatement.objects.exists()


def test_without_an_lrs_statements_are_kept_for_export(learner, capsys, monkeypatch):
    monkeypatch.delenv("LRS_ENDPOINT", raising=False)
    record(learner, LearningVerb.ENROLLED)
    record(learner, LearningVerb.LAUNCHED)
    assert set(XapiStatement.objects.values_list("status", flat=True)) == {"pending"}
    call_command("xapi_export", user=learner.pk)
    exported = json.loads(capsys.readouterr().out)
    assert [s["verb"]["id"].rsplit("/", 1)[-1] for s in exported] == [
        "registered",
        "launched",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_statements_are_forwarded_after_commit(lrs):
    learner = StudentFactory()
    record(learner, LearningVerb.ENROLLED)
    record(learner, LearningVerb.EARNED, object_name="Chứng chỉ Sinh học")
    assert len(lrs.received) == 2
    assert lrs.headers[0]["x-experience-api-version"] == "1.0.3"
    assert lrs.headers[0]["authorization"].startswith("Basic ")
    assert set(XapiStatement.objects.values_list("status", flat=True)) == {"sent"}


def test_batches_respect_the_batch_size(learner, lrs, settings, monkeypatch):
    monkeypatch.delenv("LRS_ENDPOINT")
    for _ in range(5):
        record(learner)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    settings.XAPI_BATCH_SIZE = 2
    report = forward_pending()
    assert report.sent == 5
    assert len(lrs.headers) == 3
    assert sorted(s["id"] for s in lrs.received) == sorted(
        str(i) for i in XapiStatement.objects.values_list("statement_id", flat=True)
    )


def test_server_errors_keep_rows_and_retry_later(learner, lrs, monkeypatch):
    monkeypatch.delenv("LRS_ENDPOINT")
    record(learner)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    lrs.answers = [503]
    report = forward_pending()
    row = XapiStatement.objects.get()
    assert (report.sent, report.retrying) == (0, 1)
    assert row.status == StatementStatus.PENDING
    assert row.attempts == 1
    assert "503" in row.last_error
    assert row.next_attempt_at > timezone.now()
    assert forward_pending().sent == 0  # not due yet
    XapiStatement.objects.update(next_attempt_at=timezone.now())
    assert forward_pending().sent == 1
    assert XapiStatement.objects.get().status == StatementStatus.SENT
    assert len(lrs.received) == 1


def test_an_unreachable_lrs_loses_nothing(learner, monkeypatch, settings):
    monkeypatch.setenv("LRS_ENDPOINT", "http://127.0.0.1:9/xapi")
    settings.XAPI_MAX_ATTEMPTS = 2
    record(learner)
    forward_pending()
    row = XapiStatement.objects.get()
    assert row.status == StatementStatus.PENDING and row.attempts == 1
    XapiStatement.objects.update(next_attempt_at=timezone.now())
    forward_pending()
    row.refresh_from_db()
    assert row.status == StatementStatus.FAILED
    assert row.last_error
    assert retry_failed_statements() == 1
    assert XapiStatement.objects.get().status == StatementStatus.PENDING


def test_one_rejected_statement_does_not_hold_back_the_batch(learner, lrs, monkeypatch):
    monkeypatch.delenv("LRS_ENDPOINT")
    for verb in ("completed", "failed", "completed", "completed"):
        record(learner, verb)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    lrs.reject_verbs = {"failed"}
    report = forward_pending()
    assert (report.sent, report.failed) == (3, 1)
    rejected = XapiStatement.objects.get(status=StatementStatus.FAILED)
    assert rejected.verb == "failed"
    assert "HTTP 400" in rejected.last_error


def test_a_conflict_fails_the_statement_and_says_why(learner, lrs, monkeypatch):
    """409: the LRS holds another statement under this id; ours is not stored,
    so it is kept as failed, never counted as sent."""
    monkeypatch.delenv("LRS_ENDPOINT")
    record(learner)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    lrs.answers = [409]
    report = forward_pending()
    assert (report.sent, report.failed) == (0, 1)
    row = XapiStatement.objects.get()
    assert row.status == StatementStatus.FAILED
    assert "HTTP 409" in row.last_error
    assert lrs.received == []


def test_a_statement_sent_twice_is_stored_once(learner, lrs, monkeypatch):
    """The LRS got a batch whose answer was lost: sending it again is harmless."""
    monkeypatch.delenv("LRS_ENDPOINT")
    record(learner)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    forward_pending()
    XapiStatement.objects.update(
        status=StatementStatus.PENDING, next_attempt_at=timezone.now()
    )
    assert forward_pending().sent == 1
    assert len(lrs.received) == 1


def test_forward_command_sends_and_reports(learner, lrs, monkeypatch, capsys):
    monkeypatch.delenv("LRS_ENDPOINT")
    record(learner)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    call_command("xapi_forward")
    assert "Sent: 1" in capsys.readouterr().out


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL row locks (SKIP LOCKED); runs in CI",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_forwarders_send_each_statement_once(lrs, monkeypatch, settings):
    monkeypatch.delenv("LRS_ENDPOINT")
    learner = StudentFactory()
    for _ in range(6):
        record(learner)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    settings.XAPI_BATCH_SIZE = 2
    lrs.delay = 0.3
    reports = []

    def forward():
        try:
            reports.append(forward_pending())
        finally:
            connection.close()

    workers = [threading.Thread(target=forward) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)

    ids = [statement["id"] for statement in lrs.received]
    assert len(ids) == len(set(ids)) == 6
    assert sum(report.sent for report in reports) == 6


def test_a_conflict_in_a_batch_loses_none_of_the_new_statements(
    learner, lrs, monkeypatch
):
    """The LRS already holds one statement of the batch (an earlier answer
    was lost) and so stores none of it: the batch is split until every new
    statement is stored, each exactly once."""
    monkeypatch.delenv("LRS_ENDPOINT")
    rows = [record(learner) for _ in range(3)]
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    lrs.received.append(rows[1].payload)

    report = forward_pending()

    assert report.sent == 3
    ids = [statement["id"] for statement in lrs.received]
    assert sorted(ids) == sorted(str(row.statement_id) for row in rows)
    assert XapiStatement.objects.filter(status=StatementStatus.SENT).count() == 3


@pytest.mark.parametrize("status", [401, 404])
def test_wrong_credentials_or_address_fail_no_statement(
    learner, lrs, monkeypatch, status
):
    """One refused request stops the run; the statements wait, their
    attempts untouched, and go once the settings are right."""
    monkeypatch.delenv("LRS_ENDPOINT")
    for _ in range(4):
        record(learner)
    monkeypatch.setenv("LRS_ENDPOINT", lrs.url)
    lrs.answers = [status]

    report = forward_pending()

    assert (report.sent, report.failed) == (0, 0)
    assert f"HTTP {status}" in report.stopped
    assert len(lrs.headers) == 1  # not split into single requests
    waiting = XapiStatement.objects.all()
    assert {(row.status, row.attempts) for row in waiting} == {
        (StatementStatus.PENDING, 0)
    }
    waiting.update(next_attempt_at=timezone.now())
    assert forward_pending().sent == 4
