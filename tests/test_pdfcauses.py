"""Why a case of the PDF matrix misses, checked in the PDF's line geometry (zhiku.pdfcauses).

The printed lines here are built by hand from what PyMuPDF reads in the matrix's PDFs
(text, box in pt, font size), so the checks run without a PDF."""

from __future__ import annotations

from zhiku.fidelity import normalize
from zhiku.pdfcauses import (
    Cause,
    PrintedLine,
    PrintedText,
    classify_article,
    column_switches,
    hyphen_ends_a_line,
    merge_pieces,
    missing_hyphens,
    next_in_flow,
    paragraph_break,
    summary,
)
from zhiku.pdfread import Glyph, unit_width


def glyphs(text: str, x0: float, top: float, size: float) -> list[Glyph]:
    """A run of glyphs as PyMuPDF boxes them: an ideograph 1 em wide, other characters
    half an em."""
    run = []
    for char in text:
        width = size if ord(char) > 0x2000 else size / 2
        run.append(Glyph(char, x0, top, x0 + width, top + size, size))
        x0 += width
    return run


def line(text: str, x0: float, top: float, x1: float, size: float = 12.0, page: int = 0,
         lead: float = 12.0) -> PrintedLine:
    return PrintedLine(page, x0, top, x1, top + size, size, text, lead)


# ----------------------------------------------------------------------- the PDF's lines


def test_a_line_cut_at_a_raised_footnote_marker_is_one_printed_line_without_the_marker():
    """001-04 in 12pt, page 1: PyMuPDF reads ``…觀看北韓電影的限制。`` and ``¹這是李在`` as
    two lines (the 7 pt marker is raised); printed, they are one line, whose text leaves
    the marker out and whose right edge is the last glyph's."""
    first = glyphs("執行 50 多年的「對北廣播」，同時也解除韓國國內觀看北韓電影的限制。", 72.1, 287.6, 12)
    marker = glyphs("1", first[-1].x1, 285.9, 7)
    rest = glyphs("這是李在", marker[-1].x1, 287.6, 12)
    below = glyphs("明政府上台之後在對朝政策領域最受矚目的部分", 72.1, 313.4, 12)
    lines = merge_pieces(0, [below, marker + rest, first])
    assert [printed.text for printed in lines] == [
        "執行 50 多年的「對北廣播」，同時也解除韓國國內觀看北韓電影的限制。這是李在",
        "明政府上台之後在對朝政策領域最受矚目的部分"]
    assert lines[0].x1 == rest[-1].x1 and lines[0].size == 12


def test_a_ligatures_letters_keep_pymupdfs_order():
    """003-07's footnote 1: the ``fl`` of ``conflict`` is one glyph, whose two letters
    PyMuPDF gives the same box; read in PyMuPDF's order, not sorted by box."""
    run = glyphs("kashmir-con", 72.1, 746.0, 9.5)
    ligature = [Glyph("f", run[-1].x1, 746.0, run[-1].x1 + 5, 755.5, 9.5),
                Glyph("l", run[-1].x1, 746.0, run[-1].x1 + 5, 755.5, 9.5)]
    run += ligature + glyphs("ict-hnk-", ligature[-1].x1, 746.0, 9.5)
    assert merge_pieces(0, [run])[0].text == "kashmir-conflict-hnk-"


def test_a_body_line_goes_on_past_the_footnotes_page_number_and_running_header():
    """12pt-header: a page's last body line goes on below the next page's running header
    (9 pt), past the page's footnotes (9.5 pt) and page number (12 pt, digits alone); a
    heading on the same page (14 pt) ends the flow."""
    lines = [line("兩種送出方式，兩者的內容也並非完全相同。從結果來看，播音廣播的內容通常較具", 85.2, 600, 516.1),
             line("3 李承晚政府時期先後成立漢城中央廣播電台", 85.2, 732.1, 486.5, 9.5),
             line("1", 519.0, 787.0, 524.7),
             line("國防安全即時評析", 268.9, 38.7, 340.9, 9.0, page=1),
             line("靈活性，對北韓前線部隊士官兵和北韓非軍事區附近民眾所造成的影響也相對明顯。", 85.2, 76.2, 516.1, page=1),
             line("貳、安全意涵", 85.2, 110, 169.2, 14.0, page=1),
             line("北韓則是從 1967 年開始在前線設置擴音器、調頻廣播，對韓國實施「對南廣播」，", 85.2, 140, 512.0, page=1)]
    assert next_in_flow(lines, 0) == 4
    assert next_in_flow(lines, 4) is None


