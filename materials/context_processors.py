from functools import cached_property

from materials import selectors


class ReviewWaiting:
    """The review queue's length, counted only if a page shows it (the
    header does, to curators) and at most once per page."""

    @cached_property
    def count(self) -> int:
        return selectors.review_waiting_count()


def review_waiting(request) -> dict:
    return {"review_waiting": ReviewWaiting()}
