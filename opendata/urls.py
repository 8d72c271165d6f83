from django.urls import include, path

from lms.page_cache import cacheable_for_anonymous
from opendata import feeds, sitemaps
from opendata.oai.views import endpoint as oai_endpoint

urlpatterns = [
    path("api/v1/", include("opendata.api.urls")),
    path("oai/", oai_endpoint, name="oai"),
    path(
        "feeds/materials/",
        cacheable_for_anonymous(feeds.NewMaterialsFeed()),
        name="feed_materials",
    ),
    path(
        "feeds/materials/<slug:subject>/",
        cacheable_for_anonymous(feeds.SubjectMaterialsFeed()),
        name="feed_materials_subject",
    ),
    path("sitemap.xml", cacheable_for_anonymous(sitemaps.sitemap_view), name="sitemap"),
]
