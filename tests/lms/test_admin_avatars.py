"""The admin shows people's avatars from the site itself: no image points
at an outside service the site's visitors cannot reach or should not be
told about."""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from lxml import html as lxml_html

from tests.factories import CuratorFactory

pytestmark = pytest.mark.django_db


def test_admin_avatars_are_files_the_site_serves(client):
    curator = CuratorFactory()
    client.force_login(curator)

    page = lxml_html.fromstring(client.get("/admin/").content)

    images = page.xpath("//img/@src")
    assert any("avatar" in source for source in images)
    for source in images:
        assert source.startswith(settings.STATIC_URL), source
        path = source.removeprefix(settings.STATIC_URL).split("?")[0]
        assert finders.find(path), f"{source} is not a static file"
