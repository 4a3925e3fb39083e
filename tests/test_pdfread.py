"""zhiku reads a PDF itself (zhiku.pdfread): a page laid out in, the text and Markdown out.

The pages are typeset here with PyMuPDF's built-in CJK font, in which every character is
one em wide, so each line's geometry is exact: a line of 29 characters in a 29 em column
is full.  The text is seed 001's article 5 (北韓網路攻擊與安全威脅發展)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zhiku.convert import convert_text
from zhiku.pdfread import (
    Column,
    Glyph,
    PageLine,
    centred,
    ends_paragraph,
    line_text,
    pdf_text,
    unit_width,
)
from zhiku.read import SourceError, source_from_bytes

SIZE = 11.0
LEFT = 72.0
COLUMN = 29  # characters (em) to a full body line


def typeset(pages: list[list[tuple]], width: int = COLUMN) -> bytes:
    """A PDF of ``pages``, each a list of ``(text, x_em, y, size)`` lines (``x_em`` in em
    of the body size from the column's left edge, or ``"centre"``); ``^5`` in a text is a
    footnote marker, printed small and raised."""
    document = pymupdf.open()
    for lines in pages:
        page = document.new_page(width=LEFT * 2 + width * SIZE, height=595)
        for text, x_em, y, size in lines:
            pieces = [piece for piece in text.replace("^", "\0^").split("\0") if piece]
            length = sum(len(p) - 1 if p.startswith("^") else len(p) for p in pieces)
            x = LEFT + (width * SIZE - length * size) / 2 if x_em == "centre" \
                else LEFT + x_em * SIZE
            for piece in pieces:
                if piece.startswith("^"):
                    number = "".join(c for c in piece[1:] if c.isdigit())
                    page.insert_text((x, y - 4), number, fontname="china-t", fontsize=6)
                    x += len(number) * 6
                    piece = piece[1 + len(number):]
                page.insert_text((x, y), piece, fontname="china-t", fontsize=size)
                x += len(piece) * size
    return document.tobytes()


HEAD = [
    ("北韓網路攻擊與安全威脅發展", "centre", 60, 16.0),
    ("詹祥威", "centre", 90, 12.0),
    ("網路安全與決策推演研究所", "centre", 110, 12.0),
    ("焦點類別：國際情勢、網路戰、資安威脅", 0, 135, SIZE),
    ("壹、前言", 0, 165, 13.0),
]


def cleaned_body(pages: list[list[tuple]], width: int = COLUMN) -> str:
    return convert_text(pdf_text(typeset(pages, width)), "x.pdf").articles[0].body


FIRST = "2025 年二月發生的 ByBit 交易所 15 億美元駭客事件，不僅是加密貨幣史上最大單一竊盜案。"
SECOND = "北韓的網路行動也越來越傾向於鎖定高價值目標，這亦表明行動複雜性和效率正不斷提高。"


def test_a_paragraph_ending_on_a_full_line_is_ended_by_the_gap_below_it():
    # 12pt-like layout: no indent, 14 pt from line to line, 20 pt between paragraphs; the
    # first paragraph (50 characters in a 25 em column) ends on a full line, which no text
    # extractor tells from a line that wraps
    body = cleaned_body([HEAD + [
        (FIRST[:25], 0, 190, SIZE), (FIRST[25:], 0, 204, SIZE),
        (SECOND[:25], 0, 224, SIZE), (SECOND[25:], 0, 238, SIZE),
    ]], width=25)
    assert body == f"## 壹、前言\n\n{FIRST}\n\n{SECOND}\n"


def test_an_indented_line_opens_a_paragraph_and_a_wrapped_one_does_not():
    # the same with a 2 em first-line indent and no extra gap (14 pt from line to line), in
    # a 26 em column: the first paragraph's last line is full again
    body = cleaned_body([HEAD + [
        (FIRST[:24], 2, 190, SIZE), (FIRST[24:], 0, 204, SIZE),
        (SECOND[:24], 2, 218, SIZE), (SECOND[24:], 0, 232, SIZE),
    ]], width=26)
    assert body == f"## 壹、前言\n\n{FIRST}\n\n{SECOND}\n"


def test_footnotes_markers_hyphens_and_page_furniture_across_a_page_break():
    # page 1: a marker after 。, a paragraph going on to page 2, the footnote below a gap,
    # a page number; page 2: a running header, the paragraph's rest, a URL cut after a
    # hyphen at a line end (pdftotext would drop it)
    pdf = typeset([
        [("國防安全即時評析", "centre", 40, 9.0)] + HEAD + [
            ("2025 年二月發生的 ByBit 交易所 15 億美元駭", 0, 190, SIZE),
            ("客事件，不僅是加密貨幣史上最大單一竊盜案。^1北", 0, 204, SIZE),
            ("韓亦透過精密複雜的網路間諜活動，鎖定國防、航空航", 0, 218, SIZE),
            ("1 Chainalysis Team, “2025 Crypto Crime", 0, 520, 8.5),
            ("Mid-year Update,” Chainalysis, 2025.", 0, 531, 8.5),
            ("1", "centre", 570, SIZE),
        ],
        [
            ("國防安全即時評析", "centre", 40, 9.0),
            ("太、核能及工程等關鍵產業。^2", 0, 80, SIZE),
            ("2 https://www.reuters.com/business/mp-", 0, 520, 8.5),
            ("materials-partners-with-department-defense/.", 0, 531, 8.5),
            ("2", "centre", 570, SIZE),
        ],
    ])
    article = convert_text(pdf_text(pdf), "x.pdf").articles[0]
    assert article.body == (
        "## 壹、前言\n\n"
        "2025 年二月發生的 ByBit 交易所 15 億美元駭客事件，不僅是加密貨幣史上最大單一竊盜案。[^1]"
        "北韓亦透過精密複雜的網路間諜活動，鎖定國防、航空航太、核能及工程等關鍵產業。[^2]\n\n"
        "[^1]: Chainalysis Team, “2025 Crypto Crime Mid-year Update,” Chainalysis, 2025.\n\n"
        "[^2]: https://www.reuters.com/business/mp-materials-partners-with-department-defense/.\n")


def test_the_text_it_hands_the_cleaner():
    """The seeds' pdftotext style: a blank line after each line, a space after a
    paragraph's last line, a lone space before a page's footnotes, a form feed after
    each page, markers as bare digits glued to the text."""
    pdf = typeset([[
        ("壹、前言", 0, 60, 13.0),
        ("不僅是加密貨幣史上最大單一竊盜案。^1北韓亦透過精", 0, 90, SIZE),
        ("密複雜的網路間諜活動。", 0, 104, SIZE),
        ("1 同前註。", 0, 520, 8.5),
    ]])
    assert pdf_text(pdf) == (
        "壹、前言 \n\n"
        "不僅是加密貨幣史上最大單一竊盜案。1北韓亦透過精\n\n"
        "密複雜的網路間諜活動。 \n\n"
        " \n\n"
        "1 同前註。 \n\n"
        "\f")


def test_a_pdf_source_is_read_as_text_and_a_broken_one_named():
    pdf = typeset([HEAD + [("客事件，不僅是加密貨幣史上最大單一竊盜案。", 0, 190, SIZE)]])
    source = source_from_bytes("corpus/report.pdf", pdf)
    assert source.encoding == "pdf" and "竊盜案。 \n" in source.text
    with pytest.raises(SourceError, match=r"corpus/broken\.pdf: cannot read the PDF"):
        source_from_bytes("corpus/broken.pdf", b"%PDF-1.7\nnot a PDF at all")
    with pytest.raises(SourceError, match=r"corpus/scan\.pdf: a PDF with no text"):
        source_from_bytes("corpus/scan.pdf", typeset([[]]))


# --------------------------------------------------------------------------- the rules alone


def line(text: str, x0: float, y0: float, size: float = 12.0, page: int = 0,
         flow: str = "body") -> PageLine:
    """A printed line of ``text`` in a font whose glyphs are one em wide (Latin half)."""
    glyphs, x = [], x0
    for char in text:
        width = size / 2 if char.isascii() else size
        glyphs.append(Glyph(char, x, y0, x + width, y0 + size, size))
        x += width
    made = PageLine.of(page, glyphs)
    made.flow = flow
    return made


# 003-01 in 12pt (ragged right): column 72.1–517.5 pt, 13.8 pt between a paragraph's lines
BODY_12PT = Column(72.1, 517.5, 13.8 / 12)


def test_a_line_that_left_room_for_the_next_lines_first_unit_ends_its_paragraph():
    # ``…形成共`` ends 37 pt short, but ``識。1998`` (48 pt) does not fit: a wrap
    short = line("透過年度會議與工作小組會議的交替舉辦，落實雙方人員的交流溝通並形成共", 72.1, 179.6)
    assert not ends_paragraph(short, line("識。1998 年7 月，MMCA 於北京舉行", 72.1, 205.5), BODY_12PT)
    # one ideograph would have fitted: the paragraph ended
    assert ends_paragraph(short, line("北韓的網路行動也越來越傾向", 72.1, 205.5), BODY_12PT)


def test_a_wider_gap_ends_a_paragraph_whose_last_line_is_full():
    full = line("成功發展出陸基和潛射彈道飛彈，甚至近期更開始加強和完善傳統武器裝備的研發。", 72.1, 100)
    assert full.x1 > BODY_12PT.right - 12
    assert not ends_paragraph(full, line("北韓在 2021 年", 72.1, 100 + 12 + 13.8), BODY_12PT)
    assert ends_paragraph(full, line("北韓在 2021 年", 72.1, 100 + 12 + 19.8), BODY_12PT)


def test_a_centred_title_wraps_without_ending():
    column = Column(72.1, 523.4, 1.15)
    first = line("The influence and Prospects of the 10th cycle of", 86.9, 371.6, 18)
    second = line("Kim Jong Un's reign: Focus on recent nuclear", 98.7, 410.7, 18)
    assert centred(first, column) and centred(second, column)
    assert not ends_paragraph(first, second, column)


def test_a_title_filling_a_narrow_column_wraps_without_ending():
    # 004-01 in two columns: a 16 pt title over a 10 pt text column 51.1–286.3 pt
    column = Column(51.1, 286.3, 0.65, 10.0)
    first = line("日韓元首相繼訪烏對東北亞安保", 57.2, 120, 16)
    second = line("情勢的影響", 128.7, 145, 16)
    assert not centred(first, column) and centred(second, column)
    assert not ends_paragraph(first, second, column)
    # a full line of text before a centred caption in the text's size does end
    text = line("訪問過烏克蘭，分別是日本首相岸田文雄、印", 51.1, 120, 10)
    assert ends_paragraph(text, line("圖片來源", 148.7, 134, 10), column)


def test_unit_width_is_what_a_line_needs_room_for():
    def width(text: str) -> float:
        return unit_width(line(text, 0, 0, 10).glyphs)

    assert width("Kimsuky、Scarcruft、BlueNoroff 等") == 7 * 5 + 10 + 9 * 5 + 10 + 10 * 5
    assert width("識。1998 年") == 10 + 10 + 4 * 5
    assert width("國，或潛在盟國") == 20
    assert width("（Operation Highmast）") == 10 + 9 * 5


# --------------------------------------------------------------------------- tables


CAPTION = ("<表二> 北韓近期國家正常化的主要策略", 0, 190, SIZE)
PROSE = [("實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話。", 0, 0, SIZE)]


def cells(y: float, *texts: str, at: tuple = (0, 4, 17)) -> list[tuple]:
    """One printed line of a table: its cells' texts at the columns ``at`` (em)."""
    return [(text, x, y, SIZE) for text, x in zip(texts, at) if text]


def test_a_table_is_read_cell_by_cell_from_the_page():
    # 12pt-like: cells 14 pt from line to line, rows 18 pt apart (the cells' padding), no
    # indent; the 作法 and 意義 cells wrap, their lines among each other's
    body = cleaned_body([HEAD + [CAPTION]
                         + cells(214, "領域", "作法", "意義")
                         + cells(236, "黨", "增設黨中央監察委員會和", "黨機器的運作獲得強化，")
                         + cells(250, "", "規律調查部，打破單位特", "避免出現單位獨大的問")
                         + cells(264, "", "殊化的本位主義。", "題。")
                         + cells(286, "軍", "增設黨軍政指導部。", "總政治局長的地位大幅弱")
                         + cells(300, "", "", "化。")
                         + [(PROSE[0][0][:26], 0, 330, SIZE), (PROSE[0][0][26:], 0, 344, SIZE)]])
    assert body.split("\n\n")[1:] == [
        "&lt;表二&gt; 北韓近期國家正常化的主要策略",
        ("| 領域 | 作法 | 意義 |\n| --- | --- | --- |\n"
         "| 黨 | 增設黨中央監察委員會和規律調查部，打破單位特殊化的本位主義。 "
         "| 黨機器的運作獲得強化，避免出現單位獨大的問題。 |\n"
         "| 軍 | 增設黨軍政指導部。 | 總政治局長的地位大幅弱化。 |"),
        PROSE[0][0] + "\n"]


TABLE_PAGE_1 = (HEAD + [CAPTION] + cells(214, "領域", "作法", "意義", at=(1, 5, 18))
                + cells(236, "黨", "增設黨中央監察委員", "黨機器的運作獲得強", at=(1, 5, 18))
                + cells(250, "", "會和規律調查部。", "化。")
                + cells(272, "政", "內閣閣員的現地了", "內閣負起主要的施", at=(1, 5, 18)))
TABLE_PAGE_2 = (cells(60, "領域", "作法", "意義", at=(1, 5, 18))
                + cells(82, "", "解次數增加。", "政成敗的責任。")
                + cells(104, "軍", "增設黨軍政指導部。", "總政治局長的地位大", at=(1, 5, 18))
                + cells(118, "", "", "幅弱化。")
                + [(PROSE[0][0][:26], 0, 150, SIZE), (PROSE[0][0][26:], 0, 164, SIZE)])


def test_a_row_cut_by_a_page_goes_on_where_the_cells_first_lines_are_indented():
    # each cell's first line is indented 1 em: at the top of page 2, after the header printed
    # again, ``解次數增加。`` starts at its column's edge, so the 政 row goes on
    body = cleaned_body([TABLE_PAGE_1, TABLE_PAGE_2])
    assert "| 領域 | 作法 | 意義 |\n| --- | --- | --- |\n" \
        "| 黨 | 增設黨中央監察委員會和規律調查部。 | 黨機器的運作獲得強化。 |\n" \
        "| 政 | 內閣閣員的現地了解次數增加。 | 內閣負起主要的施政成敗的責任。 |\n" \
        "| 軍 | 增設黨軍政指導部。 | 總政治局長的地位大幅弱化。 |\n\n" in body


def test_a_table_whose_rows_the_page_does_not_settle_stays_printed_lines():
    # the same without the indent: the cells at the foot of page 1 are full, so ``解次數增加。``
    # may go on in the 政 row or open one with an empty label; the lines stay as printed,
    # in a fenced block, and the prose after it is a paragraph of its own
    flush = [[(text, max(x - 1, 0) if x in (1, 5, 18) else x, y, size)
              for text, x, y, size in page] for page in (TABLE_PAGE_1, TABLE_PAGE_2)]
    body = cleaned_body(flush)
    assert "| --- |" not in body and "```text\n" in body
    assert body.endswith("\n```\n\n" + PROSE[0][0] + "\n")


def test_a_justified_line_spreads_ideographs_without_word_spaces():
    def spread(text: str, gap: float) -> PageLine:
        glyphs, x = [], 72.0
        for char in text:
            glyphs.append(Glyph(char, x, 100, x + 11, 111, 11))
            x += 11 + gap
        return PageLine.of(0, glyphs)

    assert line_text(spread("《中央社》", 4.0), 72) == "《中央社》"
    # a word gap without a space glyph between Latin letters is a space
    assert line_text(spread("KimJong", 0.0), 72) == "KimJong"
    assert line_text(spread("KJ", 4.0), 72) == "K J"


SEED_LINES = [line.strip()[:24] for line in
              (Path(__file__).parent.parent / "corpus" / "001_ecccf8a7296f2a19.txt")
              .read_text(encoding="utf-8").splitlines()[:400]
              if line.strip() and "^" not in line]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SEED_LINES), st.integers(0, 5),
                          st.sampled_from([8.5, 11.0, 13.0]), st.integers(0, 14)),
                min_size=1, max_size=14))
