"""The JSON the search API and the suggestions answer, field by field.

The views render their answers through these serializers and the OpenAPI
schema is generated from them, so what a client receives and what the schema
promises cannot drift apart: a new field in an answer is one line here.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from search.queries import FACET_PARAMS, SearchResults


class HitSerializer(serializers.Serializer):
    uid = serializers.CharField(help_text="Stable id, such as `material-12`.")
    kind = serializers.CharField(help_text="`material`, `course` or `lesson`.")
    title = serializers.CharField()
    url = serializers.CharField(help_text="Address on this site, from its root.")
    snippet = serializers.CharField(
        help_text="Escaped HTML; the words that matched are in `<mark>` elements."
    )
    title_html = serializers.CharField(
        help_text="The title as escaped HTML with the matching words marked."
    )
    subject = serializers.CharField(allow_null=True, help_text="Subject code.")
    published_at = serializers.DateTimeField(allow_null=True)
    downloads = serializers.IntegerField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="The code to pass as the parameter.")
    label = serializers.CharField(help_text="The code's name in the reader's language.")
    count = serializers.IntegerField(
        help_text="Results with this value, counting the other facets' filters."
    )
    selected = serializers.BooleanField(help_text="The search filters by this value.")


class FacetsSerializer(serializers.Serializer):
    """Counted values per facet, keyed by the facet's query-string parameter.

    Every facet is present when the engine answered; none when it did not.
    """

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = {}
        for facet, name in FACET_PARAMS.items():
            renamed = {"source": facet} if facet != name else {}
            fields[name] = FacetValueSerializer(many=True, required=False, **renamed)
        return fields


class SearchResponseSerializer(serializers.Serializer):
    """One page of results, with counted facets and the next page's address."""

    # Serializes SearchResults; the view passes the absolute address of the
    # next page as ``context["next"]``, since it depends on the request.

    query = serializers.CharField(
        source="params.query", help_text="The words as searched, after cleaning."
    )
    total = serializers.IntegerField(help_text="Results over all pages.")
    page = serializers.IntegerField(source="params.page", min_value=1)
    degraded = serializers.BooleanField(
        help_text="The engine could not answer: a plain database match on titles "
        "and summaries, newest first, one page and no facets."
    )
    messages = serializers.ListField(
        child=serializers.CharField(),
        source="params.messages",
        help_text="Parameters that were adjusted rather than refused, and why.",
    )
    fuzzy = serializers.BooleanField(
        help_text="Nothing matched the words as typed: these results match words "
        "spelled one or two letters differently."
    )
    suggestion = serializers.CharField(
        help_text="A spelling correction, offered when nothing matched the words "
        "as typed; else an empty string."
    )
    results = HitSerializer(many=True, source="hits")
    facets = FacetsSerializer()
    next = serializers.SerializerMethodField(
        help_text="The next page's address, or null on the last page."
    )

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_next(self, results: SearchResults) -> str | None:
        return self.context["next"]


class SearchErrorsSerializer(serializers.Serializer):
    errors = serializers.ListField(
        child=serializers.CharField(),
        help_text="One sentence per refused parameter, naming the rule or value.",
    )


class SuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(help_text="Address on this site, from its root.")
    kind = serializers.CharField(help_text="`material`, `course` or `lesson`.")


@extend_schema_field({"type": "boolean", "enum": [True]})
class PresentWhenTrueField(serializers.BooleanField):
    """A flag that is left out rather than sent as false."""


class SuggestResponseSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="The words completed, after cleaning.")
    suggestions = SuggestionSerializer(many=True)
    degraded = PresentWhenTrueField(
        required=False,
        help_text="Present, and true, only when the engine could not answer; "
        "there are no suggestions then.",
    )
