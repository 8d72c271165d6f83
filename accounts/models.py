from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role


class User(AbstractUser):
    """A person with an account: student, teacher, curator or administrator."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    school = models.CharField(_("school or institution"), max_length=255, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[("vi", _("Vietnamese")), ("en", _("English"))],
        default="vi",
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
        return self.display_name or self.get_full_name() or self.username

    def has_role(self, role: Role) -> bool:
        return self.groups.filter(name=role.value).exists()
