"""Site administrators invite teachers."""

from django.db import migrations

from accounts.migrations._permissions import grant, revoke

CODES = [
    "accounts.add_teacherinvitation",
    "accounts.change_teacherinvitation",
    "accounts.view_teacherinvitation",
]


def forwards(apps, schema_editor):
    grant(apps, "Site administrator", CODES)


def backwards(apps, schema_editor):
    revoke(apps, "Site administrator", CODES)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_teacher_invitation")]

    operations = [migrations.RunPython(forwards, backwards)]
