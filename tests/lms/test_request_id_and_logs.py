import io
import json
import logging

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from lms.jsonlog import JsonFormatter
from lms.request_id import RequestIdFilter, RequestIdMiddleware, current_request_id


@pytest.fixture
def captured_json_log():
    """A logger whose lines are formatted exactly as production writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.request_id")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield logger, stream
    logger.removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_request_id_is_made_and_returned_when_none_is_offered(client):
    response = client.get("/healthz")

    assert len(response["X-Request-ID"]) == 32


def test_the_proxys_request_id_is_kept(client):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a-91"})

    assert response["X-Request-ID"] == "lb-7f3a-91"


def test_a_request_id_that_could_forge_log_fields_is_replaced(client):
    forged = 'abc" "level": "CRITICAL'

    response = client.get("/healthz", headers={"X-Request-ID": forged})

    assert response["X-Request-ID"] != forged
    assert len(response["X-Request-ID"]) == 32


def test_every_log_line_of_a_request_carries_its_id(captured_json_log):
    logger, stream = captured_json_log

    def view(request):
        logger.info("working on %s", "it", extra={"material_id": 12})
        return HttpResponse("ok")

    request = RequestFactory().get("/", headers={"X-Request-ID": "req-1"})
    RequestIdMiddleware(view)(request)
    logger.info("after the request")

    during, after = lines(stream)
    assert during["request_id"] == "req-1"
    assert during["message"] == "working on it"
    assert during["material_id"] == 12
    assert during["level"] == "INFO"
    assert during["logger"] == "tests.request_id"
    assert after["request_id"] == ""
    assert current_request_id() == ""


def test_exceptions_are_logged_inside_the_json_line(captured_json_log):
    logger, stream = captured_json_log

    try:
        raise ValueError("bad material")
    except ValueError:
        logger.exception("processing failed")

    (entry,) = lines(stream)
    assert "ValueError: bad material" in entry["exception"]


def test_non_ascii_messages_stay_readable(captured_json_log):
    logger, stream = captured_json_log

    logger.info("Đã duyệt học liệu")

    assert "Đã duyệt học liệu" in stream.getvalue()
