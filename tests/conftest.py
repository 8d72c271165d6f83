import pytest

pytest_plugins = ["tests.search_engine"]


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    """Each test writes files to its own folder, hashes passwords cheaply and
    starts in the default language whatever an earlier request activated."""
    from django.core.cache import cache
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
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
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    cache.clear()
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "processing", "search"],
        }
    }


@pytest.fixture
def home_page(db):
    from lms.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def catalogue(db):
    from courses.models import CourseCatalogPage

    return CourseCatalogPage.objects.get()
