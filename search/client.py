"""The one place that builds the search engine client.

Settings are read at call time so tests and management commands can point
the project at another engine without re-importing anything. When no
``ELASTICSEARCH_URL`` is configured the embedded in-memory engine
(osmem-server) is started on first use, once per process, and the index is
rebuilt from the database straight away, because the index is derived data.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from elastic_transport import HttpHeaders, Urllib3HttpNode
from elasticsearch import Elasticsearch

logger = logging.getLogger(__name__)

_COMPAT_MARKER = "vnd.elasticsearch+"
_lock = threading.RLock()
_clients: dict[tuple, Elasticsearch] = {}
_embedded: dict[str, Any] = {}


class SearchUnavailable(Exception):
    """The engine cannot be reached or refused the request; callers degrade."""


class OpenSearchCompatibleNode(Urllib3HttpNode):
    """Speaks plain JSON to engines that refuse Elasticsearch's versioned types.

    The 8.x client asks for ``application/vnd.elasticsearch+json;
    compatible-with=8``; OpenSearch (and the embedded engine) answer 406 to
    that. Rewriting the two headers is all it takes for the same query code to
    work everywhere. OpenSearch also omits the product header the client
    checks, so it is added to responses when missing.
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


def uses_embedded_engine() -> bool:
    return not settings.ELASTICSEARCH_URL


def embedded_engine_started() -> bool:
    return "server" in _embedded


def get_client(*, start: bool = True) -> Elasticsearch | None:
    """The client for the configured engine, built once per configuration.

    With ``start=False`` the embedded engine is not started on demand and
    ``None`` is returned instead: indexing uses this, since a freshly started
    embedded engine is rebuilt from the database anyway.
    """
    if uses_embedded_engine():
        if not start and not embedded_engine_started():
            return None
        url = _embedded_url()
    else:
        url = settings.ELASTICSEARCH_URL
    key = _client_key(url)
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = _build_client(url)
            _clients[key] = client
    return client


def _client_key(url: str) -> tuple:
    return (
        url,
        settings.ELASTICSEARCH_API_KEY,
        settings.ELASTICSEARCH_USERNAME,
        settings.ELASTICSEARCH_PASSWORD,
        settings.ELASTICSEARCH_CA_FILE,
        settings.ELASTICSEARCH_COMPAT,
        _timeout(),
    )


def _timeout() -> float:
    return float(getattr(settings, "SEARCH_REQUEST_TIMEOUT", 10.0))


def _build_client(url: str) -> Elasticsearch:
    options: dict[str, Any] = {
        "request_timeout": _timeout(),
        "max_retries": 1,
        "retry_on_timeout": False,
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
    return Elasticsearch(url, **options)


def embedded_engine_url() -> str:
    """The embedded engine's address in this process, started if need be
    (the readiness probe asks for it)."""
    return _embedded_url()


def _embedded_url() -> str:
    """Start the embedded engine once per process and fill it from the database.

    The index is built in a background thread: until it is ready, searches
    find no index and answer from the database (flagged as degraded), so a
    large library never makes the first request wait for the whole rebuild.
    """
    with _lock:
        server = _embedded.get("server")
        if server is not None and server.process.poll() is None:
            return server.url
        from osmem_server import OsmemServer

        try:
            server = OsmemServer.start(freeze=False, japanese=False)
        except Exception as error:
            raise SearchUnavailable(
                f"the embedded engine did not start: {error}"
            ) from error
        _embedded["server"] = server
        _embedded["ready"] = ready = threading.Event()
        logger.info("Started the embedded search engine at %s", server.url)
        client = _build_client(server.url)
        _clients[_client_key(server.url)] = client
        threading.Thread(
            target=_bootstrap_embedded, args=(client, ready), daemon=True
        ).start()
        return server.url


def _bootstrap_embedded(client: Elasticsearch, ready: threading.Event) -> None:
    from django.db import connection

    from search.indexing import rebuild

    try:
        report = rebuild(client=client, progress=False)
        logger.info("Indexed %s documents into the embedded engine", report.indexed)
    except Exception:
        logger.exception("Building the embedded search index failed")
    finally:
        connection.close()
        ready.set()


def warm_up(*, wait: float | None = None) -> bool:
    """Start the engine (and, if embedded, its index build) before the first search.

    Returns whether the index is ready; ``wait`` seconds are allowed for an
    embedded build to finish.
    """
    try:
        get_client()
    except SearchUnavailable:
        logger.exception("The search engine is not available; search will degrade")
        return False
    ready = _embedded.get("ready")
    return True if ready is None else ready.wait(wait)


def reset_clients() -> None:
    """Forget built clients (tests change the engine address between runs)."""
    with _lock:
        _clients.clear()


def stop_embedded_engine() -> None:
    """Stop the embedded engine of this process, if one was started."""
    with _lock:
        server = _embedded.pop("server", None)
        _clients.clear()
    if server is not None:
        server.close()
