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

import functools
import re
from dataclasses import dataclass, field

from .clean.layout import Line
from .clean.paragraphs import join_text

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
    header_lines: list[Line] = field(default_factory=list)  # as printed, gaps included
    lead: list[Line] = field(default_factory=list)  # e.g. a photo caption printed above


@dataclass
class SplitSource:
    front: list[Line]  # cover, table of contents, masthead
    articles: list[ArticleLines]


def _unheading(text: str) -> str:
    """``#### 焦點類別：國際情勢`` → ``焦點類別：國際情勢`` (pymupdf4llm sets header lines in
    a larger font as Markdown headings)."""
    match = _MARKDOWN_HEADING.match(text)
    return match.group(2) if match else text


def is_person_names(text: str) -> bool:
    """``沈明室`` or ``張鎮宏、黃浩珉``: a line of 2–5 character Chinese names."""
    return bool(_PERSON_NAMES.match(text.strip()))


def _category_headers(lines: list[Line]) -> list[tuple[int, int]]:
    """(first header line index, category line index) for each 焦點類別 header."""
    headers = []
    for index, line in enumerate(lines):
        if index < 2 or not CATEGORY_LINE.match(_unheading(line.text)):
            continue
        if joined_byline(lines[index - 1].text):
            headers.append((index - 2, index))  # title / authors and institute / 焦點類別
            continue
        if index < 3:
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


_SENTENCE_MARKS = re.compile(r"[。，；！？]")


def _plain_header(lines: list[Line]) -> list[tuple[int, int]]:
    """(title index, affiliation index) for a column's header in plain text.

    Before (pdftotext of a column): ``…(圖片來源：https://…)`` / ``日韓元首相繼訪烏對東北亞安保
    情勢的影響`` / ``李明峻`` / ``新台灣國策智庫研發長`` / ``自俄烏戰爭爆發以來，…``
    After: title, author and affiliation taken as the header; the caption above is the
    article's. Only near the start of the source: a short title without sentence marks,
    a line of names, a short affiliation line.
    """
    # the header's lines are among the first 8 (a title over two lines may end the 9th)
    window = [index for index, line in enumerate(lines) if not line.gap][:9]
    content = window[:8]
    # a title over two lines, where the text marks paragraph ends: its first line without
    # the space (zhiku's reading of a narrow column: ``日韓元首相繼訪烏對東北亞安保`` /
    # ``情勢的影響␠`` / ``李明峻␠`` / ``新台灣國策智庫研發長␠``)
    for first, second, third, fourth in zip(content, content[1:], content[2:], content[3:]):
        head, rest = lines[first], lines[second]
        title = head.text + rest.text
        if (not head.trailing_space and rest.trailing_space and len(title) <= 40
                and not _SENTENCE_MARKS.search(title) and is_person_names(lines[third].text)
                and len(lines[fourth].text) <= 30
                and not _SENTENCE_MARKS.search(lines[fourth].text)):
            return [(first, fourth)]
    for position, first in enumerate(content[:-2]):
        second, third = content[position + 1], content[position + 2]
        title, names, affiliation = lines[first].text, lines[second].text, lines[third].text
        if (len(title) <= 40 and not _SENTENCE_MARKS.search(title) and is_person_names(names)
                and len(affiliation) <= 30 and not _SENTENCE_MARKS.search(affiliation)):
            fourth = window[position + 3] if position + 3 < len(window) else None
            if fourth is not None and _title_over_two_lines(
                    first=title, second=names, names=affiliation,
                    affiliation=lines[fourth].text):
                return [(first, fourth)]
            return [(first, third)]
    return []


def _title_over_two_lines(first: str, second: str, names: str, affiliation: str) -> bool:
    """A title's second line that reads as a name, where the line after the names is no
    name: the title wrapped, and the header is title / title / names / affiliation.

    Before (pypdf, PyMuPDF, PDFium of a narrow column, no spaces marking line ends):
    ``日韓元首相繼訪烏對東北亞安保`` / ``情勢的影響`` / ``李明峻`` / ``新台灣國策智庫研發長``
    After: title ``日韓元首相繼訪烏對東北亞安保情勢的影響``, authors ``李明峻``, institute
    ``新台灣國策智庫研發長`` (not authors ``情勢的影響`` and institute ``李明峻``).
    """
    return (is_person_names(names) and not is_person_names(affiliation)
            and len(first) + len(second) <= 40 and len(affiliation) <= 30
            and not _SENTENCE_MARKS.search(affiliation))


