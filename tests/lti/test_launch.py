"""Launching a lesson from an LMS: signed in, enrolled, on the lesson."""

from __future__ import annotations

import re
import time
from html import unescape

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from accounts.models import User
from courses.models import Enrolment
from lti.models import Identity
from tests.factories.courses import LessonPageFactory
from tests.lti.conftest import start_login
from tests.lti.platform import CLAIM, CLIENT_ID

pytestmark = pytest.mark.django_db


def _launch(client, platform, headers=None, **overrides):
    request = start_login(client)
    return client.post(
        "/lti/launch/",
        {
            "id_token": platform.id_token(request["nonce"], **overrides),
            "state": request["state"],
        },
        headers=headers,
    )


def test_login_initiation_asks_the_platform_to_authenticate(client, registration):
    request = start_login(client, "https://tool.example/lesson")

    assert request["client_id"] == CLIENT_ID
    assert request["redirect_uri"] == "http://testserver/lti/launch/"
    assert request["response_mode"] == "form_post"
    assert request["login_hint"] == "42"
    assert len(request["state"]) > 30 and len(request["nonce"]) > 30
    cookie = client.cookies["lti1p3_state"]
    assert cookie.value == request["state"]
    assert cookie["samesite"] == "None" and cookie["secure"]


def test_a_launch_signs_the_learner_in_and_lands_on_the_lesson(
    client, registration, platform
):
    lesson = LessonPageFactory(title="Quang hợp ở thực vật")
    custom = {"target": f"lesson-{lesson.pk}"}

    response = _launch(client, platform, **{CLAIM + "custom": custom})
    response = client.get(response["Location"])

    assert response.status_code == 302
    assert response["Location"] == lesson.url
    page = client.get(lesson.url)
    assert "Quang hợp ở thực vật" in page.content.decode()
    user = User.objects.get(lti_identities__subject="moodle-user-42")
    assert page.wsgi_request.user == user
    assert user.display_name == "Nguyễn Thị Hoa"
    assert user.email == "hoa.nguyen@truong-thpt.example.vn"
    assert not user.has_usable_password()
    course = lesson.get_parent().get_parent()
    assert Enrolment.objects.filter(learner=user, course_id=course.pk).exists()


def test_the_target_link_uri_leads_to_the_page_it_names(client, registration, platform):
    lesson = LessonPageFactory()

    response = _launch(
        client,
        platform,
        **{CLAIM + "target_link_uri": f"http://testserver{lesson.url}"},
    )

    assert response.status_code == 302, response.content.decode()
    assert client.get(response["Location"])["Location"] == lesson.url


def test_a_second_launch_signs_in_the_same_account(client, registration, platform):
    lesson = LessonPageFactory()
    for _ in range(2):
        _launch(
            client, platform, **{CLAIM + "custom": {"target": f"lesson-{lesson.pk}"}}
        )

    assert Identity.objects.count() == 1
    assert User.objects.filter(lti_identities__isnull=False).count() == 1


def test_inside_an_iframe_the_course_opens_in_a_new_window(
    client, registration, platform
):
    lesson = LessonPageFactory()
    request = start_login(client)

    response = client.post(
        "/lti/launch/",
        {
            "id_token": platform.id_token(
                request["nonce"],
                **{CLAIM + "custom": {"target": f"lesson-{lesson.pk}"}},
            ),
            "state": request["state"],
        },
        headers={"Sec-Fetch-Dest": "iframe"},
    )

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors 'self' https:" in response["Content-Security-Policy"]
    assert 'target="_blank"' in response.content.decode()
    assert "Open in a new window" in response.content.decode()


def test_the_hand_off_link_works_once(client, registration, platform):
    lesson = LessonPageFactory()
    response = _launch(
        client, platform, **{CLAIM + "custom": {"target": f"lesson-{lesson.pk}"}}
    )
    client.get(response["Location"])
    client.logout()

    again = client.get(response["Location"])

    assert again.status_code == 400
    assert "expired or was already used" in again.content.decode()


def _assert_refused(response, status: int, words: str) -> None:
    assert response.status_code == status
    assert words in response.content.decode()
    assert not User.objects.filter(lti_identities__isnull=False).exists()
    assert not User.objects.filter(email__startswith="hoa.nguyen").exists()
    assert not Enrolment.objects.exists()


@pytest.fixture
def lesson_claims(db):
    lesson = LessonPageFactory()
    return {CLAIM + "custom": {"target": f"lesson-{lesson.pk}"}}


