"""Two curators approving the same material at once publish it once."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from wagtail.models import ModelLogEntry

from materials import services
from materials.models import Material
from materials.processing import process_material
from tests.factories import CuratorFactory, MaterialFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks; SQLite serialises every writer",
    ),
]


def test_two_simultaneous_approvals_publish_once():
    material = MaterialFactory()
    material.save_revision(user=material.author)
    process_material(material.pk)
    services.material_submit_for_review(material=material, user=material.author)
    curators = [CuratorFactory(), CuratorFactory()]
    barrier = threading.Barrier(len(curators))
    outcomes: list[str] = []

    def approve(curator):
        try:
            barrier.wait(timeout=10)
            services.material_approve(
                material=Material.objects.get(pk=material.pk), user=curator
            )
            outcomes.append("published")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(c,)) for c in curators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == [
        "This material is not waiting for review.",
        "published",
    ]
    material.refresh_from_db()
    assert material.live
    publishes = ModelLogEntry.objects.for_instance(material).filter(
        action="wagtail.publish"
    )
    assert publishes.count() == 1
