"""From raw extracted text to a list of :class:`Line` with what the layout tells.

Two things are read off the raw text before anything is removed:

* **page starts.** pdftotext starts each page with a line that begins with a space;
  other extractors put a form feed (``\\f``) between pages, or leave two or more
  blank lines where the page broke.  Where the text has form feeds, they alone start
  pages: a leading space is then an indent (``pdftotext -layout``, a centred title).
* **gaps.** A line that holds only spaces is a vertical gap in the page (pdftotext
  puts one above a page-bottom footnote block).

Empty lines themselves carry no meaning: pdftotext-like output has one after every
line, and PDF-to-Markdown output one between paragraphs.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .chars import CJK
from .report import Report

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
    #: one-line-per-paragraph text: how much shorter than a full line the paragraph's first
    #: and last printed lines are (:func:`remove_joined_wrap_spaces`); None for a line that
    #: holds Latin letters, whose width is only an estimate
    wrap_edges: tuple[int | None, int | None] | None = None
    #: the text as the extractor printed it, before any fix changed it ("" where the same):
    #: ``pdftotext -layout`` sets a table's cells apart by runs of spaces that
    #: :func:`~zhiku.clean.chars.remove_cjk_spaces` may take out (:func:`rebuild_layout_table`)
    printed: str = ""

    def __repr__(self) -> str:
        flags = ("P" if self.page_start else "") + ("G" if self.gap else "") + (
            "s" if self.trailing_space else "")
        return f"<{self.no}{flags}:{self.text[:20]}>"


def following_text(lines: list[Line], index: int) -> str:
    """The text of the first line after ``lines[index]`` that is not a gap ("" at the end)."""
    return next((lines[j].text for j in range(index + 1, len(lines)) if not lines[j].gap), "")


def split_lines(text: str) -> list[Line]:
    """Cut raw text into :class:`Line` records, noting page starts and gaps.

    Before (pdftotext): ``"結論。 \\n\\n 貳、過程 \\n"``
    After: ``[<1s:結論。>, <3Ps:貳、過程>]``

    Before (``pdftotext -layout``): ``"結論。\\n\\f     貳、過程\\n     一、目的\\n"``
    After: ``[<1P:結論。>, <2P:貳、過程>, <3:一、目的>]`` (the form feed starts the page;
    the indent of the next line does not)

    Before (PDFium): ``"…defense-boost-us"`` + U+FFFE + ``"rare-earth-magnet-supply-2025-07-10/."``
    After: ``[<1:…defense-boost-us->, <1:rare-earth-magnet-supply-2025-07-10/.>]``: the
    hyphen and the line break it marks come back, both lines numbered as the raw line
    (:data:`MARKED_HYPHEN`).
    """
    lines: list[Line] = []
    blank_run = 0
    next_is_page_start = True
    form_feeds = "\f" in text
    raws = text.split("\n")
    # a line opening with a space starts a page only in text that puts a blank line after
    # every line (the seeds' pdftotext); pypdf opens each footnote's text with a space
    spaced = _double_spaced(raws)
    for number, raw in enumerate(raws, start=1):
        *broken, raw = raw.split(MARKED_HYPHEN)  # PDFium: printed lines it joined
        for piece in broken:
            lines.append(_make_line(number, piece + "-", next_is_page_start))
            next_is_page_start = False
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
        page_start = next_is_page_start or (
            not form_feeds and ((spaced and raw[0] in " \t") or blank_run >= 3))
        lines.append(_make_line(number, raw, page_start))
        blank_run = 0
        next_is_page_start = False
    return lines


#: PDFium (pypdfium2) joins a printed line that ends in a hyphen to the next and writes this
#: noncharacter where the hyphen was
MARKED_HYPHEN = "\ufffe"


def _double_spaced(raws: list[str]) -> bool:
    """Is a blank line after most lines of text?  ``"結論。 \\n\\n 貳、過程 \\n"`` → True."""
    text_lines = sum(1 for raw in raws if raw.strip())
    followed = sum(1 for raw, after in pairwise(raws) if raw.strip() and after == "")
    return text_lines > 0 and followed >= 0.5 * text_lines


def _make_line(number: int, raw: str, page_start: bool) -> Line:
    stripped = raw.strip()
    return Line(
        no=number,
        text=stripped,
        page_start=page_start,
        trailing_space=raw != raw.rstrip(),
        indent=len(raw) - len(raw.lstrip()),
    )


@functools.lru_cache(maxsize=1 << 14)  # asked for each line several times
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


@functools.lru_cache(maxsize=1 << 14)
def printed_width(text: str) -> int:
    """Width as printed in a proportional font, in the units of :func:`display_width`
    (a CJK character is 2): a space is about 0.5, a digit or lower-case letter 1.1, an
    upper-case letter 1.4, ASCII punctuation 0.7. Measures how full a wrapped line is.

    ``在今年 5 月 10 日美中達成暫緩 90 天的共識，原定於 8 月 12 日到期，但在三`` → 68 (an
    indented first line, 4 short of a full line of 72), where :func:`display_width` says 72.

    A curly quote touching an ideograph is full width, as the CJK font sets it
    (:func:`display_width` counts it 1): ``…雙邊會談亦重申“韓美`` → 68, not 67 (a line
    ended where ``日”`` did not fit); ``“Fact Sheet”`` keeps narrow quotes. So is a dash
    or an ellipsis: ``…島國的立場——不選邊站，和各方交好。 1 中國駐斐濟大使館 3 日表示：`` → 90,
    a full justified line (88 when the dashes counted 1, and its paragraph ended there).
    """
    latin = text.encode("ascii", "ignore")
    # curly quotes, dashes, ellipses next to an ideograph are set in the CJK font, full width
    quotes = len(_CJK_CURLY_QUOTE.findall(text)) if _CURLY_QUOTE.search(text) else 0
    if not latin:
        return display_width(text) + quotes
    # in twentieths, so that the sum is exact (1.1 + 1.4 is 2.5); halves round up
    wide = display_width(text) - len(latin) + quotes  # the non-ASCII characters
    return (20 * wide + sum(map(_PRINTED_20THS.__getitem__, latin)) + 10) // 20


_CURLY_QUOTE = re.compile("[“”‘’—…]")
#: a curly quote, dash or ellipsis touching an ideograph: ``重申“韓美`` / ``日”三邊``,
#: ``立場——不選邊站`` (not ``“Fact Sheet”``)
_CJK_CURLY_QUOTE = re.compile("(?<=[\u3400-\u9fff])[“”‘’—…]|[“”‘’—…](?=[\u3400-\u9fff])")


_PRINTED = {" ": 0.5, **dict.fromkeys("0123456789", 1.1),
            **dict.fromkeys("abcdeghknopqsuvxyz", 1.15), **dict.fromkeys("fijlrt", 0.75),
            **dict.fromkeys("ABCDEFGHKLNOPQRSTUVXYZ", 1.4), **dict.fromkeys("IJ", 0.8),
            **dict.fromkeys("MW", 1.9), "m": 1.7, "w": 1.6,
            **dict.fromkeys(".,:;'!|", 0.65), **dict.fromkeys("-/()[]\"", 0.75),
            "%": 1.85, "&": 1.55}
#: ``_PRINTED`` by ASCII code, in twentieths of a column (other ASCII characters: 1 column).
_PRINTED_20THS = [round(20 * _PRINTED.get(chr(code), 1)) for code in range(128)]


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

    Before: pymupdf4llm's ``## **壹、前言** `` / ``經過數個月波折談判，…（180 characters）… `` /
    ``> 1 “Fact Sheet: …`` (headings, footnotes and page numbers are short lines)
    After: not hard-wrapped: three quarters of its lines are wider than a printed line.
    """
    content = [line for line in lines if not line.gap]
    widths = [len(line.text) for line in content if len(line.text) >= 8]
    if len(widths) >= 5:
        # a printed line is at most about 130 columns wide (display width), a paragraph on
        # one line far wider; pymupdf4llm ends every line with a space, so spaces say
        # nothing there. Its headings, page numbers and running headers are short lines.
        printed = sorted(display_width(line.text) for line in content if len(line.text) >= 8)
        wide = sum(width > 200 for width in printed)
        # double-spaced print (a4-double-headnum) puts fewer lines on a page, so more of a
        # paragraph's lines are a page's rest, and its footnotes are many short quotes: a few
        # paragraphs wider than any printed line still say it (at most one in the matrix's
        # 1168 hard-wrapped texts)
        if wide >= 0.15 * len(printed) or wide >= max(3, 0.05 * len(printed)):
            return False
        if ends_sentences(content):
            return False
        if statistics.median(widths) <= 60:
            return True
        # Latin-heavy lines are longer in characters
        return printed[int(len(printed) * 0.75)] <= 130
    # a short snippet: pdftotext ends paragraph-final lines with a space
    ends_with_space = sum(line.trailing_space for line in content)
    return bool(content) and ends_with_space >= max(1, 0.2 * len(content))


