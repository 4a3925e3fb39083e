"""Tables on a PDF's pages, read cell by cell from where each glyph is printed.

A text extractor reads a table line by line, and a cell that wraps leaves its lines among
the other cells' (``第三方提`` / ``供援助的國`` / ``家，或潛在盟`` under ``對象``); where the
table runs on to the next page, a row may be cut in two and the header printed again.
The page shows what the text loses, and :func:`read_table` reads it:

- **columns**: the gaps no printed piece of the table crosses (a piece is a run of
  glyphs with no gap wider than :data:`CELL_GAP` em);
- **rows**: a row opens at a line with text in the first column (the row label), below a
  gap wider than between a cell's lines (the cells' padding): ``對象`` / … / ``準備姿``;
- **a row cut by a page**: the text at the top of the next page goes on in the row above
  unless the page shows a new row: its pieces start where the table's cells start, not
  where their wrapped lines do (a first-line indent), or a column whose cell ended on the
  page before (room left for what opens the text below) has text again;
- **the header again** at the top of a page is passed on as a row where it stands, and the
  cleaner drops it and says so (``drop_repeated_table_header``).

Where any of this is in doubt (a piece across two columns, a row with an empty cell, a
page top that could be either), :func:`read_table` returns None and the table's lines
are written as printed: the cleaner keeps them as a fenced text block.  Only a table
after a table's caption (``<表一> …``) is read, so a table of contents is never taken for
one; a figure's labels set apart after its caption (``<圖一> …``) are kept as printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .clean.furniture import header_key
from .clean.paragraphs import TABLE_CAPTION, TABLE_NUMBER, join_text
from .pdfread import INDENT, Column, Glyph, PageLine, line_text, unit_width

#: a gap wider than this many em between two glyphs of a table's line parts two cells
#: (002-01 in a5-11pt: ``…不再具`` 10.9 pt before ``可穩定軍權。`` in 11 pt)
CELL_GAP = 0.75
#: pieces of one column may reach this many em into the gap beside it
COLUMN_SLACK = 0.3
#: a gap between two of a table's lines wider than a paragraph's line gap by this many pt
#: (or :data:`ROW_GAP_EM` em) parts two rows: the cells' padding
ROW_GAP = 0.5
ROW_GAP_EM = 0.04
#: a single piece wider than this part of the text column is prose: the table has ended
PROSE_WIDTH = 0.6
#: the table's first cells set apart must come within this many lines of its caption
HEADER_LINES = 3
#: a numbered item inside a cell (``2. 國務委員長…``): joined with a space before it
_ITEM = re.compile(r"^\d{1,2}\.\s")


@dataclass
class Piece:
    """A run of one printed line's glyphs in one table cell."""

    line: PageLine
    text: str
    x0: float
    x1: float
    column: int = -1


def pieces_of(line: PageLine) -> list[Piece]:
    """The line cut where a gap wider than :data:`CELL_GAP` em parts its glyphs (less
    the width of any space typed there): ``區分␣␣␣…觸媒姿態␣␣␣…擴大報復姿態`` → three pieces."""
    runs: list[list] = [[]]
    previous, spaces = None, 0.0
    for glyph in line.glyphs:
        if glyph.char.isspace():
            runs[-1].append(glyph)
            spaces += glyph.x1 - glyph.x0
            continue
        # the room a typed space takes is no gap between cells
        if previous is not None and glyph.x0 - previous.x1 - spaces > CELL_GAP * line.size:
            runs.append([])
        runs[-1].append(glyph)
        previous, spaces = glyph, 0.0
    pieces = []
    for glyphs in runs:
        made = PageLine.of(line.page, glyphs)
        if made is not None:
            made.y0, made.y1, made.size = line.y0, line.y1, line.size
            pieces.append(Piece(line, line_text(made, made.x0), made.x0, made.x1))
    return pieces


