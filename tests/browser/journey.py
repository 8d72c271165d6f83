"""A person's path through the site, checked at every page they see."""

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import CDPSession, ConsoleMessage, Page, Request, Response

from lms.text import ascii_slug

BLOCKING_IMPACTS = {"serious", "critical"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_WEIGHT_BUDGET = 300 * 1024
# Chromium's console names the header it refused something under, or whose
# value it could not read.
POLICY_MESSAGES = ("Content Security Policy", "Permissions-Policy")
# Every document records the violations its policy reports, before any of the
# page's own scripts run.
VIOLATION_LISTENER = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__policyViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline code"}` +
      ` (${event.sourceFile || event.documentURI}:${event.lineNumber})`
  );
});
"""


@dataclass
class Journey:
    page: Page
    folder: Path
    axe_script: Path
    visited: list[str] = field(default_factory=list)
    policy_messages: list[str] = field(default_factory=list)
    _bytes: int = 0
    _devtools: CDPSession | None = None

    def __post_init__(self) -> None:
        self.page.on("request", self._restart_count)
        self.page.on("response", self._count)
        self.page.on("console", self._note_policy_message)
        self.page.add_init_script(VIOLATION_LISTENER)

    def visit(self, path: str) -> Response:
        response = self.page.goto(path, wait_until="load")
        assert response is not None and response.ok, (
            f"{path}: {response and response.status}"
        )
        self.check(path)
        return response

    def open(self, path: str) -> Response:
        """Visit a page whose markup is a library's (Wagtail's admin, the API
        docs) and check only that its policy refused nothing, once the
        page's scripts have had their network requests answered."""
        response = self.page.goto(path, wait_until="networkidle")
        assert response is not None and response.ok, (
            f"{path}: {response and response.status}"
        )
        self.screenshot(path)
        self.assert_no_policy_violations()
        return response

    def check(self, name: str) -> None:
        """Screenshot, accessibility rules and page weight for the current page."""
        self.screenshot(name)
        self.assert_no_policy_violations()
        self.assert_accessible()

    def screenshot(self, name: str) -> None:
        self.visited.append(self.page.url)
        number = len(self.visited)
        slug = ascii_slug(name.strip("/").replace("/", "_"), fallback="home")
        self.page.screenshot(
            path=self.folder / f"{number:02d}-{slug[:60]}.png", full_page=True
        )

    def assert_no_policy_violations(self) -> None:
        """Nothing on this page, nor on any page the browser passed through
        since (a redirect, a form sent), was refused by the site's policies."""
        reported = self.page.evaluate("(window.__policyViolations || []).splice(0)")
        problems = [*self.policy_messages, *reported]
        self.policy_messages.clear()
        assert not problems, f"{self.page.url}:\n" + "\n".join(problems)

    def assert_accessible(self) -> None:
        # Evaluated through DevTools rather than added as a <script>, which
        # the page's policy would rightly refuse.
        self.page.evaluate(self.axe_script.read_text())
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        problems = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"at {[node['target'] for node in violation['nodes']][:3]}"
            for violation in result["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        assert not problems, f"{self.page.url}:\n" + "\n".join(problems)

    def forget_cache(self) -> None:
        """Load every page from now on as a first-time visitor would, with
        nothing from the browser's cache, so that weights are first loads."""
        self._devtools = self.page.context.new_cdp_session(self.page)
        self._devtools.send("Network.enable")
        self._devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def weigh(self, path: str) -> int:
        """Visit ``path`` and return the bytes its load transferred, headers
        included: the page and the styles, scripts and pictures the browser
        chose to fetch for its screen, counted once the network is quiet and
        before the checks run."""
        response = self.page.goto(path, wait_until="networkidle")
        assert response is not None and response.ok, (
            f"{path}: {response and response.status}"
        )
        weight = self._bytes
        self.check(path)
        return weight

    def _note_policy_message(self, message: ConsoleMessage) -> None:
        if any(name in message.text for name in POLICY_MESSAGES):
            self.policy_messages.append(f"{message.location['url']}: {message.text}")

    def _restart_count(self, request: Request) -> None:
        """Count a page from the request for it, whether a visit or a click
        on a link led there."""
        if request.is_navigation_request() and request.frame == self.page.main_frame:
            self._bytes = 0

    def _count(self, response: Response) -> None:
        try:
            sizes = response.request.sizes()
        except Exception:  # noqa: BLE001 - a cancelled request has no sizes
            return
        self._bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]


def sign_in(journey: Journey, username: str, password: str) -> None:
    """Sign in through the public form, as a person would."""
    page = journey.page
    journey.visit("/accounts/login/")
    page.locator("main input[name=username]").fill(username)
    page.locator("main input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"{username} could not sign in"
    journey.check("signed-in")


def search_from_header(journey: Journey, words: str) -> None:
    """Type into the search box in the page header and send the form."""
    page = journey.page
    box = page.locator("header [role=search] input[name=q]")
    box.fill(words)
    # Wait for the results page itself: under load, the old page can still
    # count as loaded when the next line runs.
    with page.expect_navigation(url="**/search/**"):
        box.press("Enter")
    assert "/search/" in page.url, page.url
    journey.check("search")