#: a line that ends a sentence, with the footnote marker after it if any
_SENTENCE_END_AT_LINE_END = re.compile(r"[。！？」』）)]\s*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$")
#: a footnote's first line (plain, a block quote or a list item), which ends a sentence
#: in any text: ``> 1 〈李強出席…〉``, ``- 4 〈雅魯藏布江…〉``, ``19 〈대북 확성기 방송 중지〉``
_NOTE_OPENING = re.compile(r"^(?:[>\-*]\s*)?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s|^>")
#: the share of long body lines that end a sentence from which the lines are paragraphs:
#: in the matrix's hard-wrapped texts (all extractors, layouts and seeds) it is at most
#: 0.36, in pymupdf4llm's narrowest (001-08 in two columns) 0.52
MIN_SENTENCE_END_SHARE = 0.45
#: long body lines needed to count them (fewer say nothing: a snippet of three lines)
MIN_SENTENCE_END_LINES = 10


def ends_sentences(content: Sequence[Line]) -> bool:
    """True when most long body lines end a sentence: each line is a paragraph, however short.

    In hard-wrapped text only a paragraph's last line ends its sentence. pymupdf4llm writes a
    paragraph on one line, and in two narrow columns a page or a column cuts many of them,
    so its lines can be as short as a single column's printed lines.
    Before (pymupdf4llm, 001-08 in two columns; half its long lines are under 60 characters):
    ``根據 2020 年的估計，…本文旨在分析中國興建此水電站之相關安全 意涵以及未來的可能趨勢發展。``
    After: not hard-wrapped, since 22 of its 42 body lines of 20 characters or more end a
    sentence. Footnotes' first lines are not counted: a one-line footnote ends its sentence
    in any text.
    """
    long_lines = [text for text in (line.text.strip() for line in content)
                  if len(text) >= 20 and not _NOTE_OPENING.match(text)]
    if len(long_lines) < MIN_SENTENCE_END_LINES:
        return False
    ending = sum(bool(_SENTENCE_END_AT_LINE_END.search(text)) for text in long_lines)
    return ending >= MIN_SENTENCE_END_SHARE * len(long_lines)


def superscript_number(text: str) -> int | None:
    """``"¹²"`` → 12; None when ``text`` has other characters."""
    if not text or any(c not in _SUPERSCRIPT_DIGITS for c in text):
        return None
    return int("".join(str(_SUPERSCRIPT_DIGITS.index(c)) for c in text))


SUPERSCRIPT_RUN = re.compile(f"[{_SUPERSCRIPT_DIGITS}]+")


