"""Check an Open Badges 3.0 credential or CLR 2.0 transcript file as the
verification page does."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from courses.credentials.checking import Outcome, check_credential

# Exit codes a script can tell apart: 0 valid, 1 not valid, 3 partly checked.
PARTLY_CHECKED = 3


class Command(BaseCommand):
    help = (
        "Check a credential or transcript JSON file: signature, issuer, "
        "revocation and dates, and those of each course in a transcript. "
        "Exits 0 when valid, 1 when not, 3 when some checks cannot be made here "
        "(another issuer's keys or revocation list)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", type=Path, help="The credential (JSON), or - for stdin."
        )

    def handle(self, *args, file: Path, **options) -> None:
        report = check_credential(self._read(file))
        if report.problem:
            raise CommandError(report.problem)
        self._write_checks(report.checks, indent="")
        for number, part in enumerate(report.parts, start=1):
            title = part.achievement_name or part.problem
            self.stdout.write(f"credential {number}: {part.outcome} - {title}")
            self._write_checks(part.checks, indent="  ")
        if report.outcome == Outcome.FAILED:
            raise CommandError(report.verdict)
        if report.outcome == Outcome.UNKNOWN:
            raise CommandError(report.verdict, returncode=PARTLY_CHECKED)
        self.stdout.write(self.style.SUCCESS(report.verdict))

    def _write_checks(self, checks: list, *, indent: str) -> None:
        for check in checks:
            line = f"{indent}{check.name}: {check.outcome} - {check.message}"
            self.stdout.write(line + (f" ({check.detail})" if check.detail else ""))

    def _read(self, file: Path) -> bytes:
        if str(file) == "-":
            return sys.stdin.buffer.read()
        try:
            return file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file} cannot be read: {error.strerror}.") from None
