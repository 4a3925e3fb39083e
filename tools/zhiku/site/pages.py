"""Pure functions from ``list[Article]`` to ``{docs-relative path: Markdown text}``.

Pages (with ``use_directory_urls`` each ``x/y.md`` is served at ``/x/y/``):

* ``index.md`` – home: holdings, newest articles, links to the indexes, how to cite;
* ``articles/<id>.md`` – one per article (permalink ``/articles/<id>/``);
* ``<taxonomy>/index.md`` and ``<taxonomy>/<slug>.md`` for categories, authors, countries
  (slug = lower-case ISO code) and series.

Links between pages are relative ``.md`` links, which MkDocs rewrites and validates.
Every metadata value goes through :func:`~zhiku.site.text.escape_md`; front-matter ``title``
(printed unescaped by MkDocs' Jinja templates) through :func:`~zhiku.site.text.escape_html`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import yaml

from zhiku.model import Article
from zhiku.site.anchors import anchor_body
from zhiku.site.chart import bar_chart_svg
from zhiku.site.cite import (
    ARCHIVE_STEM,
    STYLES,
    article_cite_path,
    bibtex,
    csl_item,
    csl_json,
    format_references,
    highwire_tags,
    json_ld,
    prepare_references,
    ris,
    term_cite_path,
)
from zhiku.site.feed import FEED_PATH, atom_feed
from zhiku.site.redirects import redirect_pages
from zhiku.site.terms import (
    TAXONOMIES,
    Taxonomy,
    Term,
    build_taxonomies,
    country_names,
    newest_first,
    series_name,
)
from zhiku.site.text import escape_html, escape_md

SITE_TITLE = "智庫 zhiku 安全研究文庫"
NEWEST_ON_HOME = 10
#: Front-matter ``search.boost`` of article pages, so articles rank above listings.
ARTICLE_SEARCH_BOOST = 2
#: Front-matter ``search.boost`` of index and term pages: below every article that matches
#: (a term page's title outweighs an article's text otherwise); measured with search-eval.
LISTING_SEARCH_BOOST = 0.001
#: Wraps listings of articles: Material's search skips elements with ``data-search-exclude``.
SEARCH_EXCLUDE_OPEN = '<div class="zhiku-listing" data-search-exclude markdown="1">'
ESTIMATE_NOTE = "推估：依文中最晚的引用日期"
UNKNOWN_DATE = "出版日期不詳"
DESCRIPTIONS = {
    "categories": "依主題分類瀏覽",
    "authors": "依作者瀏覽",
    "countries": "依文章主要涉及的國家瀏覽",
    "series": "依出版系列（刊物）瀏覽",
}
LABEL_HEADINGS = {"categories": "分類", "authors": "作者", "countries": "國家", "series": "系列"}
#: Citation downloads: (link text, file extension); term pages offer the first two.
DOWNLOADS = (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json"))


# --------------------------------------------------------------------------- entry point


def build_pages(articles: Iterable[Article], *, site_url: str | None = None,
                authorities=None, redirects: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every generated file of the site, keyed by docs-relative path (``articles/001-03.md``):
    the Markdown pages, plus the citation downloads (``cite/…``), the Atom feed
    (``feed.xml``) and a redirect page per manifest redirect (``articles/<old>/index.html``).

    ``site_url`` (e.g. ``https://example.org/zhiku/``) only makes the permalinks shown in
    citations absolute; without it they are root-relative (``/articles/001-03/``).
    """
    ordered = newest_first(articles)
    prepare_references(csl_item(article, site_url) for article in ordered)  # on every core
    taxonomies = build_taxonomies(ordered, authorities)
    pages = {"index.md": home_page(ordered, taxonomies, site_url=site_url)}
    for article in ordered:
        pages[article_path(article)] = article_page(article, taxonomies, site_url=site_url)
    for taxonomy in taxonomies.values():
        pages[f"{taxonomy.key}/index.md"] = taxonomy_index_page(taxonomy)
        for term in taxonomy.terms:
            pages[f"{taxonomy.key}/{term.slug}.md"] = term_page(taxonomy, term, taxonomies)
    pages.update(citation_files(ordered, taxonomies, site_url=site_url))
    pages[FEED_PATH] = atom_feed(ordered, site_url=site_url, title=SITE_TITLE)
    pages.update(redirect_pages(redirects or {}, [a.id for a in ordered], site_url))
    return pages


