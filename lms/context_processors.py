from django.http import HttpRequest
from django.utils.translation import gettext


def site_title(request: HttpRequest) -> dict:
    """The site's name in the reader's language, for page titles and the
    header; the configured WAGTAIL_SITE_NAME stays the issuer's and the
    publisher's name in certificates, feeds and harvested records."""
    return {"site_title": gettext("Learning materials repository")}
