"""Password sign-in with the failed-attempt limit, for every sign-in form.

The site's form, Wagtail's admin form and Django's admin form all end in
``django.contrib.auth.authenticate``; putting the limit here, rather than in
one form, means no form is a way around it. Failures are counted from the
``user_login_failed`` signal and cleared on ``user_logged_in``.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts import ratelimit


class RateLimitedModelBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs,
    ):
        if request is not None and ratelimit.is_locked(request, username or ""):
            # Stops authenticate() outright: no other backend is asked.
            raise PermissionDenied
        return super().authenticate(request, username, password, **kwargs)


def count_failure(
    sender, credentials: dict, request: HttpRequest | None = None, **kwargs
) -> None:
    if request is not None:
        ratelimit.record_failure(request, credentials.get("username") or "")


def clear_failures(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None:
        ratelimit.reset(request, user.get_username())
