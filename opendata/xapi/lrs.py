"""Posting statements to an external Learning Record Store.

The LRS is configured by LRS_ENDPOINT, LRS_USERNAME and LRS_PASSWORD, read
from the environment at each call so that credentials can be rotated without
a restart and are never held in settings.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib import error, request

from django.conf import settings

from lms.env import env_str, env_url


@dataclass(frozen=True)
class LrsConfig:
    endpoint: str
    username: str
    password: str

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"


def lrs_config() -> LrsConfig | None:
    """The configured LRS, or None when statements are only kept locally."""
    endpoint = env_url("LRS_ENDPOINT", schemes={"http", "https"})
    if not endpoint:
        return None
    return LrsConfig(endpoint, env_str("LRS_USERNAME"), env_str("LRS_PASSWORD"))


@dataclass(frozen=True)
class Delivery:
    """How one POST went: accepted, rejected for good, or worth retrying."""

    status: int | None
    detail: str

    @property
    def accepted(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def conflict(self) -> bool:
        """409: the LRS holds a different statement under one of these ids
        (an identical one it just ignores), and so stored none of the batch.
        Sending that statement again cannot change the answer."""
        return self.status == 409

    @property
    def misconfigured(self) -> bool:
        """Wrong credentials or address: no statement is at fault, and none
        will get through until an operator fixes the settings."""
        return self.status in (401, 403, 404)

    @property
    def rejected(self) -> bool:
        """A client error that repeating the same request cannot fix."""
        retryable = (408, 409, 429)
        return (
            self.status is not None
            and 400 <= self.status < 500
            and self.status not in retryable
            and not self.misconfigured
        )


def post_statements(config: LrsConfig, statements: list[dict]) -> Delivery:
    """POST a batch; network failures become a retryable Delivery."""
    body = json.dumps(statements).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Experience-API-Version": "1.0.3",
    }
    if config.username or config.password:
        token = base64.b64encode(f"{config.username}:{config.password}".encode())
        headers["Authorization"] = "Basic " + token.decode()
    outgoing = request.Request(  # noqa: S310 - the scheme is checked as http(s)
        config.statements_url, data=body, headers=headers, method="POST"
    )
    try:
        with request.urlopen(  # noqa: S310 - the scheme is checked as http(s)
            outgoing, timeout=settings.XAPI_TIMEOUT_SECONDS
        ) as response:
            return Delivery(response.status, "")
    except error.HTTPError as failure:
        return Delivery(failure.code, _read(failure))
    except (error.URLError, TimeoutError, OSError) as failure:
        return Delivery(None, str(getattr(failure, "reason", failure)))


def _read(failure: error.HTTPError) -> str:
    try:
        return failure.read(2000).decode(errors="replace")
    except OSError:
        return ""
