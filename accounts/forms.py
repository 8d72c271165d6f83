from wagtail.users.forms import UserCreationForm, UserEditForm

PROFILE_FIELDS = ("display_name", "school", "preferred_language")


class AdminUserCreationForm(UserCreationForm):
    """The Wagtail admin's new-user form, with the profile fields people fill in."""

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class AdminUserEditForm(UserEditForm):
    """The Wagtail admin's user form, with the profile fields people fill in."""

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)