# ----------------------------------------------------------------------- hyphens


#: 001-01 in letter-14pt-sans, page 4: footnote 4 breaks its URL after ``trump-``
FOOTNOTE_4 = [
    line("張鎮宏、黃浩珉，〈與川普的談判還沒結束：美國更新對等關稅，台灣「20%暫時性稅率」的", 62.5, 685.3, 541.1, 11.5, page=3),
    line("風險與機會〉，《報導者》，2025 年 8 月 1 日，https://www.twreporter.org/a/trump-", 62.5, 703.5, 520.7, 11.5, page=3),
    line("tariff-taiwan-20250801。", 62.5, 720.1, 198.6, 11.5, page=3),
    line("4", 542.1, 737.6, 549.9, 14.0, page=3),
]
FOOTNOTE_4_TEXT = normalize(
    "張鎮宏、黃浩珉，〈與川普的談判還沒結束：美國更新對等關稅，台灣「20%暫時性稅率」的風險與"
    "機會〉，《報導者》，2025 年 8 月 1 日，https://www.twreporter.org/a/trump-tariff-taiwan-20250801。")


def test_a_missing_hyphen_is_the_only_difference_or_none():
    """pdftotext drops the hyphen at the line end and joins: ``trumptariff``."""
    dropped = FOOTNOTE_4_TEXT.replace("trump-tariff", "trumptariff")
    assert missing_hyphens(dropped, FOOTNOTE_4_TEXT) == [FOOTNOTE_4_TEXT.index("-tariff")]
    assert missing_hyphens(FOOTNOTE_4_TEXT, FOOTNOTE_4_TEXT) == []
    assert missing_hyphens(dropped.replace("taiwan", "taiwan "), FOOTNOTE_4_TEXT) is None
    assert missing_hyphens(FOOTNOTE_4_TEXT.replace("trump-", "trump- "), FOOTNOTE_4_TEXT) is None


def test_a_missing_hyphen_is_found_at_the_end_of_a_printed_line():
    """``…/a/trump-`` ends a printed line and ``tariff-taiwan-20250801。`` opens the next:
    that hyphen is at a line end; the next one (``tariff-taiwan``) is inside a line."""
    printed = PrintedText(FOOTNOTE_4)
    assert hyphen_ends_a_line(FOOTNOTE_4_TEXT, FOOTNOTE_4_TEXT.index("-tariff"), printed)
    assert not hyphen_ends_a_line(FOOTNOTE_4_TEXT, FOOTNOTE_4_TEXT.index("-taiwan"), printed)


def test_a_hyphen_is_not_at_a_line_end_where_the_pdf_prints_it_inside_a_line():
    """a5-11pt prints the whole URL on one line (``日，https://www.twreporter.org/a/trump-
    tariff-taiwan-20250801。``): a hyphen missing there is no line end's."""
    printed = PrintedText([
        line("率」的風險與機會〉，《報導者》，2025 年 8 月 1 ", 42.6, 522.9, 234.3, 8.5),
        line("日，https://www.twreporter.org/a/trump-tariff-taiwan-20250801。", 42.6, 535.1, 315.9, 8.5)])
    assert not hyphen_ends_a_line(FOOTNOTE_4_TEXT, FOOTNOTE_4_TEXT.index("-tariff"), printed)


def test_a_line_ending_in_the_hyphen_must_go_on_with_the_reference_text():
    """A line that ends ``…/a/trump-`` but goes on with other text than the reference's
    after the hyphen does not show the hyphen the cleaned text lacks."""
    printed = PrintedText([FOOTNOTE_4[1], line("tariffs-2025。", 62.5, 720.1, 150.0, 11.5)])
    assert not hyphen_ends_a_line(FOOTNOTE_4_TEXT, FOOTNOTE_4_TEXT.index("-tariff"), printed)


