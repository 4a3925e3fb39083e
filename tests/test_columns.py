"""Two-column pages an extractor set side by side (``pdftotext -layout``): each column is
read down the page, the markers it raised or pushed go back into their lines.

Whole two-column articles, from each extractor, are in ``fixtures/extracted``
(``*-two-column.*.txt``), held to the fidelity targets by ``test_fidelity.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from zhiku.clean import Report
from zhiku.clean.columns import (
    find_layout_gutter,
    place_pushed_markers,
    place_raised_markers,
    read_layout_columns,
)
from zhiku.clean.layout import Line, split_lines
from zhiku.convert import convert_text

EXTRACTED = Path(__file__).parent / "fixtures" / "extracted"


def side_by_side(left: list[str], right: list[str], at: int) -> str:
    """A page as ``pdftotext -layout`` prints two columns: each line holds the left
    column's line, spaces, and the right column's line from character ``at`` on."""
    rows = []
    for number in range(max(len(left), len(right))):
        row = left[number] if number < len(left) else ""
        if number < len(right):
            row = row.ljust(at) + right[number]
        rows.append(row.rstrip())
    return "\n".join(rows) + "\n"


# 001-04 typeset in two columns (the matrix's two-column layout), its first lines
LEFT = ["壹、前言",
        "    韓 國 國 家 情 報 院 （ National Intelligence",
        "Service, NIS）已於今年 7 月初全面中斷已執行 50 多",
        "年的「對北廣播」，同時也解除韓國國內觀看北韓電",
        "影的限制。1這是李在明政府上台之後在對朝政策領域",
        "最受矚目的部分，這也代表著韓國至今所有針對北韓",
        "的心戰措施全面宣告中止。北韓也幾乎在同一時間，",
        "關閉針對韓國的廣播干擾信號。至此，南北韓在停戰",
        "線已無任何具體的心戰廣播活動，南北雙方長達將近",
        "50 多年「無炮火的戰爭」也暫告一段落。2"]
RIGHT = ["播方式提升國際能見度。 4除此之外，當時韓國也曾允",
         "許部分民間和宗教團體設置類似性質的廣播頻道。5",
         "     1962 年，朴正熙政府時期，國營對外廣播業務被",
         "分為「對外」與「對共」兩大部分，前者為針對海外",
         "的多語言國際廣播，後者則是專門針對北韓的特殊廣",
         "播，6韓國國防部也在同年成立對北廣播電台「自由之",
         "聲」（Voice Of Freedom），並於隔年 3-5 月，首",
         "度在非軍事區（Demilitarized Zone, DMZ）前線設",
         "置大型擴音器和心戰廣播部隊，以調頻廣播和播音廣",
         "播兩種方式，對北韓實施心戰廣播。目前韓國軍方的"]


def test_two_columns_side_by_side_are_read_one_after_the_other():
    raw = "國防安全即時評析\n\n" + side_by_side(LEFT, RIGHT, at=55) + "\f"
    report = Report()
    lines = read_layout_columns(split_lines(raw), report)
    assert [line.text for line in lines] == ["國防安全即時評析"] + [
        text.strip() for text in LEFT + RIGHT]
    # the right column starts a page of its own; its paragraph's indent counts from its edge
    right = lines[1 + len(LEFT):]
    assert right[0].page_start and [line.indent for line in right[1:3]] == [0, 5]
    # both halves keep the raw line's number, and the report says what was read apart
    assert right[0].no == lines[1].no
    assert [change.fix for change in report.changes] == ["read_layout_columns"]
    assert report.changes[0].after == \
        "11 lines of the left column, then 10 of the right (from character 55)"


def test_a_left_column_line_of_spaced_latin_words_stays_in_the_left_column():
    """Justified Latin words are set three spaces apart: a white band runs down the left
    column too, but the right column's lines do not start at its end (000-01)."""
    left = LEFT[:3] + ["Research   Institute   for   National   Strategy,"] + LEFT[3:]
    gutter = find_layout_gutter(split_lines(side_by_side(left, RIGHT + ["的。"], at=56)))
    assert gutter is not None and gutter.right == 56


def test_a_page_set_in_one_column_is_not_read_as_two():
    """Single-column pages, tables set apart by runs of spaces among them, stay as printed."""
    for path in sorted(EXTRACTED.glob("*.pdftotext-layout.txt")):
        if "two-column" in path.name:
            continue
        lines = split_lines(path.read_text(encoding="utf-8"))
        report = Report()
        assert read_layout_columns(lines, report) == lines, path.name
        assert not report.changes


