"""What a refused LTI message tells the person who sees it."""

from __future__ import annotations


class LtiError(Exception):
    """A launch, login or deep-linking message we refuse.

    ``status`` is 400 for a message that is malformed, stale or replayed and
    403 for one we cannot trust (signature, audience, issuer, deployment).
    """

    def __init__(
        self, message: str, *, code: str, status: int = 400, retry_url: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        # Where the person may start again in a new window, when that helps.
        self.retry_url = retry_url
