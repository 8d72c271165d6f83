"""JSON-LD and OpenGraph in the head of course, lesson and material pages."""

import json

import pytest
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
