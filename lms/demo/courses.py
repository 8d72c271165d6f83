"""Published demo courses built through Wagtail's page tree and revisions."""

import zlib
from collections.abc import Callable

from django.db import transaction
from wagtail.models import Locale, Page

from accounts.models import User
from courses.models import CourseCatalogPage, CourseModulePage, CoursePage, LessonPage
from lms.demo.catalogue import DEMO_COURSES, DemoCourse, DemoLesson
from lms.demo.covers import cover_image
from lms.models import HomePage, HomePageFeaturedCourse
from lms.text import ascii_slug
from materials.models import Material

FEATURED_COURSES = 6


def seed_courses(
    *,
    count: int,
    teachers: list[User],
    curator: User,
    report: Callable[[int], None],
) -> int:
    """Create published courses until ``count`` exist; return how many were new."""
    catalogue = CourseCatalogPage.objects.get(locale=Locale.get_default())
    existing = set(
        CoursePage.objects.child_of(catalogue).values_list("slug", flat=True)
    )
    created = 0
    for number in range(count):
        plan = DEMO_COURSES[number % len(DEMO_COURSES)]
        edition = number // len(DEMO_COURSES) + 1
        slug = _course_slug(plan, edition)
        if slug in existing:
            continue
        teacher = teachers[number % len(teachers)]
        _create_course(catalogue, plan, edition, slug, teacher, curator)
        created += 1
        report(created)
    _feature_courses()
    return created


def _course_slug(plan: DemoCourse, edition: int) -> str:
    slug = ascii_slug(plan.title, max_length=200, fallback="course")
    return slug if edition == 1 else f"{slug}-{edition}"


def _create_course(catalogue, plan: DemoCourse, edition, slug, teacher, curator):
    title = plan.title if edition == 1 else f"{plan.title} ({edition})"
    cover = cover_image(title, subject=plan.subject)
    try:
        with transaction.atomic():
            cover.save()
            _create_course_pages(
                catalogue, plan, title, slug, cover, (teacher, curator)
            )
    except BaseException:
        cover.file.delete(save=False)
        raise


def _create_course_pages(catalogue, plan, title, slug, cover, people) -> None:
    teacher = people[0]
    course = CoursePage(
        title=title,
        slug=slug,
        summary=plan.summary,
        subject=plan.subject,
        grade=plan.grade,
        language=plan.language,
        estimated_hours=plan.hours,
        learning_outcomes="\n".join(plan.outcomes),
        cover_image=cover,
        owner=teacher,
    )
    course.teachers = [teacher]
    _publish(catalogue, course, people)
    materials = list(
        Material.objects.filter(live=True, subject=plan.subject).order_by("pk")[:4]
    )
    for module_number, (module_title, lessons) in enumerate(plan.modules, start=1):
        module = CourseModulePage(
            title=module_title, slug=f"chuong-{module_number}", owner=teacher
        )
        _publish(course, module, people)
        for lesson_number, lesson in enumerate(lessons, start=1):
            _publish(
                module,
                LessonPage(
                    title=lesson.title,
                    slug=f"bai-{lesson_number}",
                    summary=lesson.text[:200],
                    body=_lesson_body(lesson, materials),
                    owner=teacher,
                ),
                people,
            )


def _publish(parent: Page, page: Page, people: tuple[User, User]) -> None:
    """The teacher writes the page and the curator publishes it."""
    teacher, curator = people
    parent.add_child(instance=page)
    revision = page.save_revision(user=teacher, log_action=False)
    revision.publish(user=curator, log_action=False)


def _lesson_body(lesson: DemoLesson, materials: list[Material]) -> list:
    body: list = [("text", f"<p>{lesson.text}</p>")]
    if materials:
        material = materials[zlib.crc32(lesson.title.encode()) % len(materials)]
        body.append(("material", {"material": material, "note": ""}))
    if lesson.quiz:
        prompt, choices, answer = lesson.quiz
        body.append(("quiz", _quiz(lesson.title, prompt, choices, answer)))
    return body


def _quiz(title: str, prompt: str, choices: tuple[str, ...], answer: int) -> dict:
    return {
        "title": f"Câu hỏi ôn tập: {title}",
        "pass_mark": 100,
        "questions": [
            {
                "prompt": prompt,
                "allows_multiple": False,
                "choices": [
                    {"text": text, "is_correct": index == answer}
                    for index, text in enumerate(choices)
                ],
                "feedback": f"Đáp án đúng: {choices[answer]}",
            }
        ],
    }


def _feature_courses() -> None:
    home = HomePage.objects.get(locale=Locale.get_default())
    if HomePageFeaturedCourse.objects.filter(home_page=home).exists():
        return
    courses = CoursePage.objects.live().order_by("pk")[:FEATURED_COURSES]
    HomePageFeaturedCourse.objects.bulk_create(
        HomePageFeaturedCourse(home_page=home, course=course, sort_order=order)
        for order, course in enumerate(courses)
    )
