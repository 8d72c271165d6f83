"""The local OpenSearch node: found Java, started beside a command, stopped after it."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest

from search import node as search_node
from search.node import NodeUnavailable, answers, free_port

PROJECT = Path(__file__).resolve().parents[2]


def fake_jdk(root, version_line: str):
    java = root / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(f"#!/bin/sh\necho '{version_line}' >&2\n")
    java.chmod(0o755)
    return root


def test_java_17_to_23_is_chosen_and_24_is_passed_over(tmp_path, monkeypatch):
    """OpenSearch 2.19 needs the security manager, which Java 24 removed."""
    newest = fake_jdk(tmp_path / "jdk-25", 'openjdk version "25.0.1" 2025-10-21')
    usable = fake_jdk(tmp_path / "jdk-17", 'openjdk version "17.0.15" 2025-04-15')
    monkeypatch.setenv("OPENSEARCH_JAVA_HOME", str(newest))
    monkeypatch.setenv("JAVA_HOME", str(usable))

    assert search_node.java_home() == usable


def test_java_8_is_read_as_8(tmp_path):
    old = fake_jdk(tmp_path / "jdk-8", 'java version "1.8.0_402"')
    assert search_node._java_major(old) == 8


def test_without_a_usable_java_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setattr(search_node, "_java_major", lambda home: 8)

    with pytest.raises(NodeUnavailable, match="install Java 17\\+ and Maven"):
        search_node.java_home()


def print_engine_url() -> list[str]:
    return [
        sys.executable,
        "-c",
        "import os; print(os.environ.get('ELASTICSEARCH_URL', ''))",
    ]


def test_without_java_the_command_runs_searching_the_database(monkeypatch, capfd):
    """`make run` still serves the site, and one line names what to install."""

    def refuse(self):
        raise NodeUnavailable(f"No Java 17 to 23 found: {search_node.INSTALL_HINT}")

    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    monkeypatch.setattr(search_node, "running_node", lambda root=None: None)
    monkeypatch.setattr(search_node.SearchNode, "start", refuse)

    assert search_node.run(print_engine_url()) == 0

    output = capfd.readouterr().out.splitlines()
    assert output[-1] == ""  # the command saw no engine
    (notice,) = [line for line in output if line.startswith("Search answers")]
    assert "install Java 17+ and Maven" in notice and "ELASTICSEARCH_URL" in notice


def test_with_an_engine_url_nothing_is_started(monkeypatch, capfd):
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://search.example:9200")
    monkeypatch.setattr(
        search_node.SearchNode, "start", lambda self: pytest.fail("started a node")
    )

    assert search_node.run(print_engine_url()) == 0

    assert capfd.readouterr().out.splitlines() == ["http://search.example:9200"]


RUN_BESIDE_A_NODE = """
import pathlib, sys
from search import node
node.LOCAL_ROOT = pathlib.Path(sys.argv[1])
check = (
    "import json, os, urllib.request;"
    "url = os.environ['ELASTICSEARCH_URL'];"
    "print(json.load(urllib.request.urlopen(url))['version']['number'])"
)
sys.exit(node.run([sys.executable, "-c", check]))
"""


@pytest.fixture
def open_folder():
    """A folder the node's own user may enter (pytest's are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="lms-node-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_node_serves_the_command_and_stops_with_it(open_folder, monkeypatch):
    """The command finds the engine answering; once it ends, nothing is left."""
    tmp_path = open_folder
    port = free_port()
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    monkeypatch.setenv("SEARCH_NODE_PORT", str(port))
    monkeypatch.setenv("SEARCH_NODE_HEAP", "256m")
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", RUN_BESIDE_A_NODE, str(tmp_path / "opensearch")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert search_node.VERSION in result.stdout.splitlines()
    assert "Stopping the search engine" in result.stdout
    assert not answers(f"http://127.0.0.1:{port}")
    assert not (tmp_path / "opensearch" / "node.json").exists()
    leftover = subprocess.run(  # noqa: S603
        ["pgrep", "-f", str(tmp_path / "opensearch")],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert leftover.stdout == ""


def test_a_second_run_uses_the_node_that_already_serves(tmp_path, monkeypatch, capfd):
    """Two `make run`s in one checkout share one node; the second stops nothing."""
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    monkeypatch.setattr(
        search_node, "running_node", lambda root=None: "http://127.0.0.1:9"
    )
    monkeypatch.setattr(
        search_node.SearchNode, "start", lambda self: pytest.fail("started a node")
    )

    assert search_node.run(print_engine_url()) == 0

    output = capfd.readouterr().out
    assert output.splitlines() == ["http://127.0.0.1:9"]
    assert "Stopping" not in output


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the node to a user")
def test_a_private_folder_is_named_instead_of_a_java_stack_trace(tmp_path):
    node = search_node.SearchNode(root=tmp_path / "opensearch", port=free_port())

    with pytest.raises(
        NodeUnavailable, match="cannot reach .*a folder above it is private"
    ):
        node.start()
    assert node.process is None


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the node to a user")
def test_a_distribution_in_a_private_clone_is_run_from_a_shared_copy(
    tmp_path, open_folder, monkeypatch
):
    """A clone in a private folder (mktemp -d) still starts its engine: the
    node's user reads a copy kept outside the project, made once."""
    home = tmp_path / ".tools" / "opensearch-test"
    (home / "lib").mkdir(parents=True)
    (home / "lib" / "engine.jar").write_bytes(b"jar")
    (home / search_node.INSTALLED_MARK).write_text("test\n")
    monkeypatch.setattr(search_node, "SHARED_TOOLS", open_folder / "shared")
    search_node._ensure_node_user()

    shared = search_node._reachable_home(home)
    again = search_node._reachable_home(home)

    assert shared == again == open_folder / "shared" / "opensearch-test"
    assert search_node._node_user_can(shared / "lib" / "engine.jar", "-r")
    assert not search_node._node_user_can(home / "lib", "-r")


def test_a_node_is_reused_only_while_its_process_lives_and_answers(tmp_path):
    (tmp_path / "node.json").write_text(json.dumps({"pid": 2**22, "url": "http://x"}))
    assert search_node.running_node(tmp_path) is None
    (tmp_path / "node.json").write_text("not json")
    assert search_node.running_node(tmp_path) is None


def test_the_suite_engine_reports_its_modules(search_server):
    """analysis-common is installed beside the distribution's own module."""
    with urllib.request.urlopen(  # noqa: S310 - the run's local engine
        f"{search_server.url}/_nodes/plugins?filter_path=nodes.*.modules.name"
    ) as response:
        (node,) = json.load(response)["nodes"].values()
    assert {module["name"] for module in node["modules"]} >= {
        "analysis-common",
        "transport-netty4",
    }


def test_the_suite_stops_with_one_line_when_the_engine_cannot_start(monkeypatch):
    """`make test` needs the engine: without Java or Maven it says what to install."""
    from tests import search_engine

    def refuse():
        raise NodeUnavailable(f"Maven is needed: {search_node.INSTALL_HINT}")

    class Config:
        stash = pytest.Stash()

    monkeypatch.delenv("TEST_ELASTICSEARCH_URL", raising=False)
    monkeypatch.setattr(search_engine, "install", refuse)

    with pytest.raises(pytest.UsageError) as refused:
        search_engine.pytest_configure(Config())
    assert str(refused.value) == (
        f"The test suite needs the search engine: Maven is needed: "
        f"{search_node.INSTALL_HINT}"
    )


STOPPED_BY_SIGNAL = """
import sys
from search import node

class Node:
    url = "http://127.0.0.1:9"
    def start(self): pass
    def wait(self): pass
    def stop(self): print("node stopped", flush=True)

node.running_node = lambda root=None: None
node._local_node = Node
sys.exit(node.run([sys.executable, "-c", "print('serving', flush=True); import time; time.sleep(60)"]))
"""


@pytest.mark.parametrize(
    ("stop", "status"), [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)]
)
def test_stopping_the_site_stops_the_engine(monkeypatch, stop, status):
    """Ctrl-C (to the whole terminal group) or SIGTERM: the command ends, then the node."""
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    runner = subprocess.Popen(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", STOPPED_BY_SIGNAL],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert runner.stdout.readline().strip().startswith("Starting the search engine")
        assert runner.stdout.readline().strip() == "serving"
        if stop == signal.SIGINT:
            os.killpg(runner.pid, signal.SIGINT)  # as a terminal does
        else:
            runner.send_signal(signal.SIGTERM)
        output = runner.communicate(timeout=30)[0]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(runner.pid, signal.SIGKILL)
    assert output.splitlines() == ["Stopping the search engine", "node stopped"]
    assert runner.returncode == status
