"""The sign-in limit: growing waits, never a lock-out, fair to a shared address."""

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts import ratelimit
from tests.factories import StudentFactory
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

SCHOOL = "203.113.10.20"
HOME = "14.161.5.6"
WRONG = "sai mật khẩu"
WAIT = re.compile(r"Wait (\d+) seconds?, then try again\.")
WRONG_PASSWORD = "Please enter a correct username and password."


@pytest.fixture
def victim(db):
    return StudentFactory(username="nan_nhan")


def _attempt(client, username, password=WRONG):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}
    ).content.decode()


def _wait_asked(html: str) -> int | None:
    match = WAIT.search(html)
    return int(match[1]) if match else None


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _guess(client, clock, username, *, times: int) -> None:
    """A patient attacker: ``times`` wrong guesses that get checked, each
    made as soon as its wait is over, hammering in vain while waiting."""
    for _ in range(times):
        while (wait := _wait_asked(_attempt(client, username))) is not None:
            for _ in range(3):
                assert _wait_asked(_attempt(client, username)) is not None
            clock.advance(wait)


def test_after_a_few_free_failures_each_try_waits_twice_as_long(client, victim, clock):
    waits = []
    for _ in range(3):
        assert WRONG_PASSWORD in _attempt(client, "nan_nhan")
    for _ in range(8):
        waits.append(_wait_asked(_attempt(client, "nan_nhan")))
        clock.advance(waits[-1])
        _attempt(client, "nan_nhan")

    assert waits == [1, 2, 4, 8, 16, 32, 60, 60]


def test_the_right_password_during_the_wait_is_not_checked_nor_punished(
    client, victim, clock
):
    """Refused attempts, right or wrong, neither sign in nor lengthen the
    wait, so hammering during it cannot keep the owner out any longer."""
    _guess(client, clock, "nan_nhan", times=5)
    for password in [PASSWORD, WRONG] * 10:
        assert _wait_asked(_attempt(client, "nan_nhan", password)) == 4
        assert not _signed_in(client)

    clock.advance(4)
    _attempt(client, "nan_nhan", PASSWORD)

    assert _signed_in(client)


def test_thirty_pupils_behind_one_address_sign_in_while_one_keeps_guessing(
    victim, clock
):
    attacker = Client(REMOTE_ADDR=SCHOOL)
    pupils = [StudentFactory(username=f"lop6a_{n}") for n in range(30)]

    for pupil in pupils:
        _guess(attacker, clock, "nan_nhan", times=2)
        browser = Client(REMOTE_ADDR=SCHOOL)
        assert WRONG_PASSWORD in _attempt(browser, pupil.username)  # a typo
        _attempt(browser, pupil.username, PASSWORD)
        assert _signed_in(browser), pupil.username


def test_the_owner_at_the_same_address_gets_in_once_the_wait_is_over(victim, clock):
    _guess(Client(REMOTE_ADDR=SCHOOL), clock, "nan_nhan", times=40)
    owner = Client(REMOTE_ADDR=SCHOOL)

    told = _attempt(owner, "nan_nhan", PASSWORD)
    clock.advance(60)
    _attempt(owner, "nan_nhan", PASSWORD)

    assert _wait_asked(told) == 60
    assert WRONG_PASSWORD not in told
    assert _signed_in(owner)


def test_an_attacker_on_another_network_slows_the_owner_only_briefly(
    victim, clock, settings
):
    _guess(Client(REMOTE_ADDR=SCHOOL), clock, "nan_nhan", times=40)
    owner = Client(REMOTE_ADDR=HOME)

    told = _attempt(owner, "nan_nhan", PASSWORD)
    clock.advance(settings.ACCOUNTS_SIGN_IN_SHARED_MAX_DELAY)
    _attempt(owner, "nan_nhan", PASSWORD)

    assert _wait_asked(told) == settings.ACCOUNTS_SIGN_IN_SHARED_MAX_DELAY == 10
    assert _signed_in(owner)


def test_a_right_password_clears_the_accounts_failures(client, victim):
    for _ in range(2):
        _attempt(client, "nan_nhan")
    _attempt(client, "nan_nhan", PASSWORD)
    client.post(reverse("accounts:logout"))
    for _ in range(2):
        _attempt(client, "nan_nhan")

    _attempt(client, "nan_nhan", PASSWORD)

    assert _signed_in(client)


def test_unknown_names_are_treated_exactly_like_real_ones(client, victim):
    def answers(username):
        return [
            WRONG_PASSWORD in (html := _attempt(client, username)) or _wait_asked(html)
            for _ in range(6)
        ]

    assert answers("nan_nhan") == answers("khong_co_ai") == [True] * 3 + [1, 1, 1]


def test_names_differing_only_in_case_share_a_limit(client, victim):
    for name in ("NAN_NHAN", "Nan_Nhan", " nan_nhan"):
        _attempt(client, name)

    assert _wait_asked(_attempt(client, "nan_nhan", PASSWORD)) == 1


def test_addresses_in_one_ipv6_network_share_a_limit(victim):
    for host in range(1, 4):
        _attempt(Client(REMOTE_ADDR=f"2001:db8:1:2::{host}"), "nan_nhan")

    told = _attempt(Client(REMOTE_ADDR="2001:db8:1:2::99"), "nan_nhan", PASSWORD)

    assert _wait_asked(told) == 1


def test_a_flood_from_one_address_slows_that_address_only(settings, clock):
    """Guessing across many accounts, which the per-account limits do not
    see, reaches the address's threshold; other networks are untouched."""
    settings.ACCOUNTS_SIGN_IN_ADDRESS_FREE_FAILURES = 20
    pupil = StudentFactory(username="hoc_sinh")
    flood = Client(REMOTE_ADDR=SCHOOL)
    for n in range(20):
        _attempt(flood, f"lop{n}")

    at_school = Client(REMOTE_ADDR=SCHOOL)
    refused = _attempt(at_school, pupil.username, PASSWORD)
    elsewhere = Client(REMOTE_ADDR=HOME)
    _attempt(elsewhere, pupil.username, PASSWORD)
    clock.advance(1)
    _attempt(at_school, pupil.username, PASSWORD)

    assert _wait_asked(refused) == 1
    assert _signed_in(elsewhere)
    assert _signed_in(at_school)


def test_one_password_check_at_a_time_per_account():
    """Parallel guesses for one account wait their turn; parallel sign-ins to
    different accounts from one address (a class at once) do not."""
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=SCHOOL)

    first = ratelimit.attempt_start(request, "nan_nhan")
    parallel = ratelimit.attempt_start(request, "nan_nhan")
    classmate = ratelimit.attempt_start(request, "lop6a_1")
    ratelimit.attempt_release(request, "nan_nhan")
    after = ratelimit.attempt_start(request, "nan_nhan")

    assert first is None
    assert parallel == ratelimit.Refusal(wait=1)
    assert classmate is None
    assert after is None