def citation_files(articles: list[Article], taxonomies: dict[str, Taxonomy], *,
                   site_url: str | None = None) -> dict[str, str]:
    """BibTeX / RIS / CSL-JSON per article and for the whole archive; BibTeX / RIS per term."""
    # a BibTeX or RIS file of several articles is their records joined by a blank line: each
    # record is made once, not once for every term the article is listed under
    records = {ext: {a.id: write([a], site_url) for a in articles}
               for ext, write in (("bib", bibtex), ("ris", ris))}

    def joined(ext: str, listed: list[Article]) -> str:
        return "\n".join(records[ext][a.id] for a in listed)

    files = {}
    for article in articles:
        for ext in ("bib", "ris"):
            files[article_cite_path(article.id, ext)] = records[ext][article.id]
        files[article_cite_path(article.id, "json")] = csl_json([article], site_url)
    for ext in ("bib", "ris"):
        files[f"{ARCHIVE_STEM}.{ext}"] = joined(ext, articles)
    files[f"{ARCHIVE_STEM}.json"] = csl_json(articles, site_url)
    for taxonomy in taxonomies.values():
        for term in taxonomy.terms:
            for ext in ("bib", "ris"):
                files[term_cite_path(taxonomy.key, term.slug, ext)] = joined(ext, term.articles)
    return files


def article_path(article: Article) -> str:
    if not article.id or "/" in article.id or article.id.startswith("."):
        raise ValueError(f"article {article.source}#{article.order} has no usable id: {article.id!r}")
    return f"articles/{article.id}.md"


# --------------------------------------------------------------------------- shared pieces


#: libyaml's emitter when PyYAML has it: the same YAML, four times faster (a page each).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: dict) -> str:
    body = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False,
                     default_flow_style=False)
    return f"---\n{body}---\n\n"


def date_label(article: Article, *, short: bool = False) -> str:
    """The publication date as text (not escaped).

    Long form: ``2025-08-01`` / ``不早於 2025-08-01（推估：依文中最晚的引用日期）`` /
    ``出版日期不詳``; short form (listings): ``… （推估）`` / ``不詳``.
    """
    if article.date:
        return str(article.date)
    if article.date_estimated:
        note = "推估" if short else ESTIMATE_NOTE
        return f"不早於 {article.date_estimated}（{note}）"
    return "不詳" if short else UNKNOWN_DATE


def permalink(article: Article, site_url: str | None = None) -> str:
    path = f"articles/{article.id}/"
    return f"{site_url.rstrip('/')}/{path}" if site_url else f"/{path}"


def citation(article: Article, site_url: str | None = None) -> str:
    """A suggested citation (plain text, not escaped):
    ``沈明室，〈篇名〉，《國防安全雙週報》第 87 期（2025-08-01），/articles/001-03/。``"""
    parts = []
    if article.authors:
        parts.append("、".join(article.authors))
    parts.append(f"〈{article.display_title}〉")
    name = series_name(article)
    if name:
        parts.append(f"《{name}》{_series_rest(article, name).strip()}")
    elif article.institute:
        parts.append(article.institute)
    if article.date:
        when = str(article.date)
    elif article.date_estimated:
        when = f"不早於 {article.date_estimated}，推估"
    else:
        when = UNKNOWN_DATE
    parts[-1] += f"（{when}）"
    parts.append(permalink(article, site_url))
    return "，".join(parts) + "。"


def _series_rest(article: Article, name: str) -> str:
    series = (article.series or "").strip()
    rest = series[len(name) :].strip() if series.startswith(name) else ""
    return f" {rest}" if rest else ""


def _author_keys(article: Article) -> list[str]:
    from zhiku.authors import author_keys

    return [key for key, _ in author_keys(article)]


