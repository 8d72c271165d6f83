"""Emails written in the language of the person who reads them.

A message is often sent while someone else's request is being answered: a
teacher's submission mails the curators, a curator's approval mails the
teacher. The language active at that moment is the sender's, so every message
is rendered under the reader's own choice instead.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.users.models import UserProfile


def _supported(language: str | None) -> bool:
    return bool(language) and language in dict(settings.LANGUAGES)


def _admin_preference(user: Any) -> str:
    """The language chosen in the admin's own account settings, if any
    (read without creating the profile row a mere read would not need)."""
    if not getattr(user, "pk", None):
        return ""
    chosen = UserProfile.objects.filter(user=user).values_list(
        "preferred_language", flat=True
    )
    return chosen.first() or ""


def reader_language(user: Any, *, fallback: str | None = None) -> str:
    """The language ``user`` reads their messages in.

    Their profile's choice first, then the one picked in the admin's account
    settings, then ``fallback`` (for someone who has chosen nothing yet, say
    the language they signed up in), and last the site's language.
    """
    for choice in (
        getattr(user, "preferred_language", ""),
        _admin_preference(user),
        fallback,
    ):
        if _supported(choice):
            return choice
    return settings.LANGUAGE_CODE


def reader_message(
    *,
    user: Any,
    subject_template: str,
    body_template: str,
    context: dict[str, Any],
    html_template: str | None = None,
    fallback_language: str | None = None,
    from_email: str | None = None,
    headers: dict[str, str] | None = None,
    connection: Any = None,
) -> EmailMultiAlternatives:
    """The message to ``user``, every template rendered in their language."""
    context = {**context, "user": user}
    with translation.override(reader_language(user, fallback=fallback_language)):
        # A subject is one header line, whatever the template's line breaks.
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context).strip() + "\n"
        html = render_to_string(html_template, context) if html_template else None
    message = EmailMultiAlternatives(
        subject,
        body,
        from_email,
        [user.email],
        headers=headers,
        connection=connection,
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def send_to_reader(
    *,
    user: Any,
    subject_template: str,
    body_template: str,
    context: dict[str, Any],
    html_template: str | None = None,
    fallback_language: str | None = None,
    from_email: str | None = None,
    headers: dict[str, str] | None = None,
    connection: Any = None,
) -> int:
    """Send ``user`` one message in their language; the number sent (0 or 1).

    Someone without an email address gets nothing rather than an error.
    """
    if not user.email:
        return 0
    message = reader_message(
        user=user,
        subject_template=subject_template,
        body_template=body_template,
        context=context,
        html_template=html_template,
        fallback_language=fallback_language,
        from_email=from_email,
        headers=headers,
        connection=connection,
    )
    return message.send()
