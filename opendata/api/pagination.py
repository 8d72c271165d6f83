from django.conf import settings
from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):
    """Numbered pages; ``page_size`` lets clients ask for up to API_MAX_PAGE_SIZE."""

    page_size_query_param = "page_size"

    def get_page_size(self, request) -> int:
        self.page_size = settings.API_PAGE_SIZE
        self.max_page_size = settings.API_MAX_PAGE_SIZE
        return super().get_page_size(request)
