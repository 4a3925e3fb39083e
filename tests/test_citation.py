"""Specification of "citable": stable ids and redirects, the cite box, downloads, head
metadata, page and paragraph anchors, the Atom feed.

The seed articles come from the real corpus (``corpus`` fixture of conftest.py); the end-to-end
test builds a few of them with the real ``mkdocs.yml`` and theme override, in a tmp dir.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest
import rispy
import yaml
from conftest import CORPUS, REPO
from zhiku import convert
from zhiku.build import load_corpus
from zhiku.clean import Report, prepare_source
from zhiku.clean.paragraphs import build_blocks
from zhiku.model import Article
from zhiku.site import build_pages, write_docs
from zhiku.site.anchors import anchor_body
from zhiku.site.cite import csl_item, format_references, highwire_tags, json_ld
from zhiku.site.feed import FEED_ENTRIES, atom_feed
from zhiku.site.redirects import redirect_pages, resolve_redirects

SITE = "https://zhiku.example.org/"
HOSTILE_TITLE = '<script>alert(1)</script> "引號" & 標題'


@pytest.fixture(scope="module")
def seeds(corpus) -> dict[str, Article]:
    return {article.id: article for article in corpus.articles}


def hostile_article() -> Article:
    return Article(source="x.txt", order=1, id="hostile-01", title=HOSTILE_TITLE,
                   authors=['王 "測試" <b>'], publisher="</script><script>x()</script>",
                   kind="report", date="2024-03", series="系列 & 叢刊",
                   body="內文。\n")


# --------------------------------------------------------------------------- permalinks


def _manifest(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_ids_do_not_change_with_other_sources_titles_or_cleaning(
    corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {a.id: (a.source, a.order) for a in corpus.articles}

    # another source (sorting before every other file) and a corrected title
    work = tmp_path / "corpus"
    shutil.copytree(CORPUS, work)
    shutil.copy(CORPUS / "004_09a8cce0a03d3fcd.txt", work / "0000_added.txt")
    manifest = _manifest(work / "sources.yml")
    manifest["sources"].append({"id": "added-source", "file": "0000_added.txt"})
    bulletin = next(s for s in manifest["sources"] if s["id"] == "indsr-biweekly-87")
    bulletin["articles"] = {2: {"title": "更正後的篇名"}}
    (work / "sources.yml").write_text(yaml.safe_dump(manifest, allow_unicode=True),
                                      encoding="utf-8")
    grown = load_corpus(work, cache=False, workers=1)
    after = {a.id: (a.source, a.order) for a in grown.articles}
    assert after == {**before, "added-source": ("0000_added.txt", 1)}
    assert next(a for a in grown.articles if a.id == "indsr-biweekly-87-02").title == "更正後的篇名"

    # the cleaner changes what it makes of every article
    monkeypatch.setattr(convert, "render_markdown", lambda cleaned: "（另一種清理結果）\n")
    recleaned = load_corpus(CORPUS, cache=False, workers=1)
    assert {a.body for a in recleaned.articles} == {"（另一種清理結果）\n"}
    assert {a.id: (a.source, a.order) for a in recleaned.articles} == before


def test_redirect_pages_point_old_ids_at_the_live_article() -> None:
    pages = redirect_pages({"old-a": "mid-b", "mid-b": "live-c"}, ["live-c"])
    assert set(pages) == {"articles/old-a/index.html", "articles/mid-b/index.html"}
    page = pages["articles/old-a/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../live-c/">' in page
    assert '<link rel="canonical" href="../live-c/">' in page
    assert "<script" not in page
    absolute = redirect_pages({"old-a": "live-c"}, ["live-c"], SITE)["articles/old-a/index.html"]
    assert f'<link rel="canonical" href="{SITE}articles/live-c/">' in absolute


@pytest.mark.parametrize(
    "redirects",
    [{"live-c": "x"}, {"old": "nowhere"}, {"a": "b", "b": "a"}, {"../evil": "live-c"},
     {"Old": "live-c"}],
)
def test_bad_redirects_are_refused(redirects: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        resolve_redirects(redirects, ["live-c"])


# --------------------------------------------------------------------------- cite box


EXPECTED = {
    "indsr-biweekly-87-01": {
        "apa": "翟文中. (2025). 美中海上軍事安全磋商機制的運作與挑戰. 國防安全雙週報, (87). "
               f"{SITE}articles/indsr-biweekly-87-01/",
        "chicago": "翟文中. 「美中海上軍事安全磋商機制的運作與挑戰」. 國防安全雙週報, 期 87 "
                   f"(2025年5月). {SITE}articles/indsr-biweekly-87-01/.",
        "gbt7714": "翟文中. 美中海上軍事安全磋商機制的運作與挑戰[J/OL]. 國防安全雙週報, "
                   f"2025(87). {SITE}articles/indsr-biweekly-87-01/.",
    },
    "krins-fellowship-report": {  # supplied title, no author, no date, no publisher
        "apa": "[赴韓國國家戰略研究院客座研究心得報告]. (不詳). 讀取於 "
               f"{SITE}articles/krins-fellowship-report/",
        "chicago": f"[赴韓國國家戰略研究院客座研究心得報告]. 不詳. {SITE}articles/krins-fellowship-report/.",
        "gbt7714": "[赴韓國國家戰略研究院客座研究心得報告][R/OL]. "
                   f"{SITE}articles/krins-fellowship-report/.",
    },
}


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_formatted_references_of_seed_articles(seeds, article_id: str) -> None:
    assert format_references(csl_item(seeds[article_id], SITE)) == EXPECTED[article_id]


def test_references_rendered_on_every_core_are_the_ones_rendered_one_by_one(
        seeds, monkeypatch) -> None:
    from zhiku.site import cite

    items = [dict(csl_item(article, SITE), id=f"{article.id}-{n}", title=f"{article.title}{n}")
             for n in range(4) for article in seeds.values()]
    monkeypatch.setattr(cite, "_CACHE", {})
    monkeypatch.setattr(cite, "_USED", set())
    monkeypatch.setattr(cite, "PARALLEL_MIN_ITEMS", 10)
    assert cite.prepare_references(items, workers=2) == len(items)
    assert cite.prepare_references(items, workers=2) == 0  # all in the cache now
    parallel = {item["id"]: format_references(item) for item in items}
    monkeypatch.setattr(cite, "_CACHE", {})
    assert parallel == {item["id"]: format_references(item) for item in items}


def test_csl_items(seeds) -> None:
    bulletin = csl_item(seeds["indsr-biweekly-87-01"])
    assert bulletin == {
        "id": "indsr-biweekly-87-01", "type": "article-journal",
        "title": "美中海上軍事安全磋商機制的運作與挑戰", "author": [{"literal": "翟文中"}],
        "issued": {"date-parts": [[2025, 5, 22]]}, "container-title": "國防安全雙週報",
        "issue": "87", "publisher": "財團法人國防安全研究院", "page-first": "1",
        "language": "zh-TW", "URL": "/articles/indsr-biweekly-87-01/",
    }
    commentary = csl_item(seeds["indsr-commentary-2025-07-01"])
    assert commentary["type"] == "report"
    assert commentary["collection-title"] == "國防安全即時評析"
    assert seeds["indsr-commentary-2025-07-01"].date_estimated  # an estimate is not a date:
    assert "issued" not in commentary
    assert csl_item(seeds["krins-fellowship-report"])["title"] == "[赴韓國國家戰略研究院客座研究心得報告]"


def test_article_page_has_cite_box_downloads_and_head_metadata(seeds) -> None:
    pages = build_pages([seeds["indsr-biweekly-87-01"], seeds["krins-fellowship-report"]])
    page = pages["articles/indsr-biweekly-87-01.md"]
    assert '<details class="zhiku-cite quote" data-search-exclude>' in page
    for key in ("apa", "chicago", "gbt7714"):
        assert f'<div class="zhiku-cite-item" id="cite-{key}">' in page
    assert html.escape(EXPECTED["indsr-biweekly-87-01"]["apa"].replace(SITE, "/")) in page
    assert "[BibTeX](../cite/articles/indsr-biweekly-87-01.bib)" in page
    assert "[RIS](../cite/articles/indsr-biweekly-87-01.ris)" in page
    assert "[CSL-JSON](../cite/articles/indsr-biweekly-87-01.json)" in page
    term = pages["series/國防安全雙週報.md"]
    assert ("下載此頁引用（[BibTeX](../cite/series/國防安全雙週報.bib) / "
            "[RIS](../cite/series/國防安全雙週報.ris)）") in term
    for path in ("cite/zhiku.bib", "cite/zhiku.ris", "cite/zhiku.json", "feed.xml",
                 "cite/series/國防安全雙週報.bib", "cite/authors/翟文中.ris"):
        assert path in pages
    assert "[Atom 摘要](feed.xml)" in pages["index.md"]


# --------------------------------------------------------------------------- downloads


def test_bibtex_parses_with_the_right_fields(seeds) -> None:
    pages = build_pages(seeds.values(), site_url=SITE)
    library = bibtexparser.parse_string(pages["cite/zhiku.bib"])
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    assert set(entries) == set(seeds)
    bulletin = entries["indsr-biweekly-87-01"]
    assert bulletin.entry_type == "article"
    fields = {f.key: f.value for f in bulletin.fields}
    assert fields["title"] == "美中海上軍事安全磋商機制的運作與挑戰"
    assert fields["author"] == "{翟文中}"
    assert (fields["journal"], fields["number"], fields["year"]) == ("國防安全雙週報", "87", "2025")
    assert fields["date"] == "2025-05-22"
    assert fields["url"] == f"{SITE}articles/indsr-biweekly-87-01/"
    report = {f.key: f.value for f in entries["indsr-commentary-2025-07-01"].fields}
    assert entries["indsr-commentary-2025-07-01"].entry_type == "techreport"
    assert report["institution"] == "財團法人國防安全研究院"
    assert "year" not in report and "推估" in report["note"]

    one = bibtexparser.parse_string(pages["cite/articles/krins-fellowship-report.bib"])
    assert [e.key for e in one.entries] == ["krins-fellowship-report"]
    hostile = bibtexparser.parse_string(build_pages([hostile_article()])["cite/zhiku.bib"])
    assert not hostile.failed_blocks and "\\&" in hostile.entries[0].fields_dict["title"].value


def test_ris_parses_with_the_right_fields(seeds) -> None:
    pages = build_pages(seeds.values())
    records = {r["id"]: r for r in rispy.loads(pages["cite/zhiku.ris"])}
    assert set(records) == set(seeds)
    bulletin = records["indsr-biweekly-87-01"]
    assert bulletin["type_of_reference"] == "JOUR"
    assert bulletin["title"] == "美中海上軍事安全磋商機制的運作與挑戰"
    assert bulletin["authors"] == ["翟文中"]
    assert bulletin["secondary_title"] == "國防安全雙週報"
    assert (bulletin["number"], bulletin["year"], bulletin["date"]) == ("87", "2025", "2025/05/22/")
    assert bulletin["start_page"] == "1"
    assert bulletin["urls"] == ["/articles/indsr-biweekly-87-01/"]
    report = records["indsr-commentary-2025-07-01"]
    assert report["type_of_reference"] == "RPRT" and report["publisher"] == "財團法人國防安全研究院"
    assert "year" not in report
    author_file = rispy.loads(pages["cite/authors/翟文中.ris"])
    assert [r["id"] for r in author_file] == ["indsr-biweekly-87-01"]
    items = json.loads(pages["cite/articles/indsr-biweekly-87-01.json"])
    assert items == [csl_item(seeds["indsr-biweekly-87-01"])]


# --------------------------------------------------------------------------- head metadata


def test_highwire_tags_name_a_journal_or_an_institution_never_both(seeds) -> None:
    for article in seeds.values():
        names = [name for name, _ in highwire_tags(article)]
        assert not ("citation_journal_title" in names
                    and "citation_technical_report_institution" in names), article.id
        assert names.count("citation_title") == 1 and "citation_pdf_url" not in names
    assert highwire_tags(seeds["indsr-biweekly-87-02"]) == [
        ["citation_title", "美烏礦產協議簽署之展望"], ["citation_author", "劉翎端"],
        ["citation_publication_date", "2025/05/22"], ["citation_journal_title", "國防安全雙週報"],
        ["citation_issue", "87"], ["citation_firstpage", "7"], ["citation_language", "zh-TW"],
        ["citation_publisher", "財團法人國防安全研究院"],
    ]
    commentary = dict(highwire_tags(seeds["indsr-commentary-2025-07-01"]))
    assert commentary["citation_technical_report_institution"] == "財團法人國防安全研究院"
    assert "citation_publication_date" not in commentary  # estimated only
    assert dict(highwire_tags(hostile_article()))["citation_publication_date"] == "2024"
    data = json_ld(seeds["indsr-biweekly-87-02"], SITE)
    assert data["@type"] == "ScholarlyArticle"
    assert data["isPartOf"]["isPartOf"] == {"@type": "Periodical", "name": "國防安全雙週報"}
    assert data["url"] == f"{SITE}articles/indsr-biweekly-87-02/"


# --------------------------------------------------------------------------- anchors


def test_page_and_paragraph_anchors() -> None:
    body = "## 壹、前言\n\n第一段。[^1]\n\n第二段。\n\n```text\n表\n```\n\n第三段。\n\n[^1]: 註。\n"
    out = anchor_body(body, first_page=7, block_pages=[0, 0, 1, 1, 3])
    chunks = out.strip().split("\n\n")
    assert chunks[0] == '<div class="page-anchor-block"><span class="page-anchor" id="page-7" ' \
                        'data-page="7"></span></div>'
    assert chunks[1] == "## 壹、前言"
    assert chunks[2].startswith("第一段。[^1] <a class=\"zhiku-para-link\" href=\"#p1\"")
    assert chunks[2].endswith("\n{: #p1 }")
    assert chunks[3].startswith('<span class="page-anchor" id="page-8" data-page="8"></span>第二段。')
    assert chunks[4] == "```text\n表\n```"
    # a block that begins two pages later marks both pages
    assert chunks[5].startswith('<span class="page-anchor" id="page-9" data-page="9"></span>'
                                '<span class="page-anchor" id="page-10" data-page="10"></span>第三段。')
    assert chunks[5].endswith("{: #p3 }")
    assert chunks[6] == "[^1]: 註。"
    assert "page-anchor" not in anchor_body(body)  # no printed page known
    assert anchor_body("") == ""


def test_blocks_count_the_page_breaks_before_them() -> None:
    text = ("壹、前言 \n\n第一頁的段落，寫到這裡。 \n\n第一頁的另一段文字，一直寫\n\f"
            "到了第二頁才結束。 \n\n第二頁的新段落。 \n\f第三頁的段落。 \n")
    layout = prepare_source(text, Report())
    blocks = build_blocks(layout.lines, True, 20, Report())
    assert [(b.text[:4], b.pages_before) for b in blocks] == [
        ("壹、前言", 0), ("第一頁的", 0), ("第一頁的", 0), ("第二頁的", 1), ("第三頁的", 2)]
    converted = convert.convert_text(text, "pages.txt")
    assert converted.articles[0].block_pages[-2:] == [1, 2]


# --------------------------------------------------------------------------- feed


def test_atom_feed_lists_the_newest_dated_articles(seeds) -> None:
    many = [dataclasses.replace(seeds["indsr-biweekly-87-01"], id=f"a-{i:03d}",
                                date=f"2020-01-{1 + i % 28:02d}") for i in range(60)]
    undated = dataclasses.replace(seeds["krins-fellowship-report"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(atom_feed([*seeds.values(), *many, undated]))
    entries = root.findall("a:entry", ns)
    assert len(entries) == FEED_ENTRIES
    updated = [e.find("a:updated", ns).text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert entries[0].find("a:id", ns).text == "urn:zhiku:article:indsr-commentary-2025-07-04"
    assert entries[0].find("a:published", ns) is None  # an estimated date is not published
    ids = {e.find("a:id", ns).text for e in entries}
    assert "urn:zhiku:article:krins-fellowship-report" not in ids  # no date at all
    hostile = atom_feed([dataclasses.replace(hostile_article(), title="a\x01b<c>")])
    assert ET.fromstring(hostile).find("a:entry/a:title", ns).text == "ab<c>"


# --------------------------------------------------------------------------- end to end


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or "").startswith("citation_"):
            self.meta.append((a["name"], a.get("content") or ""))
        elif tag == "link":
            self.links.append(a)
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(data)


def _head(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_built_site_carries_citation_metadata_and_anchors(
    seeds, tmp_path: Path, restore_jieba: None
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from test_site import _broken_links

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.copytree(REPO / "docs" / "assets", docs / "assets")
    chosen = ["indsr-biweekly-87-01", "indsr-biweekly-87-02", "krins-fellowship-report",
              "indsr-commentary-2025-07-01"]
    articles = [seeds[i] for i in chosen] + [hostile_article()]
    write_docs(build_pages(articles, redirects={"old-87-01": "indsr-biweekly-87-01"}), docs)
    config = load_config(config_file=str(REPO / "mkdocs.yml"), docs_dir=str(docs),
                         site_dir=str(site), strict=True)
    search = config.plugins["material/search"].config
    search.jieba_dict = search.jieba_dict_user = None  # jieba's own dictionary is enough here
    build(config)  # strict: a broken link (download, feed, anchor) aborts
    assert _broken_links(site) == []

    bulletin = _head(site / "articles" / "indsr-biweekly-87-01" / "index.html")
    assert bulletin.meta == [
        ("citation_title", "美中海上軍事安全磋商機制的運作與挑戰"), ("citation_author", "翟文中"),
        ("citation_publication_date", "2025/05/22"), ("citation_journal_title", "國防安全雙週報"),
        ("citation_issue", "87"), ("citation_firstpage", "1"), ("citation_language", "zh-TW"),
        ("citation_publisher", "財團法人國防安全研究院"),
    ]
    ld = json.loads("".join(bulletin.json_ld))
    assert (ld["@type"], ld["headline"], ld["datePublished"]) == (
        "ScholarlyArticle", "美中海上軍事安全磋商機制的運作與挑戰", "2025-05-22")
    feed_links = [link for link in bulletin.links if link.get("type") == "application/atom+xml"]
    assert [link["href"] for link in feed_links] == ["../../feed.xml"]
    assert (site / "feed.xml").is_file() and (site / "cite" / "zhiku.bib").is_file()

    report = dict(_head(site / "articles" / "indsr-commentary-2025-07-01" / "index.html").meta)
    assert report["citation_technical_report_institution"] == "財團法人國防安全研究院"
    assert "citation_journal_title" not in report and "citation_publication_date" not in report

    hostile_html = (site / "articles" / "hostile-01" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in hostile_html and "<script>x()" not in hostile_html
    hostile = _head(site / "articles" / "hostile-01" / "index.html")
    assert ("citation_title", HOSTILE_TITLE) in hostile.meta
    assert ("citation_author", '王 "測試" <b>') in hostile.meta
    assert json.loads("".join(hostile.json_ld))["publisher"]["name"] == \
        "</script><script>x()</script>"

    page = (site / "articles" / "indsr-biweekly-87-02" / "index.html").read_text(encoding="utf-8")
    assert '<span class="page-anchor" id="page-7" data-page="7"></span>' in page
    assert '<p id="p1">' in page and 'href="#p1"' in page
    assert '<h2 id="壹前言">' in page  # readable Chinese section anchors
    assert 'id="cite-apa"><p class="zhiku-cite-label">' in page
    redirect = (site / "articles" / "old-87-01" / "index.html").read_text(encoding="utf-8")
    assert 'url=../indsr-biweekly-87-01/' in redirect


def test_site_url_and_reference_cache(tmp_path: Path) -> None:
    from zhiku.build import configured_site_url
    from zhiku.site import cite

    (tmp_path / "mkdocs.yml").write_text("site_name: x\n# site_url: https://no.example/\n")
    assert configured_site_url(tmp_path) is None
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: 'https://zhiku.example.org/'\n")
    assert configured_site_url(tmp_path) == SITE

    item = csl_item(hostile_article())
    refs = format_references(item)
    path = tmp_path / "cache" / "references.json"
    cite.save_cache(path)
    key = json.dumps(item, ensure_ascii=False, sort_keys=True)
    assert json.loads(path.read_text(encoding="utf-8"))["references"][key] == refs
    cite._CACHE.pop(key)
    cite.load_cache(path)
    assert cite._CACHE[key] == refs


def test_a_journal_article_whose_journal_is_unknown_is_cited_without_an_empty_container():
    from zhiku.site.cite import csl_item, format_references

    article = Article(source="002.txt", order=1, id="kim-jong-un-nuclear-strategy",
                      title="金正恩政權 10週年的政策評析與影響", subtitle="以近期核戰略變化為中心",
                      authors_en=["Lin Chih Hao"], kind="journal article")
    item = csl_item(article)
    assert item["type"] == "manuscript"
    refs = format_references(item)
    assert "版本" not in refs["chicago"]
    assert refs["chicago"].startswith("Lin Chih Hao. 「金正恩政權 10週年的政策評析與影響")