def test_a_hyphen_at_a_columns_line_end_beside_the_other_column():
    """On a page set in two columns the lines at one height read as one printed line, and
    the left column's ``…/udn-`` ends inside it (001-06 in two columns, footnote 2, whose
    hyphen pymupdf4llm dropped); read column by column (``flow``), it ends a line, and the
    left column's next line goes on with ``relatednews``."""
    url = "https://udn.com/news/story/7331/8786543?from=udn-relatednews_ch2"
    beside = "國家在台灣周邊海域的聯合演訓，"
    merged = [line("story/7331/8786543?from=udn-" + beside, 56.7, 700, 539, 8),
              line("relatednews_ch2。", 56.7, 710, 130, 8)]
    flow = [line("story/7331/8786543?from=udn-", 56.7, 700, 286.5, 8),
            line("relatednews_ch2。", 56.7, 710, 130, 8),
            line(beside, 309.2, 700, 539, 8)]
    hyphen = url.index("-relatednews")
    assert not hyphen_ends_a_line(url, hyphen, PrintedText(merged))
    assert hyphen_ends_a_line(url, hyphen, PrintedText(merged, flow=flow))


# ----------------------------------------------------------------------- full lines

#: 001-04 in 12pt, page 2: ragged right, no indent; a full line of 37 ideographs ends at
#: 516.1 pt (the margin is at 523.3), one with Latin text up to it
PAGE_2 = [
    line("1962 年，朴正熙政府時期，國營對外廣播業務被分為「對外」與「對共」兩大部分，", 72.1, 133.9, 521.0),
    line("月，首度在非軍事區（Demilitarized Zone, DMZ）前線設置大型擴音器和心戰廣播", 72.1, 211.5, 519.4),
    line("部隊，以調頻廣播和播音廣播兩種方式，對北韓實施心戰廣播。目前韓國軍方的心戰", 72.1, 237.3, 516.1),
    line("因此，韓國的「對北廣播」在實務定義上，通常包含了「調頻廣播」和「播音廣播」", 72.1, 320.9, 516.1),
    line("兩種送出方式，兩者的內容也並非完全相同。從結果來看，播音廣播的內容通常較具", 72.1, 346.7, 516.1),
    line("靈活性，對北韓前線部隊士官兵和北韓非軍事區附近民眾所造成的影響也相對明顯。", 72.1, 372.6, 516.1),
    line("北韓則是從 1967 年開始在前線設置擴音器、調頻廣播，對韓國實施「對南廣播」，", 72.1, 404.4, 512.0),
    line("並透過敵後作業，在韓國內部製造混亂。有鑑於此，國情院的前身韓國中央情報局", 72.1, 430.3, 508.0),
]
PARAGRAPH_A = normalize(
    "因此，韓國的「對北廣播」在實務定義上，通常包含了「調頻廣播」和「播音廣播」兩種送出方式，"
    "兩者的內容也並非完全相同。從結果來看，播音廣播的內容通常較具靈活性，對北韓前線部隊士官兵"
    "和北韓非軍事區附近民眾所造成的影響也相對明顯。")
PARAGRAPH_B = normalize(
    "北韓則是從 1967 年開始在前線設置擴音器、調頻廣播，對韓國實施「對南廣播」，並透過敵後作業，"
    "在韓國內部製造混亂。有鑑於此，國情院的前身韓國中央情報局（KCIA）從 1973 年開始設置多個對北"
    "廣播頻電台。")


def test_a_paragraph_whose_last_line_is_full_before_an_unindented_one_is_a_full_line():
    assert paragraph_break(PARAGRAPH_A, PARAGRAPH_B, PrintedText(PAGE_2)) == ("full-line", "")


def test_a_last_line_one_ideograph_short_is_not_full():
    """Ending at 504.1 pt, one ideograph short of the others, the line had room for
    ``北``: the paragraph ended there in the text too."""
    short = [*PAGE_2[:5], line(PAGE_2[5].text[:-1], 72.1, 372.6, 504.1), *PAGE_2[6:]]
    kind, why = paragraph_break(PARAGRAPH_A[:-1], PARAGRAPH_B, PrintedText(short))
    assert kind == "" and "1.0 em short" in why


