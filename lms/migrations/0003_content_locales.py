"""Vietnamese and English content: a Locale for each, and an English tree.

Wagtail's own migration created only the default language's Locale. The
English home page is a translation of the Vietnamese one (same
translation_key), a sibling under the tree's root, so Wagtail serves it to
readers whose language is English; the English catalogue sits under it, with
the same editing permissions and curator review as the Vietnamese one.
"""

from django.db import migrations

DEFAULT_LANGUAGE = "vi"
ENGLISH = "en"
ROOT_PATH = "0001"
HOME_PATH = "00010001"
ENGLISH_HOME = {
    "title": "Home",
    "slug": "home-en",
    "headline": "Open digital learning materials and courses",
    "intro": "<p>Open materials for teachers and students across the country.</p>",
}
ENGLISH_CATALOGUE = {
    "title": "Courses",
    "slug": "courses",
    "intro": "<p>Open, free courses built by teachers across the country.</p>",
}


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore.Page")
    vi, _ = Locale.objects.get_or_create(language_code=DEFAULT_LANGUAGE)
    en, _ = Locale.objects.get_or_create(language_code=ENGLISH)
    home = Page.objects.filter(path=HOME_PATH).first()
    if home is None or Page.objects.filter(
        translation_key=home.translation_key, locale=en
    ).exists():
        return
    english_home = _translate_home(apps, home, en)
    catalogue = Page.objects.filter(
        path__startswith=HOME_PATH, depth=3, content_type__model="coursecatalogpage"
    ).first()
    if catalogue is not None:
        _translate_catalogue(apps, catalogue, english_home, en)


def _translate_home(apps, home, locale):
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("lms.HomePage")
    root = Page.objects.get(path=ROOT_PATH)
    last = Page.objects.filter(depth=2).order_by("-path").first()
    english = HomePage.objects.create(
        **ENGLISH_HOME,
        draft_title=ENGLISH_HOME["title"],
        content_type_id=home.content_type_id,
        locale=locale,
        translation_key=home.translation_key,
        path=f"{ROOT_PATH}{int(last.path[-4:]) + 1:04d}",
        depth=2,
        numchild=0,
        url_path=f"/{ENGLISH_HOME['slug']}/",
        live=True,
    )
    Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    # No featured courses of its own: it shows the Vietnamese home's choice,
    # each course in the reader's language (lms.selectors).
    return english


def _translate_catalogue(apps, catalogue, english_home, locale):
    Page = apps.get_model("wagtailcore.Page")
    CourseCatalogPage = apps.get_model("courses.CourseCatalogPage")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    english = CourseCatalogPage.objects.create(
        **ENGLISH_CATALOGUE,
        draft_title=ENGLISH_CATALOGUE["title"],
        content_type_id=catalogue.content_type_id,
        locale=locale,
        translation_key=catalogue.translation_key,
        path=f"{english_home.path}0001",
        depth=3,
        numchild=0,
        url_path=f"{english_home.url_path}{ENGLISH_CATALOGUE['slug']}/",
        live=True,
    )
    Page.objects.filter(pk=english_home.pk).update(numchild=1)
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(
            group_id=row.group_id, page_id=english.pk, permission_id=row.permission_id
        )
        for row in GroupPagePermission.objects.filter(page_id=catalogue.pk)
    )
    for row in WorkflowPage.objects.filter(page_id=catalogue.pk):
        WorkflowPage.objects.create(page_id=english.pk, workflow_id=row.workflow_id)


def remove_english_tree(apps, schema_editor):
    """Back to one language: the English tree goes, the Vietnamese one stays."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore.Page")
    english = Page.objects.filter(depth=2, locale__language_code=ENGLISH).first()
    if english is None:
        return
    Page.objects.filter(path__startswith=english.path).delete()
    root = Page.objects.get(path=ROOT_PATH)
    Page.objects.filter(pk=root.pk).update(numchild=root.numchild - 1)
    if not Page.objects.filter(locale__language_code=ENGLISH).exists():
        Locale.objects.filter(language_code=ENGLISH).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_create_home_page"),
        ("courses", "0003_course_catalogue"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, remove_english_tree)]
