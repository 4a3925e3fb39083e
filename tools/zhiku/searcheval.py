"""``zhiku search-eval``: how well the site's search finds the articles a query names.

The seed corpus is built into a temporary directory (the repository's ``docs/`` and
``site/`` are not touched), served on 127.0.0.1, and every query in
``tests/search_queries.yml`` is typed into Material's real search box in headless Chromium
(Debian's ``/usr/bin/chromium`` driven by Playwright; no downloaded browsers).

The right answers come from the text itself: the articles whose generated Markdown
(``docs/articles/*.md`` after the front matter, link targets removed) contains the query,
or, for a Simplified query, its OpenCC ``s2tw`` conversion. An English query of several
words counts an article that contains the whole phrase.

Scores, over the first 10 result items (Material shows one item per page, with the page's
matching sections inside it):

* precision@10 – right articles / distinct article pages shown (other pages – the home
  page, author or country listings – are counted in the ``other`` column, not as wrong);
* recall@10 – right articles shown / min(right articles, 10);
* first – rank (1 = top item) of the first right article. A query whose answer is a single
  article must have it first.

The browser helpers (:func:`serve_directory`, :func:`launch_chromium`,
:func:`build_site_copy`) are shared with ``tests/browser``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

CHROMIUM = Path("/usr/bin/chromium")
#: Flags for Debian's Chromium in containers and CI: nothing may leave the machine.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOP = 10
QUERIES_FILE = Path("tests") / "search_queries.yml"
TARGET_PRECISION = 0.9
TARGET_RECALL = 0.95

#: Run before any page script: count the search worker's READY and RESULT messages, so a
#: caller can wait for the result of the query it typed (Material's message types:
#: 0 setup, 1 ready, 2 query, 3 result).
WORKER_PROBE = """
(() => {
  const probe = window.__zhikuSearch = { ready: 0, results: 0 };
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 1) probe.ready++;
        if (ev.data && ev.data.type === 3) probe.results++;
      });
    }
  };
})();
"""


# --------------------------------------------------------------------------- site


def build_site_copy(root: Path, workdir: Path) -> Path:
    """Build the corpus under ``root`` into ``workdir`` (``docs/``, ``.cache/search``,
    ``site/``) with the repository's ``mkdocs.yml``; return the site directory.

    The OpenCC conversions cached in ``root/.cache/search`` are reused (copied), so only the
    first build on a machine pays for them.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .build import load_corpus, write_docs_for

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root, workdir = Path(root).resolve(), Path(workdir).resolve()
    shutil.copytree(root / "docs" / "assets", workdir / "docs" / "assets", dirs_exist_ok=True)
    cache = workdir / ".cache" / "search"
    cache.mkdir(parents=True, exist_ok=True)
    for converted in (root / ".cache" / "search").glob("converted-*.txt"):
        shutil.copy2(converted, cache / converted.name)
    corpus = load_corpus(root / "corpus")
    write_docs_for(corpus, workdir)

    site = workdir / "site"
    config = load_config(config_file=str(root / "mkdocs.yml"), docs_dir=str(workdir / "docs"),
                         site_dir=str(site))
    search = config.plugins["material/search"].config
    search.jieba_dict = str(cache / "jieba_dict.txt")
    search.jieba_dict_user = str(cache / "jieba_user.txt")
    import jieba

    saved = dict(vars(jieba.dt))  # the search plugin reconfigures jieba's global tokenizer
    jieba.dt.tmp_dir = str(cache)  # and caches its prefix dict there, not in /tmp
    try:
        build(config)
    finally:
        vars(jieba.dt).clear()
        vars(jieba.dt).update(saved)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) in a thread; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def launch_chromium(playwright):
    """Debian's Chromium through Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


# --------------------------------------------------------------------------- queries


@dataclass
class Query:
    text: str
    kind: str
    simplified: bool = False
    expected: set[str] = field(default_factory=set)

    @property
    def target(self) -> str:
        """The text the right articles contain (Traditional for a Simplified query)."""
        if not self.simplified:
            return self.text
        from opencc import OpenCC

        return OpenCC("s2tw").convert(self.text)


@dataclass
class Outcome:
    query: Query
    shown: list[str]  # site-relative page paths of the first TOP result items, in order

    @property
    def articles(self) -> list[str]:
        ids = [article_id(path) for path in self.shown]
        return list(dict.fromkeys(i for i in ids if i))

    @property
    def others(self) -> int:
        return sum(1 for path in self.shown if not article_id(path))

    @property
    def hits(self) -> int:
        return len(set(self.articles) & self.query.expected)

    @property
    def precision(self) -> float:
        return self.hits / len(self.articles) if self.articles else float(not self.query.expected)

    @property
    def recall(self) -> float:
        wanted = min(len(self.query.expected), TOP)
        return self.hits / wanted if wanted else 1.0

    @property
    def first(self) -> int | None:
        for rank, path in enumerate(self.shown, 1):
            if article_id(path) in self.query.expected:
                return rank
        return None


def article_id(path: str) -> str | None:
    match = re.match(r"/?articles/([^/#?]+)/", path)
    return match.group(1) if match else None


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    queries = []
    for item in data["queries"]:
        queries.append(Query(text=str(item["q"]), kind=item["kind"],
                             simplified=item["kind"] == "simplified"))
    return queries


def article_texts(docs_dir: Path) -> dict[str, str]:
    """Article id → the page's Markdown after the front matter, link targets removed."""
    texts = {}
    for page in sorted((Path(docs_dir) / "articles").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text[4:].split("\n---\n", 1)[-1]
        texts[page.stem] = re.sub(r"\]\([^)\s]*\)", "]", text)
    return texts


def set_expected(queries: list[Query], texts: dict[str, str]) -> None:
    for query in queries:
        target = query.target
        query.expected = {aid for aid, text in texts.items() if target in text}


# --------------------------------------------------------------------------- browser


def open_search(page, base_url: str) -> None:
    """Load the home page with the worker probe and wait until the search index is ready."""
    page.add_init_script(WORKER_PROBE)
    page.goto(base_url)
    page.wait_for_function("window.__zhikuSearch && window.__zhikuSearch.ready > 0")
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # narrow screens: the search box opens from a header button
        page.click("label.md-header__button[for=__search]")
    box.click()


def search(page, text: str, timeout: float = 10_000) -> list[str]:
    """Type ``text`` into the search box; return the page paths of the first TOP items."""
    before = page.evaluate("window.__zhikuSearch.results")
    box = page.locator("input.md-search__input")
    box.fill(text)
    box.dispatch_event("keyup")  # Material reads the query on keyup
    page.wait_for_function(f"window.__zhikuSearch.results > {before}", timeout=timeout)
    hrefs = page.evaluate(
        """top => [...document.querySelectorAll('.md-search-result__list > li')]
             .slice(0, top)
             .map(li => li.querySelector('a.md-search-result__link').getAttribute('href'))""",
        TOP,
    )
    base = page.url.split("#")[0].split("?")[0]
    return [unquote(urlsplit(urljoin(base, href)).path).lstrip("/") for href in hrefs]


def query_outcomes(page, base_url: str, queries: list[Query]) -> list[Outcome]:
    """Type each query into the search box of ``page`` (opened at ``base_url``)."""
    open_search(page, base_url)
    outcomes = []
    for query in queries:
        outcomes.append(Outcome(query, search(page, query.text)))
        search(page, "")  # clear, so a repeated query is sent again
    return outcomes


def run_queries(site: Path, queries: list[Query]) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            return query_outcomes(page, base_url, queries)
        finally:
            browser.close()


# --------------------------------------------------------------------------- report


def format_table(outcomes: list[Outcome]) -> str:
    header = (f"{'query':<14} {'kind':<10} {'right':>5} {'shown':>5} {'other':>5} "
              f"{'P@10':>5} {'R@10':>5} {'first':>5}  missed / wrong")
    rows = [header]
    for o in outcomes:
        q = o.query
        label = q.text if not q.simplified else f"{q.text}→{q.target}"
        missed = sorted(q.expected - set(o.articles)) if o.recall < 1 else []
        wrong = [a for a in o.articles if a not in q.expected]
        note = " ".join([*(f"-{m}" for m in missed[:3]), *(f"+{w}" for w in wrong[:3])])
        rows.append(
            f"{_pad(label, 14)} {q.kind:<10} {len(q.expected):>5} {len(o.articles):>5} "
            f"{o.others:>5} {o.precision:>5.2f} {o.recall:>5.2f} {o.first or '-':>5}  {note}")
    rows.append(summary(outcomes))
    return "\n".join(rows)


def totals(outcomes: list[Outcome]) -> dict:
    n = len(outcomes) or 1
    single = [o for o in outcomes if len(o.query.expected) == 1]
    answered = [o for o in outcomes if o.query.expected]
    return {
        "queries": len(outcomes),
        "precision": sum(o.precision for o in outcomes) / n,
        "recall": sum(o.recall for o in outcomes) / n,
        "first_right": sum(1 for o in answered if o.first == 1),
        "answered": len(answered),
        "single_first": sum(1 for o in single if o.first == 1),
        "single": len(single),
    }


def summary(outcomes: list[Outcome]) -> str:
    t = totals(outcomes)
    return (f"{t['queries']} queries: precision@10 {t['precision']:.3f}, "
            f"recall@10 {t['recall']:.3f}; right article first for {t['first_right']}/"
            f"{t['answered']} queries, for {t['single_first']}/{t['single']} single-article "
            f"queries")


def meets_targets(outcomes: list[Outcome]) -> bool:
    t = totals(outcomes)
    return (t["precision"] >= TARGET_PRECISION and t["recall"] >= TARGET_RECALL
            and t["single_first"] == t["single"])


def _pad(text: str, width: int) -> str:
    """Left-justify counting East Asian characters as two columns."""
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - cols)


def evaluate(root: Path, queries_file: Path | None = None,
             workdir: Path | None = None) -> list[Outcome]:
    """Build the site into ``workdir`` (default: a temporary directory), run the queries."""
    root = Path(root)
    queries = load_queries(queries_file or root / QUERIES_FILE)
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="zhiku-eval-")))
        site = build_site_copy(root, workdir)
        set_expected(queries, article_texts(workdir / "docs"))
        return run_queries(site, queries)
