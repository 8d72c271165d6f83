"""A new web worker compiles the project's templates before its first visitor."""

import logging

from lms.warmup import _project_template_names, warm_up, warm_up_worker


class _Worker:
    def __init__(self):
        self.log = logging.getLogger("test-worker")


def test_every_project_template_compiles_before_the_first_request():
    names = _project_template_names()

    assert warm_up() == len(names)
    assert "base.html" in names
    assert "includes/course_card.html" in names
    assert not any(name.startswith("wagtailadmin/") for name in names)


def test_a_failed_warm_up_is_logged_and_the_worker_still_starts(monkeypatch, caplog):
    def broken():
        raise RuntimeError("database unreachable")

    monkeypatch.setattr("lms.warmup.warm_up", broken)

    with caplog.at_level(logging.ERROR):
        warm_up_worker(_Worker())

    assert "warm-up failed" in caplog.text
