"""The demo accounts, one per role, with passwords printed by `make run`."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User
from accounts.roles import Role


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    display_name: str
    role: Role
    school: str = ""
    is_superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount(
        "admin",
        "admin-demo-2026",
        "Quản trị viên",
        Role.SITE_ADMINISTRATOR,
        is_superuser=True,
    ),
    DemoAccount(
        "curator",
        "curator-demo-2026",
        "Lê Thu Hà",
        Role.CURATOR,
        "Sở Giáo dục và Đào tạo Hà Nội",
    ),
    DemoAccount(
        "teacher.lan",
        "teacher-demo-2026",
        "Nguyễn Thị Lan",
        Role.TEACHER,
        "Trường THCS Nguyễn Du",
    ),
    DemoAccount(
        "teacher.minh",
        "teacher-demo-2026",
        "Trần Văn Minh",
        Role.TEACHER,
        "Trường THPT Lê Quý Đôn",
    ),
    DemoAccount(
        "student.an",
        "student-demo-2026",
        "Phạm Minh An",
        Role.STUDENT,
        "Trường THCS Nguyễn Du",
    ),
    DemoAccount(
        "student.binh",
        "student-demo-2026",
        "Hoàng Gia Bình",
        Role.STUDENT,
        "Trường THPT Lê Quý Đôn",
    ),
    DemoAccount(
        "student.chi",
        "student-demo-2026",
        "Vũ Khánh Chi",
        Role.STUDENT,
        "Trường Tiểu học Kim Đồng",
    ),
)


@transaction.atomic
def ensure_demo_accounts() -> dict[str, User]:
    """Create the demo accounts; the printed password is set when one is created."""
    users = {}
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(username=account.username)
        user.display_name = account.display_name
        user.email = f"{account.username}@demo.hoclieu.edu.vn"
        user.school = account.school
        user.is_superuser = account.is_superuser
        user.is_staff = account.is_superuser
        if created:
            user.set_password(account.password)
        user.save()
        user.groups.add(Group.objects.get(name=account.role.value))
        users[account.username] = user
    return users
