"""Finding or creating the account a platform's user signs in as."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User
from accounts.roles import Role
from lms.text import ascii_slug
from lti.models import Identity, Registration

SUPPORTED_LANGUAGES = {"vi", "en"}


@transaction.atomic
def identity_for_claims(
    *, registration: Registration, claims: dict[str, Any]
) -> Identity:
    """The identity of (issuer, sub), with a new Student account on first sight.

    Like e-ID sign-in, a new account has an unusable password and the name
    the claims give; the email is kept only when no account holds it yet,
    since an LMS does not prove the address and must not claim someone's.
    """
    identity = (
        Identity.objects.select_related("user")
        .filter(issuer=claims["iss"], subject=claims["sub"])
        .first()
    )
    if identity is not None:
        return identity
    user = _create_user(claims)
    return Identity.objects.create(
        issuer=claims["iss"],
        subject=claims["sub"],
        user=user,
        registration=registration,
    )


def _create_user(claims: dict[str, Any]) -> User:
    email = (claims.get("email") or "").strip()[:254]
    if email and User.objects.filter(email__iexact=email).exists():
        email = ""
    locale = (claims.get("locale") or "vi")[:2].lower()
    user = User(
        username=_free_username(claims, email),
        email=email,
        display_name=(claims.get("name") or "")[:150],
        first_name=(claims.get("given_name") or "")[:150],
        last_name=(claims.get("family_name") or "")[:150],
        preferred_language=locale if locale in SUPPORTED_LANGUAGES else "vi",
        from_lms=True,
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=Role.STUDENT.value))
    return user


def _free_username(claims: dict[str, Any], email: str) -> str:
    """From the email's name or the platform's username; else a stable short
    hash of issuer and subject, which says nothing about the person."""
    hint = email.split("@")[0] or claims.get(
        "https://purl.imsglobal.org/spec/lti/claim/lis", {}
    ).get("person_sourcedid", "")
    digest = hashlib.sha256(f"{claims['iss']} {claims['sub']}".encode()).hexdigest()
    base = ascii_slug(hint, max_length=120, fallback="") or f"lti-{digest[:10]}"
    username, suffix = base, 1
    while User.objects.filter(username=username).exists():
        suffix += 1
        username = f"{base}-{suffix}"
    return username