@dataclass(frozen=True)
class Wrap:
    """How a hard-wrapped source shows where a paragraph ends (:func:`measure_wrap`)."""

    marks_ends: bool = True  # the extractor ends each paragraph's last line with a space
    full: int = 0  # display width of a full body line
    slack: int = 0  # how much shorter than ``full`` a line inside a paragraph may be
    indented: bool = False  # leading spaces open a paragraph (``pdftotext -layout``)
    first_indent: int = 0  # how much shorter a paragraph's first line is (its indent)
    #: the extractor keeps the space where a Latin line wrapped (PyMuPDF, pypdf, pdfminer,
    #: PDFium: ``…Kim Jong-un's reign, the `` / ``Korean Peninsula…``)
    latin_wrap_spaces: bool = False


_SENTENCE_ENDS = ("。", "！", "？", "」", "』", "）", ")", "；", "：", "…", "!", "?")
_ENDS_SENTENCE = re.compile(r"[。！？」』）)；：…!?](?:\d{1,3}|\[\^[^\]]+\])?$")
#: a line that stops inside a sentence: ``…北韓內閣在主要經濟政``, ``2022 年``
ENDS_MID_SENTENCE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff，、]$")
_MARKER_AT_END = re.compile(r"(?:\[\^[^\]]+\]|\d{1,3})$")


def measure_wrap(lines: list[Line]) -> Wrap:
    """Read off the text how its extractor and its layout end paragraphs.

    * pdftotext of a Word PDF ends every paragraph's last line with a space: ``marks_ends``.
      Other extractors (pdftotext of a LibreOffice PDF, PyMuPDF, pdfminer) leave no mark:
      a paragraph then ends where a sentence ends on a line shorter than a full line.
    * ``full``: the most common width of a line that stops mid-sentence (a full line);
      footnote lines in a smaller font are wider, headings and last lines narrower.
    * ``slack``: how much shorter lines that go on to the next line are: about 0 for
      justified text, a few columns for ragged-right text.
    * ``indented``: ``pdftotext -layout`` keeps the first-line indent of each paragraph.
    * ``first_indent``: other extractors drop the indent, but the first line is then
      short by it: the most common shortfall of a line after a paragraph's end, taken
      from the openings whose width is exact where two or more are (:func:`_exact_opening`).
    """
    content = [line for line in lines if not line.gap and line.text]
    measured = _glue_marker_pieces(content)
    sentence_ends = [line for line in content if line.text.endswith(_SENTENCE_ENDS)
                     or _MARKER_AT_END.search(line.text) and len(line.text) > 8]
    spaced = sum(line.trailing_space for line in sentence_ends)
    marks_ends = not sentence_ends or spaced >= 0.3 * len(sentence_ends)
    pairs = []  # (width of the line before, width) of lines that stop mid-sentence
    for previous, line in pairwise(measured):
        if len(line.text) >= 8 and ENDS_MID_SENTENCE.search(line.text) \
                and ENDS_MID_SENTENCE.search(previous.text):
            pairs.append((printed_width(previous.text), printed_width(line.text)))
    if not pairs:
        return Wrap(marks_ends)
    full = statistics.mode(width for _, width in pairs)
    # a line after a full line is not a paragraph's first (indented) line
    deficits = sorted(full - width for before, width in pairs
                      if before >= full - 2 and -2 <= full - width <= 10)
    slack = deficits[int(len(deficits) * 0.9)] if deficits else 0
    slack = max(slack, 1)
    indents = [line.indent for line in content if 2 <= line.indent <= 12 and len(line.text) >= 10]
    indented = len(indents) >= max(3, 0.05 * len(content))
    openings = []  # shortfall of lines that follow a short line (a paragraph's or a
    # heading's end) and go on
    exact = []  # those of them whose width is exact (:func:`_exact_opening`)
    for previous, line, following in zip(content, content[1:], content[2:]):
        if full - printed_width(previous.text) > slack + 4 and \
                ENDS_MID_SENTENCE.search(line.text) and len(following.text) >= 8 \
                and _opens_paragraph(previous, line):
            shortfall = full - printed_width(line.text)
            if 0 <= shortfall <= 0.15 * full:
                openings.append(shortfall)
                if _exact_opening(previous, line):
                    exact.append(shortfall)
    if len(exact) >= 2:
        first_indent = statistics.median_low(exact)
    else:
        first_indent = statistics.median(openings) if len(openings) >= 3 else 0
    return Wrap(marks_ends, full, slack, indented, int(first_indent),
                keeps_latin_wrap_spaces(content, full))


#: a line that wraps inside Latin text: a word (or its comma) ends it, a word opens the next
_ENDS_IN_A_LATIN_WORD = re.compile(r"[A-Za-z0-9,;]$")
_OPENS_WITH_A_LATIN_WORD = re.compile(r"^[A-Za-z]")
MIN_LATIN_WRAPS = 5


def keeps_latin_wrap_spaces(content: list[Line], full: int) -> bool:
    """Does the extractor keep the space at which a Latin line wrapped? Then nearly every
    line about as wide as a full line (``full``) that a Latin word ends and a Latin word
    continues (at least :data:`MIN_LATIN_WRAPS` of them) ends with a space: PyMuPDF, pypdf,
    pdfminer and PDFium write ``…Kim Jong-un's reign, the `` / ``Korean Peninsula has…``;
    pdftotext and pdfplumber write ``…reign, the`` (False). A centred title's lines are
    shorter: ``The influence and Prospects of the 10th cycle of`` has no space."""
    wraps = [line for line, following in pairwise(content)
             if _ENDS_IN_A_LATIN_WORD.search(line.text)
             and _OPENS_WITH_A_LATIN_WORD.match(following.text)
             and printed_width(line.text) >= 0.8 * full]
    return len(wraps) >= MIN_LATIN_WRAPS and \
        sum(line.trailing_space for line in wraps) >= 0.75 * len(wraps)


