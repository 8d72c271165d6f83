"""Password sign-in with the failed-attempt limit, for every sign-in door.

The site's form, Wagtail's admin form, Django's admin form and the API's token
endpoint all end in ``django.contrib.auth.authenticate``; putting the limit
here, rather than in one door, means no door is a way around it. The backend
counts the outcome itself rather than from ``user_login_failed``: that signal
also fires for attempts the limit refused, which must not make the wait longer
(else an attacker hammering during the wait would keep the owner out).
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts import ratelimit
from accounts.models import User
from accounts.selectors import users_with_roles


class RateLimitedModelBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs,
    ):
        # Without a request (tests' client.login, the shell) there is no
        # address and nobody at a door; without a name and password this is
        # another kind of sign-in (single sign-on) that guesses nothing.
        if request is None or username is None or password is None:
            return super().authenticate(request, username, password, **kwargs)
        refused = ratelimit.attempt_start(request, username)
        if refused is not None:
            ratelimit.remember_refusal(request, refused)
            # Stops authenticate() outright: no other backend is asked.
            raise PermissionDenied
        try:
            user = super().authenticate(request, username, password, **kwargs)
            ratelimit.attempt_finish(request, username, succeeded=user is not None)
        finally:
            ratelimit.attempt_release(request, username)
        return user

    def get_user(self, user_id):
        """The signed-in person, with their roles read in the same query."""
        try:
            user = users_with_roles().get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
