"""Write the key file that signs certificates' Open Badges credentials."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from courses.credentials.did import issuer_did, verification_method_id
from courses.credentials.keys import (
    CredentialKeyError,
    configured_key_file,
    development_key_file,
    new_keyring,
    read_key_file,
    write_key_file,
)


class Command(BaseCommand):
    help = (
        "Write a credential signing key file (CREDENTIALS_KEY_FILE, else "
        "var/credentials-key.json). --rotate makes a new active key and keeps "
        "the previous ones as retired, so credentials already issued still "
        "verify; --force replaces the file, and earlier credentials stop "
        "verifying."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, help="Where to write the key file.")
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--rotate",
            action="store_true",
            help="New active key; the current keys stay in the DID document.",
        )
        group.add_argument(
            "--force",
            action="store_true",
            help="Overwrite an existing key file with a single new key.",
        )

    def handle(self, *args, file=None, rotate=False, force=False, **options):
        path = file or configured_key_file() or development_key_file()
        previous = None
        if rotate:
            if not path.exists():
                raise CommandError(f"{path} does not exist: there is no key to rotate.")
            try:
                previous = read_key_file(path)
            except CredentialKeyError as problem:
                raise CommandError(str(problem)) from None
        elif path.exists() and not force:
            raise CommandError(
                f"{path} already exists. Use --rotate to add a new active key and "
                "keep the current one for credentials already issued, or --force "
                "to overwrite it (credentials signed with it will stop verifying)."
            )
        keyring = new_keyring(previous)
        write_key_file(path, keyring)
        method = verification_method_id(issuer_did(), keyring.active_id)
        self.stdout.write(f"Wrote {path}: active key {method}")
        if keyring.retired:
            self.stdout.write(f"{len(keyring.retired)} retired key(s) still verify.")
