"""What a newcomer needs once `make run` is up: where the site is, and how to
sign in as each demo role and where that role's work starts."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from accounts.models import User
from accounts.selectors import start_page, users_with_roles
from lms.demo.people import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Print the site's address and the demo accounts with their start pages."

    def handle(self, *args, **options):
        site = settings.SITE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"\nThe site is ready at {site}/"))
        people = users_with_roles().in_bulk(
            [account.username for account in DEMO_ACCOUNTS], field_name="username"
        )
        if not people:
            return
        self.stdout.write("\nSign in as (role, username, password, starts at):")
        for account in DEMO_ACCOUNTS:
            user: User | None = people.get(account.username)
            if user is None:
                continue
            self.stdout.write(
                f"  {account.role.label:<20} {account.username:<14} "
                f"{account.password:<20} {site}{reverse(start_page(user))}"
            )
        self.stdout.write("\nStop with Ctrl-C.\n")
