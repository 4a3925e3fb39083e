"""Reading a PDF itself: its printed lines, and what text extractors leave out of them.

A text extractor gives back the glyphs of a PDF and drops what the page shows about them
(``zhiku pdf-matrix --details`` measures it): pdftotext and pymupdf4llm drop the hyphen
that ends a printed line; none of them says where a paragraph whose last line is full ends,
although the page shows it by a wider gap or by the next line's indent; a footnote's
number is a small raised digit on the page and a plain digit in the text.  Where zhiku is
given the PDF (``corpus/NAME.pdf``), it reads the page geometry with PyMuPDF and writes
the text the way the seeds' pdftotext wrote it, with every mark that extractor puts in
(the cleaner reads that style best, and every fix of it explains itself):

- each printed line on a line of its own, a blank line after it, a form feed after each
  page; every glyph kept, line-end hyphens included;
- **a space after the last line of each paragraph** (:func:`ends_paragraph`), decided by
  the page: a wider gap before the next line, the next line's indent, room left on the
  line for what opens the next one, a larger or smaller font next, the next footnote's
  number;
- a line holding one space before the footnotes at the bottom of a page
  (:func:`assign_flows`);
- a footnote marker as bare digits glued to the text around it (``討論。1基本上``);
- a table after a caption read cell by cell (:mod:`zhiku.pdftables`) and written as a GFM
  table, or where a cell is in doubt as its printed lines, the cells set apart by runs of
  spaces at their columns (:func:`line_text`).

Running headers and page numbers are written as printed: the cleaner removes them and
says so (``zhiku explain``).

    $ zhiku explain corpus/report.pdf      # what the cleaner did with the PDF's text
    $ zhiku pdf-text corpus/report.pdf     # the text zhiku read from it

PyMuPDF (``pip install -e '.[pdf]'``) is needed only for PDF sources.
"""

from __future__ import annotations

import functools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

#: a glyph smaller than this part of its line's largest is a footnote marker (``⁵``)
MARKER_SIZE = 0.8
#: a line in a font at least this part of the body's is body text (a heading, too)
BODY_SIZE = 0.92
#: a gap between two lines wider than the usual one by this many em ends a paragraph
PARAGRAPH_GAP = 0.25
#: a line starting this many em right of the column's left edge is indented
INDENT = 0.5
#: glyphs further apart than this many em are written apart, at their column (a table's
#: cells where :mod:`zhiku.pdftables` could not read the table)
CELLS_APART = 1.0
#: glyphs further apart than this many em, with no space glyph between, have a space
WORD_GAP = 0.25
#: the part of a flow's lines whose right ends the column's right edge is measured at
RIGHT_EDGE = 0.9
#: a line short of the column by more than what opens the next line, and this many em
#: more, would have taken it: the paragraph ended
ROOM_SLACK = 0.1
#: a line of only a page number: ``12``, ``- 12 -``
PAGE_NUMBER = re.compile(r"^[-–—\s]*\d{1,3}[-–—\s]*$")
#: a footnote that opens with its number: ``12 Katha Kalia, …``
NOTE_NUMBER = re.compile(r"^\d{1,3}\s")
#: what may not open a line, so goes down with the glyph before it
NO_LINE_START = frozenset("，。、；：！？」』）》〉】…,.;:!?)]”’")
#: what may not end a line, so goes down with the glyph after it
NO_LINE_END = frozenset("（「『《〈【“‘([")


@dataclass(frozen=True)
class Glyph:
    """One character PyMuPDF placed on a page: its box and font size."""

    char: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


