"""Pages and counters through the site's Redis cache backend, as production
runs it: a real Redis, under this test's own key prefix."""

import threading

import pytest
from django.core.cache import cache
from django.test import Client

from lms.page_cache import HEADER
from tests.factories import CoursePageFactory
from tests.redis_service import REDIS_URL, delete_prefixed, redis_or_skip, unique_prefix

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings):
    client = redis_or_skip()
    prefix = unique_prefix()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "lms.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    yield
    delete_prefixed(client, f"{prefix}:")


def test_a_page_kept_in_redis_is_fresh_after_a_publish(
    redis_cache, django_capture_on_commit_callbacks
):
    course = CoursePageFactory(title="Sinh học 7: Tế bào")
    Client().get(course.url)
    served = Client().get(course.url)

    with django_capture_on_commit_callbacks(execute=True):
        course.title = "Sinh học 7: Tế bào và mô"
        course.save_revision().publish()
    after = Client().get(course.url)

    assert served[HEADER] == "hit"
    assert "Sinh học 7: Tế bào" in served.content.decode()
    assert after[HEADER] == "miss"
    assert "Sinh học 7: Tế bào và mô" in after.content.decode()


def test_threads_sharing_the_backend_lose_no_increment(redis_cache):
    cache.set("shared-count", 0)

    def count() -> None:
        for _ in range(200):
            cache.incr("shared-count")

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert cache.get("shared-count") == 1600
