"""The header offers each person their own work, and signing in lands there."""

import pytest
from django.test import TestCase
from lxml import html as lxml_html

from accounts.roles import Role
from accounts.selectors import duties_of, roles_of, users_with_roles
from lms.demo.people import DEMO_ACCOUNTS, ensure_demo_accounts
from materials import services as material_services
from tests.factories import CuratorFactory, StudentFactory, TeacherFactory, UserFactory
from tests.factories.materials import material_metadata, uploaded
from tests.materials.files import PDF

pytestmark = pytest.mark.django_db

# Where each demo person's work is: the landing page after signing in, and a
# link in the header.
WORK = {
    Role.SITE_ADMINISTRATOR: "/admin/",
    Role.CURATOR: "/materials/review/",
    Role.TEACHER: "/materials/mine/",
    Role.STUDENT: "/learning/",
}


def _header_links(response) -> dict[str, str]:
    """The header's links, address to visible text."""
    tree = lxml_html.fromstring(response.content.decode())
    return {
        link.get("href"): " ".join(link.text_content().split())
        for link in tree.xpath("//header//a")
    }


@pytest.mark.parametrize(
    "account", DEMO_ACCOUNTS, ids=[account.username for account in DEMO_ACCOUNTS]
)
def test_each_demo_person_lands_on_their_work_reachable_in_one_click(client, account):
    ensure_demo_accounts()
    work = WORK[account.role]

    response = client.post(
        "/accounts/login/",
        {"username": account.username, "password": account.password},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == work
    assert response.status_code == 200
    home = client.get("/")
    assert work in _header_links(home), f"{account.username}: no header link to {work}"
    assert client.get(work).status_code == 200


def test_signing_in_honours_the_page_asked_for(client):
    student = StudentFactory()

    response = client.post(
        "/accounts/login/?next=/courses/",
        {"username": student.username, "password": "correct horse battery staple"},
    )

    assert response["Location"] == "/courses/"


def test_a_visitor_is_offered_browsing_search_and_signing_in(client):
    response = client.get("/materials/")

    links = _header_links(response)
    assert {"/courses/", "/materials/", "/accounts/login/", "/accounts/signup/"} <= set(
        links
    )
    assert "/learning/" not in links
    assert 'role="search"' in response.content.decode().split("</header>")[0]


@pytest.mark.parametrize(
    ("factory", "offered", "not_offered"),
    [
        (
            StudentFactory,
            {"/learning/", "/accounts/profile/"},
            {"/materials/upload/", "/materials/review/", "/admin/"},
        ),
        (
            TeacherFactory,
            {
                "/learning/",
                "/materials/upload/",
                "/materials/mine/",
                "/learning/teaching/",
            },
            {"/materials/review/", "/admin/"},
        ),
        (
            CuratorFactory,
            {"/learning/", "/materials/review/"},
            {"/materials/upload/", "/admin/"},
        ),
    ],
    ids=["student", "teacher", "curator"],
)
def test_the_header_offers_each_role_its_pages(client, factory, offered, not_offered):
    client.force_login(factory())

    links = set(_header_links(client.get("/materials/")))

    assert offered <= links
    assert not (not_offered & links)


def test_administrators_are_offered_the_admin(client):
    client.force_login(UserFactory(roles=[Role.SITE_ADMINISTRATOR]))

    assert "/admin/" in _header_links(client.get("/materials/"))


def test_curators_see_how_many_materials_wait_for_review(client, settings):
    settings.LANGUAGE_CODE = "en"
    teacher = TeacherFactory()
    for number in range(2):
        with TestCase.captureOnCommitCallbacks(execute=True):
            material = material_services.material_upload(
                user=teacher,
                upload=uploaded(f"bai-{number}.pdf", PDF),
                filename=f"bai-{number}.pdf",
                metadata=material_metadata(),
            )
        material_services.material_submit_for_review(material=material, user=teacher)
    client.force_login(CuratorFactory())

    links = _header_links(client.get("/materials/"))

    assert links["/materials/review/"] == "Review queue 2 waiting"


def test_the_current_page_is_marked_in_the_header(client):
    client.force_login(TeacherFactory())

    tree = lxml_html.fromstring(client.get("/materials/mine/").content.decode())

    assert tree.xpath("//header//a[@aria-current='page']/@href") == ["/materials/mine/"]


def test_roles_come_with_the_signed_in_user_without_another_query(
    django_assert_num_queries,
):
    teacher = TeacherFactory(roles=[Role.TEACHER, Role.CURATOR])
    user = users_with_roles().get(pk=teacher.pk)

    with django_assert_num_queries(0):
        duties = duties_of(user)

    assert roles_of(user) == {Role.TEACHER, Role.CURATOR}
    assert duties.teaches and duties.reviews and not duties.administers