def is_ideograph(char: str) -> bool:
    """A CJK unified or compatibility ideograph."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def unit_width(glyphs: Sequence[Glyph]) -> float:
    """Width of what opens a line and cannot be broken: the room a line needs to take it.

    ``Kimsuky、Scarcruft、BlueNoroff 等`` → ``Kimsuky、Scarcruft、BlueNoroff`` (a Latin
    word runs up to a space or an ideograph); ``識。1998 年`` → ``識。1998``; ``國，或`` →
    ``國，``; ``（Operation Highmast）`` → ``（Operation``: an opening bracket goes with what
    follows it, punctuation that may not open a line with what precedes it, and digits or
    letters glued to that punctuation go too.
    """
    ink = list(glyphs)
    while ink and ink[0].char.isspace():
        ink.pop(0)
    if not ink:
        return 0.0
    end = 0
    while end < len(ink) - 1 and ink[end].char in NO_LINE_END:
        end += 1
    if ink[end].char.isascii() and ink[end].char.isalnum():
        while (end + 1 < len(ink) and not ink[end + 1].char.isspace()
               and not is_ideograph(ink[end + 1].char) and ink[end].char != "-"):
            end += 1
    else:
        while end + 1 < len(ink) and ink[end + 1].char in NO_LINE_START:
            end += 1
        if not is_ideograph(ink[end].char):
            while (end + 1 < len(ink) and ink[end + 1].char.isascii()
                   and not ink[end + 1].char.isspace()):
                end += 1
    return ink[end].x1 - ink[0].x0


# --------------------------------------------------------------------------- printed lines


def _top(piece: Sequence[Glyph]) -> float:
    return min(g.y0 for g in piece)


def _bottom(piece: Sequence[Glyph]) -> float:
    return max(g.y1 for g in piece)


def _middle(piece: Sequence[Glyph]) -> float:
    return (_top(piece) + _bottom(piece)) / 2


def group_pieces(pieces: Iterable[Sequence[Glyph]]) -> list[list[Glyph]]:
    """PyMuPDF's line pieces of one page → the glyphs of each printed line, left to right.

    PyMuPDF cuts a line where a raised footnote marker sits (``執行 50 多年的…限制。`` /
    ``¹這是李在``) and between table cells; pieces whose vertical extents overlap by half
    the smaller height are one printed line.  Each piece keeps its glyphs' order (a
    ligature's letters share a box: ``fl`` of ``conflict``)."""
    groups: list[list[Sequence[Glyph]]] = []
    for piece in sorted((p for p in pieces if p), key=_middle):
        top, bottom = _top(piece), _bottom(piece)
        for group in groups:
            g_top, g_bottom = min(map(_top, group)), max(map(_bottom, group))
            overlap = min(bottom, g_bottom) - max(top, g_top)
            if overlap >= 0.5 * min(bottom - top, g_bottom - g_top):
                group.append(piece)
                break
        else:
            groups.append([piece])
    return [[g for p in sorted(group, key=lambda p: p[0].x0) for g in p] for group in groups]


@dataclass
class PageLine:
    """A printed line: its glyphs left to right, and the box of its text (markers aside)."""

    page: int
    glyphs: list[Glyph]
    size: float  # font size of its text (its largest glyphs)
    x0: float
    y0: float
    x1: float
    y1: float
    flow: str = "body"  # "body", "notes" (a page's footnotes) or "other" (:func:`assign_flows`)
    #: which text column (:func:`reading_regions`): 0 the page's only one, or the left one;
    #: 1 the right one; 2 across both (a title, footnotes under two columns)
    column: int = 0

    @classmethod
    def of(cls, page: int, glyphs: list[Glyph]) -> PageLine | None:
        """The line of ``glyphs`` on ``page``; None when none of them is visible."""
        ink = [g for g in glyphs if not g.char.isspace()]
        if not ink:
            return None
        size = max(g.size for g in ink)
        text = [g for g in ink if g.size >= MARKER_SIZE * size]
        return cls(page, glyphs, size, min(g.x0 for g in ink), min(g.y0 for g in text),
                   max(g.x1 for g in ink), max(g.y1 for g in text))

    @functools.cached_property
    def plain(self) -> str:
        """The glyphs' characters as they come, markers included, ends stripped."""
        return "".join(g.char for g in self.glyphs).strip()

    def opening_width(self) -> float:
        """:func:`unit_width` of what opens the line (markers left out)."""
        return unit_width([g for g in self.glyphs if g.size >= MARKER_SIZE * self.size])


