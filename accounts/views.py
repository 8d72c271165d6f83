"""Account pages on the public site: sign-up, sign-in, profile, invitations."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes, force_str
from django.utils.http import (
    url_has_allowed_host_and_scheme,
    urlsafe_base64_decode,
    urlsafe_base64_encode,
)
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.emails import send_to_reader
from accounts.forms import AccountDeletionForm, ProfileForm, SignInForm, SignUpForm
from accounts.models import User
from accounts.selectors import start_page
from accounts.services import (
    account_delete,
    profile_update,
    teacher_invitation_accept,
    teacher_invitation_check,
)


@login_required
@require_http_methods(["GET", "POST"])
def accept_teacher_invitation(request, token: str):
    """Show an invitation and let the signed-in person accept it."""
    try:
        invitation = teacher_invitation_check(token=token, user=request.user)
        if request.method == "POST":
            teacher_invitation_accept(token=token, user=request.user)
            messages.success(request, _("You are now a teacher. Welcome!"))
            return redirect("/")
    except ValidationError as error:
        return TemplateResponse(
            request,
            "accounts/teacher_invitation.html",
            {"problem": error.messages[0]},
            status=410 if _is_gone(error) else 400,
        )
    return TemplateResponse(
        request, "accounts/teacher_invitation.html", {"invitation": invitation}
    )


def _is_gone(error: ValidationError) -> bool:
    return error.messages[0] != _("This invitation link is not valid.")


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The signed-in person's name, school and language."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = profile_update(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            school=form.cleaned_data["school"],
            language=form.cleaned_data["preferred_language"],
        )
        if user.preferred_language:
            translation.activate(user.preferred_language)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        if user.preferred_language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.preferred_language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
            )
        return response
    return TemplateResponse(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Explain what deleting an account does, then do it when confirmed."""
    form = AccountDeletionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            account_delete(user=request.user)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted."))
            return redirect("/")
    return TemplateResponse(request, "accounts/delete_account.html", {"form": form})


# Signing in a person the site has just verified (sign-up, confirmation link).
BACKEND = "accounts.backends.RateLimitedModelBackend"


class SignInView(LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """Where signing in leads: the person's own work, by the roles they hold
    (settings.START_PAGES), so nobody has to look for it."""
    return redirect(start_page(request.user))


class SignOutView(LogoutView):
    next_page = "/"


def _next_url(request: HttpRequest) -> str:
    """Where a new account goes: the page asked for, else the home page, which
    shows where to start (a new person has no work of their own yet)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return "/"


def _send_confirmation(request: HttpRequest, user: User) -> None:
    link = request.build_absolute_uri(
        reverse(
            "accounts:confirm_email",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    # Someone new has chosen no language yet: the one they signed up in.
    send_to_reader(
        user=user,
        subject_template="accounts/email/confirm_subject.txt",
        body_template="accounts/email/confirm_body.txt",
        context={"link": link, "site_name": settings.WAGTAIL_SITE_NAME},
        fallback_language=translation.get_language(),
    )


@sensitive_post_parameters("password1", "password2")
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm = settings.ACCOUNTS_EMAIL_CONFIRMATION
        try:
            user = services.user_sign_up(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                require_confirmation=confirm,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if confirm:
                _send_confirmation(request, user)
                return redirect("accounts:signup_done")
            login(request, user, backend=BACKEND)
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect(_next_url(request))
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "next": request.GET.get("next", "")},
    )


def sign_up_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


def confirm_email(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/confirm_invalid.html", status=400)
    services.user_confirm_email(user=user)
    login(request, user, backend=BACKEND)
    messages.success(request, _("Your email address is confirmed. Welcome!"))
    return redirect(settings.LOGIN_REDIRECT_URL)