def _glue_marker_pieces(content: list[Line]) -> list[Line]:
    """The printed lines, for measuring: PyMuPDF reads a superscript marker as a new line,
    so one printed line comes as two pieces, neither of them as wide as the line. Each
    piece that opens at a marker and goes on with text is measured with the piece before
    it (same page).

    Before: ``…防災合作」。`` / ``13中國強調該工程`` (two short pieces, and the line after
    them measured against a piece) → fewer full-line pairs, a ragged-right slack of 4
    instead of 2 (PyMuPDF, 12pt-header).
    After: ``…防災合作」。13中國強調該工程`` measured as one full line.
    """
    measured: list[Line] = []
    for line in content:
        if (measured and not line.page_start and _MARKER_PIECE.match(line.text)
                and not line.text.isdigit()):
            previous = measured[-1]
            measured[-1] = dataclasses.replace(previous, text=previous.text + line.text)
            continue
        measured.append(line)
    return measured


#: a Latin word that opens a line (after opening brackets): it wrapped as one piece
_OPENING_LATIN = re.compile(r"^[（(《〈「『“‘\[]*[A-Za-z]")
#: a line PyMuPDF started at a marker: ``12北約強``, ``14，展現``, ``10``
_MARKER_PIECE = re.compile(r"^\d{1,3}(?:$|[^\d\s.,:/%年月日])")


def _opens_paragraph(previous: Line, line: Line) -> bool:
    """``line``, after the short line ``previous``, may be a paragraph's first line (for
    :func:`measure_wrap`'s first-line indent): neither is a piece of a line PyMuPDF broke at
    a marker (``1希利就英國在印`` / ``太地區「作戰準備」…``: the line after such a piece is
    full), ``previous`` does not stop inside Latin text (``…（general`` / ``terms）表態…``),
    and ``line`` does not open with a Latin word that did not fit on ``previous``
    (``…「硬實力」`` / ``（hard power）投資…``).

    Before (PyMuPDF, 12pt with a two-character indent): shortfalls
    0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 2 3 3 4 4 4 5 7 → first-line indent 1.
    After: 0 1 3 4 4 4 5 7 → 4.
    """
    if _MARKER_PIECE.match(previous.text) or _MARKER_PIECE.match(line.text) \
            or _OPENING_LATIN.match(line.text):
        return False
    return not (previous.text[-1:].isascii() and previous.text[-1:].isalpha())


def _exact_opening(previous: Line, line: Line) -> bool:
    """``line``'s shortfall tells :func:`measure_wrap` the first-line indent exactly: it
    holds no ASCII (the printed widths of Latin letters, digits and spaces are estimates, and
    run wider than the estimate in one font, narrower in another), it does not open a page
    (the line after a running header, measured against nothing before it), and ``previous``
    ends a paragraph (a sentence) or is a numbered heading, not a piece of a printed line
    (PyMuPDF: ``是相較其他協定更能順暢開展的關`` / ``鍵，即是此機制…`` — a full line).
    The indent is then the lower median of these shortfalls: a ragged-right first line is
    short by the indent and, at times, by a unit that did not fit.

    Before (pdftotext, letter-14pt-sans, full line 68, indent 4 — 28pt at 14pt): shortfalls
    1 (``2025 年 7 月 10 日，…礦商 MP Materials 簽署一項公私夥``) 10 6 2 0 (a page's first line)
    4 2 2 2 10 (``MP Materials`` in the sans font is wider than estimated) → indent 2, and the
    heading ``一、美國國防部成 MP Materials 最大股東以強化稀土供應鏈自主`` ran into the
    paragraph ``近五年來美國國防部雖屢次以撥款或貸款等方式補助…`` below it.
    After: the exact shortfalls 6 (``近五年來…``) and 4 (``過往中國除了…``) → indent 4.
    """
    if line.page_start or any(char.isascii() for char in line.text):
        return False
    from .paragraphs import heading_level  # paragraphs builds on this module
    return bool(_ENDS_SENTENCE.search(previous.text) or heading_level(previous.text))


_EMPHASIZED_HEADING = re.compile(r"^(#{1,6}\s+)(\*\*|__)(.+?)\2\s*$")
_EMPHASIZED_LINE = re.compile(r"^(\*\*|__)([^*_]{1,80})\1$")


def strip_heading_emphasis(lines: list[Line], report) -> list[Line]:
    """Drop the bold marks PDF-to-Markdown extractors put around a whole heading.

    Before (pymupdf4llm): ``## **壹、前言**`` / ``# **美烏礦產協議簽署之展望**`` / ``**一、前言**``
    After: ``## 壹、前言`` / ``# 美烏礦產協議簽署之展望`` / ``一、前言``
    """
    for line in lines:
        if "**" not in line.text and "__" not in line.text:
            continue
        match = _EMPHASIZED_HEADING.match(line.text)
        fixed = match.group(1) + match.group(3).strip() if match else None
        if fixed is None:
            plain = _EMPHASIZED_LINE.match(line.text)
            fixed = plain.group(2).strip() if plain else None
        if fixed is not None and fixed != line.text:
            report.add("strip_heading_emphasis", line.no, line.text, fixed)
            line.text = fixed
    return lines


# --------------------------------------------------------------------------- joined lines

#: a space between two CJK characters (ideographs or full-width punctuation)
_CJK_SPACE = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")
_JOINED_SLACK = 8  # a joined line may be this much narrower than a full one (4 ideographs)
_JOINED_OVER = 3  # … or this much wider (widths of Latin text are estimates)


def _body_line(line: Line, measuring: bool = True) -> bool:
    """Body text. Measured on lines of 60 characters or more (a paragraph of several printed
    lines); its spaces are removed in every such line, however short (a paragraph of two
    printed lines, one cut by a page: ``…相互瞭解與互動 之重要管道，亦是本次參與智庫研究主要
    目的。``), and in headings, set in about as wide a bold type (``## 一、…應用於軍事科技之深化
    研究：``)."""
    if line.gap or line.text.startswith((">", "|")):
        return False
    return not measuring or (len(line.text) >= 60 and not line.text.startswith("#"))