def page_pieces(page) -> list[list[Glyph]]:
    """PyMuPDF's line pieces of a page, as glyphs (``rawdict``: blocks → lines → spans →
    glyph boxes)."""
    return [[Glyph(char["c"], *char["bbox"], span["size"])
             for span in line["spans"] for char in span["chars"]]
            for block in page.get_text("rawdict")["blocks"] for line in block.get("lines", [])]


def read_pages(document) -> list[list[PageLine]]:
    """Each page's printed lines in reading order: top to bottom, or on a page set in two
    columns (:func:`reading_regions`) the left column before the right one."""
    pieces_of_pages = [(page_pieces(page), page.rect.width) for page in document]
    pages = []
    for number, regions in enumerate(regions_of_pages(pieces_of_pages)):
        lines: list[PageLine] = []
        for pieces, column in regions:
            made = (PageLine.of(number, glyphs) for glyphs in group_pieces(pieces))
            region = sorted((line for line in made if line), key=lambda x: (x.y0, x.x0))
            for line in region:
                line.column = column
            lines += region
        pages.append(lines)
    return pages


def regions_of_pages(pieces_of_pages: Sequence[tuple[Sequence[Sequence[Glyph]], float]]
                     ) -> list[list[tuple[list[Sequence[Glyph]], int]]]:
    """Each page's line pieces (with the page's width) → its regions in reading order
    (:func:`reading_regions`), a page's gutter found on it (:func:`find_gutter`) or, on a
    page with few lines of a document set in two columns, held there
    (:func:`gutter_holds`)."""
    gutters = [find_gutter(pieces, width) for pieces, width in pieces_of_pages]
    found = [gutter for gutter in gutters if gutter is not None]
    regions = []
    for number, (pieces_of_page, _) in enumerate(pieces_of_pages):
        gutter = gutters[number]
        if gutter is None and found:
            gutter = gutter_holds(pieces_of_page, found[0])
        regions.append(reading_regions(pieces_of_page, gutter))
    return regions


#: a white strip this many em wide down the middle of a page parts two text columns
GUTTER = 1.0
#: … when at least this many lines stand on each side of it
COLUMN_LINES = 8
#: … and at most this part as many lines cross it (a title, footnotes across the page)
CROSSING = 0.25
#: … and the two columns' widths differ by at most this part of the wider
COLUMN_LIKENESS = 0.25


def _ink(piece: Sequence[Glyph]) -> list[Glyph]:
    return [g for g in piece if not g.char.isspace()]


def _boxes(pieces: Sequence[Sequence[Glyph]]) -> list[tuple[float, float]]:
    """The left and right ends of each piece's visible glyphs."""
    return [(min(g.x0 for g in ink), max(g.x1 for g in ink)) for ink in map(_ink, pieces) if ink]


def _beside(boxes: list[tuple[float, float]], left: float, right: float
            ) -> tuple[list[tuple[float, float]], list[tuple[float, float]], int]:
    """The boxes left of a strip, those right of it, and how many cross it."""
    lefts = [box for box in boxes if box[1] <= left + 1]
    rights = [box for box in boxes if box[0] >= right - 1]
    return lefts, rights, len(boxes) - len(lefts) - len(rights)


