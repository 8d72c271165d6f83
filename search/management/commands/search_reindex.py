from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, TransportError

from search.client import SearchUnavailable, engine_configured, indexing_client
from search.indexing import ReindexError, alias_name, indices_behind, rebuild
from search.management.commands._engine import NO_ENGINE_NOTICE
from search.outbox import drain


class Command(BaseCommand):
    help = (
        "Build a fresh search index from the database and switch the alias to it "
        "atomically; searches keep using the old index until the switch."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep", type=int, default=1, help="Previous indices to keep (default 1)."
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help=(
                "Only build when no index serves yet, else apply the changes "
                "waiting in the outbox (for start-up scripts)."
            ),
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, keep, if_missing, no_progress, **options):
        if keep < 0:
            raise CommandError("--keep must be 0 or more.")
        if not engine_configured():
            if if_missing:  # start-up scripts: the site runs without an engine
                self.stdout.write(NO_ENGINE_NOTICE)
                return
            raise CommandError(NO_ENGINE_NOTICE)
        try:
            client = indexing_client()
            if if_missing and indices_behind(client, alias_name()):
                pending = drain(due_only=False)
                self.stdout.write(
                    f"A search index already serves; applied {pending.indexed} "
                    f"changes and {pending.deleted} removals waiting for it."
                )
                return
            report = rebuild(client=client, progress=not no_progress, keep=keep)
        except ReindexError as error:
            raise CommandError(f"Reindex refused: {error}") from error
        except (TransportError, ApiError, SearchUnavailable) as error:
            raise CommandError(
                f"The search engine cannot be reached: {error}"
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report.indexed} documents into {report.index}; "
                f"{alias_name()} now points to it."
            )
        )
        if report.pruned:
            self.stdout.write("Removed old indices: " + ", ".join(report.pruned))
