"""The learner's own records: enrolments with progress, certificates, statements.

Every view is for a signed-in learner (token or session) and reads only
rows belonging to them, so another learner's id is simply not found.
Changes go through the courses services, the same as the pages use.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as ServiceRefusal
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import APIException
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from courses.models import Certificate, CoursePage, Enrolment
from courses.selectors import course_progress
from courses.services import enrolment_cancel, enrolment_create
from lms.links import absolute_url
from opendata import describe
from opendata.api.conditional import ConditionalGetMixin
from opendata.api.learner_serializers import (
    CertificateSerializer,
    EnrolmentDetailSerializer,
    EnrolmentRequestSerializer,
    EnrolmentSerializer,
    StatementSerializer,
)
from opendata.api.pagination import ApiPagination
from opendata.api.views import ERROR_SCHEMA, IdLookupMixin
from opendata.models import XapiStatement

SIGNED_IN_ERRORS = {
    401: OpenApiResponse(ERROR_SCHEMA, description="Not signed in."),
    403: OpenApiResponse(ERROR_SCHEMA, description="Not allowed."),
    429: OpenApiResponse(ERROR_SCHEMA, description="Rate limit reached."),
}
LIST_ERRORS = {
    **SIGNED_IN_ERRORS,
    400: OpenApiResponse(ERROR_SCHEMA, description="Invalid page."),
    404: OpenApiResponse(ERROR_SCHEMA, description="No such page."),
}
ITEM_ERRORS = {
    **SIGNED_IN_ERRORS,
    404: OpenApiResponse(ERROR_SCHEMA, description="None of your enrolments."),
}


class Refused(APIException):
    """A service refused the change; the code and message are the service's."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "refused"


class UnknownCourse(APIException):
    """The course named in the request does not exist."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "unknown_course"
    default_detail = _("There is no course with this id.")


def _refused(error: ServiceRefusal) -> Refused:
    return Refused(detail=" ".join(error.messages), code=error.code or "refused")


class LearnerMixin:
    permission_classes = [IsAuthenticated]

    def is_schema_generation(self) -> bool:
        """The schema generator calls views without a user; it needs no rows."""
        return getattr(self, "swagger_fake_view", False)


class EnrolmentViewSet(
    LearnerMixin,
    IdLookupMixin,
    ConditionalGetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The signed-in learner's current enrolments, newest first."""

    serializer_class = EnrolmentSerializer
    pagination_class = ApiPagination

    def get_queryset(self):
        if self.is_schema_generation():
            return Enrolment.objects.none()
        return (
            Enrolment.objects.active()
            .filter(learner=self.request.user)
            .select_related("course")
            .order_by("-enrolled_at", "-pk")
        )

    @extend_schema(responses={200: EnrolmentSerializer, **LIST_ERRORS})
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: EnrolmentDetailSerializer, **ITEM_ERRORS})
    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        enrolment = self.get_object()
        return Response(
            EnrolmentDetailSerializer(
                self._with_progress(enrolment), context={"request": request}
            ).data
        )

    @extend_schema(
        request=EnrolmentRequestSerializer,
        responses={
            200: OpenApiResponse(
                EnrolmentDetailSerializer, description="Already enrolled."
            ),
            201: OpenApiResponse(EnrolmentDetailSerializer, description="Enrolled."),
            400: OpenApiResponse(ERROR_SCHEMA, description="No such course."),
            409: OpenApiResponse(
                ERROR_SCHEMA, description="The course does not accept you now."
            ),
            **SIGNED_IN_ERRORS,
        },
    )
    def create(self, request: Request, *args, **kwargs) -> Response:
        incoming = EnrolmentRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        course = CoursePage.objects.filter(pk=incoming.validated_data["course"]).first()
        if course is None:
            raise UnknownCourse()
        try:
            enrolment, created = enrolment_create(learner=request.user, course=course)
        except ServiceRefusal as error:
            raise _refused(error) from error
        return Response(
            EnrolmentDetailSerializer(
                self._with_progress(enrolment), context={"request": request}
            ).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        responses={
            204: OpenApiResponse(description="Left the course; progress is kept."),
            **ITEM_ERRORS,
        }
    )
    def destroy(self, request: Request, *args, **kwargs) -> Response:
        with transaction.atomic():
            enrolment = self.get_object()
            try:
                enrolment_cancel(learner=request.user, course=enrolment.course)
            except ServiceRefusal as error:
                raise _refused(error) from error
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _with_progress(self, enrolment: Enrolment) -> dict:
        request = self.request
        progress = course_progress(learner=request.user, course=enrolment.course)
        return {
            "id": enrolment.pk,
            "course": enrolment.course,
            "enrolled_at": enrolment.enrolled_at,
            "last_activity_at": enrolment.last_activity_at,
            "completed_count": progress.completed_count,
            "lesson_count": len(progress.lessons),
            "percent": progress.percent,
            "lessons": [
                {
                    "id": lesson.pk,
                    "title": lesson.title,
                    "url": describe.page_url(lesson, request),
                    "is_required": lesson.is_required,
                    "completed": lesson.pk in progress.completed_ids,
                }
                for lesson in progress.lessons
            ],
            "certificate_url": (
                absolute_url(progress.certificate.get_absolute_url(), request)
                if progress.certificate
                else None
            ),
        }


@extend_schema(responses={200: CertificateSerializer, **LIST_ERRORS})
class CertificateListView(LearnerMixin, ConditionalGetMixin, ListAPIView):
    """The signed-in learner's certificates, revoked ones included and marked."""

    serializer_class = CertificateSerializer
    pagination_class = ApiPagination

    def get_queryset(self):
        if self.is_schema_generation():
            return Certificate.objects.none()
        return Certificate.objects.filter(learner=self.request.user).order_by(
            "-issued_at", "-pk"
        )


@extend_schema(responses={200: StatementSerializer, **LIST_ERRORS})
class StatementListView(LearnerMixin, ConditionalGetMixin, ListAPIView):
    """The signed-in learner's own xAPI statements, oldest first, as sent to
    the learning record store."""

    serializer_class = StatementSerializer
    pagination_class = ApiPagination

    def get_queryset(self):
        if self.is_schema_generation():
            return XapiStatement.objects.none()
        return XapiStatement.objects.filter(user=self.request.user).order_by(
            "timestamp", "pk"
        )
