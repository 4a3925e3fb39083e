"""Specification of the MkDocs side (``zhiku.site``): pages, docs writer, search dictionaries.

The end-to-end test builds the generated pages with the real ``mkdocs.yml`` in-process and
checks that every page exists and every internal link resolves.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml
from zhiku.model import Article
from zhiku.site import (
    build_pages,
    build_search_dictionaries,
    escape_md,
    search_terms,
    slugify_term,
    write_docs,
)
from zhiku.site.docs_writer import MANIFEST_NAME, DocsConflictError
from zhiku.site.slugs import assign_slugs

REPO = Path(__file__).resolve().parents[1]
XSS_TITLE = "<script>alert(1)</script> 川普*關稅*與[同盟]"


def make_articles() -> list[Article]:
    tariffs = Article(
        source="001_ade5b05d6fde7cf9.txt",
        order=3,
        id="001-03",
        title="美中在第三輪關稅談判的意圖",
        subtitle="從斯德哥爾摩會談看雙方底線",
        title_en="US and Chinese Intentions in the Third Round of Tariff Talks",
        authors=["沈明室"],
        authors_en=["Ming-Shih Shen"],
        institute="國家安全研究所",
        categories=["國際情勢", "印太區域"],
        date="2025-08-12",
        series="國防安全雙週報 第 87 期",
        issue="第 87 期",
        countries=["US", "CN"],
        body="## 前言\n\n美國於七月宣布第三輪關稅談判。[^1]\n\n[^1]: 《路透社》，2025 年 7 月 29 日。\n",
    )
    estimated = Article(
        source="001_ade5b05d6fde7cf9.txt",
        order=4,
        id="001-04",
        title="解放軍聯合作戰指揮體制的調整",
        authors=["舒孝煌", "沈明室"],
        institute="國防戰略與資源研究所",
        categories=["中共軍事"],
        date=None,
        date_estimated="2025-08-01",
        series="國防安全雙週報 第 87 期",
        issue="第 87 期",
        countries=["CN"],
        body="## 調整重點\n\n聯合作戰指揮中心。\n",
    )
    supplied = Article(
        source="002_9560dc6634b503cf.txt",
        order=1,
        id="002-01",
        title="日本防衛白皮書摘要",
        title_supplied=True,
        authors=["黃恩浩"],
        categories=["印太區域"],
        date="2024-07-30",
        series="國防安全即時評析",
        countries=["JP"],
        body="## 摘要\n\n日本防衛省發布白皮書。\n",
    )
    nasty = Article(
        source="003_7c4fc924b64bb3f2.txt",
        order=2,
        id="003-02",
        title=XSS_TITLE,
        authors=["王 | 測試"],
        categories=["網路/資訊安全"],
        date="2025-01-15",
        body="## 內文\n\n測試。\n",
    )
    undated = Article(
        source="004_09a8cce0a03d3fcd.txt",
        order=1,
        id="004-01",
        title="無日期的評論",
        authors=["沈明室"],
        categories=["國際情勢"],
        body="## 內文\n\n沒有日期。\n",
    )
    return [supplied, nasty, undated, estimated, tariffs]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return build_pages(make_articles())


def split_front_matter(page: str) -> tuple[dict, str]:
    assert page.startswith("---\n")
    head, body = page[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body.lstrip("\n")


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "text",
    [
        XSS_TITLE,
        "[^1] *a* _b_ `c` #d \\e {f} (g) !h |i| ~j~",
        "- 不是清單",
        "1. 不是清單",
        "+ 加號",
        "# 不是標題 #",
        "A & B &amp; C <b>粗</b>",
        "[沈明室](https://example.org)",
    ],
)
def test_escape_md_renders_exactly_the_given_text(text: str) -> None:
    rendered = markdown.markdown(escape_md(text), extensions=["tables", "footnotes", "attr_list"])
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert html.unescape(rendered[3:-4]) == text
    assert "<script>" not in escape_md(text)


def test_escape_md_makes_one_line() -> None:
    assert escape_md("第一行\n\n第二行\t 完") == "第一行 第二行 完"
    assert escape_md(None) == ""


@pytest.mark.parametrize(
    ("term", "slug"),
    [
        ("國際情勢", "國際情勢"),
        ("網路/資訊安全", "網路-資訊安全"),
        ('a\\b:c*d?e"f<g>h|i', "a-b-c-d-e-f-g-h-i"),
        ("印太  區域", "印太-區域"),
        ("ＮＡＴＯ（北約）", "nato-北約"),
        ("#%()[]", None),  # nothing usable left: still a non-empty, safe slug
        ("index", None),  # would clash with index.md
    ],
)
def test_slugify_term(term: str, slug: str | None) -> None:
    result = slugify_term(term)
    if slug is not None:
        assert result == slug
    assert result and result not in {"index", "readme"}
    assert not any(ch in result for ch in '/\\:*?"<>| #%()[]')


def test_colliding_slugs_are_made_unique() -> None:
    slugs = assign_slugs(["美/中", "美:中", "美 中"])
    assert len(set(slugs.values())) == 3
    assert all(s.startswith("美-中") for s in slugs.values())


# --------------------------------------------------------------------------- pages


def test_every_page_is_generated(pages: dict[str, str]) -> None:
    expected = {
        "index.md",
        "articles/001-03.md",
        "articles/001-04.md",
        "articles/002-01.md",
        "articles/003-02.md",
        "articles/004-01.md",
        "categories/index.md",
        "categories/國際情勢.md",
        "categories/印太區域.md",
        "categories/中共軍事.md",
        "categories/網路-資訊安全.md",
        "authors/index.md",
        "authors/沈明室.md",
        "authors/舒孝煌.md",
        "authors/黃恩浩.md",
        "countries/index.md",
        "countries/us.md",
        "countries/cn.md",
        "countries/jp.md",
        "series/index.md",
        "series/國防安全雙週報.md",
        "series/國防安全即時評析.md",
    }
    assert expected <= pages.keys()
    markdown = [path for path in pages if path.endswith(".md")]  # + cite/…, feed.xml
    assert len(markdown) == len(expected) + 1  # plus the page of author 王 | 測試


def test_article_front_matter_keeps_metadata(pages: dict[str, str]) -> None:
    meta, _ = split_front_matter(pages["articles/001-03.md"])
    assert meta["id"] == "001-03"
    assert meta["title"] == "美中在第三輪關稅談判的意圖"
    assert meta["authors"] == ["沈明室"]
    assert meta["categories"] == ["國際情勢", "印太區域"]
    assert meta["date"] == "2025-08-12"
    assert meta["search"] == {"boost": 2}


def test_article_page_links_metadata_to_term_pages(pages: dict[str, str]) -> None:
    page = pages["articles/001-03.md"]
    assert "# 美中在第三輪關稅談判的意圖\n" in page
    assert '<dl class="zhiku-meta" markdown="1">' in page
    assert "[沈明室](../authors/沈明室.md)" in page
    assert "[國際情勢](../categories/國際情勢.md)、[印太區域](../categories/印太區域.md)" in page
    assert "(../countries/us.md)" in page and "（US）" in page
    assert "[國防安全雙週報](../series/國防安全雙週報.md) 第 87 期" in page
    for text in ("從斯德哥爾摩會談看雙方底線", "US and Chinese Intentions", "Ming-Shih Shen"):
        assert text in page
    assert "國家安全研究所" in page
    assert "2025\\-08\\-12" in page or "2025-08-12" in page
    assert "001\\_ade5b05d6fde7cf9.txt，第 3 篇" in page
    assert "/articles/001\\-03/" in page or "/articles/001-03/" in page
    assert page.rstrip().endswith("[^1]: 《路透社》，2025 年 7 月 29 日。")


def test_supplied_title_is_shown_in_brackets(pages: dict[str, str]) -> None:
    page = pages["articles/002-01.md"]
    meta, body = split_front_matter(page)
    assert "# \\[日本防衛白皮書摘要\\]\n" in body
    assert meta["title"] == "[日本防衛白皮書摘要]"
    assert meta["title_supplied"] is True
    assert "[\\[日本防衛白皮書摘要\\]](../articles/002-01.md)" in pages["categories/印太區域.md"]


def test_estimated_and_unknown_dates(pages: dict[str, str]) -> None:
    assert "不早於 2025\\-08\\-01（推估：依文中最晚的引用日期）" in pages[
        "articles/001-04.md"
    ] or "不早於 2025-08-01（推估：依文中最晚的引用日期）" in pages["articles/001-04.md"]
    assert "出版日期不詳" in pages["articles/004-01.md"]
    listing = pages["authors/沈明室.md"]
    assert "（推估）" in listing and "| 不詳 |" in listing


def test_metadata_is_escaped(pages: dict[str, str]) -> None:
    for path, page in pages.items():  # the front matter keeps raw values; it is not rendered
        if not path.endswith(".md"):
            continue  # cite/*.bib, .ris, .json hold raw values; feed.xml is escaped XML
        assert "<script>" not in split_front_matter(page)[1], path
    article = pages["articles/003-02.md"]
    meta, body = split_front_matter(article)
    # MkDocs prints page.title unescaped into <title>: it must be HTML-safe …
    assert meta["title"].startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    # … while the raw title stays available.
    assert meta["title_text"] == XSS_TITLE
    assert "# &lt;script&gt;alert\\(1\\)&lt;/script&gt; 川普\\*關稅\\*與\\[同盟\\]" in body
    assert "[王 \\| 測試](../authors/王-測試.md)" in article


def test_listings_are_newest_first(pages: dict[str, str]) -> None:
    def order(page: str, ids: list[str]) -> list[str]:
        return sorted(ids, key=lambda i: page.index(f"articles/{i}.md"))

    home = pages["index.md"]
    # 2025-08-12, 2025-08-01 (estimated), 2025-01-15, 2024-07-30, unknown date last.
    newest = ["001-03", "001-04", "003-02", "002-01", "004-01"]
    assert order(home, newest) == newest
    author = pages["authors/沈明室.md"]
    assert order(author, ["001-03", "001-04", "004-01"]) == ["001-03", "001-04", "004-01"]


def test_home_page_summarises_and_explains_citation(pages: dict[str, str]) -> None:
    meta, home = split_front_matter(pages["index.md"])
    assert meta["title"] == "首頁"
    assert "**5** 篇" in home
    assert "| [國防安全雙週報](series/國防安全雙週報.md) | 2 |" in home
    assert "| [國防安全即時評析](series/國防安全即時評析.md) | 1 |" in home
    for key in ("categories", "authors", "countries", "series"):
        assert f"]({key}/index.md)" in home
    assert "## 如何引用" in home
    assert "`/articles/<id>/`" in home


def test_home_page_lists_at_most_ten_newest() -> None:
    many = [
        Article(source="s.txt", order=i, id=f"100-{i:02d}", title=f"第{i}篇", date=f"2025-01-{i:02d}")
        for i in range(1, 16)
    ]
    home = build_pages(many)["index.md"]
    listed = [i for i in range(1, 16) if f"articles/100-{i:02d}.md" in home]
    assert listed == list(range(6, 16))


def test_index_pages_have_chinese_titles_and_counts(pages: dict[str, str]) -> None:
    for path, title in [
        ("categories/index.md", "分類"),
        ("authors/index.md", "作者"),
        ("countries/index.md", "國家"),
        ("series/index.md", "系列"),
    ]:
        meta, body = split_front_matter(pages[path])
        assert meta["title"] == title
        assert body.startswith(f"# {title}\n")
    assert "| [國際情勢](國際情勢.md) | 2 |" in pages["categories/index.md"]
    assert "| [沈明室](沈明室.md) | 3 |" in pages["authors/index.md"]
    assert "](cn.md) | CN | 2 |" in pages["countries/index.md"]


def test_country_page_shows_names_and_code(pages: dict[str, str]) -> None:
    page = pages["countries/us.md"]
    assert "US" in page and "United States" in page
    assert "[美中在第三輪關稅談判的意圖](../articles/001-03.md)" in page


# --------------------------------------------------------------------------- docs writer


def test_write_docs_writes_only_changes_and_prunes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "zhiku.css").write_text("/* hand-written */\n")
    (docs / "about.md").write_text("# 關於\n")

    first = {"index.md": "# 首頁\n", "articles/a.md": "A\n", "authors/x.md": "X\n"}
    assert write_docs(first, docs) == {"written": 3, "unchanged": 0, "removed": 0}
    assert (docs / MANIFEST_NAME).is_file()

    before = (docs / "articles" / "a.md").stat().st_mtime_ns
    time.sleep(0.01)
    second = {"index.md": "# 首頁（新）\n", "articles/a.md": "A\n"}
    assert write_docs(second, docs) == {"written": 1, "unchanged": 1, "removed": 1}
    assert (docs / "articles" / "a.md").stat().st_mtime_ns == before
    assert not (docs / "authors").exists()  # emptied generated directory is removed
    assert (docs / "assets" / "zhiku.css").read_text() == "/* hand-written */\n"
    assert (docs / "about.md").is_file()
    assert not [p for p in docs.rglob("*.tmp")]

    assert write_docs({}, docs) == {"written": 0, "unchanged": 0, "removed": 2}
    assert sorted(p.name for p in docs.iterdir()) == [MANIFEST_NAME, "about.md", "assets"]


def test_write_docs_never_overwrites_hand_written_files(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("# 手寫\n")
    with pytest.raises(DocsConflictError):
        write_docs({"about.md": "# 生成\n"}, tmp_path)
    assert (tmp_path / "about.md").read_text() == "# 手寫\n"
    with pytest.raises(ValueError):
        write_docs({"assets/zhiku.css": "x"}, tmp_path)
    with pytest.raises(ValueError):
        write_docs({"../outside.md": "x"}, tmp_path)
    # an identical file is adopted silently (e.g. after the manifest was lost)
    assert write_docs({"about.md": "# 手寫\n"}, tmp_path)["unchanged"] == 1


# --------------------------------------------------------------------------- search dictionaries


@pytest.fixture(scope="session")
def search_dicts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Dictionaries in a temporary directory; the OpenCC conversion is cached in the repo's
    gitignored .cache/search so only the first run on a machine pays for it."""
    out = tmp_path_factory.mktemp("search")
    return build_search_dictionaries(
        out, search_terms(make_articles()), cache_dir=REPO / ".cache" / "search"
    )