def find_gutter(pieces: Sequence[Sequence[Glyph]], width: float) -> tuple[float, float] | None:
    """The white strip between two text columns, if the page is set in two: the widest
    strip, at least :data:`GUTTER` em wide between 30% and 70% of the page's width, that
    the fewest pieces cross, and at most :data:`CROSSING` as many (a title, footnotes across
    the page) as stand beside it, :data:`COLUMN_LINES` or more on each side; the two columns about as
    wide (:data:`COLUMN_LIKENESS`), the lines of each starting at one edge, an indent
    aside (a table's cells start at several)."""
    boxes = _boxes(pieces)
    if len(boxes) < 2 * COLUMN_LINES:
        return None
    em = statistics.median(g.size for piece in pieces for g in _ink(piece))
    low, high = int(0.3 * width), int(0.7 * width)
    cover = [sum(1 for x0, x1 in boxes if x0 < x < x1) for x in range(low, high + 1)]
    # the strip: where fewest pieces cross, and at most CROSSING of them
    most = min(CROSSING * len(boxes), min(cover) + max(1.0, 0.05 * len(boxes)))
    best: tuple[float, float] | None = None
    start = None
    for offset, count in enumerate([*cover, most + 1]):  # runs of little cover
        if count <= most and start is None:
            start = offset
        elif count > most and start is not None:
            if offset - start >= GUTTER * em and (best is None or offset - start > best[1] - best[0]):
                best = (low + start, low + offset - 1)
            start = None
    if best is None:
        return None
    lefts, rights, crossing = _beside(boxes, *best)
    if min(len(lefts), len(rights)) < COLUMN_LINES or \
            crossing > CROSSING * (len(lefts) + len(rights)):
        return None
    # two text columns: about as wide, each with its lines starting at one edge (an indent
    # aside); a table's cells start at several
    margin, end = min(x0 for x0, _ in lefts), max(x1 for _, x1 in rights)
    left = max(x1 for _, x1 in lefts)
    right = min(x0 for x0, _ in rights)
    if abs((left - margin) - (end - right)) > COLUMN_LIKENESS * max(left - margin, end - right):
        return None
    for side, edge in ((lefts, margin), (rights, right)):
        if sum(1 for x0, _ in side if x0 - edge <= 2.5 * em) < 0.7 * len(side):
            return None
    return left, right


def gutter_holds(pieces: Sequence[Sequence[Glyph]], gutter: tuple[float, float]
                 ) -> tuple[float, float] | None:
    """``gutter``, found on another page of the document, where this page's text stands on
    both sides of it and at most :data:`CROSSING` as many pieces cross it: an article's
    last page with a few lines in its right column."""
    lefts, rights, crossing = _beside(_boxes(pieces), *gutter)
    return gutter if lefts and rights and crossing <= CROSSING * (len(lefts) + len(rights)) \
        else None


def reading_regions(pieces: Sequence[Sequence[Glyph]], gutter: tuple[float, float] | None
                    ) -> list[tuple[list[Sequence[Glyph]], int]]:
    """A page's line pieces in reading order, by region: the whole page (column 0), or on a
    page set in two columns (``gutter``: :func:`find_gutter`, :func:`gutter_holds`), from
    the top: each band of the left
    column (0) then the right one (1), the bands parted by what crosses the gutter (2: a
    title, a table or footnotes across the page)."""
    if gutter is None:
        return [(list(pieces), 0)]
    middle = sum(gutter) / 2
    regions: list[tuple[list[Sequence[Glyph]], int]] = []
    band: dict[int, list[Sequence[Glyph]]] = {0: [], 1: []}
    for piece in sorted((p for p in pieces if _ink(p)), key=lambda p: min(g.y0 for g in p)):
        x0, x1 = _boxes([piece])[0]
        side = 0 if x1 <= middle else 1 if x0 >= middle else 2
        if side == 2:
            regions += [(band[column], column) for column in (0, 1) if band[column]]
            band = {0: [], 1: []}
            if regions and regions[-1][1] == 2:
                regions[-1][0].append(piece)
            else:
                regions.append(([piece], 2))
        else:
            band[side].append(piece)
    regions += [(band[0], 0), (band[1], 1)]
    return [(region, column) for region, column in regions if region]


# --------------------------------------------------------------------------- the page's parts


def body_size(lines: Sequence[PageLine]) -> float:
    """The font size of the body text: the largest size that prints at least 30% as many
    glyphs as the most common one.  Footnotes full of URLs can print more glyphs than the
    body (a5, 8.5 pt notes against 11 pt text); headings print far fewer."""
    glyphs: Counter = Counter()
    for line in lines:
        glyphs[round(line.size, 1)] += len(line.glyphs)
    most = max(glyphs.values())
    return max(size for size, count in glyphs.items() if count >= 0.3 * most)