def _note_line(line: Line, measuring: bool = True) -> bool:
    """A footnote as a quote (pymupdf4llm: ``> 1 …``): set in a smaller font."""
    return not line.gap and line.text.startswith(">") and (not measuring or len(line.text) >= 60)


def joined_line_kinds() -> tuple:
    """The kinds of line measured apart (body text, footnotes): their fonts differ."""
    return (_body_line, _note_line)


def _joined_segments(text: str) -> list[int]:
    """Printed widths of the pieces of ``text`` between spaces that stand between two CJK
    characters (without the ``> `` or ``## `` that marks a quote or a heading)."""
    text = text[_unprinted(text):]
    widths, last = [], 0
    for match in _CJK_SPACE.finditer(text):
        widths.append(printed_width(text[last : match.start()]))
        last = match.end()
    return widths


def measure_joined_wrap(lines: list[Line], kind=_body_line) -> int:
    """The printed width of a line, in text whose extractor put each paragraph on one line
    and left a space where every printed line ended (pymupdf4llm); 0 when it did not.

    Before: ``…主要是依據文本的立場 宣示，然後依據談判議題分成小組來討論。1基本上美國財政部長貝森特
    及中國國務院 副總理何立峰…`` (the pieces between spaces inside CJK text are 74 wide, a
    full 12 pt line, again and again)
    After: 74. Text whose spaces inside CJK text fall anywhere (an author's spaces in quoted
    headlines, PDF-to-Markdown text that joined lines without a space) gives 0.
    """
    counts = Counter(width for line in lines if kind(line) and " " in line.text
                     for width in _joined_segments(line.text))
    if not counts:
        return 0
    mode = max(counts, key=lambda width: (counts[width], width))
    near = sum(n for width, n in counts.items() if mode - _JOINED_SLACK <= width <= mode + _JOINED_OVER)
    if mode < 30 or near < 8 or near < 0.5 * sum(counts.values()):
        return 0
    return mode


def measure_notes_wrap(lines: list[Line], body: int) -> int:
    """The printed width of a footnote line, in the smaller font of footnotes, when there
    are too few footnotes for :func:`measure_joined_wrap` (a short article): the pieces
    between spaces inside CJK text that are wider than a body line (``body``) and at most
    half as wide again, in quoted footnotes and in footnotes pymupdf4llm wrote as plain
    paragraphs or list items (``8 除此之外，…針對北韓的挑釁行為或實 施警告射擊之前``). Two
    or more of them, within a few columns of each other and most of such pieces, give the
    width; 0 otherwise.

    Before (003-04, 12pt, body 74): pieces 90 90 93 (the widest of them: lines fall short
    of a full line where the next word did not fit, but hardly ever overrun it)
    After: 93.
    """
    counts = Counter(width for line in lines
                     if not line.gap and not line.text.startswith(("#", "|")) and " " in line.text
                     for width in _joined_segments(line.text)
                     if body + _JOINED_OVER < width <= 1.5 * body)
    if not counts:
        return 0
    mode = max(counts, key=lambda width: (counts[width], width))
    near = [width for width, n in counts.items() for _ in range(n)
            if mode - 4 <= width <= mode + _JOINED_OVER]
    if len(near) < 2 or len(near) < 0.5 * sum(counts.values()):
        return 0
    # a line falls short of the full width (the next word did not fit), hardly ever over
    return max(near)


def measure_joined_widths(lines: list[Line]) -> tuple[int, int]:
    """The printed widths of a body line and of a footnote line, in text whose extractor put
    each paragraph on one line (:func:`measure_joined_wrap`; for footnotes too few to
    measure so, :func:`measure_notes_wrap`); 0 for a width not found."""
    body = measure_joined_wrap(lines, _body_line)
    notes = measure_joined_wrap(lines, _note_line)
    if body and not notes:
        notes = measure_notes_wrap(lines, body)
    return body, notes


def _lines_filled(width: int, full: int) -> int:
    """How many printed lines (1–3) a piece ``width`` wide fills; 0 when it ends mid-line."""
    return next((lines for lines in (1, 2, 3)
                 if lines * (full - _JOINED_SLACK) <= width <= lines * full + _JOINED_OVER), 0)


def _joined_line_ends(text: str, full: int, between_cjk: set[int]) -> list[int]:
    """The spaces where the printed lines of ``text`` most likely ended: the chain of
    spaces, each one to three printed lines after the last, with the most lines of one
    line each, spaces between CJK characters preferred (an extractor leaves one at every
    line end; an author rarely types one).

    A paragraph's last, short line may end inside ``text`` (pymupdf4llm joined two
    paragraphs: ``…雙邊關係得以迅速獲得恢復。 2018 年開始，北韓雖試圖…``): after a piece
    that ends a sentence the chain goes on, that space is no line end to remove. The end
    of a paragraph that stops mid-sentence (it goes on on the next page) counts as a line
    end when a full line ends there:
    ``…利用 Apache Log4j 等 非同步日誌軟體，…進一步部署 Web Shell 並取得敏感`` ends its
    first line (90 wide) at ``等 非``, not at ``Log4j 等``."""
    spaces = [index for index, char in enumerate(text) if char == " "]
    # a paragraph that does not end here goes on on the next page: its last line is full
    ends = spaces if _ENDS_SENTENCE.search(text) else [*spaces, len(text)]
    starts = [0] + [space + 1 for space in spaces]
    # (score, previous, whether the space ends a printed line inside a paragraph)
    best: list[tuple[int, int, bool]] = [(0, -1, False)] + [(-1, -1, False)] * len(ends)
    for j, space in enumerate(ends, start=1):
        for i in range(j):
            if best[i][0] < 0 or starts[i] > space:
                continue
            piece = text[starts[i] : space]
            filled = _lines_filled(printed_width(piece), full)
            if filled:
                score = best[i][0] + 12 - 4 * filled + (2 if space in between_cjk else 0)
                if score > best[j][0]:
                    best[j] = (score, i, space < len(text))
            elif _ENDS_SENTENCE.search(piece) and best[i][0] > best[j][0]:
                best[j] = (best[i][0], i, False)  # a paragraph's last line: no gain
    end = max(range(len(best)), key=lambda j: (best[j][0], j))
    chain = []
    while end > 0:
        if best[end][2]:
            chain.append(ends[end - 1])
        end = best[end][1]
    return chain