def author_profile(person) -> str:
    """An author's authority record: names, affiliations with years, ORCID, homepage."""
    rows = [("中文姓名", escape_md(person.name))]
    if person.romanized:
        rows.append(("英文姓名", escape_md("、".join(person.romanized))))
    if person.published_as:
        rows.append(("亦署名", escape_md("、".join(person.published_as))))
    for affiliation in person.affiliations:
        parts = [affiliation.get("name"), affiliation.get("org")]
        text = "，".join(str(p) for p in parts if p)
        if affiliation.get("years"):
            text += f"（{affiliation['years']}）"
        rows.append(("任職", escape_md(text)))
    if person.orcid:
        rows.append(("ORCID", f"[{escape_md(person.orcid)}](https://orcid.org/{person.orcid})"))
    if person.homepage:
        rows.append(("個人網頁", f"<{person.homepage}>"))
    body = "".join(f'<dt>{label}</dt>\n<dd markdown="span">{value}</dd>\n' for label, value in rows)
    return f'<dl class="zhiku-meta zhiku-author" markdown="1">\n{body}</dl>\n\n'


def _link(text: str, target: str) -> str:
    return f"[{escape_md(text)}]({target})"


def _term_links(names: Iterable[str], taxonomy: Taxonomy, prefix: str, sep: str = "、") -> str:
    terms = taxonomy.by_name()
    links = []
    for name in names:
        term = terms.get(name.strip().upper() if taxonomy.key == "countries" else name.strip())
        if term is None:
            links.append(escape_md(name))
        elif taxonomy.key == "countries":
            links.append(_link(f"{term.label}（{term.name}）", f"{prefix}{term.slug}.md"))
        else:
            links.append(_link(term.label, f"{prefix}{term.slug}.md"))
    return sep.join(links)


def _article_table(articles: list[Article], taxonomies: dict[str, Taxonomy], prefix: str) -> str:
    """Newest-first table of articles; ``prefix`` leads from the page to the docs root."""
    rows = ["| 日期 | 標題 | 作者 | 系列 |", "|---|---|---|---|"]
    for article in articles:
        authors = _term_links(_author_keys(article), taxonomies["authors"], f"{prefix}authors/")
        series = escape_md(article.series or "")
        rows.append(
            f"| {escape_md(date_label(article, short=True))} "
            f"| {_link(article.display_title, f'{prefix}{article_path(article)}')} "
            f"| {authors} | {series} |"
        )
    # Kept out of the search index: a listing only repeats its articles' titles, and would
    # push the articles themselves down the results (measured with `zhiku search-eval`).
    return f'{SEARCH_EXCLUDE_OPEN}\n\n' + "\n".join(rows) + "\n\n</div>\n"


# --------------------------------------------------------------------------- article page


def article_page(
    article: Article, taxonomies: dict[str, Taxonomy], *, site_url: str | None = None
) -> str:
    meta = article.front_matter()
    # MkDocs prints page.title unescaped (<title>, header, search index): give it HTML-safe
    # text; the raw title stays available as ``title_text``.
    raw_title = meta.pop("title")
    fm = {"title": escape_html(article.display_title), "title_text": raw_title, **meta}
    fm["search"] = {"boost": ARTICLE_SEARCH_BOOST}

    fields: list[tuple[str, str]] = []
    if article.subtitle:
        fields.append(("副標題", escape_md(article.subtitle)))
    if article.title_en:
        fields.append(("英文標題", escape_md(article.title_en)))
    if article.authors or article.authors_en:
        links = _term_links(_author_keys(article), taxonomies["authors"], "../authors/")
        fields.append(("作者", links))
    if article.authors and article.authors_en:
        fields.append(("作者（英文）", escape_md(", ".join(article.authors_en))))
    if article.institute:
        fields.append(("單位", escape_md(article.institute)))
    name = series_name(article)
    if name:
        term = taxonomies["series"].by_name()[name]
        rest = _series_rest(article, name) or (f" {article.issue}" if article.issue else "")
        rest = f" {escape_md(rest)}" if rest.strip() else ""
        fields.append(("系列", _link(name, f"../series/{term.slug}.md") + rest))
    if article.publisher:
        fields.append(("出版者", escape_md(article.publisher)))
    fields.append(("出版日期", escape_md(date_label(article))))
    if article.categories:
        cats = _term_links(article.categories, taxonomies["categories"], "../categories/")
        fields.append(("分類", cats))
    if article.keywords:
        fields.append(("關鍵詞", escape_md("、".join(article.keywords))))
    if article.countries:
        countries = _term_links(article.countries, taxonomies["countries"], "../countries/")
        fields.append(("國家", countries))
    source = f"{article.source}，第 {article.order} 篇"
    if article.first_page is not None:
        source += f"，原刊第 {article.first_page} 頁起"
    fields.append(("來源", escape_md(source)))
    fields.append(("永久連結", escape_md(permalink(article, site_url))))
    fields.append(("建議引用", escape_md(citation(article, site_url))))
    fields.append(("下載引用", " · ".join(
        f"[{label}](../{article_cite_path(article.id, ext)})" for label, ext in DOWNLOADS)))
    # Read by overrides/main.html: <meta name="citation_…"> and schema.org JSON-LD (raw
    # values; the template escapes them).
    fm["citation_meta"] = highwire_tags(article)
    fm["json_ld"] = json_ld(article, site_url)

    meta_block = "\n".join(
        f'<dt>{label}</dt>\n<dd markdown="span">{value}</dd>' for label, value in fields
    )
    body = anchor_body(article.body, article.first_page, article.block_pages).strip("\n")
    return (
        front_matter(fm)
        + f"# {escape_md(article.display_title)}\n\n"
        + f'<dl class="zhiku-meta" markdown="1">\n{meta_block}\n</dl>\n\n'
        + cite_box(article, site_url)
        + (f"{body}\n" if body else "")
    )


