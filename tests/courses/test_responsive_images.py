"""Course covers, catalogue cards and lesson figures come in several WebP
widths, with the width the layout shows them at, so that a phone downloads a
small file and the page does not jump while the picture arrives."""

import pytest
from lxml import html

from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    MaterialImageFactory,
)

pytestmark = pytest.mark.django_db


def page_images(client, url: str, css_class: str | None = None) -> list:
    response = client.get(url)
    assert response.status_code == 200
    document = html.fromstring(response.content)
    images = document.xpath("//main//img")
    if css_class is not None:
        images = [image for image in images if css_class in image.classes]
    return images


def webp_widths(image) -> list[int]:
    """The widths the ``srcset`` offers, after checking each file is WebP."""
    srcset = image.get("srcset")
    assert srcset, f"no srcset: {html.tostring(image, encoding=str)}"
    widths = []
    for candidate in srcset.split(","):
        url, descriptor = candidate.split()
        assert url.endswith(".webp"), url
        assert descriptor.endswith("w"), descriptor
        widths.append(int(descriptor.removesuffix("w")))
    return widths


def large_image(**fields):
    """An image larger than every width offered, so that none is capped."""
    return MaterialImageFactory(width=1600, height=900, **fields)


def test_course_cover_is_offered_in_several_webp_widths(client):
    course = CoursePageFactory(cover_image=large_image())

    [cover] = page_images(client, course.url, "course__cover")

    # Shown at most 36rem (576 px) wide, so 1280 serves a 2x screen.
    assert webp_widths(cover) == [480, 640, 960, 1280]
    assert cover.get("src").endswith(".webp")
    assert "100vw" in cover.get("sizes")
    assert "36rem" in cover.get("sizes")
    # The first thing on the page below the heading, so it is not deferred.
    assert cover.get("loading") is None
    assert cover.get("alt") == ""


def test_course_cover_keeps_the_shape_covers_are_drawn_in(client):
    """A 16:9 cover is not cropped on the course page, which would cut the
    title drawn on it."""
    course = CoursePageFactory(cover_image=large_image())

    [cover] = page_images(client, course.url, "course__cover")

    assert (cover.get("width"), cover.get("height")) == ("480", "270")


def test_catalogue_cards_offer_their_covers_in_several_webp_widths(client, catalogue):
    CoursePageFactory(parent=catalogue, cover_image=large_image())

    [card_image] = page_images(client, catalogue.url, "card__image")

    # Up to 31rem (496 px) wide on a 33rem phone: 1280 serves it at 2x.
    assert webp_widths(card_image) == [320, 480, 640, 960, 1280]
    assert "100vw" in card_image.get("sizes")
    assert card_image.get("loading") == "lazy"
    assert (card_image.get("width"), card_image.get("height")) == ("320", "180")
    assert card_image.get("alt") == ""


def test_lesson_figures_are_offered_in_several_webp_widths_with_their_alt_text(
    client,
):
    diagram, ornament = large_image(), large_image()
    lesson = LessonPageFactory(
        body=[
            ("text", "<p>Lá cây hấp thụ ánh sáng.</p>"),
            (
                "image",
                {"image": diagram, "alt_text": "Sơ đồ lá cây", "decorative": False},
            ),
            ("image", {"image": ornament, "alt_text": "", "decorative": True}),
        ]
    )

    figures = page_images(client, lesson.url)

    assert [figure.get("alt") for figure in figures] == ["Sơ đồ lá cây", ""]
    for figure in figures:
        assert webp_widths(figure) == [320, 480, 640, 960]
        assert "100vw" in figure.get("sizes")
        assert figure.get("loading") == "lazy"
        assert (figure.get("width"), figure.get("height")) == ("320", "180")


def test_a_lesson_whose_image_was_deleted_shows_no_empty_figure(client):
    image = large_image()
    lesson = LessonPageFactory(
        body=[
            ("text", "<p>Lá cây hấp thụ ánh sáng.</p>"),
            ("image", {"image": image, "alt_text": "Lá cây", "decorative": False}),
        ]
    )
    image.delete()

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert "Lá cây hấp thụ ánh sáng." in response.content.decode()
    assert "<figure" not in response.content.decode()
