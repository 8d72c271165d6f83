from django.core.management.base import BaseCommand

from opendata.xapi.forwarding import forward_pending
from opendata.xapi.lrs import lrs_config
from opendata.xapi.services import retry_failed_statements


class Command(BaseCommand):
    help = "Send pending xAPI statements to the LRS (run from cron as a safety net)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Queue statements that were given up on before sending.",
        )

    def handle(self, *args, retry_failed: bool = False, **options):
        if lrs_config() is None:
            self.stderr.write(
                "LRS_ENDPOINT is not set; statements stay stored locally."
            )
            return
        if retry_failed:
            self.stdout.write(f"Queued again: {retry_failed_statements()}")
        report = forward_pending(max_batches=10_000)
        self.stdout.write(
            f"Sent: {report.sent}, to retry: {report.retrying}, failed: {report.failed}"
        )
        if report.stopped:
            self.stderr.write(
                "The LRS refused the platform itself (check LRS_ENDPOINT, the "
                "LRS base URL, and LRS_USERNAME/LRS_PASSWORD); nothing was "
                f"given up on: {report.stopped}"
            )
        for error in report.errors[:10]:
            self.stderr.write(error)
