"""Site administrators register LMS platforms; nobody else may."""

from django.db import migrations

from accounts.migrations._permissions import grant, revoke

CODES = [
    "lti.add_registration",
    "lti.change_registration",
    "lti.delete_registration",
    "lti.view_registration",
]


def forwards(apps, schema_editor):
    grant(apps, "Site administrator", CODES)


def backwards(apps, schema_editor):
    revoke(apps, "Site administrator", CODES)


class Migration(migrations.Migration):
    dependencies = [("lti", "0001_initial"), ("accounts", "0005_site_administrators_review")]

    operations = [migrations.RunPython(forwards, backwards)]