def opens_with_a_number(line: PageLine) -> bool:
    """Does a footnote's number open the line: ``7 本表參考…``, or a raised small digit?"""
    ink = _ink(line.glyphs)
    return bool(NOTE_NUMBER.match(line.plain)) or bool(
        ink and ink[0].char.isdigit() and ink[0].size < MARKER_SIZE * line.size)


def assign_flows(pages: list[list[PageLine]], body: float) -> None:
    """Body text (the body's size or larger: headings too), the page's footnotes, or other
    text (a running header, a page number, a code block or caption in a smaller font):
    each is read on in its own flow.

    The footnotes are in the footnotes' size: the commonest size of the smaller lines that
    open with a number below their page's last body line (002-01 in 12pt: 9.5 pt, under a
    code block in 11 pt).  A page's footnotes are the run of lines in that size at its
    foot, below its last body line, page numbers aside; on a page set in two columns, at
    the foot of each column, below that column's last body line."""
    def below_body(page: list[PageLine], column: int | None = None) -> list[PageLine]:
        here = [line for line in page if column is None or line.column == column]
        last_body = max((line.y1 for line in here if line.size >= BODY_SIZE * body
                         and not PAGE_NUMBER.match(line.plain)), default=0.0)
        return [line for line in here if line.size < BODY_SIZE * body and line.y0 > last_body
                and not PAGE_NUMBER.match(line.plain)]

    def in_columns(page: list[PageLine]) -> list[int | None]:
        return [0, 1] if any(line.column == 1 for line in page) else [None]

    numbered = Counter(round(line.size, 1) for page in pages for column in in_columns(page)
                       for line in below_body(page, column) if opens_with_a_number(line))
    note_size = numbered.most_common(1)[0][0] if numbered else None
    for page in pages:
        notes: list[PageLine] = []
        for column in in_columns(page) if note_size is not None else []:
            for line in reversed(below_body(page, column)):
                if abs(line.size - note_size) >= 0.3:
                    break
                notes.append(line)
        for line in page:
            if line.size >= BODY_SIZE * body and not PAGE_NUMBER.match(line.plain):
                line.flow = "body"
            else:
                line.flow = "notes" if any(line is note for note in notes) else "other"


@dataclass(frozen=True)
class Column:
    """Where the lines of one flow are printed: left and right edges (pt), and the usual
    gap between two of its lines on a page, in em of their font (a title's lines in a
    larger font are further apart)."""

    left: float
    right: float
    gap: float
    size: float = 0.0  # the font size of most of its lines (pt)


def measure_columns(pages: list[list[PageLine]]) -> dict[tuple[str, int], Column]:
    """Each flow's column, from its lines in its most common size: the median left edge,
    the right edge that :data:`RIGHT_EDGE` of the lines stay within (a full line of
    ideographs stops short of the margin by less than one: 516.1 pt in 12pt, where lines
    with Latin words or a hanging comma reach 521.8 pt), and the median gap between
    consecutive lines, in em.  Other text (a header, a code block) is set on the body's
    column.  Keyed by flow and text column (:attr:`PageLine.column`): on pages set in two
    columns each is measured apart."""
    columns: dict[tuple[str, int], Column] = {}
    lines = [line for page in pages for line in page]
    for flow in ("body", "notes", "other"):
        for column in (0, 1, 2):
            same = [line for line in lines if line.flow == flow and line.column == column]
            if not same:
                continue
            size = Counter(round(line.size, 1) for line in same).most_common(1)[0][0]
            same = [line for line in same if round(line.size, 1) == size]
            gaps = [(below.y0 - above.y1) / above.size for page in pages
                    for above, below in pairwise(page)
                    if above.flow == below.flow == flow and above.column == below.column == column
                    and abs(above.size - below.size) < 0.3 and below.y0 > above.y1]
            gap = statistics.median(gaps) if gaps else 0.0
            body = columns.get(("body", column))
            if flow == "other" and body is not None:  # headers, code: on the body's column
                columns[(flow, column)] = Column(body.left, body.right, gap, size)
            else:
                right = sorted(line.x1 for line in same)[int(RIGHT_EDGE * (len(same) - 1))]
                columns[(flow, column)] = Column(statistics.median(line.x0 for line in same),
                                                 right, gap, size)
    return columns


