import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role


def name_to_show(
    *, display_name: str, first_name: str, last_name: str, username: str
) -> str:
    """A person's public name from the columns alone, for bulk reads without models."""
    return display_name or f"{first_name} {last_name}".strip() or username


class User(AbstractUser):
    """A person with an account: student, teacher, curator or administrator."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    school = models.CharField(_("school or institution"), max_length=255, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[
            ("", _("The site's language")),
            ("vi", _("Vietnamese")),
            ("en", _("English")),
        ],
        blank=True,
        default="",
    )
    # Set when a learning platform (LTI) first signs the person in. Loaded
    # with the account, it spares everyone else a look for the platform's
    # grade line items on every lesson they complete.
    from_lms = models.BooleanField(
        _("signed in from a learning platform"), default=False, editable=False
    )
    # The identity provider's subject (the e-ID) is never kept: only its
    # salted SHA-256, so certificates can carry it for a verifier who holds
    # the person's e-ID to match, and nobody else learns it.
    identity_hash = models.CharField(
        _("e-ID fingerprint"), max_length=71, blank=True, editable=False
    )
    identity_salt = models.CharField(
        _("e-ID fingerprint salt"), max_length=32, blank=True, editable=False
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("An account with this email already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to other people: chosen name, full name or username."""
        return name_to_show(
            display_name=self.display_name,
            first_name=self.first_name,
            last_name=self.last_name,
            username=self.username,
        )

    def bind_identity(self, subject: str) -> None:
        """Keep the salted fingerprint of the provider's subject identifier
        (``sha256$<hex>`` of subject + salt, as Open Badges 3.0 hashes an
        identity); the salt stays once chosen, so the fingerprint is stable."""
        if not subject:
            return
        self.identity_salt = self.identity_salt or secrets.token_hex(16)
        digest = hashlib.sha256((subject + self.identity_salt).encode()).hexdigest()
        self.identity_hash = f"sha256${digest}"

    def has_role(self, role: Role) -> bool:
        return self.groups.filter(name=role.value).exists()


class TeacherInvitation(models.Model):
    """A single-use link an administrator sends to make someone a teacher.

    Only a hash of the secret token is stored, so the link cannot be read back
    from the database.
    """

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    email = models.EmailField(
        _("for email address"),
        blank=True,
        help_text=_("Leave empty to let whoever receives the link accept it."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("teacher invitation")
        verbose_name_plural = _("teacher invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email or self.note or f"#{self.pk}"

    @property
    def status(self) -> str:
        from django.utils import timezone

        if self.accepted_at:
            return str(_("accepted"))
        if self.revoked_at:
            return str(_("revoked"))
        if self.expires_at <= timezone.now():
            return str(_("expired"))
        return str(_("waiting"))
