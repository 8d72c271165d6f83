"""Every learning material goes through the curators before the public sees it."""

from django.db import migrations

WORKFLOW_NAME = "Curator review"
TASK_NAME = "Curator approval"


def create_review(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(Group.objects.get(name="Curator"))
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    material_type, _ = ContentType.objects.get_or_create(
        app_label="materials", model="material"
    )
    WorkflowContentType.objects.update_or_create(
        content_type=material_type, defaults={"workflow": workflow}
    )


def remove_review(apps, schema_editor):
    apps.get_model("wagtailcore.WorkflowContentType").objects.filter(
        content_type__app_label="materials", content_type__model="material"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0001_initial"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_review, remove_review)]