def column_of(columns: dict[tuple[str, int], Column], line: PageLine) -> Column:
    """The column ``line`` is printed in (its flow's, in its text column where measured)."""
    return columns.get((line.flow, line.column)) or next(
        column for (flow, _), column in sorted(columns.items()) if flow == line.flow)


def next_in_flow(lines: Sequence[PageLine], index: int) -> PageLine | None:
    """The line the text of ``lines[index]`` would go on in: the next line of its flow,
    page numbers skipped (the body goes on below the page's footnotes and the next page's
    header; a footnote goes on in the next page's footnotes).  Other text goes on only in
    the line right below it."""
    line = lines[index]
    for other in lines[index + 1:]:
        if PAGE_NUMBER.match(other.plain):
            continue
        if line.flow == "other":
            return other if other.page == line.page and other.flow == "other" else None
        if other.flow == line.flow:
            return other
    return None


# --------------------------------------------------------------------------- paragraph ends


def centred(line: PageLine, column: Column) -> bool:
    """Is the line centred in its column: clear of the left edge, its middle within an em
    of the column's?"""
    em = line.size
    return line.x0 - column.left > INDENT * em and \
        abs((line.x0 + line.x1) / 2 - (column.left + column.right) / 2) < em


def ends_paragraph(line: PageLine, following: PageLine | None, column: Column,
                   next_column: Column | None = None) -> bool:
    """Does the paragraph end with ``line``?  The page says so where the text does not:

    - nothing of its flow follows, or the next line is in another font size (a heading
      ends, or one starts);
    - a wider gap than between the lines of a paragraph (12pt: 19.8 pt against 13.8 pt):
      ``…的影響也相對明顯。`` ‖ ``北韓則是從 1967 年…``, the first line full;
    - the next line is indented (and this one is not indented as much);
    - the next footnote's number opens the next line;
    - not where both lines are centred (:func:`centred`): a title wraps so, its next line
      narrower (``The influence and Prospects of the 10th`` / ``cycle of Kim Jong Un's…``;
      in a narrow column the first line of a title, larger than the text, may fill it:
      ``日韓元首相繼訪烏對東北亞安保`` / ``情勢的影響``);
    - the line left room for what opens the next line (:func:`unit_width`): ``…取得滲透
      機會。16`` 1 em short, then ``Kimsuky、Scarcruft…`` would have fitted, so the
      paragraph ended; ``…形成共`` 3 em short before ``識。1998 年`` did not end one.
    """
    if following is None or abs(following.size - line.size) >= 0.3:
        return True
    em = line.size
    if following.page == line.page and \
            following.y0 - line.y1 > (column.gap + PARAGRAPH_GAP) * em:
        return True
    if centred(following, column) and (centred(line, column) or (
            line.size > column.size + 0.3
            and abs((line.x0 + line.x1) / 2 - (column.left + column.right) / 2) < em)):
        return False  # a title wraps (its first line may fill a narrow column)
    below = next_column or column  # the next line may stand at the top of the next column
    if following.x0 - below.left > INDENT * em and \
            following.x0 - below.left > line.x0 - column.left + INDENT * em:
        return True
    if line.flow == "notes" and NOTE_NUMBER.match(following.plain):
        return True
    latin = line.plain[-1:].isascii() and following.plain[:1].isascii()
    room = column.right - line.x1 - (WORD_GAP * em if latin else 0.0)
    return room > following.opening_width() + ROOM_SLACK * em


# --------------------------------------------------------------------------- the text


def _wide(char: str) -> bool:
    """An ideograph or full-width punctuation: no word space is ever implied next to it."""
    return is_ideograph(char) or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"


