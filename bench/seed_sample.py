"""Seed a small but realistic sample for the backup and load checks.

    DEBUG=1 DATABASE_URL=... MEDIA_ROOT=/tmp/lms-media \
        uv run python bench/seed_sample.py --materials 300 --courses 6

Teachers, students, published and draft materials with real PDF files, and
courses with modules and lessons, all through the test factories so the rows
look exactly like the ones the application makes. Not the 100,000-material
demo set: this is for checks that need some of everything, quickly.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--materials", type=int, default=300)
    parser.add_argument("--courses", type=int, default=6)
    parser.add_argument("--students", type=int, default=200)
    options = parser.parse_args()

    import django

    django.setup()
    from tests.factories import (
        CourseModulePageFactory,
        CoursePageFactory,
        LessonPageFactory,
        MaterialFactory,
        PublishedMaterialFactory,
        StudentFactory,
        TeacherFactory,
    )

    started = time.perf_counter()
    teachers = [TeacherFactory() for _ in range(20)]
    StudentFactory.create_batch(options.students)
    for n in range(options.materials):
        factory = MaterialFactory if n % 10 == 0 else PublishedMaterialFactory
        factory(author=teachers[n % len(teachers)])
    for _ in range(options.courses):
        course = CoursePageFactory()
        for _ in range(3):
            module = CourseModulePageFactory(parent=course)
            LessonPageFactory.create_batch(4, parent=module)
    elapsed = time.perf_counter() - started
    print(
        f"seeded {options.materials} materials, {options.courses} courses "
        f"(3 modules x 4 lessons), {options.students} students, 20 teachers "
        f"in {elapsed:.1f}s"
    )


if __name__ == "__main__":
    main()
