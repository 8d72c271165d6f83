"""Background delivery of scores to the platforms."""

from django_tasks import task

from lti.services.grades import scores_send
from lti.services.housekeeping import launch_rows_prune


@task(queue_name="default")
def send_scores(ids: list[int]) -> dict[str, int]:
    """Post the scores just recorded (a failed one waits for the retry run)."""
    return scores_send(ids=ids)


@task(queue_name="default")
def retry_scores() -> dict[str, int]:
    """Post every waiting score whose next attempt is due (PERIODIC_TASKS)."""
    return scores_send()


@task(queue_name="default")
def prune_launch_rows() -> dict[str, int]:
    """Forget one-time launch rows nobody can use any more (PERIODIC_TASKS)."""
    return launch_rows_prune()
