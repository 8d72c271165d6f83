"""What the API shows of published items: codes for facets, absolute URLs."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from courses.models import CoursePage
from materials.models import Material
from opendata import describe
from opendata.selectors import course_outline


class PersonSerializer(serializers.Serializer):
    name = serializers.CharField()


class FileSerializer(serializers.Serializer):
    url = serializers.URLField(allow_null=True)
    mime_type = serializers.CharField()
    size = serializers.IntegerField()
    page_count = serializers.IntegerField(allow_null=True)
    duration_seconds = serializers.IntegerField(allow_null=True)


class MaterialSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    licence_url = serializers.CharField(read_only=True)
    keywords = serializers.SerializerMethodField()
    authors = serializers.SerializerMethodField()
    file = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()
    grade_levels = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Material
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "description",
            "subject",
            "grade_levels",
            "language",
            "material_type",
            "licence",
            "licence_url",
            "keywords",
            "authors",
            "file",
            "thumbnail_url",
            "first_published_at",
            "last_published_at",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, material: Material) -> str:
        return describe.material_url(material, self.context.get("request"))

    def get_keywords(self, material: Material) -> list[str]:
        return describe.material_keywords(material)

    @extend_schema_field(PersonSerializer(many=True))
    def get_authors(self, material: Material) -> list[dict[str, str]]:
        return [{"name": name} for name in describe.material_people(material)]

    @extend_schema_field(FileSerializer)
    def get_file(self, material: Material) -> dict:
        return {
            "url": describe.material_file_url(material, self.context.get("request")),
            "mime_type": material.mime_type,
            "size": material.file_size,
            "page_count": material.page_count,
            "duration_seconds": material.duration_seconds,
        }

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_thumbnail_url(self, material: Material) -> str | None:
        return describe.material_thumbnail_url(material, self.context.get("request"))


class LessonSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    estimated_minutes = serializers.IntegerField()
    is_required = serializers.BooleanField()


class ModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    lessons = LessonSummarySerializer(many=True)


class CourseSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    licence_url = serializers.CharField(read_only=True)
    learning_outcomes = serializers.ListField(
        source="learning_outcome_list", child=serializers.CharField(), read_only=True
    )
    teachers = serializers.SerializerMethodField()
    estimated_hours = serializers.DecimalField(
        max_digits=5, decimal_places=1, coerce_to_string=False, read_only=True
    )

    class Meta:
        model = CoursePage
        fields = [
            "id",
            "title",
            "url",
            "summary",
            "subject",
            "grade",
            "language",
            "level",
            "estimated_hours",
            "learning_outcomes",
            "prerequisites",
            "licence",
            "licence_url",
            "teachers",
            "first_published_at",
            "last_published_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_url(self, course: CoursePage) -> str | None:
        return describe.page_url(course, self.context.get("request"))

    @extend_schema_field(PersonSerializer(many=True))
    def get_teachers(self, course: CoursePage) -> list[dict[str, str]]:
        return [{"name": name} for name in describe.course_teachers(course)]


class CourseDetailSerializer(CourseSerializer):
    modules = serializers.SerializerMethodField()

    class Meta(CourseSerializer.Meta):
        fields = [*CourseSerializer.Meta.fields, "modules"]
        read_only_fields = fields

    @extend_schema_field(ModuleSerializer(many=True))
    def get_modules(self, course: CoursePage) -> list[dict]:
        request = self.context.get("request")
        return [
            {
                "id": module.pk,
                "title": module.title,
                "summary": module.summary,
                "lessons": [
                    {
                        "id": lesson.pk,
                        "title": lesson.title,
                        "url": describe.page_url(lesson, request),
                        "estimated_minutes": lesson.estimated_minutes,
                        "is_required": lesson.is_required,
                    }
                    for lesson in lessons
                ],
            }
            for module, lessons in course_outline(course)
        ]


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    public_name = serializers.CharField()
    preferred_language = serializers.CharField()
