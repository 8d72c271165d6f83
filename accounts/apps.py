from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from accounts.backends import clear_failures, count_failure

        user_login_failed.connect(count_failure, dispatch_uid="accounts.count_failure")
        user_logged_in.connect(clear_failures, dispatch_uid="accounts.clear_failures")


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, editing the profile fields of our user model."""

    user_viewset = "accounts.viewsets.UserViewSet"
