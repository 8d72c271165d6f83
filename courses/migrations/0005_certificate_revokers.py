"""Curators and site administrators may revoke certificates."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVOKERS = ["Curator", "Site administrator"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(
        content_type__app_label="courses", codename="revoke_certificate"
    )
    for group in Group.objects.filter(name__in=REVOKERS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(
        content_type__app_label="courses", codename="revoke_certificate"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_progress_and_certificates"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
