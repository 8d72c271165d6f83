"""sitemap.xml: every public Wagtail page plus every published material."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from courses.translations import originals
from materials.models import Material


class PageSitemap(WagtailSitemap):
    """Every language's tree, each page once: a page and its translations
    share an address (the reader's language picks the tree), so the sitemap
    lists the original, or the page itself where it exists in one language."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for path in roots.values_list("path", flat=True):
            in_site |= Q(path__startswith=path)
        pages = originals(Page.objects.live().public().filter(in_site))
        return pages.order_by("path").defer_streamfields().specific()


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
