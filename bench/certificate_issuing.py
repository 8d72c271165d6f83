"""Issuing, signing and checking 1,000 certificates.

Creates a throw-away test database (``test_<name>`` from DATABASE_URL) with a
published one-lesson course and that many enrolled learners, then, one at a
time as the services run them:

1. *issue*: each learner completes the lesson (``lesson_mark_done``), which
   issues the certificate and records its xAPI statements;
2. *sign*: each certificate's Open Badges 3.0 credential is built and signed
   (``eddsa-rdfc-2022``: RDF canonicalization and Ed25519), as a download
   does;
3. *check*: each signed credential is checked as the verification page does
   (signature, issuer, revocation, dates).

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lms \\
        uv run python bench/certificate_issuing.py [--count 1000]
"""

import argparse
import json
import statistics
import time

from setup_django import start_django, throwaway_postgresql

start_django()

from django.conf import settings
from sample_course import build

from courses.certificate_files import certificate_credential
from courses.credentials.checking import Outcome, check_credential
from courses.credentials.keys import new_keyring, raw_seed
from courses.credentials.multibase import secret_key_multibase
from courses.models import Certificate
from courses.services import lesson_mark_done


def timed(label: str, items, action) -> list:
    """Run ``action`` on each item; print the rate and per-item p50/p95."""
    results, times = [], []
    started = time.perf_counter()
    for item in items:
        begun = time.perf_counter()
        results.append(action(item))
        times.append((time.perf_counter() - begun) * 1000)
    elapsed = time.perf_counter() - started
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"{label}: {len(items)} in {elapsed:.1f} s, {len(items) / elapsed:.0f}/s;"
        f" per item p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms"
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    settings.CREDENTIALS_SIGNING_KEY = secret_key_multibase(
        raw_seed(new_keyring().private_key)
    )
    settings.CREDENTIALS_KEY_FILE = ""

    with throwaway_postgresql():
        _course, (lesson,), learners = build(
            modules=1, lessons_per_module=1, learners=args.count
        )
        timed(
            "issue",
            learners,
            lambda user: lesson_mark_done(learner=user, lesson=lesson),
        )
        certificates = list(Certificate.objects.select_related("course"))
        assert len(certificates) == args.count, "every learner has a certificate"
        signed = timed("sign", certificates, certificate_credential)
        texts = [json.dumps(credential) for credential in signed]
        reports = timed("check", texts, check_credential)
        valid = sum(report.outcome == Outcome.PASSED for report in reports)
        print(f"valid on checking: {valid} of {len(reports)}")


if __name__ == "__main__":
    main()
