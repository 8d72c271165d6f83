"""The xAPI forwarder against a real LRS: Ralph, started by the test.

Ralph validates each statement, answers 409 when it holds a different
statement under the same id and ignores an identical one sent again, the way
the xAPI specification asks. What the forwarder marks sent is read back
through Ralph's own GET /xAPI/statements.
"""

import base64
import contextlib
import json
import threading
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib import error, request

import pytest
from django.utils import timezone

from opendata.models import StatementStatus, XapiStatement
from opendata.xapi.forwarding import forward_pending
from opendata.xapi.services import record_learning_event, record_voiding
from opendata.xapi.statements import LearningResult, LearningVerb
from tests import ralph_lrs
from tests.factories import StudentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("ralph-lrs")]

USERNAME = "kho-hoc-lieu"
# ASCII only: Ralph (FastAPI's HTTPBasic) refuses any other Basic credentials.
PASSWORD = "mat-khau-kho-2026"
COURSE_URL = "https://kho.example.edu.vn/courses/sinh-hoc/"
COMPARED = ("id", "actor", "verb", "object", "result", "context", "version")


@pytest.fixture(scope="module")
def _ralph_installed():
    if ralph_lrs.is_installed():
        return
    hint = "build it with: .venv/bin/python tests/ralph_lrs.py"
    if ralph_lrs.required():
        pytest.fail(f"REQUIRE_RALPH_LRS is set but Ralph is not installed; {hint}")
    pytest.skip(f"the Ralph LRS is not installed; {hint}")


@pytest.fixture
def ralph(_ralph_installed, tmp_path, monkeypatch):
    """A fresh Ralph with an empty store; the forwarder is pointed at it."""
    monkeypatch.delenv("LRS_ENDPOINT", raising=False)
    with ralph_lrs.running(tmp_path, [ralph_lrs.LrsUser(USERNAME, PASSWORD)]) as lrs:
        yield lrs


def point_at(monkeypatch, url: str, password: str = PASSWORD) -> None:
    monkeypatch.setenv("LRS_ENDPOINT", url)
    monkeypatch.setenv("LRS_USERNAME", USERNAME)
    monkeypatch.setenv("LRS_PASSWORD", password)


def call_ralph(lrs, method: str, body: object = None) -> tuple[int, object]:
    """One request to Ralph's statements resource as the platform's user."""
    token = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
    outgoing = request.Request(  # noqa: S310 - Ralph on loopback
        f"{lrs.xapi_url}/statements" + ("?limit=500" if method == "GET" else ""),
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={
            "Authorization": f"Basic {token}",
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
        },
    )
    try:
        with request.urlopen(outgoing, timeout=30) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except error.HTTPError as failure:
        return failure.code, json.loads(failure.read() or b"null")


def stored_in(lrs) -> list[dict]:
    """Every statement Ralph holds, each as often as it holds it."""
    status, answer = call_ralph(lrs, "GET")
    assert status == 200, answer
    assert not answer.get("more")
    return answer["statements"]


def assert_holds_exactly(lrs, rows) -> None:
    """Ralph holds each row's statement once, as the platform built it."""
    statements = stored_in(lrs)
    assert Counter(s["id"] for s in statements) == Counter(
        str(row.statement_id) for row in rows
    )
    by_id = {s["id"]: s for s in statements}
    for row in rows:
        held = by_id[str(row.statement_id)]
        sent = row.payload
        assert {k: held.get(k) for k in COMPARED} == {k: sent.get(k) for k in COMPARED}
        assert datetime.fromisoformat(held["timestamp"]) == datetime.fromisoformat(
            sent["timestamp"]
        )


@pytest.fixture
def learning_events():
    """A course's worth of varied statements, recorded while no LRS is set."""
    learner = StudentFactory()
    registration = uuid.uuid4()
    lesson = f"{COURSE_URL}chuong-1/bai-1/"

    def event(verb, url=lesson, name="Bài 1: Tế bào", **kwargs):
        return record_learning_event(
            user=learner,
            verb=verb,
            object_url=url,
            object_name=name,
            registration=registration,
            **kwargs,
        )

    started = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    rows = [
        event(LearningVerb.ENROLLED, COURSE_URL, "Sinh học 6", timestamp=started),
        event(LearningVerb.LAUNCHED, parent_url=COURSE_URL, language="vi"),
        event(
            LearningVerb.FAILED,
            f"{lesson}kiem-tra/",
            "Kiểm tra: Tế bào",
            result=LearningResult(score_scaled=0.4, score_raw=4, score_max=10),
        ),
        event(
            LearningVerb.PASSED,
            f"{lesson}kiem-tra/",
            "Kiểm tra: Tế bào",
            result=LearningResult(
                score_scaled=0.9,
                score_raw=9,
                score_min=0,
                score_max=10,
                success=True,
                duration=timedelta(minutes=12, seconds=5),
            ),
        ),
        event(LearningVerb.COMPLETED, COURSE_URL, "Sinh học 6", language="en"),
    ]
    earned = event(LearningVerb.EARNED, COURSE_URL, "Chứng chỉ Sinh học 6")
    voiding = record_voiding(
        statement=earned, voided_by=learner, timestamp=timezone.now()
    )
    return [*rows, earned, voiding]