def test_an_indented_first_line_is_no_full_line_case():
    """12pt-header indents a paragraph's first line by two ideographs (24 pt)."""
    indented = [*PAGE_2[:6], line(PAGE_2[6].text, 96.1, 404.4, 516.0), *PAGE_2[7:]]
    kind, why = paragraph_break(PARAGRAPH_A, PARAGRAPH_B, PrintedText(indented))
    assert kind == "" and "indented 2.0 em" in why


def test_a_last_line_the_next_paragraphs_first_word_does_not_fit_on():
    """001-05 in 12pt, page 5: ``…取得滲透機會。¹⁶`` ends 1.1 em short of the column, then
    ``Kimsuky 團體…`` starts at the margin: ``Kimsuky`` (51.8 pt) did not fit in the room
    left (at most 24.8 pt)."""
    lines = [
        line("韓國中斷所有對北心戰廣播與北韓關閉廣播干擾信號的過程相當快速，然而在此同時，", 72.1, 130.0, 516.1),
        line("如 WhatsApp 或Telegram 等，隨後發送偽裝成「工作機會」或惡意「虛擬私人網", 72.1, 179.6, 512.8),
        line("路」（Virtual Private Network, VPN）客戶端的惡意軟體藉此取得滲透機會。", 72.1, 203.8, 503.3),
        line("Kimsuky 團體（又稱 APT-C-55）則專門以網路釣魚、憑證和密碼竊取，及水坑攻擊", 72.1, 237.3,
             520.2, lead=51.8),
        line("等社交工程手段獲取資訊，藉冒充教授或學術機構，經電子郵件或透過作為「MD5 訊", 72.1, 263.2, 522.7),
        line("的心戰措施全面宣告中止。北韓也幾乎在同一時間，關閉針對韓國的廣播干擾信號。", 72.1, 300.0, 516.1),
    ]
    first = normalize("…或惡意「虛擬私人網路」（Virtual Private Network, VPN）客戶端的惡意軟體"
                      "藉此取得滲透機會。")
    second = normalize("Kimsuky 團體（又稱 APT-C-55）則專門以網路釣魚、憑證和密碼竊取，及水坑攻擊"
                       "等社交工程手段獲取資訊。")
    assert paragraph_break(first, second, PrintedText(lines)) == ("next-word", "")
    narrow = [*lines[:3], line(lines[3].text, 72.1, 237.3, 520.2, lead=12.0), *lines[4:]]
    kind, why = paragraph_break(first, second, PrintedText(narrow))
    assert kind == "" and "room for" in why


#: 002-01 in 12pt-header, its English abstract: ragged right, paragraphs indented 2 em
ABSTRACT = [
    line("South Korea, North Korea and the United States which focus on North", 72.1, 300, 520.8),
    line("Korean nuclear issue, Security issues of Korean Peninsula and East Asia.", 72.1, 314, 522.6),
    line("During this period, North Korea not only restored pollical system to", 96.1, 328, 521.9),
    line("make sure military force is under control by Workers' Party of Korea but", 72.1, 342, 523.0),
]


def test_an_indent_the_extracted_text_leaves_out_after_a_full_line():
    """``indent``: the abstract's paragraph ends at a full line, and the next one opens 2 em
    in; pdftotext and pdfplumber give that line without its leading spaces, so the break is
    in the PDF only. Where the text keeps the indent (pdftotext -layout), the cleaner had
    it: no cause."""
    printed = PrintedText(ABSTRACT)
    first = "South Korea, North Korea and the United States which focus on North Korean " \
            "nuclear issue, Security issues of Korean Peninsula and East Asia."
    second = "During this period, North Korea not only restored pollical system to make sure"
    left_out = "\n".join(entry.text for entry in ABSTRACT)
    assert paragraph_break(first, second, printed, left_out) == ("indent", "")
    kept = left_out.replace("During this", "    During this")
    kind, why = paragraph_break(first, second, printed, kept)
    assert kind == "" and "indented 2.0 em" in why
    assert paragraph_break(first, second, printed)[0] == ""  # no extracted text to check