def cite_box(article: Article, site_url: str | None = None) -> str:
    """A collapsed "引用本文" box: one code block per style, so Material's ``content.code.copy``
    gives each a copy button (``#__code_cite-apa`` …; the id of the enclosing div names it).
    Raw HTML, escaped here; kept out of the search index."""
    refs = format_references(csl_item(article, site_url))
    items = "".join(
        f'<div class="zhiku-cite-item" id="cite-{key}">'
        f'<p class="zhiku-cite-label">{html.escape(label)}</p>'
        f"<pre><code>{html.escape(refs[key], quote=False)}</code></pre></div>\n"
        for key, label, _style in STYLES
    )
    return (
        '<details class="zhiku-cite quote" data-search-exclude>\n'
        "<summary>引用本文（APA · Chicago · GB/T 7714）</summary>\n"
        f"{items}</details>\n\n"
    )


# --------------------------------------------------------------------------- home page


def home_page(
    articles: list[Article], taxonomies: dict[str, Taxonomy], *, site_url: str | None = None
) -> str:
    counts = {key: len(tax.terms) for key, tax in taxonomies.items()}
    out = [front_matter({"title": "首頁"}), f"# {SITE_TITLE}\n\n"]
    out.append(
        f"本文庫收錄 **{len(articles)}** 篇安全研究文章，來自 **{counts['series']}** 個出版系列；"
        f"共 **{counts['authors']}** 位作者、**{counts['categories']}** 個分類、"
        f"涉及 **{counts['countries']}** 個國家。\n\n"
    )

    out.append("## 各系列收錄篇數\n\n| 系列 | 篇數 |\n|---|---:|\n")
    for term in taxonomies["series"].terms:
        out.append(f"| {_link(term.label, f'series/{term.slug}.md')} | {len(term.articles)} |\n")
    unlabelled = sum(1 for a in articles if not series_name(a))
    if unlabelled:
        out.append(f"| （未標系列） | {unlabelled} |\n")
    out.append("\n")

    newest = articles[:NEWEST_ON_HOME]
    out.append(f"## 最新文章\n\n最新的 {len(newest)} 篇（依出版日期，新到舊）：\n\n")
    out.append(_article_table(newest, taxonomies, "") + "\n")
    out.append(f"訂閱新文章：[Atom 摘要]({FEED_PATH})\n\n")

    out.append("## 索引\n\n")
    for key, title in TAXONOMIES:
        out.append(f"- [{title}]({key}/index.md)：{DESCRIPTIONS[key]}（{counts[key]} 個）\n")
    out.append("\n")

    example = citation(articles[0], site_url) if articles else None
    url_pattern = permalink(Article(source="", order=0, id="<id>"), site_url)
    out.append(
        "## 如何引用\n\n"
        f"每篇文章都有固定的網址 `{url_pattern}`（`<id>` 為文章編號，例如 "
        f"`{articles[0].id if articles else '001-03'}`），可直接引用。建議格式：\n\n"
        "> 作者，〈篇名〉，《系列》期別（出版日期），網址。\n\n"
    )
    if example:
        out.append(f"例如：\n\n> {escape_md(example)}\n\n")
    out.append(
        "篇名加方括號〔如 \\[篇名\\]〕者，為原文未印篇名、由編者擬定。"
        "出版日期標示「推估」者，原文未載日期，"
        "係依文中最晚的引用日期推得：文章不早於該日出版。\n\n"
    )
    archive = " · ".join(f"[{label}]({ARCHIVE_STEM}.{ext})" for label, ext in DOWNLOADS)
    out.append(
        "每篇文章頁的「引用本文」列出 APA、Chicago 與 GB/T 7714 格式的引文（可一鍵複製），"
        f"並提供 BibTeX、RIS 與 CSL-JSON 下載。全部文章的引用資料：{archive}。\n"
    )
    return "".join(out)


