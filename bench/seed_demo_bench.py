"""How fast seed_demo loads materials in bulk.

Usage: python bench/seed_demo_bench.py [N]   (default 100000)
Runs against DATABASE_URL (SQLite by default) in a throwaway database and media
folder, and prints materials per second.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as scratch:
        env = os.environ | {
            "DEBUG": "true",
            "LMS_VAR_DIR": scratch,
            "MEDIA_ROOT": str(Path(scratch) / "media"),
        }
        run(["migrate", "--noinput", "-v0"], env)
        started = time.perf_counter()
        run(["seed_demo", "--materials", str(count), "--courses", "0"], env)
        elapsed = time.perf_counter() - started
    database = env.get("DATABASE_URL", "sqlite").split(":", 1)[0]
    print(f"seed_demo: {count} materials in {elapsed:.1f} s on {database}")
    print(f"seed_demo: {count / elapsed:.0f} materials per second")


def run(arguments: list[str], env: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


if __name__ == "__main__":
    main()
