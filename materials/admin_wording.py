"""Wagtail admin words that Wagtail translates once, for whoever came first.

A few of Wagtail's labels are translated when a module is imported or a menu
is first built, so every later reader gets that first language: the review
comment's label (in the language the site starts in), the listing's
"Updated" column, the "What's new" menu item. These make each of them
translate for the reader at hand, with Wagtail's own msgid (its catalogue and
framework_locale carry the Vietnamese), so nothing is added to ours.
"""

from __future__ import annotations

import copy

from django.utils.translation import gettext, gettext_lazy
from wagtail import __version__ as wagtail_version

# Aliases, so that makemessages leaves these msgids to Wagtail's catalogue.
wagtails_word = gettext
wagtails_lazy_word = gettext_lazy

WHATS_NEW = "What's new in Wagtail %(version)s"


def updated_column_label():
    """The "Updated" column's header, translated when a listing is shown."""
    return wagtails_lazy_word("Updated")


def translate_review_comment_label() -> None:
    """The comment field of approve / request changes, read in the reader's
    language (Wagtail's form translates its label at import)."""
    from wagtail.forms import TaskStateCommentForm

    TaskStateCommentForm.base_fields["comment"].label = wagtails_lazy_word("Comment")


def _main_version() -> str:
    return ".".join(wagtail_version.split(".")[:2])


def translate_help_menu(request, menu_items: list) -> None:
    """Wagtail builds the help menu's items once; this relabels a copy of
    "What's new in Wagtail" for each request instead of sharing the first
    reader's words."""
    for index, item in enumerate(menu_items):
        if item.name.startswith("whats-new-in-wagtail-"):
            relabelled = copy.copy(item)
            relabelled.label = wagtails_word(WHATS_NEW) % {"version": _main_version()}
            menu_items[index] = relabelled
