"""Background delivery of xAPI statements."""

from django.utils import timezone
from django_tasks import default_task_backend, task

from opendata.xapi.forwarding import forward_pending, next_due_at


@task(queue_name="default")
def forward_statements() -> dict[str, int]:
    """Send due statements; with a deferring backend, schedule the next retry."""
    report = forward_pending()
    due = next_due_at()
    if (
        report.retrying
        and due
        and due > timezone.now()
        and default_task_backend.supports_defer
    ):
        forward_statements.using(run_after=due).enqueue()
    return {"sent": report.sent, "retrying": report.retrying, "failed": report.failed}
