import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from opendata.models import XapiStatement


class Command(BaseCommand):
    help = "Write stored xAPI 1.0.3 statements as one JSON array, oldest first."

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", help="Only statements at or after this ISO time."
        )
        parser.add_argument("--user", type=int, help="Only this learner's statements.")

    def handle(self, *args, since=None, user=None, **options):
        rows = XapiStatement.objects.order_by("timestamp", "pk")
        if since:
            moment = parse_datetime(since)
            if moment is None or moment.tzinfo is None:
                raise CommandError("--since must be an ISO date-time with a time zone.")
            rows = rows.filter(timestamp__gte=moment)
        if user is not None:
            rows = rows.filter(user_id=user)
        payloads = [row.payload for row in rows.iterator()]
        self.stdout.write(json.dumps(payloads, ensure_ascii=False, indent=2))
