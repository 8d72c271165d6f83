from django.urls import include, path

from opendata import feeds, sitemaps
from opendata.oai.views import endpoint as oai_endpoint

urlpatterns = [
    path("api/v1/", include("opendata.api.urls")),
    path("oai/", oai_endpoint, name="oai"),
    path("feeds/materials/", feeds.NewMaterialsFeed(), name="feed_materials"),
    path(
        "feeds/materials/<slug:subject>/",
        feeds.SubjectMaterialsFeed(),
        name="feed_materials_subject",
    ),
    path("sitemap.xml", sitemaps.sitemap_view, name="sitemap"),
]
