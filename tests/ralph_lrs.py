"""Ralph, a real Learning Record Store, for the xAPI forwarder's tests.

A fake LRS only answers the way its author thought an LRS answers. The
forwarder is also tested against Ralph (openfun's LRS, MIT licence), which
validates every statement and answers conflicts, credentials and batches the
way a production LRS does. Ralph pins FastAPI, pydantic and friends at
versions that clash with the project's, so ``python tests/ralph_lrs.py``
installs it into its own virtual environment under ``.tools/ralph/`` from the
pinned ``tests/ralph/requirements.txt``; it does nothing when that environment
matches the pins, so only the first build needs PyPI. Standard library only,
so CI can run it before Django is set up.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib import error, request

PROJECT = Path(__file__).resolve().parents[1]
REQUIREMENTS = PROJECT / "tests" / "ralph" / "requirements.txt"
SERVE = PROJECT / "tests" / "ralph" / "serve.py"
HOME = PROJECT / ".tools" / "ralph"
ENVIRONMENT = HOME / "venv"
PYTHON = ENVIRONMENT / "bin" / "python"
STAMP = HOME / "requirements.sha256"
REQUIRED_VARIABLE = "REQUIRE_RALPH_LRS"
INSTALL_TIMEOUT = 900
START_TIMEOUT = 60
HASH_TIMEOUT = 60
# Ralph's own hashing, run in its environment: bcrypt is not a project package.
_HASH_PASSWORD = (
    "import bcrypt, sys; "
    "print(bcrypt.hashpw(sys.stdin.buffer.read(), bcrypt.gensalt(4)).decode())"
)


class RalphUnavailable(RuntimeError):
    """Ralph could not be installed, or did not start."""


@dataclass(frozen=True)
class LrsUser:
    username: str
    password: str
    scopes: tuple[str, ...] = ("statements/write", "statements/read")


def requirements_digest() -> str:
    digest = hashlib.sha256(REQUIREMENTS.read_bytes())
    digest.update(f"{sys.version_info.major}.{sys.version_info.minor}".encode())
    return digest.hexdigest()


def is_installed() -> bool:
    return (
        PYTHON.is_file()
        and STAMP.is_file()
        and STAMP.read_text() == (requirements_digest())
    )


def install() -> Path:
    """Ralph's Python, its environment built only when missing or out of date."""
    if is_installed():
        return PYTHON
    shutil.rmtree(ENVIRONMENT, ignore_errors=True)
    STAMP.unlink(missing_ok=True)
    HOME.mkdir(parents=True, exist_ok=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(ENVIRONMENT)
    result = subprocess.run(  # noqa: S603 - pip on our own pinned requirements
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + ["--requirement", str(REQUIREMENTS)],
        check=False,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
    )
    if result.returncode != 0:
        shutil.rmtree(ENVIRONMENT, ignore_errors=True)
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise RalphUnavailable(
            f"pip could not install Ralph: {' '.join(tail) or 'no output'}"
        )
    STAMP.write_text(requirements_digest())
    return PYTHON


def required() -> bool:
    """CI sets REQUIRE_RALPH_LRS=1: a missing Ralph fails, not skips."""
    return os.environ.get(REQUIRED_VARIABLE, "") not in ("", "0")


def write_users_file(path: Path, users: list[LrsUser]) -> Path:
    """Ralph's basic-auth file: bcrypt hashes, never the passwords."""
    entries = []
    for number, user in enumerate(users):
        hashed = subprocess.run(  # noqa: S603 - Ralph's Python, our own code
            [str(PYTHON), "-c", _HASH_PASSWORD],
            input=user.password.encode(),
            check=True,
            capture_output=True,
            timeout=HASH_TIMEOUT,
        ).stdout.decode()
        entries.append(
            {
                "username": user.username,
                "hash": hashed.strip(),
                "scopes": list(user.scopes),
                "agent": {"mbox": f"mailto:lrs-client-{number}@example.org"},
            }
        )
    path.write_text(json.dumps(entries))
    return path


@dataclass
class RalphServer:
    """A running Ralph: ``xapi_url`` is the base URL the forwarder is given."""

    process: subprocess.Popen
    port: int
    log: Path

    @property
    def xapi_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI"


def _environment(work: Path, users_file: Path) -> dict[str, str]:
    """Ralph reads its settings from RALPH_* variables: a file-system backend
    in ``work``, so no database or search engine is needed."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("RALPH_")
    }
    environment.update(
        RALPH_APP_DIR=str(work / "app"),
        RALPH_AUTH_FILE=str(users_file),
        RALPH_RUNSERVER_AUTH_BACKENDS="basic",
        RALPH_RUNSERVER_BACKEND="fs",
        RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(work / "statements"),
        RALPH_SENTRY_DSN="",
    )
    return environment


@contextlib.contextmanager
def running(work: Path, users: list[LrsUser]) -> Iterator[RalphServer]:
    """Ralph on a free loopback port for the duration of the block."""
    (work / "app").mkdir(parents=True, exist_ok=True)
    (work / "statements").mkdir(exist_ok=True)
    users_file = write_users_file(work / "users.json", users)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))  # the port is ours: uvicorn is handed it
    port = listener.getsockname()[1]
    log = work / "ralph.log"
    with listener, log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - Ralph's Python, fixed arguments
            [str(PYTHON), str(SERVE), str(listener.fileno())],
            env=_environment(work, users_file),
            pass_fds=(listener.fileno(),),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = RalphServer(process, port, log)
    try:
        _wait_until_it_answers(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_it_answers(server: RalphServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    url = f"http://127.0.0.1:{server.port}/__heartbeat__"
    while time.monotonic() < deadline and server.process.poll() is None:
        if _answers(url):
            return
        time.sleep(0.2)
    tail = server.log.read_text(errors="replace").strip().splitlines()[-5:]
    raise RalphUnavailable(f"Ralph did not start: {' '.join(tail) or 'no output'}")


def _answers(url: str) -> bool:
    try:
        with request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.status == 200
    except (error.URLError, OSError):
        return False


def main() -> int:
    try:
        print(f"Ralph LRS: {install()}")
    except (RalphUnavailable, OSError, subprocess.SubprocessError) as problem:
        print(f"Ralph LRS not installed: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
