"""Splitting each seed into exactly its articles."""

from __future__ import annotations

import pytest

SEED_ARTICLES = {
    "000_ade5b05d6fde7cf9.txt": 1,  # a report whose title page is missing
    "001_ecccf8a7296f2a19.txt": 8,  # a compilation of commentaries
    "002_9560dc6634b503cf.txt": 1,  # a journal article
    "003_7c4fc924b64bb3f2.txt": 7,  # a bulletin issue with contents
    "004_09a8cce0a03d3fcd.txt": 1,  # a column
}


@pytest.mark.parametrize("name,count", sorted(SEED_ARTICLES.items()))
def test_each_seed_splits_into_its_articles(converted_seeds, name, count):
    assert len(converted_seeds[name].articles) == count


def test_the_archive_holds_18_articles(converted_seeds):
    assert sum(len(c.articles) for c in converted_seeds.values()) == 18


def test_an_article_ends_where_the_next_header_starts(converted_seeds):
    first, second = converted_seeds["001_ecccf8a7296f2a19.txt"].articles[:2]
    assert first.body.rstrip().endswith("20250801。")
    assert "英國強勢表態" not in first.body
    assert second.body.startswith("## 壹、前言\n\n2025 年 7 月 27 日英國國防大臣希利")


def test_a_bulletins_contents_and_masthead_are_not_in_any_article(converted_seeds):
    source = converted_seeds["003_7c4fc924b64bb3f2.txt"]
    for article in source.articles:
        for furniture in ("臺北市博愛路", "Contents", "發行人", "總編輯", "| 翟文中 |"):
            assert furniture not in article.body, (article.order, furniture)
    removed = [c.before for c in source.source_report.changes if c.fix == "remove_front_matter"]
    assert "國防安全雙週報" in removed and "2025 年 5 月 22 日發行" in removed


def test_a_columns_address_block_is_removed_but_the_editors_note_kept(converted_seeds):
    body = converted_seeds["004_09a8cce0a03d3fcd.txt"].articles[0].body
    assert body.rstrip().endswith("編按：本文僅代表作者個人觀點，不代表遠景基金會之政策與立場。")
    for furniture in ("Tel:", "Fax:", "汀州路", "本基金會為研究", "---"):
        assert furniture not in body


@pytest.mark.parametrize("header", [
    ["劉翎端", "國防戰略與資源研究所", "# **美烏礦產協議簽署之展望**", "### 焦點類別：國際情勢"],
    ["劉翎端", "# **美烏礦產協議簽署之展望**", "國防戰略與資源研究所", "### 焦點類別：國際情勢"],
    ["美烏礦產協議簽署之展望", "劉翎端", "國防戰略與資源研究所", "焦點類別：國際情勢"],
])
def test_byline_before_title(header):
    """pymupdf4llm reads the right-aligned byline (and the institute) before the title it
    sets as a heading; the heading is the title wherever it stands."""
    from zhiku.convert import convert_text

    raw = " \n\n".join(header) + " \n\n## **壹、前言** \n\n經過數個月波折談判，美國於 2025 年 4 月底正式與烏克蘭簽署協議。 \n"
    article = convert_text(raw, "snippet.md").articles[0]
    assert (article.title, article.authors, article.institute, article.categories) == (
        "美烏礦產協議簽署之展望", ["劉翎端"], "國防戰略與資源研究所", ["國際情勢"])


def test_joined_byline():
    """pymupdf4llm joins the author and the institute into one line: a three-line header."""
    from zhiku.convert import convert_text
    from zhiku.split import joined_byline

    raw = ("# **中國《新時代的中國國家安全》白皮書下對外與對台敘事之觀察** \n\n"
           "洪子傑 中共政軍與作戰概念研究所 \n\n焦點類別：中共黨政、台海情勢 \n\n## **壹、前言** \n\n"
           "因應當前國際情勢變化與中國內部所面臨的風險與挑戰增加，中國國務院新聞辦公室發布白皮書。 \n")
    article = convert_text(raw, "snippet.md").articles[0]
    assert (article.title, article.authors, article.institute, article.categories) == (
        "中國《新時代的中國國家安全》白皮書下對外與對台敘事之觀察", ["洪子傑"],
        "中共政軍與作戰概念研究所", ["中共黨政", "台海情勢"])
    assert "因應當前國際情勢" in article.body and "洪子傑" not in article.body
    assert joined_byline("國家安全研究所") is None and joined_byline("張鎮宏、黃浩珉") is None


def test_a_column_title_over_two_lines_whose_rest_reads_as_a_name():
    """_plain_header / _title_over_two_lines: pypdf, PyMuPDF and PDFium of a narrow column
    give the column's title over two lines and mark no line's end, and the title's rest
    ``情勢的影響`` is as short as a name (004-01 in two columns). The line after the names
    is no name, so the header is title / title / names / affiliation; before, the author
    was ``情勢的影響``, the institute ``李明峻`` and the affiliation a section heading."""
    from zhiku.convert import convert_text

    raw = ("遠景論壇\n2023 年 7 月，尹錫悅前往烏克蘭訪問，成為第一位前往戰場的\n"
           "韓國總統。(圖片來源：https://www.president.gov.ua/en/\n"
           "news/spivpracya-ukrayini-ta-respubliki-koreya-dast-\nbilshe-silina-84349)\n"
           "日韓元首相繼訪烏對東北亞安保\n情勢的影響\n李明峻\n新台灣國策智庫研發長\n"
           "自俄烏戰爭爆發以來，亞洲只有三位國家領導人\n訪問過烏克蘭，分別是日本首相岸田文雄、印尼總統\n"
           "佐科維(Jokowi)和韓國總統尹錫悅。\n")
    article = convert_text(raw, "snippet.txt").articles[0]
    assert (article.title, article.authors, article.institute) == (
        "日韓元首相繼訪烏對東北亞安保情勢的影響", ["李明峻"], "新台灣國策智庫研發長")
    assert article.body.endswith("自俄烏戰爭爆發以來，亞洲只有三位國家領導人訪問過烏克蘭，"
                                 "分別是日本首相岸田文雄、印尼總統佐科維(Jokowi)和韓國總統尹錫悅。\n")

    # a title on one line, then the names and an affiliation that is no name: as before
    one_line = raw.replace("日韓元首相繼訪烏對東北亞安保\n情勢的影響\n", "日韓元首相繼訪烏對東北亞安保情勢的影響\n")
    article = convert_text(one_line, "snippet.txt").articles[0]
    assert (article.title, article.authors, article.institute) == (
        "日韓元首相繼訪烏對東北亞安保情勢的影響", ["李明峻"], "新台灣國策智庫研發長")


def test_explain_shows_each_header_line_as_printed_on_a_two_column_page():
    """take_header_as_metadata reports the header's own lines. pdftotext -layout prints a
    column's header beside the other column's text, so both share a source line number;
    before, the report showed the right column's text (``2024 年 10 月施凱爾在下議院公開
    表示，…``) as removed, for a curator to check against a line that was never removed."""
    from pathlib import Path

    from zhiku.convert import convert_text

    fixture = (Path(__file__).parent / "fixtures" / "extracted"
               / "001-02-two-column.pdftotext-layout.txt")
    converted = convert_text(fixture.read_text(encoding="utf-8"), fixture.name)
    taken = [change.before for change in converted.reports[0].changes
             if change.fix == "take_header_as_metadata" and change.before]
    assert taken == ["英國強勢表態備戰印太安全之虛", "實", "鍾志東", "國防戰略與資源研究所",
                     "焦點類別：印太區域、台海情勢、國際情勢"]
