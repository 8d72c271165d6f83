"""Filters by the same facets as search: subject, grade, language, licence, type.

Each facet takes one or more codes from lms.vocabulary (repeat the parameter
for several: ``?subject=toan&subject=vat-ly``); unknown codes are refused with
the list of valid ones rather than silently matching nothing.
"""

from datetime import UTC
from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from courses.models import CoursePage
from lms.vocabulary import (
    CourseLevel,
    GradeLevel,
    Language,
    Licence,
    MaterialType,
    Subject,
)
from materials.models import Material


def _choices(vocabulary) -> list[tuple[str, str]]:
    return [(value, value) for value in vocabulary.values]


class MaterialFilter(django_filters.FilterSet):
    subject = django_filters.MultipleChoiceFilter(
        choices=_choices(Subject), help_text="Subject code(s)."
    )
    grade = django_filters.MultipleChoiceFilter(
        choices=_choices(GradeLevel),
        method="filter_grade",
        help_text="Grade level code(s); matches materials for any of them.",
    )
    language = django_filters.MultipleChoiceFilter(
        choices=_choices(Language), help_text="Language code(s)."
    )
    licence = django_filters.MultipleChoiceFilter(
        choices=_choices(Licence), help_text="Licence code(s)."
    )
    material_type = django_filters.MultipleChoiceFilter(
        choices=_choices(MaterialType), help_text="Material type code(s)."
    )
    published_since = django_filters.IsoDateTimeFilter(
        method="filter_published_since",
        help_text="Only materials first published at or after this instant.",
    )

    class Meta:
        model = Material
        fields = ["subject", "grade", "language", "licence", "material_type"]

    def filter_published_since(self, queryset, name, value):
        # Databases accept a narrower range of UTC offsets than ISO 8601
        # (PostgreSQL: under 16 hours), so the instant is sent in UTC.
        try:
            instant = value.astimezone(UTC)
        except OverflowError:
            raise ValidationError(
                {"published_since": [_("This instant is out of range.")]}
            ) from None
        return queryset.filter(first_published_at__gte=instant)

    def filter_grade(self, queryset, name, values):
        # Grade lists are short JSON arrays of quoted codes; matching the quoted
        # code works alike on SQLite and PostgreSQL ("1" never matches "10").
        if not values:
            return queryset
        return queryset.filter(
            reduce(or_, (Q(grade_levels__icontains=f'"{code}"') for code in values))
        )


class CourseFilter(django_filters.FilterSet):
    subject = django_filters.MultipleChoiceFilter(choices=_choices(Subject))
    grade = django_filters.MultipleChoiceFilter(choices=_choices(GradeLevel))
    language = django_filters.MultipleChoiceFilter(choices=_choices(Language))
    licence = django_filters.MultipleChoiceFilter(choices=_choices(Licence))
    level = django_filters.MultipleChoiceFilter(choices=_choices(CourseLevel))

    class Meta:
        model = CoursePage
        fields = ["subject", "grade", "language", "licence", "level"]
