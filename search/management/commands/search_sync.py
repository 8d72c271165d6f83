from django.core.management.base import BaseCommand, CommandError

from search.management.commands._engine import require_engine
from search.outbox import drain


class Command(BaseCommand):
    help = "Apply every pending search index change now, ignoring retry delays."

    def handle(self, *args, **options):
        require_engine()
        report = drain(due_only=False)
        self.stdout.write(
            f"Indexed {report.indexed}, deleted {report.deleted}, failed {report.failed}."
        )
        if report.failed:
            raise CommandError(
                "Some changes could not be indexed and stay queued: "
                + "; ".join(report.errors[:5])
            )
