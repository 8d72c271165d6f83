"""The ways accounts change: every door (admin, page, API) calls these."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from accounts.models import TeacherInvitation, User
from accounts.roles import Role

INVITATION_DAYS_DEFAULT = 14
INVITATION_DAYS_MAX = 90


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: TeacherInvitation
    token: str  # shown once, to the administrator who created it


def hash_invitation_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def teacher_invitation_create(
    *,
    created_by: User,
    email: str = "",
    note: str = "",
    days_valid: int = INVITATION_DAYS_DEFAULT,
) -> IssuedInvitation:
    """Make a single-use invitation; only a site administrator may."""
    if not created_by.has_perm("accounts.add_teacherinvitation"):
        raise PermissionDenied(_("Only site administrators can invite teachers."))
    if not 1 <= days_valid <= INVITATION_DAYS_MAX:
        raise ValidationError(
            _("An invitation must be valid for 1 to %(days)s days.")
            % {"days": INVITATION_DAYS_MAX}
        )
    token = secrets.token_urlsafe(32)
    invitation = TeacherInvitation.objects.create(
        token_hash=hash_invitation_token(token),
        email=email.strip(),
        note=note.strip(),
        created_by=created_by,
        expires_at=timezone.now() + timedelta(days=days_valid),
    )
    return IssuedInvitation(invitation=invitation, token=token)


def teacher_invitation_check(
    *, token: str, user: User | None = None
) -> TeacherInvitation:
    """The invitation behind ``token`` if it can still be accepted, else why not."""
    invitation = TeacherInvitation.objects.filter(
        token_hash=hash_invitation_token(token)
    ).first()
    if invitation is None:
        raise ValidationError(_("This invitation link is not valid."))
    _ensure_acceptable(invitation, user)
    return invitation


@transaction.atomic
def teacher_invitation_accept(*, token: str, user: User) -> TeacherInvitation:
    """Make ``user`` a teacher; the link then stops working, even under races."""
    invitation = teacher_invitation_check(token=token, user=user)
    invitation = TeacherInvitation.objects.select_for_update().get(pk=invitation.pk)
    _ensure_acceptable(invitation, user)
    user.groups.add(Group.objects.get(name=Role.TEACHER.value))
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    return invitation


def _ensure_acceptable(invitation: TeacherInvitation, user: User | None) -> None:
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been used."))
    if invitation.revoked_at:
        raise ValidationError(_("This invitation was withdrawn by an administrator."))
    if invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation has expired. Ask for a new one."))
    if user and invitation.email and invitation.email.lower() != user.email.lower():
        raise ValidationError(_("This invitation was sent to another email address."))


def teacher_invitation_revoke(*, invitation: TeacherInvitation, by: User) -> None:
    if not by.has_perm("accounts.change_teacherinvitation"):
        raise PermissionDenied(_("Only site administrators can withdraw invitations."))
    if invitation.accepted_at:
        raise ValidationError(_("An accepted invitation cannot be withdrawn."))
    TeacherInvitation.objects.filter(pk=invitation.pk, revoked_at=None).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def profile_update(
    *, user: User, display_name: str, school: str, language: str
) -> User:
    """Change what others see of a person and the language they read in."""
    user.display_name = display_name.strip()
    user.school = school.strip()
    user.preferred_language = language
    user.full_clean(exclude=["password", "username", "email"])
    user.save(update_fields=["display_name", "school", "preferred_language"])
    admin_language_follow(user=user)
    return user


def admin_language_follow(*, user: User) -> None:
    """Give Wagtail the person's language too.

    Wagtail writes its own emails (comments, workflow steps) in the language
    of the recipient's admin profile and, when that is empty, in whatever
    language the sender happens to be using; so a teacher who reads English
    got a Vietnamese curator's comments in Vietnamese.
    """
    UserProfile.objects.update_or_create(
        user=user, defaults={"preferred_language": user.preferred_language}
    )


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
def account_delete(*, user: User) -> None:
    """Erase a person's account and personal records.

    What they published stays published under its open licence, credited to a
    deleted account (authorship links are cleared by the models' SET_NULL).
    Their enrolments, progress and certificates go with the account.
    """
    from courses.services import learner_records_erase

    if user.is_superuser:
        raise PermissionDenied(
            _(
                "An administrator account cannot delete itself; ask another administrator."
            )
        )
    learner_records_erase(user=user)
    user.delete()


@transaction.atomic
def user_confirm_email(*, user: User) -> User:
    """Activate an account whose owner followed the confirmation link."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user
