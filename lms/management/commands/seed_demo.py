"""Load realistic demo content; safe to run again (it adds only what is missing)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo.courses import seed_courses
from lms.demo.learning import seed_learning
from lms.demo.materials import process_demo_materials, seed_materials
from lms.demo.people import ensure_demo_accounts

DEFAULT_MATERIALS = 84  # the first topic of every subject and grade, in every kind
DEFAULT_COURSES = 13
PROCESSED_MATERIALS = 120


class Command(BaseCommand):
    help = "Create demo accounts, published courses with lessons and materials."

    def add_arguments(self, parser):
        parser.add_argument("--materials", type=int, default=DEFAULT_MATERIALS)
        parser.add_argument("--courses", type=int, default=DEFAULT_COURSES)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (demo accounts have published passwords).",
        )

    def handle(self, *args, materials: int, courses: int, force: bool, **options):
        self.verbosity = options.get("verbosity", 1)
        if materials < 0 or courses < 0:
            raise CommandError("--materials and --courses must be zero or more.")
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to seed demo accounts with DEBUG off: their passwords are "
                "public. Pass --force for a benchmark or a throwaway deployment."
            )
        users = ensure_demo_accounts()
        teachers = [users["teacher.lan"], users["teacher.minh"]]
        new_materials = seed_materials(
            count=materials, authors=teachers, report=self._progress("materials")
        )
        processed = process_demo_materials(limit=PROCESSED_MATERIALS)
        new_courses = seed_courses(
            count=courses,
            teachers=teachers,
            curator=users["curator"],
            report=self._progress("courses"),
        )
        seed_learning(users)
        if self.verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content ready: {new_materials} new materials, "
                    f"{new_courses} new courses, {processed} materials sent for "
                    "processing. `manage.py welcome` lists the demo accounts."
                )
            )

    def _progress(self, what: str):
        """Counts on one line, for a person watching a terminal only."""
        shown = self.verbosity > 0 and self.stdout.isatty()

        def report(done: int) -> None:
            if shown:
                self.stdout.write(f"  {what}: {done} created", ending="\r")
                self.stdout.flush()

        return report
