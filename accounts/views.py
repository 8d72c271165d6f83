from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.services import teacher_invitation_accept, teacher_invitation_check


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
