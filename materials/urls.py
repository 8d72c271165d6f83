from django.urls import path

from materials import player_views, views

app_name = "materials"

urlpatterns = [
    path("", views.material_list, name="list"),
    path("upload/", views.material_upload, name="upload"),
    path("mine/", views.my_materials, name="mine"),
    path("review/", views.review_queue, name="review"),
    path("<int:pk>/review/", views.review_decide, name="review_decide"),
    path("<int:pk>/download/", views.material_download, name="download"),
    path("<int:pk>/play/state/", player_views.package_state, name="package_state"),
    path(
        "<int:pk>/play/<str:token>/<path:path>",
        player_views.package_file,
        name="package_file",
    ),
    path("<int:pk>/thumbnail/", views.material_thumbnail, name="thumbnail"),
    path("<int:pk>/edit/", views.material_edit, name="edit"),
    path("<int:pk>/<str:action>/", views.material_action, name="action"),
    path("<int:pk>-<slug:slug>/", views.material_detail, name="detail"),
]