def table_lines(body: Sequence[PageLine], start: int, column: Column,
                furniture: frozenset[int] = frozenset()) -> list[int]:
    """The indexes in ``body`` (the body text's lines, all pages) of the table (or the
    figure's labels) whose caption is ``body[start]``: the lines after it while they have cells set apart, or a
    single piece narrower than :data:`PROSE_WIDTH` of the column (a cell's wrapped line),
    in the caption's font size.  Empty without a caption or without cells after it.
    A running header on the way (``furniture``: ids of lines, :func:`running_headers`) is
    passed over: it stays in the text, for the cleaner to remove and report."""
    if not TABLE_CAPTION.match(body[start].plain):
        return []
    width = column.right - column.left
    found, apart = [], []  # the lines, and whether each has cells set apart
    for index in range(start + 1, len(body)):
        line = body[index]
        if id(line) in furniture:
            continue
        if abs(line.size - body[start].size) >= 0.3:
            break
        cells = len(pieces_of(line)) >= 2
        if not cells and line.x1 - line.x0 > PROSE_WIDTH * width:
            break
        found.append(index)
        apart.append(cells)
    # a header cell may wrap alone (``非對稱確戰姿`` / ``區分␣…觸媒姿態␣…態``)
    return found if any(apart[:HEADER_LINES]) else []


def column_starts(by_line: Sequence[list[Piece]], em: float) -> list[float] | None:
    """Where each column starts: the left edge of the gutter before it, the gap that every
    line with the most pieces leaves between its pieces there.  Every piece must then lie
    in one column (start in it, and end before the next column starts, within
    :data:`COLUMN_SLACK` em).  None where the gutters do not line up or a piece crosses one."""
    count = max(len(pieces) for pieces in by_line)
    widest = [pieces for pieces in by_line if len(pieces) == count]
    if count < 2:
        return None
    for pieces in widest:
        for k, piece in enumerate(pieces):
            piece.column = k
    starts = [min(p.x0 for pieces in by_line for p in pieces)]
    for k in range(1, count):
        gutter_left = max(pieces[k - 1].x1 for pieces in widest)
        gutter_right = min(pieces[k].x0 for pieces in widest)
        if gutter_right <= gutter_left:
            return None
        starts.append(gutter_left + 0.01)
    for pieces in by_line:
        for piece in pieces:
            piece.column = max(k for k, start in enumerate(starts) if start <= piece.x0 + 0.01)
            following = [p.x0 for other in widest for p in other if p.column == piece.column + 1] \
                if piece.column + 1 < count else []
            if following and piece.x1 > min(following) + COLUMN_SLACK * em:
                return None
        if [p.column for p in pieces] != sorted({p.column for p in pieces}):
            return None
    return starts


def _moved(line: PageLine, dx: float) -> PageLine:
    """``line`` moved ``dx`` pt to the right (a table's lines in a page's right column, set
    where its left column's would stand)."""
    if not dx:
        return line
    glyphs = [Glyph(g.char, g.x0 + dx, g.y0, g.x1 + dx, g.y1, g.size) for g in line.glyphs]
    return PageLine(line.page, glyphs, line.size, line.x0 + dx, line.y0, line.x1 + dx,
                    line.y1, line.flow, line.column)


