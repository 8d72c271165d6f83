"""deploy/serve.sh runs the stack as one unit: all start, all stop together."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.lms.services import free_port

PROJECT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None, reason="deploy/serve.sh needs bash"
)


@pytest.fixture
def serve(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "serve-script-test-" + "k9" * 30,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LMS_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TASKS_BACKEND": "immediate",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "SERVE_SETUP": "0",
        "PYTHON": sys.executable,
    }
    env.pop("REDIS_URL", None)
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        ["bash", "deploy/serve.sh"],  # noqa: S607
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_serving(port, process, tmp_path / "serve.log")
        yield process
    finally:
        # Whatever happened, nothing the script started outlives the test.
        kill_session(process.pid)
        process.wait()
        log.close()


def wait_until_serving(port: int, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"serve.sh exited early: {log_path.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(
                    f"serve.sh did not answer within 60 s: {log_path.read_text()}"
                )
            time.sleep(0.2)


def kill_session(session_id: int) -> None:
    """SIGKILL every process of the session, the orphaned ones included."""
    for line in processes_in_session(session_id):
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(line.split()[0]), signal.SIGKILL)


def processes_in_session(session_id: int) -> list[str]:
    result = subprocess.run(  # noqa: S603
        ["ps", "-o", "pid=,args=", "-s", str(session_id)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    # A <defunct> entry has already exited and only waits for init to reap it.
    return [
        line
        for line in result.stdout.splitlines()
        if line.strip() and "<defunct>" not in line
    ]


def wait_until_empty(session_id: int, *, timeout: float = 10) -> list[str]:
    """Orphaned gunicorn workers notice their parent is gone within a second or two."""
    deadline = time.monotonic() + timeout
    while (left := processes_in_session(session_id)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def test_ctrl_c_stops_web_and_scheduler(serve):
    assert any("gunicorn" in line for line in processes_in_session(serve.pid))
    assert any("run_periodic" in line for line in processes_in_session(serve.pid))

    serve.send_signal(signal.SIGINT)

    assert serve.wait(timeout=30) == 130
    assert wait_until_empty(serve.pid) == []


def test_when_the_web_server_dies_the_rest_stop_too(serve):
    (web,) = [
        int(line.split()[0])
        for line in processes_in_session(serve.pid)
        if "-m gunicorn" in line and str(serve.pid) != line.split()[0]
    ][:1]

    os.kill(web, signal.SIGKILL)

    assert serve.wait(timeout=30) != 0
    assert wait_until_empty(serve.pid) == []
