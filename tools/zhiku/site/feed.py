"""``feed.xml``: an Atom feed of the newest articles, written as a static file into docs/.

Why not mkdocs-rss-plugin: it dates entries from git history (docs/ is generated, not
committed, so every page would look new) and needs ``site_url``; a static file made from
the articles' own dates needs neither, is byte-identical between builds (so the docs writer
leaves it alone) and is served by any MkDocs-compatible builder (no plugin, no hook).

Links are relative to the feed (``articles/<id>/``) unless ``site_url`` is set; entry ids
are ``urn:zhiku:article:<id>``, which never change with the host.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from zhiku.model import Article
from zhiku.site.terms import newest_first, series_name

FEED_PATH = "feed.xml"
FEED_ENTRIES = 50
#: Characters XML 1.0 does not allow (hostile or broken input must not break the feed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return escape(_NOT_XML.sub("", re.sub(r"\s+", " ", str(value)).strip()))


def _attr(value: object) -> str:
    return quoteattr(_NOT_XML.sub("", str(value)))


def _timestamp(date: str) -> str | None:
    """``2025-05-22`` / ``2025-05`` / ``2025`` → an RFC 3339 timestamp (UTC midnight)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(date).strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}T00:00:00Z"


def atom_feed(articles: Iterable[Article], *, site_url: str | None = None,
              title: str = "智庫 zhiku 安全研究文庫") -> str:
    """The newest :data:`FEED_ENTRIES` articles by best date (printed or estimated).

    Articles with no date at all are left out: nothing says they are new. ``<published>``
    is given only for printed dates; ``<updated>`` (required) is the best date.
    """
    base = f"{site_url.rstrip('/')}/" if site_url else ""
    entries = []
    for article in newest_first(articles):
        updated = _timestamp(article.sort_date) if article.sort_date else None
        if updated is None:
            continue
        entries.append((article, updated))
        if len(entries) == FEED_ENTRIES:
            break
    feed_updated = max((u for _a, u in entries), default="1970-01-01T00:00:00Z")
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-TW">',
        f"  <title>{_text(title)}：最新文章</title>",
        f"  <id>{_text(base + FEED_PATH) if base else 'urn:zhiku:feed'}</id>",
        f'  <link rel="self" type="application/atom+xml" href={_attr(base + FEED_PATH)}/>',
        f'  <link rel="alternate" type="text/html" href={_attr(base or "./")}/>',
        f"  <updated>{feed_updated}</updated>",
        "  <author><name>智庫 zhiku</name></author>",
        "  <generator>zhiku</generator>",
    ]
    for article, updated in entries:
        out.append("  <entry>")
        out.append(f"    <title>{_text(article.display_title)}</title>")
        out.append(f"    <id>urn:zhiku:article:{_text(article.id)}</id>")
        out.append(f'    <link rel="alternate" type="text/html" '
                   f'href={_attr(f"{base}articles/{article.id}/")}/>')
        if article.date and _timestamp(article.date):
            out.append(f"    <published>{_timestamp(article.date)}</published>")
        out.append(f"    <updated>{updated}</updated>")
        for name in article.authors or article.authors_en:
            out.append(f"    <author><name>{_text(name)}</name></author>")
        for category in article.categories:
            out.append(f"    <category term={_attr(category)}/>")
        summary = [s for s in (article.series or series_name(article), article.publisher) if s]
        if not article.date and article.date_estimated:
            summary.append(f"不早於 {article.date_estimated}（推估）")
        if summary:
            out.append(f"    <summary>{_text('；'.join(summary))}</summary>")
        out.append("  </entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"
