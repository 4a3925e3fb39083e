"""Footnotes: lift definitions out of the page flow, turn markers into ``[^n]``.

Extractors leave footnote text where the page ended: pdftotext under a gap line at the
page bottom (``1 倪浩軒，〈中美關稅…〉``), PDF-to-Markdown as a paragraph that starts
with superscript digits (``¹ 丁文翔…``).  The markers in the text are bare digits glued
to the preceding character (``討論。1基本上``) or superscript digits (``會議。¹當前``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import SUPERSCRIPT_RUN, Line, Wrap, display_width, superscript_number
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
    lines: list[Line], hard_wrapped: bool, report: Report
) -> tuple[list[Line], Footnotes]:
    """Take footnote definitions and page numbers out of an article's line flow.

    Before (pdftotext): ``成小組來討論。1基本上…`` / ``␠`` / ``1 倪浩軒，〈…〉，《今日新聞》，``
    / ``https://tw.news.yahoo.com/….html。`` / `` 述，相對於日內瓦…``
    After: body ``成小組來討論。1基本上…``, ``述，相對於日內瓦…``; footnote 1 =
    ``倪浩軒，〈…〉，《今日新聞》，`` + ``https://tw.news.yahoo.com/….html。``
    """
    if hard_wrapped:
        return _separate_pdftotext(lines, report)
    return _separate_superscript(lines, report)


def _separate_pdftotext(lines: list[Line], report: Report) -> tuple[list[Line], Footnotes]:
    notes = Footnotes()
    body: list[Line] = []
    in_block = False
    current: str | None = None
    last_number = 0

    def footnote_start(line: Line, relaxed: bool = False) -> tuple[str, str] | None:
        match = _PDFTOTEXT_FOOTNOTE.match(line.text)
        if match and last_number < int(match.group(1)) <= last_number + 3:
            return match.group(1), match.group(2)
        if match and relaxed:
            return match.group(1), match.group(2)
        match = _AUTHOR_NOTE.match(line.text)
        if match:
            return match.group(1), match.group(2)
        return None

    skip_until = -1
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if index <= skip_until:
            continue
        numbers = _lone_footnote_numbers(lines, index, body, last_number)
        if numbers:
            # ``1`` / ``倪浩軒，〈…〉``: numbers the extractor set on lines of their own,
            # then the texts in order (a short footnote's text ends with its sentence)
            position = index + len(numbers)
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
        if line.gap:
            ahead = [x for x in lines[index + 1 : index + 8] if not x.gap][:4]
            if ahead and not ahead[0].page_start and footnote_start(ahead[0]):
                in_block = True
            elif current is not None and ahead and _continues_footnote(ahead, footnote_start):
                # the rest of a footnote the page broke, above the next page's footnotes
                in_block = True
            if not in_block:
                body.append(line)
            continue
        if _DIGITS_ONLY.match(line.text) and (
            in_block or line.page_start or following is None or following.page_start
        ):
            report.add("remove_page_numbers", line.no, line.text)
            in_block = False
            if following is not None:
                following.page_start = True
            continue
        if in_block and line.page_start:
            in_block = False
        opens_block = not in_block and not line.page_start and _starts_block_without_gap(
            line, body, last_number)
        if opens_block:
            in_block = True
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
        body.append(line)
    return body, notes


_ENDS_NOTE = re.compile(r"[。.」）)]$")


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
        rf"|[。，、；：！？」』）)] {number}(?= ?[\u4e00-\u9fff「『（《〈]| \d|[，。、；：！？])")
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
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if line.text.startswith(">"):
            start = _QUOTED_FOOTNOTE.match(line.text)
            if start:
                notes.add(start.group(1), start.group(2), line.no)
                current, quoted = list(notes.texts)[-1], True
                report.add("move_footnotes", line.no, line.text[:40] + "…",
                           f"[^{start.group(1)}]")
                continue
            if quoted and current is not None:
                notes.texts[current].append(_QUOTED_LINE.match(line.text).group(1))
                report.add("join_split_footnote", line.no, line.text[:40] + "…", f"[^{current}]")
                continue
        if not line.gap:
            quoted = False
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
        body.append(line)
    return body, notes


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
    latin = sum(c.isascii() for c in line.text) > 0.6 * len(line.text)
    body_is_chinese = sum(not c.isascii() for c in body[-1].text) > 0.5 * len(body[-1].text)
    return note_unfinished and ((latin and body_is_chinese) or not body_unfinished)


_MARKER_BEFORE = r"(?<=[^\s\d.,:/%A-Za-z(（《〈「『\-\[–—~～^+＋])"  # not 2+2 (a format)
#: a marker the line break put at the start of the next line: ``電台」`` / ``3，當時``
_LINE_START_MARKER = re.compile(r"^(\d{1,3})(?=[，。、；：！？」』）)])")
#: never a leading part of a longer number: ``4月28日`` holds no marker 2
_GLUED_DIGITS = re.compile(_MARKER_BEFORE + r"(\d{1,3})(?!\d|[.,]\d|\s*[年月日個歲%％])")
#: a marker that justified text set off by spaces, after full-width punctuation:
#: ``就業機會等領域。 1相較於``, ``重要變數。 5 例如``, ``海上對峙， 2 1996 年``, ``電台」 3，當時``
_SPACED_MARKER = re.compile(
    r"(?<=[。，、；：！？」』）)]) (\d{1,3})(?: (?=[\u4e00-\u9fff「『（《〈])|(?= \d)|"
    r"(?=[\u4e00-\u9fff「『（《〈，。、；：！？]))")


def mark_references(line: Line, hard_wrapped: bool, available: set[int], used: list[int],
                    report: Report, plain_digits: bool | None = None) -> None:
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
            number = int(match.group(1))
            if number in available and number not in used and (not used or number > used[-1]):
                used.append(number)
                report.add("mark_footnote_references", line.no, match.group(1), f"[^{number}]")
                return f"[^{number}]"
            return match.group(0)

        line.text = _LINE_START_MARKER.sub(glued, line.text)
        line.text = _GLUED_DIGITS.sub(glued, line.text)
        if " " in line.text:
            line.text = _SPACED_MARKER.sub(glued, line.text)
        return

    def superscript(match: re.Match) -> str:
        number = superscript_number(match.group(0))
        if number is not None and number in available:
            used.append(number)
            report.add("mark_footnote_references", line.no, match.group(0), f"[^{number}]")
            return f"[^{number}]"
        return match.group(0)

    line.text = SUPERSCRIPT_RUN.sub(superscript, line.text)


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


_OPENING_MARKER = re.compile(r"^(\d{1,3})(?=$|[\u4e00-\u9fff「『（《〈，。、；：！？」』）)])")


def rejoin_lines_split_at_markers(lines: list[Line], wrap: Wrap, report: Report) -> list[Line]:
    """Glue back a line that PyMuPDF broke where a superscript marker stands.

    PyMuPDF reads a superscript as a new line, so one printed line becomes two:
    Before: ``宣示，然後依據談判議題分成小組來討論。`` / ``1基本上美國財政部長貝森特及中國國務院``
    After:  ``宣示，然後依據談判議題分成小組來討論。1基本上美國財政部長貝森特及中國國務院``
    Before: ``供之 5,000 億美元軍援債務。`` / ``2`` (the marker ended the printed line)
    After:  ``供之 5,000 億美元軍援債務。2``

    Only the next marker number (markers count up from 1 through an article), only
    where both pieces fit on one printed line, and never across a page break.
    """
    kept: list[Line] = []
    expected = 1
    for line in lines:
        previous = kept[-1] if kept else None
        match = _OPENING_MARKER.match(line.text) if not line.gap else None
        if (match and int(match.group(1)) == expected and previous is not None
                and not previous.gap and not line.page_start
                and display_width(previous.text) + display_width(line.text)
                <= wrap.full + wrap.slack + 2):
            report.add("rejoin_lines_split_at_markers", line.no,
                       previous.text[-6:] + " | " + line.text[:8],
                       previous.text[-6:] + line.text[:8])
            previous.text += line.text
            expected += 1
            continue
        markers = sorted([*_GLUED_DIGITS.finditer(line.text), *_SPACED_MARKER.finditer(line.text)],
                         key=lambda marker: marker.start())
        for marker in markers:
            if int(marker.group(1)) == expected:
                expected += 1
        kept.append(line)
    return kept
