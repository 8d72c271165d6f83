"""The real search engine for the suite: one OpenSearch node per run.

The process that runs pytest (the xdist controller, or the only process)
starts the node as the run begins and stops it when the run ends, however it
ends; the kernel stops it too if that process dies. Workers find it through
an environment variable and wait for it only when a test first needs it, so
the node boots while the databases are created.

Each test that uses the engine gets an index prefix of its own; afterwards
only the indices under that prefix are deleted, so tests never see each
other's documents and nothing else needs cleaning. ``TEST_ELASTICSEARCH_URL``
runs the suite against another engine instead (a cluster of the production
kind, say); then nothing is started.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from search.node import NodeUnavailable, SearchNode, answers, free_port, install

SHARED_URL = "LMS_TEST_SEARCH_URL"
SHARED_LOG = "LMS_TEST_SEARCH_LOG"
READY_TIMEOUT = 180.0
_prefixes = itertools.count()


@dataclass(frozen=True)
class SharedEngine:
    url: str


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller started the node
    external = os.environ.get("TEST_ELASTICSEARCH_URL")
    if external:
        os.environ[SHARED_URL] = external
        return
    try:
        install()
        root = Path(tempfile.mkdtemp(prefix="lms-test-search-"))
        node = SearchNode(root=root, port=free_port(), heap="768m")
        node.start()
    except NodeUnavailable as error:
        raise pytest.UsageError(
            f"The test suite needs the search engine: {error}"
        ) from None
    config.stash[_node_key] = node
    os.environ[SHARED_URL] = node.url
    os.environ[SHARED_LOG] = str(node.log_path)


def pytest_unconfigure(config: pytest.Config) -> None:
    node = config.stash.get(_node_key, None)
    if node is not None:
        node.stop()
        shutil.rmtree(node.root, ignore_errors=True)


_node_key = pytest.StashKey[SearchNode]()


@pytest.fixture(scope="session")
def search_server() -> SharedEngine:
    """The run's engine, once it answers."""
    url = os.environ.get(SHARED_URL)
    if not url:
        pytest.fail("no search engine was started for this run")
    deadline = time.monotonic() + READY_TIMEOUT
    while not answers(url):
        if time.monotonic() > deadline:
            log = Path(os.environ.get(SHARED_LOG, "/nonexistent"))
            tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
            pytest.fail(f"the search engine at {url} did not answer: {tail}")
        time.sleep(0.2)
    return SharedEngine(url=url)


def point_at(settings, url: str, prefix: str) -> None:
    """Send this test's searches and writes to ``url`` under ``prefix``."""
    from search.client import reset_clients

    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_COMPAT = "opensearch"
    settings.ELASTICSEARCH_API_KEY = ""
    settings.ELASTICSEARCH_USERNAME = ""
    settings.ELASTICSEARCH_PASSWORD = ""
    settings.ELASTICSEARCH_CA_FILE = ""
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    reset_clients()


def own_prefix(worker_id: str) -> str:
    return f"test-{worker_id}-{os.getpid()}-{next(_prefixes)}"


@pytest.fixture
def search_engine(search_server, settings, worker_id):
    """The engine, under an index prefix of this test's own; its indices go afterwards."""
    from search.client import get_client, reset_clients

    prefix = own_prefix(worker_id)
    point_at(settings, search_server.url, prefix)
    client = get_client()
    yield client
    client.options(ignore_status=404, request_timeout=30).indices.delete(
        index=f"{prefix}-*", expand_wildcards="all"
    )
    reset_clients()


@pytest.fixture
def index_now(search_engine):
    """Drain the outbox and refresh, so what was just committed is searchable."""
    from search.indexing import refresh
    from search.outbox import drain

    def run():
        report = drain(due_only=False)
        refresh(search_engine)
        return report

    return run
