"""Material views counted per second: one UPDATE per hit against Redis
batching with a periodic flush, on the same database and threads.

Creates a throw-away test database (``test_<name>`` from DATABASE_URL), a
few published materials of which one is "popular" (half the hits go to it,
as on the first day of term), then counts views from several threads for a
fixed time through ``lms.counters.count`` twice: without Redis (every hit
updates the material's row) and with Redis (every hit is one HINCRBY, and
``lms.counters.flush`` runs every second, as the periodic task would). It
checks that the totals in the rows equal the hits counted, then prints the
figures; the database and the Redis keys are removed afterwards.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lms \\
    REDIS_URL=redis://127.0.0.1:6379/0 \\
        uv run python bench/counter_writes.py [--seconds 10] [--threads 8]
"""

import argparse
import sys
import threading
import time
import uuid

from setup_django import start_django, throwaway_postgresql

start_django()

from django.conf import settings
from django.db import connection, connections
from django.db.models import Sum
from django.test.utils import override_settings

from lms import counters
from materials.models import Material
from tests.factories import PublishedMaterialFactory

MATERIALS = 20


def hammer(ids: list[int], deadline: float, totals: list[int], lock) -> None:
    hits = 0
    try:
        while time.monotonic() < deadline:
            # Every other hit goes to the popular material, the rest spread out.
            pk = ids[0] if hits % 2 == 0 else ids[1 + hits % (len(ids) - 1)]
            counters.count(counters.MATERIAL_VIEWS, pk)
            hits += 1
    finally:
        connections.close_all()
    with lock:
        totals.append(hits)


def flusher(deadline: float, stop: threading.Event, flushes: list[float]) -> None:
    try:
        while not stop.is_set():
            if stop.wait(1.0):
                break
            started = time.perf_counter()
            counters.flush()
            flushes.append(time.perf_counter() - started)
    finally:
        connections.close_all()


def run(ids: list[int], *, seconds: float, threads: int, batched: bool) -> dict:
    totals: list[int] = []
    flushes: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()
    start = time.monotonic()
    deadline = start + seconds
    workers = [
        threading.Thread(target=hammer, args=(ids, deadline, totals, lock))
        for _ in range(threads)
    ]
    helper = threading.Thread(target=flusher, args=(deadline, stop, flushes))
    if batched:
        helper.start()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - start
    stop.set()
    if batched:
        helper.join()
        started = time.perf_counter()
        counters.flush()  # what the last tick would have written
        flushes.append(time.perf_counter() - started)
    return {
        "hits": sum(totals),
        "elapsed": elapsed,
        "flushes": flushes,
    }


def stored_views() -> int:
    return Material.objects.aggregate(total=Sum("view_count"))["total"] or 0


def report(name: str, result: dict, written: int) -> None:
    print(f"{name}:")
    print(f"  views counted: {result['hits']} in {result['elapsed']:.1f} s")
    print(f"  views per second: {result['hits'] / result['elapsed']:.0f}")
    print(
        f"  views in the rows afterwards: {written} (match: {written == result['hits']})"
    )
    if result["flushes"]:
        slowest = max(result["flushes"]) * 1000
        print(f"  flushes: {len(result['flushes'])}, slowest {slowest:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    redis_url = settings.COUNTERS_REDIS_URL
    if not redis_url:
        sys.exit("Set REDIS_URL (or COUNTERS_REDIS_URL) to a Redis server.")

    prefix = f"bench:{uuid.uuid4().hex[:8]}:"
    with throwaway_postgresql():
        ids = [PublishedMaterialFactory().pk for _ in range(MATERIALS)]
        print(f"database: PostgreSQL {connection.pg_version}; threads: {args.threads}")
        print(f"materials: {MATERIALS}, half the views on one of them")

        with override_settings(COUNTERS_REDIS_URL=None):
            direct = run(ids, seconds=args.seconds, threads=args.threads, batched=False)
        report("one UPDATE per view", direct, stored_views())

        Material.objects.update(view_count=0)
        with override_settings(
            COUNTERS_REDIS_URL=redis_url, COUNTERS_KEY_PREFIX=prefix
        ):
            batched = run(ids, seconds=args.seconds, threads=args.threads, batched=True)
            report("Redis, flushed every second", batched, stored_views())
            client = counters._client()
            for key in client.scan_iter(match=f"{prefix}*"):
                client.delete(key)
        ratio = (batched["hits"] / batched["elapsed"]) / (
            direct["hits"] / direct["elapsed"]
        )
        print(f"batched / direct: {ratio:.1f}x")


if __name__ == "__main__":
    main()
