from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordResetForm,
)
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from accounts import ratelimit
from accounts.emails import send_to_reader
from accounts.models import User
from accounts.roles import Role

PROFILE_FIELDS = ("display_name", "school", "preferred_language")


def _group_label(group) -> str:
    """A role's name in the reader's language; other groups by their name."""
    labels = dict(Role.choices)
    return str(labels.get(group.name, group.name))


class RoleLabelsMixin:
    """Groups are stored under stable English names; the form shows each
    role's translated label instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = _group_label


class AdminUserCreationForm(RoleLabelsMixin, UserCreationForm):
    """The Wagtail admin's new-user form, with the profile fields people fill in."""

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class AdminUserEditForm(RoleLabelsMixin, UserEditForm):
    """The Wagtail admin's user form, with the profile fields people fill in."""

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = PROFILE_FIELDS
        help_texts = {
            "display_name": _("Shown to teachers and on your certificates."),
        }


class AccountDeletionForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."), required=True
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


class SignUpForm(BaseUserCreationForm):
    """The public sign-up form: a name to show, an email and a password."""

    email = forms.EmailField(label=_("Email"), max_length=254)

    class Meta(BaseUserCreationForm.Meta):
        model = User
        fields = ("username", "display_name", "email")
        # Django's own wording names the field by its code ("username") in
        # Vietnamese; this one reads naturally in both languages.
        error_messages = {
            "username": {"unique": _("This username is taken. Choose another one.")}
        }

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("An account with this email already exists."), code="email_taken"
            )
        return email


class SignInLimitMixin:
    """Says "wait N seconds" when the sign-in limit refused the attempt.

    The limit lives in accounts.backends, so it holds for every door; but
    ``authenticate()`` reports its refusal as a plain failure, which the form
    would call a wrong password. Each sign-in form mixes this in to show the
    refusal the backend left on the request, in the same words everywhere.
    """

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            refused = ratelimit.refusal(self.request)
            if refused is not None:
                raise ValidationError(refused.message, code="throttled") from None
            raise


class SignInForm(SignInLimitMixin, AuthenticationForm):
    """The site's sign-in form; also says when the email is still unconfirmed."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "unconfirmed": _(
            "Confirm your email address first: follow the link we sent you."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            # A refused attempt had no password check; this must not be one.
            if getattr(error, "code", None) != "throttled":
                self._refuse_if_unconfirmed(self.data.get("username", ""))
            raise

    def _refuse_if_unconfirmed(self, username: str) -> None:
        user = User.objects.filter(username=username, is_active=False).first()
        if user and user.check_password(self.data.get("password", "")):
            raise ValidationError(
                self.error_messages["unconfirmed"], code="unconfirmed"
            )


class WagtailSignInForm(SignInLimitMixin, WagtailLoginForm):
    """Wagtail's /admin/login/ form (WAGTAILADMIN_USER_LOGIN_FORM)."""


class DjangoAdminSignInForm(SignInLimitMixin, AdminAuthenticationForm):
    """Django's /django-admin/login/ form (set as ``admin.site.login_form``)."""


class ReaderPasswordResetForm(PasswordResetForm):
    """Django's password reset, its email written in the account holder's
    language (or, if they have chosen none, the one they asked in)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        send_to_reader(
            user=context["user"],
            subject_template=subject_template_name,
            body_template=email_template_name,
            html_template=html_email_template_name,
            context=context,
            from_email=from_email,
            fallback_language=translation.get_language(),
        )
