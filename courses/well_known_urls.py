"""Addresses other software expects at the site's root, outside /learning/."""

from django.urls import path

from courses import views

urlpatterns = [
    path(".well-known/did.json", views.issuer_did_document, name="did_document"),
]
