"""From raw extracted text to a list of :class:`Line` with what the layout tells.

Two things are read off the raw text before anything is removed:

* **page starts.** pdftotext starts each page with a line that begins with a space;
  other extractors put a form feed (``\\f``) between pages, or leave two or more
  blank lines where the page broke.
* **gaps.** A line that holds only spaces is a vertical gap in the page (pdftotext
  puts one above a page-bottom footnote block).

Empty lines themselves carry no meaning: pdftotext-like output has one after every
line, and PDF-to-Markdown output one between paragraphs.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass
class Line:
    """One non-empty line of the raw source."""

    no: int  # 1-based line number in the raw source
    text: str  # without leading and trailing white space
    page_start: bool = False  # first line of a page
    gap: bool = False  # a line of only white space: a vertical gap
    trailing_space: bool = False  # the extractor ended the line with a space
    indent: int = 0  # leading spaces

    def __repr__(self) -> str:
        flags = ("P" if self.page_start else "") + ("G" if self.gap else "") + (
            "s" if self.trailing_space else "")
        return f"<{self.no}{flags}:{self.text[:20]}>"


def split_lines(text: str) -> list[Line]:
    """Cut raw text into :class:`Line` records, noting page starts and gaps.

    Before (pdftotext): ``"結論。 \\n\\n 貳、過程 \\n"``
    After: ``[<1s:結論。>, <3Ps:貳、過程>]``
    """
    lines: list[Line] = []
    blank_run = 0
    next_is_page_start = True
    for number, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            before, _, raw = raw.rpartition("\f")
            if before.strip():
                lines.append(_make_line(number, before, next_is_page_start))
            next_is_page_start = True
        if raw == "":
            blank_run += 1
            continue
        if not raw.strip():
            lines.append(Line(number, "", gap=True))
            blank_run = 0
            continue
        page_start = next_is_page_start or raw[0] in " \t" or blank_run >= 3
        lines.append(_make_line(number, raw, page_start))
        blank_run = 0
        next_is_page_start = False
    return lines


def _make_line(number: int, raw: str, page_start: bool) -> Line:
    stripped = raw.strip()
    return Line(
        no=number,
        text=stripped,
        page_start=page_start,
        trailing_space=raw != raw.rstrip(),
        indent=len(raw) - len(raw.lstrip()),
    )


def display_width(text: str) -> int:
    """Width as printed: CJK and full-width characters count 2, others 1.

    ``使用 3Proxy、PLINK 和`` → 24, like the all-CJK line ``至橫向移動和資料竊取。更`` → 24.
    """
    if text.isascii():
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))


class _CharWidths(dict):
    """Character → display width, looked up once per character (``display_width`` runs on
    every line)."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        return width


_WIDTHS = _CharWidths()


def typical_width(lines: list[Line]) -> int:
    """The display width of a full line of body text, for hard-wrapped text."""
    widths = sorted(display_width(line.text) for line in lines if len(line.text) >= 8)
    if not widths:
        return 0
    # the 80th percentile: most body lines are full; headings and last lines are shorter
    return widths[int(len(widths) * 0.8)]


def is_hard_wrapped(lines: list[Line]) -> bool:
    """True when the extractor kept the PDF's line breaks inside paragraphs.

    pdftotext-like text has lines of one column width (about 20–45 CJK characters);
    PDF-to-Markdown text has one long line per paragraph.
    """
    content = [line for line in lines if not line.gap]
    widths = [len(line.text) for line in content if len(line.text) >= 8]
    if len(widths) >= 5 and statistics.median(widths) <= 60:
        return True
    # a short snippet: pdftotext ends paragraph-final lines with a space
    ends_with_space = sum(line.trailing_space for line in content)
    return bool(content) and ends_with_space >= max(1, 0.2 * len(content))


def superscript_number(text: str) -> int | None:
    """``"¹²"`` → 12; None when ``text`` has other characters."""
    if not text or any(c not in _SUPERSCRIPT_DIGITS for c in text):
        return None
    return int("".join(str(_SUPERSCRIPT_DIGITS.index(c)) for c in text))


SUPERSCRIPT_RUN = re.compile(f"[{_SUPERSCRIPT_DIGITS}]+")