def sent_rows():
    return list(XapiStatement.objects.filter(status=StatementStatus.SENT))


def test_a_plain_batch_arrives_whole(ralph, learning_events, monkeypatch, settings):
    settings.XAPI_BATCH_SIZE = 3
    point_at(monkeypatch, ralph.xapi_url)

    report = forward_pending()

    assert (report.sent, report.retrying, report.failed) == (7, 0, 0), report.errors
    assert len(sent_rows()) == 7
    assert_holds_exactly(ralph, learning_events)


def test_a_conflicting_id_fails_alone(ralph, learning_events, monkeypatch):
    """Ralph holds another statement under one id: it answers 409 and stores
    none of the batch; the others still arrive, that one is reported."""
    clash = learning_events[3]
    theirs = {
        **clash.payload,
        "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
    }
    theirs["object"] = {"objectType": "Activity", "id": "https://lrs.example.org/a"}
    assert call_ralph(ralph, "POST", [theirs]) == (200, [theirs["id"]])
    point_at(monkeypatch, ralph.xapi_url)

    report = forward_pending()

    assert (report.sent, report.failed) == (6, 1)
    assert any(str(clash.statement_id) in problem for problem in report.errors)
    clash.refresh_from_db()
    assert clash.status == StatementStatus.FAILED
    assert "HTTP 409" in clash.last_error
    assert str(clash.statement_id) in clash.last_error
    others = [row for row in learning_events if row.pk != clash.pk]
    assert sorted(row.pk for row in sent_rows()) == sorted(row.pk for row in others)
    held = {s["id"]: s for s in stored_in(ralph)}
    assert held[str(clash.statement_id)]["object"] == theirs["object"]  # untouched
    del held[str(clash.statement_id)]
    assert sorted(held) == sorted(str(row.statement_id) for row in others)


def test_a_wrong_password_sends_nothing_and_loses_nothing(
    ralph, learning_events, monkeypatch
):
    point_at(monkeypatch, ralph.xapi_url, password="mat-khau-cu")

    report = forward_pending()

    assert "HTTP 401" in report.stopped
    assert (report.sent, report.failed) == (0, 0)
    assert stored_in(ralph) == []
    assert set(XapiStatement.objects.values_list("status", "attempts")) == {
        (StatementStatus.PENDING, 0)
    }

    point_at(monkeypatch, ralph.xapi_url)
    XapiStatement.objects.update(next_attempt_at=timezone.now())  # the back-off
    assert forward_pending().sent == 7
    assert_holds_exactly(ralph, learning_events)


class StallingProxy:
    """Passes requests to the LRS, but holds the first one until released,
    long past the forwarder's timeout. With ``deliver_first`` the LRS gets
    the first request and only its answer is lost; without, it never gets it.
    """

    def __init__(self, upstream: str, *, deliver_first: bool):
        self.released = threading.Event()
        self.delivered = threading.Event()  # the LRS answered the first one
        self.requests = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                proxy.requests += 1
                first = proxy.requests == 1
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if first and not deliver_first:
                    proxy.released.wait(60)
                    return  # the connection closes unanswered
                status, answer = proxy.pass_on(upstream + self.path, body, self.headers)
                if first:
                    proxy.delivered.set()
                    proxy.released.wait(60)
                with contextlib.suppress(OSError):  # the forwarder gave up on it
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @staticmethod
    def pass_on(url: str, body: bytes, headers) -> tuple[int, bytes]:
        names = ("Authorization", "Content-Type", "X-Experience-API-Version")
        outgoing = request.Request(  # noqa: S310 - Ralph on loopback
            url, data=body, method="POST", headers={n: headers[n] for n in names}
        )
        try:
            with request.urlopen(outgoing, timeout=30) as response:  # noqa: S310
                return response.status, response.read()
        except error.HTTPError as failure:
            return failure.code, failure.read()

    def close(self):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize("deliver_first", [True, False], ids=["answer-lost", "lost"])
def test_a_timed_out_batch_is_retried_and_stored_once(
    ralph, learning_events, monkeypatch, settings, deliver_first
):
    settings.XAPI_TIMEOUT_SECONDS = 1
    proxy = StallingProxy(f"http://127.0.0.1:{ralph.port}", deliver_first=deliver_first)
    try:
        point_at(monkeypatch, f"{proxy.url}/xAPI")
        report = forward_pending()
        assert (report.sent, report.retrying, report.failed) == (0, 7, 0)
        assert "timed out" in report.errors[0]
        if deliver_first:
            assert proxy.delivered.wait(30)
        assert len(stored_in(ralph)) == (7 if deliver_first else 0)
        assert set(XapiStatement.objects.values_list("status", "attempts")) == {
            (StatementStatus.PENDING, 1)
        }

        proxy.released.set()
        settings.XAPI_TIMEOUT_SECONDS = 30  # from now on only a real stall fails
        XapiStatement.objects.update(next_attempt_at=timezone.now())  # the back-off
        report = forward_pending()
    finally:
        proxy.close()

    assert (report.sent, report.retrying, report.failed) == (7, 0, 0), report.errors
    assert_holds_exactly(ralph, learning_events)
