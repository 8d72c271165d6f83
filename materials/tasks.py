"""Background work for materials, run by the project's task queue."""

from django_tasks import task

from materials.processing import process_material


@task(queue_name="processing")
def process_material_task(material_id: int) -> str:
    """Derive thumbnail, pages, text and checksum; returns the final status."""
    return process_material(material_id).processing_status
