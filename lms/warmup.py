"""Work a fresh web worker does before its first visitor arrives.

A worker imports view modules when the URLconf is first resolved, reads the
translation catalogues on first use and compiles each template the first
time it renders. Left to the first requests, that made a new or recycled
worker answer its first visitors seconds late (bench/RESULTS.md). Gunicorn's
``post_worker_init`` hook calls ``warm_up()`` before the worker accepts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)


def warm_up() -> int:
    """Load the URLconf, the catalogues and every template of the project's
    own apps; return how many templates were compiled."""
    get_resolver().url_patterns  # noqa: B018 - imports every view module
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Home")
    names = sorted(_project_template_names())
    for name in names:
        get_template(name)
    return len(names)


def _project_template_names() -> set[str]:
    base = Path(settings.BASE_DIR).resolve()
    roots = [Path(folder) for folder in settings.TEMPLATES[0].get("DIRS", [])]
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts:
            roots.append(path / "templates")
    return {
        file.relative_to(root).as_posix()
        for root in roots
        if root.is_dir()
        for file in root.rglob("*")
        if file.suffix in {".html", ".txt", ".xml"} and file.is_file()
    }


def warm_up_worker(worker) -> None:
    """Gunicorn hook: a failure is logged, never keeps the worker down."""
    try:
        count = warm_up()
    except Exception:
        logger.exception("warm-up failed; the first requests will be slower")
    else:
        worker.log.info("warmed up: URLconf, catalogues, %d templates", count)
