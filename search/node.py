"""A local OpenSearch node for development, tests and benchmarks.

Production talks to its own Elasticsearch or OpenSearch cluster through
``ELASTICSEARCH_URL``. Everywhere else (``make run``, the test suite, the
benchmarks) the project starts a real single-node OpenSearch, the
distribution OpenSearch publishes to Maven Central, so every query, mapping
and alias swap runs on Lucene exactly as in production.

The distribution and the one module it lacks (``analysis-common``, for the
mapping char filter, ASCII folding, stemming and edge n-grams) are fetched
once with Maven into ``.tools/`` and reused offline afterwards. OpenSearch
refuses to run as root, so under root the node runs as an unprivileged
system user that owns only the node's own folders.

This module uses the standard library only: the test suite starts the node
before Django is set up, and ``python -m search.node`` runs it by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

VERSION = "2.19.6"
DISTRIBUTION = f"org.opensearch.distribution.integ-test-zip:opensearch:{VERSION}:zip"
ANALYSIS_COMMON = f"org.opensearch.plugin:analysis-common:{VERSION}"
# Java 17 to 23: OpenSearch 2.19 needs the security manager, gone since Java 24.
JAVA_VERSIONS = range(17, 24)
NODE_USER = "lms-search"
DEFAULT_HEAP = "1g"
DEFAULT_PORT = 9200
START_TIMEOUT = 180.0

PROJECT = Path(__file__).resolve().parents[1]
TOOLS = PROJECT / ".tools"
# Written last by install(): a distribution without it is half unpacked.
INSTALLED_MARK = ".installed"
LOCAL_ROOT = PROJECT / "var" / "opensearch"

INSTALL_HINT = (
    "install Java 17+ and Maven (apt-get install -y openjdk-17-jdk-headless maven), "
    "or set ELASTICSEARCH_URL to an Elasticsearch or OpenSearch cluster"
)

_ANALYSIS_DESCRIPTOR = f"""\
description=Adds "built in" analyzers to OpenSearch.
version={VERSION}
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version={VERSION}
custom.foldername=
extended.plugins=
has.native.controller=false
"""

_JVM_OPTIONS = """\
-Xms{heap}
-Xmx{heap}
-XX:+UseG1GC
-XX:G1ReservePercent=25
-XX:InitiatingHeapOccupancyPercent=30
-XX:-HeapDumpOnOutOfMemoryError
-XX:ErrorFile={logs}/hs_err_pid%p.log
-Djava.io.tmpdir=${{OPENSEARCH_TMPDIR}}
18-:-Djava.security.manager=allow
20-:--add-modules=jdk.incubator.vector
-Djava.util.concurrent.ForkJoinPool.common.threadFactory=org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory
"""


class NodeUnavailable(Exception):
    """The local node cannot be installed or started; the message says why."""


# -- installing ---------------------------------------------------------------


def java_home() -> Path:
    """A Java 17–23 home: OPENSEARCH_JAVA_HOME, JAVA_HOME, ``java`` or /usr/lib/jvm."""
    candidates: list[Path] = []
    for name in ("OPENSEARCH_JAVA_HOME", "JAVA_HOME"):
        if os.environ.get(name):
            candidates.append(Path(os.environ[name]))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parents[1])
    candidates += sorted(Path("/usr/lib/jvm").glob("*"))
    for home in candidates:
        if _java_major(home) in JAVA_VERSIONS:
            return home
    raise NodeUnavailable(
        f"No Java 17 to 23 found for the search engine: {INSTALL_HINT}"
    )


def _java_major(home: Path) -> int | None:
    java = home / "bin" / "java"
    if not java.is_file():
        return None
    try:
        result = subprocess.run(  # noqa: S603 - a fixed program of the JDK
            [str(java), "-version"],
            check=False,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr)
    if not found:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major


def install(tools: Path = TOOLS) -> Path:
    """The unpacked distribution with analysis-common, fetched once by Maven."""
    home = tools / f"opensearch-{VERSION}"
    if (home / INSTALLED_MARK).is_file():
        return home
    maven = shutil.which("mvn")
    if not maven:
        raise NodeUnavailable(
            f"Maven is needed to fetch the search engine: {INSTALL_HINT}"
        )
    tools.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=tools, prefix="opensearch-download-") as work:
        work_path = Path(work)
        for artifact in (DISTRIBUTION, ANALYSIS_COMMON):
            _maven_copy(maven, artifact, work_path)
        with zipfile.ZipFile(work_path / f"opensearch-{VERSION}.zip") as archive:
            archive.extractall(work_path / "unpacked")
        unpacked = work_path / "unpacked" / f"opensearch-{VERSION}"
        module = unpacked / "modules" / "analysis-common"
        module.mkdir()
        shutil.move(work_path / f"analysis-common-{VERSION}.jar", module)
        (module / "plugin-descriptor.properties").write_text(_ANALYSIS_DESCRIPTOR)
        for script in (unpacked / "bin").iterdir():
            script.chmod(0o755)
        (unpacked / INSTALLED_MARK).write_text(f"{DISTRIBUTION}\n{ANALYSIS_COMMON}\n")
        shutil.rmtree(home, ignore_errors=True)
        unpacked.rename(home)
    return home


def _maven_copy(maven: str, artifact: str, target: Path) -> None:
    command = [
        maven,
        "--batch-mode",
        "--quiet",
        "dependency:copy",
        f"-Dartifact={artifact}",
        f"-DoutputDirectory={target}",
    ]
    result = subprocess.run(  # noqa: S603 - Maven with a fixed artifact
        command, check=False, capture_output=True, text=True, cwd=target, timeout=900
    )
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-3:]
        raise NodeUnavailable(
            f"Maven could not fetch {artifact}: {' '.join(tail) or 'no output'}"
        )


# -- running ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """Ask the kernel to stop the node if the process that started it dies."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