def test_a_short_right_column_on_the_last_page_is_read_after_the_left():
    """An article's last page may hold only a few lines in its right column: where the
    source's other pages have two columns, two lines at the edge are enough."""
    page_one = side_by_side(LEFT, RIGHT, at=55)
    last_page = side_by_side(
        ["參、趨勢研判", "", "一、美中關稅談判延期降低對經濟貿易的衝擊", "",
         "    對中國而言，龐大傳統製造業依賴美國及歐洲市", "場，在美國關稅不可能降低下，只能利用關稅延遲的",
         "喘息空間，加速對外出口，以清空庫存。美國同樣在"],
        ["政策，當各國接受並完成產業調整時，中國可能仍在", "原地踏步，即使因為延期尚可維持經濟成長預期，但",
         "可能因為各國經貿逐漸與中國脫鉤，從而改變中國的", "國際經貿結構與版圖。"], at=59)
    lines = split_lines(page_one + "\f" + last_page)
    last = lines[next(index for index, line in enumerate(lines) if index and line.page_start):]
    assert find_layout_gutter(last) is None
    assert find_layout_gutter(last, short_right=True).right == 59
    read = read_layout_columns(lines, Report())
    assert [line.text for line in read][-4:] == [
        "政策，當各國接受並完成產業調整時，中國可能仍在", "原地踏步，即使因為延期尚可維持經濟成長預期，但",
        "可能因為各國經貿逐漸與中國脫鉤，從而改變中國的", "國際經貿結構與版圖。"]


@pytest.mark.parametrize(("marker_line", "host", "placed"), [
    # at the end of the line below: the marker is 38 columns in, the line 37 wide
    ("                                      2", "50 多年「無炮火的戰爭」也暫告一段落。",
     "50 多年「無炮火的戰爭」也暫告一段落。2"),
    # the hole it left, between two characters that are not ASCII
    ("            3", "際廣播電台」 ，當時主要內容是批判北韓政權，維護",
     "際廣播電台」3，當時主要內容是批判北韓政權，維護"),
    # the author's space before a number stays, the marker goes before it (003-03)
    ("          5", "加嚴峻」。 2022 年的《台灣問題與新時代中國統一",
     "加嚴峻」。5 2022 年的《台灣問題與新時代中國統一"),
])
def test_a_marker_raised_onto_a_line_of_its_own_goes_back_into_the_line_below(
        marker_line, host, placed):
    column = split_lines(marker_line + "\n" + host + "\n")
    report = Report()
    assert [line.text for line in place_raised_markers(column, report)] == [placed]
    assert report.changes[0].fix == "place_raised_markers"


def test_a_footnote_number_at_the_column_edge_stays_on_its_line():
    column = split_lines("3\n 李承晚政府時期先後成立漢城中央廣播電台(1953)、漢城電視廣\n")
    assert [line.text for line in place_raised_markers(column, Report())] == [
        "3", "李承晚政府時期先後成立漢城中央廣播電台(1953)、漢城電視廣"]


@pytest.mark.parametrize(("printed", "placed"), [
    ("步提升北韓整體網路能力。 包含先進國家之潛艦、       13", "步提升北韓整體網路能力。13包含先進國家之潛艦、"),
    ("讓的原則，持續展現強硬態度。                 1", "讓的原則，持續展現強硬態度。1"),
    # two holes: no telling which the marker left
    ("韓 國 國 家 情 報 院       7", "韓 國 國 家 情 報 院       7"),
])
def test_a_marker_pushed_to_the_end_of_its_line_goes_back_into_its_hole(printed, placed):
    assert [line.text for line in place_pushed_markers([Line(1, printed)], Report())] == [placed]


def test_a_title_a_narrow_column_wraps_above_its_subtitle_is_taken_whole():
    """Above the first numbered section, a title's first line, its colon line and the
    subtitle (pypdf, 002-01 in two columns: ``金正恩政權 10 週年的政策評析與`` / ``影響：`` /
    ``以近期核戰略變化為中心`` / ``壹.緒論``) are the title, none of them left in the body."""
    fixture = "002-01-two-column.pypdf.txt"  # not at the targets: its tables' cells are mixed
    path = Path(__file__).parent / "fixtures" / "columns" / fixture
    article = convert_text(path.read_text(encoding="utf-8"), fixture).articles[0]
    assert (article.title, article.subtitle) == ("金正恩政權 10 週年的政策評析與影響", "以近期核戰略變化為中心")
    assert "政策評析與" not in article.body
