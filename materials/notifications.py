"""Review emails (submitted, approved, changes requested) in the reader's words.

Wagtail's notifiers decide who hears about a review; these keep that and
change what they write: each message is rendered in its reader's language
(Wagtail falls back to the language of whoever triggered it), with our own
sentences naming the thing reviewed in words that fit them
(``review_names``). ``connect()`` puts them in the place of Wagtail's.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    OpenedConnection,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from accounts.emails import send_to_reader
from materials.review_names import review_name

logger = logging.getLogger(__name__)

TEMPLATES = "materials/email/"


def _absolute(path: str | None) -> str:
    if not path or "://" in path:
        return path or ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _admin_url(instance: Any) -> str:
    """Where the reviewer or the author opens it in the admin."""
    return _absolute(AdminURLFinder().get_edit_url(instance))


def _public_url(instance: Any) -> str:
    """Where everyone sees it once published; the admin's address otherwise."""
    instance = getattr(instance, "specific", instance)
    if hasattr(instance, "get_full_url"):
        url = instance.get_full_url()
    elif hasattr(instance, "get_absolute_url"):
        url = instance.get_absolute_url()
    else:
        url = None
    return _absolute(url) or _admin_url(instance)


def _name(user: Any) -> str:
    return getattr(user, "public_name", None) or (user.get_username() if user else "")


class ReaderLanguageEmails:
    """Our templates and context, and one message per reader in their language."""

    notification: str

    def get_template_set(self, instance, **kwargs) -> dict[str, str]:
        return {
            "subject": f"{TEMPLATES}review_{self.notification}_subject.txt",
            "text": f"{TEMPLATES}review_{self.notification}.txt",
        }

    def review_context(self, content_object: Any) -> dict[str, Any]:
        return {
            "object_name": review_name(content_object),
            "title": str(getattr(content_object, "specific", content_object)),
            "url": _admin_url(content_object),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "preferences_url": _absolute(
                reverse("wagtailadmin_account") + "#tab-notifications"
            ),
        }

    def send_emails(self, template_set, context, recipients, **kwargs) -> bool:
        """Send each recipient their own message; True when all went out."""
        sent = 0
        try:
            with OpenedConnection(get_connection()) as connection:
                for recipient in recipients:
                    sent += self._send_one(recipient, template_set, context, connection)
        except (TimeoutError, ConnectionError):
            logger.exception("Mail connection error, review emails not sent")
        return sent == len(recipients)

    def _send_one(self, recipient, template_set, context, connection) -> int:
        try:
            return send_to_reader(
                user=recipient,
                subject_template=template_set["subject"],
                body_template=template_set["text"],
                context=context,
                from_email=getattr(
                    settings,
                    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL",
                    settings.DEFAULT_FROM_EMAIL,
                ),
                headers={"Auto-Submitted": "auto-generated"},
                connection=connection,
            )
        except Exception:  # one bad address must not stop the others' mail
            logger.exception("Failed to send a review email to %s", recipient.email)
            return 0


class TaskSubmittedEmails(
    ReaderLanguageEmails, GroupApprovalTaskStateSubmissionEmailNotifier
):
    """To the reviewing group (curators): something waits for their review."""

    def get_context(self, task_state: TaskState, **kwargs) -> dict[str, Any]:
        context = super().get_context(task_state, **kwargs)
        context.update(self.review_context(context["object"]))
        context["requested_by"] = _name(task_state.workflow_state.requested_by)
        return context


class WorkflowSubmittedEmails(
    ReaderLanguageEmails, WorkflowStateSubmissionEmailNotifier
):
    """To superusers, only if WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS is
    on (it is off here: the task's email already reaches the reviewers).
    Even then, nobody hears twice of one submission."""

    def get_recipient_users(self, workflow_state: WorkflowState, **kwargs):
        """Superusers, unless the first task is a group approval: its email
        reaches the same superusers (and the group), and one is enough."""
        task_state = workflow_state.current_task_state
        task = task_state.task.specific if task_state else None
        if isinstance(task, AbstractGroupApprovalTask):
            return get_user_model().objects.none()
        recipients = super().get_recipient_users(workflow_state, **kwargs)
        if kwargs.get("user") is not None:
            recipients = recipients.exclude(pk=kwargs["user"].pk)
        return recipients

    def get_context(self, workflow_state: WorkflowState, **kwargs) -> dict[str, Any]:
        context = super().get_context(workflow_state, **kwargs)
        context.update(self.review_context(context["object"]))
        context["requested_by"] = _name(workflow_state.requested_by)
        return context


class ApprovedEmails(ReaderLanguageEmails, WorkflowStateApprovalEmailNotifier):
    """To the author: their work passed review and is published."""

    def get_context(self, workflow_state: WorkflowState, **kwargs) -> dict[str, Any]:
        context = super().get_context(workflow_state, **kwargs)
        context.update(self.review_context(context["object"]))
        context["url"] = _public_url(context["object"])
        context["reviewer"] = _name(kwargs.get("user"))
        return context


class RejectedEmails(ReaderLanguageEmails, WorkflowStateRejectionEmailNotifier):
    """To the author: the reviewer asks for changes, with their comment."""

    def get_context(self, workflow_state: WorkflowState, **kwargs) -> dict[str, Any]:
        context = super().get_context(workflow_state, **kwargs)
        context.update(self.review_context(context["object"]))
        context["reviewer"] = _name(kwargs.get("user"))
        return context


# Wagtail's own receivers, by the dispatch_uid it connects them with
# (wagtail/admin/signal_handlers.py), and ours in their place.
RECEIVERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]
NOTIFIERS = {
    "group_approval_task_submitted_email_notification": TaskSubmittedEmails(),
    "workflow_state_submitted_email_notification": WorkflowSubmittedEmails(),
    "workflow_state_rejected_email_notification": RejectedEmails(),
    "workflow_state_approved_email_notification": ApprovedEmails(),
}


def connect() -> None:
    """Our notifiers instead of Wagtail's, whichever app is ready first.

    Wagtail's are disconnected if already there; ours then take the same
    dispatch_uid, so Wagtail connecting its own later (wagtail.admin comes
    after this app in INSTALLED_APPS) finds the place taken and adds none.
    """
    for signal, sender, uid in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(NOTIFIERS[uid], sender=sender, dispatch_uid=uid)
