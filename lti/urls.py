from django.urls import path

from lti import picker_views, views

app_name = "lti"

urlpatterns = [
    path("jwks.json", views.key_set, name="jwks"),
    path("login/", views.login_initiation, name="login"),
    path("launch/", views.launch, name="launch"),
    path("continue/<str:token>/", views.continue_launch, name="continue"),
    path("deep-linking/<str:token>/", picker_views.deep_linking, name="deep_linking"),
]
