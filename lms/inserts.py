"""Inserting a row unless a unique constraint already holds its twin.

``get_or_create`` and "look, then insert in a savepoint" each cost a read
and, for the insert, a savepoint pair, on every first enrolment and lesson
completion. ``INSERT … ON CONFLICT DO NOTHING RETURNING`` (PostgreSQL and
SQLite 3.35+) lets the constraint decide in one statement, never raises, and
so needs no savepoint: a concurrent twin that won simply returns no row.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections, models, router


def insert_unless_present(
    instance: models.Model, *, unique_fields: Sequence[str]
) -> bool:
    """Insert ``instance``; True and its ``pk`` set when it was inserted,
    False (nothing written) when a row with the same ``unique_fields`` exists.

    For models with an automatic primary key; ``post_save`` is not sent.
    """
    meta = instance._meta
    alias = router.db_for_write(type(instance), instance=instance)
    connection = connections[alias]
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    values = [
        field.get_db_prep_save(field.pre_save(instance, add=True), connection)
        for field in fields
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    conflict = ", ".join(quote(meta.get_field(name).column) for name in unique_fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = (  # identifiers come from the model's own metadata, values are bound
        f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        f" ON CONFLICT ({conflict}) DO NOTHING RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    instance.pk = row[0]
    instance._state.adding, instance._state.db = False, alias
    return True
