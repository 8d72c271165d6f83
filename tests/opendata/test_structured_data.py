"""JSON-LD and OpenGraph in the head of course, lesson and material pages."""

import json

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from lxml import html

from lms.vocabulary import GradeLevel, Licence, MaterialType
from tests.factories import PublishedMaterialFactory


def head_data(client, url: str) -> tuple[dict, dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    document = html.fromstring(response.content)
    [script] = document.xpath('//head/script[@type="application/ld+json"]')
    meta = {
        element.get("property"): element.get("content")
        for element in document.xpath("//head/meta[@property]")
    }
    return json.loads(script.text), meta


LRMI = {
    "educationalLevel",
    "learningResourceType",
    "inLanguage",
    "license",
    "teaches",
    "timeRequired",
    "isAccessibleForFree",
}


def test_course_page_describes_a_course(client, repository):
    course = repository.courses[0]
    data, meta = head_data(client, course.url)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Course"
    assert data.keys() >= LRMI
    assert data["name"] == "Sinh học tế bào"
    assert data["teaches"] == ["Mô tả cấu trúc tế bào", "Giải thích quang hợp"]
    assert data["timeRequired"] == "PT2H30M"
    assert data["educationalLevel"] == str(GradeLevel.GRADE_6.label)
    assert data["inLanguage"] == "vi"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["isAccessibleForFree"] is True
    assert data["hasCourseInstance"]["courseMode"] == "online"
    assert data["instructor"] == [{"@type": "Person", "name": "Nguyễn Thị Lan"}]
    assert data["url"] == f"http://testserver{course.url}"
    assert meta["og:type"] == "website"
    assert meta["og:title"] == "Sinh học tế bào"
    assert meta["og:url"] == data["url"]
    assert meta["og:locale"] == "vi_VN"


def test_lesson_page_is_a_learning_resource_in_its_course(client, repository):
    lesson = repository.lessons[0]
    data, meta = head_data(client, lesson.url)
    assert data["@type"] == "LearningResource"
    assert data.keys() >= LRMI
    assert data["timeRequired"] == "PT20M"
    assert data["learningResourceType"] == "Lesson"
    assert data["isPartOf"]["name"] == "Sinh học tế bào"
    assert data["license"] == Licence.CC_BY.url
    assert meta["og:type"] == "article"


def test_material_page_is_a_learning_resource_with_its_file(client, repository):
    material = repository.materials[0]
    data, meta = head_data(client, material.get_absolute_url())
    assert data["@type"] == "LearningResource"
    assert data.keys() >= LRMI
    assert data["learningResourceType"] == str(MaterialType.WORKSHEET.label)
    assert data["educationalLevel"] == [
        str(GradeLevel.GRADE_6.label),
        str(GradeLevel.GRADE_10.label),
    ]
    assert data["timeRequired"] == "PT6M"
    assert sorted(data["teaches"]) == ["luyện tập", "ôn thi"]
    assert data["encoding"]["encodingFormat"] == "application/pdf"
    assert data["author"] == [{"@type": "Person", "name": "Nguyễn Thị Lan"}]
    assert meta["og:title"] == material.title


def test_video_material_time_required_is_its_duration(client, repository):
    data, _meta = head_data(client, repository.materials[2].get_absolute_url())
    assert data["timeRequired"] == "PT12M34S"
    assert data["inLanguage"] == "en"


@pytest.mark.parametrize("title", ["</script><script>alert(1)</script>", "A & B <c>"])
def test_titles_cannot_break_out_of_the_script(client, db, title):
    material = PublishedMaterialFactory(title=title, page_count=4)
    response = client.get(material.get_absolute_url())
    assert b"<script>alert(1)" not in response.content
    data, meta = head_data(client, material.get_absolute_url())
    assert data["name"] == title
    assert meta["og:title"] == title
    assert data["timeRequired"] == "PT12M"


def test_a_published_change_is_in_the_next_description(
    client, repository, django_capture_on_commit_callbacks
):
    """The description is kept between readers, but not past a publish."""
    course = repository.courses[0]
    head_data(client, course.url)
    course.title = "Sinh học tế bào nâng cao"
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    data, meta = head_data(client, course.url)
    assert data["name"] == "Sinh học tế bào nâng cao"
    assert meta["og:title"] == "Sinh học tế bào nâng cao"


def test_each_language_reads_its_own_description(client, repository, settings):
    """A description kept for Vietnamese readers is not shown to English ones."""
    course = repository.courses[0]
    vietnamese, vi_meta = head_data(client, course.url)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english, en_meta = head_data(client, course.url)
    assert vi_meta["og:locale"] == "vi_VN"
    assert en_meta["og:locale"] == "en_US"
    assert vietnamese["educationalLevel"] != english["educationalLevel"]


def test_each_address_reads_its_own_links(client, repository, settings):
    """A description kept for one host name never links readers to another."""
    settings.ALLOWED_HOSTS = ["testserver", "hoc.example.vn"]
    course = repository.courses[0]
    head_data(client, course.url)
    response = client.get(course.url, HTTP_HOST="hoc.example.vn")
    assert b"http://hoc.example.vn" + course.url.encode() in response.content
    assert b"http://testserver" not in response.content


def test_a_preview_describes_the_draft_and_readers_the_live_page(client, repository):
    """An editor's preview is described as drafted, and never kept for readers."""
    course = repository.courses[0]
    head_data(client, course.url)
    course.title = "Bản nháp chưa xuất bản"
    preview_request = RequestFactory().get(course.url)  # the readers' address
    preview_request.is_preview = True
    preview = Template("{% load opendata_tags %}{% structured_data page %}").render(
        Context({"request": preview_request, "page": course})
    )
    [script] = html.fromstring(preview).xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text)["name"] == "Bản nháp chưa xuất bản"

    data, _meta = head_data(client, course.url)
    assert data["name"] == "Sinh học tế bào"
