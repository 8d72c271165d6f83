"""Accounts a platform already signed in keep their grade pass-back: mark
them, since completions now look for line items only on marked accounts."""

from django.db import migrations


def mark_platform_accounts(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Identity = apps.get_model("lti", "Identity")
    User.objects.filter(
        pk__in=Identity.objects.values("user_id"), from_lms=False
    ).update(from_lms=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0010_from_lms"),
        ("lti", "0002_site_administrators_register_platforms"),
    ]

    operations = [
        migrations.RunPython(mark_platform_accounts, migrations.RunPython.noop),
    ]