def read_table(lines: Sequence[PageLine], column: Column,
               lefts: dict[int, float] | None = None) -> list[list[str]] | None:
    """The header row and the body rows of the table printed on ``lines``, one text per
    cell, or None where a cell is in doubt (see the module's docstring).

    Before (002-01, a5-11pt, <表一>, page 5 → 6): ``擴大報復␣…非對稱確`` / ``區分␣…觸媒姿態
    ␣…姿態␣…戰姿態`` / ``對象␣…第三方提␣…敵對國家␣…敵對國家`` / ``供援助的國`` / ``家，或潛在盟``
    / ``國`` / ``準備姿␣…有限度保␣…無須立即␣…比起核彈`` ‖ (the header again) / ``態/數量␣…
    有核武，且已␣…`` (at the cells' left edge: the row goes on) / …
    After: ``[["區分", "觸媒姿態", "擴大報復姿態", "非對稱確戰姿態"], ["對象", "第三方提供援助
    的國家，或潛在盟國", "敵對國家", "敵對國家"], ["準備姿態/數量", "有限度保有核武，且已核實",
    …], ["區分", "觸媒姿態", …] (the header again, where page 6 opened), …]``
    """
    if not lines:
        return None
    if lefts and 0 in lefts:  # a table going on in the right column: read as in the left
        lines = [_moved(line, lefts[0] - lefts[line.column]) if line.column == 1
                 and line.column in lefts else line for line in lines]
    em = lines[0].size
    by_line = [pieces_of(line) for line in lines]
    starts = column_starts(by_line, em)
    if starts is None:
        return None
    edges = [min(p.x0 for pieces in by_line for p in pieces if p.column == k)
             for k in range(len(starts))]  # where a column's wrapped lines start
    rights = [max(p.x1 for pieces in by_line for p in pieces if p.column == k)
              for k in range(len(starts))]  # where its full lines end
    indent = first_line_indent(by_line, edges, em)
    row_gap = column.gap * em + max(ROW_GAP, ROW_GAP_EM * em)
    header: list[list[Piece]] = []
    rows: list[list[list[Piece]]] = []  # per row: the pieces of each column, in order
    repeated: list[int] = []  # the header printed again before these rows
    page_top = False
    # the header is every line before the first that surely opens a row
    for index, pieces in enumerate(by_line):
        line = lines[index]
        if index and (line.page, line.column) != (lines[index - 1].page,
                                                  lines[index - 1].column):
            # the table goes on on a new page, or in the next column
            page_top = True
            texts = [[p.text for p in ps] for ps in by_line[index:index + len(header)]]
            if header and texts == [[p.text for p in ps] for ps in header]:
                # the header printed again: passed on as a row where it stands, for the
                # cleaner to drop and report (drop_repeated_table_header)
                by_line[index:index + len(header)] = [[] for _ in header]
                repeated.append(len(rows))
                continue
        if not pieces:
            continue  # a line of the header printed again
        if page_top:
            page_top = False
            opens = _page_top_opens_row(pieces, rows[-1] if rows else None, indent, edges,
                                        rights, em)
        elif not rows and (index == 0 or not _opens_row(pieces, lines[index - 1], by_line,
                                                        index, row_gap, indent, edges, rights,
                                                        em)):
            header.append(pieces)
            continue
        else:
            opens = _opens_row(pieces, lines[index - 1], by_line, index, row_gap, indent,
                               edges, rights, em)
        if opens is None:
            return None
        if opens or not rows:
            rows.append([[] for _ in starts])
        for piece in pieces:
            rows[-1][piece.column].append(piece)
    if not header or not rows:
        return None
    cells: list[list[Piece]] = [[] for _ in starts]
    for pieces in header:
        for piece in pieces:
            cells[piece.column].append(piece)
    names = [_cell_text(cell) for cell in cells]
    body = [[_cell_text(c) for c in r] for r in rows]
    for at in reversed(repeated):
        body.insert(at, list(names))
    table = [names] + body
    if any(not cell for row in table for cell in row):
        return None
    return table


def first_line_indent(by_line: Sequence[list[Piece]], edges: list[float],
                      em: float) -> bool | None:
    """Do the table's cells indent their first line?  A column's pieces start at its edge
    (a cell's wrapped lines) or one indent right of it (a cell's first line): True where
    the columns after the first show both, False where every piece starts at its column's
    edge, None where they disagree."""
    votes = set()
    for k in range(1, len(edges)):
        offsets = {round(p.x0 - edges[k], 1) for pieces in by_line for p in pieces
                   if p.column == k}
        indented = {o for o in offsets if o >= INDENT * em}
        if not indented:
            votes.add(False)
        elif len(indented) == 1 and all(o <= COLUMN_SLACK * em or o in indented
                                        for o in offsets):
            votes.add(True)
        else:
            return None
    return votes.pop() if len(votes) == 1 else None


def _opens_row(pieces: list[Piece], above: PageLine, by_line: Sequence[list[Piece]],
               index: int, row_gap: float, indent: bool | None, edges: list[float],
               rights: list[float], em: float) -> bool | None:
    """Does this line of the table open a row (on the same page as the line above)?  Only
    a line with a row label (text in the first column) does: below a gap wider than a
    cell's line gap; else, where cells indent their first line, when its pieces are
    indented; else when the label above left room for this one's first unit (it had
    ended).  None where the page does not say."""
    if pieces[0].column != 0:
        return False
    if pieces[0].line.y0 - above.y1 > row_gap:
        return True
    if indent:
        return _indented(pieces, edges, em)
    label = next((ps[0] for ps in reversed(by_line[:index]) if ps and ps[0].column == 0), None)
    if label is None:
        return True
    return True if rights[0] - label.x1 > _unit(pieces[0]) + 0.1 * em else None


