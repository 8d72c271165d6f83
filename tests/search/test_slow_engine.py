"""An engine that answers slowly must not hold the search box's suggestions.

A proxy in front of the real engine delays every answer, as an overloaded
cluster would; the suggestions give up after their own short timeout while a
full search still waits for its longer one.
"""

import http.server
import threading
import time
import urllib.request

import pytest
from django.urls import reverse

from search.client import reset_clients
from tests.factories import PublishedMaterialFactory
from tests.search_engine import point_at

pytestmark = pytest.mark.django_db

DELAY_SECONDS = 3


class _DelayingProxy(http.server.BaseHTTPRequestHandler):
    engine_url = ""

    def _forward(self) -> None:
        time.sleep(DELAY_SECONDS)
        length = int(self.headers.get("Content-Length") or 0)
        request = urllib.request.Request(  # noqa: S310 - the local test engine
            self.engine_url + self.path,
            data=self.rfile.read(length) if length else None,
            method=self.command,
            headers={"Content-Type": self.headers.get("Content-Type", "")},
        )
        try:
            with urllib.request.urlopen(request) as answer:  # noqa: S310
                status, body = answer.status, answer.read()
                kind = answer.headers.get("Content-Type", "application/json")
        except urllib.error.HTTPError as error:
            status, body, kind = error.code, error.read(), "application/json"
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, which is the point

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _forward

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def slow_engine(search_engine, search_server, settings):
    """The test's indices, reached through a proxy that answers late."""
    from search.indexing import rebuild, refresh

    PublishedMaterialFactory(title="Quang hợp ở thực vật")
    rebuild(progress=False)
    refresh()
    handler = type("Handler", (_DelayingProxy,), {"engine_url": search_server.url})
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    point_at(
        settings,
        f"http://127.0.0.1:{proxy.server_address[1]}",
        settings.ELASTICSEARCH_INDEX_PREFIX,
    )
    settings.SEARCH_REQUEST_TIMEOUT = DELAY_SECONDS * 10
    settings.SEARCH_SUGGEST_TIMEOUT = 1
    yield
    proxy.shutdown()
    reset_clients()


def test_suggestions_give_up_before_a_slow_engine_answers(client, slow_engine):
    data = client.get(reverse("search:suggest"), {"q": "quang"}).json()

    assert data == {"query": "quang", "suggestions": [], "degraded": True}


def test_a_full_search_still_waits_for_a_slow_engine(client, slow_engine):
    data = client.get(reverse("search:api"), {"q": "quang hop"}).json()

    assert data["degraded"] is False
    assert [hit["title"] for hit in data["results"]] == ["Quang hợp ở thực vật"]
