"""Sign-up, email confirmation, sign-in and sign-out on the public site."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import (
    url_has_allowed_host_and_scheme,
    urlsafe_base64_decode,
    urlsafe_base64_encode,
)
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from accounts import services
from accounts.forms import SignInForm, SignUpForm
from accounts.models import User

BACKEND = "django.contrib.auth.backends.ModelBackend"


class SignInView(LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class SignOutView(LogoutView):
    next_page = "/"


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return settings.LOGIN_REDIRECT_URL


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
    context = {"user": user, "link": link, "site_name": settings.WAGTAIL_SITE_NAME}
    send_mail(
        subject=render_to_string("accounts/email/confirm_subject.txt", context).strip(),
        message=render_to_string("accounts/email/confirm_body.txt", context),
        from_email=None,
        recipient_list=[user.email],
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
