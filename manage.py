#!/usr/bin/env python
"""Django's command-line utility, with start-up errors explained in one line."""

import os
import sys

# Commands that must work without a reachable database.
OFFLINE_COMMANDS = {
    "check",
    "collectstatic",
    "compilemessages",
    "help",
    "makemessages",
    "makemigrations",
    "version",
}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    from lms.startup import ensure_database_reachable, explain_start_up_errors

    def start() -> None:
        import django
        from django.core.management import execute_from_command_line

        django.setup()
        command = sys.argv[1] if len(sys.argv) > 1 else "help"
        if command not in OFFLINE_COMMANDS and not command.startswith("-"):
            ensure_database_reachable()
        execute_from_command_line(sys.argv)

    explain_start_up_errors(start)


if __name__ == "__main__":
    main()
