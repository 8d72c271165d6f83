from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, editing the profile fields of our user model."""

    user_viewset = "accounts.viewsets.UserViewSet"
