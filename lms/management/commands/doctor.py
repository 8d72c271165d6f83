from django.core.management.base import BaseCommand, CommandError

from lms.doctor import Level, examine

MARKS = {Level.OK: "ok     ", Level.WARNING: "WARNING", Level.ERROR: "ERROR  "}


class Command(BaseCommand):
    help = (
        "Check this deployment's configuration and services, and say in plain "
        "words what is wrong. Exits non-zero when there is an error."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet",
            action="store_true",
            help="Print only warnings and errors.",
        )

    def handle(self, *args, quiet: bool, **options):
        findings = examine()
        for finding in findings:
            if quiet and finding.level is Level.OK:
                continue
            line = f"{MARKS[finding.level]} {finding.topic}: {finding.message}"
            style = {
                Level.OK: self.style.SUCCESS,
                Level.WARNING: self.style.WARNING,
                Level.ERROR: self.style.ERROR,
            }[finding.level]
            self.stdout.write(style(line))
        errors = sum(f.level is Level.ERROR for f in findings)
        warnings = sum(f.level is Level.WARNING for f in findings)
        summary = f"{errors} error(s), {warnings} warning(s)."
        if errors:
            raise CommandError(summary, returncode=1)
        self.stdout.write(summary)
