"""Publishing, editing, unpublishing and deleting keep the public index in step."""

import pytest
from django.core.management import call_command
from django.http import QueryDict

from lms.signals import search_relevant_change
from search.indexing import refresh
from search.models import IndexChange
from search.queries import parse_params, search
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    MaterialFactory,
)
from tests.search.helpers import indexed_ids, publish, titles

pytestmark = pytest.mark.django_db


def test_published_material_becomes_searchable(
    search_engine, django_capture_on_commit_callbacks
):
    """A material found by its words, with or without diacritics, once published."""
    with django_capture_on_commit_callbacks(execute=True):
        material = publish(MaterialFactory(title="Quang hợp ở thực vật"))
    assert titles("q=quang+hop") == ["Quang hợp ở thực vật"]
    assert titles("q=Quang+hợp") == ["Quang hợp ở thực vật"]
    assert indexed_ids() == {f"material-{material.pk}"}
    assert not IndexChange.objects.exists()


def test_draft_material_is_never_indexed(
    search_engine, django_capture_on_commit_callbacks
):
    """Saving a draft revision does not reach the public index."""
    with django_capture_on_commit_callbacks(execute=True):
        MaterialFactory(title="Bản nháp bí mật").save_revision()
    assert titles("q=bi+mat") == []


def test_edit_of_published_material_replaces_the_document(
    search_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        material = publish(MaterialFactory(title="Hình học phẳng"))
    material.title = "Hình học không gian"
    with django_capture_on_commit_callbacks(execute=True):
        publish(material)
    assert titles("q=hinh+hoc") == ["Hình học không gian"]


def test_unpublished_and_deleted_material_leave_the_index(
    search_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = publish(MaterialFactory(title="Lịch sử Việt Nam"))
        withdrawn = publish(MaterialFactory(title="Lịch sử thế giới"))
        deleted = publish(MaterialFactory(title="Lịch sử địa phương"))
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
        deleted.delete()
    assert titles("q=lich+su") == ["Lịch sử Việt Nam"]
    assert indexed_ids() == {f"material-{kept.pk}"}


def test_popularity_change_updates_download_count(
    search_engine, django_capture_on_commit_callbacks
):
    """The signal for changes outside publishing refreshes the document."""
    with django_capture_on_commit_callbacks(execute=True):
        popular = publish(MaterialFactory(title="Đề kiểm tra Toán A"))
        publish(MaterialFactory(title="Đề kiểm tra Toán B"))
    popular.download_count = 42
    popular.save(update_fields=["download_count"])
    with django_capture_on_commit_callbacks(execute=True):
        search_relevant_change.send(sender=type(popular), instance=popular)
    assert titles("q=de+kiem+tra&sort=downloads")[0] == "Đề kiểm tra Toán A"


def test_course_and_lesson_publish_and_unpublish(
    search_engine, django_capture_on_commit_callbacks
):
    """Pages are indexed on publish; a lesson carries its course's title."""
    with django_capture_on_commit_callbacks(execute=True):
        course = CoursePageFactory(title="Sinh học tế bào", summary="Tế bào và mô")
        module = CourseModulePageFactory(parent=course, title="Chương 1")
        lesson = LessonPageFactory(parent=module, title="Màng tế bào")
    assert set(titles("q=te+bao")) == {"Sinh học tế bào", "Màng tế bào"}
    assert titles("q=sinh+hoc+te+bao&kind=lesson") == ["Màng tế bào"]
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert titles("q=te+bao") == ["Sinh học tế bào"]
    with django_capture_on_commit_callbacks(execute=True):
        course.delete()
    assert indexed_ids() == set()


def test_moving_a_module_updates_its_lessons_links(
    search_engine, django_capture_on_commit_callbacks
):
    """A lesson moved to another course is found under its new address and course."""
    with django_capture_on_commit_callbacks(execute=True):
        first = CoursePageFactory(title="Toán 6")
        second = CoursePageFactory(title="Toán 7")
        module = CourseModulePageFactory(parent=first, title="Phân số")
        lesson = LessonPageFactory(parent=module, title="Rút gọn phân số")
    with django_capture_on_commit_callbacks(execute=True):
        module.move(second, pos="last-child")
    lesson.refresh_from_db()
    refresh()
    refresh_hits = search(parse_params(QueryDict("q=rut+gon&kind=lesson"))).hits
    assert [hit.url for hit in refresh_hits] == [lesson.url]
    second.refresh_from_db()
    assert lesson.url.startswith(second.url)
    call_command("search_check")


def test_one_transaction_enqueues_one_drain(
    search_engine, django_capture_on_commit_callbacks
):
    """A course publish records its lessons too, but asks for a single drain."""
    with django_capture_on_commit_callbacks(execute=True):
        course = CoursePageFactory(title="Hóa học 8")
        module = CourseModulePageFactory(parent=course)
        for number in range(3):
            LessonPageFactory(parent=module, title=f"Bài {number}")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(course)
    drains = [c for c in callbacks if type(c).__name__ == "_DrainAfterCommit"]
    assert len(drains) == 1
    assert len(drains[0].change_ids) >= 4
    assert not IndexChange.objects.exists()


def test_enrolling_updates_a_courses_popularity_in_the_index(
    search_engine, django_capture_on_commit_callbacks
):
    """Search ranks courses by learners, so enrolments reach the index."""
    from courses.services import enrolment_cancel, enrolment_create
    from search.client import get_client
    from search.indexing import alias_name
    from tests.factories import StudentFactory

    def popularity(course) -> int:
        refresh()
        document = get_client().get(index=alias_name(), id=f"course-{course.pk}")
        return document["_source"]["popularity"]

    with django_capture_on_commit_callbacks(execute=True):
        course = publish(CoursePageFactory(title="Sinh học 10: Tế bào"))
    learners = [StudentFactory(), StudentFactory()]
    with django_capture_on_commit_callbacks(execute=True):
        for learner in learners:
            enrolment_create(learner=learner, course=course)
    assert popularity(course) == 2

    with django_capture_on_commit_callbacks(execute=True):
        enrolment_cancel(learner=learners[0], course=course)
    assert popularity(course) == 1


def test_an_enrolment_reindexes_its_course_but_not_the_lessons(
    django_capture_on_commit_callbacks,
):
    """Lesson documents carry no learner count, so a popular course's
    enrolments do not queue every one of its lessons again."""
    from courses.services import enrolment_create
    from tests.factories import StudentFactory

    course = CoursePageFactory(title="Địa lí 9: Dân cư")
    module = CourseModulePageFactory(parent=course)
    for number in range(3):
        LessonPageFactory(parent=module, title=f"Bài {number}")
    IndexChange.objects.all().delete()

    enrolment_create(learner=StudentFactory(), course=course)

    assert list(IndexChange.objects.values_list("kind", "object_id")) == [
        ("course", course.pk)
    ]
