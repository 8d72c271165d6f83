"""Wagtail hooks of the project itself (not of one app)."""

from wagtail import hooks

from lms.page_cache import allow_public_page

hooks.register("before_serve_page", allow_public_page)
