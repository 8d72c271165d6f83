import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lms import health

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine_stub():
    """A tiny HTTP server that records headers and answers like an engine."""
    seen: list[dict[str, str]] = []
    answer = {"status": 200}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(dict(self.headers))
            self.send_response(answer["status"])
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"version": {"number": "8.18.0"}}')

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    server.seen = seen
    server.answer = answer
    yield server
    server.shutdown()
    server.server_close()


def test_healthz_answers_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_answer_whatever_the_host_and_without_https(
    client, settings, engine_stub, path
):
    settings.ELASTICSEARCH_URL = engine_stub.url
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["hoclieu.example.vn"]

    response = client.get(path, HTTP_HOST="10.1.2.3:8000")

    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_probes_refuse_writes(client):
    response = client.post("/healthz")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_readyz_reports_each_dependency_by_name(client, settings, engine_stub):
    settings.ELASTICSEARCH_URL = engine_stub.url

    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "search", "broker", "storage"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_unavailable_when_the_engine_refuses_credentials(
    client, settings, engine_stub
):
    settings.ELASTICSEARCH_URL = engine_stub.url
    engine_stub.answer["status"] = 401

    response = client.get("/readyz")

    assert response.status_code == 503
    search = response.json()["checks"]["search"]
    assert search["ok"] is False
    assert "refused the credentials" in search["detail"]


def test_readyz_reports_a_dependency_that_does_not_answer_in_time(
    client, settings, monkeypatch
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    def hangs(timeout):
        threading.Event().wait(timeout + 5)

    monkeypatch.setitem(health.CHECKS, "storage", hangs)
    monkeypatch.setattr(health, "CHECK_TIMEOUT_SECONDS", 0.2)

    results = {r.name: r for r in health.run_checks(timeout=0.2)}

    assert results["storage"].ok is False
    assert "no answer within 0.2s" in results["storage"].detail
    assert results["database"].ok is True


def test_a_check_that_crashes_is_reported_not_raised(client, settings, monkeypatch):
    def broken(timeout):
        raise RuntimeError("storage backend misconfigured")

    monkeypatch.setitem(health.CHECKS, "storage", broken)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == {
        "ok": False,
        "detail": "storage backend misconfigured",
        "ms": 0.0,
    }


def test_search_ping_sends_the_api_key(settings, engine_stub):
    settings.ELASTICSEARCH_URL = engine_stub.url
    settings.ELASTICSEARCH_API_KEY = "key-123"

    reachable, _ = health.search_engine_ping()

    assert reachable
    assert engine_stub.seen[-1]["Authorization"] == "ApiKey key-123"


def test_search_ping_sends_basic_credentials(settings, engine_stub):
    settings.ELASTICSEARCH_URL = engine_stub.url
    settings.ELASTICSEARCH_API_KEY = ""
    settings.ELASTICSEARCH_USERNAME = "elastic"
    settings.ELASTICSEARCH_PASSWORD = "s3cret"

    reachable, _ = health.search_engine_ping()

    expected = base64.b64encode(b"elastic:s3cret").decode()
    assert reachable
    assert engine_stub.seen[-1]["Authorization"] == f"Basic {expected}"


def test_search_ping_says_when_the_engine_is_down(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    reachable, detail = health.search_engine_ping(timeout=0.5)

    assert not reachable
    assert detail.startswith("http://127.0.0.1:9:")


def test_without_an_engine_search_is_not_a_reason_to_stop_serving(settings):
    """No engine configured: the site searches its database, so it is still ready."""
    settings.ELASTICSEARCH_URL = ""

    reachable, detail = health.search_engine_ping()

    assert reachable
    assert detail.startswith("none configured (ELASTICSEARCH_URL)")


def test_database_queue_is_checked_when_it_is_the_broker(settings):
    settings.REDIS_URL = ""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}
    }

    result = health.check_broker()

    assert result.ok, result.detail
    assert result.detail == "database queue"


def test_unreachable_redis_fails_the_broker_check(settings):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}

    result = health.check_broker(timeout=0.5)

    assert not result.ok
    assert result.detail.startswith("redis:")


def test_redis_is_checked_even_when_tasks_queue_in_the_database(settings):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}
    }

    result = health.check_broker(timeout=0.5)

    assert not result.ok
    assert result.detail.startswith("redis:")


def test_tasks_in_process_need_no_broker(settings):
    settings.REDIS_URL = ""

    result = health.check_broker()

    assert result.ok
    assert result.detail == "tasks run in-process (no broker)"


def test_media_folder_that_cannot_be_created_fails_the_storage_check(
    settings, tmp_path
):
    blocker = tmp_path / "media"
    blocker.write_text("a file where the media folder should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": blocker},
        },
    }

    result = health.check_storage()

    assert not result.ok
    assert "File exists" in result.detail


def test_readyz_response_is_plain_json(client, settings, engine_stub):
    settings.ELASTICSEARCH_URL = engine_stub.url

    response = client.get("/readyz")

    assert response["Content-Type"] == "application/json"
    json.loads(response.content)
