"""Browser tests: Playwright for Python driving Debian's Chromium, with axe-core on every page."""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, expect

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# A click returns once the next page has started to load: every check after one must wait
# for it (expect(...) retries; is_visible(), title() and inner_text() read once). The wait is
# long because the suite runs beside other work on a 2-core machine.
expect.set_options(timeout=30_000)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
    # test itself are still synchronous and safe. Only while the browser tests run.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _browser()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed: run 'sudo apt-get install -y chromium'")
    if not AXE_SOURCE.exists():
        pytest.skip("axe-core is not installed: run 'npm ci'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


def open_page(browser, **context_options):
    """A new page that records script errors and failed loads, so tests can refuse them."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            message.type == "error" and page.problems.append(f"console error: {message.text}")
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.resource_type != "document"
            and page.problems.append(f"{response.status} for {response.url}")
        ),
    )
    return context, page


@pytest.fixture
def page(browser):
    context, page = open_page(browser, viewport={"width": 1280, "height": 900})
    yield page
    context.close()
    assert not page.problems, "The browser reported problems:\n" + "\n".join(page.problems)


@pytest.fixture
def phone_page(browser):
    context, page = open_page(browser, viewport={"width": 320, "height": 640})
    yield page
    context.close()
    assert not page.problems, "The browser reported problems:\n" + "\n".join(page.problems)


@pytest.fixture(scope="session", autouse=True)
def clicks_wait_for_the_page_they_open():
    """A click that opens a page returns once that page has started to arrive: its address is
    known, its title and content not yet. Wait until it has been read, so that whatever the test
    reads next (the title, the address, a heading) is the new page's and not the old one's."""
    click = Locator.click

    def click_and_wait(locator, *args, **kwargs):
        click(locator, *args, **kwargs)
        locator.page.wait_for_load_state("domcontentloaded")

    Locator.click = click_and_wait
    yield
    Locator.click = click


@pytest.fixture(scope="session")
def axe_source():
    return AXE_SOURCE.read_text(encoding="utf-8")


@pytest.fixture
def check_accessibility(axe_source):
    """Run axe-core on the page and fail on any WCAG 2.2 A or AA violation."""

    def run_axe(page):
        page.wait_for_load_state("load")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(axe_source)
        return page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )

    def check(page):
        # A click on a link returns once the navigation has started, so the first run can meet
        # the page being replaced ("document is null", "execution context was destroyed"):
        # wait for the new page and run again.
        for attempt in range(3):
            try:
                result = run_axe(page)
                break
            except PlaywrightError:
                if attempt == 2:
                    raise
                page.wait_for_timeout(200)
        problems = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] for node in violation["nodes"][:5])
            for violation in result["violations"]
        ]
        assert result["passes"], "axe-core ran no checks"
        assert not problems, f"Accessibility violations on {page.url}:\n" + "\n".join(problems)
        return result

    return check
