"""Single sign-on through an OpenID Connect identity provider.

The national e-ID platform is one such provider. An account is matched by a
verified email address; a person signing in for the first time becomes a
Student, like anyone who signs up.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import users_with_roles
from accounts.services import admin_language_follow
from lms.text import ascii_slug

SUPPORTED_LANGUAGES = {"vi", "en"}


class IdentityProviderBackend(OIDCAuthenticationBackend):
    """Signs people in with the provider's verified claims."""

    def get_user(self, user_id):
        """The signed-in person, with their roles read in the same query."""
        try:
            return users_with_roles().get(pk=user_id)
        except User.DoesNotExist:
            return None

    def verify_claims(self, claims: dict) -> bool:
        """Refuse unverified addresses: they could take over someone's account."""
        return bool(claims.get("email")) and claims.get("email_verified") is not False

    def filter_users_by_claims(self, claims: dict):
        return User.objects.filter(
            email__iexact=claims.get("email", ""), is_active=True
        )

    @transaction.atomic
    def create_user(self, claims: dict) -> User:
        user = User.objects.create_user(
            username=self._free_username(claims), email=claims["email"]
        )
        self._copy_profile(user, claims)
        user.bind_identity(claims.get("sub", ""))
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=Role.STUDENT.value))
        admin_language_follow(user=user)
        return user

    def update_user(self, user: User, claims: dict) -> User:
        fields = []
        if not user.display_name and claims.get("name"):
            user.display_name = claims["name"][:150]
            fields.append("display_name")
        before = user.identity_hash
        user.bind_identity(claims.get("sub", ""))
        if user.identity_hash != before:
            fields += ["identity_hash", "identity_salt"]
        if fields:
            user.save(update_fields=fields)
        return user

    def _copy_profile(self, user: User, claims: dict) -> None:
        user.display_name = (claims.get("name") or "")[:150]
        user.first_name = (claims.get("given_name") or "")[:150]
        user.last_name = (claims.get("family_name") or "")[:150]
        locale = (claims.get("locale") or "vi")[:2].lower()
        user.preferred_language = locale if locale in SUPPORTED_LANGUAGES else "vi"

    def _free_username(self, claims: dict) -> str:
        base = ascii_slug(
            claims["email"].split("@")[0], max_length=120, fallback="user"
        )
        username, suffix = base, 1
        while User.objects.filter(username=username).exists():
            suffix += 1
            username = f"{base}-{suffix}"
        return username
