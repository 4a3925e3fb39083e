"""Two-column pages that an extractor set side by side (``pdftotext -layout``).

``pdftotext -layout`` keeps each printed line's horizontal place: on a two-column page, a
line of its text holds the left column's line, a run of spaces, and the right column's line
at the same height.  Read as it stands, each line would join two unrelated halves.  Where a
page has such a gutter, :func:`read_layout_columns` reads the left column down the page and
then the right one, each as a page of its own: the cleaner already joins a paragraph across
pages and finds a column's footnotes at its foot, as it does at a page's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import accumulate

from .layout import Line, display_width
from .report import Report

#: a stretch of text: characters with at most one space between them (two or more spaces
#: set text apart: a gutter, a table's cells)
_STRETCH = re.compile(r"\S+(?: \S+)*")
#: lines that have text on both sides of the gutter, at least
MIN_LINES_BESIDE = 5
#: the narrower column is at least this share of the wider
MIN_WIDTH_RATIO = 0.7
#: the share of a column's lines that start at its left edge (give or take EDGE_SLACK
#: characters: a paragraph's indent; a centred line aside)
MIN_AT_EDGE = 0.6
EDGE_SLACK = 6
#: the share of a page's lines that start where the band ends: the right column's edge
MIN_EDGE_SHARE = 0.25
#: lines that may cross the gutter: a title or a centred line set over both columns
MAX_CROSSING_SHARE = 0.05


@dataclass(frozen=True)
class Gutter:
    """Where a page's columns part, in characters of the line: ``cut`` where the white band
    between them is crossed by the fewest lines (as far right as that goes), ``right`` the
    right column's left edge (its lines' indents count from there)."""

    cut: int
    right: int


def _as_printed(line: Line) -> str:
    """The line with its leading spaces: characters count from the page's left edge."""
    return " " * line.indent + line.text


def _stretches(line: Line) -> list[tuple[int, int]]:
    """(start, end) of each stretch of text, in characters of the line as printed."""
    return [match.span() for match in _STRETCH.finditer(_as_printed(line))]


def find_layout_gutter(page: list[Line], short_right: bool = False) -> Gutter | None:
    """The gutter between two columns set side by side on one page, or None.

    A gutter is a band of columns (characters) that no stretch of text crosses on all but
    a few lines (:data:`MAX_CROSSING_SHARE`: a title over both columns), ending where a
    quarter of the page's lines start (:data:`MIN_EDGE_SHARE`), with text on both
    sides of it on :data:`MIN_LINES_BESIDE` lines or more, columns about as wide as each other
    (:data:`MIN_WIDTH_RATIO`) and each column's lines starting at one edge
    (:data:`MIN_AT_EDGE`).  A table's cells are set apart too, but its columns are neither
    as wide as each other nor started at one edge on most of the page's lines.

    ``short_right``: the other pages of the source have two columns, and this one's right
    column may hold a few lines only (where an article ends): two lines starting at the
    edge and one beside a left column's line are enough.
    """
    text_lines = [(line, _stretches(line)) for line in page if not line.gap and line.text]
    min_beside = 1 if short_right else MIN_LINES_BESIDE
    if len(text_lines) < 2 * min_beside:
        return None
    page_end = max(stretches[-1][1] for _, stretches in text_lines)
    steps = [0] * (page_end + 2)  # +1 where a stretch starts, -1 after it ends
    for _, stretches in text_lines:
        for start, end in stretches:
            steps[start] += 1
            steps[end] -= 1
    covered = list(accumulate(steps))  # how many lines' text covers each character column
    allowed = max(1, int(MAX_CROSSING_SHARE * len(text_lines)))
    best: tuple[int, Gutter] | None = None
    x = page_end // 4
    while x < 3 * page_end // 4:
        if covered[x] > allowed:
            x += 1
            continue
        band_start = x
        while x < page_end and covered[x] <= allowed:
            x += 1
        # the right column's lines start where the band ends: the text rises like a wall
        if covered[x] < (2 if short_right else MIN_EDGE_SHARE * len(text_lines)):
            continue
        # cut where fewest lines cross, as far right as that goes (a left column's line
        # of Latin words runs further than its lines of ideographs)
        fewest = min(covered[band_start:x])
        cut = max(at for at in range(band_start, x) if covered[at] == fewest)
        gutter = _gutter_at(text_lines, cut, min_beside)
        if gutter is not None:
            beside = gutter[0]
            if best is None or beside > best[0]:
                best = gutter
    return best[1] if best else None


