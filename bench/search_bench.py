"""Search benchmark: bulk indexing throughput and query latency, with engine time.

    DEBUG=1 uv run python bench/search_bench.py --materials 100000

Documents are generated in the shape ``search.documents.material_document``
produces (or read from the database with ``--from-database`` after
``seed_demo --materials N``), indexed through the project's bulk writer into
a fresh index behind a ``bench`` prefix, then searched through
``search.queries.search``. For every query the engine's own ``took`` is
recorded next to the wall time the project's layer needed, so the overhead of
building requests, the HTTP round trip and shaping results shows as a ratio.
Uses ELASTICSEARCH_URL when set, otherwise starts an embedded engine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.conf import settings
from django.http import QueryDict

from lms.vocabulary import GradeLevel, Licence, MaterialType, Subject
from search.client import get_client, reset_clients
from search.documents import KIND_MATERIAL, clean, document_id
from search.indexing import (
    alias_name,
    bulk_write,
    create_index,
    indices_behind,
    new_index_name,
    rebuild,
)
from search.queries import parse_params, search

TOPICS = [
    "Quang hợp ở thực vật",
    "Phương trình bậc hai",
    "Địa lý Việt Nam",
    "Truyện Kiều",
    "Chiến dịch Điện Biên Phủ",
    "Hệ phương trình",
    "Bảng tuần hoàn",
    "Di truyền học",
    "Lập trình Python",
    "Mạng máy tính",
    "Khúc xạ ánh sáng",
    "Axit và bazơ",
    "Đồng bằng sông Cửu Long",
    "Văn nghị luận",
    "Hình học không gian",
    "Hàm số bậc nhất",
    "Photosynthesis",
    "Quadratic equations",
    "English grammar",
    "Climate change",
]
KINDS_OF_WORK = ["Phiếu học tập", "Giáo án", "Bài giảng", "Đề kiểm tra", "Worksheet"]
FILLER = (
    "Tài liệu dành cho giáo viên và học sinh, gồm lý thuyết, ví dụ minh họa và "
    "bài tập luyện tập có đáp án. Học sinh đọc kỹ đề bài trước khi làm. "
)
QUERIES = [
    "quang hop",
    "quang hợp",
    "phuong trinh bac hai",
    "địa lý",
    "truyen kieu",
    "dien bien phu",
    "bảng tuần hoàn",
    "lap trinh python",
    "photosynthesis",
    "english grammar",
    "đề kiểm tra",
    "giao an hinh hoc",
    "khúc xạ",
    "climate",
    "mang may tinh",
    "di truyền",
    "axit",
    "hàm số",
    "văn nghị luận",
    "worksheet",
]


def synthetic_documents(count: int, seed: int = 7):
    rng = random.Random(seed)
    subjects = [choice.value for choice in Subject]
    grades = [choice.value for choice in GradeLevel]
    types = [choice.value for choice in MaterialType]
    licences = [choice.value for choice in Licence]
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for number in range(1, count + 1):
        topic = rng.choice(TOPICS)
        title = f"{rng.choice(KINDS_OF_WORK)}: {topic} – phần {number % 97}"
        downloads = int(rng.paretovariate(1.2)) - 1
        uid = document_id(KIND_MATERIAL, number)
        yield {
            "_id": uid,
            "uid": uid,
            "kind": KIND_MATERIAL,
            "object_id": number,
            "url": f"/materials/{number}-x/",
            "title": clean(title),
            "description": clean(f"{topic}. {FILLER}"),
            "body": clean(FILLER * rng.randint(1, 6)),
            "keywords": [clean(topic.split()[0])],
            "people": [f"Giáo viên {number % 500}"],
            "subject": rng.choice(subjects),
            "grade_levels": rng.sample(grades, rng.randint(1, 2)),
            "language": "en" if topic.isascii() else "vi",
            "material_type": rng.choice(types),
            "licence": rng.choice(licences),
            "mime_type": "application/pdf",
            "published_at": start + timedelta(minutes=number),
            "downloads": downloads,
            "views": downloads * 3,
            "enrolments": 0,
            "popularity": downloads,
        }


def index_synthetic(client, count: int) -> tuple[int, float]:
    name = new_index_name()
    create_index(client, name)
    started = time.perf_counter()
    actions = ({"_op_type": "index", **doc} for doc in synthetic_documents(count))
    failures = bulk_write(client, actions, targets=[name], version=1)
    client.indices.refresh(index=name)
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} documents failed to index")
    old = indices_behind(client, alias_name())
    actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    client.indices.update_aliases(actions=actions)
    return client.count(index=alias_name())["count"], elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(share * (len(ordered) - 1)), len(ordered) - 1)]


def measure(rounds: int, *, facets: bool) -> tuple[list[float], list[float]]:
    walls, engine = [], []
    for _ in range(rounds):
        for query in QUERIES:
            params = parse_params(QueryDict(f"q={query}"))
            started = time.perf_counter()
            results = search(params, facets=facets)
            walls.append((time.perf_counter() - started) * 1000)
            if results.degraded:
                raise SystemExit(
                    "the engine did not answer; results are not comparable"
                )
            engine.append(float(results.took_ms or 0))
    return walls, engine


def report(label: str, walls: list[float], engine: list[float]) -> None:
    wall_median, engine_median = statistics.median(walls), statistics.median(engine)
    ratio = wall_median / engine_median if engine_median else float("inf")
    print(
        f"{label:<16} median {wall_median:7.1f} ms  p95 {percentile(walls, 0.95):7.1f} ms"
        f"  | engine took median {engine_median:6.1f} ms  p95 "
        f"{percentile(engine, 0.95):6.1f} ms  | overhead ×{ratio:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--materials", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--from-database", action="store_true")
    args = parser.parse_args()

    server = None
    if not os.environ.get("ELASTICSEARCH_URL"):
        from osmem_server import OsmemServer

        server = OsmemServer.start(freeze=False, japanese=False)
        settings.ELASTICSEARCH_URL = server.url
        settings.ELASTICSEARCH_COMPAT = "opensearch"
    settings.ELASTICSEARCH_INDEX_PREFIX = "bench"
    settings.SEARCH_REQUEST_TIMEOUT = 120
    reset_clients()
    client = get_client()
    try:
        if args.from_database:
            started = time.perf_counter()
            outcome = rebuild(client=client, progress=True)
            count, elapsed = outcome.indexed, time.perf_counter() - started
        else:
            count, elapsed = index_synthetic(client, args.materials)
        print(
            f"Engine: {client.info()['version'].get('distribution', 'elasticsearch')} "
            f"{client.info()['version']['number']} at {settings.ELASTICSEARCH_URL}"
        )
        print(
            f"Bulk indexing: {count} documents in {elapsed:.1f} s "
            f"= {count / elapsed:,.0f} documents/s"
        )
        measure(1, facets=True)  # warm-up
        report("with facets", *measure(args.rounds, facets=True))
        report("without facets", *measure(args.rounds, facets=False))
        print(f"({args.rounds} rounds × {len(QUERIES)} queries each)")
    finally:
        client.options(ignore_status=404).indices.delete(index="bench-*")
        if server is not None:
            server.close()


if __name__ == "__main__":
    main()
