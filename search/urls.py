from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest_view, name="suggest"),
    path("api/v1/search/", views.search_api, name="api"),
]