_JOINED_BYLINE = re.compile(r"^(\S{2,}(?:\s*[、，,]\s*\S{2,5})*)\s+([\u4e00-\u9fff]{4,30})$")


def joined_byline(text: str) -> tuple[str, str] | None:
    """(authors, institute) of a line that holds both, as pymupdf4llm joins the author and
    the institute printed on two lines of one text block.

    Before: ``洪子傑 中共政軍與作戰概念研究所`` (a header of three lines: title / this /
    ``焦點類別：…``)
    After: authors ``洪子傑``, institute ``中共政軍與作戰概念研究所``. None for other lines.
    """
    match = _JOINED_BYLINE.match(_unheading(text).strip())
    if not match or not is_person_names(match.group(1)) or is_person_names(match.group(2)):
        return None
    return match.group(1), match.group(2)


def byline_before_title(header: list[Line]) -> tuple[list[Line], Line, Line] | None:
    """(title lines, authors, institute) of a four-line header whose title, printed as a
    Markdown heading, pymupdf4llm read after the right-aligned byline.

    Before: ``沈明室`` / ``# 美中在第三輪關稅談判的意圖`` / ``國家安全研究所`` / ``焦點類別：…``
    After: title ``美中在第三輪關稅談判的意圖``, authors ``沈明室``, institute ``國家安全研究所``.
    Before: ``劉翎端`` / ``國防戰略與資源研究所`` / ``# 美烏礦產協議簽署之展望`` / ``焦點類別：…``
    After: title ``美烏礦產協議簽署之展望``, authors ``劉翎端``, institute ``國防戰略與資源研究所``.
    None when the header is in the seeds' order (title, authors, institute).
    """
    if not is_person_names(header[0].text):
        return None
    if _MARKDOWN_HEADING.match(header[1].text):
        return [header[1]], header[0], header[2]
    if _MARKDOWN_HEADING.match(header[2].text):
        return [header[2]], header[0], header[1]
    return None


def split_articles(lines: list[Line]) -> SplitSource:
    """Cut a source's lines into front matter and articles."""
    headers = _category_headers(lines)
    markdown = not headers
    if markdown:
        headers = _markdown_headers(lines) or _plain_header(lines)
    if not headers:
        return SplitSource(front=[], articles=[ArticleLines(body=list(lines))])

    articles = []
    for number, (start, last) in enumerate(headers):
        end = headers[number + 1][0] if number + 1 < len(headers) else len(lines)
        header = lines[start : last + 1]
        if markdown:
            # the title's lines (one, or two where it wraps), the authors, the institute
            printed = [line for line in header if not line.gap]
            title = [functools.reduce(join_text, (_unheading(line.text) for line in printed[:-2]))]
            article = ArticleLines(
                body=lines[last + 1 : end],
                title_lines=title,
                authors_line=printed[-2].text,
                institute_line=printed[-1].text,
            )
        else:
            title, authors, institute = header[:-3], header[-3], header[-2]
            if len(header) == 4 and not _MARKDOWN_HEADING.match(header[0].text):
                title, authors, institute = byline_before_title(header) or (
                    title, authors, institute)
            authors_text, institute_text = _unheading(authors.text), _unheading(institute.text)
            byline = joined_byline(header[-2].text)
            if len(header) == 3 and byline:
                title, (authors_text, institute_text) = header[:1], byline
            article = ArticleLines(
                body=lines[last + 1 : end],
                title_lines=[_unheading(line.text) for line in title],
                authors_line=authors_text,
                institute_line=institute_text,
                categories_line=CATEGORY_LINE.match(_unheading(header[-1].text)).group(1),
            )
        article.header_lines = list(header)
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