# --------------------------------------------------------------------------- index pages


def taxonomy_index_page(taxonomy: Taxonomy) -> str:
    out = [front_matter({"title": taxonomy.title, "search": {"boost": LISTING_SEARCH_BOOST}}),
           f"# {taxonomy.title}\n\n"]
    out.append(f"{DESCRIPTIONS[taxonomy.key]}，共 {len(taxonomy.terms)} 個，依篇數排列。\n\n")
    if not taxonomy.terms:
        return "".join(out)
    heading = LABEL_HEADINGS[taxonomy.key]
    if taxonomy.key == "countries":
        # the slug pages are siblings; with directory URLs the index is one level up
        rows = [(f"{t.label}（{t.name}）", len(t.articles), f"{t.slug}/") for t in taxonomy.terms]
        out.append(bar_chart_svg(rows, "各國相關文章篇數"))
        out.append(f"| {heading} | 代碼 | 篇數 | 最新 |\n|---|---|---:|---|\n")
    else:
        out.append(f"| {heading} | 篇數 | 最新 |\n|---|---:|---|\n")
    for term in taxonomy.terms:
        cells = [_link(term.label, f"{term.slug}.md")]
        if taxonomy.key == "countries":
            cells.append(escape_md(term.name))
        cells.append(str(len(term.articles)))
        cells.append(escape_md(date_label(term.articles[0], short=True)))
        out.append("| " + " | ".join(cells) + " |\n")
    return "".join(out)


def term_page(taxonomy: Taxonomy, term: Term, taxonomies: dict[str, Taxonomy]) -> str:
    title = f"{taxonomy.title}：{term.label}"
    out = [front_matter({"title": escape_html(title), "search": {"boost": LISTING_SEARCH_BOOST}}),
           f"# {escape_md(title)}\n\n"]
    if taxonomy.key == "countries":
        zh, en = country_names(term.name)
        out.append(
            '<dl class="zhiku-meta" markdown="1">\n'
            f'<dt>中文名稱</dt>\n<dd markdown="span">{escape_md(zh)}</dd>\n'
            f'<dt>英文名稱</dt>\n<dd markdown="span">{escape_md(en)}</dd>\n'
            f'<dt>ISO 3166-1 代碼</dt>\n<dd markdown="span">{escape_md(term.name)}</dd>\n'
            "</dl>\n\n"
        )
    if taxonomy.key == "authors" and term.profile is not None:
        out.append(author_profile(term.profile))
    out.append(
        f"共 {len(term.articles)} 篇，依出版日期由新到舊排列。"
        f"[返回{taxonomy.title}總覽](index.md)\n\n"
    )
    links = " / ".join(f"[{label}](../{term_cite_path(taxonomy.key, term.slug, ext)})"
                       for label, ext in DOWNLOADS[:2])
    out.append(f"下載此頁引用（{links}）\n\n")
    out.append(_article_table(term.articles, taxonomies, "../"))
    return "".join(out)