def remove_joined_wrap_spaces(lines: list[Line], full: int, report: Report,
                              kind=_body_line, notes: int = 0,
                              indent: int | None = None) -> list[Line]:
    """Remove the space an extractor left where it joined two printed lines between CJK
    characters (:func:`measure_joined_wrap` found the line width ``full``).

    Before (``full`` 74): ``…主要是依據文本的立場 宣示，然後依據談判議題分成小組來討論。``
    After: ``…主要是依據文本的立場宣示，然後依據談判議題分成小組來討論。``
    The line ends are the chain of spaces one to three printed lines apart
    (:func:`_joined_line_ends`); a line may end at a space in Latin text (``for a New Era``),
    which is kept. Other spaces (``差距懸殊 透露訊息曝``, ``15 人``) stay.

    A line whose spaces between CJK characters end more lines of the footnotes' width
    ``notes`` than lines ``full`` wide is measured with ``notes``: a footnote pymupdf4llm
    wrote as a plain paragraph or a list item.
    Before (001-04, 12pt, notes 96): ``8 除此之外，…也會針對北韓的挑釁行為或實 施警告射擊之前``
    After: ``8 除此之外，…也會針對北韓的挑釁行為或實施警告射擊之前``
    Before (001-02, a5-11pt, full 60, notes 79; two of the eight such spaces end a line 60
    wide, all eight a line 79 wide): ``5 《2025 國家安全戰略》…都未特別定義。以「現實主 義」為例，
    …但未對 所使用「現實主義」…``
    After: ``…以「現實主義」為例，…但未對所使用「現實主義」…``

    Body text is split where two paragraphs share a line (:func:`split_joined_paragraphs`),
    with the first-line ``indent`` (:func:`measure_joined_indent` when not given).
    """
    if kind is not _body_line:
        indent = 0
    elif indent is None:
        indent = measure_joined_indent(lines, full)
    result: list[Line] = []
    for line in lines:
        if not kind(line, measuring=False) or " " not in line.text:
            result.append(line)
            continue
        pieces = split_joined_paragraphs(line, full, indent, report) \
            if kind is _body_line and kind(line) else [line]
        for piece in pieces:
            text = piece.text
            start = _unprinted(text)  # ``## ``, ``> ``
            chain = [start + space for space in _wrap_chain(text[start:], full)]
            if len(pieces) > 1:
                _note_wrap_edges(piece, chain, full)
            between_cjk = {match.start() for match in _CJK_SPACE.finditer(text)}
            ends = [space for space in chain if space in between_cjk]
            if notes and not text.startswith("#") and (
                    len(ends) < len(between_cjk) or _opens_like_note(text)):
                # a footnote set as a plain paragraph: its lines are the footnotes' width
                # (measured only where that could explain more spaces, or as many)
                note_ends = [start + space for space in _wrap_chain(text[start:], notes)
                             if start + space in between_cjk]
                if len(note_ends) > len(ends) or (
                        note_ends and len(note_ends) == len(ends) and _opens_like_note(text)):
                    ends = note_ends
            for space in sorted(ends, reverse=True):
                report.add("remove_joined_wrap_spaces", piece.no,
                           text[max(0, space - 4) : space + 5],
                           text[max(0, space - 4) : space] + text[space + 1 : space + 5])
                text = text[:space] + text[space + 1 :]
            if text != piece.text:  # (a table's cells, set apart by spaces, read as printed)
                piece.printed = piece.printed or piece.text
            piece.text = text
        result.extend(pieces)
    return result


#: a hyphen that ended a printed line, a joining space, a capitalised word: ``E- Tangata``
_KEPT_HYPHEN_JOIN = re.compile(r"(?<=[A-Za-z])- (?=[A-Z][a-z]|\d)")


def close_kept_hyphen_joins(lines: list[Line], report: Report) -> list[Line]:
    """Remove the space an extractor put after a hyphen that ended a printed line, where it
    joined the line to the next with a space and kept the hyphen.

    pymupdf4llm drops a line-end hyphen before a word in lower case (``mp-`` / ``materials``
    → ``mpmaterials``) but keeps it before a capitalised word, and joins with a space:
    Before (001-06, a5-11pt): ``“Towards a Genuine ‘Ocean of Peace’,” E- Tangata, April 20``
    After: ``… E-Tangata, April 20``; so before a number (003-07, a4-double-headnum:
    ``A- 50EHI`` → ``A-50EHI``).  A suspended hyphen is followed by a word in lower
    case (``pre- and post-war``) and stays; text that keeps its printed lines is not read
    here (a space after a hyphen there is the author's)."""
    for line in lines:
        if "- " in line.text and _KEPT_HYPHEN_JOIN.search(line.text):
            fixed = _KEPT_HYPHEN_JOIN.sub("-", line.text)
            for match in _KEPT_HYPHEN_JOIN.finditer(line.text):
                report.add("close_kept_hyphen_joins", line.no,
                           line.text[max(0, match.start() - 6) : match.end() + 6],
                           line.text[max(0, match.start() - 6) : match.start()] + "-"
                           + line.text[match.end() : match.end() + 6])
            line.text = fixed
    return lines


