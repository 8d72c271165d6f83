"""Throughput of a full OAI-PMH harvest and of API list pages.

Creates a throw-away database (SQLite by default, or DATABASE_URL), fills it
with N published materials, then times a complete ListRecords harvest in both
formats through the resumption tokens, and a walk over the API's list pages.

    DEBUG=1 uv run python bench/opendata_harvest.py [N]
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from django.utils import timezone
from lxml import etree

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def populate(count: int) -> None:
    from lms.vocabulary import MaterialType, Subject
    from materials.models import Material

    subjects, types = Subject.values, MaterialType.values
    now = timezone.now()
    Material.objects.bulk_create(
        [
            Material(
                title=f"Học liệu {n}",
                slug=f"hoc-lieu-{n}",
                description="Mô tả ngắn cho học liệu dùng để đo.",
                subject=subjects[n % len(subjects)],
                grade_levels=[str(n % 12 + 1)],
                material_type=types[n % len(types)],
                file=f"materials/bench/{n}.pdf",
                original_filename=f"{n}.pdf",
                mime_type="application/pdf",
                file_size=1000 + n,
                live=True,
                first_published_at=now,
                last_published_at=now - timezone.timedelta(seconds=n),
            )
            for n in range(count)
        ],
        batch_size=1000,
    )


def harvest(client: Client, prefix: str) -> tuple[int, int, float]:
    started = time.perf_counter()
    params = {"verb": "ListRecords", "metadataPrefix": prefix}
    records = responses = 0
    while True:
        tree = etree.fromstring(client.get("/oai/", params).content)
        responses += 1
        records += len(tree.findall(f".//{OAI}record"))
        token = tree.find(f".//{OAI}resumptionToken")
        if token is None or not token.text:
            break
        params = {"verb": "ListRecords", "resumptionToken": token.text}
    return records, responses, time.perf_counter() - started


def walk_api(client: Client) -> tuple[int, int, float]:
    started = time.perf_counter()
    url, items, pages = "/api/v1/materials/?page_size=100", 0, 0
    while url:
        body = client.get(url).json()
        items += len(body["results"])
        pages += 1
        url = body["next"]
    return items, pages, time.perf_counter() - started


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    setup_test_environment()
    settings.API_ANON_RATE = "1000000/minute"
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        populate(count)
        client = Client()
        print(f"materials: {count}, OAI page size: {settings.OAI_PAGE_SIZE}")
        for prefix in ("oai_dc", "lom"):
            records, responses, seconds = harvest(client, prefix)
            print(
                f"ListRecords {prefix}: {records} records in {responses} responses, "
                f"{seconds:.2f} s, {records / seconds:.0f} records/s"
            )
        items, pages, seconds = walk_api(client)
        print(
            f"API /materials/: {items} items in {pages} pages, {seconds:.2f} s, "
            f"{seconds / pages * 1000:.0f} ms/page"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
