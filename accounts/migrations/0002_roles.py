"""The four roles as groups, with the model permissions each role needs.

Object-level rules (a teacher edits only their own materials) are enforced in
code on top of these.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Student": [],
    "Teacher": [
        "wagtailadmin.access_admin",
        "materials.add_material",
        "materials.change_material",
        "materials.add_materialimage",
        "materials.choose_materialimage",
        "materials.add_materialdocument",
        "materials.choose_materialdocument",
    ],
    "Curator": [
        "wagtailadmin.access_admin",
        "materials.add_material",
        "materials.change_material",
        "materials.publish_material",
        "materials.lock_material",
        "materials.unlock_material",
        "materials.add_materialimage",
        "materials.change_materialimage",
        "materials.choose_materialimage",
        "materials.add_materialdocument",
        "materials.change_materialdocument",
        "materials.choose_materialdocument",
    ],
    "Site administrator": [
        "wagtailadmin.access_admin",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "auth.view_group",
        "materials.add_material",
        "materials.change_material",
        "materials.delete_material",
        "materials.publish_material",
        "materials.lock_material",
        "materials.unlock_material",
        "materials.add_materialimage",
        "materials.change_materialimage",
        "materials.delete_materialimage",
        "materials.choose_materialimage",
        "materials.add_materialdocument",
        "materials.change_materialdocument",
        "materials.delete_materialdocument",
        "materials.choose_materialdocument",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
    ],
}


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(apps, code):
    """A permission by code; Wagtail's publish/lock ones are made here if new."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    app_label, codename = code.split(".")
    try:
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )
    except Permission.DoesNotExist:
        action, model = codename.split("_", 1)
        if action not in {"publish", "lock", "unlock"}:
            raise
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        return Permission.objects.create(
            content_type=content_type, codename=codename, name=f"Can {action} {model}"
        )


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    for role, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for code in codes:
            group.permissions.add(get_permission(apps, code))


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("materials", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
