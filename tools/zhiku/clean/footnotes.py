"""Footnotes: lift definitions out of the page flow, turn markers into ``[^n]``.

Extractors leave footnote text where the page ended: pdftotext under a gap line at the
page bottom (``1 倪浩軒，〈中美關稅…〉``), PDF-to-Markdown as a paragraph that starts
with superscript digits (``¹ 丁文翔…``).  The markers in the text are bare digits glued
to the preceding character (``討論。1基本上``) or superscript digits (``會議。¹當前``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from .chars import IDEOGRAPHS
from .furniture import printed_page_number
from .layout import (
    BARE_URL,
    ENDS_MID_SENTENCE,
    LATIN_LETTER,
    SUPERSCRIPT_RUN,
    Line,
    Wrap,
    display_width,
    following_text,
    opening_unit_width,
    printed_width,
    superscript_number,
    typical_width,
)
from .paragraphs import BRACKET_PAIRS, TABLE_CAPTION, heading_level
from .report import Report

_PDFTOTEXT_FOOTNOTE = re.compile(
    r"^(\d{1,3})(?:\s+|(?=[^\d\s.,:/%年月日]))(?![年月日時點分週歲個%])(\S.*)$")
_AUTHOR_NOTE = re.compile(r"^(\*+)\s*(\S.*)$")
_SUPERSCRIPT_FOOTNOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$")
#: pymupdf4llm sets footnotes as block quotes: ``> 1 “Fact Sheet: …`` / ``> 日，https://…``
_QUOTED_FOOTNOTE = re.compile(r"^>\s*(\d{1,3})\s*(\S.*)$")
_QUOTED_LINE = re.compile(r"^>\s*(.*)$")
#: a Markdown footnote definition, as zhiku itself writes them (``[^3]: 〈…〉``)
_MARKDOWN_FOOTNOTE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
_DIGITS_ONLY = re.compile(r"^\d{1,4}$")
_SENTENCE_END = "。！？!?」』）)】〕.;；"


@dataclass
class Footnotes:
    """Footnote definitions of one article, by printed number, in order of appearance."""

    texts: dict[str, list[str]] = field(default_factory=dict)  # number → lines
    lines: dict[str, int] = field(default_factory=dict)  # number → source line

    def add(self, number: str, text: str, line: int) -> None:
        key = number
        while key in self.texts:  # a number printed twice: keep both, never lose text
            key += "-bis"
        self.texts[key] = [text] if text else []
        self.lines[key] = line

    def numbers(self) -> set[int]:
        return {int(key) for key in self.texts if key.isdigit()}


def separate_footnotes(
    lines: list[Line], hard_wrapped: bool, report: Report, full: int = 0
) -> tuple[list[Line], Footnotes]:
    """Take footnote definitions and page numbers out of an article's line flow.

    Before (pdftotext): ``成小組來討論。1基本上…`` / ``␠`` / ``1 倪浩軒，〈…〉，《今日新聞》，``
    / ``https://tw.news.yahoo.com/….html。`` / `` 述，相對於日內瓦…``
    After: body ``成小組來討論。1基本上…``, ``述，相對於日內瓦…``; footnote 1 =
    ``倪浩軒，〈…〉，《今日新聞》，`` + ``https://tw.news.yahoo.com/….html。``
    ``full``: the printed width of a full body line (:attr:`Wrap.full`), for
    :func:`reclaim_wide_footnote_tails`; 0 when not measured.
    """
    if hard_wrapped:
        return _separate_pdftotext(lines, report, full)
    return _separate_superscript(lines, report)


#: the widest piece of a stretched line that PyMuPDF gives a line (two ideographs, a year)
_PIECE_WIDTH = 4


def _gap_inside_stretched_line(lines: list[Line], index: int) -> bool:
    """A line of only a space between two pieces of one printed line is no vertical gap:
    PyMuPDF gives the pieces of a stretched justified line one a line, and its wide gaps as
    lines of a space (a5-11pt, 001-08: ``2025`` / ``␠`` / ``年`` / ``␠`` / ``7`` / ``␠`` /
    ``月``); it opens no footnote block.
    """
    if index == 0 or index + 1 >= len(lines):
        return False
    before, after = lines[index - 1], lines[index + 1]
    return not before.gap and not after.gap and not after.page_start \
        and printed_width(before.text) <= _PIECE_WIDTH >= printed_width(after.text)


def _date_cut_after_number(line: Line, following: Line | None) -> bool:
    """A lone number whose next line opens with its date's unit is the date's, not a page
    number (nor a footnote number): the pieces of a stretched justified line that PyMuPDF
    gives one a line, after a line holding only a space (a5-11pt, 001-08: ``年`` / ``␠`` /
    ``7`` / ``␠`` / ``月`` / ``␠`` / ``23`` / ``日，https://www.cna.com.tw/…``).
    """
    return following is not None and not following.page_start \
        and _DATE_UNIT_AFTER.match(following.text) is not None and not line.page_start


def restore_stranded_date_number(line: Line, body: list[Line], report: Report) -> bool:
    """A lone number that ends a page after its footer, put back into the one date on its
    page that lacks it: pdftotext writes the pieces of a stretched justified line apart,
    and may write one of them last (001-08 in b5-facing: ``2025`` / ``年`` / ``7`` / ``月``
    / ``日，https://www.cna.com.tw/…。`` … ``-4-`` / ``23``).
    After: ``…月`` / ``23`` / ``日，https://…``, a piece of the line again.

    A day (1–31) goes where a line ends with ``月`` and the next opens with ``日``; a month
    (1–12) where one ends with ``年`` and the next opens with ``月``. Only where the page
    holds exactly one such place. True when the number was put back."""
    number = int(line.text)
    page: list[int] = []  # the page's body lines, latest first
    for position in range(len(body) - 1, -1, -1):
        if not body[position].gap:
            page.append(position)
        if body[position].page_start:
            break
    page.reverse()
    holes = [here for here, after in pairwise(page)
             if (body[here].text.endswith("月") and body[after].text.startswith("日")
                 and 1 <= number <= 31)
             or (body[here].text.endswith("年") and body[after].text.startswith("月")
                 and 1 <= number <= 12)]
    if len(holes) != 1:
        return False
    report.add("restore_stranded_date_numbers", line.no, line.text,
               body[holes[0]].text[-6:] + " " + line.text)
    body.insert(holes[0] + 1, dataclasses.replace(line, page_start=False))
    return True


def _separate_pdftotext(lines: list[Line], report: Report,
                        full: int = 0) -> tuple[list[Line], Footnotes]:
    notes = Footnotes()
    body: list[Line] = []
    in_block = False
    current: str | None = None
    last_number = 0

    def footnote_start(line: Line, relaxed: bool = False) -> tuple[str, str] | None:
        match = _PDFTOTEXT_FOOTNOTE.match(line.text)
        if match and current is not None and continues_cut_url(notes.texts[current], line.text):
            return None
        if match and last_number < int(match.group(1)) <= last_number + 3:
            return match.group(1), match.group(2)
        if match and relaxed:
            return match.group(1), match.group(2)
        match = _AUTHOR_NOTE.match(line.text)
        if match:
            return match.group(1), match.group(2)
        return None

    skip_until = -1
    width = typical_width(lines)
    # no page start after the first line, no page number: nothing ends a page's footnotes
    unpaged = bool(full) and not any(line.page_start for line in lines[1:])
    note_full = _note_width(lines, full) if full else 0  # once: it reads every line
    late_numbers: set[int] = set()  # lines holding a number printed after its text
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if index <= skip_until:
            continue
        if index in late_numbers:
            report.add("recover_late_footnote_numbers", line.no, line.text,
                       f"[^{line.text}]")
            continue
        numbers = _lone_footnote_numbers(lines, index, body, last_number)
        if not numbers and in_block and current == str(last_number):
            late = recover_late_footnote_numbers(lines, index, body, notes, last_number, report)
            if late is not None:
                late_numbers.add(late)
                last_number += 1
                numbers = _lone_footnote_numbers(lines, index, body, last_number)
        if not numbers and unpaged and _indented_note_number(line, following, last_number):
            numbers = [line.text]
        cells = footnote_text_after_table_cells(lines, index, numbers, width)
        if cells is not None:
            start, end = cells
            number = numbers[0]
            if current is not None and not in_block:
                reclaim_footnote_tails(body, current, notes, report, full)
            body.extend(lines[index + 1 : start])  # the table's cells stay where they are
            notes.add(number, lines[start].text, lines[start].no)
            notes.texts[number].extend(x.text for x in lines[start + 1 : end])
            report.add("move_footnotes", line.no,
                       number + " " + lines[start].text[:40] + "…", f"[^{number}]")
            current, last_number = number, int(number)
            in_block = False  # the table's cells go on below the footnote
            skip_until = end - 1
            continue
        if numbers:
            # ``1`` / ``倪浩軒，〈…〉``: numbers the extractor set on lines of their own,
            # then the texts in order (a short footnote's text ends with its sentence)
            position = index + len(numbers)
            if current is not None and not in_block:
                reclaim_footnote_tails(body, current, notes, report, full)
            for count, number in enumerate(numbers, start=1):
                notes.add(number, lines[position].text, lines[position].no)
                report.add("move_footnotes", lines[index + count - 1].no,
                           number + " " + lines[position].text[:40] + "…", f"[^{number}]")
                while count < len(numbers) and not _ENDS_NOTE.search(lines[position].text) \
                        and _is_note_text(lines, position + 1):
                    position += 1
                    notes.texts[number].append(lines[position].text)
                if count < len(numbers):
                    if not _is_note_text(lines, position + 1):
                        break
                    position += 1
            current = list(notes.texts)[-1]
            last_number = int(current) if current.isdigit() else last_number
            in_block = True
            skip_until = position
            continue
        if line.gap and _gap_inside_stretched_line(lines, index):
            body.append(line)
            continue
        if line.gap:
            ahead = [x for x in lines[index + 1 : index + 8] if not x.gap][:4]
            if ahead and not ahead[0].page_start and footnote_start(ahead[0]):
                in_block = True
                if current is not None:
                    reclaim_footnote_tails(body, current, notes, report, full)
            elif current is not None and ahead and _continues_footnote(ahead, footnote_start):
                # the rest of a footnote the page broke, above the next page's footnotes
                in_block = True
            if not in_block:
                body.append(line)
            continue
        if in_block and current == str(last_number) and recover_last_late_number(
                lines, index, body, notes, last_number, report):
            last_number += 1
            current = str(last_number)
            continue
        if _DIGITS_ONLY.match(line.text) and (
            in_block or line.page_start or following is None or following.page_start
        ) and not _date_cut_after_number(line, following):
            if not line.page_start and restore_stranded_date_number(line, body, report):
                in_block = False
                if following is not None:
                    following.page_start = True
                continue
            report.add("remove_page_numbers", line.no, line.text)
            in_block = False
            if following is not None:
                following.page_start = True
            continue
        if in_block and unpaged and current is not None and not footnote_start(line) \
                and body_resumes_after_footnotes(notes.texts[current], line, following, full,
                                                 note_full):
            report.add("body_resumes_after_footnotes", line.no, line.text[:40] + "…",
                       "page start")
            line.page_start = True
        if in_block and not unpaged and current is not None and full and not line.page_start \
                and body_resumes_beside_footnotes(lines, index, notes.texts[current],
                                                  last_number, full, note_full, body):
            report.add("body_resumes_beside_footnotes", line.no, line.text[:40] + "…",
                       "page start")
            line.page_start = True
        if in_block and line.page_start:
            in_block = False
        opens_block = not in_block and not line.page_start and _starts_block_without_gap(
            line, body, last_number)
        if opens_block:
            in_block = True
            if current is not None:
                reclaim_footnote_tails(body, current, notes, report, full)
        if in_block:
            start = footnote_start(line, relaxed=opens_block)
            if start:
                number, text = start
                if number.isdigit():
                    last_number = int(number)
                notes.add(number, text, line.no)
                current = list(notes.texts)[-1]
                report.add("move_footnotes", line.no, line.text[:40] + "…", f"[^{number}]")
            elif current is not None:
                notes.texts[current].append(line.text)
            else:
                body.append(line)
            continue
        if current is not None and footnote_rest_ends_page(
                line, following is None or following.page_start, notes.texts[current]):
            while body and body[-1].gap:  # the gap above the page's footnotes (zhiku)
                body.pop()
            notes.texts[current].append(line.text)
            report.add("reclaim_footnote_tails", line.no, line.text[:40] + "…", f"[^{current}]")
            continue
        body.append(line)
    if current is not None and not in_block:
        # the article's last page: a footnote's rest with no footnote of its own after it
        note = notes.texts[current]
        if note and not _ENDS_NOTE.search(note[-1]):
            reclaim_wide_footnote_tails(body, current, note, full, report)
    return body, notes


def footnote_rest_ends_page(line: Line, page_ends: bool, note: list[str]) -> bool:
    """The rest of the last footnote, printed at the foot of the next page below its body
    text, where nothing marks the footnotes' start: the page's last line cites a URL and
    ends as a footnote ends, and the last footnote stops mid-sentence.

    Before (pypdf, 003-03 in a4-double-headnum): footnote 3 ``…〈以習近平總書記總體國家安全觀
    為指引 譜寫國家安全新篇章〉，《求是`` … body ``…拉攏地區盟伴，構建排他性`` /
    ``網》，2017 年 4 月 15 日，http://www.qstheory.cn/dukan/qs/2017-04/15/c_1120788993.htm。``
    / (page ends) ``『小集團』，執意推進…``
    After: footnote 3 ends ``…《求是網》，2017 年 4 月 15 日，http://…htm。``; the body
    paragraph goes on ``…構建排他性『小集團』，…``. So in pymupdf4llm's text, where the
    line is a plain paragraph before the page number. ``page_ends``: the page ends after
    ``line``."""
    return page_ends and not line.page_start and _unfinished(note) and _cited_rest(line.text)


def _note_width(lines: list[Line], full: int) -> int:
    """The printed width of a full footnote line: the widest of the lines wider than a full
    body line by the footnotes' smaller print (:data:`_NOTE_PRINT_SHARE`; ragged-right
    lines all fall short of it), or that share of ``full`` where no line is."""
    return max((printed_width(line.text) for line in lines if _is_wide_note_line(line, full)),
               default=int(_NOTE_PRINT_SHARE * full))


def _indented_note_number(line: Line, following: Line | None, last_number: int) -> bool:
    """In text without page marks, a number alone on a line, one of the next three
    footnotes', before a line that opens with a space: pypdf's footnote (``7`` / `` 同註
    1；“MP Materials and DoD …”``), even where its marker was not found in the body. It is
    never left as a paragraph, nor taken for a page number."""
    return _DIGITS_ONLY.match(line.text) is not None and not line.indent \
        and last_number < int(line.text) <= last_number + 3 and following is not None \
        and following.indent > 0 and not following.gap and not following.page_start


def body_resumes_after_footnotes(note: list[str], line: Line, following: Line | None,
                                 full: int, note_full: int) -> bool:
    """In text without page marks (pypdf: no form feed, no page number, no running header),
    the body of the next page resumes after a page's footnotes where

    * a footnote ended on a short line: its last line ends like a footnote (or in a URL)
      and the first word of ``line`` (:data:`_UNBREAKABLE_OPENING`) would have fit on it
      at the footnotes' width (``note_full``, :func:`_note_width`);
    * or ``line`` is a full body line that stops mid-sentence, and the first word of the
      line after it would have fit on it at the footnotes' width: no footnote line is that
      wide unless a long word (a URL) that did not fit cut it short.

    ``line`` itself is never wider than a full body line by the footnotes' smaller print.

    Before (pypdf, 12pt): ``3`` / `` 同前註。`` / ``貳、安全意涵`` / ``一、美國國防部成…``;
    ``10`` / `` “8-K Current Report Filing,” MP Materials, July 10, 2025, https://reurl.cc/MzOxmm.``
    / ``備，另外 50 億美元則用於強化關鍵礦物供應鏈建設，…``; ``14`` / `` “Sanctions Imposed on
    DPRK IT Workers Generating Revenue for the Kim Regime,” US`` / ``Department of the
    Treasury, July 8, 2025, https://home.treasury.gov/news/press-releases/sb0190.`` (a full
    footnote line) / ``初始存取權的主要途徑。15 而實際上藉由社交工程滲透的行動，往往偏向無需過高技``
    (a full body line) / ``術，僅需取得信任即可，…``
    After: ``貳、安全意涵``, ``備，另外…`` and ``初始存取權…`` start pages (body text), not
    footnote 3's, 10's or 14's rest.
    Not after a line cut short by the long word the next line opens:
    ``Potential Issues and Risks,” Rare Earth Exchanges, July 13, 2025,`` /
    ``https://rareearthexchanges.com/news/…``; nor at a URL's rest (:func:`finishes_cut_url`,
    pdfplumber: ``…/q/abc11f8037a7138e04e12c49c38663d1.kc`` / ``msf。``).
    """
    if not note or _is_wide_note_line(line, full) or finishes_cut_url(note, line.text):
        return False
    ends = _ENDS_NOTE.search(note[-1]) and not _INITIAL_AT_END.search(note[-1])
    # a footnote may end with a URL, its last line holding only the URL's rest
    # (``…/command-and-control-in-north-korea-what-a-nuclear-`` / ``launch-might-look-like/``)
    if (ends or _URL_CUT_AT_END.search("".join(note[-2:]))) \
            and _fits_after(note[-1], line, note_full):
        return True
    return full - _BODY_RAGGED <= printed_width(line.text) <= full + _BODY_OVER \
        and not _ENDS_NOTE.search(line.text) and following is not None \
        and not following.gap and _fits_after(line.text, following, note_full)


#: markers looked for in a column that resumes after footnotes: the next few numbers
NEXT_MARKERS = 4
_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")


def body_resumes_beside_footnotes(lines: list[Line], index: int, note: list[str],
                                  last_number: int, full: int, note_full: int,
                                  body: list[Line]) -> bool:
    """On a page set in two columns, each column with its footnotes at its foot, the next
    column's body resumes after the first column's footnotes (PyMuPDF, pypdf, PDFium read a
    column down to its last footnote, then the next column).

    Where ``lines[index]`` holds ideographs (or the footnote before it ended its text), could
    follow that footnote no more than in text without page marks
    (:func:`body_resumes_after_footnotes`: the footnote ended on a line the first word of
    this one would have fit on), and the same page goes on to a second block of
    footnotes whose first number is the next one, its marker (or one of the next few,
    :data:`NEXT_MARKERS`: a footnote may be set at the foot of the column after its
    marker's) glued in the lines between: the body those markers stand in is the next
    column's.

    Before (PyMuPDF, 001-04 in two columns): ``…韓國透過這樣的廣`` / ``1 〈국정원, …`` / … /
    ``3 李承晚政府時期…`` / ``合併成「韓國放送公社（KBS）」，同時具備對內、對外和對北播`` /
    ``送業務。`` / ``播方式提升國際能見度。`` / ``4除此之外，…`` / … / ``4 윤상길、…``
    After: ``播方式提升國際能見度。`` starts a page (the right column), so the paragraph
    ``…韓國透過這樣的廣播方式提升國際能見度。4除此之外…`` goes on; footnote 3 ends
    ``…送業務。``
    Where no footnotes follow on the page (the next column has none, or they are on the
    next page), only where the footnote before ended its text and the body before the
    footnotes stopped mid-sentence (``…購買俄羅斯與伊朗原油的`` / ``3 周昱君，…`` / … /
    ``taiwan-20250801。`` / ``政策，當各國接受…``, 001-01), or this line is a section
    heading (``…但也很短期結束。`` / ``3 HT News Desk, …`` / ``May 15, 2025,
    https://reurl.cc/o8AjOg.`` / ``二、對中印關係的影響``, 003-07).
    A page in one column has one block of footnotes, at its foot: nothing follows them but
    the page number and the next page.
    """
    if not note:
        return False
    if _ENDS_NOTE.search(note[-1]) is None and not _IDEOGRAPH.search(lines[index].text):
        # a footnote that stops mid-text goes on in a Latin line (``…Ross Adkin, Rhea`` /
        # ``Mogul and Helen Rega, “India Strikes…``); a column of the article's Chinese body
        # may follow one the page cut (``…/articles/cy4ne7magg2`` / ``陣亡將士補償、…``)
        return False
    following = lines[index + 1] if index + 1 < len(lines) else None
    if not body_resumes_after_footnotes(note, lines[index], following, full, note_full):
        return False
    next_number = str(last_number + 1)
    between: list[Line] = []
    for line in lines[index:]:
        if line.page_start and between:
            break
        match = _PDFTOTEXT_FOOTNOTE.match(line.text)
        if (match and match.group(1) == next_number) or line.text == next_number:
            # the next column's markers: the next number's, or (its footnote set at the foot
            # of the column after the one its marker stands in) a later one's
            return any(_marker_in_body(str(number), between)
                       for number in range(last_number + 1, last_number + 1 + NEXT_MARKERS))
        between.append(line)
    # no footnotes after: the next column goes on with the paragraph the first one cut
    # (or, where the first column ended its paragraph, with a section heading)
    text = [line for line in between if not line.gap and not _DIGITS_ONLY.match(line.text)]
    return bool(body) and bool(text) and _ENDS_NOTE.search(note[-1]) is not None \
        and (not _ends_sentence(body[-1].text) or heading_level(lines[index].text) > 0) \
        and not any(_PDFTOTEXT_FOOTNOTE.match(line.text) for line in text)


def _ends_sentence(text: str) -> bool:
    """``…結構與版圖。`` and ``…影響與衝擊。3`` (a marker after the sentence) end one."""
    return re.sub(r"(?<=\D)\d{1,3}$", "", text).endswith(tuple(_SENTENCE_END))


#: a name's initial ends no footnote (``…原文參照：Brue W.`` / ``Bennett, et al., …``)
_INITIAL_AT_END = re.compile(r"(?<![A-Za-z])[A-Z]\.$")
#: how much shorter than a full body line a line that goes on may be (ragged right: the
#: next line opens with a word that did not fit)
_BODY_RAGGED = 6
#: how much wider than the measured full body line one may be (the widths are estimates)
_BODY_OVER = 3


def _fits_after(text: str, following: Line, width: int) -> bool:
    """The first word of ``following`` would have fit after ``text`` on a line ``width``
    wide (:data:`_UNBREAKABLE_OPENING`)."""
    word = _UNBREAKABLE_OPENING.match(following.text)
    opening = word.group(0) if word else following.text[:1]
    return printed_width(text + " " + opening) < width


#: what a line cannot be broken inside of: an ideograph with the punctuation that closes on
#: it (``術，``, ``貳、``) and a Latin run glued to that (a date's unit and its URL:
#: ``日，https://www.mofa.gov.tw/….aspx?n=96&s=119714。``), or a Latin word
_UNBREAKABLE_OPENING = re.compile(
    r"""^[“‘"'(（「『〈《]*(?:[\u3400-\u4dbf\u4e00-\u9fff][，。、；：！？」』）〉》”’]*"""
    r"(?:[A-Za-z0-9][^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*)?"
    r"|[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+)")


def continues_cut_url(note: list[str], text: str) -> bool:
    """A footnote line that goes on with the URL the line before was cut in, its first
    characters digits: no footnote number.

    Before (pdftotext, a5-11pt): ``1`` / ``碧嘉蘭（Laura Bicker），…《BBC 中`` /
    ``文網》，2025 年 5 月 13 日，https://www.bbc.com/zhongwen/articles/c861qx6qgd`` /
    ``3o/trad。`` / ``2`` / ``〈美中關稅戰 …``
    After: footnote 1 ends ``…/articles/c861qx6qgd3o/trad。``, not footnote 3 ``o/trad。``
    (and footnote 2 follows it).
    Only when the footnote's last line ends in a URL with no sentence end, and the digits
    are glued to more URL characters (a letter, ``/``, ``.``, ``-``…), not to text.
    """
    return bool(note) and bool(_URL_CUT_AT_END.search(note[-1])) \
        and not _ENDS_NOTE.search(note[-1]) and bool(_URL_GOES_ON.match(text))


#: a line that ends inside a URL; the digits of a line that goes on with it
_URL_CUT_AT_END = re.compile(r"(?:https?://|www\.)[^\s，。、；）」]*$")
_URL_GOES_ON = re.compile(r"^\d{1,3}[A-Za-z/._\-?=&%#~+]")


#: a table cell's line is narrower than this share of a full line, a footnote's first line
#: (in the footnotes' smaller print) wider than the other
_CELL_SHARE, _NOTE_SHARE = 0.4, 0.6


def footnote_text_after_table_cells(lines: list[Line], index: int, numbers: list[str],
                                    width: int) -> tuple[int, int] | None:
    """A page-bottom footnote whose number pdftotext read among the cells of a table that
    runs on past the page: the number, then narrow cell lines, then the footnote's wide text
    further down the same page (then maybe more cells, then the page number).

    Before (pdftotext, 10.5pt-dense, a table row split by the page): ``2`` /
    ``增設黨中央監察委員會和規`` / ``律調查部，打破單位特殊化的本`` / ``로동신문, 2021 년 12 월 19 일,
    “론설: 조선로동당의 령도력은 주체조선의 힘이고 위상이다.”`` / ``黨機器的運作獲得強化，避`` /
    ``免出現單位獨大的問題，提高黨`` / ``3`` (the page number)
    After: footnote 2 = ``로동신문, …위상이다.”``; the four cell lines stay in the body.
    Only one lone number (:func:`_lone_footnote_numbers`), when the line after it is a
    cell (narrower than 40% of a full line, not ending like a footnote) and only such cells
    stand before the first line wider than 60% of a full line that opens no footnote of
    its own, with no page number or page start between. The footnote goes on while it is
    unfinished and the next lines are wide. Returns (first, end) line indexes of its text.
    """
    if len(numbers) != 1 or not width:
        return None
    position = index + 1
    if position >= len(lines) or not _is_cell(lines[position], width) \
            or _ENDS_NOTE.search(lines[position].text):
        return None
    while position < len(lines) and _is_cell(lines[position], width):
        position += 1
    if position >= len(lines) or not _is_note_text(lines, position) \
            or display_width(lines[position].text) < _NOTE_SHARE * width \
            or _PDFTOTEXT_FOOTNOTE.match(lines[position].text):
        return None
    end = position + 1
    while end < len(lines) and not _ENDS_NOTE.search(lines[end - 1].text) \
            and _is_note_text(lines, end) \
            and display_width(lines[end].text) >= _NOTE_SHARE * width:
        end += 1
    return position, end


def _is_cell(line: Line, width: int) -> bool:
    return not line.gap and not line.page_start and not _DIGITS_ONLY.match(line.text) \
        and display_width(line.text) < _CELL_SHARE * width


#: a footnote's text ends a sentence: also inside a closing quotation mark
#: (``…시정연설을 하시였다.”``)
_ENDS_NOTE = re.compile(r"(?:[。.」）)]|[。.!?！？][”’\"])$")


def recover_late_footnote_numbers(lines: list[Line], index: int, body: list[Line],
                                  notes: Footnotes, last_number: int,
                                  report: Report) -> int | None:
    """A footnote whose number pdftotext printed after the page's last footnote: its text
    follows the footnote before it, its number stands alone below the page's footnotes.

    Before: ``10`` / ``〈대북확성기 껐다, …〉，…/article/25343134。`` / ``目前已知韓國有 7 個對北
    廣播電台，…國情院管`` / ``理的對北廣播電台。`` / ``12`` / ``《북한 경제‧사회 …》…`` / … /
    ``16`` / ``〈VOA·RFA …〉…`` / ``11`` (page ends)
    After: footnote 10 = ``〈대북확성기 껐다, …〉…/article/25343134。``, footnote 11 =
    ``目前已知韓國有 7 個對北廣播電台，…國情院管理的對北廣播電台。``, then 12…16.

    Only when ``lines[index]`` holds the number after next on a line of its own (its marker
    in the body), the skipped number stands alone further down the same page (its marker
    in the body too), and the current footnote's text ends a sentence before its last line:
    the lines after that sentence end are the skipped footnote's. Returns the index of the
    line holding the late number (it is taken out), or None.
    """
    skipped = str(last_number + 1)
    if not _lone_footnote_numbers(lines, index, body, last_number + 1) \
            or not _marker_in_body(skipped, body):
        return None
    late = None
    for position in range(index + 1, len(lines)):
        if lines[position].page_start:
            break
        if lines[position].text == skipped:
            late = position  # the first: a page number may repeat it below
            break
    if late is None or not _split_off_late_note(notes, str(last_number), skipped,
                                                lines[late].no, report):
        return None
    return late


def _split_off_late_note(notes: Footnotes, current: str, number: str, line_no: int,
                         report: Report) -> bool:
    """Footnote ``current``'s lines after its first sentence end become footnote
    ``number``'s (whose number was printed late, on line ``line_no``); False, and nothing
    changed, where no sentence ends before its last line."""
    note = notes.texts.get(current, [])
    split = next((i for i, text in enumerate(note[:-1]) if _ENDS_NOTE.search(text)), None)
    if split is None:
        return False
    notes.texts[current], rest = note[: split + 1], note[split + 1 :]
    notes.add(number, rest[0], line_no)
    notes.texts[number].extend(rest[1:])
    report.add("recover_late_footnote_numbers", line_no, rest[0][:40] + "…", f"[^{number}]")
    return True


def recover_last_late_number(lines: list[Line], index: int, body: list[Line], notes: Footnotes,
                             last_number: int, report: Report) -> bool:
    """The page's last footnote, its number printed by pdftotext below the page's footnotes
    (:func:`recover_late_footnote_numbers` when a later footnote's number comes first).

    Before (003-01 in b5-facing): ``8`` / ``Elmo R. Zumwalt, Jr., On Watch (…), p. 394.`` /
    ``Sean M. Lynn-Jones, "A Quiet Success …`` / … / ``方艦艇進行偵察，…潛艦。`` / ``9`` /
    ``-4-`` (page ends)
    After: footnote 8 = ``Elmo R. Zumwalt, … p. 394.``, footnote 9 = ``Sean M. Lynn-Jones,
    …潛艦。``; before, ``9`` went as a page number and footnote 9's text into footnote 8.

    Only when ``lines[index]`` holds the next number alone, nothing but page numbers follows
    it on its page, its marker is in the body, and the current footnote's text ends a
    sentence before its last line. True when the footnote was split.
    """
    number = str(last_number + 1)
    if lines[index].text != number or not _marker_in_body(number, body):
        return False
    for line in lines[index + 1 :]:
        if line.page_start:
            break
        if not line.gap and printed_page_number(line.text) is None:
            return False
    return _split_off_late_note(notes, str(last_number), number, lines[index].no, report)


#: how a footnote's rest on the next page starts: a date's day, a URL, or the full stop of
#: a footnote whose URL filled its last line (no printed line opens with a full stop)
_NOTE_TAIL = re.compile(r"^(?:[日月年][，,]|https?://|www\.|[。．])")


def reclaim_footnote_tails(body: list[Line], current: str, notes: Footnotes,
                           report: Report, full: int = 0) -> None:
    """The rest of a footnote the page broke, read as body text above the next page's
    footnotes: it goes back to its footnote.

    Before (pdfminer): ``…[^7]`` … ``〈美國首度…〉，《中華民國外交部》，2025 年 4 月 24`` (page
    ends) / body text ``…策所帶來的影響與衝擊。`` / ``日，https://www.mofa.gov.tw/….aspx?n=96&s=119714。`` /
    ``8 〈發布《新時代的中國國家安全》白皮書〉…``
    After: footnote 7 ends ``…2025 年 4 月 24 日，https://www.mofa.gov.tw/…``; the body
    paragraph ends ``…的影響與衝擊。``.
    Only a line that opens like a footnote's rest (``日，``, a URL, a full stop: pdftotext,
    a5-11pt, footnote 11 ``…/articles/cy4ne7magg2ro`` (page ends) / body ``…後續關注。`` /
    ``。`` / ``12 이상근, …``) after a paragraph's end,
    when the footnote before stops mid-sentence. Checked where a page's footnotes start:
    after a gap line, at a footnote line without one, and at a footnote number standing
    alone (``pdftotext -layout``: ``…的影響與衝擊。`` / ``日，https://…119714。`` / ``8`` /
    `` 〈發布《新時代的中國國家安全》白皮書〉…``).
    """
    note = notes.texts[current]
    if not note or _ENDS_NOTE.search(note[-1]):
        return
    if len(body) >= 2 and (_NOTE_TAIL.match(body[-1].text)
                           or finishes_cut_url(note, body[-1].text)) and not body[-1].gap \
            and body[-2].text.endswith(tuple(_SENTENCE_END)):
        tail = body.pop()
        note.append(tail.text)
        report.add("reclaim_footnote_tails", tail.no, tail.text[:40] + "…", f"[^{current}]")
        return
    if reclaim_wide_footnote_tails(body, current, note, full, report):
        return
    reclaim_latin_footnote_tails(body, current, note, report)


def finishes_cut_url(note: list[str], text: str) -> bool:
    """A line of nothing but the rest of a URL and its full stop finishes the footnote whose
    last line was cut inside that URL (the page broke the footnote there).

    Before (pdftotext, PyMuPDF, pdfminer, letter-14pt-sans): footnote 1 ``…，2025 年 8 月 1``
    / ``日，https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝-`` (page ends)
    / body ``…都需要中國的稀土。`` / ``083242700.html。`` / ``2`` / ``〈傳北京邀川普…〉…``
    After: footnote 1 ends ``…-透露訊息曝-083242700.html。``; the body paragraph ends
    ``…都需要中國的稀土。``.
    Only when the footnote's last line holds a URL and stops inside it (on a character a
    URL goes on after, with no sentence end or CJK punctuation after the URL's start), and
    the line is URL characters only (no space, no ideograph) up to its final full stop.
    """
    return bool(note) and bool(_NOTE_CUT_IN_URL.search(note[-1].rstrip())) \
        and bool(_URL_REST.match(text))


#: a footnote whose last line stops inside its URL (``…/透露訊息曝-``, ``…/a-``): the last
#: URL goes to the end of the text with no sentence end or CJK punctuation after it (its
#: path may hold ideographs and spaces)
_NOTE_CUT_IN_URL = re.compile(r"(?:https?://|www\.)[^，。、；：）」』]*[A-Za-z0-9/_\-=&?%#~+]$")
#: the rest of such a URL on a line of its own (pymupdf4llm: a paragraph or a heading): one
#: run of URL characters that ends the footnote (``083242700.html。``, ``73459581。``)
_URL_REST = re.compile(r"^(?:#{1,6}\s+)?([A-Za-z0-9/._\-=?&#%~+:]+[。.])$")


#: a footnote's line, in the footnotes' smaller print, is at least this much wider than a
#: full line of body text (a5-11pt: 78 against 60)
_NOTE_PRINT_SHARE = 1.15
#: lines of a footnote's rest taken back at most
_WIDE_TAIL_LINES = 12


def reclaim_wide_footnote_tails(body: list[Line], current: str, note: list[str], full: int,
                                report: Report) -> bool:
    """The rest of a footnote the page broke, read as body text at the foot of the next
    page: its lines, in the footnotes' smaller print, are wider than any body line.

    Before (pdftotext, PyMuPDF, pdfminer, a5-11pt; the article's last page, with no
    footnote of its own to open a block): footnote 9 ``…Princeton University Press, 1988),
    pp. 361-`` (page ends) / body ``…美中間日益尖銳的海上遭遇向上升級成為衝突的機率將會大`` /
    ``幅地增加。`` / ``363. 危險運動係指近距離運動的海軍艦船，採取各種方式迫使他方艦船採取迴避，用以防``
    / … / ``接近或飛越對方艦艇進行偵察，或由飛機投下聲納浮標追蹤他方潛艦。``
    After: footnote 9 ends ``… pp. 361-363. 危險運動係指…追蹤他方潛艦。``; the body ends
    ``…機率將會大幅地增加。``.
    Only when the footnote stops mid-sentence, at the end of the body (after its last
    footnote, or above the next page's first), for lines whose last ends like a footnote
    and all of whose others are wider than a full body line by the smaller print
    (:data:`_NOTE_PRINT_SHARE`) or a date's unit the footnote's number waits for
    (:func:`_lone_date_unit`), below body text. ``full`` is the measured
    printed width of a full body line (:attr:`Wrap.full`); nothing is done without it.
    """
    if not full:
        return False
    end = len(body)
    while end and body[end - 1].gap:
        end -= 1
    if not end or not _ENDS_NOTE.search(body[end - 1].text):
        return False
    start = end - 1
    while start and end - start < _WIDE_TAIL_LINES and (
            _is_wide_note_line(body[start - 1], full)
            or _short_before_wide_word(body[start - 1], body[start], full)
            or _lone_date_unit(body[start - 1].text, note)):
        start -= 1
    if start == end - 1 and not _is_wide_note_line(body[start], full):
        return False  # one line: only a wide one (a short last line says nothing)
    if not start:
        return False
    tail = body[start:end]
    del body[start:]
    note.extend(line.text for line in tail)
    for line in tail:
        report.add("reclaim_wide_footnote_tails", line.no, line.text[:40] + "…",
                   f"[^{current}]")
    return True


def reclaim_date_unit_before_quote(body: list[Line], note: list[str], current: str,
                                   report: Report) -> None:
    """A footnote the page broke inside its date goes on, after the next page's body text,
    with the date's unit alone as a plain line, then the rest quoted (pymupdf4llm, 003-04 in
    two columns): ``> 9 …《新唐人》，2025 年 5 月 6`` / (page break, body paragraphs) /
    ``日`` / ``> ，https://www.ntdtv.com/b5/2025/05/06/a103982863.html。``
    The unit leaves the body for the footnote (:func:`_lone_date_unit`), before the quote."""
    last = len(body)
    while last and body[last - 1].gap:
        last -= 1
    if last and _lone_date_unit(body[last - 1].text, note):
        unit = body.pop(last - 1)
        note.append(unit.text)
        report.add("join_split_footnote", unit.no, unit.text, f"[^{current}]")


def _lone_date_unit(text: str, note: list[str]) -> bool:
    """A date's unit alone on a line, where the footnote stops at its number (pypdf, PDFium:
    ``…，2025 年 5 月 6`` / ``日`` / ``，https://www.ntdtv.com/….html。``, 003-04)."""
    return text in ("年", "月", "日") and bool(note) and note[-1].rstrip()[-1:].isdigit()


def _is_wide_note_line(line: Line, full: int) -> bool:
    return not line.gap and not line.page_start \
        and printed_width(line.text) >= _NOTE_PRINT_SHARE * full


def _short_before_wide_word(line: Line, following: Line, full: int) -> bool:
    """A footnote line of ragged-right print that falls short of the wide footnote width
    only because the Latin word opening the next line did not fit on it: with that word
    (and a space) it is as wide as a footnote line.

    Before (PyMuPDF, letter-14pt-sans, full body line 68, footnote lines 78 and wider):
    ``義」的描述，請參見 Joseph S. Nye, JR., “Progressive Realism,” Project Syndicate,`` (78)
    / ``August 21, 2006, https://www.project-syndicate.org/commentary/progressive-realism.``
    After: a footnote line (78 and ``August`` 7 make 86): the footnote's rest above it is
    taken back whole by :func:`reclaim_wide_footnote_tails`, not cut there.
    Only for a line that itself ends in Latin text, before a line opening with a Latin word.
    """
    word = _OPENING_LATIN_WORD.match(following.text)
    return word is not None and not line.gap and not line.page_start \
        and _LATIN_AT_END.search(line.text) is not None \
        and printed_width(line.text + " " + word.group(0)) >= _NOTE_PRINT_SHARE * full


_OPENING_LATIN_WORD = re.compile(
    r"^[“‘\"'(（]?[A-Za-z][^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*")
_LATIN_AT_END = re.compile(r"[A-Za-z0-9.,;:”’\"')]$")


#: lines of Latin text taken back at most: a footnote's rest is short
_LATIN_TAIL_LINES = 3


def _is_latin(text: str) -> bool:
    """Mostly ASCII: a line of a Latin-script citation."""
    return sum(c.isascii() for c in text) > 0.6 * len(text)


def reclaim_latin_footnote_tails(body: list[Line], current: str, note: list[str],
                                 report: Report) -> None:
    """The Latin rest of a footnote the page broke, read as body text between the next
    page's last body line (Chinese, stopping mid-sentence) and its first footnote.

    Before (PyMuPDF, 12pt-header): footnote 8 ``Aaron McMillan, “Inside DoD …”, …; Tom
    Moerenhout, “MP Materials Deal Marks a Significant Shift in US`` (page ends) / body
    ``…但這樣的合作模式仍需擴大推展至其他公司，才能有效提升整體供應鏈`` /
    ``Rare Earths Policy,” Columbia University Center on Global Energy Policy, July 11, 2025,``
    / ``https://reurl.cc/ZNe55Q.`` / ``9 Spencer Kimball, “Pentagon to Become …``
    After: footnote 8 ends ``… Shift in US Rare Earths Policy,” Columbia University Center
    on Global Energy Policy, July 11, 2025, https://reurl.cc/ZNe55Q.``; the body line
    goes on with the next page's ``的韌性，…``.
    Only when the current footnote stops mid-sentence, at most three lines of mostly Latin
    letters whose last ends like a footnote (``.``, ``。``), right above the next footnote,
    after a Chinese body line that stops mid-sentence (so they cannot start a paragraph).
    """
    end = len(body)
    while end and body[end - 1].gap:
        end -= 1
    start = end
    while start and end - start < _LATIN_TAIL_LINES and not body[start - 1].gap \
            and not body[start - 1].page_start and _is_latin(body[start - 1].text):
        start -= 1
    if start == end or not _ENDS_NOTE.search(body[end - 1].text):
        return
    before = start
    while before and body[before - 1].gap:
        before -= 1
    if not before:
        return
    previous = body[before - 1].text
    if _is_latin(previous) or previous.endswith(tuple(_SENTENCE_END) + ("：", ":")):
        return
    tail = body[start:end]
    del body[start:]
    note.extend(line.text for line in tail)
    for line in tail:
        report.add("reclaim_footnote_tails", line.no, line.text[:40] + "…", f"[^{current}]")


def _is_note_text(lines: list[Line], index: int) -> bool:
    return index < len(lines) and not lines[index].gap and not lines[index].page_start \
        and not _DIGITS_ONLY.match(lines[index].text)


def _lone_footnote_numbers(lines: list[Line], index: int, body: list[Line],
                           last_number: int) -> list[str]:
    """The footnote numbers that stand on lines of their own from ``index`` on: usually
    one, two or three when pdftotext stacked the numbers of short footnotes
    (``15`` / ``16`` / ``目前所有的國外對北廣播當中，…業務。`` / ``〈VOA·RFA …〉，…``)."""
    numbers: list[str] = []
    position = index
    while position + 1 < len(lines) and len(numbers) < 4 and _lone_footnote_number(
            lines[position], lines[position + 1], body, last_number + len(numbers)):
        numbers.append(lines[position].text)
        if not _DIGITS_ONLY.match(lines[position + 1].text):
            return numbers
        position += 1
    return []


def _lone_footnote_number(line: Line, following: Line, body: list[Line],
                          last_number: int) -> bool:
    """A footnote's number on a line of its own, its text on the next line.

    Before (pdftotext of a LibreOffice PDF): ``…美國甚至建議中國在「十五五」`` / ``1`` /
    ``倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，…`` (the marker ``1`` is glued
    into the body above: ``…分成小組來討論。1基本上…``)
    After: footnote 1 = ``倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，…``
    The number is the next footnote's, its marker stands in the body before, and the
    next line is text that does not start a page.
    """
    if not _DIGITS_ONLY.match(line.text) or int(line.text) != last_number + 1:
        return False
    if following.gap or following.page_start:
        return False
    if _DIGITS_ONLY.match(following.text) and int(following.text) != int(line.text) + 1:
        return False
    return _marker_in_body(line.text, body)


def _marker_in_body(number: str, body: list[Line]) -> bool:
    marker = re.compile(
        rf"[^\s\d.,:/%A-Za-z(（《〈「『\-]{number}(?!\d)|^{number}(?=[，。、；：！？」』）)])"
        rf"|[。，、；：！？」』）)] {number}(?= ?[\u4e00-\u9fff「『（《〈，。、；：！？]| +\d|$)"
        rf"|[\u4e00-\u9fff] {number}(?![年月日個歲屆名人位項次條頁號期席])"
        rf"(?=[\u4e00-\u9fff「『（《〈])"
        # justified text: a space before a marker that punctuation follows (``評析 1，``)
        rf"|(?<![頁註第約共達])[\u4e00-\u9fff》〉] {number}(?= ?[，。、；：！？])"
        # a marker glued to a date (``業務，208月4日``: see :func:`split_marker_from_date`)
        rf"|(?:[^\s\d.,:/%A-Za-z(（《〈「『\-]|[。，、；：！？」』）)] ){number}"
        rf"(?=(?:[1-9]|1[0-2])\s*月|[1-9]\d?\s*日)")
    return any(marker.search(previous.text) for previous in body[-MARKER_LOOKBACK:])


#: body lines searched for a footnote's marker (a page of small print holds about 50)
MARKER_LOOKBACK = 80


def _starts_block_without_gap(line: Line, body: list[Line], last_number: int) -> bool:
    """A footnote block that the extractor did not set off with a gap line.

    Before: ``強行推展，並且明確表示北韓的根本利益是建`` / ``5 조선중앙통신, 2019 년 4 월 13 일…``
    The next footnote number opens the line, and its marker is glued into the body text
    just before (``施政演說5``): a footnote, not a paragraph that starts with a number.
    """
    match = _PDFTOTEXT_FOOTNOTE.match(line.text)
    if not match or (last_number and int(match.group(1)) != last_number + 1):
        return False
    return _marker_in_body(match.group(1), body)


def _continues_footnote(ahead: list[Line], footnote_start) -> bool:
    """Lines after a gap that finish a footnote: a footnote start follows within a few
    lines, with no page start and no sentence end in between."""
    for line in ahead:
        if line.page_start:
            return False
        if footnote_start(line):
            return True
    return False


def _separate_superscript(lines: list[Line], report: Report) -> tuple[list[Line], Footnotes]:
    notes = Footnotes()
    body: list[Line] = []
    current: str | None = None
    quoted = False  # the current footnote is a block quote: ``> …`` lines continue it
    listed = False  # the current footnote is a list item: ``- …`` lines continue it
    in_plain_note = False  # the last line was a footnote set as a plain paragraph
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        after_plain_note = in_plain_note
        if not line.gap:
            in_plain_note = False
        if line.text.startswith(">"):
            start = _QUOTED_FOOTNOTE.match(line.text)
            if start and current is not None and _continues_quoted_footnote(
                    start, current, notes.texts[current]):
                start = None
            if current is not None and not start and not quoted and _unfinished(
                    notes.texts[current]):
                quoted = True  # the rest of a footnote the page broke, after body text
                reclaim_date_unit_before_quote(body, notes.texts[current], current, report)
            if start:
                for number, text in split_run_on_footnotes(start.group(1), start.group(2),
                                                           body, line.no, report):
                    notes.add(number, text, line.no)
                current, quoted = list(notes.texts)[-1], True
                report.add("move_footnotes", line.no, line.text[:40] + "…",
                           f"[^{start.group(1)}]")
                continue
            if quoted and current is not None:
                notes.texts[current].append(_QUOTED_LINE.match(line.text).group(1))
                report.add("join_split_footnote", line.no, line.text[:40] + "…", f"[^{current}]")
                continue
        if quoted and current is not None and _url_left_out_of_quote(line, notes.texts[current]):
            notes.texts[current].append(line.text)
            report.add("join_split_footnote", line.no, line.text[:40] + "…", f"[^{current}]")
            continue
        if not line.gap:
            quoted = False
        page_follows = _page_ends_after(lines, index)
        rest = _footnote_rest_after_paragraph(line, lines, index, current,
                                              notes.texts[current] if current is not None else [])
        if rest is not None:
            notes.texts[current].append(rest)
            report.add("split_footnote_from_paragraph", line.no, line.text[-len(rest) - 8 :],
                       f"[^{current}]")
            line.text = line.text[: -len(rest)].rstrip()
        inline = split_footnote_from_paragraph(line, current, body, page_follows
                                               or _next_footnote_follows(lines, index, current),
                                               partial(_quoted_rest_follows, lines, index))
        if inline is not None:
            number, text = inline
            report.add("split_footnote_from_paragraph", line.no,
                       line.text[-len(text) - len(number) - 12:], f"[^{number}]")
            line.text = line.text[: -len(text)].rstrip()[: -len(number)].rstrip()
            notes.add(number, text, line.no)
            current = list(notes.texts)[-1]
            body.append(line)
            continue
        plain = _PLAIN_FOOTNOTE.match(line.text)
        if plain and _plain_footnote_start(plain, current, body):
            for number, text in split_run_on_footnotes(plain.group(1), plain.group(2), body,
                                                       line.no, report):
                notes.add(number, text, line.no)
            current, listed = list(notes.texts)[-1], line.text.startswith(("-", "*"))
            in_plain_note = True
            report.add("move_footnotes", line.no, line.text[:40] + "…", f"[^{plain.group(1)}]")
            continue
        if after_plain_note and current is not None and (_plain_footnote_tail(
                line, notes.texts[current]) or _between_plain_footnotes(
                line, lines, index, current, notes.texts[current], body)):
            notes.texts[current].append(line.text)
            in_plain_note = True
            report.add("join_split_footnote", line.no, line.text[:40] + "…", f"[^{current}]")
            continue
        if (current is not None and listed and _LIST_ITEM.match(line.text)
                and _unfinished(notes.texts[current])):
            notes.texts[current].append(_LIST_ITEM.match(line.text).group(1))
            report.add("join_split_footnote", line.no, line.text[:40] + "…", f"[^{current}]")
            continue
        if not line.gap:
            listed = False
        definition = _MARKDOWN_FOOTNOTE.match(line.text)
        if definition:
            notes.add(definition.group(1), definition.group(2), line.no)
            current = list(notes.texts)[-1]
            report.add("move_footnotes", line.no, line.text[:40] + "…",
                       f"[^{definition.group(1)}]")
            continue
        match = _SUPERSCRIPT_FOOTNOTE.match(line.text)
        if match and superscript_number(match.group(1)) is not None:
            number = str(superscript_number(match.group(1)))
            notes.add(number, match.group(2), line.no)
            current = list(notes.texts)[-1]
            report.add("move_footnotes", line.no, line.text[:40] + "…", f"[^{number}]")
            continue
        if (
            current is not None
            and following is not None
            and _SUPERSCRIPT_FOOTNOTE.match(following.text)
            and _is_footnote_continuation(line, body, notes.texts[current])
        ):
            # the rest of a footnote that the page broke: it stands at the top of the next
            # page's footnote area, before that page's first footnote
            notes.texts[current].append(line.text)
            report.add("join_split_footnote", line.no, line.text[:40] + "…", f"[^{current}]")
            continue
        if current is not None and page_follows and (
                _rest_of_page_range(line, notes.texts[current])
                or footnote_rest_ends_page(line, page_follows, notes.texts[current])):
            notes.texts[current].append(line.text)
            report.add("join_split_footnote", line.no, line.text[:40] + "…", f"[^{current}]")
            continue
        rest = _rest_of_cut_url(line, lines, index, current,
                                notes.texts[current] if current is not None else [])
        if rest is not None:
            notes.texts[current].append(rest)
            report.add("join_split_footnote", line.no, line.text, f"[^{current}]")
            continue
        if current is not None and _lone_footnote_end(line, body, notes.texts[current]):
            notes.texts[current].append(line.text)
            report.add("join_split_footnote", line.no, line.text, f"[^{current}]")
            continue
        body.append(line)
    return body, notes


def _next_footnote_follows(lines: list[Line], index: int, current: str | None) -> bool:
    """The line after ``lines[index]`` (blank lines between) opens the footnote after next
    (``current`` + 2), set as a plain paragraph, a list item or a block quote: the footnote
    area of the page goes on there, so a footnote number inside ``lines[index]`` (the next
    one, ``current`` + 1) opens the first footnote of that area.

    Before (pymupdf4llm, letter-14pt-sans): ``…即可以最大股東身分與 MP Materials 深度合
    3 同前註。`` / ``4 C. Todd Lopez, “DOD Looks to Establish …”`` / ``- 5 “Heavy …``
    After: see :func:`split_footnote_from_paragraph`: footnote 3 = ``同前註。``
    """
    if current is not None and not current.isdigit():
        return False
    after_next = str(int(current) + 2) if current is not None else "2"
    return _opens_footnote_on_page(lines, index + 1, after_next)


#: a footnote's rest set as a block quote: the comma before its URL, then the URL
_QUOTED_URL_REST = re.compile(r"^>\s*[，,]\s*(?:https?://|www\.)")


def _quoted_rest_follows(lines: list[Line], index: int) -> bool:
    """Further on the page of ``lines[index]`` (within :data:`MARKER_LOOKBACK` lines),
    before any footnote opens, a block quote that is a footnote's rest: its comma and URL
    (``> ，https://xinwen.bjd.com.cn/…``)."""
    for line in lines[index + 1 : index + 1 + MARKER_LOOKBACK]:
        if line.page_start:
            return False
        if _QUOTED_URL_REST.match(line.text):
            return True
        if _QUOTED_FOOTNOTE.match(line.text) or _PLAIN_FOOTNOTE.match(line.text):
            return False
    return False


def _next_lines(lines: list[Line], start: int, count: int = 1) -> list[Line]:
    """The next ``count`` lines from ``lines[start]`` on, blank lines skipped (without
    copying the rest of the list: asked for every line of an article)."""
    found: list[Line] = []
    for position in range(start, len(lines)):
        if not lines[position].gap:
            found.append(lines[position])
            if len(found) == count:
                break
    return found


def _opens_footnote_on_page(lines: list[Line], start: int, number: str) -> bool:
    """The next line from ``lines[start]`` on (blank lines between) opens footnote
    ``number`` (a plain paragraph, a list item or a block quote), on the same page."""
    following = next(iter(_next_lines(lines, start)), None)
    if following is None or following.page_start:
        return False
    start = _PLAIN_FOOTNOTE.match(following.text) or _QUOTED_FOOTNOTE.match(following.text)
    return start is not None and start.group(1) == number


def _page_ends_after(lines: list[Line], index: int) -> bool:
    """The page ends after ``lines[index]``: the next line starts a page, or is the page's
    number (a lone number) before a page start or the end of the text, or the text ends."""
    ahead = _next_lines(lines, index + 1, 2)
    if ahead and _DIGITS_ONLY.match(ahead[0].text) and not ahead[0].page_start:
        ahead = ahead[1:]
    return not ahead or ahead[0].page_start


#: a footnote cut inside a range of pages (``pp. 361-``), and the range's end opening a line
_RANGE_CUT = re.compile(r"(\d{1,5})[-–]$")
_RANGE_END = re.compile(r"^(\d{1,5})(?=[.,;，。；）)]|\s|$)")


def _rest_of_page_range(line: Line, note: list[str]) -> bool:
    """The rest of a footnote the page broke inside a range of pages, which pymupdf4llm set
    as a plain paragraph (no block quote) at the foot of the next page: it opens with the
    range's end, greater than its start, and the next page starts after it.

    Before (pymupdf4llm, a5-11pt): ``> 9 Sean M. Lynn-Jones, "A Quiet Success for Arms
    Control: …" …(Princeton, N.J.: Princeton University Press, 1988), pp. 361-`` / (page
    break, body text) / ``363. 危險運動係指近距離運動的海軍艦船，…`` / (page break)
    After: footnote 9 ends ``…pp. 361-363.危險運動係指近距離運動的海軍艦船，…``
    """
    cut = _RANGE_CUT.search(note[-1].rstrip()) if note else None
    end = _RANGE_END.match(line.text) if not line.gap else None
    return bool(cut and end) and int(end.group(1)) > int(cut.group(1))


#: Latin text (no CJK) after CJK text that stops mid-sentence, to the end of a line
_LATIN_TAIL = re.compile(r"(?<=[\u3400-\u9fff，、]) ([A-Za-z“\"‘'][^\u3400-\u9fff]*)$")


def _footnote_rest_after_paragraph(line: Line, lines: list[Line], index: int, current: str | None,
                                   note: list[str]) -> str | None:
    """The rest of a Latin footnote the page broke, which pymupdf4llm glued to the end of
    the body paragraph that the next page's footnote area cuts (both printed lines were
    the last before that area).

    Before (pymupdf4llm, letter-14pt-sans): ``- 6 Radha Iyengar Plumb and Michael C.
    Horowitz, “What America Gets Wrong About the AI Race: …the Best Technology,”`` / (page
    break) ``…如果不是採用聯合開發及 訓練方式，…可以套用先前釋出的開放模 Foreign Affairs,
    April 18, 2025, https://www.foreignaffairs.com/united-states/whatamerica-gets-wrong-about-
    ai-race.`` / ``7 Sarah Chudleigh, 〈7 種主要的 AI 代理類型〉…``
    After: the paragraph stops at ``…可以套用先前釋出的開放模`` (it goes on on the next page);
    footnote 6 ends ``…the Best Technology,” Foreign Affairs, April 18, 2025, https://…``
    Returns the rest, or None. Only Latin text after CJK text that stops mid-sentence, ending
    as a footnote ends, when the current footnote is Latin and stops mid-sentence, and the
    next line (blank lines between) opens the next footnote, on the same page.
    """
    if line.gap or line.text.startswith((">", "#", "[^", "|")) or current is None \
            or not current.isdigit() or not note or not _unfinished(note) \
            or not _is_latin(note[-1]):
        return None
    tail = _LATIN_TAIL.search(line.text.rstrip())
    if tail is None or not _ENDS_NOTE.search(tail.group(1)):
        return None
    if not _opens_footnote_on_page(lines, index + 1, str(int(current) + 1)):
        return None
    return tail.group(1)


def _cited_rest(text: str) -> bool:
    """A paragraph that cites a URL and ends as a footnote ends, with no heading or quote
    mark and no footnote marker glued after a sentence end (body text has them)."""
    return not text.startswith(("#", ">", "|", "[^")) and "://" in text \
        and bool(_ENDS_NOTE.search(text.rstrip())) \
        and not re.search(r"[。！？」』）][1-9]\d{0,2}(?!\d)", text)


def _rest_of_cut_url(line: Line, lines: list[Line], index: int, current: str | None,
                     note: list[str]) -> str | None:
    """The rest of a footnote cut inside its URL at the foot of one page, which pymupdf4llm
    set as a paragraph (or a heading: its print is larger than the quoted footnotes') at the
    top of the next page's footnote area, right before the next footnote.

    Before (pymupdf4llm, letter-14pt-sans): ``> 1 倪浩軒，〈中美關稅談判團 75：15 差距懸殊
    透露訊息曝〉，…，https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝-`` /
    (page break, body text) / ``#### 083242700.html。`` / ``> 2 〈傳北京邀川普出席…〉…``
    After: footnote 1 ends ``…-透露訊息曝-083242700.html。``; no heading ``083242700.html。``.
    So for a footnote cut inside its date, whose rest opens with the day glued to the URL
    (see :func:`_plain_footnote_tail`):
    Before: ``- 3 〈黨媒把遏制「港獨」納入…〉，…，《求是網》，2017 年 4 月 15`` / (page break,
    body text ending ``…此外，``) / ``日，http://www.qstheory.cn/dukan/qs/2017-04/15/
    c_1120788993.htm。`` / ``4 引文中所指之「中導系統」為中程導彈系統。``
    After: footnote 3 ends ``…2017 年 4 月 15 日，http://www.qstheory.cn/…htm。``
    So for a footnote cut mid-sentence whose rest cites a URL and ends the footnote:
    Before (001-02): ``5 《2025 國家安全戰略》使用「國際主義」…奈伊的「進步現實主義」，相當符`` /
    (page break, body text) / ``合拉米對「進步現實主義」的描述…請參見 David Lammy, “The Case
    for Progressive Realism,” …, https://www.project-syndicate.org/commentary/progressive-
    realism.`` / ``6 “National Security Strategy 2025,” …``
    After: footnote 5 ends ``…相當符合拉米對「進步現實主義」的描述…progressive-realism.``
    Returns the rest (without the heading's ``#``), or None. Only a line of nothing but URL
    characters and a full stop when the current footnote stops inside a URL, or a line
    opening with the URL or citing one and ending as a footnote ends (body text rarely
    cites a URL) when it stops mid-sentence; and only when the next line (blank lines
    between) opens the next footnote, on the same page.
    """
    if line.gap or current is None or not current.isdigit() or not note:
        return None
    if finishes_cut_url(note, line.text):
        rest = _URL_REST.match(line.text).group(1)
    elif _unfinished(note) and (_PLAIN_NOTE_TAIL.match(line.text) or _cited_rest(line.text)):
        rest = line.text
    else:
        return None
    if not _opens_footnote_on_page(lines, index + 1, str(int(current) + 1)):
        return None
    return rest


#: a paragraph of nothing but the punctuation that closes a sentence
_LONE_SENTENCE_END = re.compile(r"^[。．.」』）)]+$")


def _lone_footnote_end(line: Line, body: list[Line], note: list[str]) -> bool:
    """The full stop of a footnote whose last printed line held nothing else, which
    pymupdf4llm set as a paragraph of its own after the next page's body text.

    Before (pymupdf4llm, a5-11pt): ``11 這個報酬可能包含了…，《BBC 코 리아》，2024 年11 月4 日，
    https://www.bbc.com/korean/articles/cy4ne7magg2ro`` / (page break, body text ending
    ``…12這部分值得後續關注。``) / ``。`` / ``> 12 이상근, …``
    After: footnote 11 ends ``…cy4ne7magg2ro。``; no paragraph ``。``.
    Only when the current footnote stops mid-sentence and the body text before ends one
    (a body paragraph cut after its last word would take it).
    """
    if line.gap or not _LONE_SENTENCE_END.match(line.text) or not _unfinished(note):
        return False
    before = next((previous for previous in reversed(body) if not previous.gap), None)
    return before is not None and before.text.rstrip().endswith(tuple(_SENTENCE_END))


def _url_left_out_of_quote(line: Line, note: list[str]) -> bool:
    """A footnote's URL that pymupdf4llm set as a paragraph of its own, after the block
    quote holding the rest of the footnote.

    Before: ``> 6 “MP Materials Stops Sending US Rare Earths to China amid Beijing’s
    Tariffs,” Reuters, April 18, 2025,`` / ``https://www.reuters.com/markets/commodities/
    mp-materials-stops-china-bound-rare-earth-shipments-over-tariffs-2025-0417/.``
    After: footnote 6 ends ``…April 18, 2025, https://www.reuters.com/…-2025-0417/.``
    Only a line that is one URL and nothing else, right after the quoted footnote (blank
    lines between), when that footnote stops mid-sentence.
    """
    return bool(BARE_URL.match(line.text)) and _unfinished(note)


#: the next footnote's number after a sentence end inside a footnote's text
_RUN_ON_NOTE = re.compile(r"(?<=[.。」）)]) (\d{1,3}) ?(?=\S)")


def split_run_on_footnotes(number: str, text: str, body: list[Line], line: int,
                           report: Report) -> list[tuple[str, str]]:
    """Two footnotes pymupdf4llm set on one quoted line: the next footnote's number after
    a sentence end, its marker in the body.

    Before: ``> 15 Andy Home, "US-Ukraine Deal …," Reuters, May 6, 2025,
    https://reurl.cc/0KnLqo. 16 同註 5。``
    After: footnote 15 ends ``…https://reurl.cc/0KnLqo.``; footnote 16 = ``同註 5。``
    """
    notes = [(number, text)]
    while number.isdigit():
        following = str(int(number) + 1)
        match = next((m for m in _RUN_ON_NOTE.finditer(notes[-1][1])
                      if m.group(1) == following), None)
        if match is None or not _marker_in_body(following, body):
            break
        head, tail = notes[-1][1][: match.start()], notes[-1][1][match.end():]
        notes[-1] = (number, head)
        notes.append((following, tail))
        report.add("split_run_on_footnotes", line, text[match.start() - 12 : match.end() + 8],
                   f"[^{following}]")
        number = following
    return notes


#: a footnote's number after text that stops mid-sentence (the page broke there)
_INLINE_NOTE = re.compile(r"(?<=[\u4e00-\u9fff，、]) (\d{1,3}) (?=\S)(?![年月日個歲屆名人位項次條頁號期席架艘枚萬億倍天%％])")
_CITATION = re.compile(r"[〈《“\"]|https?://")


def split_footnote_from_paragraph(line: Line, current: str | None, body: list[Line],
                                  page_follows: bool = False,
                                  rest_follows: Callable[[], bool] | None = None
                                  ) -> tuple[str, str] | None:
    """A footnote pymupdf4llm set inside a body paragraph, where the page broke it: the
    next footnote's number after text that stops mid-sentence, then a citation that ends
    the line; the paragraph goes on in the next line.

    Before: ``1994 年 10 月，美中間出現了首次嚴重海上對峙，…卻也凸顯海上意外 1 丁文翔、陳琳與
    張懋瑄，〈中美兩軍舉行 2025 年度海上軍事安全磋商機制工作小組會〉，《北京日 報》，2025 年 4 月
    3 日，https://xinwen.bjd.com.cn/content/s67ee7c11e4b08edd28f71c38.html。`` / ``升高成衝突…``
    After: the paragraph ``…卻也凸顯海上意外升高成衝突…``; footnote 1 = ``丁文翔、…html。``
    Returns (number, footnote text), or None. Only the next footnote's number, not
    before a counter (``1 架蒼鷺（Heron）無人機``), whose marker stands glued in the body
    before (in text without ``[^n]`` markers: zhiku's own Markdown has none of this).

    A footnote that cites nothing (an explanation, ``同前註。``) only where the next line
    starts a page or the footnote after it (``page_follows``: the paragraph goes on there,
    after the page's footnotes and furniture).
    Before (pymupdf4llm, a5-11pt): ``在台灣議題上，…文件重申「堅持一個中國原則」與九二共 4
    引文中所指之「中導系統」為中程導彈系統。`` / (page break) ``識，並反對「台獨」分裂…``
    After: the paragraph ``…與九二共識，並反對「台獨」分裂…``; footnote 4 = ``引文中所指之
    「中導系統」為中程導彈系統。``

    A citation cut inside its date where its URL comes later as a quoted rest
    (``rest_follows``, asked only for such a line: :func:`_quoted_rest_follows`; 003-01 in
    two columns): ``…化解海上意外事件的 1 丁文翔、…《北京日報》，2025 年 4 月 3 日`` /
    ``發生，MMCA 即是…`` / … /
    ``> ，https://xinwen.bjd.com.cn/…html。``: footnote 1 = ``丁文翔、…4 月 3 日``, and the
    quoted rest goes on it.
    """
    if line.gap or line.text.startswith((">", "#", "[^")) or " " not in line.text:
        return None
    expected = str(int(current) + 1) if current is not None and current.isdigit() else (
        "1" if current is None else None)
    if expected is None or f" {expected} " not in line.text or not (
            line.text.endswith(("。", ".")) or (rest_follows is not None and rest_follows())):
        return None
    for match in _INLINE_NOTE.finditer(line.text):
        if match.group(1) != expected:
            continue
        tail = line.text[match.end():]
        if (_CITATION.search(tail) or page_follows) and _marker_in_body(expected, body) \
                and not any("[^" in previous.text for previous in body[-MARKER_LOOKBACK:]):
            return expected, tail
        return None
    return None


#: pymupdf4llm without block quotes: ``4 윤상길、이정훈，〈…〉`` or a list item ``- 5 目前…``
_PLAIN_FOOTNOTE = re.compile(r"^(?:[-*]\s+)?(\d{1,3})\s+(?![年月日個])(\S.*)$")
_LIST_ITEM = re.compile(r"^[-*]\s+(\S.*)$")


def _plain_footnote_start(match: re.Match, current: str | None, body: list[Line]) -> bool:
    """A footnote set as a plain paragraph or a list item (pymupdf4llm, a page without
    running header): the next footnote's number, then a space, and its marker glued into
    the body before.

    Before: ``…提升國際能見度。4除此之外，當時韓國…`` / ``4 윤상길、이정훈，〈1950 년대 …〉`` /
    ``- 5 目前較為知名有「極東廣播電台」和「國民統一廣播電台」。``
    After: footnotes 4 and 5; ``- 日，https://…`` after ``- 9 〈…〉，1992 年10 月22`` goes on
    with footnote 9.
    """
    number = int(match.group(1))
    expected = int(current) + 1 if current is not None and current.isdigit() else 1
    return number == expected and _marker_in_body(match.group(1), body)


#: how the rest of a footnote opens where the line broke inside its date: a URL, or the
#: date's day (month, year) glued by its comma to a URL, or (the line broke after the
#: date) the comma before the URL
_PLAIN_NOTE_TAIL = re.compile(r"^(?:[年月日]?[，,]\s*)?(?:https?://|www\.)\S")


def _plain_footnote_tail(line: Line, note: list[str]) -> bool:
    """The rest of a footnote that pymupdf4llm set as a plain paragraph (no block quote)
    and broke at a line end: the next paragraph right after it opens with the date's day
    glued to the footnote's URL, or with the URL.

    Before (pymupdf4llm, 10.5pt-dense): ``20 신진우、신규진，《北 , 국내 ‘콜드론치’ 기술
    탈취해 SLBM 개발 단축》，동아일보，2024 年 02 月 27`` / ``日，https://shorturl.at/XTqp2；
    박은주，…，2023 年 12 月 27 日，https://shorturl.at/KNUaL。``
    After: footnote 20 = ``…2024 年 02 月 27 日，https://shorturl.at/XTqp2；박은주，…KNUaL。``
    (not a body paragraph joined to the text the page broke, ``…將凍結資金交付平壤``).
    Only right after the footnote (blank lines between), when it stops mid-sentence; a body
    line that opens with a day (``日，俄國在莫斯科…``) opens no URL and stays in the body.

    Before (pymupdf4llm, a5-11pt): ``- 4 〈雅魯藏布江下游水電工程已獲核准〉，《人民網》， 2024 年
    12 月 26 日`` / ``，https://paper.people.com.cn/rmrb/pc/content/202412/26/…ht ml。``
    After: footnote 4 ends ``…2024 年 12 月 26 日，https://paper.people.com.cn/…html。``
    In two columns the day may stand alone before the URL's line (pymupdf4llm, 001-08):
    ``- 4 〈…〉，《人民網》， 2024 年 12 月 26`` / ``日`` / ``，https://paper.people.com.cn/…``
    (:func:`_lone_date_unit`).
    """
    return not line.gap and _unfinished(note) and bool(
        _PLAIN_NOTE_TAIL.match(line.text) or _lone_date_unit(line.text, note)
        or _closes_a_bracket_left_open(note, line.text))


#: brackets a footnote's title or quotation opens and closes
_NOTE_BRACKETS = (*BRACKET_PAIRS, "“”")


def _closes_a_bracket_left_open(note: list[str], text: str) -> bool:
    """The footnote stops inside a title or a quotation it opened, and ``text`` closes it
    before it opens another of its kind: the title's rest (pymupdf4llm, 001-04 in two
    columns: ``16 〈VOA·RFA 이어 국정원 방송 중단에…“대북 라디오 방송량`` /
    ``80%↓”〉，《연합뉴스》，2025 年7 月22`` / ``日，https://www.yna.co.kr/…``)."""
    joined = "".join(note)
    for opening, closing in _NOTE_BRACKETS:
        if joined.count(opening) > joined.count(closing):
            closes, opens = text.find(closing), text.find(opening)
            if closes != -1 and (opens == -1 or closes < opens):
                return True
    return False


def _between_plain_footnotes(line: Line, lines: list[Line], index: int, current: str,
                             note: list[str],
                             body: list[Line]) -> bool:
    """The rest of a footnote that pymupdf4llm set as a plain paragraph and broke into two:
    a paragraph right after the footnote, which stops mid-sentence, and right before the
    next footnote (blank lines between), on the same page.

    Before (pymupdf4llm, a5-11pt): ``11 混幣的目的是…Zhang Joy，〈加密貨 幣混幣器是什麼？
    工作原理&類型、洗錢監管風險、代表專案…全整理〉，`` / ``《Blocktempo》，2024 年06 月 14 日，
    https://shorturl.at/93IWM。`` / ``12 “Sanctions Imposed on DPRK IT Workers…``
    After: footnote 11 ends ``…全整理〉，《Blocktempo》，2024 年06 月 14 日，…93IWM。``
    (not joined to the body paragraph the page broke, ``…精密工程技術乃至於核研究等情資與機``).
    Not a line that starts a page (the body text the page broke goes on there), nor a list
    item (the rest of a footnote set as one: see the ``listed`` footnotes).
    """
    if line.gap or line.page_start or not _unfinished(note) or not current.isdigit() \
            or _LIST_ITEM.match(line.text):
        return False
    following = next(iter(_next_lines(lines, index + 1)), None)
    if following is None or following.page_start:
        return False
    plain = _PLAIN_FOOTNOTE.match(following.text)
    return bool(plain) and _plain_footnote_start(plain, current, body)


def _continues_quoted_footnote(start: re.Match, current: str, note: list[str]) -> bool:
    """A quoted line that opens with a number but goes on with the footnote before: the
    number is a date's day or month (``> 9 日，https://…`` after ``…，2025 年 5 月``), or
    no footnote after the current one (``> 6 月25日`` after footnote 8).

    Before (pymupdf4llm): ``> 10 廖士鋒，〈…〉，《聯合新聞網》，2025 年 5 月`` /
    ``> 9 日，https://udn.com/news/story/7331/8729066；…``
    After: footnote 10 = ``廖士鋒，〈…〉，《聯合新聞網》，2025 年 5 月 9 日，https://udn.com/…``
    The same for a page number that a comma follows (no footnote text opens with one):
    Before: ``> 10 洪銘德，〈從兩會看中國的能源轉型政策〉，…，2025 年4 月，頁`` /
    ``> 18，https://indsr.org.tw/respublicationcon?uid=13&resid=3009&pid=5489。`` /
    ``> 11 同註 9。``
    After: footnote 10 ends ``…，頁 18，https://indsr.org.tw/…``; footnote 11 follows.
    So for a Latin date's day, which a comma follows:
    Before (10.5pt-dense): ``> 1 Kirsty Needham, “Fiji Says China Military Base Not Welcome
    as Pacific Islands Steer Between Superpowers,” Reuters, July`` / ``> 2, 2025,
    https://reurl.cc/nY63Gn.`` / ``> 2 陳政錄，〈回應斐濟反彈 陸使館：…〉…``
    After: footnote 1 ends ``…Reuters, July 2, 2025, https://reurl.cc/nY63Gn.``; footnote 2
    is 陳政錄's.
    """
    number = int(start.group(1))
    if current.isdigit() and number <= int(current):
        return True
    return bool(re.match(r"[年月日，、；,]", start.group(2))) and _unfinished(note)


def _unfinished(note: list[str]) -> bool:
    """A footnote's text so far stops mid-sentence (no full stop, no closing bracket)."""
    return bool(note) and not note[-1].rstrip().endswith(tuple(_SENTENCE_END))


def _is_footnote_continuation(line: Line, body: list[Line], note: list[str]) -> bool:
    """A line between footnotes that continues the previous footnote, not the body.

    ``⁶ Cathleen S. Fisher, … quoted in Barry M.`` / (page break) / ``Blechman et al.,
    *Naval Arms Control* …, p. 80.`` / ``⁷ Ibid., p. 69.``: the middle line is Latin text
    in a Chinese article, between two footnotes, so it finishes footnote 6.
    """
    if not note or not body:
        return False
    last = note[-1].rstrip()
    note_unfinished = not last.endswith(tuple(_SENTENCE_END)) or bool(
        re.search(r"\b[A-Z]\.$", last))
    body_unfinished = not body[-1].text.endswith(tuple(_SENTENCE_END))
    latin = _is_latin(line.text)
    body_is_chinese = sum(not c.isascii() for c in body[-1].text) > 0.5 * len(body[-1].text)
    return note_unfinished and ((latin and body_is_chinese) or not body_unfinished)


#: not 2+2 (a format), nor a URL's parameter (``respublicationcon?uid=13&resid=3009``),
#: nor what opens a cell of a Markdown table (pymupdf4llm: ``||3. 金正恩親自以施政演說||``)
_MARKER_BEFORE = r"(?<=[^\s\d.,:/%A-Za-z(（《〈「『\-\[–—~～^+＋=|])"
#: a marker the line break put at the start of the next line: ``電台」`` / ``3，當時``
_LINE_START_MARKER = re.compile(r"^(\d{1,3})(?=[，。、；：！？」』）)])")
#: never a leading part of a longer number: ``4月28日`` holds no marker 2; a run of digits
#: before 年/月/日 may be a marker glued to a date (``業務，208月4日``: see
#: :func:`split_marker_from_date`), nor a count before its measure word (``戰機、1 架蘇愷 30
#: 戰機``, ``出動 3艘``)
_GLUED_DIGITS = re.compile(_MARKER_BEFORE + r"(?:(\d{1,3})(?!\d|[.,]\d|\s*[年月日個歲%％架艘枚輛])"
                           r"|(\d{2,7})(?=\s*([年月日])))")
_DATE_PARTS = {"年": (1000, 2100), "月": (1, 12), "日": (1, 31)}
_DATE_UNIT_AFTER = re.compile(r"\s*([年月日])")


def split_marker_from_date(digits: str, unit: str, expected: int | None) -> int | None:
    """The footnote marker glued in front of a date's number, when the digits hold both.

    Before: ``並在 7 月中旬中止國情院所有對北廣播業務，208月4日撤除…`` (footnote 20 comes next)
    After:  ``…對北廣播業務，[^20]8月4日撤除…``

    Only the next footnote's number (markers count up), and only when what is left is a
    month (1–12) before 月, a day (1–31) before 日, a four-digit year before 年: ``2025年``
    stays a year when the next footnote is 20 (``25年`` is no year), ``10月`` holds no
    marker 1 (``0月`` is no month), and digits that are a date already (``12月``) hold none.
    """
    if expected is None or not digits.startswith(str(expected)):
        return None
    rest = digits[len(str(expected)):]
    if not rest or rest.startswith("0"):
        return None
    if _is_date_part(digits, unit):  # ``12月`` is December, whatever footnote comes next
        return None
    return expected if _is_date_part(rest, unit) else None


def _is_date_part(digits: str, unit: str) -> bool:
    low, high = _DATE_PARTS[unit]
    if unit == "年" and len(digits) != 4:
        return False
    return low <= int(digits) <= high


def _next_marker(available: set[int], used: list[int]) -> int | None:
    following = [n for n in available if n not in used and (not used or n > used[-1])]
    return min(following) if following else None
#: a marker that justified text set off by spaces, after full-width punctuation:
#: ``就業機會等領域。 1相較於``, ``重要變數。 5 例如``, ``海上對峙， 2 1996 年``, ``電台」 3，當時``,
#: ``更加嚴峻」。 5  2022 年`` (pypdf: the stretched line's spaces kept), ``義（realism） 5 ，積極``
#: (pdftotext -layout of a justified column: a space on both sides)
_SPACED_MARKER = re.compile(
    r"(?<=[。，、；：！？」』）)]) (\d{1,3})(?: (?=[\u4e00-\u9fff「『（《〈，。、；：！？])|(?= +\d)|"
    r"(?=[\u4e00-\u9fff「『（《〈，。、；：！？])|$)")
#: and after an ideograph, glued to the next one: ``包括中導系統 4在內`` (never ``約 4 個``,
#: ``2021年 6月``; and only the very next footnote's number)
_SPACED_AFTER_IDEOGRAPH = re.compile(
    r"(?<=[\u4e00-\u9fff]) (\d{1,3})(?![年月日個歲屆名人位項次條頁號期席])"
    r"(?=[\u4e00-\u9fff「『（《〈])")
#: and after an ideograph or a closing title mark, before punctuation: ``相關的評析 1，納蘭``,
#: ``對內外政策》 3，第二篇`` (only the very next footnote's number; never a page, a note or
#: an ordinal that a word before counts: ``同前註，頁 9。``, ``同註 3。``, ``第 2，``); in a
#: justified column, also with a space after it: ``戰略演訓 14 ，展現``
_SPACED_BEFORE_PUNCT = re.compile(
    r"(?<=[\u4e00-\u9fff》〉])(?<![頁註第約共達]) (\d{1,3})(?: ?(?=[，。、；：！？]))")


def mark_references(line: Line, hard_wrapped: bool, available: set[int], used: list[int],
                    report: Report, plain_digits: bool | None = None,
                    next_text: str = "") -> None:
    """Replace footnote markers in one line with ``[^n]``, in place.

    Before: ``成小組來討論。1基本上美國財政部長`` (footnote 1 exists)
    After:  ``成小組來討論。[^1]基本上美國財政部長``

    Before: ``舉行 2025 年度「海上軍事安全磋商機制」工作小組會議。¹當前``
    After:  ``舉行 2025 年度「海上軍事安全磋商機制」工作小組會議。[^1]當前``

    Digits count as a marker only when they are glued to the preceding character and
    name a footnote that this article defines and has not referenced yet, in
    increasing order: ``2025 年`` and ``《2025國家安全戰略》`` stay as they are.

    ``plain_digits``: markers are plain digits (the default in hard-wrapped text; also in
    one-line-per-paragraph text without superscripts, as pymupdf4llm writes it).
    Before: ``就業機會等領域。 1相較於`` (justified text: a space before the marker)
    After:  ``就業機會等領域。[^1]相較於``

    ``next_text``: the next body line. A date the line break cut after its number is no
    marker: ``…正當性。2025 年5 月9`` / ``日，俄國在莫斯科…`` keeps its ``9`` (PyMuPDF drops
    the space of ``5 月 9``, so the day is glued to 月 at the line's end).
    """
    if plain_digits is None:
        plain_digits = hard_wrapped
    if plain_digits:
        if hard_wrapped and _DIGITS_ONLY.match(line.text) and int(line.text) in available:
            number = int(line.text)
            if number not in used and (not used or number > used[-1]):
                used.append(number)
                report.add("mark_footnote_references", line.no, line.text, f"[^{number}]")
                line.text = f"[^{number}]"
            return

        def glued(match: re.Match) -> str:
            digits = match.group(1) or match.group(2)
            unit = _DATE_UNIT_AFTER.match(match.string, match.end(1) if match.group(1)
                                          else match.end(2))
            if unit:
                number = split_marker_from_date(digits, unit.group(1),
                                                _next_marker(available, used))
                if number is not None:
                    used.append(number)
                    fixed = f"[^{number}]{digits[len(str(number)):]}"
                    report.add("split_marker_from_date", line.no, digits, fixed)
                    return fixed + match.string[match.end(1) if match.group(1)
                                                else match.end(2) : match.end()]
            if not match.group(1):
                return match.group(0)
            if _date_cut_by_line_break(match, next_text):
                return match.group(0)
            number = int(match.group(1))
            is_next = number == _next_marker(available, used)
            if not is_next and _month_cut_by_line_break(match, next_text):
                return match.group(0)
            if match.re in (_SPACED_AFTER_IDEOGRAPH, _SPACED_BEFORE_PUNCT) and not is_next:
                return match.group(0)
            if number in available and number not in used and (not used or number > used[-1]):
                used.append(number)
                report.add("mark_footnote_references", line.no, match.group(1), f"[^{number}]")
                return f"[^{number}]"
            return match.group(0)

        patterns = (_LINE_START_MARKER, _GLUED_DIGITS) + (
            (_SPACED_MARKER, _SPACED_AFTER_IDEOGRAPH, _SPACED_BEFORE_PUNCT)
            if " " in line.text else ())
        line.text = _sub_in_order(line.text, patterns, glued)
        return

    def superscript(match: re.Match) -> str:
        number = superscript_number(match.group(0))
        if number is not None and number in available:
            used.append(number)
            report.add("mark_footnote_references", line.no, match.group(0), f"[^{number}]")
            return f"[^{number}]"
        return match.group(0)

    line.text = SUPERSCRIPT_RUN.sub(superscript, line.text)


#: the unit that follows a date part: a year's month, a month's day
_NEXT_DATE_UNIT = {"年": "月", "月": "日"}


def _date_cut_by_line_break(match: re.Match, next_text: str) -> bool:
    """Digits that end a line right after 年/月 and whose unit (月/日) opens the next
    line: the month or day of a date, ``2025 年5 月9`` / ``日，``."""
    if match.string[match.end():].strip() or not next_text:
        return False
    before = re.search(r"([年月])\s?$", match.string[:match.start()])
    if not before or not next_text.startswith(_NEXT_DATE_UNIT[before.group(1)]):
        return False
    return _is_date_part(match.group(1) or match.group(2), next_text[0])


def _month_cut_by_line_break(match: re.Match, next_text: str) -> bool:
    """Digits that end a line, a month's number, where 月 opens the next line: a date
    without its year, ``特別受矚目的是4`` / ``月29 日外交部…`` (PyMuPDF drops the space of
    ``4 月``). Only for a number that is not the next footnote's (the caller's check): a
    marker's next line may open with 月 all the same."""
    if match.string[match.end():].strip() or not next_text.startswith("月"):
        return False
    return _is_date_part(match.group(1) or match.group(2), "月")


def _sub_in_order(text: str, patterns, replace) -> str:
    """``re.sub`` with several patterns at once, left to right: markers count up, so
    ``取消， 15現有的…的 20%，16預期`` must meet 15 (set off by a space) before 16 (glued)."""
    matches = [m for pattern in patterns for m in pattern.finditer(text)]
    if not matches:
        return text
    matches.sort(key=lambda m: (m.start(), -m.end()))
    out, position = [], 0
    for match in matches:
        if match.start() < position:
            continue  # overlaps a match already taken
        out.append(text[position : match.start()])
        out.append(replace(match))
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def resolve_lone_numbers(lines: list[Line], available: set[int], used: list[int],
                         report: Report) -> list[Line]:
    """A line holding only a number: a footnote marker that lost its line, or a page number.

    Before: ``…挑戰中方詮釋的動作。`` / ``7`` (footnote 7 exists, no ``⁷`` in the text)
    After:  ``…挑戰中方詮釋的動作。[^7]``

    Before: ``…緩解國內壓力`` / ``7`` (no footnote 7, or ``⁷`` already in the text)
    After:  ``…緩解國內壓力`` (page number removed)
    """
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if not _DIGITS_ONLY.match(line.text):
            kept.append(line)
            continue
        number = int(line.text)
        previous = next((x for x in reversed(kept) if not x.gap), None)
        if number in available and number not in used and previous is not None:
            used.append(number)
            report.add("mark_footnote_references", line.no, line.text, f"[^{number}]")
            previous.text += f"[^{number}]"
            continue
        report.add("remove_page_numbers", line.no, line.text)
        if index + 1 < len(lines):
            lines[index + 1].page_start = True
    return kept


_OPENING_MARKER = re.compile(
    r"^(\d{1,3})(?=$|[\u4e00-\u9fff「『（《〈，。、；：！？」』）)]| \d| [\u4e00-\u9fff])"
    r"|^(\d{2,7})(?=\s*([年月日]))")
#: PyMuPDF's space between a marker that opens a line piece and an ideograph: ``4 人工智慧``
_SPACE_AFTER_MARKER = re.compile(r"^(\d{1,3}) (?=[\u4e00-\u9fff])")


def _marker_number(match: re.Match, expected: int | None) -> int | None:
    """The marker number a match of ``_OPENING_MARKER``/``_GLUED_DIGITS``/``_SPACED_MARKER``
    stands for (digits before 年/月/日 hold one only when they start with ``expected``)."""
    digits = match.group(1) or match.group(2)
    end = match.end(1) if match.group(1) else match.end(2)
    unit = _DATE_UNIT_AFTER.match(match.string, end)
    if unit:
        number = split_marker_from_date(digits, unit.group(1), expected)
        if number is not None:
            return number
    return int(match.group(1)) if match.group(1) else None


#: a footnote's number alone on its line, as pdftotext sets it above the footnote's text
_NOTE_START = re.compile(r"^(\d{1,3})$")


def rejoin_lines_split_at_markers(lines: list[Line], wrap: Wrap, report: Report) -> list[Line]:
    """Glue back a line that PyMuPDF broke where a superscript marker stands.

    PyMuPDF reads a superscript as a new line, so one printed line becomes two:
    Before: ``宣示，然後依據談判議題分成小組來討論。`` / ``1基本上美國財政部長貝森特及中國國務院``
    After:  ``宣示，然後依據談判議題分成小組來討論。1基本上美國財政部長貝森特及中國國務院``
    Before: ``供之 5,000 億美元軍援債務。`` / ``2`` (the marker ended the printed line)
    After:  ``供之 5,000 億美元軍援債務。2``
    Before: ``1994 年 10 月，美中間出現了首次嚴重海上對峙，`` / ``2 1996 年 3 月台海危機期間，雙方``
    After:  ``1994 年 10 月，美中間出現了首次嚴重海上對峙，2 1996 年 3 月台海危機期間，雙方``
    (a number follows the marker: PyMuPDF keeps the space between them)
    Before: ``彈發展提供資金，並加速其進程。`` / ``4 人工智慧`` (PyMuPDF set a space after the
    marker, 001-05 in two columns) After: ``…並加速其進程。4人工智慧``; but not a piece so
    spaced that ends a sentence: ``…36N5e。`` / ``6 同前註。`` is a footnote of one line.

    Only the next marker number (markers count up from 1 through an article), only
    where both pieces fit on one printed line, never across a page break, and never in a
    page's footnotes (from a line holding only the number of a marker already seen to the
    page's end, or, in text without page marks, to the body's next marker: PDFium's
    ``2`` / `` Public Service…`` … ``…增加了 103%，6`` / ``2025 年``): pdftotext's ``19`` /
    ``〈대북 확성기 방송 중지〉，…`` / ``20`` / ``韓國政府…`` keeps footnote 20's number on its
    own line. Markers are counted as
    :func:`mark_references` finds them, so a date that a line break cut after its number
    counts none: ``《로동신문》, 2025 年5 月13`` / ``日, https://…`` (footnote 13 comes next)
    leaves ``…關係現狀。`` / ``13北韓或`` to be glued back.
    """
    kept: list[Line] = []
    expected = 1
    superscripts: dict[int, int] = {}  # line number → digits of the markers glued back in
    in_notes = False  # in a page's footnotes: from a footnote whose marker was seen
    ends_with_marker = 0  # digits of the marker that ends the line kept last
    for index, line in enumerate(lines):
        previous = kept[-1] if kept else None
        if line.page_start:
            in_notes = False
        note = _NOTE_START.match(line.text)
        if note and int(note.group(1)) < expected:
            in_notes = True
        match = _OPENING_MARKER.match(line.text) if not line.gap and not in_notes else None
        # the next marker with PyMuPDF's space after it (not ``208 月``: 20 glued to 8 月)
        spaced = _SPACE_AFTER_MARKER.match(line.text) if match else None
        if spaced and spaced.group(1) != str(expected):
            spaced = None
        if spaced and _ends_sentence(line.text):
            match = None  # a footnote of one line (``6 同前註。``), not a line's rest
        if (match and _marker_number(match, expected) == expected and previous is not None
                and not previous.gap and not line.page_start
                # markers are printed small: their digits take about no width
                and printed_width(previous.text) + printed_width(line.text)
                - superscripts.get(previous.no, 0) - len(str(expected))
                <= wrap.full + wrap.slack + 2):
            rest = spaced.group(1) + line.text[spaced.end() :] if spaced else line.text
            report.add("rejoin_lines_split_at_markers", line.no,
                       previous.text[-6:] + " | " + line.text[:8],
                       previous.text[-6:] + rest[:8])
            previous.text += rest
            superscripts[previous.no] = superscripts.get(previous.no, 0) + len(str(expected))
            expected += 1
            continue
        following = following_text(lines, index)
        if (previous is not None and ends_with_marker and not line.gap and not in_notes
                and not line.page_start
                and (_MARKER_INSIDE_SENTENCE.search(previous.text)
                     or rest_of_a_line_after_a_sentence_marker(previous, line, wrap, following))
                and not caption_ends_at_its_marker(previous)
                # the two pieces make one full printed line (a paragraph's first, short by its
                # indent, maybe), the marker's digits about no width
                and -wrap.first_indent - wrap.slack - 2
                <= printed_width(previous.text) + printed_width(line.text)
                - superscripts.get(previous.no, 0) - ends_with_marker - wrap.full
                <= wrap.slack + 2):
            joint = " " if line.text[:1].isdigit() else ""  # ``對峙，2 1996 年``, as PyMuPDF's
            report.add("rejoin_lines_split_at_markers", line.no,
                       previous.text[-6:] + " | " + line.text[:8],
                       previous.text[-6:] + joint + line.text[:8])
            previous.text += joint + line.text
            superscripts[previous.no] = superscripts.get(previous.no, 0) + ends_with_marker
            ends_with_marker = 0
            continue
        markers = sorted([*_GLUED_DIGITS.finditer(line.text), *_SPACED_MARKER.finditer(line.text),
                          *_SPACED_AFTER_IDEOGRAPH.finditer(line.text),
                          *_SPACED_BEFORE_PUNCT.finditer(line.text)],
                         key=lambda marker: marker.start())
        ends_with_marker = 0
        for marker in markers:
            if _marker_number(marker, expected) == expected \
                    and not _date_cut_by_line_break(marker, following):
                expected += 1
                in_notes = False  # the body's next marker: the body goes on here
                if marker.end() == len(line.text) and not line.gap:
                    ends_with_marker = len(marker.group(0).strip())
        kept.append(line)
    return kept


def rest_of_a_line_after_a_sentence_marker(previous: Line, line: Line, wrap: Wrap,
                                           following: str) -> bool:
    """Is ``line`` the rest of a printed line that PDFium broke after a marker that closes a
    sentence, not a paragraph of its own?

    Before (pypdfium2, 003-03): ``…甚至形容兩岸局勢為「反分裂鬥爭形勢更加嚴峻」。5`` /
    ``2022 年`` / ``的《台灣問題與新時代中國統一事業》白皮書則因為…``
    After: ``…更加嚴峻」。5 2022 年`` / ``的《台灣問題…`` (the caller glues the pieces).
    After a sentence a paragraph may end too, so only a piece that cannot stand alone: it
    ends mid-sentence, it is no heading and no caption, it is shorter than a paragraph's
    first line (a full line less the indent) by more than the slack, or, without Latin
    letters, by room enough for what opens the next line (no typesetter ends a first line
    there: a5-11pt, ``峻」。5`` / ``2022 年的《台灣問題與新時代中國統一事業》白皮書則因為``, 54
    of a first line's 56, / ``對台政策…``), and the text goes on after it. The caller checks
    that both pieces make one printed line.
    """
    room = wrap.full - wrap.first_indent - printed_width(line.text)  # as a first line
    return bool(_MARKER_AFTER_SENTENCE.search(previous.text) and following
                and ENDS_MID_SENTENCE.search(line.text)
                and (room > wrap.slack + 2
                     # no first line stops with room for what opens the next line
                     or not LATIN_LETTER.search(line.text)
                     and 0 < opening_unit_width(following) <= room)
                and not heading_level(line.text) and not TABLE_CAPTION.match(line.text))


def caption_ends_at_its_marker(previous: Line) -> bool:
    """A table's caption that ends with its footnote's marker ends its printed line: the
    line after it is the table's first row, however wide the two would be together.

    Before (pypdf, 002-01 in two columns, full line 46): ``〈表一〉北韓核戰略的綜合目標7``
    (29) / ``領域 當前目標 未來目標`` (21: the pieces would make one line, 3 more than full)
    After: the two lines stay apart (the caption, then the table's cells).
    """
    return bool(TABLE_CAPTION.match(previous.text))


#: a marker glued to the end of a line after a sentence's end: ``…更加嚴峻」。5``
_MARKER_AFTER_SENTENCE = re.compile(r"[。！？」』]\d{1,3}$")
#: a marker glued to the end of a piece of a line inside a sentence: ``…海上對峙，2`` (PDFium
#: starts a new line after a superscript, as PyMuPDF does before one)
_MARKER_INSIDE_SENTENCE = re.compile(r"[\u4e00-\u9fff，、；：]\d{1,3}$")
