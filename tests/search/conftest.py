"""Search tests read the engine through tests/search_engine.py's fixtures."""

import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages in English, so tests read the rule each answer names."""
    settings.LANGUAGE_CODE = "en"
