"""Curators and site administrators translate pages (Wagtail's "Translate"
action from wagtail.contrib.simple_translation). The copy is a draft in the
other language's tree and goes through the same curator review to be
published. Teachers are left out for now: the action copies whole subtrees,
and their admin is kept to their own courses."""

from django.db import migrations

from accounts.migrations._permissions import grant, revoke

CODES = ["simple_translation.submit_translation"]
ROLES = ("Curator", "Site administrator")


def forwards(apps, schema_editor):
    for role in ROLES:
        grant(apps, role, CODES)


def backwards(apps, schema_editor):
    for role in ROLES:
        revoke(apps, role, CODES)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_preferred_language_optional"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
