"""Who may do what with a material, beyond Django's model permissions.

Teachers touch only materials they wrote or co-wrote; curators (and site
administrators) see and review every material.
"""

from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from accounts.roles import Role
from materials.models import Material

REVIEWER_ROLES = (Role.CURATOR, Role.SITE_ADMINISTRATOR)


def is_reviewer(user) -> bool:
    """Curators and site administrators review every material."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(user.has_role(role) for role in REVIEWER_ROLES)


def is_teacher(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.has_role(Role.TEACHER) or is_reviewer(user)
    )


def owns(user, material: Material) -> bool:
    """The author or a co-author of ``material``."""
    if not user.is_authenticated:
        return False
    if material.author_id == user.pk:
        return True
    return material.co_authors.filter(pk=user.pk).exists()


def can_edit(user, material: Material) -> bool:
    return is_reviewer(user) or owns(user, material)


def can_see_draft(user, material: Material) -> bool:
    """Drafts (and their files) are for their authors and the curators."""
    return can_edit(user, material)


def editable_materials(user) -> QuerySet[Material]:
    """The materials ``user`` may open in the admin or on "my materials"."""
    queryset = Material.objects.all()
    if is_reviewer(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(Q(author=user) | Q(co_authors=user)).distinct()


class MaterialPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to a teacher's own materials."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and can_edit(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        """Also what the site history and workflow reports show of materials."""
        if not self.user_has_any_permission(user, actions):
            return Material.objects.none()
        return editable_materials(user)