def _page_top_opens_row(pieces: list[Piece], row: list[list[Piece]] | None,
                        indent: bool | None, edges: list[float], rights: list[float],
                        em: float) -> bool | None:
    """Does the table's first line on a new page open a row, or go on in the row cut at
    the foot of the page before?  Where cells indent their first line, its pieces say; else
    a column whose cell had ended (room left for the unit that opens the piece below) or
    was empty says a new row; else the page does not say (None)."""
    if row is None:
        return True
    if indent:
        return _indented(pieces, edges, em)
    if pieces[0].column != 0:
        return False  # no row label: the row goes on
    for piece in pieces:
        cell = row[piece.column]
        if not cell:
            return True
        if rights[piece.column] - cell[-1].x1 > _unit(piece) + 0.1 * em:
            return True
    return None


def _indented(pieces: list[Piece], edges: list[float], em: float) -> bool | None:
    """Are the line's pieces a row's first lines (indented from their columns' edges), or
    a cut row's next lines?  The row label's column may not indent: the others decide."""
    cells = [p for p in pieces if p.column > 0] or pieces
    opening = [p.x0 - edges[p.column] >= INDENT * em for p in cells]
    return opening[0] if all(opening) == any(opening) else None


def _unit(piece: Piece) -> float:
    return unit_width([g for g in piece.line.glyphs if piece.x0 - 0.01 <= g.x0 <= piece.x1])


def _cell_text(pieces: list[Piece]) -> str:
    """A cell's lines joined as a paragraph's (:func:`~zhiku.clean.paragraphs.join_text`),
    a numbered item after a space: ``…最終單位。`` + ``3. 金正恩…`` → ``…最終單位。 3. 金正恩…``."""
    text = ""
    for piece in pieces:
        if text and _ITEM.match(piece.text):
            text += " " + piece.text
        else:
            text = join_text(text, piece.text)
    return text


def read_tables(body: Sequence[PageLine], column: Column, left: float,
                lefts: dict[int, float] | None = None
                ) -> tuple[dict[int, list[str]], set[int]]:
    """Every table after a caption in ``body`` (the body text's lines): the text to write
    for it, keyed by the ``id`` of its first line, and the ids of all its lines (the table
    is written in one piece where it starts, also where it runs on to another page).

    ``lefts``: each text column's left edge, on pages set in two (a table that goes on in
    the right column is read as if it stood in the left one).
    Where its cells are certain, a GFM pipe table (:func:`render_table`); else (and for a
    figure's labels) its lines as printed (:func:`~zhiku.pdfread.line_text`, cells apart) between two lines of one space,
    which the cleaner keeps as a fenced text block, never joined to prose."""
    tables: dict[int, list[str]] = {}
    taken: set[int] = set()
    furniture = running_headers(body)
    for start, line in enumerate(body):
        if id(line) in taken:
            continue
        indexes = table_lines(body, start, column, furniture)
        if not indexes:
            continue
        lines = [body[i] for i in indexes]
        # a figure's labels set apart like cells are kept as printed, never read as a table
        rows = read_table(lines, column, lefts) if TABLE_NUMBER.match(line.plain) else None
        tables[id(lines[0])] = render_table(rows) if rows is not None else \
            [" ", *(line_text(line, left) for line in lines), " "]
        taken.update(id(line) for line in lines)
    return tables, taken


def running_headers(body: Sequence[PageLine]) -> frozenset[int]:
    """The ids of the lines that open a page with the same text as on two other pages at
    least, numbers aside (``智庫研究文集␣…␣13``: a header with its page number, in the
    table's size where a table runs on across the page, a4-double-headnum)."""
    tops: dict[int, PageLine] = {}
    for line in body:
        if line.page not in tops or line.y0 < tops[line.page].y0:
            tops[line.page] = line

    counts = Counter(header_key(line.plain) for line in tops.values())
    return frozenset(id(line) for line in tops.values() if counts[header_key(line.plain)] >= 3)


def render_table(rows: list[list[str]]) -> list[str]:
    """A GFM pipe table: the header, the delimiter row, the body rows (``|`` escaped)."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return [row(rows[0]), "| " + " | ".join("---" for _ in rows[0]) + " |",
            *(row(cells) for cells in rows[1:])]
