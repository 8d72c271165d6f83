"""A slow or stalled engine holds only a few web threads; the rest answer from the database."""

import socket
import threading
from contextlib import ExitStack

import pytest
from django.http import QueryDict

from search.client import guarded, reset_clients
from search.indexing import rebuild, refresh
from search.queries import parse_params, search, suggest
from tests.factories import PublishedMaterialFactory
from tests.search_engine import point_at

pytestmark = pytest.mark.django_db


class SilentEngine:
    """Accepts connections and never answers, as a frozen engine does."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.accepted: list[socket.socket] = []
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent_engine(settings):
    engine = SilentEngine()
    point_at(settings, engine.url, "test-silent")
    settings.SEARCH_REQUEST_TIMEOUT = 0.5
    settings.SEARCH_SUGGEST_TIMEOUT = 0.5
    settings.SEARCH_PAUSE_AFTER_FAILURE = 600  # stays paused for the whole test
    yield engine
    engine.close()
    reset_clients()


def quang_hop():
    return parse_params(QueryDict("q=Quang+hợp"))


def test_searches_beyond_the_slots_answer_from_the_database(search_engine, settings):
    """With every slot busy a search does not queue behind them: the database answers."""
    PublishedMaterialFactory(title="Quang hợp ở thực vật")
    rebuild(progress=False)
    refresh()
    settings.SEARCH_MAX_CONCURRENT = 2
    settings.SEARCH_SLOT_WAIT = 0.01

    with ExitStack() as held:
        for _ in range(2):
            held.enter_context(guarded())
        busy = search(quang_hop())
    free = search(quang_hop())

    assert busy.degraded
    assert [hit.title for hit in busy.hits] == ["Quang hợp ở thực vật"]
    assert not free.degraded
    assert [hit.title for hit in free.hits] == ["Quang hợp ở thực vật"]


def test_after_the_engine_failed_to_answer_searches_leave_it_alone(silent_engine):
    """The first search waits out its timeout; the next ones do not ask at all."""
    PublishedMaterialFactory(title="Quang hợp ở thực vật")

    first = search(quang_hop())
    asked = len(silent_engine.accepted)
    later = [search(quang_hop()) for _ in range(5)]
    typed = suggest("quang")

    assert first.degraded and asked >= 1
    assert all(result.degraded for result in later)
    assert [hit.title for hit in later[-1].hits] == ["Quang hợp ở thực vật"]
    assert typed == {"query": "quang", "suggestions": [], "degraded": True}
    assert len(silent_engine.accepted) == asked, "no new call reached the engine"


def test_a_bad_request_does_not_pause_the_engine(search_engine, settings):
    """Only a missing answer pauses the engine; an error it answers with does not."""
    from elasticsearch import ApiError

    settings.SEARCH_PAUSE_AFTER_FAILURE = 600
    with pytest.raises(ApiError), guarded() as client:
        client.search(index="test-no-such-index-anywhere")
    PublishedMaterialFactory(title="Quang hợp ở thực vật")
    rebuild(progress=False)
    refresh()

    assert not search(quang_hop()).degraded


def test_a_slow_suggestion_does_not_pause_searches(silent_engine, settings):
    """Suggestions give up after 0.5 s on a busy engine; searches still ask it."""
    typed = suggest("quang")
    asked = len(silent_engine.accepted)
    settings.SEARCH_REQUEST_TIMEOUT = 0.2  # a client of its own; the pause stays

    search(quang_hop())

    assert typed["degraded"] and asked >= 1
    assert len(silent_engine.accepted) > asked, "the search asked the engine"


def test_once_the_pause_is_over_one_request_checks_the_engine(silent_engine, settings):
    """While one request asks whether the engine is back, the others do not wait."""
    PublishedMaterialFactory(title="Quang hợp ở thực vật")
    settings.SEARCH_PAUSE_AFTER_FAILURE = 0
    search(quang_hop())  # fails: the engine is suspect from now on
    asked = len(silent_engine.accepted)

    with guarded():  # this request is the one checking
        meanwhile = search(quang_hop())
    assert meanwhile.degraded
    assert len(silent_engine.accepted) == asked, "only the probe may ask"

    search(quang_hop())  # the probe ended in an answer: the engine is asked again
    assert len(silent_engine.accepted) > asked


def test_database_answers_are_reused_while_the_engine_is_away(
    silent_engine, django_assert_num_queries
):
    """During an outage each popular search scans the database once, not per visitor."""
    PublishedMaterialFactory(title="Quang hợp ở thực vật")
    first = search(quang_hop())

    with django_assert_num_queries(0):
        again = search(quang_hop())

    assert first.degraded and again.degraded
    assert [hit.title for hit in again.hits] == ["Quang hợp ở thực vật"]