def test_a_bad_signature_is_refused(client, registration, platform, lesson_claims):
    other_key = rsa.generate_private_key(65537, 2048)

    response = _launch(client, platform, key=other_key, **lesson_claims)

    _assert_refused(response, 403, "signature is not valid")


def test_a_token_for_another_tool_is_refused(
    client, registration, platform, lesson_claims
):
    response = _launch(client, platform, aud="another-tool", **lesson_claims)

    _assert_refused(response, 403, "meant for another tool")


def test_an_expired_token_is_refused(client, registration, platform, lesson_claims):
    past = int(time.time()) - 3600

    response = _launch(client, platform, iat=past - 300, exp=past, **lesson_claims)

    _assert_refused(response, 400, "has expired")


def test_a_reused_nonce_is_refused(client, registration, platform, lesson_claims):
    request = start_login(client)
    form = {
        "id_token": platform.id_token(request["nonce"], **lesson_claims),
        "state": request["state"],
    }
    assert client.post("/lti/launch/", form).status_code == 302
    client.logout()
    client.cookies["lti1p3_state"] = request["state"]
    identities = Identity.objects.count()

    response = client.post("/lti/launch/", form)

    assert response.status_code == 400
    assert "already used" in response.content.decode()
    assert Identity.objects.count() == identities


def test_a_nonce_from_another_sign_in_is_refused(
    client, registration, platform, lesson_claims
):
    first = start_login(client)
    second = start_login(client)

    response = client.post(
        "/lti/launch/",
        {
            "id_token": platform.id_token(first["nonce"], **lesson_claims),
            "state": second["state"],
        },
    )

    _assert_refused(response, 400, "nonce is not the one issued")


def test_an_unknown_issuer_is_refused_at_login(client, registration):
    response = client.get(
        "/lti/login/",
        {
            "iss": "https://unknown.example",
            "login_hint": "1",
            "target_link_uri": "https://x",
        },
    )

    assert response.status_code == 403
    assert "not registered with this site" in response.content.decode()


def test_a_token_from_another_issuer_is_refused(
    client, registration, platform, lesson_claims
):
    response = _launch(client, platform, iss="https://unknown.example", **lesson_claims)

    _assert_refused(response, 403, "comes from another platform")


def test_an_unknown_deployment_is_refused(
    client, registration, platform, lesson_claims
):
    response = _launch(
        client, platform, **{CLAIM + "deployment_id": "elsewhere"}, **lesson_claims
    )

    _assert_refused(response, 403, "deployment is not registered")


def test_a_launch_without_the_login_cookie_is_refused(
    client, registration, platform, lesson_claims
):
    request = start_login(client)
    del client.cookies["lti1p3_state"]

    response = client.post(
        "/lti/launch/",
        {
            "id_token": platform.id_token(request["nonce"], **lesson_claims),
            "state": request["state"],
        },
    )

    _assert_refused(response, 400, "Open the link in a new window")
    retry = re.search(
        r'href="(/lti/login/\?[^"]+)" target="_blank"', response.content.decode()
    )
    again = client.get(unescape(retry.group(1)))
    assert again.status_code == 302
    assert "login_hint=42" in again["Location"]


def test_the_error_page_speaks_vietnamese(
    client, registration, platform, lesson_claims
):
    response = _launch(
        client,
        platform,
        aud="another-tool",
        headers={"Accept-Language": "vi"},
        **lesson_claims,
    )

    html = response.content.decode()
    assert response.status_code == 403
    assert "Không mở được khóa học" in html
    assert "id_token dành cho một công cụ khác" in html


def test_a_platform_that_rotated_its_key_is_read_again(
    client, registration, platform, lesson_claims
):
    assert _launch(client, platform, **lesson_claims).status_code == 302
    platform.key, platform.kid = rsa.generate_private_key(65537, 2048), "key-2"
    client.logout()

    response = _launch(client, platform, **lesson_claims)

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("claim", "value", "words"),
    [
        (CLAIM + "version", "1.1", "Only LTI version 1.3.0"),
        (CLAIM + "message_type", "LtiSubmissionReviewRequest", "not supported"),
        (CLAIM + "resource_link", {}, "names no resource link"),
    ],
)
def test_other_lti_messages_are_refused(
    client, registration, platform, lesson_claims, claim, value, words
):
    response = _launch(client, platform, **{**lesson_claims, claim: value})

    _assert_refused(response, 400, words)
