from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, TransportError

from search.checking import check
from search.client import SearchUnavailable, indexing_client
from search.management.commands._engine import require_engine


class Command(BaseCommand):
    help = "Report differences between published content and the search index."

    def handle(self, *args, **options):
        require_engine()
        try:
            report = check(indexing_client())
        except (TransportError, ApiError, SearchUnavailable) as error:
            raise CommandError(
                f"The search engine cannot be reached: {error}"
            ) from error
        for label, ids in (
            ("Missing from the index", report.missing),
            ("Stale in the index", report.stale),
            ("In the index but not published", report.extra),
        ):
            self.stdout.write(f"{label}: {len(ids)}")
            for uid in ids[:50]:
                self.stdout.write(f"  {uid}")
        self.stdout.write(f"Pending changes in the outbox: {report.pending}")
        if not report.clean:
            raise CommandError(
                "The index differs from the database; run search_sync, "
                "or search_reindex to rebuild."
            )
        self.stdout.write(self.style.SUCCESS("The index matches the database."))
