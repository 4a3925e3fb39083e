"""Split one source's lines into its articles.

A bulletin issue or compilation prints each article with a header block:

    美中在第三輪關稅談判的意圖      ← title (one or two lines; a second line after a colon
    沈明室                          ← authors                          is a subtitle)
    國家安全研究所                  ← institute
    焦點類別：國際情勢、印太區域    ← focus categories

PDF-to-Markdown output of a column prints ``### title`` / authors / affiliation instead.
A source with no header block is one article (a report or a journal article).  What
stands before the first header (a bulletin's cover, table of contents, masthead) is
the source's front matter; metadata is read from it, and it is never part of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean.layout import Line

CATEGORY_LINE = re.compile(r"^焦點類別\s*[:：]\s*(.*)$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_PERSON_NAMES = re.compile(
    r"^[\u4e00-\u9fff·．]{2,5}(?:\s*[、，,及與和]\s*[\u4e00-\u9fff·．]{2,5})*\s*[*＊]?$"
)
_TITLE_CONTINUES = ("：", ":", "——", "—")


@dataclass
class ArticleLines:
    """The raw lines of one article and what its header block printed."""

    body: list[Line]
    title_lines: list[str] = field(default_factory=list)
    authors_line: str | None = None
    institute_line: str | None = None
    categories_line: str | None = None
    header_lines: list[int] = field(default_factory=list)  # source line numbers
    lead: list[Line] = field(default_factory=list)  # e.g. a photo caption printed above


@dataclass
class SplitSource:
    front: list[Line]  # cover, table of contents, masthead
    articles: list[ArticleLines]


def is_person_names(text: str) -> bool:
    """``沈明室`` or ``張鎮宏、黃浩珉``: a line of 2–5 character Chinese names."""
    return bool(_PERSON_NAMES.match(text.strip()))


def _category_headers(lines: list[Line]) -> list[tuple[int, int]]:
    """(first header line index, category line index) for each 焦點類別 header."""
    headers = []
    for index, line in enumerate(lines):
        if not CATEGORY_LINE.match(line.text) or index < 3:
            continue
        author = index - 2
        title_end = author - 1
        start = title_end
        previous = lines[start - 1] if start >= 1 else None
        if previous is not None and not previous.gap and (
            previous.text.endswith(_TITLE_CONTINUES)
            or (lines[start].page_start is False and previous.page_start and len(previous.text) <= 40
                and "。" not in previous.text and not lines[start].text.endswith("。"))
        ):
            start -= 1
        headers.append((start, index))
    return headers


def _markdown_headers(lines: list[Line]) -> list[tuple[int, int]]:
    """(heading index, affiliation index) for ``### title`` / names / affiliation."""
    headers = []
    for index, line in enumerate(lines[:-2]):
        match = _MARKDOWN_HEADING.match(line.text)
        if match and is_person_names(lines[index + 1].text) and not _MARKDOWN_HEADING.match(
            lines[index + 2].text
        ):
            headers.append((index, index + 2))
    return headers


def split_articles(lines: list[Line]) -> SplitSource:
    """Cut a source's lines into front matter and articles."""
    headers = _category_headers(lines)
    markdown = not headers
    if markdown:
        headers = _markdown_headers(lines)
    if not headers:
        return SplitSource(front=[], articles=[ArticleLines(body=list(lines))])

    articles = []
    for number, (start, last) in enumerate(headers):
        end = headers[number + 1][0] if number + 1 < len(headers) else len(lines)
        header = lines[start : last + 1]
        if markdown:
            title = [_MARKDOWN_HEADING.match(header[0].text).group(2)]
            article = ArticleLines(
                body=lines[last + 1 : end],
                title_lines=title,
                authors_line=header[1].text,
                institute_line=header[2].text,
            )
        else:
            article = ArticleLines(
                body=lines[last + 1 : end],
                title_lines=[line.text for line in header[:-3]],
                authors_line=header[-3].text,
                institute_line=header[-2].text,
                categories_line=CATEGORY_LINE.match(header[-1].text).group(1),
            )
        article.header_lines = [line.no for line in header]
        articles.append(article)

    front = lines[: headers[0][0]]
    if markdown:
        # A column prints its photo caption above the title: the caption is the article's,
        # the publication's name heading (## 遠景論壇) before it is front matter.
        lead_start = 0
        for index, line in enumerate(front):
            if _MARKDOWN_HEADING.match(line.text):
                lead_start = index + 1
        articles[0].lead = [line for line in front[lead_start:] if not line.gap]
        front = front[:lead_start]
    return SplitSource(front=front, articles=articles)