def test_no_character_of_the_page_is_lost(lines):
    """Whatever the layout (lines of seed 001 at random indents, sizes and gaps), every
    character printed is in the text zhiku reads, as often as printed."""
    page, y = [], 60.0
    for text, indent, size, gap in lines:
        y += size + gap
        page.append((text, indent, y, size))
    printed = Counter(c for text, *_ in page for c in text if not c.isspace())
    read = Counter(c for c in pdf_text(typeset([page])) if not c.isspace())
    assert read == printed


def test_a_figures_labels_are_not_read_as_a_table():
    # 002-01's <圖一>: labels set apart like cells, after a figure's caption
    body = cleaned_body([HEAD + [("<圖一>北韓的地位變化", 0, 190, SIZE)]
                         + cells(214, "北", "中", "美") + cells(236, "目標", "核武", "制裁")
                         + [(PROSE[0][0][:26], 0, 270, SIZE), (PROSE[0][0][26:], 0, 284, SIZE)]])
    assert body.split("\n\n")[1:] == [
        "圖：&lt;圖一&gt;北韓的地位變化",
        "```text\n北      中                        美\n目標    核武                      制裁\n```",
        PROSE[0][0] + "\n"]


def seed_paragraphs() -> list[str]:
    """Seed 001's article 5 (its reference), paragraphs without their markers."""
    text = next((Path(__file__).parent / "reference").glob("001_*/05.md")).read_text(
        encoding="utf-8").split("---", 2)[2]
    return [re.sub(r"\[\^\d+\]", "", block) for block in text.split("\n\n")
            if block.strip() and not block.startswith(("#", "[^"))]


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters (em in the test font), broken
    between two ideographs or at a space between Latin words, as a typesetter would."""
    def wide(char: str) -> bool:
        return not char.isascii()

    lines = []
    while len(text) > width:
        cut = max(i for i in range(1, width + 1) if i < len(text) and (
            wide(text[i - 1]) and wide(text[i]) or text[i] == " "))
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return lines + [text]


def test_a_page_set_in_two_columns_is_read_column_by_column():
    # 23 em columns 4 em apart under a title across the page: the left column holds a
    # paragraph and the start of the next, which goes on at the top of the right column
    first, second, third = seed_paragraphs()[1:4]
    # (line, opens a paragraph): 6 pt more above a paragraph's first line
    lines = [(text, n == 0) for paragraph in (first, second, third)
             for n, text in enumerate(wrap(paragraph, 23))]
    split = len(wrap(first, 23)) + 2
    page = list(HEAD)
    for column, part in ((0, lines[:split]), (27, lines[split:])):
        y = 184.0
        for text, opens in part:
            y += 14 + (6 if opens and y > 198 else 0)
            page.append((text, column, y, SIZE))
    body = cleaned_body([page], width=50)
    assert body == f"## 壹、前言\n\n{first}\n\n{second}\n\n{third}\n"


def test_a_running_header_inside_a_table_that_runs_on_is_no_row():
    """pdftables.running_headers: a4-double-headnum prints ``智庫研究文集`` and the page
    number on one header line, in about the table's size; where 002-01's table runs on over
    pages 12–14, that line opened each page among the table's lines, and was read as a row
    (``| 智庫研究文集 | 13 |``). A line opening three pages or more with the same text,
    numbers aside, is passed over: it stays in the text, for the cleaner to remove."""
    from zhiku.pdftables import running_headers, table_lines

    def row(page: int, y: float, *texts: str, size: float = 10) -> PageLine:
        glyphs = [glyph for text, x in zip(texts, (72, 300))
                  for glyph in line(text, x, y, size, page).glyphs]
        made = PageLine.of(page, glyphs)
        made.flow = "body"
        return made

    top = row(11, 40, "智庫研究文集", "11", size=9.8)
    caption = line("〈表一〉北韓核戰略的綜合目標", 72, 500, 10, page=11)
    cells = [row(11, 520, "核武裝", "預估數量：50<X<100"),
             row(12, 40, "智庫研究文集", "12", size=9.8),
             row(12, 60, "遠程彈道飛彈", "預估數量：200"),
             row(13, 40, "智庫研究文集", "13", size=9.8),
             row(13, 60, "政治", "強化全面支配的政治體系")]
    body = [top, caption, *cells]
    headers = running_headers(body)
    assert headers == {id(top), id(cells[1]), id(cells[3])}
    assert [body[index] for index in table_lines(body, 1, BODY_12PT, headers)] == [
        cells[0], cells[2], cells[4]]
    assert len(table_lines(body, 1, BODY_12PT)) == 5  # before: the headers among the rows
