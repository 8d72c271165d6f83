"""sitemap.xml: every public Wagtail page plus every published material."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap

from materials.models import Material


class MaterialSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return (
            Material.objects.filter(live=True)
            .only("pk", "slug", "last_published_at", "updated_at")
            .order_by("pk")
        )

    def location(self, item: Material) -> str:
        return item.get_absolute_url()

    def lastmod(self, item: Material):
        return item.last_published_at or item.updated_at


def sitemap_view(request: HttpRequest) -> HttpResponse:
    return sitemap(
        request, sitemaps={"pages": PageSitemap, "materials": MaterialSitemap}
    )
