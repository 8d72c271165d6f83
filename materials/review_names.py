"""What a review email calls the thing under review, in words that fit its
sentence in either language.

Wagtail's emails put a model's verbose name into an English sentence, which
reads "the học liệu" in a Vietnamese email. Our sentences are translated
whole, and the name they take is one of these phrases, translated on its own
for the reader's language. Models are named by label so that this list does
not import the apps above ``materials``.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

# The context marks these as the object of a sentence ("sent the ... for
# review"), lower case, which a heading would not be.
REVIEW_NAMES: dict[str, Promise] = {
    "materials.material": pgettext_lazy("in a review email", "learning material"),
    "courses.coursepage": pgettext_lazy("in a review email", "course"),
    "courses.coursemodulepage": pgettext_lazy("in a review email", "course module"),
    "courses.lessonpage": pgettext_lazy("in a review email", "lesson"),
    "courses.coursecatalogpage": pgettext_lazy("in a review email", "course catalogue"),
    "lms.homepage": pgettext_lazy("in a review email", "home page"),
}
ANY_PAGE = pgettext_lazy("in a review email", "page")
ANYTHING_ELSE = pgettext_lazy("in a review email", "item")


def review_name(instance: Any) -> Promise:
    """The phrase for ``instance``; a lazy string, translated when rendered."""
    specific = getattr(instance, "specific", instance)
    label = specific._meta.label_lower
    if label in REVIEW_NAMES:
        return REVIEW_NAMES[label]
    return ANY_PAGE if hasattr(specific, "get_url_parts") else ANYTHING_ELSE
