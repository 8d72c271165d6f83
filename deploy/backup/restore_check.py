"""Prove a backup restores: dump a database, restore it elsewhere, compare.

    uv run python deploy/backup/restore_check.py \
        --source postgresql://postgres@127.0.0.1:5432/lms \
        --target-name lms_restore_check

Steps: pg_dump (custom format) of the source, pg_restore into a fresh target
database on the same server, then for every table compare the row count and
a checksum of all rows, compare every sequence's position (so new rows after
a restore cannot collide with restored ones), and ask Django whether the
restored schema has every migration. Prints a table, exits 1 on any
difference, and drops the target unless --keep is given.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

PROJECT = Path(__file__).resolve().parents[2]

TABLES = """
SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
"""
SEQUENCES = """
SELECT sequencename, last_value FROM pg_sequences
WHERE schemaname = 'public' ORDER BY sequencename
"""


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def fingerprint(url: str) -> tuple[dict[str, tuple[int, str]], dict[str, int]]:
    """Row count and checksum of every table; position of every sequence."""
    tables: dict[str, tuple[int, str]] = {}
    with psycopg.connect(url) as connection:
        names = [row[0] for row in connection.execute(TABLES)]
        for name in names:
            query = sql.SQL(
                "SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' "
                "ORDER BY md5(t::text))), '') FROM {} t"
            ).format(sql.Identifier(name))
            count, digest = connection.execute(query).fetchone()
            tables[name] = (count, digest)
        sequences = dict(connection.execute(SEQUENCES).fetchall())
    return tables, sequences


def recreate(server_url: str, name: str) -> None:
    with psycopg.connect(with_database(server_url, "postgres"), autocommit=True) as c:
        c.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        c.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop(server_url: str, name: str) -> None:
    with psycopg.connect(with_database(server_url, "postgres"), autocommit=True) as c:
        c.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )


def run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True)  # noqa: S603 - our own fixed commands
    return time.perf_counter() - started


def migrations_complete(url: str) -> bool:
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check", "--plan"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True, help="database URL to back up")
    parser.add_argument("--target-name", required=True, help="database to restore into")
    parser.add_argument("--jobs", type=int, default=2, help="pg_restore -j (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the restored copy")
    options = parser.parse_args()
    if options.target_name == urlsplit(options.source).path.lstrip("/"):
        parser.error("--target-name must differ from the source database")
    target = with_database(options.source, options.target_name)

    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "backup.dump"
        dump_seconds = run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--file={dump}",
                options.source,
            ]
        )
        recreate(options.source, options.target_name)
        restore_seconds = run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--jobs={options.jobs}",
                f"--dbname={target}",
                str(dump),
            ]
        )
        dump_size = dump.stat().st_size

    try:
        before_tables, before_sequences = fingerprint(options.source)
        after_tables, after_sequences = fingerprint(target)
        migrated = migrations_complete(target)
    finally:
        if not options.keep:
            drop(options.source, options.target_name)

    different = sorted(
        name
        for name in before_tables.keys() | after_tables.keys()
        if before_tables.get(name) != after_tables.get(name)
    )
    moved = sorted(
        name
        for name in before_sequences.keys() | after_sequences.keys()
        if before_sequences.get(name) != after_sequences.get(name)
    )
    rows = sum(count for count, _ in before_tables.values())
    busiest = sorted(before_tables.items(), key=lambda item: -item[1][0])[:8]
    print(f"{'table':<44} {'rows':>9}  restored")
    for name, (count, _) in busiest:
        same = "same" if name not in different else "DIFFERENT"
        print(f"{name:<44} {count:>9}  {same}")
    print(f"... {len(before_tables)} tables, {rows} rows in all")
    print(
        f"dump: {dump_size / 1024:.0f} KiB in {dump_seconds:.2f}s; "
        f"restore: {restore_seconds:.2f}s with {options.jobs} jobs"
    )
    print(
        f"tables identical: {len(before_tables) - len(different)}"
        f"/{len(before_tables)}; sequences identical: "
        f"{len(before_sequences) - len(moved)}/{len(before_sequences)}; "
        f"migrations complete on the copy: {'yes' if migrated else 'NO'}"
    )
    if different or moved or not migrated:
        print(f"RESTORE CHECK FAILED: tables {different}, sequences {moved}")
        return 1
    print("restore check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
