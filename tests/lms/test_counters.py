"""Views and downloads: counted per hit, written to the row in batches when
Redis is there, and never lost between a hit and a flush."""

import pytest

from lms import counters
from lms.signals import search_relevant_change
from materials.services import material_record_download, material_record_view
from tests.factories import PublishedMaterialFactory

pytestmark = pytest.mark.django_db


def _told_search():
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append((instance.pk, kwargs.get("figures_only")))

    search_relevant_change.connect(receiver, dispatch_uid="test-counters", weak=False)
    return seen


def test_without_redis_each_hit_reaches_the_row(settings):
    settings.COUNTERS_REDIS_URL = ""
    material = PublishedMaterialFactory(view_count=0, download_count=0)

    material_record_view(material=material)
    material_record_download(material=material)

    material.refresh_from_db()
    assert (material.view_count, material.download_count) == (1, 1)


def test_with_redis_hits_wait_for_the_flush_and_none_are_lost(batched_counters):
    first = PublishedMaterialFactory(view_count=5, download_count=0)
    second = PublishedMaterialFactory(view_count=0, download_count=0)
    for _ in range(3):
        material_record_view(material=first)
    material_record_view(material=second)
    material_record_download(material=second)

    first.refresh_from_db()
    assert first.view_count == 5, "a hit wrote the hot row directly"
    assert counters.pending(counters.MATERIAL_VIEWS, first.pk) == 3

    seen = _told_search()
    try:
        moved = counters.flush()
    finally:
        search_relevant_change.disconnect(dispatch_uid="test-counters")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.view_count, second.view_count, second.download_count) == (8, 1, 1)
    assert moved == {
        "materials.Material.view_count": 2,
        "materials.Material.download_count": 1,
        "courses.CoursePage.enrolment_count": 0,
    }
    assert seen == [(second.pk, True)], "search re-reads only moved downloads"
    assert counters.pending(counters.MATERIAL_VIEWS, first.pk) == 0
    assert counters.flush() == {
        "materials.Material.view_count": 0,
        "materials.Material.download_count": 0,
        "courses.CoursePage.enrolment_count": 0,
    }


def test_a_failed_flush_keeps_its_batch_for_the_next(batched_counters, monkeypatch):
    material = PublishedMaterialFactory(view_count=0)
    material_record_view(material=material)

    def broken(counter, totals):
        raise RuntimeError("database went away")

    monkeypatch.setattr(counters, "_add", broken)
    with pytest.raises(RuntimeError):
        counters.flush()
    material_record_view(material=material)  # a hit while the batch waits
    monkeypatch.undo()

    assert counters.pending(counters.MATERIAL_VIEWS, material.pk) == 2
    counters.flush()
    material.refresh_from_db()
    assert material.view_count == 2
