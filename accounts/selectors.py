"""Reads about people: which roles a person holds, and where their work is."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, QuerySet

from accounts.models import User
from accounts.roles import Role

# One boolean annotation per role, named after it.
ROLE_FLAGS = {role: f"holds_{role.name.lower()}" for role in Role}


def users_with_roles() -> QuerySet[User]:
    """Users carrying a flag per role, read in the query that reads the user.

    The header of every page says what the person may do; reading their groups
    in a second query on every page would cost more than the page's own work.
    """
    return User._default_manager.annotate(
        **{
            flag: Exists(Group.objects.filter(user=OuterRef("pk"), name=role.value))
            for role, flag in ROLE_FLAGS.items()
        }
    )


def roles_of(user) -> frozenset[Role]:
    """The roles ``user`` holds: from the flags when the user was read with
    them (every request's user is), else from one query."""
    if not user.is_authenticated:
        return frozenset()
    if all(hasattr(user, flag) for flag in ROLE_FLAGS.values()):
        return frozenset(
            role for role, flag in ROLE_FLAGS.items() if getattr(user, flag)
        )
    names = set(user.groups.values_list("name", flat=True))
    return frozenset(role for role in Role if role.value in names)


@dataclass(frozen=True)
class Duties:
    """What the header offers a person, by the roles they hold."""

    signed_in: bool = False
    teaches: bool = False
    reviews: bool = False
    administers: bool = False


def duties_of(user) -> Duties:
    if not user.is_authenticated:
        return Duties()
    roles = roles_of(user)
    administers = user.is_superuser or Role.SITE_ADMINISTRATOR in roles
    return Duties(
        signed_in=True,
        teaches=Role.TEACHER in roles,
        reviews=administers or Role.CURATOR in roles,
        administers=administers,
    )


def start_page(user) -> str:
    """The URL name of the person's own work (settings.START_PAGES): where
    signing in leads, and what `make run` names for each demo account."""
    roles = roles_of(user)
    if user.is_superuser:
        roles |= {Role.SITE_ADMINISTRATOR}
    for role, url_name in settings.START_PAGES:
        if role in roles:
            return url_name
    return settings.START_PAGE_DEFAULT
