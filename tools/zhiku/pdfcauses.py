"""Why a case of ``zhiku pdf-matrix`` misses its targets, checked in the PDF itself.

A missed case's cleaned article is compared with its reference the way the scorer parses
both (:func:`zhiku.fidelity.parse_body`: paragraphs, headings, footnotes, markers), and
every paragraph or footnote text that differs is attributed to a cause, each verified in
the PDF's line geometry (PyMuPDF's ``rawdict``: blocks → lines → spans → glyph boxes):

- ``hyphen``: the cleaned text lacks hyphens the reference has, and nothing else differs;
  each missing hyphen is the last glyph of a printed line, and that line's text and the
  next line's text are the reference's text around the hyphen
  (``…/a/trump-`` / ``tariff-taiwan-20250801``, cleaned ``trumptariff``).
- ``full-line``: a cleaned paragraph is two (or more) reference paragraphs A + B joined
  (up to the scorer's normalisation, and to hyphens verified as above); the printed line
  that ends A reaches the column's right edge within :data:`FULL_LINE_SLACK` em, and B's
  first line starts at the column's left edge, not indented
  (``…的影響也相對明顯。`` + ``北韓則是從 1967 年…``).
- ``next-word``: the same join, but A's last line ends further short, by less than the
  width of what opens B, which did not fit there (``…取得滲透機會。¹⁶`` 1 em short, then
  ``Kimsuky 團體…``, ``Kimsuky`` 4.3 em wide): a line full for what follows.

The column is the one of the lines in the same font size (the body's or the footnotes'):
the median left and right edges of its lines, most of which are full.

- ``columns``: on a page set in two columns, the extractor's text goes from one column to
  the other and back, line by line (:func:`column_switches`: more than
  :data:`MAX_COLUMN_SWITCHES` times on a page, each extracted line matched to the printed
  line it holds, a line across the page's middle in neither column), where reading one
  column after the other goes across once.  Which of two
  lines at the same height comes first is then not in the text.  Text that sets the columns
  side by side on one line (``pdftotext -layout``) is read apart by the cleaner and is not
  counted here.

- ``indent``: the same join at a full line, or at one that B's first word does not fit
  on, where B's first line is indented in the PDF but the extracted text holds it without
  the indent (pdftotext and pdfplumber leave leading spaces out; so do PyMuPDF, pypdf and
  PDFium in a justified Latin abstract): the break is then not in the text either.
- ``table``: a table the cleaner kept as a fenced text block (issue 3, item 5: no cell is
  certain) holds every character of the reference's table (and its header row again where
  the PDF prints it again atop a page), in the extractor's order, not
  row by row with each cell whole (a cell's wrapped lines interleaved with the next cell's,
  or a cell's rest after a page break read after the row's other cells). Which cell a
  printed line belongs to is then not in the text.

A case whose differences are all explained so is information absent from the extracted
text: the extractor's text is the same whether the line broke there or the paragraph
ended.  Anything else is ``other``, with the first difference left unexplained.  The
scores are not touched: this only reads the cleaned bodies the matrix scored.
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from .fidelity import block_text, normalize, parse_body
from .pdfread import (
    MARKER_SIZE,
    PAGE_NUMBER,
    Glyph,
    group_pieces,
    page_pieces,
    regions_of_pages,
    unit_width,
)

if TYPE_CHECKING:
    from .pdfmatrix import Result

#: how far short of the column's right edge (in em of the line's font) a line still counts
#: as full: less than one ideograph, so a line one ideograph short is not full
FULL_LINE_SLACK = 0.75
#: how far right of the column's left edge (in em) a first line still counts as not indented
INDENT_SLACK = 0.5
#: characters of the reference on each side of a missing hyphen that the PDF must show
HYPHEN_CONTEXT = 12


@dataclass(frozen=True)
class PrintedLine:
    """One printed line of a page: the union of PyMuPDF's line pieces on one baseline.

    ``text`` leaves out footnote markers (glyphs smaller than :data:`MARKER_SIZE` of the
    line's text); ``x0``/``x1`` are the outer edges of its visible glyphs, markers included
    (a marker that ends a line is printed there)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # font size of the line's text (its largest glyphs)
    text: str
    #: width of what opens the line and cannot be broken: a Latin word, or an ideograph
    #: with the punctuation that may not open a line after it
    lead: float = 0.0


@dataclass(frozen=True)
class Column:
    """A text column: left and right edges (pt) and its font size (1 em)."""

    left: float
    right: float
    em: float


@dataclass
class PrintedText:
    """A PDF's printed lines in reading order: page by page, top to bottom."""

    lines: list[PrintedLine]
    columns: dict[float, Column] = field(default_factory=dict, repr=False)
    #: the lines in reading order, a page set in two columns read column by column, each
    #: column's line on its own (:func:`zhiku.pdfread.regions_of_pages`), where ``lines``
    #: holds the two lines at one height as one; empty: the same as ``lines``
    flow: list[PrintedLine] = field(default_factory=list, repr=False)

    def column(self, size: float) -> Column:
        """The column of the text printed in ``size`` (the body, or the footnotes): the
        median left and right edges of its lines, most of which are full lines."""
        key = round(size, 1)
        if key not in self.columns:
            same = [line for line in self.lines if abs(line.size - size) < 0.3]
            self.columns[key] = Column(statistics.median(line.x0 for line in same),
                                       statistics.median(line.x1 for line in same), size)
        return self.columns[key]


def compact(text: str) -> str:
    """Text for matching a printed line: no whitespace, and none of the characters the
    scorer's :func:`~zhiku.fidelity.normalize` removes (``* _ ` \\``)."""
    return re.sub(r"[\s*_`\\]", "", text)


# --------------------------------------------------------------------------- the PDF's lines


def merge_pieces(page: int, pieces: Iterable[Sequence[Glyph]]) -> list[PrintedLine]:
    """PyMuPDF's line pieces of one page → printed lines, top to bottom
    (:func:`zhiku.pdfread.group_pieces`: a raised footnote marker's piece joins its line)."""
    lines = (_printed_line(page, glyphs) for glyphs in group_pieces(pieces))
    return sorted((line for line in lines if line), key=lambda line: (line.y0, line.x0))


def _printed_line(page: int, glyphs: list[Glyph]) -> PrintedLine | None:
    """The printed line of ``glyphs`` (in reading order); None when none is visible."""
    ink = [g for g in glyphs if not g.char.isspace()]
    if not ink:
        return None
    size = max(g.size for g in glyphs)
    text = "".join(g.char for g in glyphs if g.size >= MARKER_SIZE * size)
    return PrintedLine(page, min(g.x0 for g in ink), min(g.y0 for g in ink),
                       max(g.x1 for g in ink), max(g.y1 for g in ink), size, text,
                       unit_width(glyphs))


def read_printed_text(pdf: Path) -> PrintedText:
    """Every printed line of ``pdf`` (PyMuPDF ``rawdict``), and the same in reading order."""
    import pymupdf

    with pymupdf.open(str(pdf)) as document:
        pieces_of_pages = [(page_pieces(page), page.rect.width) for page in document]
    lines: list[PrintedLine] = []
    flow: list[PrintedLine] = []
    for number, (pieces, _) in enumerate(pieces_of_pages):
        lines.extend(merge_pieces(number, pieces))
    for number, regions in enumerate(regions_of_pages(pieces_of_pages)):
        for pieces, _ in regions:
            flow.extend(merge_pieces(number, pieces))
    return PrintedText(lines, flow=flow)


def next_in_flow(lines: Sequence[PrintedLine], index: int) -> int | None:
    """The line the text of ``lines[index]`` goes on in: the next line in reading order in
    the same font size.  Smaller lines between are skipped (the page's footnotes after a
    body line, the next page's running header), and so are page numbers; a larger line on
    the same page (a heading) ends the flow: None.  On a later page larger lines are
    skipped, as a footnote goes on below the next page's body text (a heading that opens
    the next page is the scorer's business: its headings)."""
    line = lines[index]
    for following in range(index + 1, len(lines)):
        other = lines[following]
        if PAGE_NUMBER.match(other.text):
            continue
        if abs(other.size - line.size) < 0.3:
            return following
        if other.size > line.size and other.page == line.page:
            return None
    return None


# --------------------------------------------------------------------------- hyphens


def missing_hyphens(produced: str, reference: str) -> list[int] | None:
    """Where ``reference`` has a hyphen that ``produced`` lacks, when that is all that
    differs: ``trumptariff`` in ``…/trump-tariff-taiwan`` → ``[index of the first -]``;
    None when anything else differs (an empty list when they are equal)."""
    missing, j = [], 0
    for i, char in enumerate(reference):
        if j < len(produced) and produced[j] == char:
            j += 1
        elif char == "-":
            missing.append(i)
        else:
            return None
    return missing if j == len(produced) else None


def hyphen_ends_a_line(text: str, index: int, printed: PrintedText) -> bool:
    """Whether the hyphen ``text[index]`` is the last glyph of a printed line: a line whose
    text ends with the hyphen and with the reference's text before it, and whose next line
    in the same flow begins with the reference's text after it (up to
    :data:`HYPHEN_CONTEXT` characters each side, or the lines' lengths).  On a page set in
    two columns a column's line ends at the gutter, and the next one is the column's
    (:attr:`PrintedText.flow`): ``…/2025/06/05/udn-`` / ``relatednews…`` in the left column,
    printed beside a line of the right one."""
    before = compact(text[max(0, index - HYPHEN_CONTEXT) : index + 1])
    after = compact(text[index + 1 : index + 1 + HYPHEN_CONTEXT])
    lines = printed.flow or printed.lines
    for number, line in enumerate(lines):
        ends = compact(line.text)
        if not ends.endswith("-") or not ends.endswith(before[-len(ends):]):
            continue
        following = next_in_flow(lines, number)
        if following is None:
            continue
        begins = compact(lines[following].text)
        if begins.startswith(after[: len(begins)]):
            return True
    return False


# --------------------------------------------------------------------------- full lines


def paragraph_break(first: str, second: str, printed: PrintedText,
                    raw: str = "") -> tuple[str, str]:
    """What the PDF prints where paragraph ``first`` ends and ``second`` begins:
    ``("full-line", "")``, ``("next-word", "")``, ``("indent", "")`` or ``("", why none)``.

    The printed line that ends ``first`` (its text is the end of ``first``) must be followed
    in the same flow by a line that begins ``second``, and that line must start within
    :data:`INDENT_SLACK` em of the column's left edge (:meth:`PrintedText.column`).
    ``full-line``: the former reaches the column's right edge within
    :data:`FULL_LINE_SLACK` em.  ``next-word``: it ends further short, but what opens
    ``second`` (``Kimsuky`` of ``Kimsuky 團體``) is wider than the most room it can have
    left: up to the column's right edge plus 1 em, as a full line of ideographs ends less
    than one ideograph short of the margin.  ``indent``: the former is full, or what opens
    ``second`` is wider than the room it leaves, and ``second`` opens indented, but the
    extracted text ``raw`` holds its opening line without the indent (pdftotext,
    pdfplumber: ``…Korean Peninsula and East Asia.`` / ``During this period, …``, printed
    2 em in)."""
    pairs = _line_pairs(compact(first), compact(second), printed.lines)
    if not pairs:
        return "", f"no printed line ends “{first[-10:]}” before one that begins “{second[:10]}”"
    kinds = set()
    for last, opening in pairs:
        column = printed.column(last.size)
        short = (column.right - last.x1) / column.em
        indent = (opening.x0 - column.left) / column.em
        room = column.right + column.em - last.x1
        if indent > INDENT_SLACK:
            if (short <= FULL_LINE_SLACK or opening.lead > room) and _indent_left_out(second, raw):
                kinds.add("indent")
                continue
            return "", f"“{second[:10]}” is indented {indent:.1f} em (p. {opening.page + 1})"
        if short <= FULL_LINE_SLACK:
            kinds.add("full-line")
        elif opening.lead > room:
            kinds.add("next-word")
        else:
            return "", (f"“{first[-10:]}” ends {short:.1f} em short of the margin, room for "
                        f"“{second[:10]}” (p. {last.page + 1})")
    return next(kind for kind in ("next-word", "indent", "full-line") if kind in kinds), ""


def _indent_left_out(opening: str, raw: str) -> bool:
    """The extracted text's lines that open with ``opening`` (its first 10 characters,
    compacted) all start at the line's start: the printed indent is not in the text."""
    start = compact(opening)[:10]
    lines = [line for line in raw.splitlines() if line.strip()
             and compact(line).startswith(start)]
    return bool(lines) and not any(line[:1].isspace() for line in lines)


def _line_pairs(ending: str, opening: str,
                lines: Sequence[PrintedLine]) -> list[tuple[PrintedLine, PrintedLine]]:
    """Printed lines whose text ends ``ending``, each with the next line in its flow,
    whose text begins ``opening`` (both compacted)."""
    pairs = []
    for number, line in enumerate(lines):
        text = compact(line.text)
        if not text or not ending.endswith(text):
            continue
        following = next_in_flow(lines, number)
        if following is not None:
            begins = compact(lines[following].text)
            if begins and opening.startswith(begins):
                pairs.append((line, lines[following]))
    return pairs


# --------------------------------------------------------------------------- one article


#: the causes, in the order the summary gives them
CAUSES = {
    "columns": "two columns' lines interleaved",
    "hyphen": "hyphens at PDF line ends",
    "full-line": "a full last line with no indent",
    "next-word": "a last line the next paragraph's first word does not fit on, no indent",
    "indent": "a full last line (or one the next paragraph's first word does not fit on), "
              "the next paragraph's indent left out of the text",
    "table": "a table's cells in the extractor's order (kept whole as a text block)",
}


@dataclass
class Cause:
    """What explains a missed article: how many differences each cause explains
    (``hyphen``: missing hyphens; ``full-line``, ``next-word``: paragraph joins), or the
    first difference nothing explains (``other``)."""

    found: Counter = field(default_factory=Counter)
    other: str = ""

    @property
    def kind(self) -> str:
        """The case's cause in the summary: ``other``, else the paragraph join if there is
        one (``next-word`` before ``full-line``), else ``hyphen``."""
        if self.other or not self.found:
            return "other"
        return next(kind for kind in ("columns", "next-word", "full-line", "indent", "table",
                                      "hyphen") if self.found[kind])

    def label(self) -> str:
        """``hyphen ×2``, ``full-line ×1 + hyphen ×1``, ``other: <first difference>``."""
        if self.other or not self.found:
            return "other: " + (self.other or "no difference found")
        return " + ".join(f"{kind} ×{self.found[kind]}" for kind in CAUSES if self.found[kind])


def _hyphens_failure(produced: str, reference: str, printed: PrintedText) -> str | None:
    """"" when ``produced`` is ``reference`` without some hyphens, each at a printed line's
    end; a reason when one is not; None when more than hyphens differ (or nothing)."""
    missing = missing_hyphens(produced, reference)
    if not missing:
        return None
    for index in missing:
        if not hyphen_ends_a_line(reference, index, printed):
            return (f"hyphen not at a PDF line end: "
                    f"“{reference[max(0, index - 10) : index + 10]}”")
    return ""


def _joined(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs joined as a cleaner joins lines: directly, or with a space that the
    scorer's normalisation drops next to CJK text and keeps between Latin words."""
    return list(dict.fromkeys(["".join(paragraphs), normalize(" ".join(paragraphs))]))


def _explain_paragraph(paragraph: str, reference: list[str], missing: Counter,
                       printed: PrintedText, cause: Cause, raw: str = "") -> str:
    """Explain one cleaned paragraph the reference lacks, consuming the reference
    paragraphs it stands for from ``missing``: the reference's paragraph without some
    hyphens, or consecutive reference paragraphs joined (and maybe without hyphens).
    "" when explained, else why not."""
    reason = ""
    for candidate in [p for p in reference if missing[p] > 0]:
        failure = _hyphens_failure(paragraph, candidate, printed)
        if failure == "":
            missing[candidate] -= 1
            cause.found["hyphen"] += len(missing_hyphens(paragraph, candidate))
            return ""
        reason = reason or failure or ""
    for start in range(len(reference)):
        for end in range(start + 2, len(reference) + 1):
            parts = reference[start:end]
            if (any(missing[p] < parts.count(p) for p in parts)
                    or len(compact("".join(parts))) > len(compact(paragraph))):
                break
            for joined in _joined(parts):
                hyphens = ("" if paragraph == joined
                           else _hyphens_failure(paragraph, joined, printed))
                if hyphens is None or hyphens:  # more than hyphens differ, or one is no break
                    reason = reason or hyphens or ""
                    continue
                breaks = [paragraph_break(a, b, printed, raw) for a, b in pairwise(parts)]
                failure = next((why for kind, why in breaks if not kind), "")
                if failure:
                    return failure
                for part in parts:
                    missing[part] -= 1
                cause.found.update(kind for kind, _ in breaks)
                cause.found["hyphen"] += len(missing_hyphens(paragraph, joined))
                return ""
    return reason or f"paragraph {_first_difference(paragraph, reference, missing)}"


def _first_difference(produced: str, reference: Sequence[str], missing: Counter) -> str:
    """The cleaned paragraph's first difference from the closest reference paragraph
    left unmatched: ``“…got…” for “…want…”``."""
    candidates = [p for p in reference if missing[p] > 0]
    if not candidates:
        return f"“{produced[:24]}” not in the reference"
    closest = max(candidates, key=lambda p: difflib.SequenceMatcher(
        None, produced, p, autojunk=False).ratio())
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(
            None, produced, closest, autojunk=False).get_opcodes():
        if tag != "equal":
            return (f"“{produced[max(0, a0 - 8) : a1 + 8]}” "
                    f"for “{closest[max(0, b0 - 8) : b1 + 8]}”")
    return f"“{produced[:24]}”"


def _tables(body: str) -> dict[str, str]:
    """The scorer's text of each fenced block or pipe table in ``body`` → the block."""
    tables = {}
    for block in re.split(r"\n\s*\n", body.strip()):
        block = block.strip()
        if block and block_text(block) != block:
            tables[normalize(block_text(block))] = block
    return tables


def _same_table(paragraph: str, produced: dict[str, str], reference: dict[str, str],
                missing: Counter, printed: PrintedText) -> str | None:
    """The reference table, still unmatched, whose characters a produced table block holds,
    in another order; maybe with its header row again, as many times more as the PDF prints
    it again (a table that crosses a page prints its header atop the next: 002-01's
    ``領域 作法 意義``, which pdfminer's order gives among the cells), or a part of it (the
    cleaner dropped the lines of the repeat that open the page as the table's first lines
    do, pdfminer's order mixing the rest: ``擴大報復姿`` / ``非對稱確戰`` / ``區分`` go,
    ``觸媒姿態`` / ``態`` / ``姿態`` / ``態`` stay)."""
    if paragraph not in produced:
        return None
    characters = Counter(compact(_cells_text(produced[paragraph])))
    for table, block in reference.items():
        if missing[table] <= 0:
            continue
        wanted = Counter(compact(table))
        extra = characters - wanted
        if wanted - characters:
            continue
        if not extra:
            return table
        header = _header_row(block)
        again = _printed_times(header, printed) - 1 if header else 0
        if again > 0 and not extra - Counter(
                {char: count * again for char, count in Counter(header).items()}):
            return table
    return None


def _cells_text(block: str) -> str:
    """A fenced block's text, where it holds an extractor's Markdown table kept as the
    extractor wrote it (pymupdf4llm: a row for each printed line), its cells' text:
    ``|對象|第三方提供援助的|敵對國家|`` / ``||國家，或潛在盟國<br>…||`` → ``對象 第三方提供援助的
    敵對國家`` / ``國家，或潛在盟國 …`` (the pipes, the ``|---|`` rows and ``<br>`` are the
    extractor's markup)."""
    lines = block_text(block).split("\n")
    return normalize("\n".join(block_text(line.replace("<br>", " ")) if line.startswith("|")
                                else line for line in lines))


def _header_row(block: str) -> str:
    """A table block's first row, compacted: a pipe table's cells, or a fenced block's
    first line."""
    lines = [line for line in block.splitlines() if line.strip() and not line.startswith("```")]
    return compact(lines[0].replace("|", "")) if lines else ""


def _printed_times(row: str, printed: PrintedText) -> int:
    """How many times the PDF prints ``row`` (compacted, digits and all): on one printed
    line, or on up to three, where a header cell wraps inside the row (``非對稱確戰姿`` /
    ``態``: a row's lines may hold its cells' pieces in any order), a page in two columns
    read column by column (a table in one column prints its header row again atop the
    next column, beside the other column's line)."""
    lines = [compact(line.text) for line in printed.flow or printed.lines]
    wanted, times, index = Counter(row), 0, 0
    while index < len(lines):
        taken = next((count for count in (1, 2, 3)
                      if Counter("".join(lines[index : index + count])) == wanted), 0)
        times += bool(taken)
        index += taken or 1
    return times


def classify_article(produced_body: str, reference_body: str,
                     printed: PrintedText, raw: str = "") -> Cause:
    """Attribute every difference between a cleaned article and its reference (both as the
    scorer parses them) to a cause verified in ``printed``, or stop at the first that is
    none: headings and footnote markers must be the reference's, each differing paragraph
    and footnote text a ``hyphen``, ``full-line``, ``next-word``, ``indent`` (checked in the
    extracted text ``raw`` too) or ``table`` case, and the CJK text the same (as the
    scorer's similarity measures it)."""
    got, want = parse_body(produced_body), parse_body(reference_body)
    cause = Cause()
    if Counter(got.headings) != Counter(want.headings):
        diff = (Counter(got.headings) - Counter(want.headings)) or \
            (Counter(want.headings) - Counter(got.headings))
        cause.other = f"heading “{next(iter(diff))[1][:20]}”"
        return cause
    if Counter(got.references) != Counter(want.references):
        cause.other = "footnote markers differ"
        return cause
    missing = Counter(want.paragraphs) - Counter(got.paragraphs)
    extra = Counter(got.paragraphs) - Counter(want.paragraphs)
    produced_tables, reference_tables = _tables(produced_body), _tables(reference_body)
    in_table_order = produced_body  # the produced body with its tables in the reference's order
    for paragraph in [p for p in got.paragraphs if extra[p] > 0]:
        extra[paragraph] -= 1
        table = _same_table(paragraph, produced_tables, reference_tables, missing, printed)
        if table is not None:
            missing[table] -= 1
            cause.found["table"] += 1
            in_table_order = in_table_order.replace(produced_tables[paragraph],
                                                    reference_tables[table], 1)
            continue
        cause.other = _explain_paragraph(paragraph, want.paragraphs, missing, printed, cause,
                                         raw)
        if cause.other:
            return cause
    if +missing:
        cause.other = f"reference paragraph “{next(iter(+missing))[:24]}” missing"
        return cause
    for number in sorted(set(got.footnotes) | set(want.footnotes), key=_number):
        produced, reference = got.footnotes.get(number), want.footnotes.get(number)
        if produced == reference:
            continue
        if produced is None or reference is None:
            cause.other = f"footnote {number} {'missing' if produced is None else 'extra'}"
            return cause
        failure = _hyphens_failure(produced, reference, printed)
        if failure is None:
            first = _first_difference(produced, [reference], Counter([reference]))
            cause.other = f"footnote {number} {first}"
            return cause
        if failure:
            cause.other = f"footnote {number}: {failure}"
            return cause
        cause.found["hyphen"] += len(missing_hyphens(produced, reference))
    if (got.cjk if not cause.found["table"] else parse_body(in_table_order).cjk) != want.cjk:
        cause.other = "the CJK text differs (order or characters)"
    return cause


def _number(label: str) -> tuple[int, str]:
    return (int(label), "") if label.isdigit() else (1 << 30, label)


# --------------------------------------------------------------------------- columns

#: times the extracted text may go from one column of a page to the other: once, reading
#: one after the other, and once more for a line read out of turn at a column's edge (a
#: heading at the right column's top read before the left column's last lines); a line
#: across the page's middle (the title, a centred running header or page number, a table
#: as wide as the page) is in neither column and not counted
MAX_COLUMN_SWITCHES = 2
#: characters (digits aside) an extracted line needs to be matched to a printed line
MIN_MATCHED_CHARACTERS = 8
#: lines holding a run of this many spaces inside them: columns set side by side
SIDE_BY_SIDE = re.compile(r"\S {5,}\S")


def _line_key(text: str) -> str:
    """An extracted or printed line's text for matching: compact, without digits (markers
    are printed small and left out of :class:`PrintedLine` text)."""
    return re.sub(r"\d", "", compact(text))


def column_switches(raw: str, printed: PrintedText) -> int:
    """The most times, on one page, that the extractor's text goes from a line of one column
    to a line of the other: each extracted line matched to the one printed line with its
    text (:data:`MIN_MATCHED_CHARACTERS` or more, digits aside), its column by which side of
    the page's middle it starts (a printed line across the middle is in neither: a centred
    title or running header is read before or after both columns, and was counted as a
    switch to the left column).  0 for text that sets the columns side by side
    (:data:`SIDE_BY_SIDE` on a tenth of its lines or more: the cleaner reads them apart).

    pdftotext of a page in two columns: ``韓國國家情報院（National Intelligence`` (left) /
    ``播方式提升國際能見度。4除此之外，當時韓國也曾允`` (right) / ``Service, NIS）已於今年…``
    (left) / … → many switches on the page.
    """
    lines = [line for line in raw.splitlines() if line.strip()]
    if sum(bool(SIDE_BY_SIDE.search(line.strip())) for line in lines) >= 0.1 * len(lines):
        return 0
    edges: dict[int, tuple[float, float]] = {}  # page → its lines' leftmost and rightmost x
    for line in printed.lines:
        left, right = edges.get(line.page, (line.x0, line.x1))
        edges[line.page] = (min(left, line.x0), max(right, line.x1))
    middles = {page: (left + right) / 2 for page, (left, right) in edges.items()}
    keys = Counter(_line_key(line.text) for line in printed.lines)
    where = {_line_key(line.text): (line.page, line.x0 >= middles[line.page])
             for line in printed.lines
             if not line.x0 < middles[line.page] < line.x1}  # (across the middle: neither)
    unique = [key for key, count in keys.items()
              if count == 1 and len(key) >= MIN_MATCHED_CHARACTERS]
    switches: Counter = Counter()
    previous = None
    for line in lines:
        key = _line_key(line)
        if len(key) < MIN_MATCHED_CHARACTERS:
            continue
        places = ([where[key]] if key in where else []) if keys[key] == 1 else [
            where[printed_key] for printed_key in _printed_lines_within(key, unique)
            if printed_key in where]
        for page, right in places:
            if previous is not None and previous[0] == page and previous[1] != right:
                switches[page] += 1
            previous = (page, right)
    return max(switches.values(), default=0)


def _printed_lines_within(key: str, printed_keys: Sequence[str]) -> list[str]:
    """The printed lines an extracted line holds whole, in its order: a paragraph that
    pymupdf4llm wrote on one line holds each of its printed lines (``…雅魯藏布 江下游…``:
    compacted, ``雅魯藏布`` ends one printed line and ``江下游`` opens the next)."""
    found = [(key.find(printed), printed) for printed in printed_keys
             if len(printed) < len(key) and printed in key]
    return [printed for _, printed in sorted(found)]


# --------------------------------------------------------------------------- the matrix


def _case_failure(result: Result) -> str:
    """What makes every article of a case miss: articles not found, furniture left."""
    if result.found != result.expected:
        return f"articles found {result.found}/{result.expected}"
    return f"furniture left {result.furniture}" if result.furniture else ""


def classify_results(results: list[Result], cache: Path) -> dict[tuple[str, str], Cause]:
    """(extractor, score name) → cause, for every article of ``results`` not at target.
    Each PDF is read once."""
    from .pdfmatrix import as_typeset, build_pdf, extract

    printed: dict[Path, PrintedText] = {}
    causes: dict[tuple[str, str], Cause] = {}
    for result in results:
        misses = [(index, score) for index, score in enumerate(result.scores)
                  if not result.at_target(score)]
        if not misses:
            continue
        pdf = build_pdf(result.case, cache)
        if pdf not in printed:
            printed[pdf] = read_printed_text(pdf)
        # lines of two columns interleaved: whatever else went wrong (furniture left among
        # them, articles not found) follows from that
        raw = extract(result.case, result.extractor, cache)
        switches = column_switches(raw, printed[pdf])
        if switches > MAX_COLUMN_SWITCHES:
            for _, score in misses:
                causes[(result.extractor, score.name)] = Cause(Counter(columns=switches))
            continue
        reason = _case_failure(result)
        if reason:
            for _, score in misses:
                causes[(result.extractor, score.name)] = Cause(other=reason)
            continue
        for index, score in misses:
            if index < len(result.heads) and result.heads[index]:  # the title block's
                causes[(result.extractor, score.name)] = Cause(other=result.heads[index])
                continue
            reference = as_typeset(result.case.references[index].body)
            causes[(result.extractor, score.name)] = classify_article(
                result.bodies[index], reference, printed[pdf], raw)
    return causes


def summary(causes: dict[tuple[str, str], Cause]) -> str:
    """``Misses: 126; information absent from the extracted text (checked in the PDF):
    hyphens at PDF line ends 62, a full last line with no indent 22 (2 with hyphens too),
    …; other 35``."""
    kinds = Counter(cause.kind for cause in causes.values())
    parts = []
    for kind, text in CAUSES.items():
        both = sum(1 for cause in causes.values()
                   if cause.kind == kind != "hyphen" and cause.found["hyphen"])
        parts.append(f"{text} {kinds[kind]}" + (f" ({both} with hyphens too)" if both else ""))
    return (f"Misses: {len(causes)}; information absent from the extracted text (checked in "
            f"the PDF): {', '.join(parts)}; other {kinds['other']}")