#: how a footnote pymupdf4llm set as a plain paragraph or a list item opens: its number
#: and a space (``4 윤상길、…``, ``- 3 〈黨媒…〉``), not a count or a date (``15 日``)
_NOTE_OPENING = re.compile(r"^(?:[-*]\s+)?\d{1,3}\s+(?![年月日時點分週歲個人名位項次條頁號期架艘枚萬億倍天%％])\S")


def _opens_like_note(text: str) -> bool:
    """A plain paragraph that opens as a footnote does: when its spaces between CJK
    characters end as many lines of the footnotes' width as of the body's, the footnotes'
    width wins.

    Before (003-03, letter-14pt-sans, body 68, notes 86): ``- 3 〈黨媒把遏制「港獨」納入…
    〉，…，https://reurl.cc/7KWZm9；〈以習近平總書記總體國家安全觀為指引 譜寫國家安全新篇 章〉，
    《求是網》，2017 年 4 月 15`` (one space ends a line 68 wide, ``指引 譜寫``, the author's;
    one a line 86 wide, ``新篇 章``, where the footnote's second line ended)
    After: ``…為指引 譜寫國家安全新篇章〉，…``
    """
    return bool(_NOTE_OPENING.match(text))


@functools.lru_cache(maxsize=4096)  # asked for each body line when measuring and when removing
def _wrap_chain(text: str, full: int) -> tuple[int, ...]:
    """The spaces where ``text``'s printed lines ended, in order (:func:`_joined_line_ends`)."""
    between_cjk = {match.start() for match in _CJK_SPACE.finditer(text)}
    return tuple(sorted(_joined_line_ends(text, full, between_cjk)))


#: what marks a heading or a quote (a footnote), not printed: ``## ``, ``> ``
_UNPRINTED_MARK = re.compile(r"^(?:#{1,6}|>)\s+")


def _unprinted(text: str) -> int:
    """Where the printed text of a line starts: after ``## `` or ``> ``."""
    mark = _UNPRINTED_MARK.match(text)
    return mark.end() if mark else 0


def _note_wrap_edges(line: Line, chain: Sequence[int], full: int) -> None:
    if not chain:
        return

    def shortfall(piece: str) -> int | None:
        width = printed_width(piece)
        if LATIN_LETTER.search(piece) or width > full + _JOINED_OVER:
            return None
        return full - width

    line.wrap_edges = (shortfall(line.text[: chain[0]]), shortfall(line.text[chain[-1] + 1 :]))


def split_joined_paragraphs(line: Line, full: int, indent: int, report: Report) -> list[Line]:
    """Two paragraphs an extractor set on one line (pymupdf4llm, where the layout leaves no
    space between paragraphs): a printed line that ends a sentence with room left for what
    opens the next, and a next line short by the paragraphs' first-line indent
    (:func:`measure_joined_indent`), which is not the paragraph's last.

    Before (compilation, full line 90, indent 4): ``…被 問及「是否曾訪問中國」時，答稱「到過台灣
    但未曾訪中」，顯然刻意提及渠之「台灣經驗」。9 現階段欲問鼎自民黨總裁之日本政治人物當中，
    少見有被歸類為「友中派」者。而從上述幾位日本 政治人物對台態度…`` (the line ending ``。9``
    85 wide, the next 86)
    After: a paragraph ending ``…「台灣經驗」。9`` and one opening ``現階段欲問鼎…``.
    Only where both printed lines hold no Latin letters (their widths are then exact):
    ``…「高桅行動」（Operation Highmast）`` / ``在印太區域…`` stays one paragraph.
    Without an indent, a paragraph's short last line may stand inside the text's last
    printed lines (:func:`_last_line_inside`); with one, the last printed line may be a
    paragraph of its own (:func:`_last_paragraph_on_one_line`).
    """
    text = line.text
    chain = _wrap_chain(text, full)
    starts = [0] + [space + 1 for space in chain]
    cuts = []
    for index, space in enumerate(chain[:-1] if indent else []):
        before, after = text[starts[index] : space], text[space + 1 : chain[index + 1]]
        if not _ENDS_SENTENCE.search(before) or not after \
                or LATIN_LETTER.search(before) or LATIN_LETTER.search(after):
            continue  # the widths of Latin text are estimates
        if abs(full - printed_width(after) - indent) > 1:
            continue  # not short by the indent
        room = full - printed_width(before)
        if room >= max(2, opening_unit_width(after)) or _opens_indented(after, text[
                chain[index + 1] + 1 :], full):
            cuts.append(space)
    if indent and chain and _last_paragraph_on_one_line(text[starts[-2] : chain[-1]],
                                                      text[chain[-1] + 1 :], full, indent):
        cuts.append(chain[-1])
    for index, space in enumerate(chain if not indent else []):
        inside = _last_line_inside(text[:space], starts[index], full, whole_lines=True)
        if inside is not None:
            cuts.append(inside)
    tail = _last_line_inside(text, starts[-1], full)
    if tail is not None:
        cuts.append(tail)
    cuts.sort()
    if not cuts:
        return [line]
    pieces, last = [], 0
    for space in cuts + [len(text)]:
        piece = dataclasses.replace(line, text=text[last:space],
                                    page_start=line.page_start and not pieces,
                                    trailing_space=line.trailing_space if space == len(text)
                                    else True, wrap_edges=None)
        pieces.append(piece)
        last = space + 1
    for space in cuts:
        report.add("split_joined_paragraphs", line.no, text[max(0, space - 8) : space + 9],
                   text[max(0, space - 8) : space] + " ¶ " + text[space + 1 : space + 9])
    return pieces


