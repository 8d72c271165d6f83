"""The four roles as groups, with the model permissions each role needs.

Object-level rules (a teacher edits only their own materials) are enforced in
code on top of these.
"""

from django.db import migrations

from accounts.migrations._permissions import grant

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


def create_roles(apps, schema_editor):
    for role, codes in ROLE_PERMISSIONS.items():
        grant(apps, role, codes)


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
