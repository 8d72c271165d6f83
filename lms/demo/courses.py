"""Published demo courses built through Wagtail's page tree and revisions."""

from collections.abc import Callable

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page

from accounts.models import User
from courses.models import CourseCatalogPage, CourseModulePage, CoursePage, LessonPage
from lms.demo.catalogue import DEMO_COURSES, DemoCourse, DemoLesson, DemoQuestion
from lms.demo.covers import cover_image
from lms.demo.figures import figure_image
from lms.models import HomePage, HomePageFeaturedCourse
from lms.text import ascii_slug
from lms.vocabulary import Language
from materials.models import Material, MaterialImage

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
    images: dict[str, MaterialImage] = {}
    try:
        images["cover"] = cover_image(title, subject=plan.subject)
        for lesson in plan.lessons:
            if lesson.figure:
                images[lesson.title] = figure_image(
                    lesson.figure.drawing, title=lesson.figure.title
                )
        with transaction.atomic():
            for image in images.values():
                image.save()
            _create_course_pages(
                catalogue, plan, title, slug, images, (teacher, curator)
            )
    except BaseException:
        for image in images.values():
            image.file.delete(save=False)
        raise


def _create_course_pages(catalogue, plan, title, slug, images, people) -> None:
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
        cover_image=images["cover"],
        owner=teacher,
    )
    course.teachers = [teacher]
    _publish(catalogue, course, people)
    materials = course_materials(plan)
    number = 0
    for module_number, (module_title, lessons) in enumerate(plan.modules, start=1):
        module = CourseModulePage(
            title=module_title, slug=f"chuong-{module_number}", owner=teacher
        )
        _publish(course, module, people)
        for lesson_number, lesson in enumerate(lessons, start=1):
            material = materials[number % len(materials)] if materials else None
            number += 1
            _publish(
                module,
                LessonPage(
                    title=lesson.title,
                    slug=f"bai-{lesson_number}",
                    summary=lesson.summary,
                    estimated_minutes=lesson.minutes,
                    body=lesson_body(
                        lesson,
                        images.get(lesson.title),
                        material,
                        english=plan.language == Language.ENGLISH,
                    ),
                    owner=teacher,
                ),
                people,
            )


def course_materials(plan: DemoCourse) -> list[Material]:
    """Published materials for the course's own subject and grade."""
    return list(
        Material.objects.filter(
            live=True,
            subject=plan.subject,
            grade_levels__icontains=f'"{plan.grade}"',
        ).order_by("pk")[:4]
    )


def _publish(parent: Page, page: Page, people: tuple[User, User]) -> None:
    """The teacher writes the page and the curator publishes it."""
    teacher, curator = people
    parent.add_child(instance=page)
    revision = page.save_revision(user=teacher, log_action=False)
    revision.publish(user=curator, log_action=False)


def lesson_body(
    lesson: DemoLesson,
    figure: MaterialImage | None,
    material: Material | None,
    *,
    english: bool,
) -> list:
    """Paragraphs with the figure among them, then a material and the quiz."""
    paragraphs = [f"<p>{escape(text)}</p>" for text in lesson.paragraphs]
    if not figure:
        body: list = [("text", "".join(paragraphs))]
    else:
        after = lesson.figure.after
        body = [("text", "".join(paragraphs[:after]))]
        body.append(("image", _image(figure, lesson.figure.alt_text)))
        if paragraphs[after:]:
            body.append(("text", "".join(paragraphs[after:])))
    if material:
        body.append(("material", {"material": material, "note": ""}))
    if lesson.quiz:
        heading = "Check your understanding" if english else "Câu hỏi ôn tập"
        body.append(("quiz", _quiz(f"{heading}: {lesson.title}", lesson.quiz)))
    return body


def _image(image: MaterialImage, alt_text: str) -> dict:
    return {"image": image, "alt_text": alt_text, "decorative": False}


def _quiz(title: str, questions: tuple[DemoQuestion, ...]) -> dict:
    return {
        "title": title,
        "pass_mark": 75,
        "questions": [
            {
                "prompt": question.prompt,
                "allows_multiple": question.allows_multiple,
                "choices": [
                    {"text": text, "is_correct": index in question.correct}
                    for index, text in enumerate(question.choices)
                ],
                "feedback": question.feedback,
            }
            for question in questions
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
