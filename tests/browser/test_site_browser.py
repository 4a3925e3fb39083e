"""The built site in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
Playwright, against the seed corpus built into a temporary directory and served on
127.0.0.1.

Every page visited must load without console errors and without a request leaving the
machine; screenshots at desktop and phone widths go to test-artifacts/ (gitignored); axe-core
(vendored in vendor/, MPL-2.0) finds no serious or critical accessibility violation.

Without /usr/bin/chromium or Playwright the module is skipped on a developer's machine, with
the reason; in CI (``CI`` set) it fails instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
#: An article with footnotes and a title that search must find.
ARTICLE_ID = "indsr-commentary-2025-07-01"
ARTICLE = f"articles/{ARTICLE_ID}/"
ARTICLE_TITLE = "美中在第三輪關稅談判的意圖"
OVERVIEWS = ["categories/", "authors/", "countries/", "series/"]
COPY_BUTTON = ".zhiku-cite .md-clipboard, .zhiku-cite [data-md-type=copy]"


# --------------------------------------------------------------------------- fixtures


def _unavailable() -> str | None:
    from zhiku.searcheval import CHROMIUM

    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    from zhiku.searcheval import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(browser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built with the repository's mkdocs.yml into a temporary directory
    (never into the repository's docs/ or site/)."""
    from zhiku.searcheval import build_site_copy

    return build_site_copy(REPO, tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def base_url(site: Path):
    """The built site served on 127.0.0.1 at a free port."""
    from zhiku.searcheval import serve_directory

    with serve_directory(site) as url:
        yield url


class Recorder:
    """Every request a page makes, and every console error and uncaught page error."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error"
                else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def external(self) -> list[str]:
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme not in LOCAL_SCHEMES and parts.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out

    def check(self) -> None:
        assert self.requests, "no request was recorded"
        assert self.external() == [], "requests left the machine"
        assert self.errors == [], "console errors"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=DESKTOP, locale="zh-TW")
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.recorder = Recorder(page)
    return page


def visit(page, base_url: str, path: str):
    response = page.goto(base_url + quote(path))
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    page.wait_for_load_state("networkidle")
    return response


# --------------------------------------------------------------------------- pages


def test_home_page(page, base_url: str) -> None:
    visit(page, base_url, "")
    assert page.locator("html").get_attribute("lang") == "zh-TW"
    assert "智庫" in page.title()
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert [t.strip() for t in tabs] == ["首頁", "分類", "作者", "國家", "系列"]
    assert page.locator(f"article a[href*='{ARTICLE_ID}']").count() >= 1
    page.recorder.check()


def test_article_page(page, base_url: str) -> None:
    visit(page, base_url, ARTICLE)
    assert page.locator("article h1").first.inner_text().strip().rstrip("¶") == ARTICLE_TITLE
    assert page.locator("dl.zhiku-meta dt").count() >= 5
    assert page.locator(".footnote li").count() >= 1
    page.recorder.check()


@pytest.mark.parametrize("path", OVERVIEWS)
def test_index_overview_pages(page, base_url: str, path: str) -> None:
    visit(page, base_url, path)
    links = page.locator("article table a")
    assert links.count() >= 1, f"{path} lists no terms"
    page.recorder.check()


def test_term_page_lists_its_articles(page, base_url: str) -> None:
    visit(page, base_url, "countries/")
    page.locator("article table a").first.click()
    page.wait_for_load_state("networkidle")
    assert "/countries/" in page.url and page.url.rstrip("/") != (base_url + "countries")
    assert page.locator("article h1").inner_text().startswith("國家")
    assert page.locator("article table a[href*='articles/']").count() >= 1
    page.recorder.check()


def test_footnote_tooltip_appears_on_hover(page, base_url: str) -> None:
    visit(page, base_url, ARTICLE)
    ref = page.locator("a.footnote-ref").first
    note_id = ref.get_attribute("href").lstrip("#")
    note = page.locator(f"li[id='{note_id}']").inner_text()
    ref.hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tooltip.wait_for(state="visible", timeout=5000)
    shown = tooltip.inner_text().strip()
    assert shown and shown[:20] in note
    page.recorder.check()


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize(("query", "first"), [("關稅", True), ("关税", True),
                                              ("第三輪關稅談判", True), ("沈明室", False)])
def test_search_finds_the_article(page, base_url: str, query: str, first: bool) -> None:
    """Traditional, Simplified (converted in the browser), a whole title phrase, an author."""
    from zhiku.searcheval import open_search, search

    open_search(page, base_url)
    shown = search(page, query)
    assert (shown[:1] == [ARTICLE]) if first else (ARTICLE in shown), shown
    assert page.locator("input.md-search__input").input_value() == query  # not rewritten
    assert "\u303b" not in page.locator(".md-search-result").inner_text()
    page.recorder.check()


def test_search_result_link_highlights_the_word(page, base_url: str) -> None:
    from zhiku.searcheval import open_search, search

    open_search(page, base_url)
    search(page, "稀土")
    # a section of a result: the page's own entry carries no terms when only sections match
    page.locator(".md-search-result__link[href*='?h=%']").first.click()
    page.wait_for_load_state("networkidle")
    assert "h=" in page.url
    assert page.locator("article mark").first.inner_text() == "稀土"
    page.recorder.check()


def test_search_evaluation_meets_its_targets(page, base_url: str, site: Path) -> None:
    """`zhiku search-eval` in the test run: every query of tests/search_queries.yml typed
    into the search box; precision@10 ≥ 0.9, recall@10 ≥ 0.95, and the right article first
    for every query whose answer is a single article."""
    from zhiku import searcheval

    queries = searcheval.load_queries(REPO / searcheval.QUERIES_FILE)
    searcheval.set_expected(queries, searcheval.article_texts(site.parent / "docs"))
    assert all(q.expected for q in queries), [q.text for q in queries if not q.expected]
    outcomes = searcheval.query_outcomes(page, base_url, queries)
    assert searcheval.meets_targets(outcomes), searcheval.format_table(outcomes)
    page.recorder.check()


# --------------------------------------------------------------------------- screenshots


@pytest.mark.parametrize("width_name, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
@pytest.mark.parametrize("name, path", [("home", ""), ("article", ARTICLE),
                                        ("countries", "countries/")])
def test_screenshots(browser, base_url: str, name: str, path: str, width_name: str,
                     viewport: dict) -> None:
    context = browser.new_context(viewport=viewport, locale="zh-TW")
    try:
        page = context.new_page()
        recorder = Recorder(page)
        visit(page, base_url, path)
        # no horizontal scrolling at phone width
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than the {width_name} screen"
        ARTIFACTS.mkdir(exist_ok=True)
        target = ARTIFACTS / f"{name}-{width_name}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 5000
        recorder.check()
    finally:
        context.close()


# --------------------------------------------------------------------------- accessibility


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
        }));
    }""")


@pytest.mark.parametrize("path", ["", ARTICLE, "countries/", "authors/"])
def test_no_serious_accessibility_violations(page, base_url: str, path: str) -> None:
    visit(page, base_url, path)
    violations = axe_violations(page)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(f"{v['impact']} {v['id']}: {v['help']} {v['targets']}"
                                    for v in serious)
    page.recorder.check()


# --------------------------------------------------------------------------- citation


def test_copy_button_puts_the_reference_on_the_clipboard(browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="zh-TW",
                                  permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        recorder = Recorder(page)
        visit(page, base_url, ARTICLE)
        box = page.locator(".zhiku-cite")
        if box.count() == 0:
            pytest.xfail("the article page has no .zhiku-cite box yet")
        if box.first.evaluate("el => el.tagName") == "DETAILS":
            box.first.locator("summary").click()
        button = page.locator(COPY_BUTTON).first
        expected = button.evaluate(
            "b => b.closest('pre').querySelector('code').textContent").strip()
        button.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == expected
        assert ARTICLE_TITLE in copied and re.search(ARTICLE_ID, copied)
        recorder.check()
    finally:
        context.close()
