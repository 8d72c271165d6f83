import functools

import pytest

pytest_plugins = ["tests.search_engine"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Tests that share an expensive fixture (the browser tests' demo site, a
    module's processes) must run on one worker, or each worker builds its own
    copy. pytest-xdist groups them by renaming the items; if a new pytest or
    xdist stops that, the suite stays green but slows, so say it here."""
    if not config.getoption("loadgroup", default=False):
        return
    lost = [
        item.nodeid
        for item in items
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
    ]
    if lost:
        raise pytest.UsageError(
            f"pytest-xdist did not group {len(lost)} tests marked xdist_group "
            f"(first: {lost[0]}); check the pytest and pytest-xdist versions"
        )


@functools.cache
def _test_signing_key() -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from courses.credentials.keys import raw_seed
    from courses.credentials.multibase import secret_key_multibase

    return secret_key_multibase(raw_seed(Ed25519PrivateKey.generate()))


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    """Each test writes files to its own folder, hashes passwords cheaply and
    starts in the default language whatever an earlier request activated."""
    from django.core.cache import caches
    from django.utils import translation

    from courses.translations import forget_locales

    translation.activate(settings.LANGUAGE_CODE)
    # Read again from this test's database, not one an earlier test rolled back.
    forget_locales()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media", "base_url": "/media/"},
        },
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Certificates are signed: one key for the whole run, never a real one.
    settings.CREDENTIALS_SIGNING_KEY = _test_signing_key()
    settings.CREDENTIALS_KEY_FILE = ""
    settings.VAR_DIR = tmp_path / "var"
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
        }
        for alias in ("default", "sign-in")
    }
    for alias in settings.CACHES:
        caches[alias].clear()
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "processing", "search"],
        }
    }


@pytest.fixture
def home_page(db):
    from tests.factories.courses import site_home

    return site_home()


@pytest.fixture
def catalogue(db):
    from tests.factories.courses import site_catalogue

    return site_catalogue()


@pytest.fixture
def served_api_schema(db, settings):
    """The OpenAPI schema, served by the real WSGI application inside the test
    transaction, for schemathesis to generate requests from and check against.

    Like Django's test client, the connection must survive each request, so
    the per-request connection clean-up is held off while the test runs.
    """
    import schemathesis
    from django.core.cache import cache
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    settings.API_ANON_RATE = "100000/minute"
    cache.clear()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(
            "/api/v1/schema/?format=json", get_wsgi_application()
        )
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def uncached_pages(settings):
    """Every request renders its page: for tests that pin what a render costs
    (the anonymous page cache is tested in tests/lms/test_page_cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def batched_counters(settings):
    """Counters through a real Redis under this test's own key prefix; the
    client, for reading what waits there."""
    from tests.redis_service import (
        REDIS_URL,
        delete_prefixed,
        redis_or_skip,
        unique_prefix,
    )

    client = redis_or_skip()
    prefix = f"{unique_prefix()}:"
    settings.COUNTERS_REDIS_URL = REDIS_URL
    settings.COUNTERS_KEY_PREFIX = prefix
    yield client
    delete_prefixed(client, prefix)
