"""An engine outage delays indexing but loses nothing."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from materials.models import Material
from search.client import reset_clients
from search.documents import document_id
from search.indexing import bulk_write, ensure_index, rebuild, write_targets
from search.models import IndexChange
from search.outbox import backoff, drain
from search.sources import read_version
from search.tasks import drain_search_outbox, schedule_indexing
from tests.factories import MaterialFactory, PublishedMaterialFactory
from tests.lms.services import RestartableSearchEngine
from tests.search.helpers import indexed_ids, publish, titles
from tests.search_engine import own_prefix, point_at

# One worker runs the module, so its module-wide fixture is built once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("search-outage")]


@pytest.fixture(scope="module")
def private_engine():
    """An engine of this module's own, so it can be frozen without stalling others."""
    engine = RestartableSearchEngine()
    try:
        engine.start()
        yield engine
    finally:
        engine.destroy()


class Outages:
    """Freeze, kill and restart the private engine; writes give up quickly meanwhile.

    Only while the engine is frozen or dead are the timeouts short, so a busy
    machine never makes a healthy engine look down.
    """

    def __init__(self, engine: RestartableSearchEngine, settings) -> None:
        self.engine, self.settings = engine, settings

    def pause(self) -> None:
        self._impatient()
        self.engine.node.pause()

    def resume(self) -> None:
        self.engine.node.resume()
        self._patient()

    def kill(self) -> None:
        self._impatient()
        self.engine.node.kill()

    def restart(self) -> None:
        self.engine.start()
        self._patient()

    def _impatient(self) -> None:
        self.settings.SEARCH_INDEXING_TIMEOUT = 0.5
        self.settings.SEARCH_REQUEST_TIMEOUT = 0.5
        reset_clients()

    def _patient(self) -> None:
        self.settings.SEARCH_INDEXING_TIMEOUT = 60
        self.settings.SEARCH_REQUEST_TIMEOUT = 30
        reset_clients()


@pytest.fixture
def own_engine(private_engine, settings, worker_id):
    """The private engine under a prefix of this test's own, running afterwards."""
    point_at(settings, private_engine.url, own_prefix(worker_id))
    outages = Outages(private_engine, settings)
    outages._patient()
    yield outages
    private_engine.node.resume()
    if private_engine.node.process is None:
        private_engine.start()
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


EDITS_PER_BATCH = 50


def edit_in_batches(materials, rounds: range, commit) -> None:
    """Edits of every kind, fifty per transaction, each recorded for indexing.

    A title changes, an item is withdrawn or published again; every commit
    starts a drain, as the receivers arrange it.
    """
    for start in range(rounds.start, rounds.stop, EDITS_PER_BATCH):
        with commit(execute=True), transaction.atomic():
            for number in range(start, min(start + EDITS_PER_BATCH, rounds.stop)):
                material = materials[number % len(materials)]
                Material.objects.filter(pk=material.pk).update(
                    title=f"Bài tập vật lý {material.pk} bản {number}",
                    live=number % 7 != 0,
                )
                schedule_indexing(kind="material", object_id=material.pk)


def test_engine_frozen_then_killed_during_2000_edits_loses_nothing(
    own_engine, django_capture_on_commit_callbacks
):
    """500 edits each: running, frozen (SIGSTOP), killed (SIGKILL), restarted.

    Once the engine is back and the failed rows are due, the outbox drains
    and the index holds exactly what the database publishes.
    """
    materials = PublishedMaterialFactory.create_batch(120, title="Bài tập vật lý")
    rebuild(progress=False)
    commit = django_capture_on_commit_callbacks

    edit_in_batches(materials, range(500), commit)
    assert not IndexChange.objects.exists()
    own_engine.pause()
    edit_in_batches(materials, range(500, 1000), commit)
    own_engine.resume()
    own_engine.kill()
    edit_in_batches(materials, range(1000, 1500), commit)
    waiting = IndexChange.objects.count()
    assert waiting >= 500, "edits made while the engine was down must stay queued"
    own_engine.restart()
    edit_in_batches(materials, range(1500, 2000), commit)

    IndexChange.objects.update(next_attempt_at=timezone.now())  # their backoff is over
    assert drain_search_outbox.call()["failed"] == 0
    assert not IndexChange.objects.exists()
    call_command("search_check")  # raises CommandError on any difference
    live = Material.objects.filter(live=True)
    assert indexed_ids() == {document_id("material", m.pk) for m in live}


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
