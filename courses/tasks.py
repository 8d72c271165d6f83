"""Background work for courses, run by the project's task queue."""

from django_tasks import task

from courses.services.cartridge_import import cartridge_import_run


@task()
def cartridge_import_task(job_id: int) -> str:
    """Import the job's cartridge as a draft course; returns the final status."""
    return cartridge_import_run(job_id=job_id).status