def line_text(line: PageLine, left: float) -> str:
    """The line's glyphs as text: a space where the PDF has one or a word gap (not between
    ideographs, which justified lines spread: ``《中 央 社》`` would be wrong), and where a
    gap parts table cells (over :data:`CELLS_APART` em), spaces up to the cell's column, two
    columns to an em from ``left``: ``區分               觸媒姿態   姿態``.  Footnote
    markers stay glued to their text (``限制。1這是``)."""
    from .clean.layout import display_width

    em = line.size
    text, previous, spaces = "", None, 0.0
    for glyph in line.glyphs:
        if glyph.char.isspace():
            if text and not text.endswith(" "):
                text += " "
            spaces += glyph.x1 - glyph.x0
            continue
        if previous is not None:
            gap = glyph.x0 - previous.x1 - spaces  # the room a typed space takes is no gap
            if gap > CELLS_APART * em:
                text = text.rstrip(" ")
                column = round((glyph.x0 - left) / (em / 2))
                text += " " * max(2, column - display_width(text))
            elif gap > WORD_GAP * em and not text.endswith(" ") and not (
                    _wide(previous.char) and _wide(glyph.char)):
                text += " "  # not between ideographs: justified text spreads them
        text += glyph.char
        previous, spaces = glyph, 0.0
    return text.strip()


def render_text(pages: list[list[PageLine]]) -> str:
    """The pages as text in the seeds' pdftotext style (see the module's docstring)."""
    lines = [line for page in pages for line in page]
    if not lines:
        return ""
    from .pdftables import read_tables  # it reads lines the way this module measures them

    assign_flows(pages, body_size(lines))
    columns = measure_columns(pages)
    left = min(column.left for column in columns.values())
    body_column = next(column for (flow, _), column in sorted(columns.items()) if flow == "body") \
        if any(flow == "body" for flow, _ in columns) else Column(left, left, 0.0)
    lefts = {column: measured.left for (flow, column), measured in columns.items()
             if flow == "body"}
    tables, in_tables = read_tables([line for line in lines if line.flow == "body"],
                                    body_column, left, lefts)
    printed_text = {id(line): line_text(line, left) for line in lines}
    written: dict[int, list[str]] = {}  # each line's text, by id
    for index, line in enumerate(lines):
        text = tables.get(id(line), [])
        if id(line) not in in_tables:
            printed = printed_text[id(line)]
            following = next_in_flow(lines, index)
            # a table's caption ends before the table (written apart, in one piece)
            ends = ends_paragraph(line, following, column_of(columns, line),
                                  column_of(columns, following) if following else None) or (
                following is not None and id(following) in in_tables)
            text = text + [printed + " " if ends else printed]
            if ends and following is not None and \
                    latin_wrap_look(printed, printed_text[id(following)]):
                text.append(" ")
        written[id(line)] = text
    out: list[str] = []
    for page in pages:
        # the page's footnotes after its text (both columns, where it has two), before the
        # footer below them (a page number)
        notes = [line for line in page if line.flow == "notes"]
        foot = max((line.y1 for line in notes), default=float("inf"))
        text_lines = [line for line in page if line.flow != "notes" and line.y0 <= foot]
        footer = [line for line in page if line.flow != "notes" and line.y0 > foot]
        for line in text_lines + notes + footer:
            if notes and line is notes[0]:
                out += [" ", ""]
            for text in written[id(line)]:
                out += [text, ""]
        out.append("\f")
    return "\n".join(out)


def latin_wrap_look(text: str, following: str) -> bool:
    """Would the cleaner read a space after ``text`` as a Latin line wrap, not a paragraph's
    end?  It does between Latin words with no sentence end (``…Focus on recent nuclear
    strategy `` / ``Lin Chih Hao``), so :func:`render_text` puts a line of one space after
    such a paragraph end, as pdftotext does for the gap below a title."""
    return text[-1:].isascii() and text[-1:] not in ".!?)" and following[:1].isascii() \
        and following[:1] != "["


def pdf_text(source: bytes | str | Path) -> str:
    """The text of a PDF (its bytes or its path), as :func:`render_text` writes it.

    Raises ``ImportError`` without PyMuPDF, and PyMuPDF's errors for a file it cannot
    open."""
    import pymupdf

    if isinstance(source, bytes):
        document = pymupdf.open(stream=source, filetype="pdf")
    else:
        document = pymupdf.open(str(source))
    with document:
        return render_text(read_pages(document))
