"""An engine outage delays indexing but loses nothing."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from search.client import reset_clients
from search.documents import document_id
from search.indexing import bulk_write, ensure_index, write_targets
from search.models import IndexChange
from search.outbox import backoff, drain
from search.sources import read_version
from tests.factories import MaterialFactory
from tests.lms.services import RestartableSearchEngine
from tests.search.helpers import indexed_ids, publish, titles
from tests.search_engine import own_prefix, point_at

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def private_engine():
    """An engine of this module's own, so it can be frozen without stalling others."""
    engine = RestartableSearchEngine()
    try:
        engine.start()
        yield engine
    finally:
        engine.destroy()


@pytest.fixture
def own_engine(private_engine, settings, worker_id):
    """The private engine under a prefix of this test's own, thawed afterwards."""
    settings.SEARCH_REQUEST_TIMEOUT = 1
    settings.SEARCH_INDEXING_TIMEOUT = 1
    point_at(settings, private_engine.url, own_prefix(worker_id))
    yield private_engine.node
    private_engine.node.resume()
    reset_clients()


def test_engine_stopped_during_edits_then_sync_brings_index_in_step(
    own_engine, django_capture_on_commit_callbacks
):
    """Edits while the engine is frozen stay queued; search_sync applies them."""
    with django_capture_on_commit_callbacks(execute=True):
        edited = publish(MaterialFactory(title="Vật lý hạt nhân"))
        withdrawn = publish(MaterialFactory(title="Vật lý nhiệt"))
        deleted = publish(MaterialFactory(title="Vật lý quang học"))
    assert len(indexed_ids()) == 3

    own_engine.pause()
    with django_capture_on_commit_callbacks(execute=True):
        edited.title = "Vật lý hạt nhân nâng cao"
        publish(edited)
        withdrawn.unpublish()
        deleted.delete()
        added = publish(MaterialFactory(title="Vật lý điện học"))
    pending = list(IndexChange.objects.all())
    assert pending, "changes made while the engine is down must stay queued"
    assert all(row.attempts >= 1 and row.last_error for row in pending)
    assert all(row.next_attempt_at > timezone.now() for row in pending)

    own_engine.resume()
    call_command("search_sync")
    call_command("search_check")  # raises CommandError on any difference
    assert not IndexChange.objects.exists()
    assert indexed_ids() == {
        document_id("material", edited.pk),
        document_id("material", added.pk),
    }
    assert sorted(titles("q=vat+ly")) == ["Vật lý hạt nhân nâng cao", "Vật lý điện học"]


def test_failed_rows_wait_for_their_backoff(
    own_engine, django_capture_on_commit_callbacks
):
    """A due-only drain leaves rows alone until their next attempt is due."""
    own_engine.pause()
    with django_capture_on_commit_callbacks(execute=True):
        publish(MaterialFactory(title="Hóa học hữu cơ"))
    row = IndexChange.objects.get()
    own_engine.resume()
    assert drain().indexed == 0
    IndexChange.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert drain().indexed == 1
    assert not IndexChange.objects.filter(pk=row.pk).exists()


def test_backoff_grows_and_is_capped():
    assert backoff(1) == timedelta(seconds=30)
    assert backoff(2) == timedelta(minutes=1)
    assert backoff(3) == timedelta(minutes=2)
    assert backoff(50) == timedelta(hours=1)


def test_an_older_reading_never_overwrites_a_newer_one(search_engine):
    """A slow writer's stale copy cannot resurrect a document deleted after it read."""
    ensure_index(search_engine)
    targets = write_targets(search_engine)
    older, newer = read_version(), read_version() + 1
    uid = document_id("material", 1)
    assert not bulk_write(
        search_engine,
        [{"_op_type": "index", "_id": uid, "uid": uid, "title": "Bản mới"}],
        targets=targets,
        version=older,
    )
    assert not bulk_write(
        search_engine,
        [{"_op_type": "delete", "_id": uid}],
        targets=targets,
        version=newer,
    )
    failures = bulk_write(
        search_engine,
        [{"_op_type": "index", "_id": uid, "uid": uid, "title": "Bản cũ"}],
        targets=targets,
        version=older,
    )
    assert failures == {}
    assert indexed_ids() == set()
