"""The MkDocs side of zhiku: generated Markdown pages, the docs writer, search dictionaries.

Modules, one job each:

* :mod:`zhiku.site.text` – ``escape_md()`` / ``escape_html()`` for metadata put into Markdown.
* :mod:`zhiku.site.slugs` – ``slugify_term()``: file-system-safe page names for terms.
* :mod:`zhiku.site.terms` – group articles by category, author, country and series.
* :mod:`zhiku.site.pages` – ``build_pages()``: ``list[Article]`` → ``{docs path: Markdown}``.
* :mod:`zhiku.site.cite` – CSL-JSON items, APA / Chicago / GB/T 7714 references, BibTeX, RIS,
  the ``citation_*`` meta tags and JSON-LD of an article.
* :mod:`zhiku.site.anchors` – printed-page and paragraph anchors in an article body.
* :mod:`zhiku.site.feed` – ``feed.xml`` (Atom); :mod:`zhiku.site.redirects` – old-id redirects.
* :mod:`zhiku.site.docs_writer` – ``write_docs()``: write pages only when changed, prune stale ones.
* :mod:`zhiku.site.searchdict` – Traditional-Chinese jieba dictionaries for Material's search.
"""

from zhiku.site.docs_writer import write_docs
from zhiku.site.pages import build_pages
from zhiku.site.searchdict import build_search_dictionaries, search_terms
from zhiku.site.slugs import slugify_term
from zhiku.site.text import escape_html, escape_md

__all__ = [
    "build_pages",
    "build_search_dictionaries",
    "escape_html",
    "escape_md",
    "search_terms",
    "slugify_term",
    "write_docs",
]