def _opens_indented(line: str, following: str, full: int) -> bool:
    """A printed line short by the first-line indent opens a paragraph even after a full line,
    when nothing else made it short: it ends inside a sentence (so it is no paragraph's last
    line) and what opens the next printed line would have fitted in the room it left, with
    room to spare (``…人民共和國的立`` short by 4 before ``場。``, 4 wide, goes on).

    ``…設置類似性質的廣播頻道。5`` (full) / ``1962 年，朴正熙政府時期，…前者為針對海外``
    (short by 3, indent 4) / ``的多語言國際廣播…``: ``的`` would have fitted, so the line
    is indented and ``1962 年`` opens a paragraph.
    """
    if not following or _ENDS_SENTENCE.search(line) or LATIN_LETTER.search(following[:1]):
        return False
    return opening_unit_width(following) < full - printed_width(line)  # widths are ±1


def _last_paragraph_on_one_line(before: str, after: str, full: int, indent: int) -> bool:
    """The joined line's last printed line is a paragraph of one line, after one that ended
    its paragraph short: ``before`` ends a sentence two ideographs at least short of a full
    line (and of what opens ``after``), and ``after`` fits in a line after the indent.

    Before (pymupdf4llm, 004-01 in b5-facing, full line 72, indent 4): ``…韓國 2022`` ␠
    ``年的國防預算甚至超過日本，顯見東北亞安保情勢正開始進入轉捩點。`` (62) ␠
    ``編按：本文僅代表作者個人觀點，不代表遠景基金會之政策與立場。`` (60)
    After: the editor's note is a paragraph of its own. Only on lines without Latin
    letters, whose widths are exact."""
    if not _ENDS_SENTENCE.search(before) or LATIN_LETTER.search(before) \
            or LATIN_LETTER.search(after) or not after:
        return False
    room = full - printed_width(before)
    return room >= max(4, opening_unit_width(after) + 2) and printed_width(after) <= full - indent


def _last_line_inside(text: str, start: int, full: int, whole_lines: bool = False
                      ) -> int | None:
    """The space that ends a paragraph's short last line inside what follows the last line
    end :func:`_joined_line_ends` found, when that rest is wider than a line: a space after
    a sentence end, the printed line before it far short of a full line (so no line that
    went on), the rest after it one line at most (the next paragraph's first line, which
    goes on in the next source line).

    Before (12pt, ragged right, full line 74): ``…的所有被竊資金活動中佔23.35%。7此趨勢一方面
    反應市場活絡，二方面反映主要服 務商安全機制的改善，迫使攻擊者轉向更容易攻擊的個人用戶。
    北韓國家資助的網路犯罪團體眾多，包含`` / ``Kimsuky、Scarcruft、…`` (the rest after ``主要服``
    93 wide; ``務商…個人用戶。`` 58)
    After: a paragraph ending ``…更容易攻擊的個人用戶。``; ``北韓國家資助的網路犯罪團體眾多，
    包含`` opens the next (and is joined to ``Kimsuky、…``). Only on a line without Latin
    letters before the space.

    Without an indent, so inside a piece between two line ends the chain found, where the
    rest after the space fills whole lines (``whole_lines``: the chain goes on after it).
    Before (pymupdf4llm, 002-01 in 12pt, full line 76): ``…以及深厚的歷史背景，雙邊關係得以
    迅速獲得恢復。 2018 年開始，…但是在`` (117 wide: a line 43 wide, then a full one) ␠ ``親善外交…``
    After: a paragraph ending ``…迅速獲得恢復。``, one opening ``2018 年開始，…``.
    """
    rest = text[start:]
    if printed_width(rest) <= full + _JOINED_OVER:
        return None
    for match in re.finditer(" ", rest):
        before, after = rest[: match.start()], rest[match.end() :]
        if (_ENDS_SENTENCE.search(before) and not LATIN_LETTER.search(before)
                and printed_width(before) < full - _JOINED_SLACK
                and (_lines_filled(printed_width(after), full) if whole_lines
                     else 0 < printed_width(after) <= full + _JOINED_OVER)):
            return start + match.start()
    return None


LATIN_LETTER = re.compile(r"[A-Za-z]")
#: a line that is one URL and nothing else
BARE_URL = re.compile(r"^https?://\S+$")
#: what opens a printed line and cannot be split from it: a character with the
#: punctuation that may not start a line, or a Latin word or number (opening brackets before)
OPENING_UNIT = re.compile(
    r"^[（(《〈「『“‘\[]*(?:[A-Za-z0-9][^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*|.)"
    r"[，。、；：！？」』）)》〉”’]*")


def opening_unit_width(text: str) -> int:
    """The printed width of what opens ``text`` and cannot be split from it (0 for "")."""
    return printed_width(OPENING_UNIT.match(text).group(0)) if text else 0


def measure_joined_indent(lines: list[Line], full: int) -> int:
    """The first-line indent of paragraphs, in text whose extractor put each paragraph on
    one line (each body line is noted how short its paragraph's first and last printed
    lines are, where they hold no Latin letters: ``Line.wrap_edges``): the most common
    shortfall, when at
    least 3 columns and two fifths of them; else 0 (no indent, or none to see).

    Before (pymupdf4llm, 10.5pt-dense, full line 92): first printed lines 88, 88, 88, 92,
    88, 88, 88, 88, 88, 88 wide
    After: 4 (a two-character indent; the line 92 wide is a paragraph's rest at a page top).
    Ragged-right text without indent (12pt): shortfalls 0, 0, 0, 0, 0, 0, 0, 2, 3, 4 → 0.
    """
    for line in lines:
        if _body_line(line, measuring=False) and " " in line.text:
            _note_wrap_edges(line, _wrap_chain(line.text, full), full)
    # (measured on paragraphs of several printed lines, noted on every one)
    shortfalls = [line.wrap_edges[0] for line in lines if line.wrap_edges is not None
                  and _body_line(line)
                  and line.wrap_edges[0] is not None and -2 <= line.wrap_edges[0] <= 0.15 * full]
    if len(shortfalls) < 3:
        return 0
    indent = statistics.mode(shortfalls)
    return indent if indent >= 3 and shortfalls.count(indent) >= 0.4 * len(shortfalls) else 0
