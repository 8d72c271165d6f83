"""The independent credential verifier: built once, then run by the tests.

A credential that only the site's own code accepts proves little: the tests
also check every signed credential with Iron (Java, ``tests/verifier/``),
another implementation of JSON-LD, RDF canonicalization and Data Integrity.
``python tests/credential_verifier.py`` builds its jar with Maven into
``.tools/credential-verifier/``; it does nothing when the jar matches the
sources, and builds offline (``mvn -o``) when Maven already holds the
dependencies. Standard library only, so CI can run it before Django is set up.

Given the site's signed status list (``verify(..., status_list=...)``), it
also reads each credential's revocation bit, the transcript's embedded
credentials' included, and reports ``REVOKED``; without it, status entries
are checked for their id and type only. What it checks and what it does not
is written down in ``tests/verifier/README.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SOURCES = PROJECT / "tests" / "verifier"
# A checkout whose .tools is shared with others can build its own jar elsewhere.
HOME = Path(
    os.environ.get("CREDENTIAL_VERIFIER_HOME")
    or PROJECT / ".tools" / "credential-verifier"
)
JAR = HOME / "credential-verifier.jar"
STAMP = HOME / "sources.sha256"
REQUIRED_VARIABLE = "REQUIRE_CREDENTIAL_VERIFIER"
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 120


class VerifierUnavailable(RuntimeError):
    """Java or Maven is missing, or the build failed."""


@dataclass(frozen=True)
class Verdict:
    valid: bool
    output: str

    @property
    def revoked(self) -> bool:
        """The signed status list given has the credential's revocation bit set."""
        return self.output.startswith("REVOKED")


def sources_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(SOURCES.rglob("*")):
        if path.is_file() and "target" not in path.relative_to(SOURCES).parts:
            digest.update(str(path.relative_to(SOURCES)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def is_installed() -> bool:
    return JAR.is_file() and STAMP.is_file() and STAMP.read_text() == sources_digest()


def _maven(maven: str, build: Path, *, offline: bool) -> subprocess.CompletedProcess:
    command = [maven, "--batch-mode", "--quiet", "package", "-DskipTests"]
    if offline:
        command.insert(1, "--offline")
    return subprocess.run(  # noqa: S603 - Maven on our own pom
        command,
        cwd=build,
        check=False,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )


def install() -> Path:
    """The verifier jar, built only when missing or out of date."""
    if is_installed():
        return JAR
    maven = shutil.which("mvn")
    if not maven or not shutil.which("java"):
        raise VerifierUnavailable(
            "Java 17+ and Maven are needed to build the credential verifier "
            "(apt-get install -y openjdk-17-jdk-headless maven)"
        )
    HOME.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=HOME, prefix="build-") as work:
        build = Path(work) / "verifier"
        shutil.copytree(SOURCES, build, ignore=shutil.ignore_patterns("target"))
        result = _maven(maven, build, offline=True)
        if result.returncode != 0:
            result = _maven(maven, build, offline=False)
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
            raise VerifierUnavailable(
                f"Maven could not build the verifier: {' '.join(tail) or 'no output'}"
            )
        shutil.copyfile(build / "target" / "credential-verifier.jar", JAR)
    STAMP.write_text(sources_digest())
    return JAR


def verify(
    credential: dict,
    *,
    did_document: dict,
    contexts: dict[str, Path],
    status_list: dict | None = None,
) -> Verdict:
    """Run the verifier on ``credential``; ``contexts`` maps URL to file.

    ``status_list`` is a signed BitstringStatusListCredential, served to the
    verifier at its own ``id``: entries pointing at it are read from it.
    Without it, status entries are checked for their id and type only.
    """
    with tempfile.TemporaryDirectory(prefix="credential-") as work:
        credential_file = Path(work) / "credential.json"
        did_file = Path(work) / "did.json"
        credential_file.write_text(json.dumps(credential, ensure_ascii=False))
        did_file.write_text(json.dumps(did_document))
        command = ["java", "-jar", str(JAR)]
        for url, path in contexts.items():
            command += ["--context", f"{url}={path}"]
        if status_list is not None:
            list_file = Path(work) / "status-list.json"
            list_file.write_text(json.dumps(status_list, ensure_ascii=False))
            command += ["--status-list", f"{status_list['id']}={list_file}"]
        command += ["--did", str(did_file), str(credential_file)]
        result = subprocess.run(  # noqa: S603 - our own jar, files we wrote
            command, check=False, capture_output=True, text=True, timeout=RUN_TIMEOUT
        )
    output = (result.stdout + result.stderr).strip()
    return Verdict(result.returncode == 0 and output == "VALID", output)


def required() -> bool:
    """CI sets REQUIRE_CREDENTIAL_VERIFIER=1: a missing jar fails, not skips."""
    return os.environ.get(REQUIRED_VARIABLE, "") not in ("", "0")


def main() -> int:
    try:
        print(f"credential verifier: {install()}")
    except VerifierUnavailable as problem:
        print(f"credential verifier not built: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