def test_search_dictionary_segments_traditional_chinese(search_dicts: tuple[Path, Path]) -> None:
    import jieba

    main, user = search_dicts
    tokenizer = jieba.Tokenizer(dictionary=str(main))
    tokenizer.load_userdict(str(user))
    assert "關稅" in list(tokenizer.cut("第三輪關稅"))
    assert "國家安全研究所" in list(tokenizer.cut("沈明室任職於國家安全研究所"))


def test_search_dictionary_contents(search_dicts: tuple[Path, Path]) -> None:
    main, user = search_dicts
    main_words = {line.split(" ")[0] for line in main.read_text(encoding="utf-8").splitlines()}
    assert {"關稅", "資訊", "信息"} <= main_words  # s2tw and s2twp merged
    user_lines = user.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("沈明室 ") and line.endswith(" n") for line in user_lines)
    assert not any(line.startswith(("第 ", "87 ")) for line in user_lines)


def test_search_dictionaries_are_rewritten_only_on_change(search_dicts: tuple[Path, Path]) -> None:
    main, user = search_dicts
    stamps = (main.stat().st_mtime_ns, user.stat().st_mtime_ns)
    again = build_search_dictionaries(
        main.parent, search_terms(make_articles()), cache_dir=REPO / ".cache" / "search"
    )
    assert again == (main, user)
    assert (main.stat().st_mtime_ns, user.stat().st_mtime_ns) == stamps


