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

Queries. 26 queries (with and without diacritics, English, broad and
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
import itertools
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

from lms.demo.materials import material_specs
from lms.vocabulary import GradeLevel, Licence
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

FILLER = (
    "Tài liệu dành cho giáo viên và học sinh, gồm lý thuyết, ví dụ minh họa và "
    "bài tập luyện tập có đáp án. Học sinh đọc kỹ đề bài trước khi làm. "
)
# Over the demo catalogue's topics (what seed_demo writes, and what the
# synthetic documents are made of): broad (one common word), narrow (a whole
# topic), with and without diacritics, English.
QUERIES = [
    "quang hop",
    "quang hợp",
    "truyen kieu",
    "Truyện Kiều",
    "lap trinh python",
    "mạng máy tính",
    "dao dong dieu hoa",
    "điện trường",
    "phân số",
    "so thap phan",
    "căn bậc hai",
    "ham so bac nhat",
    "cách mạng tháng Tám",
    "khang chien chong phap",
    "nguyen tu",
    "phản ứng hóa học",
    "hô hấp tế bào",
    "thơ đường luật",
    "present simple",
    "daily routines",
    "hobbies worksheet",
    "english grade 7",
    "đề kiểm tra",
    "giao an",
    "toán",
    "lớp 10",
]
# One letter wrong: nothing matches as typed, so each costs a second,
# fuzzy request (and the did-you-mean); measured on a line of their own.
TYPOS = ["quang hpo", "truyen kieeu", "dao dong dieu hao", "phan sooo", "hobies"]


def synthetic_documents(count: int, seed: int = 7):
    """Documents shaped like ``material_document``'s, titled like the demo's."""
    rng = random.Random(seed)
    grades = [choice.value for choice in GradeLevel]
    licences = [choice.value for choice in Licence]
    start = datetime(2020, 1, 1, tzinfo=UTC)
    specs = itertools.islice(material_specs(), count)
    for number, spec in enumerate(specs, start=1):
        downloads = int(rng.paretovariate(1.2)) - 1
        uid = document_id(KIND_MATERIAL, number)
        yield {
            "_id": uid,
            "uid": uid,
            "kind": KIND_MATERIAL,
            "object_id": number,
            "url": f"/materials/{number}-x/",
            "title": clean(spec.title),
            "description": clean(spec.description),
            "body": clean(FILLER * rng.randint(1, 6)),
            "keywords": [clean(keyword) for keyword in spec.keywords],
            "people": [f"Giáo viên {number % 500}"],
            "subject": spec.subject.value,
            "grade_levels": [spec.grade, rng.choice(grades)],
            "language": spec.language.value,
            "material_type": spec.material_type.value,
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


def rebuild_rate(client) -> tuple[int, float]:
    """``search_reindex``'s own work, end to end: documents and documents/s."""
    started = time.perf_counter()
    report = rebuild(client=client, progress=False, keep=0)
    return report.indexed, report.indexed / (time.perf_counter() - started)


def raw_rate(client, documents: list[dict], *, threads: int) -> float:
    """The same documents, built beforehand, written by the client's own helper."""
    name = f"{alias_name()}-raw-{time.time_ns()}"
    create_index(client, name, filling=True)
    actions = ({**doc, "_index": name} for doc in documents)
    started = time.perf_counter()
    if threads > 1:
        for ok, item in helpers.parallel_bulk(
            client, actions, thread_count=threads, chunk_size=500
        ):
            assert ok, item
    else:
        helpers.bulk(client, actions, chunk_size=500)
    finish_filling(client, name)
    elapsed = time.perf_counter() - started
    assert client.count(index=name)["count"] == len(documents)
    client.indices.delete(index=name)
    return len(documents) / elapsed


def compare_indexing(client, rounds: int) -> None:
    """Rebuild and raw writes in turn, after one of each warms the engine's JIT."""
    documents = [{"_op_type": "index", **doc} for doc in all_documents()]
    rebuild_rate(client)
    raw_rate(client, documents, threads=2)
    figures: dict[str, list[float]] = {"rebuild": [], "bulk": [], "parallel": []}
    for _ in range(rounds):
        count, rate = rebuild_rate(client)
        figures["rebuild"].append(rate)
        figures["bulk"].append(raw_rate(client, documents, threads=1))
        figures["parallel"].append(raw_rate(client, documents, threads=2))
    rebuild_median = statistics.median(figures["rebuild"])
    print(
        f"search_reindex from {django.db.connection.vendor}, {count} documents: "
        f"median {rebuild_median:,.0f} documents/s "
        f"(rounds: {', '.join(f'{rate:,.0f}' for rate in figures['rebuild'])})"
    )
    for key, label in (
        ("bulk", "raw helpers.bulk"),
        ("parallel", "raw helpers.parallel_bulk, 2 threads"),
    ):
        median = statistics.median(figures[key])
        print(
            f"  {label}: median {median:,.0f} documents/s "
            f"(rounds: {', '.join(f'{rate:,.0f}' for rate in figures[key])}); "
            f"search_reindex = {rebuild_median / median:.0%} of it"
        )


def wait_for_merges(client, limit: float = 300) -> None:
    """Queries are measured on a settled index, once background merges are done."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        stats = client.indices.stats(index=alias_name(), metric="merge")
        if not stats["_all"]["total"]["merges"]["current"]:
            return
        time.sleep(1)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(share * (len(ordered) - 1)), len(ordered) - 1)]


def measure_queries(
    rounds: int, *, facets: bool, queries: list[str] = QUERIES
) -> tuple[list[float], list[float]]:
    walls, engine = [], []
    for _ in range(rounds):
        for query in queries:
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
    parser.add_argument("--rounds", type=int, default=5, help="query rounds")
    parser.add_argument(
        "--indexing-rounds", type=int, default=3, help="rebuild / raw bulk rounds"
    )
    parser.add_argument("--warm-up", type=int, default=10, help="unmeasured rounds")
    parser.add_argument("--from-database", action="store_true")
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
            compare_indexing(client, args.indexing_rounds)
        else:
            count, elapsed = index_synthetic(client, args.materials)
            print(
                f"Bulk indexing (synthetic): {count} documents in {elapsed:.1f} s "
                f"= {count / elapsed:,.0f} documents/s"
            )
        wait_for_merges(client)
        # The engine's JIT keeps getting faster for the first few hundred
        # queries; a serving engine is past that.
        measure_queries(args.warm_up, facets=True)
        report("search() with facets", *measure_queries(args.rounds, facets=True))
        report(
            "search(), typos (2 requests)",
            *measure_queries(args.rounds, facets=True, queries=TYPOS),
        )
        report("search() without facets", *measure_queries(args.rounds, facets=False))
        report("/api/v1/search/", measure_pages(args.rounds, "/api/v1/search/"))
        report("/search/ (HTML)", measure_pages(args.rounds, "/search/"))
        print(
            f"({args.rounds} rounds × {len(QUERIES)} queries, {len(TYPOS)} typos; "
            "search() wall time beside the engine's own took)"
        )
    finally:
        client.options(ignore_status=404).indices.delete(index="bench-*")
        if node is not None:
            node.stop()
            shutil.rmtree(node.root, ignore_errors=True)


if __name__ == "__main__":
    main()
