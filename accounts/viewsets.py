from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.forms import AdminUserCreationForm, AdminUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
