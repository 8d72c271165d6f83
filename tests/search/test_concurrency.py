"""Concurrent changes and drains on PostgreSQL leave the index exactly in step."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from materials.models import Material
from search.models import IndexChange
from search.tasks import schedule_indexing
from tests.factories import PublishedMaterialFactory
from tests.search.helpers import indexed_ids


def run_in_threads(function, items) -> list[BaseException]:
    errors: list[BaseException] = []

    def worker(item):
        try:
            function(item)
        except BaseException as error:  # noqa: BLE001 - asserted by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def change(material, *, title: str, live: bool) -> None:
    """A committed change with its outbox row; its commit starts a drain."""
    with transaction.atomic():
        Material.objects.filter(pk=material.pk).update(title=title, live=live)
        schedule_indexing(kind="material", object_id=material.pk)


# Skipped before any database set-up: a transactional test with serialized
# rollback has nothing to prove on SQLite and would only reload its data.
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL for real concurrent transactions",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_changes_and_drains(search_engine):
    """Drains racing each other and new commits never leave a stale document.

    Every commit starts its own drain, so ten threads committing changes to
    the same few materials run ten overlapping drains; the versions on each
    write keep an older reading from overwriting a newer one.
    """
    materials = [PublishedMaterialFactory(title=f"Tài liệu {n}") for n in range(4)]
    call_command("search_reindex", "--no-progress")
    plan = [
        (materials[n % 4], f"Tài liệu {n % 4} bản {n}", n % 3 != 0) for n in range(12)
    ]
    errors = run_in_threads(
        lambda step: change(step[0], title=step[1], live=step[2]), plan
    )
    assert not errors
    assert not IndexChange.objects.exists(), "every drain must settle its rows"
    call_command("search_check")
    live = Material.objects.filter(live=True)
    assert indexed_ids() == {f"material-{material.pk}" for material in live}
