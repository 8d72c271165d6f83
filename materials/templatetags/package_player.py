"""``{% package_player material lesson=page %}``: a SCORM package's player."""

from django import template
from django.urls import reverse

from materials.models import Material
from materials.packages import player

register = template.Library()


@register.inclusion_tag("materials/includes/package_player.html", takes_context=True)
def package_player(context, material: Material, lesson=None) -> dict:
    """The player for ``material``, keeping the learner's data per lesson (or
    for the material's own page); nothing for a material that is no package.

    The page that shows it may frame the site's own addresses, which the
    security headers middleware reads from ``request.csp_frames_self``.
    """
    request = context["request"]
    if not player.is_playable(material):
        return {"playable": False}
    launch = player.launch_path(material)
    if not launch:
        return {"playable": False}
    request.csp_frames_self = True
    user = request.user
    token = player.make_token(material=material, learner=user, lesson=lesson)
    return {
        "playable": True,
        "material": material,
        "signed_in": user.is_authenticated,
        "in_lesson": lesson is not None,
        "src": reverse(
            "materials:package_file",
            kwargs={"pk": material.pk, "token": token, "path": launch},
        ),
        "state_url": reverse("materials:package_state", kwargs={"pk": material.pk}),
        "token": token,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
