"""Real-browser tests: Debian's Chromium, driven by Playwright, against the site
served by a separate server process with its own database and demo content."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    missing = [str(path) for path in (CHROMIUM, AXE_SCRIPT) if not path.exists()]
    if not missing:
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(f"browser tests need {', '.join(missing)}")
    skip = pytest.mark.skip(
        reason=f"browser tests need {', '.join(missing)} (bash .ci/run installs them)"
    )
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _manage(env: dict, *arguments: str) -> None:
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def site_env(tmp_path_factory, search_server) -> dict:
    """The served site's environment, so a test can add content of its own
    with ``manage`` (its database lives in LMS_VAR_DIR)."""
    scratch = tmp_path_factory.mktemp("browser-site")
    port = _free_port()
    prefix = f"test-browser-{port}"
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
    } | {
        "DEBUG": "true",
        "SECRET_KEY": "browser-tests-only",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LMS_VAR_DIR": str(scratch),
        "MEDIA_ROOT": str(scratch / "media"),
        "ELASTICSEARCH_URL": search_server.url,
        "ELASTICSEARCH_COMPAT": "opensearch",
        "ELASTICSEARCH_INDEX_PREFIX": prefix,
        # The journeys test what search finds, not how fast: on a busy machine
        # a search over the 1.5 s default falls back to the database (which
        # needs the diacritics) and pauses the engine for the next searches.
        "SEARCH_REQUEST_TIMEOUT": "20",
        "LMS_TEST_PORT": str(port),
    }


def manage(env: dict, *arguments: str) -> None:
    """Run a management command against the served site's database."""
    _manage(env, *arguments)


@pytest.fixture(scope="session")
def site_url(site_env, search_server):
    """The site with demo content, served by its own process on a free port,
    searching the run's engine under an index prefix of its own."""
    env = site_env
    port = env["LMS_TEST_PORT"]
    prefix = env["ELASTICSEARCH_INDEX_PREFIX"]
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "seed_demo", "--materials", "24", "--courses", "4")
    _manage(env, "search_reindex", "--no-progress")
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        _delete_indices(search_server.url, prefix)


def _delete_indices(url: str, prefix: str) -> None:
    request = urllib.request.Request(  # noqa: S310 - the run's local engine
        f"{url}/{prefix}-*?expand_wildcards=all", method="DELETE"
    )
    with urllib.request.urlopen(request, timeout=30):  # noqa: S310
        pass


def _wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the site's server process exited during start-up")
        try:
            with urllib.request.urlopen(url + "/", timeout=2):  # noqa: S310 - local
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the site did not answer at {url} within {timeout} s")


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module; Playwright's event loop stops with it, so
    later tests in the same process do not run inside an async context."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def journey(browser, site_url, request):
    """A fresh browser context with screenshots, accessibility checks and no
    Content-Security-Policy or Permissions-Policy complaint on any page."""
    from tests.browser.journey import Journey

    context = browser.new_context(base_url=site_url, locale="vi-VN")
    folder = SCREENSHOTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    first = Journey(context.new_page(), folder, AXE_SCRIPT)
    try:
        yield first
        first.assert_no_policy_violations()
    finally:
        context.close()


@pytest.fixture
def another_journey(browser, site_url, journey):
    """Journeys of other people in the same test, each in its own browser
    context (own cookies) and own screenshot folder beside the first one's."""
    from tests.browser.journey import Journey

    contexts = []
    journeys = []

    def start(who: str) -> Journey:
        context = browser.new_context(base_url=site_url, locale="vi-VN")
        contexts.append(context)
        folder = journey.folder / who
        folder.mkdir()
        journeys.append(Journey(context.new_page(), folder, AXE_SCRIPT))
        return journeys[-1]

    try:
        yield start
        for other in journeys:
            other.assert_no_policy_violations()
    finally:
        for context in contexts:
            context.close()