def _gutter_at(text_lines: list[tuple[Line, list[tuple[int, int]]]], cut: int,
               min_beside: int) -> tuple[int, Gutter] | None:
    """The gutter a cut through a band of (nearly) empty columns makes, with how many lines
    have text on both sides of it; None where it does not set two columns apart."""
    columns: tuple[list[tuple[int, str]], list[tuple[int, str]]] = ([], [])  # (start, text)
    beside = 0
    for line, stretches in text_lines:
        if any(start < cut < end for start, end in stretches):
            continue  # crosses the gutter
        raw = _as_printed(line)
        halves = raw[:cut], raw[cut:]
        for column, half, offset in zip(columns, halves, (0, cut), strict=True):
            if half.strip():
                column.append((offset + len(half) - len(half.lstrip()), half.strip()))
        beside += all(half.strip() for half in halves)
    if beside < min_beside:
        return None
    # a line's width as printed (an ideograph is two Latin letters wide; pdftotext gives
    # each one character, however wide the page's grid cells)
    widths = [sorted(display_width(text) for _, text in column) for column in columns]
    full = [column_widths[int(0.8 * len(column_widths))] for column_widths in widths]
    if min(full) < MIN_WIDTH_RATIO * max(full):
        return None
    edges = []
    for column in columns:
        starts = Counter(start for start, _ in column)
        edge = min(start for start in starts if start >= starts.most_common(1)[0][0] - 1)
        if sum(abs(start - edge) <= EDGE_SLACK for start, _ in column) < MIN_AT_EDGE * len(column):
            return None
        edges.append(edge)
    return beside, Gutter(cut=cut, right=edges[1])


def read_layout_columns(lines: list[Line], report: Report) -> list[Line]:
    """Read a page whose two columns the extractor set side by side, one column after the
    other; each column starts a page.

    Before (``pdftotext -layout``, 001-04 in two columns, page 1): ``影的限制。1這是李在明政府
    上台之後在對朝政策領域{37 spaces}因此，韓國的「對北廣播」在實務定義上，通常`` /
    ``最受矚目的部分，這也代表著韓國至今所有針對北韓{32 spaces}包含了「調頻廣播」和「播音廣播」
    兩種送出方式，``
    After: ``影的限制。1這是…領域`` / ``最受矚目的部分，…針對北韓`` down the left column, then
    the right column (``因此，韓國的…，通常`` / ``包含了…送出方式，`` among its lines), as the
    next page.  Both pieces keep the raw line's number; the report names the page's first
    line and the character the right column starts at.

    A line that crosses the gutter (a title over both columns) stays whole, in the column
    where it starts.  A page without a gutter (:func:`find_layout_gutter`) stays as it is.
    Where other pages have two columns, a page's right column may be short.
    """
    pages: list[list[Line]] = []
    for line in lines:
        if line.page_start or not pages:
            pages.append([])
        pages[-1].append(line)
    gutters = [find_layout_gutter(page) for page in pages]
    if any(gutters):
        gutters = [gutter or find_layout_gutter(page, short_right=True)
                   for page, gutter in zip(pages, gutters, strict=True)]
    read: list[Line] = []
    for page, gutter in zip(pages, gutters, strict=True):
        if gutter is None:
            read += page
            continue
        left, right = (place_pushed_markers(place_raised_markers(column, report), report)
                       for column in _columns(page, gutter))
        first = next(line for line in page if not line.gap)
        report.add("read_layout_columns", first.no, first.text,
                   f"{len(left)} lines of the left column, then {len(right)} of the right "
                   f"(from character {gutter.right})")
        if left:
            left[0] = replace(left[0], page_start=True)
        if right:
            right[0] = replace(right[0], page_start=True)
        read += left + right
    return read


def _columns(page: list[Line], gutter: Gutter) -> tuple[list[Line], list[Line]]:
    left: list[Line] = []
    right: list[Line] = []
    for line in page:
        if line.gap or not line.text:
            continue  # the columns' lines are read apart: a gap of one is none of the other
        raw = _as_printed(line)
        stretches = _stretches(line)
        if any(start < gutter.cut < end for start, end in stretches):
            if stretches[0][0] < gutter.cut:
                left.append(replace(line, page_start=False))
            else:
                right.append(replace(line, page_start=False,
                                     indent=max(0, line.indent - gutter.right)))
            continue
        left_part, right_part = raw[:gutter.cut], raw[gutter.cut:]
        if left_part.strip():
            left.append(replace(line, text=left_part.strip(), page_start=False,
                                indent=len(left_part) - len(left_part.lstrip()),
                                trailing_space=line.trailing_space and not right_part.strip()))
        if right_part.strip():
            right.append(replace(line, text=right_part.strip(), page_start=False, indent=max(
                0, gutter.cut + len(right_part) - len(right_part.lstrip()) - gutter.right)))
    return left, right