def test_an_indent_the_extracted_text_leaves_out_where_the_next_word_does_not_fit():
    """``indent`` in ``b5-facing`` (justified, 10.5 pt): ``…and East Asia.`` ends 1.4 em
    short of the column, where ``During`` (36.1 pt) does not fit the room left (24.9 pt up
    to one em past the margin); the next line opens 2 em in, and PyMuPDF, pypdf and PDFium
    give it without the indent. With room for the word it was the cleaner's to see: no
    cause."""
    abstract = [
        line("South Korea, North Korea and the United States which focus on North", 59.7, 484.4,
             444.3, 10.5),
        line("Korean nuclear issue, Security issues of Korean Peninsula and East Asia.", 59.7,
             503.3, 430.3, 10.5),
        line("During this period, North Korea not only restored pollical system to", 80.7, 522.1,
             444.8, 10.5, lead=36.1),
    ]
    first = "South Korea, North Korea and the United States which focus on North Korean " \
            "nuclear issue, Security issues of Korean Peninsula and East Asia."
    second = "During this period, North Korea not only restored pollical system to"
    left_out = "\n".join(entry.text for entry in abstract)
    assert paragraph_break(first, second, PrintedText(abstract), left_out) == ("indent", "")
    room = [*abstract[:2], line(abstract[2].text, 80.7, 522.1, 444.8, 10.5, lead=20.0)]
    kind, why = paragraph_break(first, second, PrintedText(room), left_out)
    assert kind == "" and "indented 2.0 em" in why


# ----------------------------------------------------------------------- one article


def test_an_article_joined_at_a_full_line_and_missing_a_line_end_hyphen():
    """Every difference explained: the paragraphs joined at the full line, the footnote's
    hyphen dropped at its line end."""
    printed = PrintedText(PAGE_2 + FOOTNOTE_4)
    reference = f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\n[^4]: {FOOTNOTE_4_TEXT}\n"
    produced = (f"{PARAGRAPH_A}{PARAGRAPH_B}\n\n"
                f"[^4]: {FOOTNOTE_4_TEXT.replace('trump-tariff', 'trumptariff')}\n")
    cause = classify_article(produced, reference, printed)
    assert cause.label() == "hyphen ×1 + full-line ×1" and cause.kind == "full-line"


def test_any_other_difference_is_other_with_the_first_one():
    printed = PrintedText(PAGE_2 + FOOTNOTE_4)
    reference = f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n"
    produced = f"{PARAGRAPH_A}\n\n{PARAGRAPH_B.replace('1973', '1937')}\n"
    cause = classify_article(produced, reference, printed)
    assert cause.kind == "other" and cause.label().startswith("other: paragraph “")
    assert "1937" in cause.other
    dropped_heading = classify_article(PARAGRAPH_A, f"### 貳、安全意涵\n\n{PARAGRAPH_A}", printed)
    assert dropped_heading.other == "heading “貳、安全意涵”"


def test_the_summary_counts_each_case_by_its_cause():
    causes = {("pdftotext", "a"): classify_article("x", "x", PrintedText([])),
              ("pdftotext", "b"): Cause(other="footnote 7 …")}
    causes[("pdftotext", "c")] = Cause()
    causes[("pdftotext", "c")].found.update({"hyphen": 2})
    causes[("pymupdf", "d")] = Cause()
    causes[("pymupdf", "d")].found.update({"full-line": 1, "hyphen": 1})
    assert summary(causes) == (
        "Misses: 4; information absent from the extracted text (checked in the PDF): "
        "two columns' lines interleaved 0, hyphens at PDF line ends 1, a full last line with no indent 1 (1 with hyphens too), "
        "a last line the next paragraph's first word does not fit on, no indent 0, "
        "a full last line (or one the next paragraph's first word does not fit on), "
        "the next paragraph's indent left out of the text 0, "
        "a table's cells in the extractor's order (kept whole as a text block) 0; other 2")


#: 002-01's second table, its first rows, as the reference has it and as pypdf reads it:
#: each cell's wrapped lines after the row's first line, the 政 row's second cell going on
#: (after a page break) below the third
REFERENCE_TABLE = ("| 領域 | 作法 | 意義 |\n| --- | --- | --- |\n"
                   "| 黨 | 增設黨中央監察委員會和規律調查部，打破單位特殊化的本位主義。 | 黨機器的運作獲得強化。 |\n"
                   "| 政 | 1. 內閣閣員的現地了解次數增加。 2. 國務委員會成為政令公布和法令決定的最終單位。 "
                   "| 1. 內閣負起主要的施政成敗的責任。 |")
