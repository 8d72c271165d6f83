import pytest
from django.urls import reverse

from tests.factories import CuratorFactory, StudentFactory
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

WAIT_ONE_SECOND = {
    "en": "Too many failed sign-in attempts. Wait 1 second, then try again.",
    "vi": "Đăng nhập sai quá nhiều lần. Hãy chờ 1 giây rồi thử lại.",
}


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


def test_the_header_links_to_sign_in_and_sign_up(client, db):
    html = client.get("/").content.decode()

    assert 'href="/accounts/login/"' in html
    assert 'href="/accounts/signup/"' in html


def test_signed_in_learners_see_my_learning_in_the_header(client, student):
    client.force_login(student)

    html = client.get("/").content.decode()

    assert f'href="{reverse("courses:my_learning")}"' in html


def test_wagtails_own_sign_in_address_leads_to_the_sites_sign_in_page(client, db):
    response = client.get("/_util/login/?next=/khoa-hoc/")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/khoa-hoc/"


# Every way in with a password: (path, what a signed-in success answers).
DOORS = [
    pytest.param("/accounts/login/", 302, id="site"),
    pytest.param("/admin/login/", 302, id="wagtail-admin"),
    pytest.param("/django-admin/login/", 302, id="django-admin"),
    pytest.param("/api/v1/auth/token/", 200, id="api-token"),
]


def _shown(response) -> list[str]:
    """The errors the person (or the API client) reads in the answer."""
    if response["Content-Type"].startswith("application/json"):
        return [response.json()["error"]["message"]]
    errors = list(response.context["form"].non_field_errors())
    assert all(error in response.content.decode() for error in errors)
    return errors


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize(("door", "success"), DOORS)
def test_every_door_says_the_same_thing_while_the_limit_holds(
    client, settings, clock, door, success, language
):
    """A refused attempt reads "wait N seconds" on every door, in the
    reader's language, never "wrong password"; after the wait the right
    password gets in through that same door."""
    settings.LANGUAGE_CODE = language
    CuratorFactory(username="kiem_duyet", is_staff=True, is_superuser=True)
    for _ in range(settings.ACCOUNTS_SIGN_IN_FREE_FAILURES):
        client.post(door, {"username": "kiem_duyet", "password": "sai mật khẩu"})

    refused = client.post(door, {"username": "kiem_duyet", "password": PASSWORD})

    assert _shown(refused) == [WAIT_ONE_SECOND[language]]
    if door.startswith("/api/"):
        assert refused.status_code == 429
        assert refused["Retry-After"] == "1"
        assert refused.json()["error"] == {
            "code": "throttled",
            "message": WAIT_ONE_SECOND[language],
            "details": {},
        }
    else:
        assert not _signed_in(client)
    clock.advance(1)
    admitted = client.post(door, {"username": "kiem_duyet", "password": PASSWORD})
    assert admitted.status_code == success


@pytest.mark.parametrize(("door", "success"), DOORS)
def test_failures_at_any_door_count_at_the_others(client, settings, door, success):
    CuratorFactory(username="kiem_duyet", is_staff=True)
    for _ in range(settings.ACCOUNTS_SIGN_IN_FREE_FAILURES):
        client.post(door, {"username": "kiem_duyet", "password": "sai mật khẩu"})

    refused = _sign_in(client, username="kiem_duyet")

    assert _shown(refused) == [WAIT_ONE_SECOND["en"]]
