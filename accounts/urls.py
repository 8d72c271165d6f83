from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path(
        "invitations/<str:token>/",
        views.accept_teacher_invitation,
        name="accept_teacher_invitation",
    ),
]