PYPDF_TABLE = ("```text\n領域 作法 意義\n黨 增設黨中央監察委員會和\n規律調查部，打破單位特\n殊化的本位主義。\n"
               "黨機器的運作獲得強化。\n政 1. 內閣閣員的現地了解次\n數增加。 2. 國務委員會成為政令公布\n"
               "1. 內閣負起主要的施政成敗的責任。\n和法令決定的最終單位。\n```")


def test_a_table_kept_whole_as_a_text_block_in_the_extractors_order():
    """``table``: the cleaner kept the table as a fenced text block (no cell certain), with
    every character of the reference's table in another order; the rest of the article,
    the table put back in the reference's order, is the reference's. A block that lost a
    character, or a table split into pieces, is ``other``."""
    printed = PrintedText([])
    reference = f"{PARAGRAPH_A}\n\n{REFERENCE_TABLE}\n\n{PARAGRAPH_B}\n"
    produced = f"{PARAGRAPH_A}\n\n{PYPDF_TABLE}\n\n{PARAGRAPH_B}\n"
    cause = classify_article(produced, reference, printed)
    assert cause.label() == "table ×1" and cause.kind == "table"

    lost = classify_article(produced.replace("打破單位", "打單位"), reference, printed)
    assert lost.kind == "other"
    pieces = produced.replace("黨機器的運作獲得強化。\n", "```\n\n```text\n黨機器的運作獲得強化。\n")
    assert classify_article(pieces, reference, printed).kind == "other"
    reordered = f"{PARAGRAPH_A}\n\n{PYPDF_TABLE}\n\n{PARAGRAPH_B.replace('1973', '1937')}\n"
    assert classify_article(reordered, reference, printed).kind == "other"


def test_a_table_block_with_its_header_row_again_where_the_pdf_prints_it_again():
    """A table that crosses a page prints its header row again atop the next page; an
    extractor whose order mixes it among the cells leaves it in the block (pdftotext,
    002-01 in 10.5pt-dense). That is the table, as many times more as the PDF prints it."""
    reference = f"{PARAGRAPH_A}\n\n{REFERENCE_TABLE}\n\n{PARAGRAPH_B}\n"
    again = PYPDF_TABLE.replace("政 1. 內閣", "領域 作法 意義\n政 1. 內閣")
    produced = f"{PARAGRAPH_A}\n\n{again}\n\n{PARAGRAPH_B}\n"
    twice = PrintedText([line("領域 作法 意義", 72, 100, 300), line("領域 作法 意義", 72, 100, 300, page=1)])
    assert classify_article(produced, reference, twice).label() == "table ×1"
    once = PrintedText([line("領域 作法 意義", 72, 100, 300)])
    assert classify_article(produced, reference, once).kind == "other"


def test_a_table_header_printed_again_atop_the_next_column_counts_in_reading_order():
    """On a page set in two columns, a table that runs on to the next column prints its
    header row again there, at the height of the other column's line (002-01 in two columns:
    ``領域作法意義`` atop the right column beside the caption ``<表二> 北韓近期…``, left).
    The page's lines join the two; the reading order (``flow``) holds the header alone."""
    reference = f"{PARAGRAPH_A}\n\n{REFERENCE_TABLE}\n\n{PARAGRAPH_B}\n"
    again = PYPDF_TABLE.replace("政 1. 內閣", "領域 作法 意義\n政 1. 內閣")
    produced = f"{PARAGRAPH_A}\n\n{again}\n\n{PARAGRAPH_B}\n"
    caption, header = line("<表二> 北韓近期國家正常化的主要策略", 71, 60, 280, 10), \
        line("領域 作法 意義", 329, 60, 506, 10)
    first = line("領域 作法 意義", 71, 80, 280, 10)
    beside = PrintedText([line(caption.text + header.text, 71, 60, 506, 10),
                          line(first.text + "的人數減少。", 71, 80, 447, 10)])
    assert classify_article(produced, reference, beside).kind == "other"
    in_flow = PrintedText(beside.lines, flow=[caption, first, header])
    assert classify_article(produced, reference, in_flow).label() == "table ×1"


