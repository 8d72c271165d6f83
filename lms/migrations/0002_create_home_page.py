from django.db import migrations

HOME_PATH = "00010001"


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("lms.HomePage")

    # Replace Wagtail's placeholder welcome page (its Site goes with it).
    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2
    ).delete()
    content_type, _ = ContentType.objects.get_or_create(
        app_label="lms", model="homepage"
    )
    home = HomePage.objects.create(
        title="Trang chủ",
        draft_title="Trang chủ",
        slug="home",
        headline="Kho học liệu số và khóa học mở",
        intro="<p>Học liệu mở cho giáo viên và học sinh trên cả nước.</p>",
        content_type=content_type,
        locale=Locale.objects.order_by("pk").first(),
        path=HOME_PATH,
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True,
        site_name="Kho học liệu số",
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("lms.HomePage").objects.filter(path=HOME_PATH).delete()


class Migration(migrations.Migration):
    dependencies = [("lms", "0001_initial")]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
