"""Read API views: thin, public content only, conditional GET everywhere."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import ratelimit
from courses.models import CoursePage
from lms.api_errors import ERROR_SCHEMA
from opendata.api.conditional import ConditionalGetMixin
from opendata.api.filters import CourseFilter, MaterialFilter
from opendata.api.pagination import ApiPagination
from opendata.api.serializers import (
    CourseDetailSerializer,
    CourseSerializer,
    MaterialSerializer,
    MeSerializer,
)
from opendata.selectors import public_courses, public_materials

READ_ERRORS = {
    400: OpenApiResponse(ERROR_SCHEMA, description="Invalid filter or page."),
    404: OpenApiResponse(ERROR_SCHEMA, description="No such published item."),
    429: OpenApiResponse(ERROR_SCHEMA, description="Rate limit reached."),
}


# The largest id a database integer column holds; larger ids cannot exist.
MAX_ID = 2**63 - 1


class IdLookupMixin:
    """Answers ids that cannot exist with 404 before they reach the database."""

    def get_object(self):
        raw = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        if not raw.isdigit() or int(raw) > MAX_ID:
            raise NotFound()
        return super().get_object()


@extend_schema(responses={200: MaterialSerializer, **READ_ERRORS})
class MaterialViewSet(
    IdLookupMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet
):
    """Published learning materials, newest first."""

    serializer_class = MaterialSerializer
    pagination_class = ApiPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = MaterialFilter

    def get_queryset(self):
        return public_materials().order_by("-first_published_at", "-pk")


@extend_schema(responses={200: CourseSerializer, **READ_ERRORS})
class CourseViewSet(IdLookupMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Published courses with their modules and lessons in the detail view."""

    # The schema reads the model from here without touching the database.
    queryset = CoursePage.objects.none()
    pagination_class = ApiPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = CourseFilter

    def get_queryset(self):
        return public_courses().order_by("title", "pk")

    def get_serializer_class(self):
        return CourseDetailSerializer if self.action == "retrieve" else CourseSerializer

    @extend_schema(responses={200: CourseDetailSerializer, **READ_ERRORS})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


class MeView(ConditionalGetMixin, APIView):
    """The account the request's token or session belongs to."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={
            200: MeSerializer,
            401: OpenApiResponse(ERROR_SCHEMA, description="No valid token."),
            403: OpenApiResponse(ERROR_SCHEMA, description="Not signed in."),
        }
    )
    def get(self, request: Request) -> Response:
        user = request.user
        return Response(
            MeSerializer(
                {
                    "id": user.pk,
                    "username": user.get_username(),
                    "public_name": user.public_name,
                    "preferred_language": user.preferred_language,
                }
            ).data
        )


class SignInRefused(Throttled):
    """A 429 in the words every sign-in door uses, and nothing more: DRF's
    Throttled appends its own "Expected available in N seconds" sentence."""

    def __init__(self, refusal: ratelimit.Refusal) -> None:
        super().__init__(detail=refusal.message)
        self.wait = refusal.wait


class TokenView(ObtainAuthToken):
    """Exchange a username and password for the account's API token."""

    @extend_schema(
        request=inline_serializer(
            name="TokenRequest",
            fields={
                "username": serializers.CharField(),
                "password": serializers.CharField(),
            },
        ),
        responses={
            200: inline_serializer(
                name="TokenResponse", fields={"token": serializers.CharField()}
            ),
            400: OpenApiResponse(ERROR_SCHEMA, description="Wrong credentials."),
            429: OpenApiResponse(
                ERROR_SCHEMA,
                description="Rate limit or sign-in limit reached: see Retry-After.",
            ),
        },
    )
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            # The sign-in limit refused before checking the password: say so,
            # with the wait in Retry-After, rather than "wrong credentials".
            refused = ratelimit.refusal(request)
            if refused is None:
                raise
            raise SignInRefused(refused) from None
