from django.urls import path

from materials import views

app_name = "materials"

urlpatterns = [
    path("<int:pk>-<slug:slug>/", views.material_detail, name="detail"),
]
