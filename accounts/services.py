"""Creating and confirming accounts from the public site."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role


@transaction.atomic
def user_sign_up(
    *,
    username: str,
    email: str,
    password: str,
    display_name: str = "",
    require_confirmation: bool,
) -> User:
    """Create a student account; inactive until confirmed when required."""
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("An account with this email already exists."), code="email_taken"
        )
    user = User(
        username=username,
        email=email,
        display_name=display_name,
        is_active=not require_confirmation,
    )
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(Group.objects.get(name=Role.STUDENT.value))
    return user


@transaction.atomic
def user_confirm_email(*, user: User) -> User:
    """Activate an account whose owner followed the confirmation link."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user
