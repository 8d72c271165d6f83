"""Site administrators approve in the "Curator review" workflow too.

They already see the review queue and hold the publish permissions; without
membership of the review task their approvals were refused.
"""

from django.db import migrations

TASK_NAME = "Curator approval"
ROLE = "Site administrator"


def forwards(apps, schema_editor):
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=ROLE).first()
    for task in GroupApprovalTask.objects.filter(name=TASK_NAME):
        if group:
            task.groups.add(group)


def backwards(apps, schema_editor):
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(name=TASK_NAME):
        task.groups.remove(*task.groups.filter(name=ROLE))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_invitation_permissions"),
        ("materials", "0002_curator_review"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
