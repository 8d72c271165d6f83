from django.urls import path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.routers import SimpleRouter

from opendata.api import learner, views

router = SimpleRouter()
router.register("materials", views.MaterialViewSet, basename="api-material")
router.register("courses", views.CourseViewSet, basename="api-course")
router.register("me/enrolments", learner.EnrolmentViewSet, basename="api-my-enrolment")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"
    ),
    path(
        "redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"
    ),
    path("me/", views.MeView.as_view(), name="api-me"),
    path(
        "me/certificates/",
        learner.CertificateListView.as_view(),
        name="api-my-certificates",
    ),
    path(
        "me/statements/", learner.StatementListView.as_view(), name="api-my-statements"
    ),
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    *router.urls,
]
