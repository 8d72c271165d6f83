"""What every page shares: messages, form labels, confirmations, the icon."""

import pytest
from django.contrib.staticfiles import finders
from django.test import TestCase
from lxml import html as lxml_html

from materials import services as material_services
from tests.factories import TeacherFactory
from tests.factories.materials import material_metadata, uploaded
from tests.materials.files import PDF

pytestmark = pytest.mark.django_db

PASSWORD = "một mật khẩu đủ dài 2026"


def _tree(response):
    return lxml_html.fromstring(response.content.decode())


def test_the_welcome_after_sign_up_shows_once_on_the_home_page(
    client, settings, home_page
):
    settings.ACCOUNTS_EMAIL_CONFIRMATION = False
    settings.LANGUAGE_CODE = "en"

    response = client.post(
        "/accounts/signup/",
        {
            "username": "le_lan",
            "display_name": "Lê Thị Lan",
            "email": "lan@example.edu.vn",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/"
    assert response.content.decode().count("Welcome! Your account is ready.") == 1
    assert _tree(response).xpath("//main//*[contains(@class, 'message--success')]")


def test_a_message_after_an_action_shows_once(client, settings):
    settings.LANGUAGE_CODE = "en"
    teacher = TeacherFactory()
    material = _upload(teacher)
    client.force_login(teacher)

    response = client.post(f"/materials/{material.pk}/archive/", follow=True)

    assert response.content.decode().count(f"Done: {material.title}") == 1


def test_material_filters_put_each_label_above_its_control(client):
    tree = _tree(client.get("/materials/"))

    fields = tree.xpath("//form[contains(@class, 'filters')]//*[@class='field']")
    assert len(fields) == 5
    for field in fields:
        label, control = field.getchildren()
        assert label.tag == "label"
        assert label.get("for") == control.get("id")


def _upload(teacher):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return material_services.material_upload(
            user=teacher,
            upload=uploaded("bai.pdf", PDF),
            filename="bai.pdf",
            metadata=material_metadata(),
        )


def test_archiving_a_material_asks_for_confirmation_first(client, settings):
    settings.LANGUAGE_CODE = "en"
    teacher = TeacherFactory()
    material = _upload(teacher)
    client.force_login(teacher)

    tree = _tree(client.get("/materials/mine/"))

    action = f"/materials/{material.pk}/archive/"
    forms = tree.xpath(f"//main//form[@action='{action}']")
    assert len(forms) == 1
    confirm = forms[0].xpath("ancestor::details[contains(@class, 'confirm')]")
    assert confirm, "the archive form is not behind a confirmation step"
    summary = confirm[0].find("summary")
    assert "button--danger" in summary.get("class")
    assert summary.text_content().split()[0] == "Archive"
    assert forms[0].xpath("string(.//button)") == "Yes, archive it"
    assert "button--danger-solid" in forms[0].xpath(".//button/@class")[0]


def test_the_site_has_an_icon_and_answers_for_favicon_ico(client):
    tree = _tree(client.get("/materials/"))

    icon = tree.xpath("//head/link[@rel='icon']")[0]
    assert icon.get("href") == "/static/favicon.svg"
    assert icon.get("type") == "image/svg+xml"
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.svg"
    with open(finders.find("favicon.svg"), "rb") as svg:
        assert svg.read().startswith(b"<svg")
