import pytest
from django.urls import reverse

from tests.factories import StudentFactory
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def student(db):
    return StudentFactory(username="hoc_sinh")


def _sign_in(client, password=PASSWORD, username="hoc_sinh", **extra):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **extra
    )


def _signed_in(client) -> bool:
    return client.get("/").context["user"].is_authenticated


def test_sign_in_and_out(client, student):
    response = _sign_in(client)

    assert response.status_code == 302
    assert _signed_in(client)
    client.post(reverse("accounts:logout"))
    assert not _signed_in(client)


def test_a_wrong_password_is_refused(client, student):
    response = _sign_in(client, password="sai mật khẩu")

    assert "Please enter a correct username and password." in response.content.decode()
    assert not _signed_in(client)


def test_repeated_failures_lock_the_account_for_a_while(client, student, settings):
    settings.ACCOUNTS_SIGN_IN_MAX_FAILURES = 3
    settings.ACCOUNTS_SIGN_IN_LOCKOUT_SECONDS = 600
    for _ in range(3):
        _sign_in(client, password="sai mật khẩu")

    response = _sign_in(client)

    assert (
        "Too many failed sign-in attempts. Wait 10 minutes, then try again."
        in response.content.decode()
    )
    assert not _signed_in(client)


def test_the_limit_also_holds_per_address_across_account_names(
    client, student, settings
):
    settings.ACCOUNTS_SIGN_IN_MAX_FAILURES = 3
    for name in ("a", "b", "c"):
        _sign_in(client, username=name, password="x")

    response = _sign_in(client)

    assert "Too many failed sign-in attempts." in response.content.decode()


def test_other_addresses_are_not_locked_out_of_other_accounts(
    client, student, settings
):
    settings.ACCOUNTS_SIGN_IN_MAX_FAILURES = 3
    StudentFactory(username="khac")
    for _ in range(3):
        _sign_in(client, username="khac", password="x", REMOTE_ADDR="10.0.0.1")

    response = _sign_in(client, username="hoc_sinh", REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 302


def test_a_success_clears_the_accounts_failures(client, student, settings):
    settings.ACCOUNTS_SIGN_IN_MAX_FAILURES = 3
    _sign_in(client, password="x", REMOTE_ADDR="10.0.0.1")
    _sign_in(client, password="x", REMOTE_ADDR="10.0.0.2")
    _sign_in(client, REMOTE_ADDR="10.0.0.3")
    client.post(reverse("accounts:logout"))

    _sign_in(client, password="x", REMOTE_ADDR="10.0.0.4")
    response = _sign_in(client, REMOTE_ADDR="10.0.0.5")

    assert response.status_code == 302


def test_the_header_links_to_sign_in_and_sign_up(client, db):
    html = client.get("/").content.decode()

    assert 'href="/accounts/login/"' in html
    assert 'href="/accounts/signup/"' in html


def test_signed_in_learners_see_my_learning_in_the_header(client, student):
    client.force_login(student)

    html = client.get("/").content.decode()

    assert f'href="{reverse("courses:my_learning")}"' in html


OTHER_SIGN_IN_FORMS = [
    pytest.param("/admin/login/", id="wagtail-admin"),
    pytest.param("/django-admin/login/", id="django-admin"),
]


@pytest.mark.parametrize("path", OTHER_SIGN_IN_FORMS)
def test_failures_on_the_admin_sign_in_forms_count_towards_the_limit(
    client, settings, path
):
    from tests.factories import CuratorFactory

    CuratorFactory(username="kiem_duyet", is_staff=True)
    settings.ACCOUNTS_SIGN_IN_MAX_FAILURES = 3
    for _ in range(3):
        client.post(path, {"username": "kiem_duyet", "password": "sai mật khẩu"})

    client.post(path, {"username": "kiem_duyet", "password": PASSWORD})

    assert not _signed_in(client)
    refused = _sign_in(client, username="kiem_duyet")
    assert "Too many failed sign-in attempts" in refused.content.decode()


def test_failures_on_the_public_form_lock_the_admin_sign_in_too(client, settings):
    from tests.factories import CuratorFactory

    CuratorFactory(username="kiem_duyet", is_staff=True)
    settings.ACCOUNTS_SIGN_IN_MAX_FAILURES = 3
    for _ in range(3):
        _sign_in(client, username="kiem_duyet", password="sai mật khẩu")

    client.post("/admin/login/", {"username": "kiem_duyet", "password": PASSWORD})

    assert not _signed_in(client)


def test_wagtails_own_sign_in_address_leads_to_the_sites_sign_in_page(client, db):
    response = client.get("/_util/login/?next=/khoa-hoc/")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/khoa-hoc/"