def _ensure_node_user() -> None:
    with contextlib.suppress(KeyError):
        import pwd

        pwd.getpwnam(NODE_USER)
        return
    subprocess.run(  # noqa: S603 - fixed arguments
        [  # noqa: S607 - the system's own useradd, found on PATH
            "useradd",
            "--system",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            NODE_USER,
        ],
        check=True,
        capture_output=True,
    )


SHARED_TOOLS = Path("/var/lib/lms-search")


def _reachable_home(home: Path) -> Path:
    """The distribution where the node's user can read it.

    A project cloned into a private folder (``mktemp -d``, root's home) hides
    ``.tools/`` from that user; root then keeps a readable copy of the same
    pinned version beside the system's other services, made once.
    """
    if _node_user_can(home / "lib", "-r"):
        return home
    shared = SHARED_TOOLS / home.name
    if not (shared / INSTALLED_MARK).exists():
        partial = shared.with_name(shared.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(home, partial, symlinks=True)
        for path in (SHARED_TOOLS, partial):
            path.chmod(0o755)
        shutil.rmtree(shared, ignore_errors=True)
        partial.rename(shared)
    return shared


def _node_user_can(path: Path, test: str) -> bool:
    allowed = subprocess.run(  # noqa: S603 - fixed arguments
        ["runuser", "-u", NODE_USER, "--", "test", test, str(path)],  # noqa: S607
        check=False,
        capture_output=True,
    )
    return allowed.returncode == 0


def _check_node_user_reaches(home: Path, root: Path) -> None:
    """The node's user must read the distribution and write its own folders.

    A project under a private folder (root's home, say) hides them; say so
    instead of letting the engine fail with a Java stack trace.
    """
    for path, test in ((home / "lib", "-r"), (root / "data", "-w")):
        if not _node_user_can(path, test):
            raise NodeUnavailable(
                f"the search engine runs as the user {NODE_USER}, which cannot reach "
                f"{path}: a folder above it is private; keep the project (and its "
                "var/ and .tools/ folders) where other users may enter"
            )


@dataclass
class SearchNode:
    """One single-node cluster whose data, logs and settings live under ``root``."""

    root: Path
    port: int = DEFAULT_PORT
    heap: str = DEFAULT_HEAP
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.root / "logs" / "console.log"

    @property
    def state_path(self) -> Path:
        return self.root / "node.json"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self) -> None:
        """Launch the node in the background; :meth:`wait` tells when it answers."""
        home = install()
        java = java_home()
        self._prepare(home)
        as_root = os.geteuid() == 0
        if as_root:
            _ensure_node_user()
            self._own_folders()
            home = _reachable_home(home)
            _check_node_user_reaches(home, self.root)
        command = [str(home / "bin" / "opensearch"), *self._settings()]
        if as_root:
            command = ["runuser", "-u", NODE_USER, "--", *command]
        environment = {
            **os.environ,
            "OPENSEARCH_JAVA_HOME": str(java),
            "OPENSEARCH_PATH_CONF": str(self.root / "config"),
            "OPENSEARCH_TMPDIR": str(self.root / "tmp"),
        }
        environment.pop("JAVA_TOOL_OPTIONS", None)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - the distribution's launcher
                command,
                cwd=self.root,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - one libc call
            )
        self.state_path.write_text(json.dumps({"pid": self.pid, "url": self.url}))

    def wait(self, timeout: float = START_TIMEOUT) -> None:
        """Return once the cluster is yellow or green; raise with the log if not."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise NodeUnavailable(
                    f"the search engine exited with {self.process.returncode}: "
                    f"{self.log_tail()}"
                )
            if answers(self.url):
                return
            time.sleep(0.25)
        raise NodeUnavailable(
            f"the search engine did not answer within {timeout:.0f}s: {self.log_tail()}"
        )

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the node and everything it started, gently first."""
        process, self.process = self.process, None
        if process is None:
            return
        self.resume(process)
        if process.poll() is None:
            _signal_group(process, signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()
        _signal_group(process, signal.SIGKILL)  # anything left in its group
        self.state_path.unlink(missing_ok=True)

    def pause(self) -> None:
        """Freeze the node (SIGSTOP): connections hang, as with a stalled engine."""
        self._signal(signal.SIGSTOP)

    def resume(self, process: subprocess.Popen | None = None) -> None:
        self._signal(signal.SIGCONT, process)

    def kill(self) -> None:
        """Kill the node outright (SIGKILL), as a crash would; :meth:`start` again."""
        process, self.process = self.process, None
        if process is not None:
            _signal_group(process, signal.SIGKILL)
            process.wait()

    def log_tail(self, lines: int = 8) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "no log was written"
        return " | ".join(text.strip().splitlines()[-lines:]) or "the log is empty"

    def _signal(self, number: int, process: subprocess.Popen | None = None) -> None:
        process = process or self.process
        if process is not None and process.poll() is None:
            _signal_group(process, number)

    def _prepare(self, home: Path) -> None:
        for name in ("config", "data", "logs", "tmp"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        config = self.root / "config"
        shutil.copy(home / "config" / "log4j2.properties", config)
        (config / "jvm.options").write_text(
            _JVM_OPTIONS.format(heap=self.heap, logs=self.root / "logs")
        )
        (config / "opensearch.yml").write_text(
            "# Written by search/node.py at each start; settings are passed as -E.\n"
        )

    def _settings(self) -> list[str]:
        values = {
            "cluster.name": "lms-local",
            "node.name": "lms-local",
            "path.data": self.root / "data",
            "path.logs": self.root / "logs",
            "network.host": "127.0.0.1",
            "http.port": self.port,
            "transport.port": free_port(),
            "discovery.type": "single-node",
            # Writes must never land in an index nobody created on purpose.
            "action.auto_create_index": "false",
            # A nearly full developer disk must not turn the index read-only.
            "cluster.routing.allocation.disk.threshold_enabled": "false",
        }
        return [f"-E{name}={value}" for name, value in values.items()]

    def _own_folders(self) -> None:
        for path in [self.root, *self.root.rglob("*")]:
            shutil.chown(path, NODE_USER, NODE_USER)


def _signal_group(process: subprocess.Popen, number: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, number)


def answers(url: str, *, timeout: float = 2.0) -> bool:
    """Whether the cluster at ``url`` is up with its shards at least yellow."""
    health = f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s"
    try:
        with urllib.request.urlopen(health, timeout=timeout) as response:  # noqa: S310 - loopback
            return json.load(response).get("status") in {"yellow", "green"}
    except (OSError, ValueError):
        return False


def running_node(root: Path = LOCAL_ROOT) -> str | None:
    """The URL of a node already serving from ``root`` (another ``make run``)."""
    try:
        state = json.loads((root / "node.json").read_text())
        os.kill(int(state["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return state["url"] if answers(state["url"]) else None


# -- command line ---------------------------------------------------------------


def _local_node() -> SearchNode:
    port = int(os.environ.get("SEARCH_NODE_PORT") or DEFAULT_PORT)
    heap = os.environ.get("SEARCH_NODE_HEAP") or DEFAULT_HEAP
    return SearchNode(root=LOCAL_ROOT, port=port, heap=heap)


def run(command: list[str]) -> int:
    """Run ``command`` with a search engine, starting the local node if needed.

    With ``ELASTICSEARCH_URL`` set nothing is started. Without Java or Maven
    the command still runs, with search answering from the database, and one
    line says what to install.
    """
    environment = dict(os.environ)
    node = None
    if not environment.get("ELASTICSEARCH_URL"):
        url = running_node()
        if url is None:
            node = _local_node()
            try:
                print(
                    f"Starting the search engine (OpenSearch {VERSION}) at {node.url}"
                )
                node.start()
                node.wait()
                url = node.url
            except NodeUnavailable as error:
                node.stop()
                node = None
                print(f"Search answers from the database only: {error}")
            except BaseException:  # Ctrl-C while it starts
                node.stop()
                raise
        if url:
            environment["ELASTICSEARCH_URL"] = url
            environment.setdefault("ELASTICSEARCH_COMPAT", "opensearch")
    try:
        return _run_until_done(command, environment)
    finally:
        if node is not None:
            print("Stopping the search engine")
            node.stop()


def _run_until_done(command: list[str], environment: dict[str, str]) -> int:
    """The command's exit status; a stop request reaches it and is waited for.

    Ctrl-C in a terminal reaches the command too, so it is given time to
    finish; SIGTERM (a process manager, a closing terminal) is passed on.
    """
    process = subprocess.Popen(command, env=environment)  # noqa: S603 - the caller's own
    previous = signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        status = process.wait()
        return 128 - status if status < 0 else status  # killed by a signal: 128+N
    except KeyboardInterrupt:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m search.node", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)
    verbs.add_parser("install", help="fetch the distribution into .tools/")
    runner = verbs.add_parser("run", help="run a command with the local node beside it")
    runner.add_argument("command", nargs=argparse.REMAINDER)
    arguments = parser.parse_args(argv)
    try:
        if arguments.verb == "install":
            print(install())
            return 0
    except NodeUnavailable as error:
        print(error, file=sys.stderr)
        return 1
    command = (
        arguments.command[1:] if arguments.command[:1] == ["--"] else arguments.command
    )
    if not command:
        parser.error("run needs a command after --")
    return run(command)


if __name__ == "__main__":
    sys.exit(main())
