"""The items OAI-PMH exposes: published materials, courses and tombstones.

Lists are read in one total order, (datestamp, source, id), so that a
resumption token can carry the last key it returned and the next page starts
right after it, without offsets that shift when items are published meanwhile.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_datetime

from courses.models import CoursePage
from lms.vocabulary import MaterialType, Subject
from materials.models import Material
from opendata.models import DeletedRecord, RecordKind
from opendata.selectors import public_courses, public_materials

SET_SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
COURSE_TYPE = "course"
# The largest id a database integer column holds; larger ids cannot exist.
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Item:
    """One OAI item: live (with ``obj``) or withdrawn (``deleted``)."""

    kind: str
    object_id: int
    datestamp: datetime
    set_specs: tuple[str, ...]
    obj: Any = None
    deleted: bool = False

    @property
    def identifier(self) -> str:
        return make_identifier(self.kind, self.object_id)


@dataclass(frozen=True)
class Key:
    """A position in the total order of items."""

    datestamp: datetime
    source: int
    pk: int

    def dump(self) -> list:
        return [self.datestamp.isoformat(), self.source, self.pk]

    @classmethod
    def load(cls, raw: list) -> Key:
        stamp = parse_datetime(raw[0])
        if stamp is None or not isinstance(raw[1], int) or not isinstance(raw[2], int):
            raise ValueError("malformed key")
        return cls(stamp, raw[1], raw[2])


def identifier_prefix() -> str:
    return f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:"


def make_identifier(kind: str, object_id: int) -> str:
    return f"{identifier_prefix()}{kind}/{object_id}"


def parse_identifier(identifier: str) -> tuple[str, int] | None:
    """(kind, id) for one of our identifiers, None for anything else."""
    prefix = identifier_prefix()
    if not identifier.startswith(prefix):
        return None
    kind, _, raw_id = identifier[len(prefix) :].partition("/")
    if kind not in RecordKind.values or not raw_id.isdigit():
        return None
    if int(raw_id) > MAX_ID:
        return None
    return kind, int(raw_id)


def material_sets(material: Material) -> tuple[str, ...]:
    return (f"subject:{material.subject}", f"type:{material.material_type}")


def course_sets(course: CoursePage) -> tuple[str, ...]:
    return (f"subject:{course.subject}", f"type:{COURSE_TYPE}")


def all_sets() -> list[tuple[str, str]]:
    """Every set as (setSpec, name): two parents and their children."""
    from django.utils.translation import gettext as _

    sets = [("subject", _("By subject")), ("type", _("By type of resource"))]
    sets += [(f"subject:{code}", str(label)) for code, label in Subject.choices]
    sets += [(f"type:{code}", str(label)) for code, label in MaterialType.choices]
    sets.append((f"type:{COURSE_TYPE}", _("Course")))
    return sets


def set_exists(spec: str) -> bool:
    return spec in {code for code, _name in all_sets()}


class Source(ABC):
    """One table of items and how to filter and order it."""

    rank: int
    kind: str

    @abstractmethod
    def queryset(self) -> QuerySet: ...

    @abstractmethod
    def filter_set(self, queryset: QuerySet, spec: str) -> QuerySet: ...

    @abstractmethod
    def to_item(self, row: Any) -> Item: ...

    def select(
        self,
        *,
        spec: str | None,
        start: datetime | None,
        end: datetime | None,
    ) -> QuerySet:
        """Rows in a set and date range, in the list order."""
        rows = self.queryset()
        if spec:
            rows = self.filter_set(rows, spec)
        if start is not None:
            rows = rows.filter(oai_datestamp__gte=start)
        if end is not None:
            rows = rows.filter(oai_datestamp__lt=end)
        return rows.order_by("oai_datestamp", "pk")

    def after(self, key: Key) -> Q:
        """Rows that come after ``key`` in the total order."""
        later = Q(oai_datestamp__gt=key.datestamp)
        if self.rank < key.source:
            return later
        if self.rank > key.source:
            return Q(oai_datestamp__gte=key.datestamp)
        return later | Q(oai_datestamp=key.datestamp, pk__gt=key.pk)


class MaterialSource(Source):
    rank = 0
    kind = RecordKind.MATERIAL

    def queryset(self) -> QuerySet:
        return public_materials().annotate(
            oai_datestamp=Coalesce("last_published_at", "updated_at")
        )

    def filter_set(self, queryset: QuerySet, spec: str) -> QuerySet:
        family, _, code = spec.partition(":")
        if family == "subject":
            return queryset.filter(subject=code) if code else queryset
        if family == "type":
            return queryset.filter(material_type=code) if code else queryset
        return queryset.none()

    def to_item(self, row: Material) -> Item:
        return Item(self.kind, row.pk, row.oai_datestamp, material_sets(row), row)


class CourseSource(Source):
    rank = 1
    kind = RecordKind.COURSE

    def queryset(self) -> QuerySet:
        return public_courses().annotate(
            oai_datestamp=Coalesce("last_published_at", "latest_revision_created_at")
        )

    def filter_set(self, queryset: QuerySet, spec: str) -> QuerySet:
        family, _, code = spec.partition(":")
        if family == "subject":
            return queryset.filter(subject=code) if code else queryset
        if family == "type" and code in ("", COURSE_TYPE):
            return queryset
        return queryset.none()

    def to_item(self, row: CoursePage) -> Item:
        return Item(self.kind, row.pk, row.oai_datestamp, course_sets(row), row)


class DeletedSource(Source):
    rank = 2
    kind = "deleted"

    def __init__(self, kinds: Iterable[str]) -> None:
        self.kinds = list(kinds)

    def queryset(self) -> QuerySet:
        return DeletedRecord.objects.filter(kind__in=self.kinds).annotate(
            oai_datestamp=F("datestamp")
        )

    def filter_set(self, queryset: QuerySet, spec: str) -> QuerySet:
        # Set lists are short JSON arrays of quoted specs; matching the quoted
        # text works the same on SQLite and PostgreSQL.
        return queryset.filter(
            Q(set_specs__icontains=f'"{spec}"') | Q(set_specs__icontains=f'"{spec}:')
        )

    def to_item(self, row: DeletedRecord) -> Item:
        return Item(
            row.kind,
            row.object_id,
            row.datestamp,
            tuple(row.set_specs),
            None,
            deleted=True,
        )


def sources(kinds: Iterable[str]) -> list[Source]:
    kinds = set(kinds)
    chosen: list[Source] = []
    if RecordKind.MATERIAL in kinds:
        chosen.append(MaterialSource())
    if RecordKind.COURSE in kinds:
        chosen.append(CourseSource())
    chosen.append(DeletedSource(kinds))
    return chosen


def _key(source: Source, row: Any) -> Key:
    return Key(row.oai_datestamp, source.rank, row.pk)


def page(
    *,
    kinds: Iterable[str],
    spec: str | None,
    start: datetime | None,
    end: datetime | None,
    after: Key | None,
    size: int,
) -> tuple[list[Item], Key | None, int]:
    """Up to ``size`` items after ``after``, the last key, and the full count."""
    chosen = sources(kinds)
    candidates: list[tuple[Key, Source, Any]] = []
    total = 0
    for source in chosen:
        rows = source.select(spec=spec, start=start, end=end)
        total += rows.count()
        if after is not None:
            rows = rows.filter(source.after(after))
        candidates += [(_key(source, row), source, row) for row in rows[: size + 1]]
    candidates.sort(
        key=lambda entry: (entry[0].datestamp, entry[0].source, entry[0].pk)
    )
    chosen_rows = candidates[:size]
    more = len(candidates) > size
    items = [source.to_item(row) for _key_, source, row in chosen_rows]
    last = chosen_rows[-1][0] if chosen_rows and more else None
    return items, last, total


def find(kind: str, object_id: int) -> Item | None:
    """The live item, else its tombstone, else None."""
    source: Source = MaterialSource() if kind == RecordKind.MATERIAL else CourseSource()
    row = source.queryset().filter(pk=object_id).first()
    if row is not None:
        return source.to_item(row)
    tombstone = DeletedSource([kind]).queryset().filter(object_id=object_id).first()
    return DeletedSource([kind]).to_item(tombstone) if tombstone else None


def earliest_datestamp() -> datetime | None:
    stamps = [
        source.queryset()
        .order_by("oai_datestamp")
        .values_list("oai_datestamp", flat=True)
        .first()
        for source in sources(RecordKind.values)
    ]
    stamps = [stamp for stamp in stamps if stamp is not None]
    return min(stamps) if stamps else None
