"""An LMS that launches our courses over LTI 1.3, and what each launch leaves.

A registration is one platform (an LMS such as Moodle or Canvas at a school):
its issuer and client id, its endpoints and keys, the deployments we accept,
and the tool key pair we sign with towards it. The private key lives in the
database, never in the repository; only its public half is ever published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Registration(models.Model):
    name = models.CharField(_("name"), max_length=150)
    issuer = models.URLField(
        _("issuer"), max_length=255, help_text=_("The platform's issuer (iss).")
    )
    client_id = models.CharField(
        _("client id"),
        max_length=255,
        help_text=_("The client id the platform gave this tool."),
    )
    auth_login_url = models.URLField(
        _("authorisation URL"),
        max_length=500,
        help_text=_("Where learners are sent to be authenticated (OIDC auth)."),
    )
    auth_token_url = models.URLField(
        _("access token URL"),
        max_length=500,
        blank=True,
        help_text=_("Needed to send grades back."),
    )
    key_set_url = models.URLField(
        _("public key set URL"),
        max_length=500,
        blank=True,
        help_text=_("The platform's JWKS address; or paste its keys below."),
    )
    key_set = models.JSONField(
        _("public key set"),
        null=True,
        blank=True,
        help_text=_("The platform's public keys as pasted JWKS JSON."),
    )
    deployment_ids = models.TextField(
        _("deployment ids"), help_text=_("One deployment id per line.")
    )
    is_active = models.BooleanField(
        pgettext_lazy("LTI platform registration", "active"), default=True
    )
    tool_key_id = models.CharField(
        _("tool key id"), max_length=64, unique=True, editable=False
    )
    tool_private_key = models.TextField(editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("LTI platform")
        verbose_name_plural = _("LTI platforms")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id"],
                name="lti_registration_one_per_client",
                violation_error_message=_(
                    "This platform is already registered with this client id."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def deployments(self) -> list[str]:
        lines = self.deployment_ids.splitlines()
        return [deployment for line in lines if (deployment := line.strip())]


class Identity(models.Model):
    """Who a platform says a person is (issuer + subject), bound to an account.

    Accounts are matched by this pair only, never by the email a platform
    sends: an LMS does not prove the address, so matching on it would let any
    registered LMS sign in as anyone.
    """

    issuer = models.CharField(_("issuer"), max_length=255)
    subject = models.CharField(
        pgettext_lazy("LTI user identifier", "subject"), max_length=255
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("LTI identity", "account"),
        on_delete=models.CASCADE,
        related_name="lti_identities",
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, related_name="identities"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("LTI identity")
        verbose_name_plural = _("LTI identities")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="lti_identity_one_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer}"


class LoginState(models.Model):
    """The state and nonce of one login initiation; each is used at most once."""

    state = models.CharField(max_length=64, unique=True)
    nonce = models.CharField(max_length=64, unique=True)
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE)
    target_link_uri = models.URLField(max_length=1000)
    # The login initiation's own parameters, to start it again in a window of
    # its own when a browser blocks the state cookie inside the LMS's frame.
    login_params = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.created_at:%Y-%m-%d %H:%M}"


class Handoff(models.Model):
    """A one-time pass from a verified launch to a signed-in first-party page.

    Only the hash of its token is kept, as for teacher invitations.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    target_url = models.CharField(max_length=1000)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id} → {self.target_url}"


class DeepLinkingRequest(models.Model):
    """A verified LtiDeepLinkingRequest waiting for the teacher's choice."""

    token_hash = models.CharField(max_length=64, unique=True)
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE)
    deployment_id = models.CharField(max_length=255)
    return_url = models.URLField(max_length=1000)
    data = models.TextField(blank=True)
    accept_multiple = models.BooleanField(default=True)
    accept_line_item = models.BooleanField(default=False)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.return_url}"


class GradeLink(models.Model):
    """Where a learner's score for one lesson goes: the launch's line item."""

    identity = models.ForeignKey(
        Identity, on_delete=models.CASCADE, related_name="grade_links"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    line_item_url = models.URLField(max_length=1000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["identity", "lesson", "line_item_url"],
                name="lti_grade_link_unique",
            )
        ]

    def __str__(self) -> str:
        return self.line_item_url


class PassbackStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("score pass-back", "Waiting")
    SENT = "sent", pgettext_lazy("score pass-back", "Sent")
    FAILED = "failed", pgettext_lazy("score pass-back", "Failed")


class ScorePassback(models.Model):
    """One score posted (or to be posted) to a platform's line item."""

    grade_link = models.ForeignKey(
        GradeLink,
        verbose_name=_("line item"),
        on_delete=models.CASCADE,
        related_name="passbacks",
    )
    score_given = models.DecimalField(_("score"), max_digits=7, decimal_places=2)
    score_maximum = models.DecimalField(
        _("maximum score"), max_digits=7, decimal_places=2
    )
    activity_progress = models.CharField(max_length=16)
    grading_progress = models.CharField(max_length=16)
    scored_at = models.DateTimeField(_("scored at"))
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=PassbackStatus.choices,
        default=PassbackStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("score pass-back")
        verbose_name_plural = _("score pass-backs")
        ordering = ["-scored_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.score_given}/{self.score_maximum} → {self.grade_link_id}"
