import pytest
from django.core.exceptions import ValidationError

from accounts.roles import Role
from tests.factories import TeacherFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_public_name_prefers_the_chosen_display_name():
    user = UserFactory(display_name="Cô Lan", first_name="Lan", last_name="Nguyễn")

    assert user.public_name == "Cô Lan"
    assert str(user) == "Cô Lan"


def test_public_name_falls_back_to_full_name_then_username():
    named = UserFactory(display_name="", first_name="Minh", last_name="Trần")
    bare = UserFactory(username="hs01", display_name="")

    assert named.public_name == "Minh Trần"
    assert bare.public_name == "hs01"


def test_two_accounts_cannot_share_an_email_in_any_case():
    UserFactory(email="lan@truong.edu.vn")
    other = UserFactory.build(username="lan2", email="LAN@truong.edu.vn")

    with pytest.raises(ValidationError, match="already exists"):
        other.validate_constraints()


def test_role_membership_is_read_from_the_groups():
    teacher = TeacherFactory()

    assert teacher.has_role(Role.TEACHER)
    assert not teacher.has_role(Role.CURATOR)
