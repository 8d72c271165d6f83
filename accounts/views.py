from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.forms import AccountDeletionForm, ProfileForm
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
        translation.activate(user.preferred_language)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
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
