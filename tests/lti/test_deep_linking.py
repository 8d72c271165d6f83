"""A teacher picks our content from inside the LMS (LTI deep linking)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from lti.models import DeepLinkingRequest
from search.indexing import rebuild, refresh
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.materials import PublishedMaterialFactory
from tests.lti.conftest import start_login
from tests.lti.platform import CLAIM, CLIENT_ID, ISSUER

pytestmark = pytest.mark.django_db

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


def _picker(client, platform, *, roles=(INSTRUCTOR,)):
    request = start_login(client)
    token = platform.id_token(
        request["nonce"],
        **{
            CLAIM + "message_type": "LtiDeepLinkingRequest",
            CLAIM + "resource_link": None,
            CLAIM + "roles": list(roles),
            DL + "deep_linking_settings": {
                "deep_link_return_url": f"{platform.base_url}/deep-link-return",
                "accept_types": ["ltiResourceLink"],
                "accept_multiple": True,
                "accept_lineitem": True,
                "data": "platform-data-7",
            },
        },
    )
    return client.post("/lti/launch/", {"id_token": token, "state": request["state"]})


def test_a_teacher_picks_items_and_the_platform_gets_them_signed(
    client, registration, platform, search_engine
):
    course = CoursePageFactory(title="Quang hợp cho lớp 6")
    lesson = LessonPageFactory(title="Quang hợp và ánh sáng")
    PublishedMaterialFactory(title="Phiếu học tập quang hợp")
    CoursePageFactory(title="Phương trình bậc hai")
    rebuild(progress=False)
    refresh()
    picker_url = _picker(client, platform)["Location"]

    page = client.get(picker_url, {"q": "quang hop"})
    html = re.sub(r"<[^>]+>", "", page.content.decode())
    assert "Quang hợp cho lớp 6" in html and "Quang hợp và ánh sáng" in html
    assert "Phiếu học tập quang hợp" in html
    assert "Phương trình bậc hai" not in html
    lessons = client.get(picker_url, {"q": "quang hop", "kind": "lesson"})
    lessons_text = re.sub(r"<[^>]+>", "", lessons.content.decode())
    assert "Quang hợp và ánh sáng" in lessons_text
    assert "Quang hợp cho lớp 6" not in lessons_text
    response = client.post(
        picker_url, {"item": [f"course-{course.pk}", f"lesson-{lesson.pk}"]}
    )

    html = response.content.decode()
    assert f'action="{platform.base_url}/deep-link-return"' in html
    jwt_value = unescape(re.search(r'name="JWT" value="([^"]+)"', html).group(1))
    claims = platform.verify_tool_jwt(jwt_value, audience=ISSUER)
    assert claims["iss"] == CLIENT_ID
    assert claims[CLAIM + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[CLAIM + "deployment_id"] == "deployment-1"
    assert claims[DL + "data"] == "platform-data-7"
    items = claims[DL + "content_items"]
    assert [item["title"] for item in items] == [
        "Quang hợp cho lớp 6",
        "Quang hợp và ánh sáng",
    ]
    assert items[0]["custom"] == {"target": f"course-{course.pk}"}
    assert "lineItem" not in items[0]
    assert items[1]["lineItem"]["scoreMaximum"] == 100
    assert items[1]["url"] == f"http://testserver{lesson.url}"
    assert (
        f"form-action 'self' {platform.base_url}" in response["Content-Security-Policy"]
    )


def test_the_choice_can_be_sent_once(client, registration, platform):
    course = CoursePageFactory()
    picker_url = _picker(client, platform)["Location"]
    client.post(picker_url, {"item": [f"course-{course.pk}"]})

    again = client.post(picker_url, {"item": [f"course-{course.pk}"]})

    assert again.status_code == 400
    assert "already sent" in again.content.decode()


def test_choosing_nothing_says_so(client, registration, platform):
    picker_url = _picker(client, platform)["Location"]

    response = client.post(picker_url, {"item": ["course-999999"]})

    assert response.status_code == 400
    assert "Choose at least one" in response.content.decode()
    assert DeepLinkingRequest.objects.get().used_at is None


def test_learners_cannot_choose_content(client, registration, platform):
    response = _picker(client, platform, roles=(LEARNER,))

    assert response.status_code == 403
    assert "Only teachers" in response.content.decode()
    assert not DeepLinkingRequest.objects.exists()