# --------------------------------------------------------------------------- end to end


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _broken_links(site: Path) -> list[str]:
    broken = []
    for page in site.rglob("*.html"):
        collector = _LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for link in collector.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("#") or not parts.path:
                continue  # external (http, https, mailto, data …) or same-page anchor
            path = unquote(parts.path)
            base = site if path.startswith("/") else page.parent
            target = (base / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} → {link}")
    return broken


def test_end_to_end_mkdocs_build(
    tmp_path: Path, search_dicts: tuple[Path, Path], restore_jieba: None, caplog
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.copytree(REPO / "docs" / "assets", docs / "assets")
    pages = build_pages(make_articles())
    write_docs(pages, docs)

    config = load_config(
        config_file=str(REPO / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), strict=True
    )
    search = config.plugins["material/search"].config
    search.jieba_dict, search.jieba_dict_user = (str(p) for p in search_dicts)
    started = time.perf_counter()
    build(config)  # strict: any warning (broken link, missing dictionary …) aborts
    assert time.perf_counter() - started < 30

    for path in (p for p in pages if p.endswith(".md")):
        stem = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
        html_path = site / stem / "index.html"
        assert html_path.is_file(), path
    assert _broken_links(site) == []

    article = (site / "articles" / "003-02" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "fonts.googleapis.com" not in article
    assert "assets/zhiku.css" in article
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'lang="zh-TW"' in home or "lang=zh-TW" in home
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entry = next(d for d in index["docs"] if d["location"] == "articles/001-03/")
    assert "第三輪\u200b關稅" in entry["title"]  # segmented with the Traditional dictionary
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
