"""The one place that builds the search engine client, and the guard on queries.

Settings are read at call time so tests and management commands can point
the project at another engine without re-importing anything. Without
``ELASTICSEARCH_URL`` there is no engine: searches answer from the database
and changes wait in the outbox until an engine is configured.

Every query from a web request goes through :func:`guarded`, a bulkhead: at
most ``SEARCH_MAX_CONCURRENT`` engine calls at once per process, and for a
few seconds after the engine failed to answer none at all. Requests beyond
that answer from the database at once, so a slow or stalled engine can hold
only a few web threads and never takes the rest of the site down with it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from elastic_transport import ConnectionError as EngineConnectionError
from elastic_transport import ConnectionTimeout, HttpHeaders, Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.serializer import OrjsonSerializer

_COMPAT_MARKER = "vnd.elasticsearch+"
_lock = threading.RLock()
_clients: dict[tuple, Elasticsearch] = {}


class SearchUnavailable(Exception):
    """The engine cannot be reached, is not configured or is busy; callers degrade."""


class OpenSearchCompatibleNode(Urllib3HttpNode):
    """Speaks plain JSON to engines that refuse Elasticsearch's versioned types.

    The 8.x client asks for ``application/vnd.elasticsearch+json;
    compatible-with=8``; OpenSearch answers 406 to that. Rewriting the two
    headers is all it takes for the same query code to work everywhere.
    OpenSearch also omits the product header the client checks, so it is
    added to responses when missing.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        plain = HttpHeaders(headers or {})
        for name in ("accept", "content-type"):
            value = plain.get(name)
            if value and _COMPAT_MARKER in value:
                ndjson = "x-ndjson" in value
                plain[name] = "application/x-ndjson" if ndjson else "application/json"
        response = super().perform_request(
            method, target, body=body, headers=plain, **kwargs
        )
        response.meta.headers.setdefault("x-elastic-product", "Elasticsearch")
        return response


def index_prefix() -> str:
    return settings.ELASTICSEARCH_INDEX_PREFIX or "lms"


def engine_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def get_client() -> Elasticsearch:
    """The client for the configured engine, built once per configuration."""
    if not engine_configured():
        raise SearchUnavailable("no search engine is configured (ELASTICSEARCH_URL)")
    key = _client_key()
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = _build_client()
            _clients[key] = client
    return client


def indexing_client() -> Elasticsearch:
    """The client with the longer timeout that bulk writes and rebuilds need."""
    return get_client().options(request_timeout=settings.SEARCH_INDEXING_TIMEOUT)


def _client_key() -> tuple:
    return (
        settings.ELASTICSEARCH_URL,
        settings.ELASTICSEARCH_API_KEY,
        settings.ELASTICSEARCH_USERNAME,
        settings.ELASTICSEARCH_PASSWORD,
        settings.ELASTICSEARCH_CA_FILE,
        settings.ELASTICSEARCH_COMPAT,
        settings.SEARCH_REQUEST_TIMEOUT,
    )


def _build_client() -> Elasticsearch:
    options: dict[str, Any] = {
        "request_timeout": settings.SEARCH_REQUEST_TIMEOUT,
        "max_retries": 1,
        "retry_on_timeout": False,
        # Bulk bodies and search answers are large: orjson (de)serialises them
        # several times faster than the standard library.
        "serializer": OrjsonSerializer(),
    }
    if settings.ELASTICSEARCH_COMPAT == "opensearch":
        options["node_class"] = OpenSearchCompatibleNode
    if settings.ELASTICSEARCH_API_KEY:
        options["api_key"] = settings.ELASTICSEARCH_API_KEY
    elif settings.ELASTICSEARCH_USERNAME:
        options["basic_auth"] = (
            settings.ELASTICSEARCH_USERNAME,
            settings.ELASTICSEARCH_PASSWORD,
        )
    if settings.ELASTICSEARCH_CA_FILE:
        options["ca_certs"] = settings.ELASTICSEARCH_CA_FILE
    return Elasticsearch(settings.ELASTICSEARCH_URL, **options)


class _Bulkhead:
    """Slots for concurrent engine calls, and a pause after the engine failed.

    Once the pause is over a single call (the probe) asks the engine again
    while the others keep answering from the database; its answer ends the
    pause, its failure starts another.
    """

    def __init__(self) -> None:
        self.size = 0
        self.slots = threading.BoundedSemaphore(1)
        self.paused_until = 0.0
        self.suspect = False  # the last call that ended in doubt failed
        self.probing = False
        self._held = threading.local()  # what this thread holds

    def acquire(self) -> None:
        size = settings.SEARCH_MAX_CONCURRENT
        with _lock:
            if size != self.size:
                self.size, self.slots = size, threading.BoundedSemaphore(size)
            slots = self.slots
            wait = self.paused_until - time.monotonic()
            if wait > 0:
                raise SearchUnavailable(
                    f"the engine failed to answer moments ago; asking again in "
                    f"{wait:.1f}s"
                )
            probe = self.suspect
            if probe and self.probing:
                raise SearchUnavailable("another request is checking the engine")
            self.probing = self.probing or probe
        if not slots.acquire(timeout=settings.SEARCH_SLOT_WAIT):
            if probe:
                self.probing = False
            raise SearchUnavailable(
                f"all {size} search engine slots of this process are busy"
            )
        self._held.slots, self._held.probe = slots, probe

    def release(self, outcome: str) -> None:
        """``answered``, ``failed`` or ``unknown`` (gave up early: no verdict)."""
        with _lock:
            if outcome == "failed":
                self.suspect = True
                self.paused_until = (
                    time.monotonic() + settings.SEARCH_PAUSE_AFTER_FAILURE
                )
            elif outcome == "answered":
                self.suspect = False
            if self._held.probe:
                self.probing = False
        self._held.slots.release()

    def reset(self) -> None:
        with _lock:
            self.paused_until, self.suspect, self.probing = 0.0, False, False


_bulkhead = _Bulkhead()


@contextmanager
def guarded(*, patient: bool = True) -> Iterator[Elasticsearch]:
    """The client for one query, within this process's share of the engine.

    Raises :class:`SearchUnavailable` at once when every slot is taken, the
    engine failed moments ago, or another request is checking whether it is
    back. A refused or broken connection inside the block starts the pause,
    and so does a time-out of a ``patient`` call (a search, which waits
    ``SEARCH_REQUEST_TIMEOUT``); an impatient one (a suggestion, gone once
    the next key is typed) may time out on a merely busy engine without it.
    An error the engine answers with (a bad request) is an answer.
    """
    client = get_client()
    _bulkhead.acquire()
    outcome = "unknown"
    try:
        yield client
        outcome = "answered"
    except ApiError:
        outcome = "answered"
        raise
    except EngineConnectionError:  # refused, reset
        outcome = "failed"
        raise
    except ConnectionTimeout:
        outcome = "failed" if patient else "unknown"
        raise
    finally:
        _bulkhead.release(outcome)


def reset_clients() -> None:
    """Forget built clients and any pause (tests point at other engines)."""
    with _lock:
        _clients.clear()
    _bulkhead.reset()
