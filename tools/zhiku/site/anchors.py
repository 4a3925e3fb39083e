"""Pinpoint anchors in an article body: printed pages and numbered paragraphs.

* Page anchors ``<span class="page-anchor" id="page-7" data-page="7"></span>`` where a
  printed page begins: the first page at the start of the body, and, when the cleaner
  carried page breaks (:attr:`Article.block_pages`), one more at the first block that starts
  on each later page (page = ``first_page`` + page breaks before the block).
* Paragraph anchors ``#p1``, ``#p2`` … (attr_list ``{: #p12 }``), numbered in reading order
  over the body's paragraphs (not headings, code, tables or footnotes), each with a small
  ``¶`` link (``a.zhiku-para-link``) that the stylesheet shows on hover.

The body is the cleaner's Markdown: blocks separated by one blank line, footnote
definitions last; block ``i`` of the body is block ``i`` of :attr:`Article.block_pages`.
"""

from __future__ import annotations

import re

_NOT_PARAGRAPH = re.compile(r"^(?:#{1,6}\s|```|~~~|\[\^[^\]]+\]:|\||>|<div|<details|\s{4}|\t"
                            r"|[-*+]\s|\d+[.)]\s)")


def page_anchor(page: int) -> str:
    return f'<span class="page-anchor" id="page-{page}" data-page="{page}"></span>'


def anchor_body(body: str, first_page: int | None = None,
                block_pages: list[int] | None = None) -> str:
    """The body with page and paragraph anchors added (text unchanged otherwise)."""
    chunks = body.strip("\n").split("\n\n") if body.strip() else []
    pages = block_pages or []
    out: list[str] = []
    paragraph = 0
    printed = -1  # page breaks already marked (-1: not even the first page)
    for index, chunk in enumerate(chunks):
        anchors = ""
        if first_page is not None and not chunk.startswith("[^"):
            wanted = pages[index] if index < len(pages) else max(printed, 0)
            if wanted > printed:
                anchors = "".join(page_anchor(first_page + n)
                                  for n in range(printed + 1, wanted + 1))
                printed = wanted
        if _NOT_PARAGRAPH.match(chunk):
            if anchors:
                out.append(f'<div class="page-anchor-block">{anchors}</div>')
            out.append(chunk)
            continue
        paragraph += 1
        link = (f' <a class="zhiku-para-link" href="#p{paragraph}" '
                f'title="本段連結（#p{paragraph}）" aria-label="本段連結"></a>')
        out.append(f"{anchors}{chunk}{link}\n{{: #p{paragraph} }}")
    return "\n\n".join(out) + "\n" if out else ""
