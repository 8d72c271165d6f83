"""Permission helpers for data migrations that give roles their rights.

Django creates model permissions after migrations run, and Wagtail adds the
publish/lock ones for snippets then too, so a migration that grants them
creates them first.
"""

from django.contrib.auth.management import create_permissions

WAGTAIL_ACTIONS = {"publish", "lock", "unlock"}


def ensure_permissions(apps) -> None:
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(apps, code: str):
    """A permission by ``app_label.codename``; Wagtail's publish/lock ones are
    made here if they do not exist yet."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    app_label, codename = code.split(".")
    try:
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )
    except Permission.DoesNotExist:
        action, model = codename.split("_", 1)
        if action not in WAGTAIL_ACTIONS:
            raise
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        return Permission.objects.create(
            content_type=content_type, codename=codename, name=f"Can {action} {model}"
        )


def grant(apps, role: str, codes: list[str]) -> None:
    ensure_permissions(apps)
    group, _ = apps.get_model("auth.Group").objects.get_or_create(name=role)
    group.permissions.add(*(get_permission(apps, code) for code in codes))


def revoke(apps, role: str, codes: list[str]) -> None:
    group = apps.get_model("auth.Group").objects.filter(name=role).first()
    if group:
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label=app_label, codename=codename
                )
            )