def test_what_opens_a_line_is_a_latin_word_or_an_ideograph_with_its_punctuation():
    assert unit_width(glyphs("Kimsuky 團體（又稱", 72.1, 237.3, 12)) == 7 * 6
    assert unit_width(glyphs("國，或潛在盟國", 72.1, 237.3, 12)) == 24
    assert unit_width(glyphs("tariff-taiwan-20250801。", 62.5, 720.1, 11.5)) == 7 * 5.75


# ----------------------------------------------------------------------- columns

# 001-04 in the matrix's two-column layout (A4, 10 pt): page 1's first lines, as printed
LEFT_COLUMN = ["Service, NIS）已於今年 7 月初全面中斷已執行 50 多",
               "年的「對北廣播」，同時也解除韓國國內觀看北韓電",
               "影的限制。這是李在明政府上台之後在對朝政策領域",
               "最受矚目的部分，這也代表著韓國至今所有針對北韓"]
RIGHT_COLUMN = ["播方式提升國際能見度。除此之外，當時韓國也曾允",
                "許部分民間和宗教團體設置類似性質的廣播頻道。",
                "分為「對外」與「對共」兩大部分，前者為針對海外",
                "的多語言國際廣播，後者則是專門針對北韓的特殊廣"]
TWO_COLUMNS = PrintedText(
    [line(text, 56.7, 100 + 14 * row, 286.5, 10) for row, text in enumerate(LEFT_COLUMN)]
    + [line(text, 309.2, 100 + 14 * row, 539, 10) for row, text in enumerate(RIGHT_COLUMN)])


def test_an_extractor_that_interleaves_two_columns_line_by_line_switches_on_every_line():
    """pdftotext, pdfminer and pdfplumber of the two-column layout read the lines at one
    height together, left then right: the text goes across seven times on this page; read
    one column after the other, once (the markers, digits, do not stop the match)."""
    interleaved = [text for pair in zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True) for text in pair]
    assert column_switches("\n".join(interleaved), TWO_COLUMNS) == 7
    in_turn = LEFT_COLUMN[:2] + ["影的限制。1這是李在明政府上台之後在對朝政策領域"] + LEFT_COLUMN[3:]
    assert column_switches("\n".join(in_turn + RIGHT_COLUMN), TWO_COLUMNS) == 1


def test_paragraphs_on_one_line_are_matched_by_the_printed_lines_they_hold():
    """pymupdf4llm writes a paragraph on one line, joining its printed lines with a space:
    each extracted line is matched to the printed lines it holds, in its order. Its column
    reading of this page (two paragraphs of each column, in turn: 001-08, 001-03, 001-05 in
    two columns) goes across 3 times; its paragraphs in reading order, once."""
    left_first, left_rest = " ".join(LEFT_COLUMN[:2]) + " ", " ".join(LEFT_COLUMN[2:]) + " "
    right_first, right_rest = " ".join(RIGHT_COLUMN[:2]) + " ", " ".join(RIGHT_COLUMN[2:]) + " "
    scrambled = [left_first, right_first, left_rest, right_rest]
    assert column_switches("\n\n".join(scrambled), TWO_COLUMNS) == 3
    in_order = [left_first, left_rest, right_first, right_rest]
    assert column_switches("\n\n".join(in_order), TWO_COLUMNS) == 1


def test_a_line_across_the_pages_middle_is_in_neither_column():
    """A centred line (the title, a running header or footer) starts left of the page's
    middle and ends right of it: it is in neither column. A footer read after the right
    column was a switch back to the left one (PyMuPDF, 001-05 in two columns: five on a
    page, counted as interleaved; the case meets every target since the cleaner glues
    ``4 人工智慧`` back). Read in turn, the page goes across once."""
    title = line("北韓網路攻擊與安全威脅發展", 200, 60, 400, 10)
    footer = line("國防安全即時評析 第 87 期 專題報導", 150, 780, 450, 10)
    page = PrintedText([title, *TWO_COLUMNS.lines, footer])
    in_turn = [title.text, *LEFT_COLUMN, *RIGHT_COLUMN, footer.text]
    assert column_switches("\n".join(in_turn), page) == 1
    interleaved = [text for pair in zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True) for text in pair]
    assert column_switches("\n".join([title.text, *interleaved, footer.text]), page) == 7


