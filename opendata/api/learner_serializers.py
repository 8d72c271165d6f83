"""What the learner API shows of a learner's own enrolments, certificates
and statements: ids, titles and absolute URLs, never other people's data."""

from __future__ import annotations

from rest_framework import serializers

from lms.links import absolute_url
from opendata import describe
from opendata.api.views import MAX_ID


class EnrolmentRequestSerializer(serializers.Serializer):
    course = serializers.IntegerField(min_value=1, max_value=MAX_ID)


class EnrolledCourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, course) -> str | None:
        return describe.page_url(course, self.context.get("request"))


class EnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    course = EnrolledCourseSerializer()
    enrolled_at = serializers.DateTimeField()
    last_activity_at = serializers.DateTimeField(allow_null=True)


class LessonProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    is_required = serializers.BooleanField()
    completed = serializers.BooleanField()


class EnrolmentDetailSerializer(EnrolmentSerializer):
    """One enrolment with the learner's progress through each live lesson."""

    completed_count = serializers.IntegerField()
    lesson_count = serializers.IntegerField()
    percent = serializers.IntegerField()
    lessons = LessonProgressSerializer(many=True)
    certificate_url = serializers.URLField(allow_null=True)


class CertificateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    course = serializers.IntegerField(source="course_id")
    course_title = serializers.CharField()
    learner_name = serializers.CharField()
    issuer_name = serializers.CharField()
    issued_at = serializers.DateTimeField()
    is_revoked = serializers.BooleanField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    revocation_reason = serializers.CharField()
    verification_url = serializers.SerializerMethodField()

    def get_verification_url(self, certificate) -> str:
        return absolute_url(certificate.get_absolute_url(), self.context.get("request"))


class StatementSerializer(serializers.Serializer):
    """An xAPI 1.0.3 statement exactly as stored and sent to the LRS.

    The fields are declared for the schema; the body is the stored statement.
    """

    id = serializers.UUIDField()
    version = serializers.CharField()
    actor = serializers.DictField()
    verb = serializers.DictField()
    object = serializers.DictField()
    result = serializers.DictField(required=False)
    context = serializers.DictField()
    timestamp = serializers.CharField()

    def to_representation(self, instance) -> dict:
        return instance.payload
