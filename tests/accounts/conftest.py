import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _english(settings):
    """Pages in English, so tests can read Django's own messages."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _no_failures_left_over():
    """Sign-in failures live in the cache; no test inherits another's."""
    cache.clear()
    yield
    cache.clear()
