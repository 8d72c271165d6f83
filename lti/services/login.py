"""OIDC third-party login initiation: the first step of every LTI launch."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lti.errors import LtiError
from lti.models import LoginState, Registration

STATE_MINUTES = 10
LOGIN_PARAMS = (
    "iss",
    "login_hint",
    "target_link_uri",
    "lti_message_hint",
    "client_id",
    "lti_deployment_id",
)


@dataclass(frozen=True)
class LoginRedirect:
    state: str
    url: str  # the platform's authorisation endpoint with our request


def registration_for(*, issuer: str, client_id: str = "") -> Registration:
    """The active registration of this issuer (and client id, when given)."""
    registrations = Registration.objects.filter(issuer=issuer, is_active=True)
    if client_id:
        registrations = registrations.filter(client_id=client_id)
    found = list(registrations[:2])
    if len(found) != 1:
        raise LtiError(
            _("This platform is not registered with this site.")
            if not found
            else _(
                "Several registrations share this issuer; the platform must send its client id."
            ),
            code="unknown_issuer",
            status=403,
        )
    return found[0]


def _checked_registration(params: dict[str, str]) -> Registration:
    for name in ("iss", "login_hint", "target_link_uri"):
        if not params.get(name):
            raise LtiError(
                _("The login request lacks the “%(name)s” parameter.") % {"name": name},
                code="login_params",
            )
    registration = registration_for(
        issuer=params["iss"], client_id=params.get("client_id", "")
    )
    deployment = params.get("lti_deployment_id")
    if deployment and deployment not in registration.deployments:
        raise LtiError(
            _("This deployment is not registered with this site."),
            code="deployment",
            status=403,
        )
    return registration


def _authorisation_url(
    state: LoginState, params: dict[str, str], redirect_uri: str
) -> str:
    query = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": state.registration.client_id,
        "redirect_uri": redirect_uri,
        "login_hint": params["login_hint"],
        "state": state.state,
        "nonce": state.nonce,
    }
    if params.get("lti_message_hint"):
        query["lti_message_hint"] = params["lti_message_hint"]
    base = state.registration.auth_login_url
    return base + ("&" if "?" in base else "?") + urlencode(query)


@transaction.atomic
def login_start(*, params: dict[str, str], redirect_uri: str) -> LoginRedirect:
    """Record a fresh state and nonce, and build the authorisation request."""
    registration = _checked_registration(params)
    state = LoginState.objects.create(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        registration=registration,
        target_link_uri=params["target_link_uri"][:1000],
        login_params={
            name: params[name][:2000] for name in LOGIN_PARAMS if params.get(name)
        },
        created_at=timezone.now(),
    )
    return LoginRedirect(state.state, _authorisation_url(state, params, redirect_uri))


def _cookie_missing(state: str, login_url: str) -> LtiError:
    """The refusal of a launch without the state cookie, with the way round it:
    the same login initiation, in a new window."""
    started = LoginState.objects.filter(state=state, used_at__isnull=True).first()
    retry = ""
    if started and started.login_params:
        retry = f"{login_url}?{urlencode(started.login_params)}"
    return LtiError(
        _(
            "This browser did not start this sign-in, or blocked the cookie "
            "it needs. Open the link in a new window and try again."
        ),
        code="state_cookie",
        retry_url=retry,
    )


def login_state_claim(*, state: str, cookie_state: str, login_url: str) -> LoginState:
    """Take the login's state for this launch, once: the browser must bring the
    cookie set at login (so a launch cannot be replayed into someone else's
    browser) and neither state nor nonce may have been used before.

    Browsers that block third-party cookies (Safari, private windows) drop
    that cookie inside the LMS's frame; they are offered the same login in a
    new window, where the cookie is first-party.
    """
    if not state or not secrets.compare_digest(state, cookie_state or ""):
        raise _cookie_missing(state, login_url)
    login = (
        LoginState.objects.select_related("registration").filter(state=state).first()
    )
    if login is None:
        raise LtiError(
            _("This sign-in is unknown; start again from the platform."), code="state"
        )
    claimed = LoginState.objects.filter(pk=login.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not claimed:
        raise LtiError(
            _("This launch was already used; start again from the platform."),
            code="replayed",
        )
    if login.created_at < timezone.now() - timedelta(minutes=STATE_MINUTES):
        raise LtiError(
            _("This sign-in took too long; start again from the platform."),
            code="state_expired",
        )
    return login