_LONE_MARKER = re.compile(r"^\d{1,3}$")
#: a raised marker's place counts from the column's edge; a footnote's number stands there
MIN_MARKER_INDENT = 3
#: how far (display columns) from a raised marker's place the hole it left may be: the
#: extractor's grid of characters is not the page's
MARKER_SLACK = 4
#: how much wider than the display width of its line the extractor's grid may place a
#: raised marker (pdftotext -layout: a page's grid cell is a quarter or a fifth of an em)
GRID_STRETCH = 1.5


def place_raised_markers(column: list[Line], report: Report) -> list[Line]:
    """Put a footnote marker that the extractor set on a line of its own (raised above its
    line's baseline) back into the line below, at its place across the column.

    Before (``pdftotext -layout``, 001-04 in two columns): ``線已無任何具體的心戰廣播活動，南北雙
    方長達將近`` / ``{38 spaces}2`` / ``50 多年「無炮火的戰爭」也暫告一段落。``
    After: ``…也暫告一段落。2`` (the marker 38 columns in: the width of the line below it).

    Before: ``{12 spaces}3`` / ``際廣播電台」 ，當時主要內容是批判北韓政權，維護``
    After: ``際廣播電台」3，當時…``: where the line has a space near the marker's place
    (:data:`MARKER_SLACK`) (the hole the marker left), the marker takes it.

    A number at the column's edge is a footnote's own (its text on the next line) and stays.
    """
    placed: list[Line] = []
    index = 0
    while index < len(column):
        line = column[index]
        host = column[index + 1] if index + 1 < len(column) else None
        if (_LONE_MARKER.match(line.text) and line.indent >= MIN_MARKER_INDENT
                and host is not None and not host.page_start
                and host.indent < line.indent
                <= GRID_STRETCH * (host.indent + display_width(host.text)) + 2):
            text = _insert_at_width(host.text, line.indent - host.indent, line.text)
            report.add("place_raised_markers", line.no, line.text + " / " + host.text, text)
            placed.append(replace(host, text=text))
            index += 2
            continue
        placed.append(line)
        index += 1
    return placed


def _insert_at_width(text: str, width: int, marker: str) -> str:
    """``marker`` put into ``text`` where ``width`` display columns of it are printed.

    The extractor's grid is not the page's (a marker 30 columns in may belong 24 columns
    in), so a hole the marker left (one space between two characters that are not ASCII)
    is its place where the line has only one: the marker takes it (``台」 ，`` → ``台」3，``).
    Else a space near there (:data:`MARKER_SLACK`) is: a hole again, or the author's space
    next to an ASCII character, which the marker goes before (``。 2022`` → ``。5 2022``).
    Else the marker goes in at the nearest character boundary (the end of the line, often).
    """
    boundaries = [0]  # display width before each character, and at the end
    for char in text:
        boundaries.append(boundaries[-1] + display_width(char))
    holes = [hole.start() for hole in _HOLE.finditer(text)]
    spaces = holes if len(holes) == 1 else [
        at for at, char in enumerate(text)
        if char == " " and abs(boundaries[at] - width) <= MARKER_SLACK]
    if spaces:
        at = min(spaces, key=lambda at: abs(boundaries[at] - width))
        hole = _HOLE.match(text, at) is not None
        return text[:at] + marker + text[at + hole:]
    at = min(range(len(boundaries)), key=lambda at: (abs(boundaries[at] - width), -at))
    return text[:at] + marker + text[at:]


#: a line's text, then two or more spaces and a number: the marker pdftotext -layout pushed
#: to the end of the line
_PUSHED_MARKER = re.compile(r"^(?P<text>.*\S) {2,}(?P<marker>\d{1,3})$")
#: the hole a marker left: one space between two characters that are not ASCII
_HOLE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def place_pushed_markers(column: list[Line], report: Report) -> list[Line]:
    """Put a footnote marker that the extractor pushed to the end of its line back where it
    was: into the hole it left, or, where the line has no hole, at the line's end.

    Before (``pdftotext -layout``, 001-05 in two columns): ``步提升北韓整體網路能力。 包含先進國
    家之潛艦、{7 spaces}13``
    After: ``步提升北韓整體網路能力。13包含先進國家之潛艦、``

    Before (003-04): ``讓的原則，持續展現強硬態度。{17 spaces}1``
    After: ``讓的原則，持續展現強硬態度。1``

    A hole is one space between two characters that are not ASCII; a line with more than
    one stays as it is.
    """
    placed: list[Line] = []
    for line in column:
        match = _PUSHED_MARKER.match(line.text)
        if match:
            text, marker = match.group("text", "marker")
            holes = [hole.start() for hole in _HOLE.finditer(text)]
            if len(holes) <= 1:
                text = text[:holes[0]] + marker + text[holes[0] + 1:] if holes \
                    else text + marker
                report.add("place_pushed_markers", line.no, line.text, text)
                line = replace(line, text=text)
        placed.append(line)
    return placed