def test_columns_set_side_by_side_on_one_line_are_not_counted():
    """pdftotext -layout holds both columns on one line, apart by spaces: the cleaner reads
    them apart (read_layout_columns), so its text is no case of interleaved lines."""
    side_by_side = [left.ljust(30) + "      " + right
                    for left, right in zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True)]
    assert column_switches("\n".join(side_by_side), TWO_COLUMNS) == 0


def test_a_case_whose_columns_are_interleaved_is_counted_as_such():
    cause = Cause()
    cause.found["columns"] = 7
    assert cause.kind == "columns" and cause.label() == "columns ×7"
    assert "two columns' lines interleaved 1" in summary({("pdftotext", "001-04/001-04"): cause})


def test_a_markdown_table_of_printed_lines_kept_whole_is_a_table_case():
    """pymupdf4llm writes a table as a Markdown table with a row for each printed line; the
    cleaner keeps it whole in a text block. Its cells' text (without the pipes, the
    ``|---|`` rows and ``<br>``) holds the reference table's characters: ``table``."""
    reference = f"{PARAGRAPH_A}\n\n{REFERENCE_TABLE}\n\n{PARAGRAPH_B}\n"
    rows = ("```text\n|領域|作法|意義|\n|---|---|---|\n|黨|增設黨中央監察委員會和<br>規律調查部，打破單位特|"
            "黨機器的運作獲得強化。|\n||殊化的本位主義。||\n|政|1. 內閣閣員的現地了解次|1. 內閣負起主要的施政成敗的責任。|\n"
            "||數增加。 2. 國務委員會成為政令公布和法令決定的最終單位。||\n```")
    produced = f"{PARAGRAPH_A}\n\n{rows}\n\n{PARAGRAPH_B}\n"
    assert classify_article(produced, reference, PrintedText([])).label() == "table ×1"
    lost = produced.replace("殊化的本位主義。", "殊化的本位主義")
    assert classify_article(lost, reference, PrintedText([])).kind == "other"


def test_a_header_row_printed_over_two_lines_counts_as_printed_again():
    """A header cell that wraps prints the row over two lines (002-01 in 12pt-header:
    ``區分 觸媒姿態 擴大報復姿態 態`` under ``非對稱確戰姿``); the row is printed again where
    two or three consecutive lines hold its characters. A part of the repeat (the rest
    dropped by the cleaner) counts too; more than the repeats does not."""
    reference = f"{PARAGRAPH_A}\n\n{REFERENCE_TABLE}\n\n{PARAGRAPH_B}\n"
    again = PYPDF_TABLE.replace("政 1. 內閣", "領域 作\n法 意義\n政 1. 內閣")
    produced = f"{PARAGRAPH_A}\n\n{again}\n\n{PARAGRAPH_B}\n"
    wrapped = [line("作 意", 72, 100, 300), line("領域 法 義", 72, 112, 300),
               line("作 意", 72, 100, 300, page=1), line("領域 法 義", 72, 112, 300, page=1)]
    assert classify_article(produced, reference, PrintedText(wrapped)).label() == "table ×1"
    assert classify_article(produced, reference, PrintedText(wrapped[:2])).kind == "other"
    part = PYPDF_TABLE.replace("政 1. 內閣", "作\n政 1. 內閣")
    produced = f"{PARAGRAPH_A}\n\n{part}\n\n{PARAGRAPH_B}\n"
    assert classify_article(produced, reference, PrintedText(wrapped)).label() == "table ×1"
    twice = PYPDF_TABLE.replace("政 1. 內閣", "作\n作\n政 1. 內閣")
    produced = f"{PARAGRAPH_A}\n\n{twice}\n\n{PARAGRAPH_B}\n"
    assert classify_article(produced, reference, PrintedText(wrapped)).kind == "other"
