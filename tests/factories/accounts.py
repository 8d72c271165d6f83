import factory
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role

PASSWORD = "correct horse battery staple"


def _with_roles(*default_roles: Role):
    """A post-generation hook adding the given roles (or those passed in)."""

    def add_roles(user, create, extracted, **kwargs):
        roles = extracted if extracted is not None else default_roles
        if create and roles:
            names = [role.value for role in roles]
            user.groups.add(*Group.objects.filter(name__in=names))

    return factory.PostGeneration(add_roles)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.edu.vn")
    display_name = factory.Faker("name", locale="vi_VN")
    password = factory.django.Password(PASSWORD)
    roles = _with_roles()


class StudentFactory(UserFactory):
    username = factory.Sequence(lambda n: f"student{n}")
    roles = _with_roles(Role.STUDENT)


class TeacherFactory(UserFactory):
    username = factory.Sequence(lambda n: f"teacher{n}")
    roles = _with_roles(Role.TEACHER)


class CuratorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"curator{n}")
    roles = _with_roles(Role.CURATOR)
