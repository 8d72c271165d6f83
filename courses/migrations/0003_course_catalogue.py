"""The course catalogue page, who may edit under it, and its curator review."""

from django.db import migrations

HOME_PATH = "00010001"
CATALOGUE_PATH = HOME_PATH + "0001"
ROLE_PAGE_PERMISSIONS = {
    "Teacher": ["add_page", "change_page"],
    "Curator": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Site administrator": [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "delete_page",
    ],
}


def create_catalogue(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    CourseCatalogPage = apps.get_model("courses.CourseCatalogPage")

    home = Page.objects.get(path=HOME_PATH)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="coursecatalogpage"
    )
    path = HOME_PATH + f"{home.numchild + 1:04d}"
    catalogue = CourseCatalogPage.objects.create(
        title="Khóa học",
        draft_title="Khóa học",
        slug="courses",
        intro="<p>Các khóa học mở, miễn phí, do giáo viên trên cả nước xây dựng.</p>",
        content_type=content_type,
        locale_id=home.locale_id,
        path=path,
        depth=3,
        numchild=0,
        url_path="/home/courses/",
        live=True,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)

    for role, codenames in ROLE_PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=catalogue.pk,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    WorkflowPage.objects.update_or_create(
        page_id=catalogue.pk,
        defaults={"workflow": Workflow.objects.get(name="Curator review")},
    )


def remove_catalogue(apps, schema_editor):
    apps.get_model("courses.CourseCatalogPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_initial"),
        ("lms", "0002_create_home_page"),
        ("materials", "0002_curator_review"),
    ]

    operations = [migrations.RunPython(create_catalogue, remove_catalogue)]
