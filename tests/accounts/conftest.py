import time

import pytest

from accounts import ratelimit


@pytest.fixture(autouse=True)
def _english(settings):
    """Pages in English, so tests can read Django's own messages."""
    settings.LANGUAGE_CODE = "en"


class Clock:
    """The sign-in limit's clock, standing still until a test moves it."""

    def __init__(self) -> None:
        self.time = time.time()

    def __call__(self) -> float:
        return self.time

    def advance(self, seconds: float) -> None:
        self.time += seconds


@pytest.fixture(autouse=True)
def clock(monkeypatch) -> Clock:
    """Waits pass when a test says so, never because the machine was slow."""
    stopped = Clock()
    monkeypatch.setattr(ratelimit, "now", stopped)
    return stopped
