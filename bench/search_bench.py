"""Search benchmark: rebuild throughput and query latency on a real engine.

    # 100,000 synthetic documents, no database needed:
    python bench/search_bench.py --materials 100000
    # what seed_demo wrote to DATABASE_URL (PostgreSQL), end to end:
    DATABASE_URL=postgresql://… python bench/search_bench.py --from-database

Indexing. With ``--from-database`` the project's ``rebuild`` (what
``search_reindex`` runs: read the database in chunks, build documents, bulk
writes with refreshes off, count check, alias swap) is timed end to end. The
same documents, already built and held in memory, are then written by the
client's raw ``helpers.bulk`` and ``helpers.parallel_bulk`` (2 threads) into
fresh indices with the same mapping and settings, in the same run: the
ceiling the engine and the client allow on this machine. Without it,
synthetic documents of the same shape go through the project's bulk writer.

Queries. 24 queries (with and without diacritics, English, broad and
narrow) through ``search.queries.search`` with facets and highlights, and
through ``/api/v1/search/`` and ``/search/`` in-process (Django's test
client: routing, middleware, rendering; no network). For every query the
engine's own ``took`` is recorded beside the wall time.

Uses ELASTICSEARCH_URL when set; otherwise starts a local OpenSearch node
(search/node.py, ``SEARCH_NODE_HEAP``, default 1g) in a temporary folder and
stops it afterwards. Indices go under the ``bench`` prefix and are deleted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.conf import settings
from django.http import QueryDict
from django.test import Client
from elasticsearch import helpers

from lms.vocabulary import GradeLevel, Licence, MaterialType, Subject
from search.client import indexing_client, reset_clients
from search.documents import KIND_MATERIAL, clean, document_id
from search.indexing import (
    alias_name,
    bulk_write,
    create_index,
    finish_filling,
    indices_behind,
    new_index_name,
    rebuild,
)
from search.node import SearchNode, free_port
from search.queries import parse_params, search
from search.sources import all_documents

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
# Broad (one common word), narrow (a whole title), folded, exact, English.
QUERIES = [
    "quang hop",
    "quang hợp",
    "phuong trinh bac hai",
    "phương trình bậc hai một ẩn",
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
    "học sinh",
    "toán",
    "phân số lớp 6",
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


def serve_alias(client, name: str) -> None:
    old = indices_behind(client, alias_name())
    actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    client.indices.update_aliases(actions=actions)


def index_synthetic(client, count: int) -> tuple[int, float]:
    name = new_index_name()
    create_index(client, name, filling=True)
    started = time.perf_counter()
    actions = ({"_op_type": "index", **doc} for doc in synthetic_documents(count))
    failures = bulk_write(client, actions, targets=[name], version=1, writers=2)
    finish_filling(client, name)
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} documents failed to index")
    serve_alias(client, name)
    return client.count(index=alias_name())["count"], elapsed


def rebuild_from_database(client) -> tuple[int, float]:
    started = time.perf_counter()
    report = rebuild(client=client, progress=False, keep=0)
    return report.indexed, time.perf_counter() - started


def raw_bulk_rates(client) -> dict[str, float]:
    """The same documents, built beforehand, written by the client's own helpers."""
    documents = [{"_op_type": "index", **doc} for doc in all_documents()]
    rates = {}
    for label, write in (
        ("helpers.bulk", lambda c, docs: helpers.bulk(c, docs, chunk_size=500)),
        (
            "helpers.parallel_bulk (2 threads)",
            lambda c, docs: list(
                helpers.parallel_bulk(c, docs, thread_count=2, chunk_size=500)
            ),
        ),
    ):
        name = f"{alias_name()}-raw-{int(time.time() * 1000)}"
        create_index(client, name, filling=True)
        started = time.perf_counter()
        write(client, ({**doc, "_index": name} for doc in documents))
        finish_filling(client, name)
        elapsed = time.perf_counter() - started
        assert client.count(index=name)["count"] == len(documents)
        client.indices.delete(index=name)
        rates[label] = len(documents) / elapsed
    return rates


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(share * (len(ordered) - 1)), len(ordered) - 1)]


def measure_queries(rounds: int, *, facets: bool) -> tuple[list[float], list[float]]:
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


def measure_pages(rounds: int, path: str) -> list[float]:
    browser = Client()
    walls = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            response = browser.get(path, {"q": query})
            walls.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path}?q={query} answered {response.status_code}")
    return walls


def report(label: str, walls: list[float], engine: list[float] | None = None) -> None:
    line = (
        f"{label:<28} p50 {statistics.median(walls):7.1f} ms  "
        f"p95 {percentile(walls, 0.95):7.1f} ms"
    )
    if engine:
        engine_median = statistics.median(engine)
        ratio = statistics.median(walls) / engine_median if engine_median else 0
        line += (
            f"  | engine took p50 {engine_median:6.1f} ms  p95 "
            f"{percentile(engine, 0.95):6.1f} ms  | wall/took at p50 ×{ratio:.2f}"
        )
    print(line)


def start_engine(heap: str) -> SearchNode | None:
    if os.environ.get("ELASTICSEARCH_URL"):
        return None
    node = SearchNode(
        root=Path(tempfile.mkdtemp(prefix="lms-bench-search-")),
        port=free_port(),
        heap=heap,
    )
    node.start()
    node.wait()
    settings.ELASTICSEARCH_URL = node.url
    settings.ELASTICSEARCH_COMPAT = "opensearch"
    return node


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--materials", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--from-database", action="store_true")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw bulk runs")
    args = parser.parse_args()

    node = start_engine(os.environ.get("SEARCH_NODE_HEAP") or "1g")
    settings.ELASTICSEARCH_INDEX_PREFIX = "bench"
    settings.SEARCH_REQUEST_TIMEOUT = 30
    reset_clients()
    client = indexing_client()
    try:
        info = client.info()["version"]
        print(
            f"Engine: {info.get('distribution', 'elasticsearch')} {info['number']} "
            f"(Lucene {info.get('lucene_version')}) at {settings.ELASTICSEARCH_URL}"
        )
        if args.from_database:
            count, elapsed = rebuild_from_database(client)
            print(
                f"search_reindex from {django.db.connection.vendor}: {count} "
                f"documents in {elapsed:.1f} s = {count / elapsed:,.0f} documents/s"
            )
            if not args.no_raw:
                for label, rate in raw_bulk_rates(client).items():
                    share = (count / elapsed) / rate
                    print(
                        f"  raw {label}: {rate:,.0f} documents/s (rebuild {share:.0%})"
                    )
        else:
            count, elapsed = index_synthetic(client, args.materials)
            print(
                f"Bulk indexing (synthetic): {count} documents in {elapsed:.1f} s "
                f"= {count / elapsed:,.0f} documents/s"
            )
        measure_queries(1, facets=True)  # warm-up
        report("search() with facets", *measure_queries(args.rounds, facets=True))
        report("search() without facets", *measure_queries(args.rounds, facets=False))
        report("/api/v1/search/", measure_pages(args.rounds, "/api/v1/search/"))
        report("/search/ (HTML)", measure_pages(args.rounds, "/search/"))
        print(f"({args.rounds} rounds × {len(QUERIES)} queries each)")
    finally:
        client.options(ignore_status=404).indices.delete(index="bench-*")
        if node is not None:
            node.stop()
            shutil.rmtree(node.root, ignore_errors=True)


if __name__ == "__main__":
    main()
