"""How many materials per second the processing pipeline handles.

Runs the real pipeline (sniffing and validation, checksum, page count, text
extraction, thumbnail) over small PDFs and images made on the spot, in this
process, without a database: the figures measure the file work, which is
what dominates a processing task.

    uv run python bench/materials_processing.py [--count N]
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from lms.demo_files import make_image, make_pdf
from materials.processing import derive


def samples(kind: str, count: int) -> list[bytes]:
    if kind == "pdf":
        return [
            make_pdf(f"Bai tap {n}", [f"Dong {line}" for line in range(20)], pages=3)
            for n in range(count)
        ]
    colours = ("#0b5cad", "#2e7d32", "#c62828", "#8e24aa")
    return [
        make_image(f"Anh {n}", colour=colours[n % len(colours)], size=(1280, 720))
        for n in range(count)
    ]


def measure(kind: str, count: int) -> tuple[float, int]:
    files = samples(kind, count)
    derive(io.BytesIO(files[0]))  # warm up libraries
    started = time.perf_counter()
    for data in files:
        derive(io.BytesIO(data))
    elapsed = time.perf_counter() - started
    return count / elapsed, sum(len(data) for data in files) // count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    print(f"materials processing benchmark, {args.count} files per kind, 1 process")
    for kind, label in (("pdf", "3-page PDF"), ("image", "1280x720 PNG")):
        rate, size = measure(kind, args.count)
        print(f"{label:>14}: {rate:8.1f} materials/s  (avg {size / 1024:.1f} KiB)")


if __name__ == "__main__":
    main()
