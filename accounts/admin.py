from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.forms import DjangoAdminSignInForm
from accounts.models import User

# The sign-in limit's refusal reads the same here as on every other door.
admin.site.login_form = DjangoAdminSignInForm


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Profile"), {"fields": ("display_name", "school", "preferred_language")}),
    )
    list_display = ("username", "email", "display_name", "school", "is_staff")
    search_fields = ("username", "email", "display_name", "school")
