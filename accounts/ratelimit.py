"""Slowing down password guessing without locking anyone out.

A lock-out (refuse everything for 15 minutes after five failures) lets anyone
who knows a name keep its owner out, and a count per address that survives a
correct sign-in lets one pupil on a school's shared address lock out the
school. Instead, like large sites, each failure makes the *next* attempt wait
a little longer (1, 2, 4 … seconds, up to a cap, counted from the last
failure), so the rightful owner gets in after at most the cap, and a correct
sign-in forgets the account's failures.

Three limits, each a few counters in the shared sign-in cache (Redis in
production, so every web process sees the same counts):

* **an account from one address** — the strict one. Guessing one account from
  one network is slowed to one try per ``ACCOUNTS_SIGN_IN_MAX_DELAY``.
* **an account from every address** — looser, with more free failures and a
  short cap. It slows guessing spread over many networks, while an attacker on
  another network delays the owner by at most a few seconds: the attacker's
  own strict limit spaces their tries further apart than this cap, so the owner
  always finds gaps.
* **an address across accounts** — a flood limit sized for a school behind one
  NAT (hundreds of failures per window). One pupil guessing one account cannot
  reach it (the strict limit holds them to a trickle), so the other pupils'
  sign-ins are untouched; only guessing across many accounts from one address
  does, and then the whole address is slowed, briefly. A correct sign-in does
  not clear it: otherwise the guesser could clear it with their own account.

Account names are hashed after ``casefold()``: names that differ in case share
a limit, names never reach the cache in clear, and unknown names are limited
exactly like real ones, so the limit says nothing about who has an account.

An attempt made before its wait has passed is refused *without* checking the
password and answered with the remaining wait; nothing sleeps in the request,
which would let an attacker tie up the web threads. On the two account limits
one password check may be in flight at a time (an atomic ``cache.add``), so a
burst of parallel guesses gets one try, not one try per thread.

What this does not cover: an attacker on the owner's own address (the same
school) who guesses the moment each wait ends can keep the owner waiting
while they keep at it. Remembering browsers that signed in before (OWASP's
"device cookies") would let those skip the shared waits; not built yet.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.http import HttpRequest
from django.utils.translation import ngettext

# How long an in-flight password check holds its account: far longer than a
# check takes, short enough that a worker dying mid-check frees it soon.
CHECK_SECONDS = 30
_REFUSAL_ATTRIBUTE = "_sign_in_refusal"


def now() -> float:
    """The clock the limit reads; tests replace it instead of sleeping."""
    return time.time()


@dataclass(frozen=True)
class Limit:
    """One counter: failures under ``key`` start delays after ``free`` of them,
    doubling up to ``cap`` seconds, and are forgotten ``forget`` seconds after
    the last (``slide``) or the first failure."""

    key: str
    free: int
    cap: int
    forget: int
    slide: bool
    one_check_at_a_time: bool

    def delay(self, failures: int) -> int:
        if failures < self.free:
            return 0
        return min(self.cap, 2 ** min(failures - self.free, 32))


@dataclass(frozen=True)
class Refusal:
    """An attempt refused before its password was checked: wait this long."""

    wait: int

    @property
    def message(self) -> str:
        """The one wording every sign-in door shows, in the active language."""
        return ngettext(
            "Too many failed sign-in attempts. Wait %(seconds)d second, "
            "then try again.",
            "Too many failed sign-in attempts. Wait %(seconds)d seconds, "
            "then try again.",
            self.wait,
        ) % {"seconds": self.wait}


def _cache() -> BaseCache:
    return caches[settings.ACCOUNTS_SIGN_IN_CACHE]


def _account(username: str) -> str:
    return hashlib.sha256(username.strip().casefold().encode()).hexdigest()


def _address(request: HttpRequest) -> str:
    """The client's address; IPv6 by its /64, which one household or school
    gets whole, so hopping within it does not escape the limit."""
    raw = request.META.get("REMOTE_ADDR") or "unknown"
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw[:64]
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))


def _limits(request: HttpRequest, username: str) -> list[Limit]:
    account, address = _account(username), _address(request)
    forget = settings.ACCOUNTS_SIGN_IN_FORGET_SECONDS
    shared_cap = settings.ACCOUNTS_SIGN_IN_SHARED_MAX_DELAY
    return [
        Limit(
            key=f"sign-in:pair:{account}:{address}",
            free=settings.ACCOUNTS_SIGN_IN_FREE_FAILURES,
            cap=settings.ACCOUNTS_SIGN_IN_MAX_DELAY,
            forget=forget,
            slide=True,
            one_check_at_a_time=True,
        ),
        Limit(
            key=f"sign-in:account:{account}",
            free=settings.ACCOUNTS_SIGN_IN_ACCOUNT_FREE_FAILURES,
            cap=shared_cap,
            forget=forget,
            slide=True,
            one_check_at_a_time=True,
        ),
        Limit(
            key=f"sign-in:address:{address}",
            free=settings.ACCOUNTS_SIGN_IN_ADDRESS_FREE_FAILURES,
            cap=shared_cap,
            forget=settings.ACCOUNTS_SIGN_IN_ADDRESS_WINDOW,
            slide=False,
            one_check_at_a_time=False,
        ),
    ]


def _remaining(limit: Limit, values: dict) -> int:
    delay = limit.delay(values.get(f"{limit.key}:count", 0))
    last = values.get(f"{limit.key}:last")
    if not delay or last is None:
        return 0
    return max(0, math.ceil(last + delay - now()))


def _wait(cache: BaseCache, limits: list[Limit]) -> int:
    keys = [f"{limit.key}:{part}" for limit in limits for part in ("count", "last")]
    values = cache.get_many(keys)
    return max(_remaining(limit, values) for limit in limits)


def _checks(limits: Iterable[Limit]) -> list[str]:
    return [f"{limit.key}:check" for limit in limits if limit.one_check_at_a_time]


def _claim(cache: BaseCache, limits: list[Limit]) -> bool:
    claimed = []
    for key in _checks(limits):
        if not cache.add(key, 1, timeout=CHECK_SECONDS):
            cache.delete_many(claimed)
            return False
        claimed.append(key)
    return True


def attempt_start(request: HttpRequest, username: str) -> Refusal | None:
    """Whether this password may be checked now; if so, hold the account's
    limits until :func:`attempt_release`, so parallel guesses wait their turn.

    The waits are read before holding, so attempts refused while waiting never
    hold the account (else hammering would keep the owner out), and again
    after, for a failure recorded in between.
    """
    cache, limits = _cache(), _limits(request, username)
    if wait := _wait(cache, limits):
        return Refusal(wait)
    if not _claim(cache, limits):
        return Refusal(1)
    if wait := _wait(cache, limits):
        cache.delete_many(_checks(limits))
        return Refusal(wait)
    return None


def _increment(cache: BaseCache, limit: Limit) -> None:
    key = f"{limit.key}:count"
    if cache.add(key, 1, timeout=limit.forget):
        return
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=limit.forget)
        return
    # Redis' INCR recreates a key that expired after the existence check
    # without any expiry; touching it then keeps it from living forever.
    if limit.slide or count == 1:
        cache.touch(key, timeout=limit.forget)


def _record_failure(cache: BaseCache, limits: list[Limit]) -> None:
    for limit in limits:
        _increment(cache, limit)
        cache.set(f"{limit.key}:last", now(), timeout=limit.forget)


def _forget_account(cache: BaseCache, limits: list[Limit]) -> None:
    cache.delete_many(
        [
            f"{limit.key}:{part}"
            for limit in limits
            if limit.one_check_at_a_time
            for part in ("count", "last")
        ]
    )


def attempt_finish(request: HttpRequest, username: str, *, succeeded: bool) -> None:
    """Count a wrong password against every limit, or forget the account's
    failures after a right one (the address's count stays)."""
    cache, limits = _cache(), _limits(request, username)
    if succeeded:
        _forget_account(cache, limits)
    else:
        _record_failure(cache, limits)


def attempt_release(request: HttpRequest, username: str) -> None:
    """Let the next attempt on the account be checked (after its wait)."""
    _cache().delete_many(_checks(_limits(request, username)))


def remember_refusal(request: HttpRequest, refusal: Refusal) -> None:
    """Keep the refusal on the request for the door that asked to show.

    ``django.contrib.auth.authenticate()`` turns a backend's PermissionDenied
    into a plain failure, so the reason has to travel beside it.
    """
    setattr(request, _REFUSAL_ATTRIBUTE, refusal)


def refusal(request: HttpRequest | None) -> Refusal | None:
    """The refusal the backend gave this request, if it gave one."""
    return getattr(request, _REFUSAL_ATTRIBUTE, None)
