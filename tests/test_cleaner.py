"""The cleaner, fix by fix: a raw snippet (real seed text) in, the expected Markdown out."""

from __future__ import annotations

from pathlib import Path

from zhiku.clean import Report, clean_article, render_markdown
from zhiku.clean.chars import remove_cjk_spaces, unify_ideographs
from zhiku.clean.hyphens import article_words, restore_dropped_hyphens
from zhiku.clean.layout import close_kept_hyphen_joins, split_lines
from zhiku.clean.paragraphs import Block, place_labels_under_their_figure, rebuild_flattened_table
from zhiku.convert import convert_text


def body_of(raw: str) -> str:
    converted = convert_text(raw, "snippet.txt")
    assert len(converted.articles) == 1
    return converted.articles[0].body


def test_pdftotext_lines_join_into_paragraphs_and_footnotes_move_to_the_end():
    raw = (
        " 一、談判團隊組成與策略 \n\n"
        "根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代\n\n"
        "表團，而美國僅有 15 人。談判過程雙方先派出 12 至 15 位代表，在\n\n"
        "大會議室交流，主要是依據文本的立場宣示，然後依據談判議題分\n\n"
        "成小組來討論。1基本上美國財政部長貝森特及中國國務院副總理何\n\n"
        " \n\n"
        "1 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1 日，\n\n"
        "https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝-083242700.html。 \n\n"
        " 立峰負責總體方向的指導與最後決議的敲定。 \n\n"
    )
    assert body_of(raw) == (
        "### 一、談判團隊組成與策略\n\n"
        "根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代表團，而美國僅有 15 人。"
        "談判過程雙方先派出 12 至 15 位代表，在大會議室交流，主要是依據文本的立場宣示，"
        "然後依據談判議題分成小組來討論。[^1]基本上美國財政部長貝森特及中國國務院副總理何"
        "立峰負責總體方向的指導與最後決議的敲定。\n\n"
        "[^1]: 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1 日，"
        "https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝-083242700.html。\n"
    )


def test_real_numbers_are_not_footnote_markers():
    raw = (
        "在今年 5 月 10 日美中達成暫緩 90 天的共識，工黨政府的《2025國家安全戰略》，\n\n"
        "川普 2.0政府將嚇阻中國入侵台灣。 \n\n"
    )
    body = body_of(raw)
    assert "[^" not in body
    assert "《2025國家安全戰略》" in body and "川普 2.0政府" in body


def test_superscript_markers_and_a_paragraph_split_by_a_page():
    raw = (
        "\n\n壹、前言\n\n"
        "然而，語氣的微幅緩和並不代表中共對台政策出現根本性改變，\n\n"
        "⁵ 〈《新時代的中國國防》白皮書全文〉，《中國國防部》，2019 年 7 月 24 日。\n\n"
        "而更可能反映白皮書的宣示性質與外交考量。⁵\n\n"
    )
    assert body_of(raw) == (
        "## 壹、前言\n\n"
        "然而，語氣的微幅緩和並不代表中共對台政策出現根本性改變，"
        "而更可能反映白皮書的宣示性質與外交考量。[^5]\n\n"
        "[^5]: 〈《新時代的中國國防》白皮書全文〉，《中國國防部》，2019 年 7 月 24 日。\n"
    )


def test_page_numbers_are_removed_and_reported():
    raw = (
        "\n\n北韓政權的穩定發展，不僅有助於南北韓關係的穩定發展，\n\n"
        "7\n\n\n\n"
        "也有助於緩和緊繃的東亞局勢。\n\n"
    )
    converted = convert_text(raw, "snippet.txt")
    assert converted.articles[0].body == (
        "北韓政權的穩定發展，不僅有助於南北韓關係的穩定發展，也有助於緩和緊繃的東亞局勢。\n")
    assert [(c.fix, c.before) for c in converted.reports[0].changes
            if c.fix == "remove_page_numbers"] == [("remove_page_numbers", "7")]


def test_run_in_list_items_are_paragraphs_not_headings():
    raw = (
        "（一）韓美同盟起源發展：韓國與美國於 1949 年 1 月 1 日建立外交關係，繼當年 7 月韓戰\n\n"
        "《停戰協定》簽署後不久，韓美在同年 10 月簽署了《韓美共同防禦條約》。 \n\n"
        "（二）政策發展訂定 \n\n"
    )
    assert body_of(raw) == (
        "（一）韓美同盟起源發展：韓國與美國於 1949 年 1 月 1 日建立外交關係，繼當年 7 月韓戰"
        "《停戰協定》簽署後不久，韓美在同年 10 月簽署了《韓美共同防禦條約》。\n\n"
        "#### （二）政策發展訂定\n"
    )


def test_compatibility_ideographs_and_kangxi_radicals_are_unified_not_nfkc():
    report = Report()
    assert unify_ideographs("參\uf96b與⽀持（ＫＲＩＮＳ），", report) == "參參與支持（ＫＲＩＮＳ），"
    assert [c.after for c in report.changes] == ["U+53C3 參", "U+652F 支"]


def test_stray_spaces_at_full_width_punctuation_go_but_headline_spaces_stay():
    assert remove_cjk_spaces("周昱君 ，〈美中瑞典談判無重大進展 將延長關稅〉") == (
        "周昱君，〈美中瑞典談判無重大進展 將延長關稅〉")
    # the double gap is the headline's own space, kept as one (as the reference has it)
    assert remove_cjk_spaces("全 會  石 破 重 申 有 意 繼 續 任 職 〉") == "全會 石破重申有意繼續任職〉"
    assert remove_cjk_spaces("2025 年 7 月") == "2025 年 7 月"


def test_html_in_source_text_is_shown_as_text():
    body = body_of("報告中寫道<script>alert(1)</script>的字樣。 \n\n")
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_photo_caption_is_kept_as_a_figure_caption():
    raw = (
        "\n\n## 遠景論壇\n\n"
        "2023 年 7 月，尹錫悅前往烏克蘭訪問。(圖片來源：<https://www.president.gov.ua/en/news>)\n\n"
        "### 日韓元首相繼訪烏對東北亞安保情勢的影響\n\n李明峻\n\n新台灣國策智庫研發長\n\n"
        "自俄烏戰爭爆發以來，亞洲只有三位國家領導人訪問過烏克蘭。\n\n"
    )
    converted = convert_text(raw, "column.md")
    article = converted.articles[0]
    assert article.title == "日韓元首相繼訪烏對東北亞安保情勢的影響"
    assert article.series == "遠景論壇"
    assert article.body.startswith(
        "圖：2023 年 7 月，尹錫悅前往烏克蘭訪問。(圖片來源：<https://www.president.gov.ua/en/news>)")


def test_footnote_block_without_a_gap_line_and_a_marker_wrapped_to_the_next_page():
    raw = (
        "第一篇是 2019 年 4 月 13 日的閉幕演講《關於現階段的社會主義建設》\n\n"
        " 5，第二篇是金正恩在 2021 年 9 月 30 日的演說。 \n\n"
        "強行推展，並且明確表示北韓的根本利益是建\n\n"
        "5 조선중앙통신, 2019 년 4 월 13 일, “김정은동지께서 최고\n\n"
        "제 1 차회의에서 시정연설을 하시였다.” \n\n"
        " 立在核武之上。 \n\n"
    )
    assert body_of(raw) == (
        "第一篇是 2019 年 4 月 13 日的閉幕演講《關於現階段的社會主義建設》[^5]，"
        "第二篇是金正恩在 2021 年 9 月 30 日的演說。\n\n"
        "強行推展，並且明確表示北韓的根本利益是建立在核武之上。\n\n"
        "[^5]: 조선중앙통신, 2019 년 4 월 13 일, “김정은동지께서 최고 제 1 차회의에서 시정연설을 하시였다.”\n"
    )


def test_a_full_line_ending_mid_sentence_with_a_space_goes_on():
    raw = (
        "遠端存取工具和開源工具等進行攻擊乃至橫向移動和資料竊取。更\n\n"
        "甚者，其將惡意軟體偽裝成 HTTP 封包，使用 3Proxy、PLINK 和 \n\n"
        "Stunnel 等通道、及自訂代理通道工具等，藉協定將流量從網路內部\n\n"
        "通道傳輸回 C2 伺服器，依此對受感染的系統發送指令。 \n\n"
    )
    assert body_of(raw) == (
        "遠端存取工具和開源工具等進行攻擊乃至橫向移動和資料竊取。更甚者，其將惡意軟體偽裝成 "
        "HTTP 封包，使用 3Proxy、PLINK 和 Stunnel 等通道、及自訂代理通道工具等，"
        "藉協定將流量從網路內部通道傳輸回 C2 伺服器，依此對受感染的系統發送指令。\n"
    )


def test_labels_of_a_flattened_diagram_become_a_text_block():
    raw = (
        "當中，所必須要處理的課題。 \n\n美\n\n \n\n中\n\n \n\n北\n\n \n\n"
        "核武建設期間 \n\n(2012-2017) \n\n"
    )
    assert body_of(raw) == (
        "當中，所必須要處理的課題。\n\n```text\n美\n中\n北\n核武建設期間\n(2012-2017)\n```\n")


def _figure_blocks(*between: Block, labels_page: int = 21) -> list[Block]:
    """002-01's figure: its caption (raw line 806), what stands between, its labels (859)."""
    return [Block("caption", "<圖一>近期北韓在美中戰略三角關係的地位變化", 806, pages_before=20),
            *between,
            Block("preformatted", "美\n中\n北\n核武建設期間\n(2012-2017)\n美", 859,
                  pages_before=labels_page),
            Block("paragraph", "除此之外，金正恩在就任黨總書記之前曾經不斷強調的…", 903,
                  pages_before=labels_page)]


def test_labels_the_extractor_wrote_after_later_text_go_under_their_caption():
    """place_labels_under_their_figure (002-01): pdftotext wrote the diagram's labels after
    the next section's heading and two paragraphs; they go back under the caption."""
    blocks = _figure_blocks(
        Block("heading", "伍.結論：北韓核戰略對於周邊地區的影響", 812, level=2, pages_before=20),
        Block("paragraph", "根據金正恩最近 3 年的對外聲明和演講內容，…回歸到「黨指揮槍」的體系裡面。",
              814, pages_before=20),
        Block("paragraph", "金正恩政權與過去不同的地方在於，…所必須要處理的課題。", 836,
              pages_before=21))
    report = Report()
    placed = place_labels_under_their_figure(blocks, report)
    assert [block.line for block in placed] == [806, 859, 812, 814, 836, 903]
    assert report.counts() == {"place_labels_under_their_figure": 1}


def test_labels_stay_where_labels_or_a_later_page_stand_between():
    """Labels that follow labels left as paragraphs (PyMuPDF: ``美`` / ``中`` / ``北`` /
    ``核武建設期間 (2012-2017)``), or that stand two pages after the caption, stay put."""
    after_labels = _figure_blocks(*[Block("paragraph", text, 390 + i, pages_before=20)
                                    for i, text in enumerate(["美", "中", "北"])])
    later_page = _figure_blocks(
        Block("paragraph", "金正恩政權與過去不同的地方在於，…所必須要處理的課題。", 836,
              pages_before=21), labels_page=22)
    for blocks in (after_labels, later_page):
        assert place_labels_under_their_figure(blocks, Report()) == blocks


TABLE_2 = (  # 002-01, raw lines 405-407, 413-511
    '當重要的角色，負起相關政策的成敗責任。而國務委員會則為上級指\n\n導機構，同時也緊握北韓的國防、警察等權利。有關金正恩時代的國\n'
    ' 家正常化措施可參考<表二>。 \n\n \n\n<表二> 北韓近期國家正常化的主要策略 \n\n \n領域 作法 意義 \n\n黨 \n\n'
    '增設黨中央監察委員會和規律調查\n\n部，打破單位特殊化的本位主義，\n\n加強黨高層幹部管理和思想教育。 \n\n黨機器的運作獲得強化，避\n\n'
    '免出現單位獨大的問題，提\n\n高黨行政效率，從中央貫徹\n\n到地方。 \n\n政 \n\n1. 內閣閣員的現地了解次數增\n\n加，金正恩公開對外的現地指\n\n'
    '導次數大幅減少。 \n\n2. 國務委員長不再具有代議員的\n\n身份，也不再全程參加最高人\n\n民會議的議程，但仍掌握國防\n\n省、社會安全省、國家安全保\n\n'
    '衛省，外交權回歸內閣，國務\n\n委員會成為政令公布和法令決\n\n定的最終單位。 \n\n3. 金正恩親自以施政演說和會議\n\n演說來闡述國家政策和方向。 \n\n'
    '1. 內閣負起主要的施政成\n\n敗的責任，避免危及金\n\n正恩在政治上的威信，\n\n同時也可穩定軍權。 \n\n2. 金正日的先軍政治特色\n\n'
    '大幅減弱，但保有金日\n\n成時代的「北韓特色社\n\n會主義體系」。 \n\n軍 \n\n增設黨軍政指導部，以組織指導\n\n部、黨中央軍委共同指導朝鮮人民\n\n'
    '軍總政治局。現役高階將領在黨中\n\n央的人數減少。 \n\n總政治局長的地位大幅弱\n\n化，先軍政治的體系逐漸瓦\n\n解，軍部回歸到黨的指揮。 \n\n \n\n'
    '實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式\n\n對外發表重要講話，內如涵蓋了內政、國防和外交。不同於金正日時\n\n'
    '代的神秘主義統治方式，金正恩在核武建設完成之後，便數度對外公\n\n開發表講話，2020 年開始，北韓取消了將近二十多年的「新年共同社\n\n'
    '說」，改以金正恩個人的對外公開施政演說作為主要宣傳方式。從金\n\n正恩從他在接掌政權開始，他先後發表了四篇相當重要的施政演說。\n\n'
    '第一篇是 2019 年 4 月 13 日，第 14 期第 1 次最高人民會議結束之後\n\n'
)
TABLE_1 = (  # 002-01, raw lines 235-301
    '區分 觸媒姿態 擴大報復姿態 非對稱確戰姿態 \n\n對象 \n第三方提供援助的國\n\n家，或潛在盟國 \n敵對國家 敵對國家 \n\n準備姿態/數\n\n'
    '量 \n\n有限度保有核武，且已\n\n核實 \n\n無須立即對應，但仍\n\n有最後一擊的報復能\n\n力 \n\n比起核彈數量，著重\n\n'
    '在可立即使用的核武\n\n力量 \n\n第 2 擊能力 未保有 保有 保有 或 未保有 \n\n戰略目標 \n\n引起第三國介入，維持\n\n'
    '地區穩定，防止核武使\n\n用 \n\n讓對方付出重大代價 \n引起軍事壓力或是付\n\n出重大代價的壓力 \n\n方式 提高核武技術或數量 報復性的嚇阻 \n'
    '拒絕對話與報復性嚇\n\n阻 \n\n核武指揮狀\n\n態 \n中央管制 中央管制 \n\n中央管制，但野戰機\n\n動 \n\n'
    '先制攻擊 無，但會是最後手段 不會在第一時間使用 先使用傳統武器 \n\n透明性 模糊 \n模糊，但核武戰力透\n\n明 \n\n非常明確的公開核武\n\n'
    '使用時機與條件 \n'
)


def test_a_table_read_cell_by_cell_without_gaps_stays_one_text_block_up_to_the_prose():
    """table_ends_where_prose_resumes (PyMuPDF of 002-01 in the 12pt layout, single-spaced,
    no gap around a table): each of the three tables and the figure's labels is one fenced
    text block between its caption and the next full line of prose or heading, never a run
    of one-cell paragraphs (para F1 of 002-01 0.45 → 0.91 with this extractor)."""
    raw = (Path(__file__).parent / "fixtures" / "snippets"
           / "002-01-12pt.pymupdf.txt").read_text(encoding="utf-8")
    blocks = body_of(raw).split("\n\n")
    kept = [(before, block.split("\n")[1], block.split("\n")[-2], after)
            for before, block, after in zip(blocks, blocks[1:], blocks[2:])
            if block.startswith("```text")]
    expected = [
        ("&lt;表一&gt; 核武國家可能出現的各種姿態", "區分", "武使用時機與條件", "依照&lt;表一&gt;和上述內容"),
        ("&lt;表二&gt; 北韓近期國家正常化的主要策略", "領域", "揮。", "實際上，金正恩從 2019 年"),
        ("〈表一〉北韓核戰略的綜合目標[^7]", "領域 當前目標 未來目標", "3. 防止韓美聯軍可能的介入或偵查",
         "## 肆.對外維持高度穩定的樞紐地位"),
        ("圖：&lt;圖一&gt;近期北韓在美中戰略三角關係的地位變化", "美", "目標", "## 伍.結論："),
    ]
    assert [found[:3] for found in kept] == [want[:3] for want in expected]
    assert all(found[3].startswith(want[3]) for found, want in zip(kept, expected))


def test_a_table_header_printed_again_on_the_next_page_is_kept_once():
    """drop_repeated_table_header (PyMuPDF of 002-01, 12pt): <表一> and <表二> run on to a
    second page, where the typesetter printed their header row again; the text blocks keep
    it once, at the table's top, and say so."""
    raw = (Path(__file__).parent / "fixtures" / "snippets"
           / "002-01-12pt.pymupdf.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "002-01-12pt.pymupdf.txt")
    tables = [block.split("\n")[1:-1] for block in converted.articles[0].body.split("\n\n")
              if block.startswith("```text")]
    assert tables[0][:5] == ["區分", "觸媒姿態", "擴大報復姿態", "非對稱確戰姿態", "對象"]
    assert tables[0].count("非對稱確戰姿態") == 1
    assert tables[1][:4] == ["領域", "作法", "意義", "黨"] and tables[1].count("作法") == 1
    assert "系」。\n3. 金正恩親自以施政演說" in "\n".join(tables[1])  # the page's last cell
    assert [change.before for change in converted.reports[0].changes
            if change.fix == "drop_repeated_table_header"] == [
        "區分", "觸媒姿態", "擴大報復姿態", "非對稱確戰姿態", "領域", "作法", "意義"]


def test_a_paragraph_the_author_ended_with_a_comma_ends_where_its_line_stops_far_short():
    """end_at_a_comma_far_short (PyMuPDF of 002-01, 12pt): ``可能會成為金正恩政權的不穩定因素，``
    stops at 16 of 38 characters with room for ``他``: the author's paragraph ends there."""
    raw = (Path(__file__).parent / "fixtures" / "snippets"
           / "002-01-12pt.pymupdf.txt").read_text(encoding="utf-8")
    assert "可能會成為金正恩政權的不穩定因素，\n\n他的核戰略除了成功維持住" in body_of(raw)


def test_a_comma_ends_a_paragraph_short_of_the_margin_before_a_first_line():
    """end_at_a_comma_far_short in two more layouts of 002-01 (PyMuPDF): in 12pt-header the
    line stops at 54 of 72 and the next is a first line (68, indent 4); in a5-11pt the next
    line is short (49 of a first line's 56) only because ``(survival interest)`` did not fit
    on it. A comma two columns short of the margin goes on: what opens the next line fits
    nowhere else in a typeset paragraph, but widths are not that exact."""
    from zhiku.clean.layout import Wrap
    from zhiku.clean.paragraphs import end_at_a_comma_far_short

    header = split_lines("難和糧食不足的問題，可能會成為金正恩政權的不穩定因素，\n"
                         "他的核戰略除了成功維持住「黨-國家體系」的生存利益(survival interest)之\n"
                         "外，並得以開始集中專心在「人民經濟政策」，挽救岌岌可危的國內經濟，除此之\n")
    wrap = Wrap(marks_ends=False, full=72, slack=1, first_indent=4)
    assert end_at_a_comma_far_short(*header, wrap, opening=False)
    a5 = split_lines("權的不穩定因素，\n他的核戰略除了成功維持住「黨- 國家體系」的生存利益\n"
                     "(survival interest)之外，並得以開始集中專心在「人民經濟政\n")
    wrap = Wrap(marks_ends=False, full=60, slack=2, first_indent=4)
    assert end_at_a_comma_far_short(*a5, wrap, opening=False)
    nearly_full = split_lines("和過去長期的慢性經濟困難和糧食不足的問題，可能會成為金正，\n"
                              + a5[1].text + "\n" + a5[2].text + "\n")
    assert not end_at_a_comma_far_short(*nearly_full, wrap, opening=False)


#: 002-01's English abstract as PyMuPDF reads it (12pt-header, ragged right): a space ends
#: each line that wrapped at a space, none the paragraph's last line (``…East Asia.``)
ABSTRACT_PYMUPDF = (
    "In the end of 2021 is the 10th anniversary of Kim Jong-un's reign, the \n"
    "Korean Peninsula has experienced the nuclear crisis, the summit between \n"
    "South Korea, North Korea and the United States which focus on North \n"
    "Korean nuclear issue, Security issues of Korean Peninsula and East Asia.\n"
    "During this period, North Korea not only restored pollical system to \n"
    "make sure military force is under control by Workers' Party of Korea but \n"
    "establish the Rocket Strategic Army which can launch nuclear missile in \n"
    "North Korea. And this political system has never been seen before in Kim \n"
    "Jung il and Kim Il Sung era. This article hopes that through North Korea’s\n"
    "nuclear strategic development analysis, Taiwan's North Korean studies \n"
    "and regional peace studies provide different perspectives, allowing future \n"
    "East Asian regional studies to have more diverse analytical paths.\n"
    "Keywords: Kim Jun Un, Workers' Party of Korea, North Korea, DPRK, \n"
    "Korean peninsula\n")


def test_a_latin_sentence_end_without_the_wrap_space_ends_the_paragraph():
    """end_latin_paragraphs_without_a_wrap_space: PyMuPDF keeps the space at which a Latin
    line wrapped (10 of the 11 full lines that wrap between two words; ``Korea’s`` is the
    exception), so ``…and East Asia.`` with no space before ``During`` ends a paragraph, and
    the keywords line opens its own. pdftotext writes no such space: nothing to read."""
    from itertools import pairwise

    from zhiku.clean.layout import Wrap, keeps_latin_wrap_spaces
    from zhiku.clean.paragraphs import end_latin_paragraphs_without_a_wrap_space

    lines = split_lines(ABSTRACT_PYMUPDF)
    assert keeps_latin_wrap_spaces(lines, 72)
    wrap = Wrap(marks_ends=False, full=72, slack=1, first_indent=4, latin_wrap_spaces=True)
    ends = [line.text[-12:] for line, following in pairwise(lines)
            if end_latin_paragraphs_without_a_wrap_space(line, following, wrap)]
    assert ends == ["d East Asia.", "tical paths."]
    pdftotext = split_lines(ABSTRACT_PYMUPDF.replace(" \n", "\n"))
    assert not keeps_latin_wrap_spaces(pdftotext, 72)


def test_a_markdown_table_an_extractor_wrote_is_never_joined_to_prose():
    """keep_markdown_table (pymupdf4llm, 002-01 in 12pt: a row for each printed line): the
    rows stay a block of their own, as written, and the paragraph after them is its own."""
    raw = ("有關金正恩時代的國家正常化措施可參考<表二>。 \n\n"
           "|領域|作法|意義|\n|---|---|---|\n|黨|增設黨中央監察委員會和|黨機器的運作獲得強化，|\n"
           "||規律調查部，打破單位特|避免出現單位獨大的問|\n||育。||\n\n"
           "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話。 \n")
    assert body_of(raw).endswith(
        "```text\n|領域|作法|意義|\n|---|---|---|\n|黨|增設黨中央監察委員會和|黨機器的運作獲得強化，|\n"
        "||規律調查部，打破單位特|避免出現單位獨大的問|\n||育。||\n```\n\n"
        "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話。\n")


def test_a_kept_line_end_hyphen_loses_the_space_its_join_put_after_it():
    """close_kept_hyphen_joins (pymupdf4llm, 001-06 in a5-11pt): it keeps a line-end hyphen
    before a capitalised word and joins the lines with a space; a suspended hyphen before a
    word in lower case stays."""
    report = Report()
    lines = close_kept_hyphen_joins(split_lines(
        "> 7 Marco de Jong & Dylan Asafo, “Towards a Genuine ‘Ocean of Peace’,” E- Tangata, "
        "April 20, 2025, https://reurl.cc/9no8mn. \n"
        "在 pre- and post-war 的比較之下，兩者並無差異。 \n"), report)
    assert [line.text for line in lines] == [
        ("> 7 Marco de Jong & Dylan Asafo, “Towards a Genuine ‘Ocean of Peace’,” E-Tangata, "
         "April 20, 2025, https://reurl.cc/9no8mn."),
        "在 pre- and post-war 的比較之下，兩者並無差異。"]
    assert [change.fix for change in report.changes] == ["close_kept_hyphen_joins"]
    # before a number too (003-07, a4-double-headnum)
    lines = close_kept_hyphen_joins(split_lines(
        "即使印度具備先進的 A- 50EHI 型預警機，但在這次作戰中並未發揮預警與 \n"), report)
    assert lines[0].text == "即使印度具備先進的 A-50EHI 型預警機，但在這次作戰中並未發揮預警與"


def test_a_list_mark_before_a_page_split_word_is_not_text():
    """join_page_split_paragraph (pymupdf4llm, 003-01 in a4-double-headnum): the page
    broke ``處理機制`` inside the word, and pymupdf4llm set the rest as a list item
    (``- 制，…``). The mark goes; after punctuation a list item stays one."""
    raw = (EXTRACTED / "003-01-a4-double-headnum.pymupdf4llm.txt").read_text(encoding="utf-8")
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "建立相應的處理機制，美中間日益尖銳的海上遭遇" in body


def test_a_markdown_table_of_whole_rows_stays_a_table():
    """settle_markdown_tables: zhiku's reading of a PDF writes a table only where it read
    every cell (002-01, <表二>): whole rows, no empty cell, so a GFM table; a ``|`` in a
    cell stays escaped.  One empty cell would make it a fenced block, as pymupdf4llm's."""
    raw = ("<表二> 北韓近期國家正常化的主要策略 \n\n"
           "| 領域 | 作法 | 意義 |\n\n| --- | --- | --- |\n\n"
           "| 黨 | 增設黨中央監察委員會和規律調查部。 | 黨機器的運作獲得強化\\|避免出現單位獨大。 |\n\n"
           "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話。 \n")
    assert body_of(raw) == (
        "&lt;表二&gt; 北韓近期國家正常化的主要策略\n\n"
        "| 領域 | 作法 | 意義 |\n| --- | --- | --- |\n"
        "| 黨 | 增設黨中央監察委員會和規律調查部。 | 黨機器的運作獲得強化\\|避免出現單位獨大。 |\n\n"
        "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話。\n")
    assert "```text\n| 領域 | 作法 | 意義 |" in body_of(raw.replace("| 黨 |", "|  |"))
    # the header a page printed again, passed on where it stood: dropped and reported
    again = raw.replace("\n\n實際上", "\n\n| 領域 | 作法 | 意義 |\n\n| 軍 | 增設黨軍政指導部。 "
                        "| 總政治局長的地位大幅弱化。 |\n\n實際上")
    converted = convert_text(again, "snippet.txt")
    assert converted.articles[0].body.count("| 領域 |") == 1
    assert "| 軍 | 增設黨軍政指導部。 | 總政治局長的地位大幅弱化。 |" in converted.articles[0].body
    assert [c.fix for c in converted.reports[0].changes].count("drop_repeated_table_header") == 1


def test_a_flattened_table_whose_cells_are_certain_becomes_a_gfm_table():
    """rebuild_flattened_table (002-01, <表二>): the header gives 3 columns, each row label
    is one line, the 作法 column's wrapped lines are 26–30 wide and the 意義 column's 20–24,
    so the five numbered items of the 政 row can only split 3 | 2; a cell's items are joined
    with one space."""
    assert body_of(TABLE_2) == (
        "當重要的角色，負起相關政策的成敗責任。而國務委員會則為上級指導機構，同時也緊握北韓的國防、"
        "警察等權利。有關金正恩時代的國家正常化措施可參考&lt;表二&gt;。\n\n"
        "&lt;表二&gt; 北韓近期國家正常化的主要策略\n\n"
        "| 領域 | 作法 | 意義 |\n"
        "| --- | --- | --- |\n"
        "| 黨 | 增設黨中央監察委員會和規律調查部，打破單位特殊化的本位主義，加強黨高層幹部管理和思想教育。"
        " | 黨機器的運作獲得強化，避免出現單位獨大的問題，提高黨行政效率，從中央貫徹到地方。 |\n"
        "| 政 | 1. 內閣閣員的現地了解次數增加，金正恩公開對外的現地指導次數大幅減少。"
        " 2. 國務委員長不再具有代議員的身份，也不再全程參加最高人民會議的議程，但仍掌握國防省、"
        "社會安全省、國家安全保衛省，外交權回歸內閣，國務委員會成為政令公布和法令決定的最終單位。"
        " 3. 金正恩親自以施政演說和會議演說來闡述國家政策和方向。"
        " | 1. 內閣負起主要的施政成敗的責任，避免危及金正恩在政治上的威信，同時也可穩定軍權。"
        " 2. 金正日的先軍政治特色大幅減弱，但保有金日成時代的「北韓特色社會主義體系」。 |\n"
        "| 軍 | 增設黨軍政指導部，以組織指導部、黨中央軍委共同指導朝鮮人民軍總政治局。現役高階將領在黨中央的人數減少。"
        " | 總政治局長的地位大幅弱化，先軍政治的體系逐漸瓦解，軍部回歸到黨的指揮。 |\n\n"
        "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話，內如涵蓋了內政、"
        "國防和外交。不同於金正日時代的神秘主義統治方式，金正恩在核武建設完成之後，便數度對外公開發表講話，"
        "2020 年開始，北韓取消了將近二十多年的「新年共同社說」，改以金正恩個人的對外公開施政演說作為"
        "主要宣傳方式。從金正恩從他在接掌政權開始，他先後發表了四篇相當重要的施政演說。"
        "第一篇是 2019 年 4 月 13 日，第 14 期第 1 次最高人民會議結束之後\n"
    )


def test_a_flattened_table_with_any_doubtful_cell_is_not_rebuilt():
    """rebuild_flattened_table refuses <表一> (002-01): its row labels wrap (``準備姿態/數`` /
    ``量``), ``第 2 擊能力 未保有 保有 保有 或 未保有`` holds 4 cells and 7 spaces, and the
    last two columns are equally wide.  So does <表二> with a line's end space lost (its cell
    would run on into the next) or with a row label that wraps."""
    assert rebuild_flattened_table(split_lines(TABLE_1)) is None
    table_2 = TABLE_2[TABLE_2.index("領域") : TABLE_2.index("實際上")].rstrip(" \n") + " \n"
    rows = rebuild_flattened_table(split_lines(table_2))
    assert rows is not None and [row[0] for row in rows] == ["領域", "黨", "政", "軍"]
    assert rebuild_flattened_table(split_lines(table_2.replace("到地方。 \n", "到地方。\n"))) is None
    assert rebuild_flattened_table(split_lines(table_2.replace("政 \n", "政\n\n府 \n"))) is None


# --- other extractors (zhiku pdf-matrix): one spec per fix --------------------------------

LO_PARAGRAPHS = (  # pdftotext of a LibreOffice PDF: no blank lines, no spaces at line ends
    "壹、前言\n"
    "2025 年 7 月 28 日至 7 月 29 日，美國及中國的貿易代表團在瑞典的斯德哥爾摩（Stockholm）進行\n"
    "第三輪的經貿會談，美國由財政部長貝森特（Scott Bessent）及貿易代表格里爾（Jamieson Greer）帶\n"
    "領，中國則由國務院副總理何立峰主導談判，成為繼日內瓦及倫敦會談後，第三次有關兩國關稅問題的談\n"
    "判。\n"
    "在今年 5 月 10 日美中達成暫緩 90 天的共識，原定於 8 月 12 日到期，但在三個月後，當中因為談判進\n"
    "展有限，遂再延長 90 天。因為會談初步結論仍需要兩國領導人的簽字認可，導致於會後有關談判的過程與\n"
    "結論並無太多描述，但從關稅暫停到再次延長 90 天的情況來說，兩國談判尚未完成結束，可能因為某些產\n"
    "品關稅及政策的分歧，使得談判必須延長。\n"
)
LO_EXPECTED = (
    "## 壹、前言\n\n"
    "2025 年 7 月 28 日至 7 月 29 日，美國及中國的貿易代表團在瑞典的斯德哥爾摩（Stockholm）進行"
    "第三輪的經貿會談，美國由財政部長貝森特（Scott Bessent）及貿易代表格里爾（Jamieson Greer）帶"
    "領，中國則由國務院副總理何立峰主導談判，成為繼日內瓦及倫敦會談後，第三次有關兩國關稅問題的談判。\n\n"
    "在今年 5 月 10 日美中達成暫緩 90 天的共識，原定於 8 月 12 日到期，但在三個月後，當中因為談判進"
    "展有限，遂再延長 90 天。因為會談初步結論仍需要兩國領導人的簽字認可，導致於會後有關談判的過程與"
    "結論並無太多描述，但從關稅暫停到再次延長 90 天的情況來說，兩國談判尚未完成結束，可能因為某些產"
    "品關稅及政策的分歧，使得談判必須延長。\n"
)


def test_end_paragraphs_at_short_lines_where_no_space_marks_the_end():
    assert body_of(LO_PARAGRAPHS) == LO_EXPECTED


def test_form_feeds_alone_start_pages_and_layout_indents_open_paragraphs():
    from zhiku.clean.layout import split_lines

    lines = split_lines("結論。\n\f     貳、過程\n     一、目的\n")
    assert [(line.text, line.page_start) for line in lines] == [
        ("結論。", True), ("貳、過程", True), ("一、目的", False)]
    layout_mode = "\n".join(
        ("     " if line.startswith(("2025", "在今年")) else "") + line
        for line in LO_PARAGRAPHS.replace("判。\n", "判。\n\n").splitlines()) + "\n\f"
    assert body_of(layout_mode) == LO_EXPECTED


def test_remove_page_numbers_by_position_and_two_page_running_headers():
    page = "國防安全即時評析\n" + LO_PARAGRAPHS + "{}\n\f"
    raw = page.format(1) + page.format(2).replace("壹、前言", "貳、安全意涵")
    converted = convert_text(raw, "snippet.txt")
    body = converted.articles[0].body
    assert "國防安全即時評析" not in body and "\n\n1\n" not in body and "\n\n2\n" not in body
    assert body.startswith(LO_EXPECTED.rstrip("\n"))
    fixes = [c.fix for c in converted.source_report.changes]
    assert fixes.count("remove_page_numbers") == 2 and fixes.count("remove_running_headers") == 2


def test_page_numbers_counting_up_without_form_feeds_are_removed():
    paragraph = ("經過數個月波折談判，美國於 2025 年 4 月底正式與烏克蘭簽署協議，成立「美烏重建再投資基金」"
                 "，該基金近半收益將來自烏國之天然資源開採，包括礦產、石油與天然氣等。\n\n")
    raw = "## 壹、前言\n\n" + paragraph * 6 + "1\n\n" + paragraph * 6 + "2\n\n" + paragraph
    body = body_of(raw)
    assert "\n1\n" not in body and "\n2\n" not in body and body.count("經過數個月") == 13


LO_FOOTNOTES = (
    "根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代表團，而美國僅有 15 人。談判過程雙\n"
    "方先派出 12 至 15 位代表，在大會議室交流，主要是依據文本的立場宣示，然後依據談判議題分成小組來\n"
    "討論。1基本上美國財政部長貝森特及中國國務院副總理何立峰負責總體方向的指導與最後決議的敲定，有\n"
    "關兩國貿易爭議細節及非關稅貿易壁壘則由貿易代表及各部會代表負責。2根據會後描述，相對於日內瓦及\n"
    "1\n\n"
    "2\n\n"
    "倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1 日。\n\n"
    "周昱君，〈美中瑞典談判無重大進展 將延長關稅「休兵」期〉，《德國之聲》，2025 年 7 月 30 日，\n"
    "https://www.dw.com/zh-hant/a-73470044。\n\n"
    "\f倫敦會談而言，此次的談判議題更加深入，話題更為廣泛，美國甚至建議中國在「十五五」規劃中。\n\f"
)


def test_footnote_numbers_on_lines_of_their_own_even_stacked():
    body = body_of(LO_FOOTNOTES)
    assert "分成小組來討論。[^1]基本上" in body and "代表負責。[^2]根據會後描述，相對於日內瓦及倫敦會談" in body
    assert body.endswith(
        "[^1]: 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1 日。\n\n"
        "[^2]: 周昱君，〈美中瑞典談判無重大進展 將延長關稅「休兵」期〉，《德國之聲》，2025 年 7 月 30 日，"
        "https://www.dw.com/zh-hant/a-73470044。\n")


def test_rejoin_lines_split_at_markers_and_a_marker_set_off_by_justification():
    pymupdf = LO_FOOTNOTES.replace("討論。1基本上", "討論。\n1基本上").replace(
        "1\n\n2\n\n倪浩軒", "1 倪浩軒").replace("周昱君", "2 周昱君").replace("\n\n", "\n")
    body = body_of(pymupdf)
    assert "分成小組來討論。[^1]基本上" in body and "[^1]: 倪浩軒" in body and "[^2]: 周昱君" in body
    justified = LO_FOOTNOTES.replace("討論。1基本上", "討論。 1 基本上")
    assert "分成小組來討論。[^1]基本上" in body_of(justified)


PYMUPDF4LLM = (
    "國防安全即時評析 \n\n"
    "沈明室 \n\n"
    "# **美中在第三輪關稅談判的意圖** \n\n"
    "國家安全研究所 \n\n"
    "### 焦點類別：國際情勢、印太區域、國際戰略 \n\n"
    "### **壹、前言** \n\n"
    "根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代表團，而美國僅有 15 人。談判過程雙 方先派出"
    " 12 至 15 位代表，在大會議室交流，主要是依據文本的立場宣示，然後依據談判議題分成小組來 討論。1基本上"
    "美國財政部長貝森特及中國國務院副總理何立峰負責總體方向的指導與最後決議的敲定，有 關兩國貿易爭議細節 \n\n"
    "> 1 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1 \n\n"
    "> 日，https://tw.news.yahoo.com/083242700.html。 \n\n"
    "1 \n\n"
    "國防安全即時評析 \n\n"
    "及非關稅貿易壁壘則由貿易代表及各部會代表負責。 \n\n"
    "## **一、談判團隊組成與策略** \n\n"
    + "相對於日內瓦及倫敦會談而言，此次的談判議題更加深入，話題更為廣泛，美國甚至建議中國在「十五五」"
    "規劃中，將中國經濟結構從生產性經濟體轉為消費型的經濟體。此種轉變對出口導向的中國而言，潛藏不可"
    "測風險與變數，某種程度也會被中國認為是美國對中國政策的「說三道四」。 \n\n" * 6
    + "2 \n\n國防安全即時評析 \n\n此種轉變對出口導向的中國而言，潛藏不可測風險與變數。 \n\n"
)


def test_pymupdf4llm_markdown_headings_quoted_footnotes_and_plain_digit_markers():
    converted = convert_text(PYMUPDF4LLM, "snippet.md")
    assert len(converted.articles) == 1
    article = converted.articles[0]
    assert article.title == "美中在第三輪關稅談判的意圖" and article.authors == ["沈明室"]
    assert article.categories == ["國際情勢", "印太區域", "國際戰略"]
    body = article.body
    # strip_heading_emphasis; the numbering, not the '#' count, gives the level
    assert body.startswith("## 壹、前言\n\n") and "\n### 一、談判團隊組成與策略\n" in body
    assert "分成小組來 討論。[^1]基本上" in body  # plain digits mark the reference
    assert "有 關兩國貿易爭議細節及非關稅貿易壁壘則由貿易代表及各部會代表負責。" in body  # one paragraph
    assert "國防安全即時評析" not in body and "\n\n1\n\n" not in body and "\n\n2\n\n" not in body
    assert body.endswith("[^1]: 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，"
                         "2025 年 8 月 1 日，https://tw.news.yahoo.com/083242700.html。\n")


COLUMN = (
    "2023 年 7 月，尹錫悅前往烏克蘭訪問，成為第一位前往戰場的韓國總統。(圖片來\n"
    "源：https://www.president.gov.ua/en/news/84349)\n"
    "日韓元首相繼訪烏對東北亞安保情勢的影響\n"
    "李明峻\n"
    "新台灣國策智庫研發長\n"
    "自俄烏戰爭爆發以來，亞洲只有三位國家領導人訪問過烏克蘭，分別是日本首相岸田文雄、印尼總統佐科維\n"
    "(Jokowi)和韓國總統尹錫悅，其中特別是因為俄羅斯侵略烏克蘭引發違反國際法問題，使日韓選擇與歐美一\n"
    "致加入制裁俄羅斯的行動，這令日韓與俄羅斯關係惡化，連帶影響到東北亞的安保情勢。\n"
    "日本表明堅定反對俄羅斯侵略戰爭的立場\n"
    "在日俄關係方面，由於俄羅斯近十餘年來計畫重返亞洲，因此希望與日本改善關係，提出共同開發北方四島，\n"
    "並邀請日本參與俄羅斯遠東地區與海參崴的開發計畫，雙方還曾就簽署和平條約與處理領土爭端問題的可能性\n"
    "進行接觸，俄羅斯政府甚至核准日本公民可免持簽證至庫頁島旅遊，日本漁民亦可至俄羅斯專屬經濟區內捕魚。\n"
    "但因烏克蘭戰爭爆發，日本參與美國主導的經濟制裁活動，俄羅斯隨即全面中止雙邊談判，接著派遣海軍艦隊\n"
    "穿越津輕海峽示威，導致雙方關係降到冰點。\n\f"
)


def test_a_column_header_whose_title_wraps_in_a_narrow_column():
    """_plain_header (zhiku's reading of 004-01 set in two columns): the title wraps, its
    first line without the paragraph-end space; title, authors and institute are read."""
    raw = ("日韓元首相繼訪烏對東北亞安保\n\n情勢的影響 \n\n李明峻 \n\n"
           "新台灣國策智庫研發長 \n\n自俄烏戰爭爆發以來，亞洲只有三位國家領導人\n\n"
           "訪問過烏克蘭，分別是日本首相岸田文雄、印尼總統佐科維。 \n\n\f")
    article = convert_text(raw, "column.pdf").articles[0]
    assert article.title == "日韓元首相繼訪烏對東北亞安保情勢的影響"
    assert article.authors == ["李明峻"] and article.institute == "新台灣國策智庫研發長"
    assert article.body == ("自俄烏戰爭爆發以來，亞洲只有三位國家領導人訪問過烏克蘭，"
                            "分別是日本首相岸田文雄、印尼總統佐科維。\n")
    # a line of one space inside the header (a gap the page showed) is no header line
    gapped = convert_text(raw.replace("情勢的影響 \n\n", "情勢的影響 \n\n \n\n"), "column.pdf")
    assert gapped.articles[0].institute == "新台灣國策智庫研發長"


def test_a_heading_line_without_the_paragraph_end_space_wraps():
    """_ends_paragraph, where spaces mark paragraph ends (zhiku's reading of 003-05 in two
    columns): a short heading line without that space goes on in the next line."""
    raw = ("參、趨勢研判 \n\n一、北韓或將持續維持「朝俄+朝中」等距外交\n\n路線 \n\n"
           "此次俄國的勝利日紀念閱兵典禮當中，值得注意的是朝鮮人民軍總參謀部的部隊首次\n\n"
           "參加閱兵，這顯示北韓與俄國之間的軍事合作已經進入新的階段，並且持續深化當中。 \n\n")
    assert body_of(raw).split("\n\n")[:2] == [
        "## 參、趨勢研判", "### 一、北韓或將持續維持「朝俄+朝中」等距外交路線"]


def test_a_figure_in_a_narrow_column_keeps_its_caption_labels_and_the_next_heading_apart():
    """zhiku's reading of 002-01 in two columns: the caption fills the column and ends with
    the paragraph-end space, so it is a caption (not joined to the first label); the labels
    are kept as printed up to the section heading, which fills a line too."""
    raw = ("立實利關係。以近期北韓的核戰略外交在中美之間所\n\n"
           "出現的地位變化，如<圖一>所示。 \n\n"
           "<圖一>近期北韓在美中戰略三角關係的地位變化 \n\n"
           "美 \n\n中 \n\n北 \n\n核武建設期間 \n\n(2012-2017) \n\n"
           "伍.結論：北韓核戰略對於周邊地區的影響 \n\n"
           "根據金正恩最近 3 年的對外聲明和演講內容，金正\n\n"
           "恩時代的核戰略可以分為三個階段，各有其目標。 \n\n")
    assert body_of(raw).split("\n\n") == [
        "立實利關係。以近期北韓的核戰略外交在中美之間所出現的地位變化，如&lt;圖一&gt;所示。",
        "圖：&lt;圖一&gt;近期北韓在美中戰略三角關係的地位變化",
        "```text\n美\n中\n北\n核武建設期間\n(2012-2017)\n```",
        "## 伍.結論：北韓核戰略對於周邊地區的影響",
        "根據金正恩最近 3 年的對外聲明和演講內容，金正恩時代的核戰略可以分為三個階段，各有其目標。\n"]


def test_a_column_header_without_categories_and_unnumbered_headings_in_plain_text():
    converted = convert_text(COLUMN, "column.txt")
    article = converted.articles[0]
    assert article.title == "日韓元首相繼訪烏對東北亞安保情勢的影響"
    assert article.authors == ["李明峻"] and article.institute == "新台灣國策智庫研發長"
    blocks = article.body.split("\n\n")
    assert blocks[0].startswith("圖：2023 年 7 月，尹錫悅前往烏克蘭訪問")
    assert blocks[1].startswith("自俄烏戰爭爆發以來") and blocks[1].endswith("東北亞的安保情勢。")
    assert blocks[2] == "## 日本表明堅定反對俄羅斯侵略戰爭的立場"
    assert blocks[3].startswith("在日俄關係方面") and blocks[3].endswith("導致雙方關係降到冰點。\n")


# --- issue 3, second round: fixes found with `zhiku pdf-matrix --details` ------------------

LONG_HEADING = (  # pdftotext of a LibreOffice PDF, 12pt: a heading wrapped over two lines
    "「以礦產換軍事實力或安全保障」模式，亦即以自然資源換取區域地緣政治平衡之雙邊至多邊\n"
    "合作，將成為未來美國與其他資源豐富國家締結戰略貿易協議之框架，例如美國已於\n"
    "降低鈷礦供應鏈被中國掌控與左右之風險。\n"
    "五、「以礦產換軍事實力或安全保障」將成為後續美國與其他自然資源豐富國\n"
    "家締結戰略貿易協議之框架\n"
    "雖然本次美烏協議尚有許多挑戰待克服，其正式簽署之象徵意涵及所奠定的「以礦產\n"
    "換軍事實力或安全保障」模式，亦即以自然資源換取區域地緣政治平衡之雙邊至多邊\n"
    "合作，將成為未來美國與其他資源豐富國家締結戰略貿易協議之框架，例如美國已於\n"
    "2025 年 3 月與非洲的剛果民主共和國就雙邊礦產合作協議展開初步磋商，希望以提供\n"
    "軍事訓練與武器裝備，換取並擴大美國企業在剛果當地的採礦與投資權，目標是確保\n"
    "美國能夠獲得所需鈷礦，降低鈷礦供應鏈被中國掌控與左右之風險。\n\f"
)


def test_a_heading_wrapped_over_two_lines_is_one_heading():
    """heading_level: up to 80 characters when the heading holds no comma or colon."""
    blocks = body_of(LONG_HEADING).split("\n\n")
    assert blocks[1] == ("### 五、「以礦產換軍事實力或安全保障」將成為後續美國與其他自然資源豐富"
                         "國家締結戰略貿易協議之框架")
    assert blocks[2].startswith("雖然本次美烏協議") and blocks[2].endswith("左右之風險。\n")


def test_end_headings_before_paragraph_openings():
    """_wrapped_paragraphs (pdftotext, a5-11pt: full line 60, first-line indent 4): a numbered
    heading 48 wide (80% of a line, so not short) ends before a line short by the indent."""
    raw = (
        "三、美中拖延談判的意圖\n"
        "美中關稅談判本來就存在一些無法迅速解決的爭議，如中國輸出\n"
        "芬太尼（Fentanyl）毒品原料的關稅，中國似乎並未積極立法或取締\n"
        "這些原料出口。另外，中國掌握稀土的出口，不論汽車工業或高科技\n"
        "還需要美國提供更多利益來交換，這也成為中國拖延談判的底氣所\n"
        "在。\n"
        "美國希望透過關稅問題擴及地緣政治問題，如要求中國停止援助\n"
        "俄羅斯、伊朗及中東的葉門叛軍等。美國也希望趁中國經濟嚴重下滑\n"
        "民族主義，不願意在關稅務退讓，甚至會採取報復性措施。\n"
        "稅談判延期成為兩國維持談判良好氣氛的選擇。尤其中美關稅休兵之\n"
        "後，中國的經濟成長預期也從 4.0%上升為 4.8%。\n"
        "\n"
        "二、美國與其他國家關稅談判解決升高中國的談判壓力\n"
        "在與中國進行第三輪談判之前，美國與歐盟在蘇格蘭達成貿易協\n"
        "議框架，美國同意對歐盟大部分產品關稅降到 15%，比原先預期要\n"
        "低，也讓歐盟國家鬆一口氣。美國總統川普透過白宮新聞稿表示，更\n"
        "新後稅率將於 8 月 7 日中午 12 點 01 分起生效，除非後續談判結果經\n"
        "川普正式簽署並對外公布行政命令確認，各國將持續適用目前這份關\n"
        "稅稅率。\n"
    )
    blocks = body_of(raw).split("\n\n")
    assert "### 二、美國與其他國家關稅談判解決升高中國的談判壓力" in blocks
    assert any(block.startswith("在與中國進行第三輪談判之前，") for block in blocks)


def test_a_long_run_in_item_is_no_heading_in_either_reading():
    """A run-in item (``（二）標題：正文``) the page cut is a paragraph, also when its
    one-line-per-paragraph Markdown is read again (pymupdf4llm; the hypothesis case)."""
    from zhiku.clean.paragraphs import heading_level

    item = ("（二）首爾國際航空航天與國防展覽會：韓國兩年一度的「首爾國際航空航天與國防展覽會」"
            "（以下略稱 ADEX 展覽）是由韓國航空宇宙")
    assert heading_level(item, 80) == 0
    assert heading_level("一、國防科技規劃政策建議方面，加強第四次工業革命應用於軍事科技之深化研究：") == 3
    # a shorter piece (pymupdf4llm, 000-01 in a4-double-headnum): a clause after the colon
    assert heading_level("（三）韓國國防政策研究：參考尹錫悅政府的國政目標之中，包含國政經", 80) == 0
    assert heading_level("伍.結論：北韓核戰略對於周邊地區的影響") == 2


def test_split_marker_from_date():
    """``業務，208月4日``: footnote 20's marker glued to the month of a date."""
    from zhiku.clean.footnotes import split_marker_from_date

    assert split_marker_from_date("208", "月", 20) == 20
    assert split_marker_from_date("12", "月", 1) is None  # December
    assert split_marker_from_date("2025", "年", 20) is None  # a year
    assert split_marker_from_date("202025", "年", 20) == 20
    assert split_marker_from_date("10", "月", 1) is None  # no month 0
    raw = (
        "李在明政府在 6 月 4 日上任之後，隨即下令韓國軍方停止所有對北廣播業務，19並在 7 月中旬中止國情\n"
        "院所有對北廣播業務，208 月 4 日撤除所有在停戰線附近的固定式擴音器。在這之前，韓國在非軍事區前線\n"
        "曾保有約 24 個固定式大型擴音器和 16 個移動式擴音器。\n"
        " \n"
        "19 〈대북 확성기 방송 중지〉，《정책브리핑》，2025 年 6 月 11 日。\n"
        "20 韓國政府實際上沒有公布國情院中止對北廣播的具體時間。\n\f"
    )
    body = body_of(raw)
    assert "停止所有對北廣播業務，[^19]並在 7 月中旬中止國情院所有對北廣播業務，[^20]8 月 4 日撤除" in body
    assert "[^20]: 韓國政府實際上沒有公布國情院中止對北廣播的具體時間。" in body


def test_markers_are_read_left_to_right_whatever_sets_them_off():
    """A marker set off by a space (justified text) before a glued one on the same line,
    and one set off after an ideograph (``包括中導系統 4在內``), the next footnote's only."""
    from zhiku.clean.footnotes import mark_references
    from zhiku.clean.layout import Line

    line = Line(1, "廣播業務已於今年全部取消， 15現有的播送量僅約為過去的 20%，16預期未來還會持續下降")
    used = [14]
    mark_references(line, True, set(range(1, 23)), used, Report())
    assert line.text == "廣播業務已於今年全部取消，[^15]現有的播送量僅約為過去的 20%，[^16]預期未來還會持續下降"
    line = Line(2, "地區盟伴，構建排他性『小集團』，執意推進包括中導系統 4在內的軍事部署")
    mark_references(line, True, {4, 5}, [3], Report())
    assert line.text == "地區盟伴，構建排他性『小集團』，執意推進包括中導系統[^4]在內的軍事部署"
    line = Line(3, "得，日本參議院在 2021年 6月 11日的全體會議上，參議員全員起立")
    mark_references(line, True, {6, 7}, [], Report())  # 6 is not the next footnote
    assert "[^" not in line.text


PYMUPDF_MARKERS = (  # PyMuPDF, 12pt: the text after a superscript starts a new line
    "壹、前言\n"
    "遇安全行為準則》的執行情況，並討論改善雙方海上軍事安全問題的措施。\n"
    "1當前中共\n"
    "海軍軍力不斷提升，其活動範圍已由過去的近岸水域逐步擴展至全球水域，這導致了\n"
    "兩國機艦在海上及其上空遭遇並發生對峙的頻率持續增加。為降低雙方機艦接觸時可\n"
    "能出現的對抗風險，美中兩國於 1998 年簽署 MMCA 協定。\n"
    "貳、安全意涵\n"
    "1994 年 10 月，美中間出現了首次嚴重海上對峙，\n"
    "2 1996 年 3 月台海危機期間，雙方\n"
    "機艦在台灣周遭大量集結，這些事件最終在雙方克制下和平落幕，卻也凸顯海上意外\n"
    "升高成衝突的高度風險。因此，雙方意識到必須建立一套機制用以化解海上意外事件\n"
    "的發生，MMCA 即是在此背景與需求下應運而生。\n"
    "1 丁文翔、陳琳與張懋瑄，〈中美兩軍舉行 2025 年度海上軍事安全磋商機制工作小組會〉。\n"
    "2 當時，一艘中共漢級核動力潛艦遭美軍 S-3 反潛機投下聲納浮標持續地追蹤。\n\f"
)


def test_rejoin_a_marker_line_that_goes_on_with_a_number():
    """rejoin_lines_split_at_markers: ``2 1996 年…`` (PyMuPDF keeps the space after the
    marker)."""
    body = body_of(PYMUPDF_MARKERS)
    assert "問題的措施。[^1]當前中共海軍軍力不斷提升" in body
    assert "美中間出現了首次嚴重海上對峙，[^2] 1996 年 3 月台海危機期間，雙方機艦在台灣周遭" in body
    assert "[^2]: 當時，一艘中共漢級核動力潛艦" in body


def test_footnote_numbers_alone_in_the_footnote_area_are_not_glued_back():
    """rejoin_lines_split_at_markers leaves pdftotext's footnote numbers alone: from a lone
    number whose marker was seen, the page's lines are footnotes (pdftotext, 10.5pt-dense)."""
    raw = (
        '因應當前國際情勢變化與中國內部所面臨的風險與挑戰增加，中國國務院新聞辦公室於 5 月 12 日發布\n'
        '了《新時代的中國國家安全》白皮書，闡述中國國家安全理念。 1 從白皮書的相關內容來看，其基礎係以\n'
        '「總體國家安全觀」為指導思想與核心內容進行論述。「總體國家安全觀」之內涵、思想與原則係由習近\n'
        '平於 2014 年中央國家安全委員會第一次會議上首次提出，強調以人民安全為宗旨、以政治安全為根本、以\n'
        '經濟安全為基礎、以軍事、文化、社會安全為保障，並以促進國際安全為依託。初期涵蓋政治、軍事、國\n'
        '土、經濟、文化、社會等 11 個主要領域，2後續逐步將金融、網絡、糧食、海外利益、太空、深海、極地、\n'
        '生物、人工智慧、數據等領域納入，台灣與港澳後續也因而被納入其論述中。 3白皮書未就每一個安全領域\n'
        '之內涵與政策方向進行敘述，而是聚焦在「總體國家安全觀」於實踐層面的制度建構與戰略敘事，包括強\n'
        '調提升人民安全感、幸福感，維護共產黨的領導與制度安全，保障高品質發展、領土主權，推進涉外安全\n'
        '法治建構，以及推動全球安全倡議等內容。同時，白皮書並揭示透過法治化、系統化與協同化的治理機\n'
        '制，以強化中國國家安全體系與能力現代化。因其篇幅與所涉事項廣泛，本文僅就中國公布《新時代的中\n'
        '國國家安全》白皮書中的對外與對台內容進行論述分析。\n'
        '\n'
        '貳、安全意涵\n'
        '一、白皮書係以和平辭彙包裝對抗意圖\n'
        '從白皮書的內容來看，雖然基本上延續「總體國家安全觀」核心思維，但是仍有值得關注之焦點。首\n'
        '先，中國為了提升白皮書的高度與格局並彰顯其內容的正當性以及道德標準，白皮書首先提及「與其他國\n'
        '一道推動世界和平和發展」，作為發布此白皮書的主因之一。後續亦多次強調中國維護世界穩定的立場，\n'
        '試圖建立「中國是和平貢獻者」的國際形象。例如全文共出現 54 次「和平」之詞，其中 11 次談到促進、\n'
        '推動或維護世界和平。\n'
        '然而，在強調和平願景的同時，中共也將區域不穩定的責任推諉給他國，尤其是以美國為首的「外部\n'
        '勢力」，或是推給「台獨勢力」。儘管文中常以「個別國家」或「外部勢力」代稱而未直接點破，但相關\n'
        '描述已明示其指涉對象。例如內文提到「亞太地區成為大國博弈焦點。個別國家強化亞太軍事同盟，拉攏\n'
        '地區盟伴，構建排他性『小集團』，執意推進包括中導系統 4在內的軍事部署，嚴重加劇地區緊張局勢」、\n'
        '「個別國家以安全為名，對華打關稅戰、貿易戰、科技戰、輿論戰，嚴重威脅中國的安全發展」以及「一\n'
        '些外部勢力處心積慮打『台灣牌』，『台獨』勢力頑固堅持分裂立場，冒險挑釁」。此外，在當前國際社\n'
        '會中不少國家對美國總統川普的關稅政策之內容與正當性仍持保留態度或表達不滿時，中共則直接點出\n'
        '「美國以各種藉口宣布對包括中國在內的所有交易夥伴濫施關稅，嚴重侵犯各國正當權益，嚴重違反世界\n'
        '貿易組織規則」，中共選擇性地針對較具國際爭議性的議題公開點名美方，藉此彰顯中國在國際經貿秩序\n'
        '的道德優勢。\n'
        '白皮書的論述策略，一方面藉高頻率的追求「和平」語言來形塑中國的正面形象，並爭取國際輿論的\n'
        '認同；另一方面則藉模糊與強硬並用的方式，將區域安全壓力歸咎於他國，藉此合理化自身的安全行動。\n'
        '1\n'
        '\n'
        '〈有關部門負責人就《新時代的中國國家安全》白皮書答記者問〉白皮書答記者問，《新華社》，2025 年 5 月 12\n'
        '日，https://reurl.cc/OYn66g；〈新時代的中國國家安全〉，《中國政府網》，2025 年 5 月 12 日，https://reurl.cc/kngppG。\n'
        '2\n'
        '原列舉項目包括政治安全、國土安全、軍事安全、經濟安全、文化安全、社會安全、科技安全、資訊安全、生態安全、資源安全、核安全。\n'
        '詳見，〈習近平：堅持總體國家安全觀 走中國特色國家安全道路〉，《中國共產黨新聞網》，2014 年 4 月 16\n'
        '日，http://cpc.people.com.cn/n/2014/0416/c64094-24900492.html。\n'
        '3\n'
        '〈黨媒把遏制「港獨」納入習近平的總體國家安全觀〉，《法廣》，2017 年 4 月 16 日，https://reurl.cc/7KWZm9；〈以習近平總書記\n'
        '總體國家安全觀為指引 譜寫國家安全新篇章〉，《求是網》，2017 年 4 月 15\n'
        '日，http://www.qstheory.cn/dukan/qs/2017-04/15/c_1120788993.htm。\n'
        '4\n'
        '引文中所指之「中導系統」為中程導彈系統。\n'
        "\f"
    )
    body = body_of(raw)
    assert "執意推進包括中導系統[^4]在內的軍事部署" in body
    assert "[^3]: 〈黨媒把遏制「港獨」納入習近平的總體國家安全觀〉" in body
    assert body.endswith("htm。\n\n[^4]: 引文中所指之「中導系統」為中程導彈系統。\n")


def test_keep_lines_before_long_words():
    """A sentence end short of the margin goes on when the next line opens with a Latin
    word too wide for the room left: ``（Operation`` did not fit after ``「高桅行動」``."""
    raw = (
        "2024 年 10 月施凱爾在下議院公開表示，中國人民解放軍在台灣海峽周邊的軍演與\n"
        "封鎖演練是「不利和平與穩定的舉措」。希利 2025 年 4 月於下議院應詢時也表示，\n"
        "英國對台海和平的「非常強烈關切」(very strong concern)。這顯示工黨政府對台\n"
        "海和平的「非常強烈關切」，絕非只是空話而已。\n"
        "英國「威爾斯親王號」航艦打擊群此次到訪澳洲，是執行代號「高桅行動」\n"
        "（Operation Highmast）在印太區域行動部署的一部分，藉以展現工黨政府對英國\n"
        "於印太區域安全的存在、關注與承諾。自 2025 年 4 月 22 日起為期長達 7.5 個月「高\n"
        "桅行動」，英國航母打擊群將陸續與美國、日本、南韓、澳洲、紐西蘭等盟邦夥伴會\n"
        "合，舉行有數艘航艦參與的大規模軍演。這是工黨政府自 2024 年 7 月上臺以來，首\n"
        "度在印太區域進行最大規模的軍事部署，也是繼 2021 年後，英國再次對印太區域展\n"
        "開類似部署。\n\f"
    )
    converted = convert_text(raw, "snippet.txt")
    blocks = converted.articles[0].body.split("\n\n")
    assert len(blocks) == 2
    assert "是執行代號「高桅行動」（Operation Highmast）在印太區域行動部署的一部分" in blocks[1]
    assert "keep_lines_before_long_words" in [c.fix for c in converted.reports[0].changes]



def test_keep_lines_before_long_words_on_a_narrow_page():
    """a5-11pt (30 ideographs a line): a Latin word that did not fit makes a line short by
    more than the slack.  The bracket set apart from the word by pdftotext's wide gap, and
    a paragraph's first line (short by its indent as well), still keep the line going."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=60, slack=2, indented=False, first_indent=4)
    line = Line(43, "「一中政策」，雖然不承認台灣是主權獨立國家，但僅「認知」")
    following = Line(44, "（ acknowledge ）而未接受中國擁有台灣主權主張的「一中原")
    assert not end_paragraphs_at_short_lines(line, following, None, wrap)
    line = Line(15, "果不其然，印度在 5 月 7 日凌晨展開「辛多爾行動」")  # 14 short
    following = Line(16, "（Operation Sindoor），以火炮及空中戰機對巴基斯坦恐怖分子據")
    assert not end_paragraphs_at_short_lines(line, following, None, wrap, opening=True)
    # ``（Operation`` (11) fits the 14 columns left after a line inside a paragraph
    assert end_paragraphs_at_short_lines(line, following, None, wrap)


def test_a_line_that_ends_a_sentence_before_a_marker_is_no_paragraph_opening():
    """A full line that ends a sentence, before a line short by about an indent that ends
    a sentence too (before its footnote marker): that line is the paragraph's last, not
    the next paragraph's first (pdftotext, a5-11pt, 001-03)."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=60, slack=1, indented=False, first_indent=4)
    line = Line(77, "他除了引用時任首相的岸田文雄「今日的烏克蘭可能是明天的東亞」")
    following = Line(78, "之說法外，也強調台日兩國應該合作，加強區域的嚇阻力量。[^2]")
    after = Line(79, "近年自民黨在選舉之前，除了行之有年、類似我國「選戰說帖」")
    assert not end_paragraphs_at_short_lines(line, following, after, wrap)
    assert end_paragraphs_at_short_lines(following, after, None, wrap)


def test_rejoin_stretched_line_pieces():
    """A justified line stretched because a URL glued to ``日，`` did not fit comes from
    pdftotext as pieces with a blank line between them (a5-11pt, 001-08): they are one
    line, and the figure's source line stays one paragraph."""
    raw = (  # pdftotext, a5-11pt (footnote markers left out)
        "由於興建水電站將會影響當地的生態環境、水資源、遷徙、文化\n"
        "等，甚至引起當地民眾的不滿與抗爭，例如：由於中國計劃在金沙江\n"
        "建造崗托水壩，也就是在四川省甘孜藏族自治州德格縣與江達縣之間\n"
        "的山谷興建崗托大壩和水電站。此建設恐淹沒多個藏人村莊及寺院，\n"
        "包括有 700 年歷史及珍貴佛教壁畫的汪堆寺，並迫使 4,200 多名藏人\n"
        "遷移。2024 年 2 月引起數百名藏人發起抗議行動，並遭受當局的迅\n"
        "速鎮壓。\n"
        "可見，地震活動已多次對該地區的水壩造成破壞，因為水壩建設\n"
        "會對生態系統造成不可逆的影響，並加劇斷層活動。水庫的重量可能\n"
        "進一步增加地震頻率，增加災害發生的機率而對當地居民和基礎設施\n"
        "帶來威脅，並破壞區域的豐富生態多樣性。\n"
        "圖、雅魯藏布江水電站位置\n"
        "資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂\n"
        "慮 〉 ， 《 中 央 社 》 ， 2025\n\n年\n\n7\n\n月\n\n23\n\n"
        "日，https://www.cna.com.tw/news/aopl/202507230228.aspx。\n"
    )
    converted = convert_text(raw, "snippet.txt")
    assert converted.articles[0].body.endswith(
        "\n\n圖、雅魯藏布江水電站位置\n\n資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何"
        "憂慮〉，《中央社》， 2025 年 7 月 23 日，https://www.cna.com.tw/news/aopl/"
        "202507230228.aspx。\n")
    assert "rejoin_stretched_line_pieces" in [c.fix for c in converted.reports[0].changes]


def test_rejoin_stretched_line_pieces_only_before_an_unbreakable_opening():
    """PyMuPDF's pieces of a stretched line (``融`` / ``公`` / ``司`` / ``」`` / …) are one
    line before ``Corporation,``; short lines that end a sentence, or that leave room for
    what opens the next line, stay apart."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import rejoin_stretched_line_pieces

    wrap = Wrap(marks_ends=False, full=60, slack=1, indented=False, first_indent=4)
    texts = ["在本次美烏礦產協議中，美方之合作代表是由「美國國際開發金", "融", "公", "司", "」",
             "(U.S. International Development Finance",
             "Corporation, DFC)所擔任，烏方則是由其政府之「公私夥伴關係支"]
    lines = [Line(number, text) for number, text in enumerate(texts, start=79)]
    report = Report()
    joined = rejoin_stretched_line_pieces(lines, wrap, report)
    assert [line.text for line in joined] == [
        texts[0], "融公司」(U.S. International Development Finance", texts[-1]]
    # a paragraph's last line is no piece; the title before an ideograph stays a line
    lines = [Line(1, "並遭受當局的迅速鎮壓。"), Line(2, "（"),
             Line(3, "Australia-United Kingdom-United States Security"),
             Line(4, "日本表明堅定反對俄羅斯侵略戰爭的立場")]
    assert rejoin_stretched_line_pieces(lines, wrap, Report()) == lines


INDENTED_12PT = (  # pdfminer, 12pt, ragged right, first-line indents (dropped by the extractor)
    '2025 年 7 月 28 日至 7 月 29 日，美國及中國的貿易代表團在瑞典的斯德哥爾\n'
    '摩（Stockholm）進行第三輪的經貿會談，美國由財政部長貝森特（Scott \n'
    'Bessent）及貿易代表格里爾（Jamieson Greer）帶領，中國則由國務院副總理何\n'
    '立峰主導談判，成為繼日內瓦及倫敦會談後，第三次有關兩國關稅問題的談判。\n'
    '在今年 5 月 10 日美中達成暫緩 90 天的共識，原定於 8 月 12 日到期，但在三\n'
    '個月後，當中因為談判進展有限，遂再延長 90 天。因為會談初步結論仍需要兩國\n'
    '領導人的簽字認可，導致於會後有關談判的過程與結論並無太多描述，但從關稅暫\n'
    '停到再次延長 90 天的情況來說，兩國談判尚未完成結束，可能因為某些產品關稅\n'
    '及政策的分歧，使得談判必須延長。\n'
    '貳、安全意涵\n'
    '一、談判團隊組成與策略\n'
    '根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代表團，而美國\n'
    '僅有 15 人。談判過程雙方先派出 12 至 15 位代表，在大會議室交流，主要是依據\n'
    '文本的立場宣示，然後依據談判議題分成小組來討論。1基本上美國財政部長貝森特\n'
    '及中國國務院副總理何立峰負責總體方向的指導與最後決議的敲定，有關兩國貿易\n'
    '爭議細節及非關稅貿易壁壘則由貿易代表及各部會代表負責。根據會後描述，相對\n'
    '於日內瓦及倫敦會談而言，此次的談判議題更加深入，話題更為廣泛，美國甚至建\n'
    '議中國在「十五五」規劃中，將中國經濟結構從生產性經濟體轉為消費型的經濟\n'
    '體。此種轉變對出口導向的中國而言，潛藏不可測風險與變數，某種程度也會被中\n'
    '國認為是美國對中國政策的「說三道四」。\n'
)


def test_printed_width_finds_a_full_last_line_before_an_indented_first_line():
    """printed_width: spaces and digits are narrower than a CJK half, so the first line of
    ``在今年 5 月 10 日…`` is short by the indent; the full line before it ends its paragraph."""
    from zhiku.clean.layout import display_width, printed_width

    first = "在今年 5 月 10 日美中達成暫緩 90 天的共識，原定於 8 月 12 日到期，但在三"
    assert display_width(first) == 72 and printed_width(first) == 68
    # what measure_wrap reads off the whole article (pdfminer, 12pt-header)
    from zhiku.clean import Layout
    from zhiku.clean.layout import Wrap, split_lines

    lines = split_lines(INDENTED_12PT)
    layout = Layout(lines, True, 72, Wrap(marks_ends=False, full=72, slack=2, first_indent=4))
    blocks = render_markdown(clean_article(lines, layout, Report())).split("\n\n")
    assert blocks[0].endswith("第三次有關兩國關稅問題的談判。")
    assert blocks[1].startswith("在今年 5 月 10 日") and blocks[1].endswith("使得談判必須延長。")


def test_join_spaced_urls_where_a_wrapped_url_was_joined_with_a_space():
    """pymupdf4llm joins a footnote's wrapped lines with a space, also inside a URL."""
    from zhiku.clean.chars import join_spaced_urls

    assert join_spaced_urls("《台灣智庫》，2025 年 4 月 23 日，https://voicetank.org/ 20250423-2/。") == (
        "《台灣智庫》，2025 年 4 月 23 日，https://voicetank.org/20250423-2/。")
    assert join_spaced_urls("https://www.korea.kr/multi/visualNewsView.do? newsId=148944317。") == (
        "https://www.korea.kr/multi/visualNewsView.do?newsId=148944317。")
    assert join_spaced_urls("http://www.kcna.kp/kp/article/q/7814962e12328ec63931b157c5b3d5ce29c3a85a74"
                            "07b10fa8612 dce14b01b9648ea83446189ee8c28735ec304344449.kcmsf。") == (
        "http://www.kcna.kp/kp/article/q/7814962e12328ec63931b157c5b3d5ce29c3a85a7407b10fa8612dce1"
        "4b01b9648ea83446189ee8c28735ec304344449.kcmsf。")
    assert join_spaced_urls("〈조선 중앙통신〉，2025 年5 月10 日，http://kcna.kp/kp/article/q/abc11f8037a7138"
                            "e04e12c49c38663d1.kc msf。") == (
        "〈조선 중앙통신〉，2025 年5 月10 日，http://kcna.kp/kp/article/q/abc11f8037a7138e04e12c49c3"
        "8663d1.kcmsf。")
    # after a dot where the path goes on, and a run broken twice (001-04 in two columns)
    assert join_spaced_urls("https://www.korea.kr/briefing/policyBriefingView. do?newsId=148743564。") == (
        "https://www.korea.kr/briefing/policyBriefingView.do?newsId=148743564。")
    assert join_spaced_urls("http://www.kcna. kp/kp/article/q/7814962e12328ec63931b157c5b3d5ce29c3a85 "
                            "a7407b10fa8612dce14b01b9648ea83446189ee8c28735ec30434 4449.kcmsf。") == (
        "http://www.kcna.kp/kp/article/q/7814962e12328ec63931b157c5b3d5ce29c3a85a7407b10fa8612dce1"
        "4b01b9648ea83446189ee8c28735ec304344449.kcmsf。")
    # a URL's end stays: a sentence or the next footnote follows
    assert join_spaced_urls("https://reurl.cc/0KnLqo. 16同註5。") == "https://reurl.cc/0KnLqo. 16同註5。"
    assert join_spaced_urls("https://x.com/a.html. See/also。") == "https://x.com/a.html. See/also。"
    assert join_spaced_urls("https://x.com/abc 2025 年") == "https://x.com/abc 2025 年"
    assert join_spaced_urls("Reuters, https://x.com/abc and more") == "Reuters, https://x.com/abc and more"
    assert join_spaced_urls("見 https://x.com/a.html 等。") == "見 https://x.com/a.html 等。"


PYMUPDF4LLM_NOTES = (
    "焦點類別：國際情勢 \n\n"
    "## **參、趨勢研判** \n\n"
    + "事實上，中國在今年 5 至 9 月間還有一個民族主義動員的重要議程，即反法西 斯戰爭勝利 80 週年的"
    "慶祝活動。習近平在 5 月 7 日至 10 日出訪俄羅斯，於 5 月 9 日參加俄羅斯以同樣名義舉辦的閱兵活動。"
    "而 5 月 8 日中俄兩國簽署聯合聲明時，普亭亦曾強調「二戰中國戰場勝利是在共產黨的領導下取得的」。 \n\n" * 3
    + "在中國國內，習近平於 5 月 9 日出席紅場閱兵，並發表談話。10此些言行均反映中國政府對此事的重視。"
    "而在中國國內，相關活動亦已在 5 月 13 日正式啟動，並可能在 9 月 3 日辦理 閱兵儀式。11 \n\n"
    "> 10 廖士鋒，〈習普會稱抗戰是中共領導 陸委會駁：中共並無實質貢獻〉，《聯合新聞網》，2025 年 5 月 \n\n"
    "> 9 日，https://udn.com/news/story/7331/8729066。 \n\n"
    "國防安全雙週報 第 87 期 \n\n"
    "中國是否能透過類似安排進行持續民族主義動員，並藉此在高度不確定的內外環境中維持國內社會穩定，仍待持續觀察。 \n\n"
    "> 11 〈大陸公布抗日戰爭勝利 80 周年紀念活動標識〉，《聯合新聞網》，2025 年 5 月 13 \n\n"
    "> 日，https://udn.com/news/story/7331/8735113。 \n\n"
)


def test_a_quoted_footnote_line_that_opens_with_a_date_goes_on():
    """_separate_superscript: ``> 9 日，https://…`` after ``…，2025 年 5 月`` is the rest of
    footnote 10, not footnote 9 (numbers count up; a date's day follows an unfinished note)."""
    body = body_of(PYMUPDF4LLM_NOTES)
    assert "[^10]: 廖士鋒，〈習普會稱抗戰是中共領導 陸委會駁：中共並無實質貢獻〉，《聯合新聞網》，" \
        "2025 年 5 月 9 日，https://udn.com/news/story/7331/8729066。" in body
    assert "[^9]" not in body and "[^10-bis]" not in body and "[^11]: 〈大陸公布" in body


def test_footnotes_as_plain_paragraphs_and_list_items():
    """pymupdf4llm without a running header sets footnotes as paragraphs (``1 윤상길…``) or
    list items (``- 2 目前…``), a wrapped one going on as ``- 日，https://…``."""
    raw = (
        "## **壹、前言** \n\n"
        "過去南北韓之間曾有過相當激烈的體系競爭，在韓國的經濟發展較為領先的情況下，韓國透過這樣的廣播方式提升國際能見度。"
        "1除此之外，當時韓國 也曾允許部分民間和宗教團體設置類似性質的廣播頻道。2 \n\n"
        "北韓則是從 1967 年開始在前線設置擴音器、調頻廣播，對韓國實施「對南廣播」，並透過敵後作業，"
        "在韓國內部製造混亂。有鑑於此，3國情院的前身韓國中央情報部設立對北廣播電台，"
        "並透過敵後作業，在韓國內部製造混亂，整合相關體系發展至今。 \n\n"
        + "因此，韓國的「對北廣播」在實務定義上，通常包含了「調頻廣播」和「播音廣播」 兩種送出方式，"
        "兩者的內容也並非完全相同。從結果來看，播音廣播的內容較為簡短，對前線部隊士官兵和北韓非軍事區"
        "附近民眾所造成的影響也相對明顯。從結果來看，播音廣播的內容較為簡短。 \n\n" * 3 +
        "1 윤상길、이정훈，〈1950 년대 서울중앙방송국 대외방송의 전개과정〉，《언론정보연구》（제56 권 4 호，2019 年10 月），頁 32。 \n\n"
        "- 2 目前較為知名有「極東廣播電台」和「國民統一廣播電台」。 \n\n"
        "- 3 〈대남 흑색방송 실체는 이렇다〉，《정책브리핑》，1992 年10 月22 \n\n"
        "- 日，https://www.korea.kr/briefing/policyBriefingView.do?newsId=148743564。 \n\n"
    )
    body = body_of(raw)
    assert "提升國際能見度。[^1]除此之外" in body and "類似性質的廣播頻道。[^2]" in body
    assert body.endswith(
        "[^1]: 윤상길、이정훈，〈1950 년대 서울중앙방송국 대외방송의 전개과정〉，《언론정보연구》"
        "（제56 권 4 호，2019 年10 月），頁 32。\n\n"
        "[^2]: 目前較為知名有「極東廣播電台」和「國民統一廣播電台」。\n\n"
        "[^3]: 〈대남 흑색방송 실체는 이렇다〉，《정책브리핑》，1992 年10 月22 日，"
        "https://www.korea.kr/briefing/policyBriefingView.do?newsId=148743564。\n")


def test_page_numbers_of_pages_with_few_long_lines_and_their_running_header():
    """remove_page_numbers_by_position without form feeds: lone numbers counting up 400
    characters apart, even when fewer than ten lines apart (pymupdf4llm, one line per
    paragraph); the line after each then opens a page, so the running header goes too."""
    paragraph = ("《韓國國家戰略》期刊於 2016 年創刊，是韓國國家研究基金會選定的期刊，每年出版三期"
                 "（3 月、7 月和 11 月），在定期、不定期舉辦的國際研討會中發表研究成果。" * 3 + " \n\n")
    raw = ("智庫研究文集 \n\n# **摘要** \n\n" + paragraph * 2 + "1 \n\n智庫研究文集 \n\n"
           + paragraph * 2 + "2 \n\n智庫研究文集 \n\n" + paragraph + "3 \n\n")
    converted = convert_text(raw, "snippet.md")
    body = converted.articles[0].body
    assert "智庫研究文集" not in body and body.count("《韓國國家戰略》期刊") == 15
    assert not any(block.strip().isdigit() for block in body.split("\n\n"))
    assert [c.fix for c in converted.source_report.changes].count("remove_running_headers") == 3


def test_a_running_header_read_after_the_first_line_of_its_page():
    """remove_running_headers: pdfminer reads a heading at a page's top before the header."""
    page = ("國防安全即時評析\n" + LO_PARAGRAPHS + "{}\n\f")
    raw = (page.format(1) + page.format(2).replace("壹、前言\n國防安全即時評析", "貳、安全意涵\n國防安全即時評析")
           .replace("國防安全即時評析\n壹、前言", "貳、安全意涵\n國防安全即時評析")
           + page.format(3).replace("壹、前言", "參、趨勢研判"))
    body = convert_text(raw, "snippet.txt").articles[0].body
    assert "國防安全即時評析" not in body and "\n## 貳、安全意涵\n" in body


def test_reclaim_footnote_tails():
    """The rest of a footnote the page broke, read as body text just above the next
    page's footnotes (pdfminer), goes back to its footnote."""
    raw = (
        "挑戰中方詮釋的動作。7\n"
        "7 包括分別在世界衛生組織與聯合國安理會公開發言反對中國扭曲聯大第 2758 號決議。詳見，國際組織司、〈美國\n"
        "首度在聯合國安理會嚴正批評中國誤用聯大第 2758 號決議〉，《中華民國外交部》，2025 年 4 月 24\n"
        "2\n\f"
        "從習近平所推動的「總體國家安全觀」出發，其對風險的理解並非單一或孤立事件，而是視各類安全挑戰\n"
        "為彼此交織、相互影響，並隨著內外情勢變化不斷演化與調整。8在此思維下，台灣也將持續受到中共在\n"
        "發展權利、海洋權益、科技賦能與網路安全等領域政策所帶來的影響與衝擊。\n"
        "日，https://www.mofa.gov.tw/News_Content.aspx?n=96&s=119714。\n"
        "8 〈發布《新時代的中國國家安全》白皮書〉，《人民網》，2025 年 5 月 13 日。\n"
        "3\n\f"
    )
    body = body_of(raw)
    assert "領域政策所帶來的影響與衝擊。\n\n[^7]" in body
    assert ("《中華民國外交部》，2025 年 4 月 24 日，https://www.mofa.gov.tw/News_Content.aspx"
            "?n=96&s=119714。\n\n[^8]: 〈發布") in body


def test_a_line_short_only_because_the_next_cannot_start_with_punctuation_opens_nothing():
    """end_paragraphs_at_short_lines: a full line that ends a sentence ends its paragraph when
    the next line is short by the first-line indent, unless the line after that opens with
    a unit (``場。``) too wide for that room (pdfminer, 10.5pt-dense, justified)."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=92, slack=2, first_indent=4)
    line = Line(1, "交並撤銷對其承認，使烏克蘭成為繼愛沙尼亞之後第二個承認大韓民國為唯一合法政府的前蘇聯加盟國。")
    following = Line(2, "韓國政府也同時表達尊重烏克蘭的領土主權，不承認頓涅茨克人民共和國和盧甘斯克人民共和國的立")
    after = Line(3, "場。2023 年 4 月，尹錫悅赴美進行國是訪問時，表示面對俄國嚴重違反戰爭法的行徑，韓國可能無法堅持")
    assert not end_paragraphs_at_short_lines(line, following, after, wrap)
    after = Line(3, "烏克蘭的領土主權，不承認頓涅茨克人民共和國和盧甘斯克人民共和國的立場。2023 年 4 月，尹錫悅赴美")
    assert end_paragraphs_at_short_lines(line, following, after, wrap)


def test_recover_late_footnote_numbers():
    """pdftotext printed a footnote's number below the page's last footnote: its text
    follows the footnote before it (001-04, 10.5pt-dense, footnotes 10–12 renumbered)."""
    raw = (
        "北韓則是從 1967 年開始在前線設置擴音器、調頻廣播，對韓國實施「對南廣播」，並透過敵後作業，在韓國內部製\n"
        "造混亂。有鑑於此，國情院的前身韓國中央情報局（KCIA）從 1973 年開始設置多個對北廣播頻電台，製作相關\n"
        "節目，1逐步主導、整合相關體系發展至今。2韓國的對北廣播實際上已有 69 年的歷史（1956-2025）。\n"
        "根據 2024 年韓國統一部出版的《北韓經濟社會實態報告書》有關韓國境內脫北民眾的問卷調查結果顯示，平均將\n"
        "近有 95.2%表示過去在北韓期間，實際上無法收聽韓國廣播，3有將近 83.3%表示曾經收看過外部影像資訊。\n"
        "1\n\n"
        "〈대북확성기 껐다, 이재명식 대북 유화 메시지〉，《중앙일보》，2025 年 6 月 11 日，"
        "https://www.joongang.co.kr/article/25343134。\n"
        "目前已知韓國有 7 個對北廣播電台，1 個是公營放送體系的「KBS 韓民族廣播電台」，1 個是國防部的「自由之聲」，"
        "其餘 5 個是國情院管\n"
        "理的對北廣播電台。\n"
        "3\n"
        "《북한 경제‧사회 실태 인식보고서》（서울: 통일부，2024 年 2 月 9 日），頁 230-231。\n"
        "2\n\n"
        "7\n\n\f"
    )
    converted = convert_text(raw, "snippet.txt")
    body = converted.articles[0].body
    assert "整合相關體系發展至今。[^2]韓國的" in body and "外部影像資訊。\n\n[^1]" in body
    assert body.endswith(
        "[^1]: 〈대북확성기 껐다, 이재명식 대북 유화 메시지〉，《중앙일보》，2025 年 6 月 11 日，"
        "https://www.joongang.co.kr/article/25343134。\n\n"
        "[^2]: 目前已知韓國有 7 個對北廣播電台，1 個是公營放送體系的「KBS 韓民族廣播電台」，"
        "1 個是國防部的「自由之聲」，其餘 5 個是國情院管理的對北廣播電台。\n\n"
        "[^3]: 《북한 경제‧사회 실태 인식보고서》（서울: 통일부，2024 年 2 月 9 日），頁 230-231。\n")
    assert [c.before for c in converted.reports[0].changes
            if c.fix == "recover_late_footnote_numbers"][-1] == "2"


def test_a_caption_printed_above_the_header_stays_its_own_block():
    """separate_lead: the column's photo caption is not joined to the first paragraph
    once the header between them is taken out (pdftotext, 12pt)."""
    raw = (
        "2023 年 7 月，尹錫悅前往烏克蘭訪問，成為第一位前往戰場的韓國總統。(圖片來\n"
        "源：https://www.president.gov.ua/en/news/spivpracya-ukrayini-ta-respubliki-koreya-dast)\n\n"
        "日韓元首相繼訪烏對東北亞安保情勢的影響\n"
        "李明峻\n"
        "新台灣國策智庫研發長\n"
        "自俄烏戰爭爆發以來，亞洲只有三位國家領導人訪問過烏克蘭，分別是日本首相岸田\n"
        "文雄、印尼總統佐科維(Jokowi)和韓國總統尹錫悅，其中特別是因為俄羅斯侵略烏克\n"
        "蘭引發違反國際法問題，使日韓選擇與歐美一致加入制裁俄羅斯的行動，這令日韓與\n"
        "俄羅斯關係惡化，連帶影響到東北亞的安保情勢。\n\f"
    )
    converted = convert_text(raw, "snippet.txt")
    article = converted.articles[0]
    assert article.title == "日韓元首相繼訪烏對東北亞安保情勢的影響"
    assert article.body == (
        "圖：2023 年 7 月，尹錫悅前往烏克蘭訪問，成為第一位前往戰場的韓國總統。(圖片來源："
        "https://www.president.gov.ua/en/news/spivpracya-ukrayini-ta-respubliki-koreya-dast)\n\n"
        "自俄烏戰爭爆發以來，亞洲只有三位國家領導人訪問過烏克蘭，分別是日本首相岸田文雄、"
        "印尼總統佐科維(Jokowi)和韓國總統尹錫悅，其中特別是因為俄羅斯侵略烏克蘭引發違反國際法問題，"
        "使日韓選擇與歐美一致加入制裁俄羅斯的行動，這令日韓與俄羅斯關係惡化，連帶影響到東北亞的安保情勢。\n")
    assert "separate_lead" in converted.reports[0].counts()


def test_a_caption_whose_credit_the_extractor_split_with_a_space():
    """_mark_captions: pymupdf4llm joins wrapped lines with a space, also in ``(圖片來 源：``;
    the caption still gets its ``圖：``."""
    raw = (
        "2023 年 7 月，尹錫悅前往烏克蘭訪問，成為第一位前往戰場的韓國總統。(圖片來 源："
        "https://www.president.gov.ua/en/news/spivpracya-ukrayini-ta-respubliki-koreya- \n\n"
        "dast-bilshe-silina-84349) \n\n"
        "# **日韓元首相繼訪烏對東北亞安保情勢的影響** \n\n李明峻 \n\n新台灣國策智庫研發長 \n\n"
        "自俄烏戰爭爆發以來，亞洲只有三位國家領導人訪問過烏克蘭，分別是日本首相岸田 文雄、"
        "印尼總統佐科維(Jokowi)和韓國總統尹錫悅。 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert body.startswith(
        "圖：2023 年 7 月，尹錫悅前往烏克蘭訪問，成為第一位前往戰場的韓國總統。(圖片來 源："
        "https://www.president.gov.ua/en/news/spivpracya-ukrayini-ta-respubliki-koreya-"
        "dast-bilshe-silina-84349)\n\n自俄烏戰爭爆發以來")


def test_keep_wrapped_urls():
    """end_paragraphs_at_short_lines: ``pdftotext -layout`` indents the rest of a centred
    caption's URL like a paragraph opening; a URL broken after ``-`` goes on."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=72, slack=1, indented=True, first_indent=4)
    line = Line(1, "https://www.president.gov.ua/en/news/spivpracya-ukrayini-ta-respubliki-koreya-")
    following = Line(2, "dast-bilshe-silina-84349)", indent=27)
    assert not end_paragraphs_at_short_lines(line, following, None, wrap)
    following = Line(2, "日韓元首相繼訪烏對東北亞安保情勢的影響", indent=7)
    assert end_paragraphs_at_short_lines(line, following, None, wrap)
    # a URL's middle line, its https:// on the line before (the caption in two columns)
    middle = Line(6, "news/spivpracya-ukrayini-ta-respubliki-koreya-dast-", indent=1)
    rest = Line(8, "bilshe-silina-84349)", indent=17)
    assert not end_paragraphs_at_short_lines(middle, rest, None, Wrap(full=44, slack=1,
                                                                      indented=True,
                                                                      first_indent=4))
    # not a line of words broken at a hyphen, nor a path piece that stops whole
    from zhiku.clean.paragraphs import keep_wrapped_urls

    assert keep_wrapped_urls(middle, rest)
    assert not keep_wrapped_urls(Line(6, "the Indo-"), Line(7, "Pacific region"))
    assert not keep_wrapped_urls(Line(6, "news/spivpracya-koreya-dast"), rest)


def test_measure_wrap_reads_the_indent_off_paragraph_openings_only():
    """measure_wrap: PyMuPDF's marker pieces (``1希利就英國在印`` / a full line) and lines
    after a Latin word that did not fit say nothing about the first-line indent (4 columns
    in 12pt-header; they made it 1)."""
    from pathlib import Path

    from zhiku.clean.layout import Line, _opens_paragraph, measure_wrap, split_lines

    fixture = Path(__file__).parent / "fixtures" / "extracted" / "001-02-12pt-header.pymupdf.txt"
    assert measure_wrap(split_lines(fixture.read_text(encoding="utf-8"))).first_indent == 4
    assert not _opens_paragraph(Line(1, "1希利就英國在印"),
                                Line(2, "太地區「作戰準備」的「一般性」表態，儘管並未直接點名特定國家，不過考量他"))
    assert not _opens_paragraph(Line(1, "在做「一般性」（general"),
                                Line(2, "terms）表態，英國希望印太地區任何爭端都能通過「和平與外交」方式解決。但"))
    assert not _opens_paragraph(Line(1, "略》同時主張加強自我「硬實力」"),
                                Line(2, "（hard power）投資的必要性，聲稱「我們必須以現實主義（realism）與坦誠的"))
    assert _opens_paragraph(Line(1, "二、英國將持續強化對印太事務涉入"),
                            Line(2, "受到印太區域對英國重要性增加以及盟邦夥伴要求的影響，英國將持續強化對"))


def test_measure_wrap_reads_the_indent_off_exact_openings():
    """measure_wrap: the first-line indent comes from paragraph openings whose width is
    exact (no ASCII: ``MP Materials`` in the sans-serif font prints wider than estimated),
    not from a page's first line, and not from a line after a piece of a printed line
    (pdftotext, 001-07 in letter-14pt-sans: 2 before, where the indent is 4 — 28pt at
    14pt), so the heading ends before the paragraph that opens under it."""
    from pathlib import Path

    from zhiku.clean import prepare_source
    from zhiku.clean.layout import Line, _exact_opening

    # the whole article (it misses the targets only by a hyphen the extractor lost)
    fixture = (Path(__file__).parent / "fixtures" / "snippets"
               / "001-07-letter-14pt-sans.pdftotext.txt").read_text(encoding="utf-8")
    assert prepare_source(fixture, Report()).wrap.first_indent == 4
    assert "### 一、美國國防部成 MP Materials 最大股東以強化稀土供應鏈自主\n\n近五年來美國國防部" \
        in body_of(fixture)
    heading = Line(1, "二、美國以最低價格保障穩定稀土市場")
    assert _exact_opening(heading, Line(2, "過往中國除了對外銷之關鍵礦物產品進行出口限制，也會使用使市場傾銷"))
    assert _exact_opening(Line(1, "售予國防及民用客戶。3"), Line(2, "近五年來美國國防部雖屢次以撥款或貸款等方式補助美國自身磁鐵製造"))
    assert not _exact_opening(Line(1, "鏈即會面臨中斷風險。5"),
                              Line(2, "對於 MP Materials 而言，美國政府此時的介入與支持亦至關重要，由於該"))
    assert not _exact_opening(Line(1, "eurl.cc/QaRvxM."), Line(
        2, "作，可進而掌握稀土磁鐵的來源、品質與分配，確保其能穩定供應予軍民兩用", page_start=True))
    # PyMuPDF broke a printed line: the line after the piece is full, no opening
    assert not _exact_opening(Line(1, "是相較其他協定更能順暢開展的關"),
                              Line(2, "鍵，即是此機制的運作係由海軍與海航人員主導，參與者大多為校級"))


def test_keep_lines_before_full_lines():
    """end_paragraphs_at_short_lines: where paragraphs open indented, a full line opens
    none, so the sentence end short of the margin before it goes on (``《2025`` did not fit;
    pdfminer, 12pt-header)."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=72, slack=1, first_indent=4)
    line = Line(1, "印太事務涉入。印太戰力投射的「高桅行動」部署演訓，正展現此發展趨勢。")
    following = Line(2, "《2025 國家安全戰略》指稱，印太區域已成爲英國國防關注的新增優先區域之一，")
    after = Line(3, "「如同歷史傳統，我們將美國與歐洲視為外交與安全合作的首要夥伴。我們也將堅")
    report = Report()
    assert not end_paragraphs_at_short_lines(line, following, after, wrap, report=report)
    assert report.counts()["keep_lines_before_full_lines"] == 1
    # a line short by the indent opens the next paragraph
    following = Line(2, "北韓也可能基於「文化安全」的考量，也就是為了避免國家體系受到外部")
    assert end_paragraphs_at_short_lines(line, following, after, wrap)
    # without indented openings, nothing tells a full line from an opening
    assert end_paragraphs_at_short_lines(line, Line(2, following.text + "「有毒"), after,
                                         Wrap(marks_ends=False, full=72, slack=1))


def test_curly_quotes_next_to_ideographs_are_full_width():
    """printed_width: ``“`` set in the CJK font takes a full column pair, so a line that
    ended because ``日”`` did not fit is 4 short, not 5 (and no paragraph end follows)."""
    from zhiku.clean.layout import printed_width

    assert printed_width("外交政策，就是基於普世原則與規範推展的外交政策。雙邊會談亦重申“韓美") == 68
    assert printed_width("日”三邊合作對於應對北韓的挑戰、保護共同的安全和繁榮、維護共同的價值觀和") == 72
    assert printed_width("“Fact Sheet”") == 13  # quotes in Latin text: one column each


def test_reclaim_footnote_tails_above_a_lone_footnote_number():
    """reclaim_footnote_tails also where the next page's footnotes open with a number on a
    line of its own (``pdftotext -layout``, 12pt-header)."""
    raw = (
        "挑戰中方詮釋的動作。1\n"
        "1\n"
        " 包括分別在世界衛生組織與聯合國安理會公開發言反對中國扭曲聯大第 2758 號決議。詳見，國際組織司、〈美國\n"
        "首度在聯合國安理會嚴正批評中國誤用聯大第 2758 號決議〉，《中華民國外交部》，2025 年 4 月 24\n"
        "5\n\f"
        "    從習近平所推動的「總體國家安全觀」出發，其對風險的理解並非單一或孤立事件，而是視各類安全挑戰\n"
        "為彼此交織、相互影響，並隨著內外情勢變化不斷演化與調整。2在此思維下，台灣也將持續受到中共在\n"
        "發展權利、海洋權益、科技賦能與網路安全等領域政策所帶來的影響與衝擊。\n"
        "日，https://www.mofa.gov.tw/News_Content.aspx?n=96&s=119714。\n"
        "2\n"
        " 〈發布《新時代的中國國家安全》白皮書〉，《人民網》，2025 年 5 月 13 日。\n"
        "6\n\f"
    )
    body = body_of(raw)
    assert "領域政策所帶來的影響與衝擊。\n\n[^1]" in body
    assert ("《中華民國外交部》，2025 年 4 月 24 日，https://www.mofa.gov.tw/News_Content.aspx"
            "?n=96&s=119714。\n\n[^2]: 〈發布") in body


def test_split_footnote_from_paragraph():
    """pymupdf4llm set footnote 1 inside the paragraph the page broke (003-01, 12pt): the
    footnote goes to the end, the paragraph is one again."""
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "extracted" / "003-01-12pt.pymupdf4llm.txt"
    lines = fixture.read_text(encoding="utf-8").split("\n")
    assert lines[16].endswith("卻也凸顯海上意外 1 丁文翔、陳琳與張懋瑄，〈中美兩軍舉行 2025 年度"
                              "海上軍事安全磋商機制工作小組會〉，《北京日 報》，2025 年 4 月 3 日，"
                              "https://xinwen.bjd.com.cn/content/s67ee7c11e4b08edd28f71c38.html。 ")
    raw = "## **壹、前言** \n\n" + "\n".join(lines[10:21]) + "\n"
    converted = convert_text(raw, "snippet.md")
    body = converted.articles[0].body
    assert "討論改善雙方海上軍事安全問題的措施。[^1]當前中共" in body
    assert "卻也凸顯海上意外升高成衝突的高度風險。因此，" in body
    assert "\n\n[^1]: 丁文翔、陳琳與張懋瑄，〈中美兩軍舉行 2025 年度海上軍事安全磋商機制工作小組會〉，" \
        "《北京日 報》，2025 年 4 月 3 日，https://xinwen.bjd.com.cn/content/" \
        "s67ee7c11e4b08edd28f71c38.html。\n\n[^2]: 當時，" in body
    assert "split_footnote_from_paragraph" in converted.reports[0].counts()


def test_split_run_on_footnotes():
    """pymupdf4llm set footnotes 1 and 2 on one quoted line (003-02, 10.5pt-dense, 15 and
    16 renumbered): the next number after a sentence end, its marker in the body."""
    raw = (
        "## **壹、前言** \n\n"
        "在美烏協議簽署後，川普政府旋即宣布出售烏克蘭 5,000 萬美元的軍品。1然而，協議的象徵意義"
        "大於實質，其具體成效仍待觀察。2 \n\n"
        + "經過數個月波折談判，美國於 2025 年 4 月底正式與烏克蘭簽署協議，成立「美烏重建投資基金」，"
        "雙方共同管理基金，投資烏克蘭礦產、石油與天然氣等天然資源開發項目，以及相關基礎建設。 \n\n" * 3
        + "> 1 Andy Home, \"US-Ukraine Deal Is Heavy on Symbolism, Light on Minerals,\" Reuters, "
        "May 6, 2025, https://reurl.cc/0KnLqo. 2 同註 5。 \n\n"
    )
    body = body_of(raw)
    assert body.endswith(
        "[^1]: Andy Home, \"US-Ukraine Deal Is Heavy on Symbolism, Light on Minerals,\" Reuters, "
        "May 6, 2025, https://reurl.cc/0KnLqo.\n\n[^2]: 同註 5。\n")
    assert "其具體成效仍待觀察。[^2]" in body


def test_an_opening_line_short_by_its_indent_and_a_unit_that_did_not_fit():
    """end_paragraphs_at_short_lines: in justified text with a first-line indent of 4, the
    opening line is short by 6 when what opens the next line (``擊。``, 4 wide) did not fit
    in the room left (PyMuPDF, compilation)."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=90, slack=1, first_indent=4)
    line = Line(1, "遏制、滲透與破壞等作為，使得外部安全壓力加大，並指責「一些外部勢力處心積慮打『台灣牌』」。")
    following = Line(2, "因此，在對台論述上，除了語調稍有收斂外，仍持續針對國際場合中美方支持台灣的立場進行反")
    after = Line(3, "擊。文中重申「堅決反對『台灣地位未定論』」、「聯大第 2758 號決議的法律效力不容置疑」，強調")
    assert end_paragraphs_at_short_lines(line, following, after, wrap)
    # a unit of 2 would have fitted: a line short by 6 is no opening then
    after = Line(3, "反" + after.text[2:])
    assert not end_paragraphs_at_short_lines(line, following, after, wrap)


def test_end_where_the_next_would_fit():
    """end_paragraphs_at_short_lines: a sentence end 2 columns short of the margin, within
    the slack of ragged-right lines, ends the paragraph when what opens the next line (``此``)
    would have fitted there (pdfminer, 12pt-header)."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=72, slack=2, first_indent=4)
    line = Line(1, "三方意見交換（日台 2+2）（日方分科會長出席），以及包括戰略日美台三方。")
    following = Line(2, "此外，我們也將推動各層級的務實合作。")
    after = Line(3, "我們將從國家安全角度出發，在密切的經濟合作基礎上，推動營造日本的優勢")
    report = Report()
    assert end_paragraphs_at_short_lines(line, following, after, wrap, report=report)
    assert report.counts()["end_where_the_next_would_fit"] == 1
    # ``「我們`` (an opening bracket and a character, 4 wide) would not have fitted
    following = Line(2, "「我們也將推動各層級的務實合作。」")
    assert not end_paragraphs_at_short_lines(line, following, after, wrap)
    # a paragraph's first line is short by its indent: no end there
    assert not end_paragraphs_at_short_lines(line, Line(2, "此外，我們也將推動"), after, wrap,
                                             opening=True)


def test_a_paragraph_never_opens_with_an_english_gloss():
    """_line_paragraphs / opens_with_gloss: the page broke after a quoted term; the next
    page goes on with its English gloss (pymupdf4llm, 10.5pt-dense)."""
    paragraph = ("主張以集體力量介入印太安全，正如《2025 年國家安全戰略》所闡述，英國「將採取一種"
                 "『行動主導途徑』")
    raw = (
        "## **參、趨勢研判** \n\n"
        + "受到印太區域對英國重要性增加以及盟邦夥伴要求的影響，英國將持續強化對印太事務涉入。"
        "印太戰力投射的「高桅行動」部署演訓，正展現此發展趨勢，其核心要旨在於英國如何建構與盟友間的"
        "聯合作戰能力。 \n\n" * 3
        + paragraph + " \n\n"
        "> 9 David Lammy, “The Case for Progressive Realism,” Foreign Affairs, May/June 2024, "
        "https://reurl.cc/2QE72r. \n\n2 \n\n"
        "（campaigning approach），以最小化他國對我方施加脅迫或破壞我國實力根基的能力；並最大化強化"
        "我國安全與繁榮的機會，有時單獨行動，但多數情況下與他國協同合作。」 \n\n"
        "英國將持續強化對印太事務涉入。 \n\n"
    )
    body = body_of(raw)
    assert paragraph + "（campaigning approach），以最小化他國" in body
    # a quoted sentence is no term: ``…合作。」`` ends its paragraph
    assert "協同合作。」\n\n英國將持續" in body


def test_a_paragraph_does_not_end_on_a_quoted_term_before_footnotes():
    """_line_paragraphs / ends_on_quoted_term_before_notes: the page broke after
    「十五五」; footnote 1 stands between the two halves (pymupdf4llm, 001-01, 12pt)."""
    before = ("根據會後描述，相對於日內瓦及倫敦會 談而言，此次的談判議題更加深入，話題更為廣泛，"
              "美國甚至建議中國在「十五五」 ")
    raw = (
        "## **貳、安全意涵** \n\n"
        + "在今年 5 月 10 日美中達成暫緩 90 天的共識，原定於 8 月 12 日到期，但在三個月 後，當中"
        "因為談判進展有限，遂再延長 90 天。美國總統川普與中國國家主席習近平分別在兩國談判的過程中"
        "提出觀點，因為會談初步結論仍需要經過兩國領導人的同意，才能正式對外公布。 \n\n" * 3
        + before + "\n\n"
        "> 1 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1 \n\n"
        "> 日，https://tw.news.yahoo.com/083242700.html。 \n\n"
        "規劃中，將中國經濟結構從生產性經濟體轉為消費型的經濟體。此種轉變對出口導向 的中國而言，"
        "潛藏不可測風險與變數，某種程度也會被中國認為是美國對中國政策的 「說三道四」。 \n\n"
        "會談結果並不令人意外，雙方都稱「建設性」 \n\n"
        "美國的立場沒有改變。 \n\n"
    )
    body = body_of(raw)
    assert "建議中國在「十五五」規劃中，將中國經濟結構" in body
    # with only a blank line between, the paragraph ends there (nothing was taken out)
    assert "都稱「建設性」\n\n美國的立場沒有改變。" in body


def test_a_line_that_leaves_a_bracket_open_is_no_heading():
    """heading_level: pymupdf4llm broke a run-in item at a page end inside 『…』; the line is
    no heading, and the item goes on on the next line (000-01, 12pt)."""
    from zhiku.clean.paragraphs import heading_level

    item = "（二）政策說明宣導：配合行政院科技會報辦公室『國防科技產業發展審議會"
    assert heading_level(item) == 0 and heading_level(item + "（議）』") == 4
    raw = (
        "## **肆、未來展望** \n\n"
        + "國防科技發展明會或學術研討會，揭示國防戰略與國防科技需求，鼓勵產學研投入國防科技研發，"
        "以帶動國防產業發展與技術提升，並建立國防自主的產業供應鏈體系與相關人才培育管道，"
        "另藉由國防展覽揭示國防戰略與國防科技需求，鼓勵產學研投入國防科技研發。 \n\n" * 3
        + item + " \n\n"
        "（議）』指導，強化六大核心戰略產業之國防與戰略產業項目。 \n\n"
    )
    assert body_of(raw).endswith("\n\n" + item + "（議）』指導，強化六大核心戰略產業之國防與戰略產業項目。\n")


def test_a_numbered_heading_as_wide_as_a_line_ends_its_line():
    """_ends_paragraph: the heading's trailing space ends it although it fills the line
    (001-07)."""
    raw = (
        " 貳、安全意涵 \n\n"
        "一、美國國防部成MP Materials最大股東以強化稀土供應鏈自主 \n\n"
        "近五年來美國國防部雖屢次以撥款或貸款等方式補助美國自身\n\n"
        "磁鐵製造商，累積投入金額已超過 4 億美元。 \n\n"
    )
    body = body_of(raw)
    assert "### 一、美國國防部成MP Materials最大股東以強化稀土供應鏈自主\n\n近五年來" in body


def test_a_url_closed_by_a_semicolon_does_not_swallow_the_next_citation():
    """join_text: ``;`` ends the URL; the next citation follows after a space (001-07 fn 8)."""
    from zhiku.clean.paragraphs import join_text

    left = "Procurement Magazine, https://procurementmag.com/news/rare-earth-supply;"
    assert join_text(left, "Tom Moerenhout, “MP Materials Deal”") == (
        left + " Tom Moerenhout, “MP Materials Deal”")
    # a URL broken after a slash still goes on without a space
    assert join_text("https://www.cna.com.tw/news/", "aopl/2025.aspx。") == (
        "https://www.cna.com.tw/news/aopl/2025.aspx。")


def test_bare_link_urls_repeated_after_footnotes_are_removed():
    """remove_repeated_link_urls: the extractor wrote the links' targets again on lines of
    their own after footnote 4 (001-05)."""
    raw = (
        " 壹、前言 \n\n"
        "北韓駭客竊取虛擬資產，2該組織對 ByBit 進行攻擊。3這是 2025 年最大的一次。4 \n\n"
        " \n\n"
        "2 “2025 Crypto Crime Mid-year Update,” Chainalysis, July 17, 2025, https://shorturl.at/sR09c. \n\n"
        "3 “North Korea Responsible for Theft,” FBI, February 26, 2025, https://shorturl.at/iTuCh. \n\n"
        "4 “Lazarus Group,” Hacken, September 3, 2024, https://shorturl.at/3oD5D. \n\n"
        "https://shorturl.at/sR09c\nhttps://shorturl.at/iTuCh\n"
    )
    body = body_of(raw)
    assert "[^4]: “Lazarus Group,” Hacken, September 3, 2024, https://shorturl.at/3oD5D.\n" in body
    assert body.count("https://shorturl.at/sR09c") == 1


def test_a_short_line_right_under_a_section_heading_is_its_subheading():
    """find_unnumbered_subheadings (001-06)."""
    raw = (
        " 參、趨勢研判 \n\n"
        "美國將在南太平洋取得暫時優勢 \n\n"
        "中國在 2022 年與索羅門群島（Solomon Islands）簽署《安全協議》，允許中國官方船舶在預先"
        "得到索國同意的情況下靠泊該國港口。 \n\n"
    )
    assert "## 參、趨勢研判\n\n### 美國將在南太平洋取得暫時優勢\n\n中國在 2022 年" in body_of(raw)


#: a paragraph of 001-01 as pymupdf4llm writes it (12pt: printed lines 74 wide, each joined
#: to the next with a space)
JOINED_001_01 = (
    "根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代表團，而美國僅有 15 人。"
    "談判過程雙方先派出 12 至 15 位代表，在大會議室交流，主要是依據文本的立場 宣示，"
    "然後依據談判議題分成小組來討論。基本上美國財政部長貝森特及中國國務院 副總理何立峰"
    "負責總體方向的指導與最後決議的敲定，有關兩國貿易爭議細節及非關 稅貿易壁壘則由貿易"
    "代表及各部會代表負責。根據會後描述，相對於日內瓦及倫敦會 談而言，此次的談判議題更加"
)


def test_spaces_pymupdf4llm_left_at_printed_line_ends_are_removed():
    """measure_joined_wrap + remove_joined_wrap_spaces: pymupdf4llm joins a paragraph's
    printed lines with a space; between two CJK characters the space goes, where the text
    since the last line end fills a printed line (001-01, 12pt: 74 wide). An author's space
    elsewhere (a quoted headline) and spaces next to digits stay."""
    paragraph = JOINED_001_01 + "深入，話題更為廣泛，〈差距懸殊 透露訊息曝〉一文也提到。 "
    raw = "## **貳、安全意涵** \n\n" + (paragraph + "\n\n") * 4
    body = body_of(raw)
    assert "依據文本的立場宣示，然後" in body and "中國國務院副總理何立峰" in body
    assert "非關稅貿易壁壘" in body and "倫敦會談而言" in body
    assert "〈差距懸殊 透露訊息曝〉" in body and "派出 75 人" in body


def test_pdftotext_pairs_in_a_stretched_justified_line_are_closed_up():
    """remove_cjk_spaces: a justified line pdftotext printed in pairs (001-05, 10.5pt-dense);
    a table row of short cells keeps its spaces."""
    line = "等戰 略武 器系 統。 20 在大 規模 網攻 及其 他支 援下 ，北 韓資 金與 技術 雙重 快速 進展"
    # (the space before the marker 20 is mark_references' to judge)
    assert remove_cjk_spaces(line) == "等戰略武器系統。 20 在大規模網攻及其他支援下，北韓資金與技術雙重快速進展"
    assert remove_cjk_spaces("領域 作法 意義") == "領域 作法 意義"
    # pairs between numbers (pdfminer, 003-01 in a compilation)
    assert remove_cjk_spaces("3 日， 美軍 與解 放軍 於上 海舉 行 2025 年度 「海 上軍 事安 全磋 商機 制」") == (
        "3 日，美軍與解放軍於上海舉行 2025 年度「海上軍事安全磋商機制」")


def test_a_marker_set_off_by_a_space_at_a_line_end_is_a_marker():
    """_marker_in_body / mark_references: justified text set footnote 5's marker off by a
    space at the very end of a line (``…的概念。 5``); its number alone under the page's
    footnotes is footnote 5, not a page number, and the page's footnotes after it count on
    (pdftotext, 10.5pt-dense, 001-06: before, 5 stayed in the body, 6–9 were never found and
    ``參、趨勢研判`` was swallowed by the paragraph before)."""
    from pathlib import Path

    from zhiku.clean.footnotes import mark_references
    from zhiku.clean.layout import Line

    line = Line(33, "署實現該概念的宣言。為此，拉布卡於今年 2 月訪問華府，宣揚藍色太平洋區域為"
                    "「和平海洋」的概念。 5")
    used: list[int] = [4]
    mark_references(line, True, {5, 6}, used, Report())
    assert line.text.endswith("「和平海洋」的概念。[^5]") and used == [4, 5]

    fixture = (Path(__file__).parent / "fixtures" / "extracted"
               / "001-06-10.5pt-dense.pdftotext-layout.txt")
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert "「和平海洋」的概念。[^5]拉布卡復於今年 7 月 19 日" in body
    assert "[^5]: Ritika Pratap, “Rabuka to Champion ‘Ocean of Peace’,” FBC News" in body
    assert "免於匱乏與恐懼的自由。[^6]「和平海洋」" in body
    assert "\n\n## 參、趨勢研判\n\n### 美國將在南太平洋取得暫時優勢\n\n" in body


def test_keep_lines_before_glued_urls():
    """end_paragraphs_at_short_lines: a short line that stops mid-sentence is no title
    when the next line opens with ``日，`` glued to a URL too wide for the room left
    (a figure's source line, 12pt, 001-08)."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_paragraphs_at_short_lines

    wrap = Wrap(marks_ends=False, full=74, slack=2, indented=False, first_indent=0)
    line = Line(164, "社》，2025 年 7 月 23")
    following = Line(165, "日，https://www.cna.com.tw/news/aopl/202507230228.aspx。")
    assert not end_paragraphs_at_short_lines(line, following, None, wrap)
    # a title before a paragraph that opens with an ideograph still ends its line
    assert end_paragraphs_at_short_lines(line, Line(165, "日本表明堅定反對俄羅斯侵略戰爭的立場"),
                                         None, wrap)
    raw = (  # pdftotext, 12pt (the page's footnotes between the figure and its source
        # left out; the source line opens the next page)
        " 二、該建設將增加災害發生機率並引起社會不穩定\n"
        "由於興建水電站將會影響當地的生態環境、水資源、遷徙、文化等，甚至引起當地民\n"
        "眾的不滿與抗爭，例如：由於中國計劃在金沙江建造崗托水壩，也就是在四川省甘孜\n"
        "藏族自治州德格縣與江達縣之間的山谷興建崗托大壩和水電站。此建設恐淹沒多個藏\n"
        "人村莊及寺院，包括有 700 年歷史及珍貴佛教壁畫的汪堆寺，並迫使 4,200 多名藏人\n"
        "遷移。2024 年 2 月引起數百名藏人發起抗議行動，並遭受當局的迅速鎮壓。20加上，\n"
        "喜馬拉雅山地區本身受到印度板塊與歐亞板塊的持續碰撞而成為地震頻繁地帶，2025\n"
        "年 1 月西藏自治區日喀則甫發生地震，至少造成 126 人死亡、3,612 戶房屋倒塌以及\n"
        "寺廟也受到不同程度的破壞，以及有 5 座水庫出現裂縫等問題。21\n"
        "可見，地震活動已多次對該地區的水壩造成破壞，因為水壩建設會對生態系統造成不\n"
        "可逆的影響，並加劇斷層活動。水庫的重量可能進一步增加地震頻率，增加災害發生\n"
        "的機率而對當地居民和基礎設施帶來威脅，並破壞區域的豐富生態多樣性。\n"
        "圖、雅魯藏布江水電站位置\n"
        "\f資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂慮〉，《中央\n"
        "社》，2025 年 7 月 23\n"
        "日，https://www.cna.com.tw/news/aopl/202507230228.aspx。\n"
    )
    converted = convert_text(raw, "snippet.txt")
    assert converted.articles[0].body.endswith(
        "\n\n資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂慮〉，《中央社》，2025 年 7 月 23 "
        "日，https://www.cna.com.tw/news/aopl/202507230228.aspx。\n")
    assert "keep_lines_before_glued_urls" in [c.fix for c in converted.reports[0].changes]


def test_a_count_before_its_measure_word_is_no_marker():
    """``戰機、1 架蘇愷 30 戰機``: a number before its measure word (架, 艘, 枚, 輛) counts
    things; it is no footnote marker, so PyMuPDF's marker line ``1`` after ``無人機。`` is
    the marker (PyMuPDF, 003-07 12pt)."""
    raw = (
        "2025 年印巴衝突解決與未來趨勢\n沈明室\n國家安全研究所\n焦點類別：國防戰略、南亞中亞\n"
        "壹、前言\n"
        "果不其然，印度在 5 月 7 日凌晨展開「辛多爾行動」（Operation Sindoor），以火\n"
        "炮及空中戰機對巴基斯坦恐怖分子據點進行精準打擊，巴基斯坦隨後朝印度開火，雙\n"
        "方爆發衝突，10 日突然宣布停火。但在此次空中衝突中，巴基斯坦運用「地面防空系\n"
        "統—預警機—無人機—空中戰機」，整合成為網狀化作戰體系，使得巴基斯坦的空中\n"
        "戰機能夠以弱擊強的方式，根據媒體報導，擊落 3 架印度最先進的法國颶風\n"
        "（Rafale）戰機、1 架蘇愷 30 戰機、1 架米格 29 戰機及 1 架蒼鷺（Heron）無人\n"
        "機。\n"
        "1\n"
        "原本印度認為巴基斯坦的軍力遠遠遜於自己，一直不把巴基斯坦視為急迫性威脅，反\n"
        "而比較顧慮東邊中共在拉達克的邊界威脅，並擔心中共與巴基斯坦同時對印度採取行\n"
        "動，讓印度必須面對兩道防線（two fronts）。但這次印巴空中作戰的結果，讓印度\n"
        "軍方非常難堪，因為莫迪（Narendra Modi）親自監督此次攻擊行動，雖然剛開始宣\n"
        "稱戰果是巴基斯坦的認知戰，接著對外宣稱攻擊恐怖組織據點任務成功，仍難掩印度\n"
        "1 Sophia Saifi, Vedika Sud, Jerome Taylor, Ross Adkin, Rhea Mogul and Helen Rega, “India \n"
        "Strikes Deep inside Pakistan, Pakistan Claims 5 Indian Jets Shot down, in Major Escalation,” \n"
        "CNN, May 7, 2025, https://edition.cnn.com/2025/05/06/asia/india-pakistan-kashmir-conflict-hnk-\n"
        "intl.\n"
        "1\n\f"
        "軍隊在高科技下體系作戰在訓練及能力的弱點。雖然目前印度與巴基斯坦之間已經停\n"
        "火，但是在恐怖組織威脅、喀什米爾主權爭議、中印邊界，衝突可能性仍然存在。雙\n"
        "方也會記取此次教訓，積極準備下一次衝突，升高此區域的軍事風險。\n"
        "2\n\f"
    )
    body = body_of(raw)
    assert "（Rafale）戰機、1 架蘇愷 30 戰機、1 架米格 29 戰機及 1 架蒼鷺（Heron）無人機。[^1]\n\n" \
        "原本印度認為" in body
    assert "仍難掩印度軍隊在高科技下體系作戰" in body
    assert "[^1]: Sophia Saifi, Vedika Sud" in body and "[^2]" not in body


def test_a_date_cut_after_its_number_by_a_line_break_holds_no_marker():
    """mark_references: PyMuPDF drops the space of ``5 月 9``; when the line ends there and
    ``日`` opens the next line, the 9 is the day, not footnote 9 (PyMuPDF, 003-05
    12pt-header, where the article has a footnote 9)."""
    from zhiku.clean.footnotes import mark_references
    from zhiku.clean.layout import Line

    line = Line(9, "俄烏戰爭，1並強調以雙邊新簽訂的友好協定作為海外派兵之正當性。2025 年5 月9")
    used: list[int] = []
    mark_references(line, True, set(range(1, 16)), used, Report(), True,
                    "日，俄國在莫斯科舉行勝利日八十周年紀念閱兵典禮，北韓國務委員長金正恩雖然")
    assert line.text == "俄烏戰爭，[^1]並強調以雙邊新簽訂的友好協定作為海外派兵之正當性。2025 年5 月9"
    assert used == [1]
    footnote_one = Line(9, "在平壤羊角島飯店舉行的紀念活動，2並發表祝賀演說。")
    mark_references(footnote_one, True, set(range(1, 16)), used, Report(), True, "")
    assert footnote_one.text == "在平壤羊角島飯店舉行的紀念活動，[^2]並發表祝賀演說。"


def test_markers_in_a_footnotes_url_or_date_do_not_stop_rejoining():
    """rejoin_lines_split_at_markers counts markers as mark_references finds them: neither
    a URL's parameter (``respublicationcon?uid=2&``) nor a date cut by the line break
    (``2025 年5 月2`` / ``日, https://…``) in a page's footnotes is the next marker, so
    PyMuPDF's ``2中國強調該工程`` is glued back (PyMuPDF, 001-08 12pt-header and 003-05
    10.5pt-dense; the footnotes renumbered from 1)."""
    head = (
        "中國興建雅魯藏布江水電站之分析\n洪銘德\n中共政軍與作戰概念研究所\n"
        "焦點類別：能源安全、非傳統安全\n壹、前言\n"
        "到全球氣候變遷影響的國家之一，中國極力推動能源轉型以利於節能減碳與實現自\n"
        "身的雙碳目標（2030 年前達到「碳達峰」與 2060 年前實現「碳中和」）。\n"
        "1為\n"
        "此，身為世界第二大經濟體，為了滿足自身的用電需求與降低能源依存度（2024 年\n"
        "石油對外依存度 71.4%，天然氣對外依存度 40.4%），中國透過此建設來增加自\n"
        "身的能源安全，因為該工程若完工後將可提供 3,000 億度電，降低對化石燃料的依\n"
        "賴。同時，該工程除了發電考量，更是中國的長遠能源布局，有助於建構「青藏—\n"
        "川滇—中東部」水電輸送大動脈，搭建未來中國綠電網絡基礎架構，有助於改變中\n"
        "國的能源地圖。\n"
    )
    tail = (
        "1\n\f"
        "儘管中國對外宣稱不會影響下游國家的用水，例如 2024 年 12 月 27 日中國外\n"
        "交部發言人毛寧在記者會上提及「此工程已歷經數十年深入研究，……不會對下游\n"
        "產生不利影響。中國將會與下游國家保持溝通並加強防災合作」。\n"
        "2中國強調該工程\n"
        "是採取「截彎取直、隧洞引水」的新型態，通過地下隧道將水流從峽谷一側引至另\n"
        "一側，最大限度減少地表擾動，不會影響下游的用水。\n"
        "2 〈2024 年 12 月 27 日外交部發言人毛寧主持例行記者會〉，《中國外交部》，2024 年 12 月 27\n"
        "日，https://www.mfa.gov.cn/fyrbt_673021/202412/t20241227_11521821.shtml。\n"
        "2\n\f"
    )
    url = (
        "1 洪銘德，〈從兩會看中國的能源轉型政策〉，《國防情勢特刊》，第 39 期，2025 年4 月，頁 \n"
        "18，https://indsr.org.tw/respublicationcon?uid=2&resid=3009&pid=5489。\n"
    )
    date = (
        "1 〈위대한 김정은시대를 빛내이는 위훈의 창조자가 되자!〉, 《로동신문》, 2025 年5 月2\n"
        "日, https://pse.is/7lsm15。\n"
    )
    for note in (url, date):
        body = body_of(head + note + tail)
        assert "加強防災合作」。[^2]中國強調該工程是採取「截彎取直" in body
        assert "\n[^2]: 〈2024 年 12 月 27 日外交部發言人毛寧主持例行記者會〉" in body


def test_the_wrap_is_measured_on_lines_glued_back_at_markers():
    """measure_wrap: PyMuPDF's pieces of a line broken at a marker (``…防災合作」。`` /
    ``13中國強調該工程``) are measured as the printed line they make, so the ragged-right
    slack (2) stays below the first-line indent (4), and ``…非法「資訊科技」`` /
    ``（Information Technology, IT）工作者。…`` stays one paragraph (PyMuPDF, 001-05
    12pt-header: slack 4 before)."""
    from zhiku.clean.layout import _glue_marker_pieces, split_lines

    lines = split_lines(
        "交部發言人毛寧在記者會上提及「此工程已歷經數十年深入研究，……不會對下游\n"
        "產生不利影響。中國將會與下游國家保持溝通並加強防災合作」。\n"
        "13中國強調該工程\n"
        "是採取「截彎取直、隧洞引水」的新型態，通過地下隧道將水流從峽谷一側引至另\n"
        "14\n"
    )
    measured = _glue_marker_pieces(lines)
    assert [line.text for line in measured] == [
        "交部發言人毛寧在記者會上提及「此工程已歷經數十年深入研究，……不會對下游",
        "產生不利影響。中國將會與下游國家保持溝通並加強防災合作」。13中國強調該工程",
        "是採取「截彎取直、隧洞引水」的新型態，通過地下隧道將水流從峽谷一側引至另",
        "14",
    ]
    assert lines[1].text == "產生不利影響。中國將會與下游國家保持溝通並加強防災合作」。"


def test_reclaim_latin_footnote_tails():
    """The Latin rest of a footnote the page broke, between the next page's last body line
    (stopping mid-sentence) and its first footnote, goes back to its footnote (001-07,
    PyMuPDF, 12pt-header, footnotes renumbered)."""
    raw = (
        "例如美國總統川普在 2025 年 7 月 4 日所簽署之《大而美法案》，即給予美國國防部 75 億美元來補助關\n"
        "鍵礦物生產。1\n"
        "1 Aaron McMillan, “Inside DoD and MP Materials’ Critical Minerals Partnership,” \n"
        "Procurement Magazine, July 14, 2025; Tom Moerenhout, “MP Materials Deal Marks a Significant Shift in US \n"
        "2\n\f"
        "美國國防部與 MP Materials 建立公私夥伴關係，投入大規模資金與長期採購\n"
        "協議，不僅降低該公司擴產的財務與市場風險，也使其成為美國稀土供應鏈的國家\n"
        "冠軍企業，但這樣的合作模式仍需擴大推展至其他公司，2才能有效提升整體供應鏈\n"
        "Rare Earths Policy,” Columbia University Center on Global Energy Policy, July 11, 2025, \n"
        "https://reurl.cc/ZNe55Q.\n"
        "2 Spencer Kimball, “Pentagon to Become Largest Shareholder in Rare Earth Miner MP \n"
        "Materials; Shares Surge 50%,” CNBC, July 10, 2025.\n"
        "3\n\f"
        "的韌性，促進產業的創新與多元化，否則若僅有單一企業受政府價格扶持，其他美\n"
        "國稀土業者將落入不對等的競爭環境。\n"
    )
    body = body_of(raw)
    assert "才能有效提升整體供應鏈的韌性，促進產業的創新與多元化" in body
    assert ("Shift in US Rare Earths Policy,” Columbia University Center on Global Energy "
            "Policy, July 11, 2025, https://reurl.cc/ZNe55Q.\n\n[^2]: Spencer Kimball") in body


def test_a_url_left_out_of_a_quoted_footnote_goes_back_to_it():
    """pymupdf4llm set a footnote's URL as a paragraph after the block quote holding the
    rest of the footnote (001-07, 10.5pt-dense)."""
    raw = (
        "## **貳、安全意涵** \n\n"
        "對於 MP Materials 而言，美國政府此時的介入與支持亦至關重要，由於該公司過往曾相當仰賴"
        "中國 收入，大部分礦產均運送至中國加工，中國盛和資源更佔有該公司 8%持股比例而為主要股"
        "東，但在今年稍 早的 2025 年 4 月，MP Materials 因受到中國對美徵收報復性關稅影響致使"
        "其稀土加工成本高漲，遂宣布 停止運送加州所開採的稀土精礦至中國加工，如今則有美國政府"
        "大力協助其資金與產能擴增需求，正盡力 擺脫中國供應鏈的固有影響。6此次美國國防部投入 4"
        " 億美元擁有該公司 15%持股，即可以最大股東身分與 MP Materials 深度合作，可進而掌握稀"
        "土磁鐵的來源、品質與分配，確保其能穩定供應予軍民兩用產品， 美國希望建立從礦源、精煉"
        "分離到磁鐵製造的完整本土供應鏈，逐步減少對中國的結構性依賴，增強自身 的戰略資源籌碼"
        "。7 \n\n"
        "> 6 “MP Materials Stops Sending US Rare Earths to China amid Beijing’s Tariffs,” "
        "Reuters, April 18, 2025, \n\n"
        "https://www.reuters.com/markets/commodities/mp-materials-stops-china-bound-rare-earth-"
        "shipments-over-tariffs-2025-0417/. \n\n"
        "> 7 同註 1。 \n\n"
        "1 \n\n"
        "## **二、美國以最低價格保障穩定稀土市場** \n\n"
        "過往中國除了對外銷之關鍵礦物產品進行出口限制，也會使用使市場傾銷方式，讓礦產價格暴跌"
        "從而 打擊他國競爭對手。美國國防部此次向 MP Materials 所承諾的十年協議，則將確保其釹"
        "鐠氧化物的最低 價格為每公斤 110 美元，遠高於 2025 年 7 月當時之中國釹鐠市價（約每公"
        "斤 52 美元）。 8當 MP Materials 的釹鐠氧化物產品市價低於每公斤 110 美元時，美國國防"
        "部承諾將每季度以現金支付差價，此舉 可補貼美國生產之釹鐠永磁產品，抗衡中國可能採取的"
        "傾銷手段，穩定稀土市場行情並減少價格波動；而 當 MP Materials 產品市價高於每公斤 110 "
        "美元時，美國國防部則可獲取超出部分之30%，與公司共享價 格上漲所帶來的收益。9此外，當"
        "磁鐵製造廠「10X」實現全面量產目標時，預計每年將產生至少 1.4 億美元 的利潤，若利潤超"
        "過 1.4 億美元，美國國防部可先得到 3,000 萬美元之初始超額金額，而當利潤超過 1.7 億 美"
        "元，美國國防部可獲得超額部分50%的收入，與該公司達到雙贏目的。10 \n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "\n\nhttps://" not in body
    assert ("[^6]: “MP Materials Stops Sending US Rare Earths to China amid Beijing’s Tariffs,” "
            "Reuters, April 18, 2025, https://www.reuters.com/markets/commodities/mp-materials-"
            "stops-china-bound-rare-earth-shipments-over-tariffs-2025-04-17/.\n") in body


def test_a_dash_between_ideographs_is_printed_full_width():
    """printed_width: ``——`` between ideographs is set in the CJK font, two full columns;
    counted narrow, the justified line below measured short and ended its paragraph before
    ``「大陸到南太地區來…」`` (pdfminer, 001-06 in a compilation)."""
    from zhiku.clean.layout import printed_width

    line = "建立此種基地；也重申太平洋島國的立場——不選邊站，和各方交好。 1 中國駐斐濟大使館 3 日表示："
    full = "示，斐濟不歡迎中國在太平洋島國興建軍事基地。拉布卡並表示將說服其他太平洋島國，共同反對北京"
    assert printed_width(line) == printed_width(full) == 90
    assert printed_width("Beijing—Washington") < printed_width("北京——華府") + 10


def test_mark_captions_numbered_figure_in_brackets():
    """_mark_captions: a journal's figure caption ``<圖一>…`` (pymupdf4llm, one line per
    paragraph) is a caption and gets the format's ``圖：``; the number is kept as printed."""
    raw = (
        "## **肆.對外維持高度穩定的樞紐地位** \n\n"
        "以近期北韓的核戰略外交在中美之間所出現的地位變化，如<圖一>所示。 \n\n"
        "<圖一>近期北韓在美中戰略三角關係的地位變化 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert body.endswith("\n\n圖：&lt;圖一&gt;近期北韓在美中戰略三角關係的地位變化\n")


def test_caption_set_as_heading():
    """_line_paragraphs / caption_set_as_heading: pymupdf4llm set a table's caption as a
    ``###`` heading (002-01, a5-11pt); it is the caption paragraph, and the table's text
    after it (as after a caption set plainly) is a block of its own."""
    raw = (
        "## **貳、北韓的國家正常化** \n\n"
        + "金正恩從 2016 年的朝鮮勞動黨第七次黨大會開始，便逐漸的減 少金正日時代的黨國元老人數，"
        "當時金正恩發表了「國家經濟發展 5 個年戰略」，初期階段是以「經濟－核武並進路線」為主軸，普遍被 "
        "認為是繼承金正日的先軍思想路線，2018 年南北關係逐漸和緩，經濟 制裁有望獲得解除的時候，"
        "北韓宣布「經濟建設總力集中路線」。 \n\n" * 3
        + "級指導機構，同時也緊握北韓的國防、警察等權利。有關金正恩時代 的國家正常化措施可參考<表二>。 \n\n"
        "### <表二> 北韓近期國家正常化的主要策略 \n\n"
        "領域 作法 意義 黨 增設黨中央監察 黨機器的運作獲 委員會和規律調查 得強化，避免出現單 \n\n"
        "北韓宣布「經濟建設總力集中路線」。 \n\n"
        "<表一> 核武國家可能出現的各種姿態 \n\n"
        "||||擴大報復|非對稱確| \n\n"
    )
    blocks = body_of(raw).split("\n\n")
    assert "&lt;表二&gt; 北韓近期國家正常化的主要策略" in blocks
    assert not any(block.startswith("#") and "表二" in block for block in blocks)
    assert any(block.startswith("領域 作法 意義") for block in blocks)
    assert "&lt;表一&gt; 核武國家可能出現的各種姿態" in blocks
    assert "```text\n||||擴大報復|非對稱確|\n```\n" in blocks  # keep_markdown_table


def test_start_headings_after_short_lines():
    """_wrapped_paragraphs: pdftotext prints a journal's English title block without blank
    lines between its pieces; ``abstract`` after the byline (a short line without a sentence
    mark) is a heading of its own, not the byline's last word."""
    raw = (
        "摘要\n"
        "2021 年底，金正恩執政即將滿 10 週年，在這樣的特殊日子之下，韓半島歷經了核武\n"
        "危機、韓朝美三方的高峰會，以及朝核問題等，韓半島的安保問題始終牽動著東亞地\n"
        "研究提供不同的觀點，讓將來的東亞區域研究更具多樣的解析路徑。\n"
        "\n"
        "關鍵詞：金正恩、朝鮮勞動黨、北韓、韓半島\n"
        "\n"
        "The influence and Prospects of the 10th cycle of\n"
        "Kim Jong Un's reign: Focus on recent nuclear\n"
        "strategy\n"
        "Lin Chih Hao\n"
        "\n"
        "abstract\n"
        "In the end of 2021 is the 10th anniversary of Kim Jong-un's reign, the Korean\n"
        "Peninsula has experienced the nuclear crisis, the summit between South\n"
        "Korea, North Korea and the United States which focus on North Korean\n"
        "nuclear issue, Security issues of Korean Peninsula and East Asia.\n"
        "During this period, North Korea not only restored pollical system to make\n"
        "sure military force is under control by Workers' Party of Korea but establish\n"
        "the Rocket Strategic Army which can launch nuclear missile in North Korea.\n"
    )
    body = body_of(raw)
    assert "\n\n## abstract\n\nIn the end of 2021 is the 10th anniversary" in body


def test_title_lines_set_as_headings_by_pymupdf4llm():
    """_metadata_from_blocks: pymupdf4llm sets the large-font title lines as Markdown
    headings (also the last line of the English title). Unnumbered heading lines above the
    first numbered section are the title; the English title's two pieces are joined."""
    raw = (
        '## **摘要** \n'
        '\n'
        '2021 年底，金正恩執政即將滿 10 週年，在這樣的特殊日子之下，韓半島歷經了核武 危機、韓朝美三方的高峰會，以及朝核問題 等，韓半島的安保問題始終牽動著東亞地 區的結構與板塊變化，尤其是北韓的部分，該國的國內狀況和政情需要更多的觀察與 研究，因此本文試著是核戰略作為切入的觀點，簡析金正恩近期的核戰略所象徵的意 義，並且針對周邊地區可能產生的影響進行相關的簡述。北韓在這段期間之內，不僅 恢復了黨總書記的制度，火箭戰略軍的新軍種更是前所未見的出現在北韓的軍事序列 當中，本文希冀可以透過北韓的核戰略發展分析，對於台灣的北韓學研究和區域和平 研究提供不同的觀點，讓將來的東亞區域研究更具多樣的解析路徑。 \n'
        '\n'
        '關鍵詞：金正恩、朝鮮勞動黨、北韓、韓半島 \n'
        '\n'
        "**The influence and Prospects of the 10th cycle of Kim Jong Un's reign: Focus on recent nuclear** \n"
        '\n'
        '# **strategy** \n'
        '\n'
        'Lin Chih Hao \n'
        '\n'
        '## **abstract** \n'
        '\n'
        "In the end of 2021 is the 10th anniversary of Kim Jong-un's reign, the Korean Peninsula has experienced the nuclear crisis, the summit between South Korea, North Korea and the United States which focus on North Korean nuclear issue, Security issues of Korean Peninsula and East Asia. \n"
        '\n'
        "During this period, North Korea not only restored pollical system to make sure military force is under control by Workers' Party of Korea but establish the Rocket Strategic Army which can launch nuclear missile in North Korea. And this political system has never been seen before in Kim Jung il and Kim \n"
        '\n'
        "Il Sung era. This article hopes that through North Korea’s nuclear strategic development analysis, Taiwan's North Korean studies and regional peace studies provide different perspectives, allowing future East Asian regional studies to have more diverse analytical paths. \n"
        '\n'
        "Keywords: Kim Jun Un, Workers' Party of Korea, North Korea, DPRK, Korean peninsula \n"
        '\n'
        '# **金正恩政權 10 週年的政策評析與影響：** \n'
        '\n'
        '# **以近期核戰略變化為中心** \n'
        '\n'
        '## **壹.緒論** \n'
        '\n'
        '2011 年 12 月 19 日，北韓前領導人金正日突然死亡之後，金正恩隨即在 12 月 30 日正 式接任朝鮮人民軍最高司令官，並在最短的時間之內，依序接掌黨第一書記、國防委 員會第一副委員長等主要職位，並且歷經了第七次和第八次黨大會，第 13~14 期最高 人民會議，先後進行了數次憲法改正和黨綱修訂，在這期間，共發動了 5 次核試驗， 成功發展出陸基和潛射彈道飛彈，甚至近期更開始加強和完善傳統武器裝備。最後， 北韓在 2021 年的朝鮮勞動黨第八次黨大會，正式推舉金正恩為朝鮮勞動黨總書記， 此時正逢金正恩執政的第十個年度，猶如對外宣示北韓轉型為一般社會主義國家體 系，也可看作是金正恩時期的權力結構改編完成的象徵，看似成功渡過了金正日遺訓 準備時期，完成軍事大國的建設。 \n'
        '\n'
    )
    article = convert_text(raw, "snippet.md").articles[0]
    assert article.keywords == ["金正恩", "朝鮮勞動黨", "北韓", "韓半島"]
    assert article.title == "金正恩政權 10 週年的政策評析與影響"
    assert article.subtitle == "以近期核戰略變化為中心"
    assert article.title_en == ("The influence and Prospects of the 10th cycle of Kim Jong "
                                "Un's reign: Focus on recent nuclear strategy")
    assert article.authors_en == ["Lin Chih Hao"]
    assert "## 壹.緒論" in article.body and "strategy" not in article.body
    assert "政策評析" not in article.body


def test_quoted_footnote_page_number_after_comma_continues():
    """_continues_quoted_footnote: pymupdf4llm wrapped footnote 10 before its page number,
    so ``> 18，https://…`` opens a quoted line; a number that a comma follows goes on with
    the footnote before and is no footnote 18 (the footnotes after it stay footnotes)."""
    raw = (
        '洪銘德 \n'
        '\n'
        '# **中國興建雅魯藏布江水電站之分析** \n'
        '\n'
        '中共政軍與作戰概念研究所 \n'
        '\n'
        '焦點類別：能源安全、非傳統安全 \n'
        '\n'
        '## **壹、前言** \n'
        '\n'
        '2025 年 7 月 19 日國務院總理李強出席雅魯藏布江下游水電工程開工儀式，並宣布該工程正式開工 （工程所在位置請見附圖）。1該工程位於西藏自治區林芝市，採取「截彎取直、隧洞引水」的開發方式， 建設 5 座梯級電站，總投資金額約 1.2 兆人民幣（約 4.8 兆新台幣），電力主要以外送消納為主，2兼顧西 藏本地的用電需求。該建設早就列在 2021 年的十四五規劃中的大型清潔能源基地項目之中，3並於 2024 年 12 月獲得官方批准。4 \n'
        '\n'
        '根據 2020 年的估計，該工程年發電量達 3,000 億度，是三峽大壩的 3 倍，投資額約為三峽大壩的 4.7 倍。本文旨在分析中國興建此水電站之相關安全意涵以及未來的可能趨勢發展。 \n'
        '\n'
        '## **貳、安全意涵** \n'
        '\n'
        '## **一、該建設有助於中國的經濟發展** \n'
        '\n'
        '中國欲透過該建設以促進自身的經濟發展，因為在房地產投資低迷、經濟趨緩的背景下，推動水利工 程成為中國拉動機械、鋼鐵等產業需求的重要關鍵，5例如平陸運河、荊漢運河、湘桂運河以及浙贛粵運河 等，中國透過基礎設施投資來刺激自身經濟。 \n'
        '\n'
        '自從 2022 年中國水利建設投資首次突破兆元規模，達到 1.09 兆人民幣，2023 年 1.2 兆，2024 則更增 加至 1.35 兆人民幣。6同時，該建設將可為中國西部經濟做出重大貢獻，因為西藏一直以來就是最貧困的地 區之一，每年將可為西藏貢獻 200 億元以上的財政收入，占其全年財政收入的三分之一；另該建設也能夠 提供大量的就業機會，預估可提供超過 30 萬人的就業機會，將西藏的 GDP 從 1.5%提升至 2%。7此外，該 建設亦可以發揮帶動經濟作用，因為必須搭配相對應的公路與電網等基礎設施，將可帶動如設備採購、基 建施工、輸電系統等上下游產業鏈之產值，促進經濟發展。 8總之，該項工程既能推動中國的清潔能源發 展，利於自身綠色低碳發展；又可充分發揮外溢效應，帶動電力設備、水泥、建築等多個產業的成長；創 造就業機會，有利於中國的經濟發展。9 \n'
        '\n'
        '## **二、該建設有助於強化中國的能源安全** \n'
        '\n'
        '關於能源安全，為有助於因應極端氣候事件所帶來的損害，又中國為最容易受到全球氣候變遷影響的 國家之一，中國極力推動能源轉型以利於節能減碳與實現自身的雙碳目標（2030 年前達到「碳達峰」與 2060 年前實現「碳中和」）。10為此，身為世界第二大經濟體，為了滿足自身的用電需求與降低能源依存 \n'
        '\n'
        '> 1 〈李強出席雅魯藏布江下游水電工程開工儀式並宣布工程開工〉，《中國政府網》，2025 年 7 月19 \n'
        '\n'
        '> 日，https://www.gov.cn/yaowen/liebiao/202507/content_7032776.htm。 \n'
        '\n'
        '> 2 消納是指消化、吸納，因為不論是水電、火電、核電以及風電等發電後送上網，電無法儲存而不利用就是浪費，故要將多餘的電調度至有需 求的地方，這個過程就是所謂的消納。 \n'
        '\n'
        '> 3 〈中華人民共和國國民經濟和社會發展第十四個五年規劃和 2035 年遠景目標綱要〉，《中國政府網》，2021 年 3 月 13 \n'
        '\n'
        '> 日，https://www.gov.cn/xinwen/2021-03/13/content_5592681.htm。 \n'
        '\n'
        '> 4 〈雅魯藏布江下游水電工程已獲核准〉，《人民網》， 2024 年 12 月 26 \n'
        '\n'
        '> 日，https://paper.people.com.cn/rmrb/pc/content/202412/26/content_30048273.html。 \n'
        '\n'
        '> 5 〈雅魯藏布江水電計劃釋「托底信號」 中國開啟新一輪水利大基建？〉，《香港 01》，2025 年 7 月 24 日，https://reurl.cc/x36N5e。 \n'
        '\n'
        '> 6 同前註。 \n'
        '\n'
        '> 7 趙觀祺，〈雅魯藏布江水電站超越三峽 揭開 1.2 萬億「世紀工程」的戰略意圖〉，《香港 01》，2025 年 7 月 25 日，https://reurl.cc/Nxyx7q。 \n'
        '\n'
        '> 8 同前註。 \n'
        '\n'
        '> 9 李民斌，〈經濟增長超預期 應對策略初見效〉，《香港 01》，2025 年 7 月 31 日，https://reurl.cc/lY7nmq。 \n'
        '\n'
        '> 10 洪銘德，〈從兩會看中國的能源轉型政策〉，《國防情勢特刊》，第 39 期，2025 年4 月，頁 \n'
        '\n'
        '> 18，https://indsr.org.tw/respublicationcon?uid=13&resid=3009&pid=5489。 \n'
        '\n'
        '1 \n'
        '\n'
        '度（2024 年石油對外依存度 71.4%，天然氣對外依存度 40.4%），11中國透過此建設來增加自身的能源安 全，因為該工程若完工後將可提供 3,000 億度電，降低對化石燃料的依賴。同時，該工程除了發電考量， 更是中國的長遠能源布局，有助於建構「青藏—川滇—中東部」水電輸送大動脈，搭建未來中國綠電網絡基 礎架構，有助於改變中國的能源地圖。12 \n'
        '\n'
        '> 11 同註 9。 \n'
        '\n'
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert ("[^10]: 洪銘德，〈從兩會看中國的能源轉型政策〉，《國防情勢特刊》，第 39 期，2025 年4 月，頁 18，"
            "https://indsr.org.tw/respublicationcon?uid=13&resid=3009&pid=5489。") in body
    assert "[^11]: 同註 9。" in body and "[^18]" not in body


def test_a_wide_gap_in_letter_spaced_text_stays_one_space():
    """remove_cjk_spaces: in a justified footnote line pdftotext spaced letter by letter, the
    double gap is the headline's own space (001-03 fn 5)."""
    line = "全 會  石 破 重 申 有 意 繼 續 任 職 〉，《 共 同 通 信 社 》"
    assert remove_cjk_spaces(line) == "全會 石破重申有意繼續任職〉，《共同通信社》"
    assert remove_cjk_spaces("國  防  安  全  研  究  院") == "國防安全研究院"


def test_a_stretched_line_inside_a_joined_paragraph_loses_its_letter_spacing():
    """remove_cjk_spaces (pymupdf4llm, 001-05 in b5-facing): a justified line stretched
    glyph by glyph, inside a paragraph pymupdf4llm gave as one line. Too few of the
    paragraph's ideographs are set apart for the whole to count as letter-spaced; the run
    of eight or more does. An author's single space elsewhere stays."""
    paragraph = ("北韓的網路行動也越來越傾向於鎖定高價值目標，這亦表明行動複雜性和效率正不斷提高。"
                 "，北 韓 國 家 資 助 的 網 路 犯 罪 團 體 眾 多 包 含 Kimsuky、Scarcruft、"
                 "BlueNoroff、Andariel 等，尤其是聲名狼藉的「拉撒路集團」，差距懸殊 透露訊息")
    report = Report()
    assert remove_cjk_spaces(paragraph, report) == (
        "北韓的網路行動也越來越傾向於鎖定高價值目標，這亦表明行動複雜性和效率正不斷提高。"
        "，北韓國家資助的網路犯罪團體眾多包含 Kimsuky、Scarcruft、"
        "BlueNoroff、Andariel 等，尤其是聲名狼藉的「拉撒路集團」，差距懸殊 透露訊息")
    assert [(c.before, c.after) for c in report.changes] == [
        ("北 韓 國 家 資 助 的 網 路 犯 罪 團 體 眾 多 包 含", "北韓國家資助的網路犯罪團體眾多包含")]
    short_run = paragraph[:42] + "黨 政 軍 經 社 文"  # six in a paragraph: left to the author
    assert remove_cjk_spaces(short_run) == short_run



#: a long real paragraph (001-06, pymupdf4llm 10.5pt-dense), so that a snippet reads as one
#: line per paragraph
_PARAGRAPH = (
    "拉布卡的言論其實是為了「和平海洋」（Ocean of Peace）這個尋求南太平洋非軍事化、區域一致性 與自決的"
    "概念暖身。斐濟在 2023 年便提出該概念，經過兩年的發酵，極有可能在第 54 屆「太平洋島國論 壇」"
    "（Pacific Islands Forum）於今年 9 月在索羅門群島（Solomon Islands）召開時，由論壇會員國簽 署實現"
    "該概念的宣言。 \n\n")

def test_split_run_on_plain_footnotes():
    """pymupdf4llm set footnotes 5 and 6 on one plain (unquoted) paragraph (001-05,
    10.5pt-dense, renumbered 1 and 2): they are split as on a quoted line, so footnote 3
    after them is a footnote too, not body text. (The snippet is too short to measure the
    printed line, so its line-end spaces between ideographs are left out.)"""
    raw = (
        "## **一、大規模金融竊盜與衝擊** \n\n" + _PARAGRAPH * 3 +
        "2025 年上半年，從加密貨幣服務中被竊取的資金已超過 21.7 億美元，1其中北韓於 2025 年 2 月對"
        " ByBit 交易所發動的 15 億美元攻擊，是加密貨幣史上最大規模的單一竊盜案。而在 2024 年，北韓駭客"
        "透過四十七起獨立事件竊取了13.4 億美元，比 2023 年的 6.605 億美元驚人地增加了 103%，2 2025 "
        "年被竊資金的累積僅用 142 天就達到 2022 年 214 天的速度。 \n\n"
        "北韓的網路行動也越來越傾向於鎖定高價值目標，這亦表明行動複雜性和效率正不斷提高。此外，個 人錢包"
        "被盜的比例在總生態系中佔據較大份額，在 2025 年迄今為止的所有被竊資金活動中佔23.35%。3此 趨勢"
        "一方面反應市場活絡。 \n\n"
        "北韓國家資助的網路犯罪團體眾多，是當前全球網路數位金融威脅的核心。該組織對ByBit \n\n"
        "1 Coin World, “Crypto Industry Loses $2.1 Billion to Cyber Attacks in 2025,” AInvest, "
        "Jun 27, 2025, https://shorturl.at/nhd7m. 2 Omar El Chmouri, “North Korean Hackers Stole "
        "$1.3 Billion in Crypto in 2024,” Bloomberg, December 19, 2024, https://tinyurl.com/2s9f46sf. \n\n"
        "3 Linas Kmieliauskas, “Personal Crypto Wallet and Physical Attacks on the Rise as Market "
        "Rallies,” Cybernews, July 18, 2025, https://shorturl.at/91Zo3. \n\n"
        "1 \n\n"
        "交易所發動的攻擊，不僅是史上最大規模竊案，更展示其資金洗錢速度和規模的增長。 \n\n"
    )
    body = body_of(raw)
    assert "驚人地增加了 103%，[^2] 2025 年被竊資金" in body
    assert "該組織對ByBit 交易所發動的攻擊，不僅是史上最大規模竊案" in body
    assert body.endswith(
        "[^1]: Coin World, “Crypto Industry Loses $2.1 Billion to Cyber Attacks in 2025,” AInvest, "
        "Jun 27, 2025, https://shorturl.at/nhd7m.\n\n"
        "[^2]: Omar El Chmouri, “North Korean Hackers Stole $1.3 Billion in Crypto in 2024,” "
        "Bloomberg, December 19, 2024, https://tinyurl.com/2s9f46sf.\n\n"
        "[^3]: Linas Kmieliauskas, “Personal Crypto Wallet and Physical Attacks on the Rise as "
        "Market Rallies,” Cybernews, July 18, 2025, https://shorturl.at/91Zo3.\n")


def test_plain_footnote_takes_back_its_url_tail():
    """_plain_footnote_tail: a plain footnote broken inside its date goes on in the next
    paragraph, ``日，https://…`` (001-05, 10.5pt-dense, footnote 20 renumbered 1); the body
    paragraph the page broke goes on after the page number instead."""
    raw = (
        "## **二、俄朝全面性深化合作** \n\n" + _PARAGRAPH * 3 +
        "德國聯邦憲法保護局與韓國國家情報院等，進一步證 實其直接利用軍事技術竊取來現代化和改進常規武器"
        "性能，並開發新的，包括彈道飛彈、偵察衛星和潛艦 等戰略武器系統。 1在大規模網攻及其他支援下，"
        "北韓資金與技術雙重快速進展。 \n\n"
        "而深陷戰爭泥淖的俄羅斯，在雙邊「全面戰略夥伴關係條約」後從北韓獲得大量戰鬥勞動力補充，"
        "及無視安理會各項制裁，包含向北韓運送石油及將凍結資金交付平壤 \n\n"
        "1 신진우、신규진，《北 , 국내 ‘콜드론치’ 기술 탈취해 SLBM 개발 단축》，동아일보，2024 年 02 月 27 \n\n"
        "日，https://shorturl.at/XTqp2；박은주，《2024 년 세계 정치의 해, 북한발 사이버 위협 고조》，"
        "보안뉴스，2023 年 12 月 27 日，https://shorturl.at/KNUaL。 \n\n"
        "3 \n\n"
        "等。此外，俄國的網路空間與駭客，更為北韓的竊密與網路攻擊行動提供良好運作基地。 \n\n"
    )
    body = body_of(raw)
    assert "包含向北韓運送石油及將凍結資金交付平壤等。此外，俄國的網路空間" in body
    assert body.endswith(
        "[^1]: 신진우、신규진，《北 , 국내 ‘콜드론치’ 기술 탈취해 SLBM 개발 단축》，동아일보，"
        "2024 年 02 月 27 日，https://shorturl.at/XTqp2；박은주，《2024 년 세계 정치의 해, 북한발 "
        "사이버 위협 고조》，보안뉴스，2023 年 12 月 27 日，https://shorturl.at/KNUaL。\n")


def test_quoted_footnote_goes_on_at_a_latin_day():
    """_continues_quoted_footnote: ``> 2, 2025, https://…`` after ``…Reuters, July`` is the
    rest of footnote 1 (a day a comma follows), not footnote 2 (001-06, 10.5pt-dense)."""
    raw = (
        "## **壹、前言** \n\n" + _PARAGRAPH * 3 +
        "斐濟總理拉布卡（Sitiveni Rabuka）表示不歡迎中國在太平洋島國興建軍事基地。1中國駐斐濟大使館"
        "隨即回應，中國無意在南太平洋建立軍事基地。2 \n\n"
        "> 1 Kirsty Needham, “Fiji Says China Military Base Not Welcome as Pacific Islands Steer "
        "Between Superpowers,” Reuters, July \n\n"
        "> 2, 2025, https://reurl.cc/nY63Gn. \n\n"
        "> 2 陳政錄，〈回應斐濟反彈 陸使館：無意在南太平洋建軍事基地〉，《聯合新聞網》，2025 年 7 月4 \n\n"
        "> 日，https://udn.com/news/story/7332/8849890?from=udn-relatednews_ch2。 \n\n"
    )
    body = body_of(raw)
    assert body.endswith(
        "[^1]: Kirsty Needham, “Fiji Says China Military Base Not Welcome as Pacific Islands Steer "
        "Between Superpowers,” Reuters, July 2, 2025, https://reurl.cc/nY63Gn.\n\n"
        "[^2]: 陳政錄，〈回應斐濟反彈 陸使館：無意在南太平洋建軍事基地〉，《聯合新聞網》，"
        "2025 年 7 月4 日，https://udn.com/news/story/7332/8849890?from=udn-relatednews_ch2。\n")


def test_unnumbered_markdown_subheading_under_a_numbered_heading():
    """nest_unnumbered_subheadings: pymupdf4llm set every heading of the 10.5pt-dense layout
    as ``##``; the unnumbered one right under ``參、`` is its subheading (001-06)."""
    raw = (
        "## **參、趨勢研判** \n\n"
        "## **美國將在南太平洋取得暫時優勢** \n\n"
        "中國在 2022 年與索羅門群島（Solomon Islands）簽署《安全協議》，允許中國官方船舶在預先得到 "
        "索國同意的情況下靠泊該國港口。 \n\n" + _PARAGRAPH * 3
    )
    assert body_of(raw).startswith("## 參、趨勢研判\n\n### 美國將在南太平洋取得暫時優勢\n\n中國在")


def test_source_line_after_a_caption_opens_a_paragraph():
    """opens_with_source_label: a figure's caption, the page's footnotes, then its source
    line (001-08, pymupdf4llm 12pt): caption and source stay two paragraphs; the source
    line's own rest after a blank line is still joined. (Line-end spaces between ideographs
    left out: the snippet is too short to measure the printed line.)"""
    raw = (
        "## **二、該建設將增加災害發生機率並引起社會不穩定** \n\n" + _PARAGRAPH * 3 +
        "可見，地震活動已多次對該地區的水壩造成破壞，因為水壩建設會對生態系統造成不 可逆的影響，"
        "並加劇斷層活動。1 \n\n"
        "圖、雅魯藏布江水電站位置 \n\n"
        "> 1 同前註。 \n\n"
        "資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂慮〉，《中央社》，2025 年 7 月 23 \n\n"
        "日，https://www.cna.com.tw/news/aopl/202507230228.aspx。 \n\n"
    )
    body = body_of(raw)
    assert ("並加劇斷層活動。[^1]\n\n圖、雅魯藏布江水電站位置\n\n"
            "資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂慮〉，《中央社》，2025 年 7 月 23 "
            "日，https://www.cna.com.tw/news/aopl/202507230228.aspx。\n\n[^1]: 同前註。\n") in body


def test_paragraph_goes_on_at_an_unindented_page_top():
    """continues_at_page_top: a paragraph that ends a sentence at the very end of a page's
    last line goes on at the next page's top, whose first line is full (not indented by
    the two characters that open each paragraph) (003-03, pymupdf4llm 10.5pt-dense)."""
    from pathlib import Path

    raw = (Path(__file__).parent / "fixtures" / "snippets"
           / "003-03-10.5pt-dense.pymupdf4llm.txt").read_text(encoding="utf-8")
    assert "藉此合理化自身的安全行動。 \n\n> 1 〈有關部門" in raw
    assert "\n\n1 \n\n中共在白皮書中所描繪的和平願景" in raw
    body = body_of(raw)
    assert "藉此合理化自身的安全行動。中共在白皮書中所描繪的和平願景，實則是一套包裝過的話語策略" in body
    # paragraphs whose first line is indented still open where they did
    assert "閱讀處。\n\n" not in body
    assert "世界和平。\n\n然而，在強調和平願景的同時" in body


def test_split_joined_paragraphs():
    """pymupdf4llm set two paragraphs on one line (001-03 in the compilation, full line 90,
    indent 4): the printed line ending ``。9`` is 85 wide with room for ``現``, and the next
    is 86, short by the indent."""
    from zhiku.clean.layout import Line, split_joined_paragraphs

    line = Line(1, "自民黨內權力鬥爭暗雲密佈已如前述，然值得注意的是，自民黨內部可能挑戰石破茂領導的政治人 "
                   "物，大多屬於友台派，且近年有訪台經驗。例如，高市早苗曾於今年 4 月下旬率團來台訪問，"
                   "期間並專 程赴高雄向安倍晉三銅像獻花致敬。6前述參與「逼宮石破茂」的自民黨青年局局長"
                   "中曾根康隆，亦於同 期間訪台。7另外，前述欲問鼎自民黨總裁卻又「似挺石破茂」的日本前"
                   "經濟安全保障大臣小林鷹之，也 在今年 6 月下旬來台訪問。8而日本前首相小泉純一郎之子"
                   "小泉進次郎，在去年 9 月競選自民黨總裁，被 問及「是否曾訪問中國」時，答稱「到過台灣"
                   "但未曾訪中」，顯然刻意提及渠之「台灣經驗」。9 現階段欲問鼎自民黨總裁之日本政治人物"
                   "當中，少見有被歸類為「友中派」者。而從上述幾位日本 政治人物對台態度及有關表態看來，"
                   "即使石破茂去留一事可能激起千層雪，但自民黨對台友好的路線應 不至於動搖。")
    pieces = split_joined_paragraphs(line, 90, 4, Report())
    assert [piece.text[-12:] for piece in pieces] == ["提及渠之「台灣經驗」。9", "好的路線應 不至於動搖。"]
    assert pieces[1].text.startswith("現階段欲問鼎自民黨總裁")


def test_split_joined_paragraphs_after_a_full_line_where_the_next_is_indented():
    """_opens_indented (001-04, pymupdf4llm 10.5pt-dense, full line 92, indent 4): the line
    ending ``頻道。5`` is full, but the next, ``1962 年，…針對海外``, is 3 short and ends inside
    a sentence, and ``的`` opening the line after it would have fitted: it is indented. In
    004-01 ``…人民共和國的立`` is 4 short before ``場。`` (4 wide): that line goes on."""
    from zhiku.clean.layout import Line, split_joined_paragraphs

    line = Line(1, "1961 年，國營對外廣播業務單位改組為「漢城國際廣播電台」 3，當時主要內容是批判北韓政權，"
                   "維護 國際形象。過去南北韓之間曾有過相當激烈的體系競爭，且在北韓較為領先的情況下，"
                   "韓國透過這樣的廣 播方式提升國際能見度。4除此之外，當時韓國也曾允許部分民間和宗教團體"
                   "設置類似性質的廣播頻道。5 1962 年，朴正熙政府時期，國營對外廣播業務被分為「對外」與"
                   "「對共」兩大部分，前者為針對海外 的多語言國際廣播，後者則是專門針對北韓的特殊廣播，"
                   "6韓國國防部也在同年成立對北廣播電台「自由之 聲」（Voice Of Freedom），")
    pieces = split_joined_paragraphs(line, 92, 4, Report())
    assert [piece.text[-10:] for piece in pieces] == ["似性質的廣播頻道。5", " Freedom），"]
    assert pieces[1].text.startswith("1962 年，朴正熙政府時期")
    line = Line(1, "但在 2022 年 2 月俄國入侵烏克蘭之後，韓國強烈譴責俄方行為違反《聯合國憲章》，宣布參與"
                   "美歐主 導的對俄制裁，而於同年 3 月 7 日被俄羅斯列入「不友好國家」名單。2022 年 7 月，"
                   "烏克蘭宣布與北韓斷 交並撤銷對其承認，使烏克蘭成為繼愛沙尼亞之後第二個承認大韓民國為"
                   "唯一合法政府的前蘇聯加盟國。 韓國政府也同時表達尊重烏克蘭的領土主權，不承認頓涅茨克"
                   "人民共和國和盧甘斯克人民共和國的立 場。2023 年 4 月，尹")
    assert len(split_joined_paragraphs(line, 92, 4, Report())) == 1


def test_split_joined_paragraphs_at_a_short_last_line():
    """_last_line_inside: in ragged-right text without indent (001-05, pymupdf4llm 12pt, full
    line 74) the rest after the last line end found is 93 wide: the paragraph's last line
    ``務商…個人用戶。`` (58) and the next paragraph's first line, which goes on in the next
    source line."""
    from zhiku.clean.layout import Line, split_joined_paragraphs

    line = Line(1, "北韓的網路行動也越來越傾向於鎖定高價值目標，這亦表明行動複雜性和效率正不斷 提高。此外，"
                   "個人錢包被盜的比例在總生態系中佔據較大份額，在 2025 年迄今為止 的所有被竊資金活動中佔"
                   "23.35%。7此趨勢一方面反應市場活絡，二方面反映主要服 務商安全機制的改善，迫使攻擊者轉向"
                   "更容易攻擊的個人用戶。 北韓國家資助的網路犯罪團體眾多，包含")
    pieces = split_joined_paragraphs(line, 74, 0, Report())
    assert [piece.text[-10:] for piece in pieces] == ["容易攻擊的個人用戶。", "路犯罪團體眾多，包含"]
    assert pieces[1].text == "北韓國家資助的網路犯罪團體眾多，包含"


def test_spaces_pymupdf4llm_left_in_short_lines_headings_and_footnotes_are_removed():
    """remove_joined_wrap_spaces: the printed line ends pymupdf4llm joined with a space are found
    also in a paragraph of two printed lines cut by a page (000-01), in a heading (000-01),
    where it joined two paragraphs (002-01), and in footnotes, whose smaller font's width
    comes from a few footnotes (measure_notes_wrap), quoted or written as plain paragraphs
    (001-04, 12pt). An author's spaces in a footnote (001-01) stay."""
    from zhiku.clean.layout import (
        Line,
        _body_line,
        _note_line,
        measure_joined_widths,
        remove_joined_wrap_spaces,
    )

    paragraph = JOINED_001_01 + "深入，話題更為廣泛。"
    texts = [paragraph] * 4 + [
        ("兩岸現況之瞭解、提高我國國際能見度之成效，希冀成為我國和韓國相互瞭解與互動 之重要管道，"
        "亦是本次參與智庫研究主要目的。"),
        "## 一、國防科技規劃政策建議方面，加強第四次工業革命應用於軍事科技之深化 研究：",
        ("韓宣告完成四次和核試驗，且彈道飛彈技術獲得一定成果之後，北韓首先以改善南北 關係，"
        "參加平昌奧運，開始轉為親善外交路線，朝中關係更因為原有的地緣關係以及 深厚的歷史背景，"
        "雙邊關係得以迅速獲得恢復。 2018 年開始，北韓雖試圖以高峰會談和親善外交路線來突破國際"
        "制裁的封鎖，但是在 親善外交路線功敗垂成之下，在歷經短期的「羅曼蒂克型三角關係」之後，"
        "北韓為了 能夠突破高強度的國際制裁和經濟封鎖。"),
        ("8 除此之外，部分前線GOP 據點也設有小型播音站，除了播放心戰節目之外，也會針對北韓的挑釁"
        "行為或實 施警告射擊之前，進行警告廣播。〈[이색취재] 총보다 마이크, 대북심리전 요원 "
        "‘대면병(對面兵)’의 세 계〉，《중앙일보》，2026 年月23 日，"
        "https://www.joongang.co.kr/article/19463699。"),
        ("> 17 在此之前，北韓境內至少曾經出現過2 個對南統戰廣播電台，包含FM、AM、SW 等合計14 個"
        "廣播頻道 和1 個電視頻道。現在僅剩的北韓對外電視、廣播頻道主要是以宣傳政治體系和治績為主，"
        "已無實質的心戰 效果。"),
        ("> 18 由於北韓目前正在盡其所能的提供俄羅斯軍隊在前線所需的武器彈藥，這極有可能也影響到了"
        "北韓目前的 彈藥儲備量，或許也導致北韓最近的火炮實彈訓練次數與規模有明顯改變。"),
        ("> 20 韓國政府實際上沒有公布國情院中止對北廣播的具體時間，大部分是韓國媒體根據北韓停止干擾"
        "電波的時 間點、不具名的政府人士和民間對北廣播業者等相關資訊整合而成。"),
        "> 1 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1",
    ]
    lines = [Line(n, text) for n, text in enumerate(texts, 1)]
    body, notes = measure_joined_widths(lines)
    assert (body, notes) == (74, 95)  # footnotes in a smaller font: wider lines
    lines = remove_joined_wrap_spaces(lines, body, Report(), _body_line, notes)
    lines = remove_joined_wrap_spaces(lines, notes, Report(), _note_line)
    out = [line.text for line in lines]
    assert "相互瞭解與互動之重要管道" in out[4]
    assert out[5] == "## 一、國防科技規劃政策建議方面，加強第四次工業革命應用於軍事科技之深化研究："
    assert "獲得恢復。 2018 年開始" in out[6]  # a paragraph's end: not a line end to remove
    assert "但是在親善外交路線" in out[6] and "北韓為了能夠突破" in out[6]
    assert "挑釁行為或實施警告射擊" in out[7]
    assert "頻道和1" in out[8] and "心戰效果" in out[8]
    assert "北韓目前的彈藥儲備量" in out[9] and "干擾電波的時間點" in out[10]
    assert out[11] == texts[11]  # the author's spaces in a quoted headline stay


def test_joined_line_ends_at_a_page_end_and_after_a_quote_mark():
    """remove_joined_wrap_spaces: a paragraph that stops mid-sentence (it goes on on the next
    page) ends with a full line, which places the line end at ``等 非`` rather than at the
    author's ``Log4j 等`` (001-x8 compilation, 90 wide); a footnote's ``> `` is not printed,
    so its first line is not measured too wide (003-05, 10.5pt-dense, footnotes 122 wide)."""
    from zhiku.clean.layout import Line, _note_line, remove_joined_wrap_spaces

    line = Line(1, "北韓駭客偽裝受雇者取得遠端工作機會，隨後在目標公司以合法雇用名義，利用 Apache "
                   "Log4j 等 非同步日誌軟體，或其他遠端軟體中已知的漏洞獲得初始存取權限，進一步部署 "
                   "Web Shell 並取得敏感")
    printed = line.text
    remove_joined_wrap_spaces([line], 90, Report())
    assert "利用 Apache Log4j 等非同步日誌軟體" in line.text
    assert line.printed == printed  # kept: a table's cells are read as printed

    note = Line(2, "> 15 機體應為 IL-76 運輸機，整體設計規畫可能參考俄國 A-50 預警機，實際用途仍待商榷，"
                   "由於北韓目前沒有軍事衛星，武器系統資料鏈可能 也尚未完備，在加上油料與後勤維修能否"
                   "長期維持多架預警機運用都仍是未知數，因此研判目前可能仍停留在戰術驗證，極有可能負責"
                   "引導 「新星(새별)」系列國產大型無人機或其他長程打擊武器。")
    remove_joined_wrap_spaces([note], 122, Report(), _note_line)
    assert "資料鏈可能也尚未完備" in note.text


def test_justified_markers_set_off_by_a_space_before_punctuation():
    """Justified text (pdftotext, 10.5pt-dense) sets a space before a marker that
    punctuation follows (``評析 1，``, ``政策》 3，``); a footnote whose text ends inside a
    quotation mark (``…하시였다.”``) ends there, so a number printed late below the page's
    footnotes (``4``, above the page number ``4``) is recovered (002-01, renumbered)."""
    raw = (
        "對於核武國家的對外戰略以及核武國家在軍事運用管理方面可能的風險進行過相關的評析 1，納蘭認為核武\n"
        "國家在使用核戰略的時候，會產生三種姿態 (posture)。\n"
        "\n1\n\n"
        "Vipin Narang and Ankit Panda, 2014, 「command and control in North Korea: what a nuclear "
        "launch might look like」,\n"
        "Warontherocks , 2017.09.15.\n"
        "\n2\n\n"
        "\f是改以「以民為天、為民獻心的崇高理想」作為主要論述2，此時可以明顯看出，北韓內閣在主要經濟政策\n"
        "的施政上，扮演了相當重要的角色，負起相關政策的成敗責任。\n"
        "\n2\n\n"
        "로동신문, 2021 년 12 월 19 일, “론설: 조선로동당의 령도력은 주체조선의 힘이고 위상이다.”\n"
        "\n3\n\n"
        "\f2019 年 4 月 13 日，第 14 期第 1 次最高人民會議結束之後的閉幕演講《關於現階段的社會主義建設和共和\n"
        "國政府的對內外政策》 3，第二篇是金正恩在 2021 年 9 月 30 日的第 14 期第 5 次最高人民會的閉幕演說\n"
        "《關於爭取社會主義建設新發展的當前鬥爭方向》 4，第三篇是 2021 年 10 月 10 日，朝鮮勞動黨創黨 76 週\n"
        "年慶祝大會的紀念演說《根據社會主義建設的新的發展期進一步改善和加強黨務工作》5，第四篇是金正恩\n"
        "在 2021 年 10 月 11 日，也就是在創黨紀念日的隔天，於平壤舉辦的國防發展展覽會「自衛 -2021」的開幕\n"
        "典禮當中，發表重大講話6。其中值得注意的是，相至少出現了 35 篇提到了「核遏止\n"
        "3\n\n"
        "조선중앙통신, 2019 년 4 월 13 일, “김정은동지께서 최고인민회의 제 14 기 제 1 차회의에서 "
        "시정연설을 하시였다.”\n"
        "조선중앙통신, 2021 년 9 월 30 일, “경애하는 김정은동지께서 력사적인 시정연설 ‘사회주의건설의 "
        "새로운발전을 위한 당면투쟁방향에 대하\n"
        "여’를 하시였다.”\n"
        "5\n"
        "조선중앙통신, 2021 년 10 월 11 일,“경애하는 김정은동지께서 경력적인 연설 ‘사회주의건설의 "
        "새로운 발전기에 맞게 당 사업을 더욱 개선강\n"
        "화하자’를 하시였다.”\n"
        "6\n"
        "조건중앙통신, 2021 년 10 월 12 일, “국방발전전람회에서 하신 김정은동지의 기념 연설”\n"
        "4\n\n"
        "4\n\n"
        "\f力」，34 篇提到了「核戰爭」為題的文章和聲明。\n"
    )
    body = body_of(raw)
    assert "進行過相關的評析[^1]，納蘭認為" in body
    assert "主要論述[^2]，此時" in body
    assert "對內外政策》[^3]，第二篇" in body and "鬥爭方向》[^4]，第三篇" in body
    assert "黨務工作》[^5]，第四篇" in body and "重大講話[^6]。" in body
    assert "「核遏止力」，34 篇提到了" in body
    assert "[^1]: Vipin Narang and Ankit Panda, 2014, 「command and control in North Korea: " \
        "what a nuclear launch might look like」, Warontherocks , 2017.09.15.\n" in body
    assert "[^2]: 로동신문, 2021 년 12 월 19 일," in body
    assert "[^3]: 조선중앙통신, 2019 년 4 월 13 일, “김정은동지께서 최고인민회의 제 14 기 제 1 차회의에서 " \
        "시정연설을 하시였다.”\n" in body
    assert "[^4]: 조선중앙통신, 2021 년 9 월 30 일," in body
    assert "[^5]: 조선중앙통신, 2021 년 10 월 11 일," in body
    assert body.endswith("[^6]: 조건중앙통신, 2021 년 10 월 12 일, “국방발전전람회에서 하신 김정은동지의 "
                         "기념 연설”\n")


def test_a_spaced_page_or_note_number_is_no_marker():
    """``同前註，頁 9。`` (a page number after 頁) is no marker 9 set off by justified text."""
    from zhiku.clean.footnotes import _SPACED_BEFORE_PUNCT

    assert not _SPACED_BEFORE_PUNCT.search("同前註，頁 9。")
    assert not _SPACED_BEFORE_PUNCT.search("同註 3。")
    assert _SPACED_BEFORE_PUNCT.search("進行過相關的評析 1，納蘭").group(1) == "1"


def test_english_keywords_are_not_joined_to_the_chinese_title():
    """latin_keywords_end: the English keywords fill a whole line (pdftotext, 10.5pt-dense),
    so the Chinese title after them is not wrapped into them (002-01)."""
    raw = (
        "in Kim Jung il and Kim Il Sung era. This article hopes that through North Korea’s nuclear\n"
        "strategic development analysis, Taiwan's North Korean studies and regional peace studies\n"
        "provide different perspectives, allowing future East Asian regional studies to have more diverse\n"
        "analytical paths.\n"
        "Keywords: Kim Jun Un, Workers' Party of Korea, North Korea, DPRK, Korean peninsula\n"
        "\n"
        "金正恩政權 10 週年的政策評析與影響：\n"
        "以近期核戰略變化為中心\n"
        "壹.緒論\n"
        "2011 年 12 月 19 日，北韓前領導人金正日突然死亡之後，金正恩隨即在 12 月 30 日正式接任朝鮮人民\n"
        "軍最高司令官，並在最短的時間之內，依序接掌黨第一書記、國防委員會第一副委員長等主要職位，並且\n"
        "改編完成的象徵，看似成功渡過了金正日遺訓準備時期，完成軍事大國的建設。\n"
    )
    article = convert_text(raw, "snippet.txt").articles[0]
    assert (article.title, article.subtitle) == ("金正恩政權 10 週年的政策評析與影響",
                                                 "以近期核戰略變化為中心")
    assert "\n\nKeywords: Kim Jun Un, Workers' Party of Korea, North Korea, DPRK, Korean " \
        "peninsula\n\n## 壹.緒論\n\n" in article.body


def test_a_footnote_read_among_table_cells_takes_its_wide_text():
    """footnote_text_after_table_cells: pdftotext read a page-bottom footnote's number and
    text among the cells of a table that runs on past the page (002-01, 10.5pt-dense,
    footnote 2 renumbered 1): the footnote is its wide line, the cells stay in the table's
    text block."""
    raw = (
        "金正恩政權 10 週年的政策評析與影響：\n以近期核戰略變化為中心\n參.對內促進國家正常化\n"
        "是改以「以民為天、為民獻心的崇高理想」作為主要論述1，此時可以明顯看出，北韓內閣在主要經濟政策\n"
        "的施政上，扮演了相當重要的角色，負起相關政策的成敗責任。而國務委員會則為上級指導機構，同時也\n"
        "緊握北韓的國防、警察等權利。有關金正恩時代的國家正常化措施可參考<表二>。\n"
        "<表二> 北韓近期國家正常化的主要策略\n"
        "領域\n作法\n意義\n黨\n"
        "\n1\n\n"
        "增設黨中央監察委員會和規\n"
        "律調查部，打破單位特殊化的本\n"
        "\n"
        "로동신문, 2021 년 12 월 19 일, “론설: 조선로동당의 령도력은 주체조선의 힘이고 위상이다.”\n"
        "\n"
        "黨機器的運作獲得強化，避\n"
        "免出現單位獨大的問題，提高黨\n"
        "\n3\n\n"
        "\f領域\n\n作法\n\n意義\n\n"
        "位主義，加強黨高層幹部管理和\n"
        "行政效率，從中央貫徹到地方。\n"
        "思想教育。\n"
        "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話，內如涵蓋了內政、\n"
        "國防和外交。不同於金正日時代的神秘主義統治方式，金正恩在核武建設完成之後，便數度對外公開發表\n"
        "講話，2020 年開始，北韓取消了將近二十多年的「新年共同社說」，改以金正恩個人的對外公開施政演說\n"
        "作為主要宣傳方式。\n"
    )
    body = body_of(raw)
    assert "主要論述[^1]，此時" in body
    assert body.endswith("\n\n[^1]: 로동신문, 2021 년 12 월 19 일, “론설: 조선로동당의 령도력은 "
                         "주체조선의 힘이고 위상이다.”\n")
    table = body.split("```text\n")[1].split("```")[0]  # the cells, kept as one text block
    assert "增設黨中央監察委員會和規\n律調查部，打破單位特殊化的本\n黨機器的運作獲得強化，避\n" in table
    assert "免出現單位獨大的問題，提高黨\n" in table and "로동신문" not in table


# pdftotext (no -layout) of 001-07 in the 10.5pt-dense layout: the URL broke after `mp-` and
# `public-`; the extractor joined the lines and dropped both hyphens
DEHYPHENATED_001_07 = (
    "2025 年 7 月 10 日，美國國防部與美國礦商 MP Materials 簽署一項公私夥伴關係契約，旨在加速打\n"
    "造美國自身的軍民兩用稀土磁鐵供應鏈。1\n"
    "1\n"
    "Katha Kalia, Eric Onstad and Ernest Scheyder, “MP Materials Seals Mega Rare-earths Deal with\n"
    "US to Break China’s grip,” Reuters, July 11, 2025, https://www.reuters.com/business/mpmaterials-"
    "partners-with-department-defense-boost-us-rare-earth-magnet-supply-2025-07-10/.\n"
    "\f"
)


def test_hyphens_an_extractor_dropped_in_a_slug_come_back_where_the_article_prints_the_words():
    body = body_of(DEHYPHENATED_001_07)
    assert "https://www.reuters.com/business/mp-materials-partners-with-department-defense-" in body


def test_a_source_that_keeps_its_line_end_hyphens_is_left_alone():
    kept = DEHYPHENATED_001_07.replace(
        "https://www.reuters.com/business/mpmaterials-",
        "https://www.reuters.com/business/mpmaterials-\n").replace(
        "supply-2025-07-10/.", "supply-2025-07-\n10/.")
    assert "business/mpmaterials-partners" in body_of(kept)


def test_restore_dropped_hyphens_needs_the_article_to_prove_each_word():
    words = article_words([
        "“MP Materials Announces Transformational Public-Private Partnership”",
        ("Sangita Gayatri Kannan, “MP Materials Corporation-Department of Defense Partnership,” "
        "the Payne Institute at Colorado School of Mines, https://payneinstitute.mines.edu/"
        "explainer-on-the-mp-materials-department-of-defensepartnership/."),
        ("“Fact Sheet: … Establish United StatesUkraine Reconstruction Investment Fund” — the "
        "United States and Ukraine"),
        ("Reuters, April 18, 2025, https://www.reuters.com/markets/commodities/mp-materials-stops-"
        "china-bound-rare-earth-shipments-over-tariffs-2025-0417/."),
    ])
    report = Report()

    def restore(text: str) -> str:
        return restore_dropped_hyphens(text, words, report)

    # a slug's words, both printed in the article
    assert restore("https://mpmaterials.com/news/mp-materials-announces-transformational-public-"
                   "privatepartnership-with-the-department") == (
        "https://mpmaterials.com/news/mp-materials-announces-transformational-public-"
        "private-partnership-with-the-department")
    # a host is a name, not words: payneinstitute stays
    assert restore("https://payneinstitute.mines.edu/explainer-on-the-mp-materials-department-of-"
                   "defensepartnership/.") == (
        "https://payneinstitute.mines.edu/explainer-on-the-mp-materials-department-of-"
        "defense-partnership/.")
    # two capitalised words glued, each printed elsewhere
    assert restore("Establish United StatesUkraine Reconstruction") == (
        "Establish United States-Ukraine Reconstruction")
    # a slug's date that lost one of its hyphens
    assert restore("https://www.reuters.com/markets/commodities/x-over-tariffs-2025-0417/.") == (
        "https://www.reuters.com/markets/commodities/x-over-tariffs-2025-04-17/.")
    # not proved: a word the article never prints (``leads``), a segment without hyphens
    # (``NewsStories`` would need ``stories``), a compound the prose prints as it is
    assert restore_dropped_hyphens("https://example.org/a-rareearth-b", article_words(
        ["Rare Earth, Rareearth Ltd", "https://example.org/a-rareearth-b"])) == (
        "https://example.org/a-rareearth-b")
    assert restore("https://procurementmag.com/news/the-pentagon-leadsus-rare-earth-supply") == (
        "https://procurementmag.com/news/the-pentagon-leadsus-rare-earth-supply")
    assert restore("https://www.defense.gov/News/NewsStories/Article/") == (
        "https://www.defense.gov/News/NewsStories/Article/")
    assert [(c.fix, c.before, c.after) for c in report.changes][:1] == [
        ("restore_dropped_hyphens",
         ("https://mpmaterials.com/news/mp-materials-announces-transformational-public-"
         "privatepartnership-with-the-department"),
         ("https://mpmaterials.com/news/mp-materials-announces-transformational-public-"
         "private-partnership-with-the-department"))]


def test_running_header_set_as_a_heading_on_one_page():
    """remove_running_headers: pymupdf4llm set the header of one page as a heading
    (``#### 國防安全即時評析``, the others plain); it is the same header, and the paragraph
    the page broke is joined across it (001-04, a5-11pt)."""
    raw = (
        "國防安全即時評析 \n\n"
        "域，自冷戰時期以來，長期承受北韓隨時可能進行報復攻擊的風險， 同時也經常受到北韓的干擾訊號、"
        "噪音廣播和空飄氣球騷擾。此次南 北韓各自暫停所有廣播活動，實際上有助於改善該地區民眾的生活安"
        " 全和居住環境，使其回歸正常生活，也有助於改善邊境區域的城鄉發 展。 \n\n"
        "第二，緩解南北對決局面。這應該是李在明政府的首要考量，可 能是基於「善對善」原則，有鑑於北韓"
        "早在 2023 年中開始逐步停止 所有對南廣播和網站，韓國也因此做出對等的「善意回應」，亦可"
        "看 做韓國新政府對北韓「敵對兩國論」的回應。 \n\n"
        "3 \n\n"
        "國防安全即時評析 \n\n"
        "### **三、北韓內部民眾將更加難以取得外部資訊** \n\n"
        "北韓自從金正恩執政以來，為了有效阻擋包含韓流在內的大量外 部資訊流入北韓社會，除了限制北韓國"
        "內電視機、收音機和相關電子 通信器材的頻譜接收範圍，也頒布相關法規，例如：《青年教養保障 法"
        "》、《平壤文化語保護法》、《國家秘密保護法》、《反動思想文 化排擊法》等內部法規，皆以高強度"
        "處罰方式，嚴格限制北韓民眾不 得隨意接收未經審查的有毒外部資訊。其中 2020 年頒布的《反"
        "動思 想文化排擊法》特別針對來自敵國思想文化傳播內容，在食衣住行等 方面，做了具體限制與規定"
        "。除此之外，在疫情期間，北韓全面中斷 對外聯絡管道，順帶強化與中俄之間的國境管制，在內外管制"
        "的情況 下，北韓民眾也更難以透過收聽廣播的方式取得外部資訊，改以其他 數位途徑取得外部資料，"
        "而且可能更為容易，這也可能是韓國中止對 北廣播的諸多原因之一。 \n\n"
        "根據 2024 年韓國統一部出版的《北韓經濟社會實態報告書》有 關韓國境內脫北民眾的問卷調查"
        "結果顯示，平均將近有 95.2%表示過 \n\n"
        "4 \n\n"
        "#### 國防安全即時評析 \n\n"
        "去在北韓期間，實際上無法收聽韓國廣播，12有將近 83.3%表示曾經 收看過外部影像資訊，絕"
        "大部分都是透過 USB 儲存裝置獲取外部影 音資訊，並非來自廣播途徑。13 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "國防安全即時評析" not in body
    assert "平均將近有 95.2%表示過去在北韓期間，實際上無法收聽韓國廣播" in body


def test_plain_footnote_tail_opening_with_the_comma_before_its_url():
    """_plain_footnote_tail: a list-item footnote broken after its date goes on in a
    paragraph ``，https://…`` (001-08, a5-11pt), whose URL's wrap space goes too."""
    raw = (
        "## **壹、前言** \n\n"
        "2025 年 7 月 19 日國務院總理李強出席雅魯藏布江下游水電工程 開工儀式，並宣布該工"
        "程正式開工（工程所在位置請見附圖）。1該工 程位於西藏自治區林芝市，採取「截彎取直、隧洞引水"
        "」的開發方 式，建設 5 座梯級電站，總投資金額約 1.2 兆人民幣（約 4.8 兆新台 幣"
        "），電力主要以外送消納為主，2兼顧西藏本地的用電需求。該建設 早就列在 2021 年的十四五"
        "規劃中的大型清潔能源基地項目之中， 3並 於 2024 年 12 月獲得官方批准。4 \n\n"
        "- 1 〈李強出席雅魯藏布江下游水電工程開工儀式並宣布工程開工〉，《中國政府 網》，2025"
        " 年 7 月19 日，https://www.gov.cn/yaowen/liebiao/2"
        "02507/content_7032776.htm。 \n\n"
        "- 2 消納是指消化、吸納，因為不論是水電、火電、核電以及風電等發電後送上網，電無法 儲存而"
        "不利用就是浪費，故要將多餘的電調度至有需求的地方，這個過程就是所謂的消 納。 \n\n"
        "- 3 〈中華人民共和國國民經濟和社會發展第十四個五年規劃和 2035 年遠景目標綱要〉， "
        "《中國政府網》，2021 年 3 月 13 日，https://www.gov.cn/xin"
        "wen/2021-03/13/content_5592681.htm。 \n\n"
        "- 4 〈雅魯藏布江下游水電工程已獲核准〉，《人民網》， 2024 年 12 月 26 日 "
        "\n\n"
        "，https://paper.people.com.cn/rmrb/pc/content/2"
        "02412/26/content_30048273.ht ml。 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert body.endswith(
        "[^4]: 〈雅魯藏布江下游水電工程已獲核准〉，《人民網》， 2024 年 12 月 26 日，"
        "https://paper.people.com.cn/rmrb/pc/content/202412/26/content_30048273.html。\n")


def test_plain_footnote_broken_into_two_paragraphs_between_footnotes():
    """_between_plain_footnotes: the second paragraph of plain footnote 2, right before
    footnote 3 on the same page, is footnote 2's rest, not the rest of the body paragraph
    the page broke (001-05, a5-11pt, footnotes 10–13 renumbered 1–4)."""
    raw = (
        "富裕國家雇主，包括前 500 大之公司和國防承包商。1藉複雜網路及 前述協助，建立空殼公司並"
        "用於存放被害公司提供之電腦實體地點的 「農場」，以供北韓特工進行遠端存取訪問與跳板。乃至其藉"
        "參與虛 擬貨幣工作相關，利用交易所及交易平台管理取得權限並伺機將資 訊、資金匯回北韓；同時藉"
        "虛擬貨幣「混幣器」如Tornado Cash 模 糊被盜資金來源，使其難以追蹤。2 \n\n"
        "### **二、數據間諜活動與技術竊取** \n\n"
        "北韓網路間諜活動不僅限於金融竊盜，更廣泛針對關鍵基礎設施 及高科技產業進行數據竊取，特別是隸"
        "屬於偵察總局 （Reconnaissance General Bureau, RGB ）的駭"
        "客組織 Andariel，主要鎖定全球的國防、航空、核能和尖端工程，其明確目 標是竊取敏感技"
        "術資訊與智慧財產，用以推進政權的軍事和核計 畫。3 \n\n"
        "新成立的「227 研究中心」（Research Centre 227），隸屬於 總參謀部偵察"
        "總局，專注開發用於網路間諜、金融掠奪和網路破壞 的，基於 AI 的攻擊性駭客技術，且該技術主"
        "要用於情報收集自動化 與進一步提升北韓整體網路能力。4包含先進國家之潛艦、瀕海戰鬥 艦、無人"
        "水下航機、航太、精密工程技術乃至於核研究等情資與機 \n\n"
        "1 同前註。 \n\n"
        "2 混幣的目的是切斷加密貨幣交易中發送方與接受方的相互聯繫。Zhang Joy，〈加密貨 幣"
        "混幣器是什麼？工作原理&類型、洗錢監管風險、代表專案…全整理〉， \n\n"
        "《Blocktempo》，2024 年06 月 14 日，https://shorturl."
        "at/93IWM。 \n\n"
        "3 “Sanctions Imposed on DPRK IT Workers Genera"
        "ting Revenue for the Kim Regime,” US Departmen"
        "t of the Treasury, July 8, 2025, https://short"
        "url.at/Os2jw. \n\n"
        "4 OSINT Unit,“North Korea’s Establishment of R"
        "esearch Centre 227: Cyber Warfare Enhancement,"
        "” SpecialEurasia, March 24, 2025, https://tiny"
        "url.com/mr2w9bat. \n\n"
        "4 \n\n"
        "國防安全即時評析 \n\n"
        "密，皆在 RGB 的主要攻擊與竊取目標，表明此為經深思策劃且具規 模，旨在獲取尖端能力和特定"
        "計畫機密的縝密行動。 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "[^2]: 混幣的目的是切斷加密貨幣交易中發送方與接受方的相互聯繫。Zhang Joy，〈加密貨" in body
    assert "代表專案…全整理〉，《Blocktempo》，2024 年06 月 14 日，https://shorturl.at/93IWM。\n" in body
    assert "情資與機《Blocktempo》" not in body


def test_lone_full_stop_of_a_footnote_after_the_next_pages_body():
    """_lone_footnote_end: the ``。`` that ends footnote 1, set by pymupdf4llm as a paragraph
    of its own after later body text, goes back to the footnote (003-05, a5-11pt,
    footnotes 11 and 12 renumbered 1 and 2)."""
    raw = (
        "北韓此次透過官方媒體對內和對外公開海外派兵的具體動機與考 量，實際上仍無法確切得知。但從目前"
        "的公開資訊來看，作為海外派 兵的代價，北韓可能已從俄國方面獲得「實質的報酬」， 1以此對內 "
        "\n\n"
        "1 這個報酬可能包含了海外派兵的部隊薪餉、提升北韓國防產業的關鍵技術、協助開發北 韓東北部礦"
        "產、經濟、工業等措施。〈북한군의 러시아 파병이 위험한 이유〉，《BBC 코 리아》，20"
        "24 年11 月4 日，https://www.bbc.com/korean/article"
        "s/cy4ne7magg2ro \n\n"
        "提供陣亡將士補償、參戰人員家屬社會福利、賦予英雄名號或在穩定 軍心的同時，作為「戰勝國家」的"
        "正面形象，提升民眾對政府的認同 感，進而塑造金正恩與前代不同的領導統御形象。 \n\n"
        "此次俄國閱兵典禮的主要焦點實際上是普丁與習近平之間的互 動，以及俄中聯合聲明。作為長期在俄中"
        "之間長期擺盪的北韓，在此 次俄國勝利日閱兵典禮的互動當中可以發現，北韓極力避免出現朝中 俄三"
        "國共進退的情況，甚至可以發現中國對於北韓事務依舊保持相當 消極的態度，遠不如俄國「口至實惠」"
        "的對朝政策。北韓對於俄中主 導的多國協力機制，譬如：金磚國家（BRICS）、上海合作組織 （"
        "Shanghai Cooperation Organization, SCO）等，也未表示任"
        "何 的積極態度，或也有可能已被中國拒之門外，但不排除北韓未來可能 會在「有利的情況之下」，以"
        "不同的形式加入俄中主導的多邊協力機 構，2這部分值得後續關注。 \n\n"
        "。 \n\n"
        "> 2 이상근, <북한의 중러 주도 다자기구 참여 가능성과 파급영향>, 《INSS "
        "전략보고》, 第 286 期, 2024 年 9 月, 頁 11。 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "\n\n。\n\n" not in body
    assert "https://www.bbc.com/korean/articles/cy4ne7magg2ro。\n\n[^2]: 이상근" in body


def test_rest_of_a_page_range_at_the_foot_of_the_next_page():
    """_rest_of_page_range: footnote 2 stops at ``pp. 361-``; the plain paragraph ``363. …``
    at the foot of the next page is its rest (003-01, a5-11pt, footnotes 8 and 9
    renumbered 1 and 2)."""
    raw = (
        "艦的挑釁行為，通常採伴護或伴飛方式應對，在此場景若出現人員疏 失或指管誤判，即可能導致碰撞並"
        "危及人員與裝備的安全，甚且向上 升高成為軍事衝突，美中海上對峙同樣可能引發類似風險。對軍事部"
        " 門言，維持與潛在敵人接觸可視為一項特殊利益。這種緊張態勢若經 揭露，對爭取預算與民意支持具"
        "有助益，這是引發海上對峙不容忽視 的軍事誘因。此外，海軍機艦操作者具有高度「自主性」，許多具"
        "挑 釁性的行動往往在未經高層授權下擅自發起，主事者多是性格急躁的 海軍艦長而非精算風險的政治"
        "領導者。 1換言之，MMCA 未來若要能 有效地化解此軍事誘因，必須能建立一套有效的通聯機制"
        "與透明行為 準則。 \n\n"
        "### **三、MMCA 須能規範海上危險運動** \n\n"
        "當前，MMCA 係在《1972 年國際海上避撞章程》 （International Regu"
        "lations for Preventing Collisions at Sea, CORL"
        "EGs）與《中美海空相遇安全行為準則》等規定下運作，此安 排對雙方軍艦航行安全與降低誤判提供"
        "了基本框架，然而對於引發海 上意外的挑釁行為缺乏明確定義與嚴格管控。在這種情況下，類似 20"
        "01 年 4 月雙方於南海空域發生的戰機擦碰事件極有可能再次出 現。這些具高度挑釁性的行為包"
        "括「危險運動」(dangerous maneuvers)、「近接偵察」(close air "
        "surveillance)、使用艦砲或 射控雷達進行模擬攻擊(simulated attac"
        "ks)以及使用雷射或照明彈干 擾對方機艦人員正常操作。2當中以模擬攻擊最具危險性，極易引發雙"
        " \n\n"
        "> 1 Elmo R. Zumwalt, Jr., On Watch (New York: "
        "New York Times Book Co., 1976), p. 394. \n\n"
        "> 2 Sean M. Lynn-Jones, \"A Quiet Success for A"
        "rms Control: Preventing Incidents at Sea,\" in "
        "Steven E. Miller, and Stephen Van Evera eds. N"
        "aval Strategy and National Security (Princeton"
        ", N.J.: Princeton University Press, 1988), pp."
        " 361- \n\n"
        "5 \n\n"
        "國防安全雙週報 第 87 期 \n\n"
        "方官兵緊張情緒，倘若處理不當可能導致擦槍走火，甚至升級成為武 裝衝突。未來，為進一步鞏固海上"
        "軍事安全，美中兩國有必要仿冷戰 時期美俄 INCSEA 協定，將危險運動等高挑釁性行為納入 "
        "MMCA 進 行管理。換言之，若 MMCA 無法明確規範挑釁行為並建立相應的處 理機制，美中"
        "間日益尖銳的海上遭遇向上升級成為衝突的機率將會大 幅地增加。 \n\n"
        "363. 危險運動係指近距離運動的海軍艦船，採取各種方式迫使他方艦船採取迴避，用以防 止碰撞"
        "事件發生。危險運動最常見的例子，就是某方進行海上加油或海上整補時，他方艦 船採取直航方式迫使"
        "海上作業中的艦艇偏離既定航道。近接偵察係指運用飛機在短距離內 接近或飛越對方艦艇進行偵察，或"
        "由飛機投下聲納浮標追蹤他方潛艦。 \n\n"
        "6 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "Princeton University Press, 1988), pp. 361-363. 危險運動係指近距離運動的海軍艦船" in body
    assert "\n\n363." not in body


def test_explanatory_footnote_inside_a_paragraph_the_page_broke():
    """split_footnote_from_paragraph: footnote 1, which cites nothing, inside the paragraph
    the page broke (the next line starts a page) is split from it (003-03, a5-11pt,
    footnote 4 renumbered 1)."""
    raw = (
        "2 \n\n"
        "國防安全雙週報 第 87 期 \n\n"
        "性『小集團』，執意推進包括中導系統1在內的軍事部署，嚴重加劇地 區緊張局勢」、「個別國家以安"
        "全為名，對華打關稅戰、貿易戰、科 技戰、輿論戰，嚴重威脅中國的安全發展」以及「一些外部勢力處"
        "心 積慮打『台灣牌』，『台獨』勢力頑固堅持分裂立場，冒險挑釁」。 此外，在當前國際社會中不少"
        "國家對美國總統川普的關稅政策之內容 與正當性仍持保留態度或表達不滿時，中共則直接點出「美國以"
        "各種 藉口宣布對包括中國在內的所有交易夥伴濫施關稅，嚴重侵犯各國正 當權益，嚴重違反世界貿易"
        "組織規則」，中共選擇性地針對較具國際 爭議性的議題公開點名美方，藉此彰顯中國在國際經貿秩序的"
        "道德優 勢。 \n\n"
        "白皮書的論述策略，一方面藉高頻率的追求「和平」語言來形塑 中國的正面形象，並爭取國際輿論的認"
        "同；另一方面則藉模糊與強硬 並用的方式，將區域安全壓力歸咎於他國，藉此合理化自身的安全行 動"
        "。中共在白皮書中所描繪的和平願景，實則是一套包裝過的話語策 略，旨在強化中國特色的國際安全觀"
        "，同時淡化與掩飾其實質的對抗 姿態。值得注意的是，3 月12 日白皮書公布前2 日，恰逢美中"
        "關稅談 判，雙方達成互降關稅之共識。而白皮書的發布也一反過去幾次中英 文版本同步公布之慣例，"
        "僅公布英文摘要，未公布英文版全文，這也 增加中共刻意淡化白皮書中批評美國的想像。此舉可能在避"
        "免刺激美 方，破壞美中談判氣氛，這也顯示出中共對內外語境操作的謹慎與靈 活，選擇性揭露訊息以"
        "達平衡批判與外交穩定之目的。 \n\n"
        "### **二、對台論述缺乏新意但著重批判外部干涉** \n\n"
        "在台灣議題上，白皮書所提之內容主要仍維持長期以來的基調， 並未提出實質性新論點。文件重申「堅"
        "持一個中國原則」與九二共 1 引文中所指之「中導系統」為中程導彈系統。 \n\n"
        "3 \n\n"
        "國防安全雙週報 第 87 期 \n\n"
        "識，並反對「台獨」分裂和外部勢力干涉。白皮書雖重申不承諾放棄 使用武力，但部分用語較近期其他"
        "官方表述更為溫和，如提出「團結 廣大台灣同胞，堅定支持島內愛國統一力量，加強兩岸對話溝通和民"
        " 主協商，共商統一大計，共謀統一大業」、「中國始終以最大誠意、 盡最大努力爭取和平統一」，看"
        "似與2019 年習近平在《告台灣同胞 書》發表40 周年紀念會上講話的基調稍微接近。 \n\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "「堅持一個中國原則」與九二共識，並反對「台獨」分裂" in body
    assert body.endswith("[^1]: 引文中所指之「中導系統」為中程導彈系統。\n")


def test_plain_footnote_measured_at_the_footnotes_width():
    """remove_joined_wrap_spaces: a long footnote set as a plain paragraph: its spaces
    between ideographs end lines of the footnotes' width (79), not of the body's (60)
    (001-02, a5-11pt)."""
    from zhiku.clean.layout import remove_joined_wrap_spaces, split_lines

    raw = (
        "5 《2025 國家安全戰略》使用「國際主義」與「現實主義」都未特別定義。以「現實主 義」為"
        "例，《2025 國家安全戰略》強調其對「硬實力」軍事力量的投資與運用，但未對 所使用「現實主"
        "義」進行學術式的定義與區隔，因此本文援用原文以避免自我擴充解釋。 不過考量外交大臣拉米以「進"
        "步現實主義」（progressive realism）形容工黨政府對外 政策，強調實力與價值"
        "的二元運用，所以此處「現實主義」應可視為拉米所指稱「進步現 實主義」。更早之前，奈伊（Jos"
        "eph S. Nye, JR）即曾提出「進步現實主義」概念，它是 植基於「巧實力」（smar"
        "t power）運用，以結合奈伊所謂的「硬實力」與「軟實力」。 奈伊的「進步現實主義」，相當"
        "符合拉米對「進步現實主義」的描述與《2025 國家安全 戰略》對「現實主義」的一般性指稱。拉"
        "米對「進步現實主義」的描述與運用，請參見 David Lammy, “The Case fo"
        "r Progressive Realism,” Foreign Affairs, May/J"
        "une 2024, https://reurl.cc/2QE72r. 奈伊對「進步現實主義」"
        "的描述，請參見 Joseph S. Nye, JR., “Progressive Reali"
        "sm,” Project Syndicate, August 21, 2006, https"
        "://www.project-syndicate.org/commentary/progre"
        "ssive-realism. 6 “National Security Strategy 2"
        "025,” HM Government, June 2025, pp. 4-5, https"
        "://reurl.cc/WOvz7k.  \n\n"
    )
    lines = remove_joined_wrap_spaces(split_lines(raw), 60, Report(), notes=79, indent=4)
    text = lines[0].text
    assert "以「現實主義」為例，" in text and "但未對所使用「現實主義」" in text
    assert "形容工黨政府對外政策" in text and "它是植基於「巧實力」" in text
    assert "《2025 國家安全戰略》對「現實主義」" in text and " 主 " not in text


def test_join_spaced_urls_inside_an_anchor():
    """join_spaced_urls: a URL wrapped inside the last word of its anchor (001-03,
    a5-11pt)."""
    from zhiku.clean.chars import join_spaced_urls

    assert join_spaced_urls(
        "2025 年 8 月 4 日，https://tchina.kyodonews.net/news/2025/08/c90f1c1c4060.html"
        "#google_vignet te。") == (
        "2025 年 8 月 4 日，https://tchina.kyodonews.net/news/2025/08/c90f1c1c4060.html"
        "#google_vignette。")
    assert join_spaced_urls("見 https://x.com/a.html 等。") == "見 https://x.com/a.html 等。"


def test_pieces_of_a_stretched_line_pymupdf_gave_a_line_each_stay_text():
    """PyMuPDF gives the pieces of a stretched justified line a line each, and its wide gaps
    as lines of a space (001-08, a5-11pt): those lines open no footnote block
    (_gap_inside_stretched_line), ``23`` before ``日，https://…`` is a date's day, not a page
    number (_date_cut_after_number), and the pieces are one line again
    (rejoin_stretched_line_pieces)."""
    from zhiku.clean.footnotes import separate_footnotes
    from zhiku.clean.layout import split_lines

    raw = ("程度的破壞，以及有 5 座水庫出現裂縫等問題。1\n \n1 同註 13。\n\f"
           "帶來威脅，並破壞區域的豐富生態多樣性。\n圖、雅魯藏布江水電站位置\n"
           "資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂\n慮\n〉\n，\n《\n中\n央\n社\n》\n，\n"
           "2025\n \n年\n \n7\n \n月\n \n23\n日，https://www.cna.com.tw/news/aopl/202507230228.aspx。\n"
           "2 同前註。\n")
    report = Report()
    body, _ = separate_footnotes(split_lines(raw), True, report)
    assert ("2025年7月23日，https://www.cna.com.tw/news/aopl/202507230228.aspx。"
            in "".join(line.text for line in body))
    assert "remove_page_numbers" not in report.counts()


def test_reclaim_wide_footnote_tails():
    """The rest of a footnote the page broke, alone at the foot of the article's last page
    in the footnotes' smaller print (78 columns against the body's 60), read as body text:
    it goes back to its footnote (pdftotext, PyMuPDF, pdfminer, a5-11pt, 003-01)."""
    from pathlib import Path

    from zhiku.clean.footnotes import reclaim_wide_footnote_tails
    from zhiku.clean.layout import Line

    body = [Line(180, "理機制，美中間日益尖銳的海上遭遇向上升級成為衝突的機率將會大"),
            Line(181, "幅地增加。"),
            Line(183, "363. 危險運動係指近距離運動的海軍艦船，採取各種方式迫使他方艦船採取迴避，用以防"),
            Line(184, "止碰撞事件發生。危險運動最常見的例子，就是某方進行海上加油或海上整補時，他方艦"),
            Line(185, "船採取直航方式迫使海上作業中的艦艇偏離既定航道。近接偵察係指運用飛機在短距離內"),
            Line(186, "接近或飛越對方艦艇進行偵察，或由飛機投下聲納浮標追蹤他方潛艦。")]
    note = ["Sean M. Lynn-Jones, …, Naval Strategy and",
            "National Security (Princeton, N.J.: Princeton University Press, 1988), pp. 361-"]
    assert not reclaim_wide_footnote_tails(list(body), "9", list(note), 0, Report())
    assert reclaim_wide_footnote_tails(body, "9", note, 60, Report())
    assert [line.no for line in body] == [180, 181]
    assert note[-1] == "接近或飛越對方艦艇進行偵察，或由飛機投下聲納浮標追蹤他方潛艦。"
    # body lines a full line wide are no footnote's rest
    body = [Line(1, "幅地增加。"), Line(2, "理機制，美中間日益尖銳的海上遭遇向上升級成為衝突的機率將會大"),
            Line(3, "幅地增加。")]
    assert not reclaim_wide_footnote_tails(body, "9", note, 60, Report()) and len(body) == 3

    fixture = Path(__file__).parent / "fixtures" / "extracted" / "003-01-a5-11pt.pdftotext.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert "機率將會大幅地增加。\n\n[^1]" in body
    assert "University Press, 1988), pp. 361-363. 危險運動係指近距離運動的海軍艦船" in body


def test_a_url_cut_at_a_line_end_goes_on_in_digits():
    """``3o/trad。`` goes on with the URL the line before was cut in: no footnote 3
    (pdftotext, a5-11pt, 003-04)."""
    from zhiku.clean.footnotes import continues_cut_url

    note = ["碧嘉蘭（Laura Bicker），〈中國終於來到談判桌，但這場戰爭遠未結束〉，《BBC 中",
            "文網》，2025 年 5 月 13 日，https://www.bbc.com/zhongwen/articles/c861qx6qgd"]
    assert continues_cut_url(note, "3o/trad。")
    assert not continues_cut_url(note, "3 〈美關稅戰步步進逼 陸外交部發中英雙語短片：中國不跪！〉")
    assert not continues_cut_url(note[:1], "3o/trad。")
    raw = (
        "談前，央視新媒體「玉淵譚天」稱美國多次主動與中國接觸，美國副\n"
        "總統范斯（JD Vance）則稱中國主動聯繫美方。2\n"
        "1\n\n"
        "碧嘉蘭（Laura Bicker），〈中國終於來到談判桌，但這場戰爭遠未結束〉，《BBC 中\n"
        "文網》，2025 年 5 月 13 日，https://www.bbc.com/zhongwen/articles/c861qx6qgd\n"
        "3o/trad。\n"
        "2\n\n"
        "〈美中關稅戰 中國官媒稱美方主動與中接觸希望談判〉，《中央社》，2025 年 5 月 1\n"
        "日，https://www.cna.com.tw/news/aopl/202505010049.aspx；陳熙文，〈美中周末\n"
        "經貿對話 范斯：大陸主動聯繫〉，《聯合新聞網》，2025 年 5 月 8\n"
        "日，https://udn.com/news/story/6813/8724880。\n\n"
        "2\n\n\f"
        "在中國的實際對美作為之外，相關分析較少留意此則影片以「不\n"
    )
    converted = convert_text("壹、前言\n2025 年 5 月，中國與美國在日內瓦進行經貿會談，會\n1" + raw,
                             "snippet.txt")
    body = converted.articles[0].body
    assert "https://www.bbc.com/zhongwen/articles/c861qx6qgd3o/trad。\n\n[^2]: 〈美中關稅戰" in body


def test_reclaim_footnote_tails_that_are_a_full_stop():
    """A footnote whose URL filled its last line: the full stop alone opens the next page's
    footnote area (pdfminer, a5-11pt, 003-05); no printed line opens with one."""
    from pathlib import Path

    from zhiku.clean.footnotes import Footnotes, reclaim_footnote_tails
    from zhiku.clean.layout import Line

    notes = Footnotes()
    notes.add("11", "這個報酬可能包含了海外派兵的部隊薪餉、提升北韓國防產業的關鍵技術、協助開發北", 200)
    notes.texts["11"].append("리아》，2024 年 11 月 4 日，https://www.bbc.com/korean/articles/cy4ne7magg2ro")
    body = [Line(246, "會在「有利的情況之下」，以不同的形式加入俄中主導的多邊協力機"),
            Line(248, "構，12這部分值得後續關注。"), Line(250, "。")]
    reclaim_footnote_tails(body, "11", notes, Report())
    assert [line.no for line in body] == [246, 248] and notes.texts["11"][-1] == "。"

    fixture = Path(__file__).parent / "fixtures" / "extracted" / "003-05-a5-11pt.pdfminer.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert "這部分值得後續關注。\n\n" in body
    assert "https://www.bbc.com/korean/articles/cy4ne7magg2ro。\n\n[^12]" in body
    assert "c899e32fd4be46b9.kcmsf。\n\n[^2]: 〈경애하는" in body  # no footnote 4 ``be46b9…``


def test_reclaim_footnote_tails_that_finish_a_cut_url():
    """The rest of a URL the page broke, alone above the next page's footnotes, goes back
    to its footnote (pdftotext, letter-14pt-sans, 001-01)."""
    from zhiku.clean.footnotes import finishes_cut_url

    note = ["倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1",
            "日，https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝-"]
    assert finishes_cut_url(note, "083242700.html。")
    assert not finishes_cut_url(note, "另外，中國掌握稀土的出口。")
    assert not finishes_cut_url([note[0], note[1] + "083242700.html。"], "083242700.html。")
    raw = (
        "根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代表團，而美\n"
        "國僅有 15 人。談判過程雙方先派出 12 至 15 位代表，在大會議室交流，主要是\n"
        "依據文本的立場宣示，然後依據談判議題分成小組來討論。1基本上美國財政部\n"
        "1\n\n"
        "倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月 1\n"
        "日，https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝-\n\n"
        "1\n\n\f"
        "長貝森特及中國國務院副總理何立峰負責總體方向的指導與最後決議的敲定，\n"
        "有關兩國貿易爭議細節及非關稅貿易壁壘則由貿易代表及各部會代表負責。\n"
        "然而中國傳出，川普（Donald Trump）將參加 9 月 3 日舉行的二戰結束 80 周\n"
        "年的閱兵典禮；2川普則否認自己尋求與習近平在中國會面，而且表達當收到中\n"
        "國邀請後才會考慮前往。\n"
        "083242700.html。\n"
        "2\n\n"
        "〈傳北京邀川普出席抗戰勝利閱兵 中國稱無消息提供〉，《中央社》，2025 年 6 月 30\n"
        "日，https://www.cna.com.tw/news/aopl/202506300217.aspx。\n\n"
        "2\n\n\f"
    )
    body = body_of(raw)
    assert "才會考慮前往。\n\n[^1]" in body
    assert "-透露訊息曝-083242700.html。\n\n[^2]: 〈傳北京" in body


def test_reclaim_wide_footnote_tails_past_a_ragged_line():
    """A footnote line of ragged-right print short of the footnote width only because the
    next line's Latin word did not fit still counts as a footnote line (PyMuPDF,
    letter-14pt-sans, 001-02: body 68, footnote lines 78 and wider)."""
    from zhiku.clean.footnotes import reclaim_wide_footnote_tails
    from zhiku.clean.layout import Line

    body = [Line(104, "深化並拓展與台灣在多元領域的合作，這些合作奠基於彼此共享的民主價值"),
            Line(105, "觀。」8"),
            Line(107, "合拉米對「進步現實主義」的描述與《2025 國家安全戰略》對「現實主義」的一般性指稱。拉"),
            Line(108, "米對「進步現實主義」的描述與運用，請參見 David Lammy, “The Case for Progressive"),
            Line(109, "Realism,” Foreign Affairs, May/June 2024, https://reurl.cc/2QE72r. 奈伊對「進步現實主"),
            Line(110, "義」的描述，請參見 Joseph S. Nye, JR., “Progressive Realism,” Project Syndicate,"),
            Line(111, "August 21, 2006, https://www.project-syndicate.org/commentary/progressive-realism.")]
    note = ["《2025 國家安全戰略》使用「國際主義」與「現實主義」都未特別定義。以「現實主義」為",
            "power）運用，以結合奈伊所謂的「硬實力」與「軟實力」。奈伊的「進步現實主義」，相當符"]
    assert reclaim_wide_footnote_tails(body, "5", note, 68, Report())
    assert [line.no for line in body] == [104, 105]
    assert note[2].startswith("合拉米對") and note[-1].startswith("August 21, 2006")


def test_footnote_inside_a_paragraph_before_the_next_footnote():
    """split_footnote_from_paragraph: footnote 3, which cites nothing (``同前註。``), that
    pymupdf4llm set at the end of the paragraph the page broke, where footnote 4 follows
    (001-07, letter-14pt-sans); the footnotes after it are found too."""
    raw = (
        "## **壹、前言** \n"
        "\n"
        "2025 年 7 月 10 日，美國國防部與美國礦商 MP Materials 簽署一項公私夥 伴關係契約，旨在"
        "加速打造美國自身的軍民兩用稀土磁鐵供應鏈，降低對國外 的關鍵礦物依賴，尤其是對中國之需"
        "求。1此次契約為美方在稀土供應鏈安全戰 略上的重要進展，透過總額達數十億美元的投資，美"
        "國國防部將持有 MP Materials 約 15%的股份，包含收購 4 億美元之特別股，以及花費 1.5 億"
        "美元， 擴增該公司在加州Mountain Pass 稀土廠之重稀土分離及精煉產能，亦將以 10 億美元在"
        "德州興建美國本土境內第二間磁鐵製造廠「10X」，而 2028 年該廠啟 用後，預計美國稀土磁鐵"
        "年產量可達一萬噸。2美國國防部之其他長期投資還包 括：對 MP Materials 所儲存與銷售之釹"
        "鐠氧化物（NeodymiumPraseodymium Oxide, NdPr）相關永磁產品，設定十年間最低價格為每公斤"
        " \n"
        "\n"
        "1 Katha Kalia, Eric Onstad and Ernest Scheyder, “MP Materials Seals Mega Rareearths "
        "Deal with US to Break China’s grip,” Reuters, July 11, 2025, https://www.reuters.com"
        "/business/mp-materials-partners-with-department-defenseboost-us-rare-earth-magnet-su"
        "pply-2025-07-10/. \n"
        "\n"
        "2 “MP Materials Announces Transformational Public-Private Partnership with the Depar"
        "tment of Defense to Accelerate U.S. Rare Earth Magnet Independence,” MP Materials, J"
        "uly 10, 2025, https://mpmaterials.com/news/mp-materials-announcestransformational-pu"
        "blic-private-partnership-with-the-department-of-defense-toaccelerate-u-s-rare-earth-"
        "magnet-independence. \n"
        "\n"
        "1 \n"
        "\n"
        "國防安全即時評析 \n"
        "\n"
        "110 美元，並確保「10X」工廠啟用後十年內，其生產之所有磁鐵產品可完全銷 售予國防及民用"
        "客戶。3 \n"
        "\n"
        "## **貳、安全意涵** \n"
        "\n"
        "### **一、美國國防部成MP Materials 最大股東以強化稀土供應鏈自主** \n"
        "\n"
        "近五年來美國國防部雖屢次以撥款或貸款等方式補助美國自身磁鐵製造 商，或是美國與加拿大、"
        "澳洲等國合作之關鍵礦物廠商，累積投入金額已超過 4 億美元，但此次則是罕見地直接入主 MP"
        " Materials 成為最大股東，掌握企業主 導權。4長期以來，美國在稀土磁鐵等關鍵材料上高度依"
        "賴中國，包含應用於提 升軍用永久磁鐵性能，例如鋱（Tb）、鏑（Dy），或是應用於雷達系統的"
        "釔 （Y）等稀土氧化物，其精煉加工幾乎完全仰賴中國的產能與技術，每當中國對 相關產品進行"
        "貿易出口限制，美國在軍事裝備、精確導引、電動車馬達等供應 鏈即會面臨中斷風險。5 \n"
        "\n"
        "對於 MP Materials 而言，美國政府此時的介入與支持亦至關重要，由於該 公司過往曾相當仰賴"
        "中國收入，大部分礦產均運送至中國加工，中國盛和資源 更佔有該公司 8%持股比例而為主要股"
        "東，但在今年稍早的 2025 年 4 月，MP Materials 因受到中國對美徵收報復性關稅影響致使其"
        "稀土加工成本高漲，遂宣 布停止運送加州所開採的稀土精礦至中國加工，如今則有美國政府大力"
        "協助其 資金與產能擴增需求，正盡力擺脫中國供應鏈的固有影響。6此次美國國防部投 入 4 億"
        "美元擁有該公司 15%持股，即可以最大股東身分與 MP Materials 深度合 3 同前註。 \n"
        "\n"
        "4 C. Todd Lopez, “DOD Looks to Establish ‘Mine-to-Magnet’ Supply Chain for Rare Eart"
        "h Materials,” U.S. Department of Defense, March 11, 2024, https://www.defense.gov/Ne"
        "ws/News-Stories/Article/Article/3700059/dod-looks-toestablish-mine-to-magnet-supply-"
        "chain-for-rare-earth-materials/. \n"
        "\n"
        "- 5 “Heavy Rare Earths: The Defense Sector’s Hidden Vulnerability,” Rare Earth Excha"
        "nges, July 13, 2025, https://reurl.cc/QaRvxM. \n"
        "\n"
        "2 \n"
        "\n"
        "國防安全即時評析 \n"
        "\n"
        "作，可進而掌握稀土磁鐵的來源、品質與分配，確保其能穩定供應予軍民兩用 產品，美國希望建"
        "立從礦源、精煉分離到磁鐵製造的完整本土供應鏈，逐步減 少對中國的結構性依賴，增強自身的"
        "戰略資源籌碼。7 \n"
        "\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "即可以最大股東身分與 MP Materials 深度合作，可進而掌握稀土磁鐵的來源" in body
    assert "\n\n[^3]: 同前註。\n\n[^4]: C. Todd Lopez, “DOD Looks to Establish" in body
    assert "\n\n[^5]: “Heavy Rare Earths: The Defense Sector’s Hidden Vulnerability,”" in body


def test_rest_of_a_footnote_url_set_as_a_heading():
    """_rest_of_cut_url: the rest of footnote 1's URL, which pymupdf4llm set as a ``####``
    heading at the top of the next page's footnote area (001-01, letter-14pt-sans)."""
    raw = (
        "## **貳、安全意涵** \n"
        "\n"
        "### **一、談判團隊組成與策略** \n"
        "\n"
        "根據美國媒體訪問財政部長貝森特的報導，中國派出 75 人的代表團，而美 國僅有 15 人。談判"
        "過程雙方先派出 12 至 15 位代表，在大會議室交流，主要是 依據文本的立場宣示，然後依據談"
        "判議題分成小組來討論。1基本上美國財政部 \n"
        "\n"
        "> 1 倪浩軒，〈中美關稅談判團 75：15 差距懸殊 透露訊息曝〉，《今日新聞》，2025 年 8 月"
        " 1 日，https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝- \n"
        "\n"
        "1 \n"
        "\n"
        "國防安全即時評析 \n"
        "\n"
        "長貝森特及中國國務院副總理何立峰負責總體方向的指導與最後決議的敲定， 有關兩國貿易爭議"
        "細節及非關稅貿易壁壘則由貿易代表及各部會代表負責。根 據會後描述，相對於日內瓦及倫敦會"
        "談而言，此次的談判議題更加深入，話題 更為廣泛，美國甚至建議中國在「十五五」規劃中，將"
        "中國經濟結構從生產性 經濟體轉為消費型的經濟體。此種轉變對出口導向的中國而言，潛藏不可"
        "測風 險與變數，某種程度也會被中國認為是美國對中國政策的「說三道四」。 \n"
        "\n"
        "### **二、川普與習近平見面能否促進關稅問題解決** \n"
        "\n"
        "兩國領導人見面可以區分不同等級，如工作層級會議、合作層級會議及正 式的國事訪問等；或者"
        "在多邊機制的高峰會中，進行場邊一對一的高層對話。 然而中國傳出，川普（Donald Trump）將"
        "參加 9 月 3 日舉行的二戰結束 80 周 年的閱兵典禮；2川普則否認自己尋求與習近平在中國會"
        "面，而且表達當收到中 國邀請後才會考慮前往。由於美中關稅談判已經二度延期 90 天，而且美"
        "國商務 部長貝森特也曾提及中國 8 月內部會議可能會有權力改組，預計川普應該在10 月中國四"
        "中全會後訪問中國，也可能會在 10 月 30 日的亞太經合會中與習近平 見面。見面時間的敲定除"
        "了考量關稅談判延期及具體成果外，中國內部權力變 化及對地緣政治影響，也是影響因素之一。"
        "但是見面前是否已經針對爭議項目 達成共識，或者在更換領導人之後，是否要重起爐灶，仍有變"
        "數。 \n"
        "\n"
        "### **三、美中拖延談判的意圖** \n"
        "\n"
        "美中關稅談判本來就存在一些無法迅速解決的爭議，如中國輸出芬太尼 （Fentanyl）毒品原料的"
        "關稅，中國似乎並未積極立法或取締這些原料出口。 另外，中國掌握稀土的出口，不論汽車工業"
        "或高科技產品都需要中國的稀土。 \n"
        "\n"
        "#### 083242700.html。 \n"
        "\n"
        "> 2 〈傳北京邀川普出席抗戰勝利閱兵 中國稱無消息提供〉，《中央社》，2025 年 6 月 30 日"
        "，https://www.cna.com.tw/news/aopl/202506300217.aspx。 \n"
        "\n"
        "2 \n"
        "\n"
        "國防安全即時評析 \n"
        "\n"
        "在倫敦談判時，中國允諾加速許可開放部分稀土出口，但多數稀土出口仍被中 國掌控，被中國視"
        "為制裁美國及歐洲國家的籌碼。最後美國要求中國暫停從俄 羅斯及伊朗購買石油，以及停止供應"
        "俄羅斯軍民兩用科技，這些都是中國無法 同意的。或者是還需要美國提供更多利益來交換，這也"
        "成為中國拖延談判的底 氣所在。 \n"
        "\n"
        "美國希望透過關稅問題擴及地緣政治問題，如要求中國停止援助俄羅斯、 伊朗及中東的葉門叛軍"
        "等。美國也希望趁中國經濟嚴重下滑之際，趁勢打壓中 國，削弱反美國家的勢力，不會只滿足於"
        "中國關稅問題的解決。尤其中國領導 人習近平與川普曾過招較量幾回合，非常了解川普交易性格"
        "，在毫不顧及人民 生計情況下，習近平基於面子及民族主義，不願意在關稅務退讓，甚至會採取"
        " 報復性措施。 \n"
        "\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "083242700.html。\n\n> 2" not in body and "####" not in body
    assert "https://tw.news.yahoo.com/中美關稅談判團 75-5 差距懸殊-透露訊息曝-083242700.html。" \
        "\n\n[^2]: 〈傳北京邀川普出席抗戰勝利閱兵" in body
    assert body.count("083242700") == 1


def test_rest_of_a_footnote_cut_in_its_date_at_the_next_page_foot():
    """_rest_of_cut_url: footnote 3 cut inside its date; the day and URL stand as a
    paragraph before footnote 4 at the foot of the next page (003-03, letter-14pt-sans)."""
    raw = (
        "## **壹、前言** \n"
        "\n"
        "因應當前國際情勢變化與中國內部所面臨的風險與挑戰增加，中國國務院 新聞辦公室於 5 月 1"
        "2 日發布了《新時代的中國國家安全》白皮書，闡述中國國 家安全理念。1從白皮書的相關內容"
        "來看，其基礎係以「總體國家安全觀」為指 導思想與核心內容進行論述。「總體國家安全觀」之"
        "內涵、思想與原則係由習 近平於 2014 年中央國家安全委員會第一次會議上首次提出，強調以人"
        "民安全為 宗旨、以政治安全為根本、以經濟安全為基礎、以軍事、文化、社會安全為保 障，並"
        "以促進國際安全為依託。初期涵蓋政治、軍事、國土、經濟、文化、社 會等 11 個主要領域，2"
        "後續逐步將金融、網絡、糧食、海外利益、太空、深 海、極地、生物、人工智慧、數據等領域納"
        "入，台灣與港澳後續也因而被納入 其論述中。3白皮書未就每一個安全領域之內涵與政策方向進"
        "行敘述，而是聚焦 \n"
        "\n"
        "- 1 〈有關部門負責人就《新時代的中國國家安全》白皮書答記者問〉白皮書答記者問，《新華"
        " 社》，2025 年 5 月 12 日，https://reurl.cc/OYn66g；〈新時代的中國國家安全〉，《中國"
        "政 府網》，2025 年 5 月 12 日，https://reurl.cc/kngppG。 \n"
        "\n"
        "- 2 原列舉項目包括政治安全、國土安全、軍事安全、經濟安全、文化安全、社會安全、科技安"
        " 全、資訊安全、生態安全、資源安全、核安全。詳見，〈習近平：堅持總體國家安全觀 走中國"
        "特 色國家安全道路〉，《中國共產黨新聞網》，2014 年 4 月 16 \n"
        "\n"
        "- 日，http://cpc.people.com.cn/n/2014/0416/c64094-24900492.html。 \n"
        "\n"
        "- 3 〈黨媒把遏制「港獨」納入習近平的總體國家安全觀〉，《法廣》，2017 年 4 月 16 日，"
        "https://reurl.cc/7KWZm9；〈以習近平總書記總體國家安全觀為指引 譜寫國家安全新篇 章〉，"
        "《求是網》，2017 年 4 月 15 \n"
        "\n"
        "1 \n"
        "\n"
        "國防安全雙週報 第 87 期 \n"
        "\n"
        "在「總體國家安全觀」於實踐層面的制度建構與戰略敘事，包括強調提升人民 安全感、幸福感，"
        "維護共產黨的領導與制度安全，保障高品質發展、領土主 權，推進涉外安全法治建構，以及推動"
        "全球安全倡議等內容。同時，白皮書並 揭示透過法治化、系統化與協同化的治理機制，以強化中"
        "國國家安全體系與能 力現代化。因其篇幅與所涉事項廣泛，本文僅就中國公布《新時代的中國國"
        "家 安全》白皮書中的對外與對台內容進行論述分析。 \n"
        "\n"
        "## **貳、安全意涵** \n"
        "\n"
        "### **一、白皮書係以和平辭彙包裝對抗意圖** \n"
        "\n"
        "從白皮書的內容來看，雖然基本上延續「總體國家安全觀」核心思維，但 是仍有值得關注之焦點"
        "。首先，中國為了提升白皮書的高度與格局並彰顯其內 容的正當性以及道德標準，白皮書首先提"
        "及「與其他國一道推動世界和平和發 展」，作為發布此白皮書的主因之一。後續亦多次強調中國"
        "維護世界穩定的立 場，試圖建立「中國是和平貢獻者」的國際形象。例如全文共出現 54 次「和"
        " 平」之詞，其中 11 次談到促進、推動或維護世界和平。 \n"
        "\n"
        "然而，在強調和平願景的同時，中共也將區域不穩定的責任推諉給他國， 尤其是以美國為首的「"
        "外部勢力」，或是推給「台獨勢力」。儘管文中常以 「個別國家」或「外部勢力」代稱而未直接"
        "點破，但相關描述已明示其指涉對 象。例如內文提到「亞太地區成為大國博弈焦點。個別國家強"
        "化亞太軍事同 盟，拉攏地區盟伴，構建排他性『小集團』，執意推進包括中導系統4在內的軍 事"
        "部署，嚴重加劇地區緊張局勢」、「個別國家以安全為名，對華打關稅戰、 貿易戰、科技戰、輿"
        "論戰，嚴重威脅中國的安全發展」以及「一些外部勢力處 心積慮打『台灣牌』，『台獨』勢力頑"
        "固堅持分裂立場，冒險挑釁」。此外， \n"
        "\n"
        "日，http://www.qstheory.cn/dukan/qs/2017-04/15/c_1120788993.htm。 \n"
        "\n"
        "4 引文中所指之「中導系統」為中程導彈系統。 \n"
        "\n"
        "2 \n"
        "\n"
        "國防安全雙週報 第 87 期 \n"
        "\n"
        "在當前國際社會中不少國家對美國總統川普的關稅政策之內容與正當性仍持保 留態度或表達不滿"
        "時，中共則直接點出「美國以各種藉口宣布對包括中國在內 的所有交易夥伴濫施關稅，嚴重侵犯"
        "各國正當權益，嚴重違反世界貿易組織規 則」，中共選擇性地針對較具國際爭議性的議題公開點"
        "名美方，藉此彰顯中國 在國際經貿秩序的道德優勢。 \n"
        "\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "《求是網》，2017 年 4 月 15 日，http://www.qstheory.cn/dukan/qs/2017-04/15/" \
        "c_1120788993.htm。\n\n[^4]: 引文中所指之「中導系統」為中程導彈系統。" in body
    assert "此外，在當前國際社會中不少國家" in body


def test_rest_of_a_footnote_that_cites_a_url_before_the_next_footnote():
    """_rest_of_cut_url: the rest of footnote 5, cut mid-sentence, which cites a URL and
    ends the footnote, as a paragraph right before footnote 6 (001-02, letter-14pt-sans)."""
    raw = (
        "英國航艦打擊群指揮官布萊克莫爾（James Blackmore）准將接受提問打 擊群是否在南海、台灣"
        "海峽等水域執行自由航行（FONOP）時表示，「所有選 項當然都存在」。4工黨政府上台後，英國"
        "軍艦 HMS Spey（P234）首次於 2025 年 6 月 18 日執行自由航行權通過台灣海峽，這也是 202"
        "1 年以來首次有英 艦穿越台海。此次英艦執行「高桅行動」，由澳洲北上前往日韓或結束任務返"
        " 回英國途中，如能於台灣海峽或在台灣東海岸鄰近區執行自由航行權，將對中 國產生更具體與"
        "說服力的威懾效果，並可藉此進一步觀察希利備戰印太論的虛 實。 \n"
        "\n"
        "### **二、呼應英國《2025 國家安全戰略》規劃** \n"
        "\n"
        "希利備戰印太論，強調實力、嚇阻與盟友概念以涉入印太安全，反映工黨 政府 2025 年 6 月公"
        "布《2025 國家安全戰略–於危險世界確保英國人民安全》 （National Security Strategy 2025"
        "—Security for the British People in a dangerous world, NSS 2025）（以下簡稱，《2025 "
        "國家安全戰略》）。它一 面擁抱國際主義（internationalism），重視價值與多邊合作，反對孤"
        "立主義， 另方面則是採用現實主義（realism）5，積極進行軍備投資，強化國防力量。 \n"
        "\n"
        "> 4 同前註。 \n"
        "\n"
        "> 5 《2025 國家安全戰略》使用「國際主義」與「現實主義」都未特別定義。以「現實主義」為"
        " 例，《2025 國家安全戰略》強調其對「硬實力」軍事力量的投資與運用，但未對所使用「現實"
        " 主義」進行學術式的定義與區隔，因此本文援用原文以避免自我擴充解釋。不過考量外交大臣拉"
        " 米以「進步現實主義」（progressive realism）形容工黨政府對外政策，強調實力與價值的二"
        " 元運用，所以此處「現實主義」應可視為拉米所指稱「進步現實主義」。更早之前，奈伊 （Jo"
        "seph S. Nye, JR）即曾提出「進步現實主義」概念，它是植基於「巧實力」（smart power）運"
        "用，以結合奈伊所謂的「硬實力」與「軟實力」。奈伊的「進步現實主義」，相當符 \n"
        "\n"
        "3 \n"
        "\n"
        "國防安全即時評析 \n"
        "\n"
        "首相施凱爾在《2025 國家安全戰略》的「前言」表示，「我們始終無懼地 捍衛自由、民主與國"
        "際主義（internationalism）。當這些核心價值在當今世界 遭到挑戰，我們更需要展現堅定意志"
        "。深化合作是國家利益所在，也唯有強化 盟友關係，才能共同因應全球威脅。」6《2025 國家安"
        "全戰略》同時主張加強自 我「硬實力」（hard power）投資的必要性，聲稱「我們必須以現實主"
        "義 （realism）與坦誠的態度，面對這個我們所身處的（危險）世界。」強調要提 高對武裝部隊"
        "的投資，並承諾更高的國防與國家安全支出。7希利的備戰印太 論，主張「以實力維持和平」（"
        "secure peace through strength），以及結合 盟友力量的必要性，著實地呼應《2025 國家安全"
        "戰略》國際主義與現實主義的 二元論述規劃。 \n"
        "\n"
        "在台灣議題上，《2025 國家安全戰略》將之置於「國安三柱」——「本土 安全」、「海外實力」"
        "與「增進主權及不對稱能力」——的「海外實力」第 21 項進行專門敘述。《2025 國家安全戰略》"
        "指出「台灣周邊存在特別的升高情勢 風險」，並就英國立場表態——「台灣問題應由海峽兩岸人民"
        "透過建設性對話， 以和平方式解決，不能以武力威脅、實際動武或任何脅迫手段來處理。我們不"
        " 支持任何片面改變現狀的企圖。在穩固的非官方夥伴關係基礎上，我們將持續 深化並拓展與台"
        "灣在多元領域的合作，這些合作奠基於彼此共享的民主價值 觀。」8 \n"
        "\n"
        "合拉米對「進步現實主義」的描述與《2025 國家安全戰略》對「現實主義」的一般性指稱。拉 "
        "米對「進步現實主義」的描述與運用，請參見 David Lammy, “The Case for Progressive Real"
        "ism,” Foreign Affairs, May/June 2024, https://reurl.cc/2QE72r. 奈伊對「進步現實主 義"
        "」的描述，請參見 Joseph S. Nye, JR., “Progressive Realism,” Project Syndicate, Augus"
        "t 21, 2006, https://www.project-syndicate.org/commentary/progressive-realism. \n"
        "\n"
        "6 “National Security Strategy 2025,” HM Government, June 2025, pp. 4-5, https://reur"
        "l.cc/WOvz7k. \n"
        "\n"
        "7 同前註，頁 9。 \n"
        "\n"
        "8 同前註，頁 36。 \n"
        "\n"
    )
    body = convert_text(raw, "snippet.md").articles[0].body
    assert "奈伊的「進步現實主義」，相當符合拉米對「進步現實主義」的描述" in body
    assert "commentary/progressive-realism.\n\n[^6]: “National Security Strategy 2025,”" in body


def test_latin_footnote_rest_glued_to_the_paragraph_the_page_broke():
    """_footnote_rest_after_paragraph: the Latin rest of footnote 6 that pymupdf4llm glued
    to the end of the body paragraph the next page's footnotes cut (003-06,
    letter-14pt-sans): the paragraph goes on on the next page."""
    from pathlib import Path

    fixture = (Path(__file__).parent / "fixtures" / "extracted"
               / "003-06-letter-14pt-sans.pymupdf4llm.txt")
    raw = fixture.read_text(encoding="utf-8")
    assert "可以套用先前釋出的開放模 Foreign Affairs, April 18, 2025, https://" in raw
    body = convert_text(raw, fixture.name).articles[0].body
    assert "可以套用先前釋出的開放模型訓練參數、或者再生成訓練過程中" in body
    assert "the Best Technology,” Foreign Affairs, April 18, 2025, https://www.foreignaffairs" \
        ".com/" in body
    assert "開放模 Foreign Affairs" not in body


def test_footnote_as_a_list_item_measured_with_the_footnotes_width():
    """_opens_like_note: a footnote set as a list item whose spaces between CJK characters
    end as many lines of the body's width (68) as of the footnotes' (86) is measured as a
    footnote (003-03, letter-14pt-sans): the author's space ``指引 譜寫`` stays."""
    from zhiku.clean.layout import remove_joined_wrap_spaces

    text = ("- 3 〈黨媒把遏制「港獨」納入習近平的總體國家安全觀〉，《法廣》，2017 年 4 月 16 日，"
            "https://reurl.cc/7KWZm9；〈以習近平總書記總體國家安全觀為指引 譜寫國家安全新篇 章〉，"
            "《求是網》，2017 年 4 月 15")
    lines = remove_joined_wrap_spaces(split_lines(text + "\n"), 68, Report(), notes=86,
                                      indent=0)
    assert "為指引 譜寫國家安全新篇章〉" in lines[0].text


def test_figure_caption_set_as_a_heading():
    """caption_set_as_heading: a figure's caption ``圖、…`` that pymupdf4llm set as a
    ``####`` heading is a paragraph (001-08, letter-14pt-sans)."""
    raw = (
        "國防安全即時評析 \n"
        "\n"
        "動，並遭受當局的迅速鎮壓。20加上，喜馬拉雅山地區本身受到印度板塊與歐亞 板塊的持續碰撞"
        "而成為地震頻繁地帶，2025 年 1 月西藏自治區日喀則甫發生地 震，至少造成 126 人死亡、3,"
        "612 戶房屋倒塌以及寺廟也受到不同程度的破 壞，以及有 5 座水庫出現裂縫等問題。21 \n"
        "\n"
        "可見，地震活動已多次對該地區的水壩造成破壞，因為水壩建設會對生態 系統造成不可逆的影響"
        "，並加劇斷層活動。水庫的重量可能進一步增加地震頻 率，增加災害發生的機率而對當地居民和"
        "基礎設施帶來威脅，並破壞區域的豐 富生態多樣性。 \n"
        "\n"
        "#### 圖、雅魯藏布江水電站位置 \n"
        "\n"
        "資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂慮〉，《中 央社》，2025 年 7 "
        "月 23 \n"
        "\n"
        "日，https://www.cna.com.tw/news/aopl/202507230228.aspx。 \n"
        "\n"
        "> 20 〈中國金沙江水壩迫遷數千人 BBC：抗議藏人被逮捕毆打〉，《中央社》，2024 年 12 月"
        " 24 日，https://www.cna.com.tw/news/aopl/202412240308.aspx。 \n"
        "\n"
        "> 21 同前註。 \n"
        "\n"
    )
    body = convert_text("## **壹、前言** \n\n" + raw, "snippet.md").articles[0].body
    assert "\n\n圖、雅魯藏布江水電站位置\n\n資料來源：" in body and "####" not in body


def test_text_printed_three_times_at_page_tops_is_no_running_header():
    """remove_running_headers: a line opening 3 of the 33 pages of a source that prints the
    same report three times (000) is the report's own text — its headings ``壹、目的``,
    ``貳、過程`` and the body lines that happen to open a page — not a header, which opens
    most pages; nothing of the three copies is lost."""
    from pathlib import Path

    seed = (Path(__file__).parent.parent / "corpus" / "000_ade5b05d6fde7cf9.txt").read_text(
        encoding="utf-8")
    once = body_of(seed)
    thrice = convert_text(seed * 3, "snippet.txt").articles[0].body
    assert thrice.count("## 壹、目的") == 3 and thrice.count("## 貳、過程") == 3
    assert "".join(thrice.split()).count("同目標是朝鮮半島完全無核化") == 3
    assert len(thrice) >= 3 * len(once)


EXTRACTED = Path(__file__).parent / "fixtures" / "extracted"
SNIPPETS = Path(__file__).parent / "fixtures" / "snippets"


def _page_numbers_without_form_feeds(fixture: str) -> tuple[list[tuple[int, str]], list]:
    """remove_page_numbers_by_position on an extraction in ``fixtures/extracted`` whose pages
    are joined by a line break: the (line, number) pairs it removed, and the lines kept."""
    from zhiku.clean.furniture import remove_page_numbers_by_position

    report = Report()
    lines = split_lines((EXTRACTED / fixture).read_text(encoding="utf-8"))
    kept = remove_page_numbers_by_position(lines, False, report)
    removed = [(c.line, c.before) for c in report.changes if c.fix == "remove_page_numbers"]
    return removed, kept


def test_page_numbers_without_form_feeds_are_told_from_footnote_numbers():
    """remove_page_numbers_by_position without form feeds (pypdf joins its pages with a line
    break): footnote numbers alone on a line (``3`` / `` 同前註。``) count up a page apart
    too (3 on page 1, 4 on page 2), but their text follows indented, and the page numbers
    (``1`` / ``國防安全即時評析``) are the later of two numbers that could open a chain."""
    removed, kept = _page_numbers_without_form_feeds("001-07-12pt-header.pypdf.txt")
    assert removed == [(35, "1"), (77, "2"), (114, "3"), (151, "4")]
    assert [line.no for line in kept if line.page_start] == [1, 36, 78, 115]


def test_a_line_opening_with_a_space_starts_a_page_only_in_double_spaced_text():
    """split_lines: the seeds' pdftotext puts a blank line after every line, and there a line
    opening with a space starts a page; pypdf opens each footnote's text with a space."""
    pypdf = "…面臨中斷風險。5\n4\n C. Todd Lopez, “DOD Looks to Establish …\n"
    assert [line.page_start for line in split_lines(pypdf)] == [True, False, False]
    seed = "結論。 \n\n 貳、過程 \n\n"
    assert [line.page_start for line in split_lines(seed)] == [True, True]


def test_a_short_last_page_number_closes_the_chain():
    """remove_page_numbers_by_position without form feeds: the last page of an article may
    hold three lines, fewer than a page apart from the number before, but a lone number that
    is the text's last line and counts on is the last page's (pypdf, a5-11pt:
    ``…從而改`` / ``變中國的國際經貿結構與版圖。`` / ``5``)."""
    removed, _ = _page_numbers_without_form_feeds("001-01-a5-11pt.pypdf.txt")
    assert [number for _, number in removed] == ["1", "2", "3", "4", "5"]


def test_a_marker_before_a_number_set_off_by_two_spaces():
    """mark_references: pypdf keeps the spaces of a stretched justified line, two after the
    marker: ``更加嚴峻」。 5  2022 年的《台灣問題…`` (003-x7 compilation, footnote 5); and
    the lone ``5`` at the page's foot opens footnote 5, its marker being in the body."""
    from zhiku.clean.footnotes import _marker_in_body, mark_references
    from zhiku.clean.layout import Line

    line = Line(313, "甚至形容兩岸局勢為「反分裂鬥爭形勢更加嚴峻」。 5  2022 年的《台灣問題與新時代")
    assert _marker_in_body("5", [line])
    mark_references(line, True, {5, 6}, [1, 2, 3, 4], Report())
    assert line.text == "甚至形容兩岸局勢為「反分裂鬥爭形勢更加嚴峻」。[^5]  2022 年的《台灣問題與新時代"


def _pypdf_12pt(article: str, folder: str = "extracted") -> str:
    """pypdf's text of a reference article in the layout ``12pt``: no page number, no
    running header, pages joined by a bare line break (in ``snippets``: an article whose
    paragraphs miss the fidelity target for other reasons, as with every extractor)."""
    path = EXTRACTED.parent / folder / f"{article}-12pt.pypdf.txt"
    return path.read_text(encoding="utf-8")


def test_footnote_block_ends_on_a_short_footnote_line_in_text_without_page_marks():
    """body_resumes_after_footnotes: with nothing to mark where a page ends, a page's
    footnotes end where a footnote's last line is short at the footnotes' width (the next
    line's first word would have fit on it): ``3`` / `` 同前註。`` / ``貳、安全意涵``; ``10`` / `` “8-K Current Report
    Filing,” …, https://reurl.cc/MzOxmm.`` / ``備，另外 50 億美元…`` (a sentence the page cut).
    Not at a line cut short by the URL that did not fit after it: ``Critical Minerals Sector,”
    Fastmarkets, July 17, 2025,`` / ``https://www.fastmarkets.com/…``."""
    body = body_of(_pypdf_12pt("001-07"))
    blocks = body.split("\n\n")
    assert "## 貳、安全意涵" in blocks
    assert "### 二、美國以最低價格保障穩定稀土市場" in blocks
    assert "[^3]: 同前註。" in blocks
    assert "[^10]: “8-K Current Report Filing,” MP Materials, July 10, 2025, " \
        "https://reurl.cc/MzOxmm." in blocks
    assert "[^11]: Yasemin Esmen, “One Big Beautiful Bill Expected to Drive Mostly Positive " \
        "Outcomes for Critical Minerals Sector,” Fastmarkets, July 17, 2025, " \
        "https://www.fastmarkets.com/insights/critical-minerals-funding-obb/." in blocks
    assert "其中 20 億美元用於增加美國境內之關鍵礦物軍事儲備，另外 50 億美元" in body
    assert "遠低於實際需求。[^13]" in body
    assert [f"[^{n}]:" in body for n in range(1, 15)] == [True] * 14
    assert not [block for block in blocks if block.strip().isdigit()]


def test_footnote_block_ends_before_a_full_body_line_in_text_without_page_marks():
    """body_resumes_after_footnotes: a footnote whose last line is full at the footnotes'
    width, then a full body line that stops mid-sentence, after which the next line's first
    word would have fit at the footnotes' width (no footnote line is that short but for a
    long word):
    ``Department of the Treasury, July 8, 2025, https://home.treasury.gov/…/sb0190.`` /
    ``初始存取權的主要途徑。15 而實際上…往往偏向無需過高技`` / ``術，僅需取得信任即可，…``."""
    body = body_of(_pypdf_12pt("001-05", "snippets"))
    assert "[^14]: “Sanctions Imposed on DPRK IT Workers Generating Revenue for the Kim " \
        "Regime,” US Department of the Treasury, July 8, 2025, " \
        "https://home.treasury.gov/news/press-releases/sb0190.\n" in body
    assert "這也是其獲取初始存取權的主要途徑。[^15] 而實際上藉由社交工程滲透的行動，往往偏向無需" \
        "過高技術，僅需取得信任即可" in body
    assert [f"[^{n}]:" in body for n in range(1, 26)] == [True] * 25
    assert not [block for block in body.split("\n\n") if block.strip().isdigit()]


def test_a_lone_footnote_number_before_an_indented_line_is_never_a_paragraph():
    """_indented_note_number: in text without page marks, the next footnote's number alone
    on a line before a line that opens with a space is pypdf's footnote, even where its
    marker in the body was not recognised (here taken out of the body)."""
    raw = _pypdf_12pt("001-07").replace("完全銷售予國防及民用客戶。3\n", "完全銷售予國防及民用客戶。\n")
    body = body_of(raw)
    assert "[^3]: 同前註。" in body.split("\n\n")
    assert not [block for block in body.split("\n\n") if block.strip().isdigit()]


def test_a_urls_rest_after_a_footnote_is_no_body_text():
    """body_resumes_after_footnotes: ``msf。`` would fit after the footnote's last line, but
    it finishes the URL that line was cut in (pdfplumber, 003-05, 12pt)."""
    from zhiku.clean.footnotes import body_resumes_after_footnotes
    from zhiku.clean.layout import Line

    note = ["〈경애하는 김정은동지께서 우리 나라 주재 로씨야련방대사관을 축하방문하시여 연설을 하시였다〉，〈조선",
            "중앙통신〉，2025年5月10日，http://kcna.kp/kp/article/q/abc11f8037a7138e04e12c49c38663d1.kc"]
    rest = Line(26, "msf。")
    body = Line(29, "人數可能已達4,700人，其中陣亡人數已達600人。另外，北韓境內的寧邊核武研究設施、豐溪")
    # measured in that article: a full body line 74, a full footnote line 98
    assert not body_resumes_after_footnotes(note, rest, body, 74, 98)
    assert body_resumes_after_footnotes(note + ["msf。"], body, None, 74, 98)


def test_page_numbers_without_form_feeds_are_told_from_markers_on_lines_of_their_own():
    """remove_page_numbers_by_position without form feeds: PyMuPDF sets a marker on a line of
    its own, and markers 10, 11, 12, 13 stand a page apart as much as page numbers 1–4
    do; the page numbers are the chain that the running header follows
    (``1`` / ``國防安全即時評析``), and it spans more of the text."""
    removed, _ = _page_numbers_without_form_feeds("001-07-12pt-header.pymupdf-joined.txt")
    assert [number for _, number in removed] == ["1", "2", "3", "4"]


def test_a_footnote_line_ending_in_an_initial_goes_on():
    """body_resumes_after_footnotes: ``Brue W.`` ends like a sentence, but an initial ends no
    footnote; ``Bennett,`` is its next word, not the body resuming (pdfplumber, 002-01, 12pt;
    a full body line 74 wide there, a full footnote line 97)."""
    from zhiku.clean.footnotes import body_resumes_after_footnotes
    from zhiku.clean.layout import Line

    note = ["本表參考蘭德研究所和現代峨山政經研究所共同編寫的研究報告再次編輯而成。原文參照：Brue W."]
    rest = Line(256, "Bennett, et al., “Countering the Risks of North Korean Nuclear Weapons”, 2021.4, RAND")
    assert not body_resumes_after_footnotes(note, rest, None, 74, 97)


def test_a_line_end_hyphen_pdfium_marked_comes_back_with_its_line_break():
    """split_lines: PDFium (pypdfium2) joins a printed line that ends in a hyphen to the next
    and writes U+FFFE for the hyphen; both come back, numbered as the raw line (001-07)."""
    raw = ("https://www.reuters.com/business/mp-materials-partners-with-department-defense-boost-us"
           "\ufffe" "rare-earth-magnet-supply-2025-07-10/.\n")
    lines = split_lines(raw)
    assert [(line.no, line.text) for line in lines] == [
        (1, "https://www.reuters.com/business/mp-materials-partners-with-department-defense-boost-us-"),
        (1, "rare-earth-magnet-supply-2025-07-10/.")]


def test_the_rest_of_a_line_pdfium_broke_after_a_marker_is_glued_back():
    """rejoin_lines_split_at_markers: PDFium starts a new line after a superscript marker,
    so one printed line becomes ``…海上對峙，2`` / ``1996 年 3 月台海危機期``; inside a
    sentence, and where the pieces make one full line (the paragraph's first, short by its
    indent), they are one line again and the paragraph goes on (003-01, 12pt-header)."""
    body = body_of((EXTRACTED / "003-01-12pt-header.pypdfium2.txt").read_text(encoding="utf-8"))
    assert "嚴重海上對峙，[^2] 1996 年 3 月台海危機期間，雙方機艦在台灣周遭大量集結" in body


def test_a_short_rest_pdfium_broke_after_a_sentence_marker_is_glued_back():
    """rest_of_a_line_after_a_sentence_marker: after ``…更加嚴峻」。5`` a paragraph could end,
    but ``2022 年`` cannot stand alone (it stops mid-sentence, is no heading, is shorter than
    a paragraph's first line, and ``的《台灣問題…`` goes on): it is the rest of the printed
    line (003-03, 12pt, pypdfium2)."""
    body = body_of((EXTRACTED / "003-03-12pt.pypdfium2.txt").read_text(encoding="utf-8"))
    assert "更加嚴峻」。[^5] 2022 年的《台灣問題與新時代中國統一事業》白皮書則因為對台政策" in body
    assert "\n\n2022 年\n\n" not in body


def test_a_rest_pdfium_broke_after_a_sentence_marker_is_no_first_line_with_room_left():
    """rest_of_a_line_after_a_sentence_marker in a5-11pt (justified, indent 4): the rest
    ``2022 年的《台灣問題與新時代中國統一事業》白皮書則因為`` is 54 wide, within the slack of
    a first line's 56, but a first line would have taken ``對`` (2) too: it is the rest of
    the printed line ``峻」。5 2022 年…`` (003-03, pypdfium2)."""
    body = body_of((EXTRACTED / "003-03-a5-11pt.pypdfium2.txt").read_text(encoding="utf-8"))
    assert "更加嚴峻」。[^5] 2022 年的《台灣問題與新時代中國統一事業》白皮書則因為對台政策" in body


def _pdfium_12pt_001_05() -> str:
    """PDFium's text of 001-05 in the layout ``12pt``: no page numbers, pages joined by a
    bare line break, two footnote numbers alone on a line (``7`` / ``Linas Kmieliauskas, …``;
    ``8`` / ``Insights, …``), a page apart (in ``snippets``: the article's paragraphs miss
    the target where a paragraph's last line is full, as with every extractor)."""
    path = EXTRACTED.parent / "snippets" / "001-05-12pt.pypdfium2.txt"
    return path.read_text(encoding="utf-8")


def test_two_footnote_numbers_a_page_apart_are_no_page_numbers_when_pages_follow():
    """remove_page_numbers_by_position without form feeds: ``7`` (line 56) and ``8`` (line
    77) count up a page apart, but 97 lines of text follow with no number; a footer numbers
    every page, so they are footnote numbers, and the paragraph that footnotes 1–4 cut
    goes on in the body, not in footnote 4."""
    from zhiku.clean.furniture import remove_page_numbers_by_position

    report = Report()
    remove_page_numbers_by_position(split_lines(_pdfium_12pt_001_05()), False, report)
    assert [c for c in report.changes if c.fix == "remove_page_numbers"] == []
    body = body_of(_pdfium_12pt_001_05())
    assert "[^7]: Linas Kmieliauskas, “Personal Crypto Wallet and Physical Attacks on the Rise " \
        "as Market Rallies,” Cybernews, July 18, 2025, https://shorturl.at/91Zo3.\n" in body
    assert "[^4]: “Inside Lazarus Group: Analysing North Korea's Most Infamous Crypto Hacks,” " \
        "Hacken, September 3, 2024, https://shorturl.at/3oD5D.\n" in body
    assert "進一步提升這些攻擊的複雜性、速度及規模，對全球金融穩定和國家安全構成日益增長" in body


def test_page_numbers_of_two_reports_each_run_to_their_report_end():
    """_counting_lone_numbers: a second report numbered from 1 after the first one's last
    page: each chain runs to the next chain's pages (or the text's end), so both go."""
    from zhiku.clean.furniture import remove_page_numbers_by_position

    page = [f"第{n}行的正文，寫滿了一整行的字" for n in range(12)]
    raw = "\n".join([*page, "1", *page, "2", *page, "1", *page, "2", *page, "3"]) + "\n"
    report = Report()
    remove_page_numbers_by_position(split_lines(raw), False, report)
    assert [c.before for c in report.changes if c.fix == "remove_page_numbers"] == \
        ["1", "2", "1", "2", "3"]
    cut_short = "\n".join([*page, "1", *page, "2", *page, *page, *page, *page]) + "\n"
    report = Report()
    remove_page_numbers_by_position(split_lines(cut_short), False, report)
    assert [c for c in report.changes if c.fix == "remove_page_numbers"] == []


def test_the_rest_of_a_line_after_a_marker_glues_back_once_the_footnotes_end():
    """rejoin_lines_split_at_markers in text without page marks: footnote 2's number alone on
    a line (``2`` / `` Public Service Announcement, …``) starts a page's footnotes, and the
    body's next marker (``…增加了 103%，6``) shows the body goes on, so PDFium's ``2025 年``
    is the rest of that printed line, not a paragraph."""
    body = body_of(_pdfium_12pt_001_05())
    assert "驚人地增加了 103%，[^6] 2025 年被竊資金的累積僅用 142 天就達到" in body


def test_a_space_pypdf_sets_after_a_marker_takes_no_width():
    """_printed_width: pypdf writes a space after a superscript marker; it is not printed, so
    a paragraph's first line, short by its indent, still reads as short (003-05 in the 003
    compilation: ``相較於朝中關係，…「圖們江大橋」7 也已開``)."""
    from zhiku.clean.paragraphs import _printed_width

    pypdf = "相較於朝中關係，目前朝俄關係發展可謂相當迅速，去年朝俄雙邊曾提及的「圖們江大橋」[^7] 也已開"
    glued = "相較於朝中關係，目前朝俄關係發展可謂相當迅速，去年朝俄雙邊曾提及的「圖們江大橋」[^7]也已開"
    assert _printed_width(pypdf) == _printed_width(glued)


def test_a_space_pdfium_lost_after_an_acronym_comes_back():
    """restore_dropped_spaces: PDFium lost the space in ``HMS Spey`` (001-02); the article
    prints ``HMS`` as a word of its own (``HMS Prince of Wales``), so the space comes back.
    ``AInvest`` (one capital before the word) and an acronym never printed alone stay."""
    from zhiku.clean.chars import restore_dropped_spaces, standalone_acronyms

    article = ["接受英國《電訊報》（HMS Prince of Wales）的訪問",
               "工黨政府上台後，英國軍艦 HMSSpey（P234）首次於 2025 年 6 月 18 日",
               "“Crypto Industry Loses $2.1 Billion to Cyber Attacks in 2025,” AInvest, July"]
    acronyms = standalone_acronyms(article)
    assert restore_dropped_spaces(article[1], acronyms) == (
        "工黨政府上台後，英國軍艦 HMS Spey（P234）首次於 2025 年 6 月 18 日")
    assert restore_dropped_spaces(article[2], acronyms) == article[2]
    assert restore_dropped_spaces("KRINSBrookings 國際會議", acronyms) == "KRINSBrookings 國際會議"


def test_a_space_lost_inside_a_line_comes_back_where_line_end_hyphens_are_dropped():
    """glued_inside_a_line: PDFium's 001-02 has no line-end hyphen, so nothing shows that it
    keeps them, and a glued pair could be a hyphen pdftotext dropped. But pdftotext moves a
    hyphenated word's rest up to where a full line ends; ``HMSSpey`` joins 34 units into a
    line of 74, so the space comes back (fixture ``001-02-12pt.pypdfium2``). A joint where a
    full line ends may be a dropped hyphen: it stays."""
    from zhiku.clean.chars import glued_inside_a_line

    pdfium = split_lines("在」。4工黨政府上台後，英國軍艦 HMSSpey（P234）首次於 2025 年 6 月 18 日執\n")
    assert glued_inside_a_line(pdfium, 74) == {"HMSSpey"}
    at_a_line_end = split_lines("工黨政府上台後，英國軍艦於 2025 年 6 月 18 日執行自由航行，通過台"
                                "灣海峽的是 HMSSpey\n")
    assert glued_inside_a_line(at_a_line_end, 74) == set()
    body = body_of((EXTRACTED / "001-02-12pt.pypdfium2.txt").read_text(encoding="utf-8"))
    assert "英國軍艦 HMS Spey（P234）首次於 2025 年 6 月 18 日" in body


#: 002-01, <表二>, pypdf of the 10.5pt-dense layout (the page's footnote and page number lifted
#: out, the header printed again on the next page dropped): one printed cell line per line,
#: a row's label and its first cell's first line on one line (one baseline)
TABLE_2_PYPDF = (
    "領域 作法 意義\n黨 增設黨中央監察委員會和規\n律調查部，打破單位特殊化的本\n"
    "黨機器的運作獲得強化，避\n免出現單位獨大的問題，提高黨\n"
    "位主義，加強黨高層幹部管理和\n思想教育。\n行政效率，從中央貫徹到地方。\n"
    "政 1. 內閣閣員的現地了解次數\n增加，金正恩公開對外的現地指\n導次數大幅減少。 2. 國務委員長\n"
    "不再具有代議員的身份，也不再\n全程參加最高人民會議的議程，\n但仍掌握國防省、社會安全省、\n"
    "國家安全保衛省，外交權回歸內\n閣，國務委員會成為政令公布和\n法令決定的最終單位。 3. 金正恩\n"
    "親自以施政演說和會議演說來闡\n述國家政策和方向。\n1. 內閣負起主要的施政成敗\n"
    "的責任，避免危及金正恩在政治\n上的威信，同時也可穩定軍權。\n2. 金正日的先軍政治特色大幅減\n"
    "弱，但保有金日成時代的「北韓\n特色社會主義體系」。\n軍 增設黨軍政指導部，以組織\n"
    "指導部、黨中央軍委共同指導朝\n鮮人民軍總政治局。現役高階將\n領在黨中央的人數減少。\n"
    "總政治局長的地位大幅弱\n化，先軍政治的體系逐漸瓦解，\n軍部回歸到黨的指揮。"
)


def test_a_table_read_one_cell_line_per_line_becomes_a_gfm_table_where_certain():
    """rebuild_cell_per_line_table (pypdf, 002-01 in 10.5pt-dense): the header repeated on
    the next page gives 3 columns; the 黨 row the page splits had two lines in each cell, so
    the three lines after the break go on in both, in order, and only ``位主義…管理和`` /
    ``思想教育。`` | ``行政效率…地方。`` fits (``思想教育。`` is no full line that could go on);
    a cell's first line is short by the paragraphs' indent (4)."""
    from zhiku.clean import render_table
    from zhiku.clean.layout import Line
    from zhiku.clean.paragraphs import rebuild_cell_per_line_table

    table = [Line(number, text) for number, text in enumerate(TABLE_2_PYPDF.split("\n"), 1)]
    rows = rebuild_cell_per_line_table(table, 1, {5}, first_indent=4)
    assert render_table(rows).split("\n") == [
        "| 領域 | 作法 | 意義 |",
        "| --- | --- | --- |",
        ("| 黨 | 增設黨中央監察委員會和規律調查部，打破單位特殊化的本位主義，加強黨高層幹部管理和思想教育。"
            " | 黨機器的運作獲得強化，避免出現單位獨大的問題，提高黨行政效率，從中央貫徹到地方。 |"),
        ("| 政 | 1. 內閣閣員的現地了解次數增加，金正恩公開對外的現地指導次數大幅減少。"
            " 2. 國務委員長不再具有代議員的身份，也不再全程參加最高人民會議的議程，但仍掌握國防省、"
            "社會安全省、國家安全保衛省，外交權回歸內閣，國務委員會成為政令公布和法令決定的最終單位。"
            " 3. 金正恩親自以施政演說和會議演說來闡述國家政策和方向。"
            " | 1. 內閣負起主要的施政成敗的責任，避免危及金正恩在政治上的威信，同時也可穩定軍權。"
            " 2. 金正日的先軍政治特色大幅減弱，但保有金日成時代的「北韓特色社會主義體系」。 |"),
        ("| 軍 | 增設黨軍政指導部，以組織指導部、黨中央軍委共同指導朝鮮人民軍總政治局。現役高階將領在黨中央的人數減少。"
            " | 總政治局長的地位大幅弱化，先軍政治的體系逐漸瓦解，軍部回歸到黨的指揮。 |"),
    ]


def test_a_table_read_one_cell_line_per_line_stays_text_where_two_readings_fit():
    """rebuild_cell_per_line_table refuses <表二> as PyMuPDF reads it in 12pt (the snippet
    fixture): each cell line is a line of its own and the 作法 and 意義 columns are equally
    wide (22), so ``總政治局長的地位大幅弱`` could as well be a fourth row's label; the table stays
    the fenced text block."""
    from zhiku.clean import prepare_source
    from zhiku.clean.paragraphs import drop_repeated_table_header, rebuild_cell_per_line_table

    raw = (Path(__file__).parent / "fixtures" / "snippets"
           / "002-01-12pt.pymupdf.txt").read_text(encoding="utf-8")
    lines = [line for line in prepare_source(raw, Report()).lines if not line.gap]
    start = next(i for i, line in enumerate(lines) if line.text.startswith("<表二>")) + 1
    end = next(i for i, line in enumerate(lines) if line.text.startswith("實際上，金正恩從"))
    repeats: list[tuple[int, int]] = []
    # the page's footnote, which the cleaner lifts out before it builds paragraphs
    cells = [line for line in lines[start:end] if not line.text.startswith("2 로동신문")]
    table = drop_repeated_table_header(cells, Report(), repeats)
    assert repeats == [(33, 3)] and table[33].text == "3. 金正恩親自以施政演說"
    assert rebuild_cell_per_line_table(table, 3, {33}) is None
    assert "```text\n領域\n作法\n意義\n黨\n" in body_of(raw)


def test_rebuild_layout_table_reads_cells_by_column() -> None:
    """rebuild_layout_table (pdftotext -layout, 002-01 in a5-11pt, <表二>): cells read by
    their character column; the header printed again on the next page at other columns is
    dropped; two cells one space apart (``2. 國務委員長不再具 可穩定軍權。 2. 金``) are cut."""
    from zhiku.clean.paragraphs import rebuild_layout_table

    raw = '  領域         作法            意義\n  黨          增設黨中央監察       黨機器的運作獲\n          委員會和規律調查       得強化，避免出現單\n          部，打破單位特殊化      位獨大的問題，提高\n          的本位主義，加強黨      黨行政效率，從中央\n          高層幹部管理和思想      貫徹到地方。\n          教育。\n  政          1. 內閣閣員的現     1. 內閣負起主要\n          地了解次數增加，金      的施政成敗的責任，\n          正恩公開對外的現地      避免危及金正恩在政\n          指導次數大幅減少。      治上的威信，同時也\n          2. 國務委員長不再具 可穩定軍權。 2. 金\n          有代議員的身份，也      正日的先軍政治特色\n          不再全程參加最高人      大幅減弱，但保有金\n          民會議的議程，但仍      日成時代的「北韓特\n          掌握國防省、社會安      色社會主義體系」。\n          全省、國家安全保衛\n          省，外交權回歸內\n          閣，國務委員會成為\n          政令公布和法令決定\n          的最終單位。 3. 金\n          正恩親自以施政演說\n\x0c    領域                作法                  意義\n                   和會議演說來闡述國\n                   家政策和方向。\n    軍                 增設黨軍政指導             總政治局長的地\n                   部，以組織指導部、          位大幅弱化，先軍政\n                   黨中央軍委共同指導          治的體系逐漸瓦解，\n                   朝鮮人民軍總政治           軍部回歸到黨的指\n                   局。現役高階將領在          揮。\n                   黨中央的人數減少。\n'
    rows = rebuild_layout_table(split_lines(raw))
    assert rows == [
        ["領域", "作法", "意義"],
        ["黨", "增設黨中央監察委員會和規律調查部，打破單位特殊化的本位主義，加強黨高層幹部管理和思想教育。",
         "黨機器的運作獲得強化，避免出現單位獨大的問題，提高黨行政效率，從中央貫徹到地方。"],
        ["政", ("1. 內閣閣員的現地了解次數增加，金正恩公開對外的現地指導次數大幅減少。 "
               "2. 國務委員長不再具有代議員的身份，也不再全程參加最高人民會議的議程，但仍掌握國防省、"
               "社會安全省、國家安全保衛省，外交權回歸內閣，國務委員會成為政令公布和法令決定的最終單位。 "
               "3. 金正恩親自以施政演說和會議演說來闡述國家政策和方向。"),
         ("1. 內閣負起主要的施政成敗的責任，避免危及金正恩在政治上的威信，同時也可穩定軍權。 "
         "2. 金正日的先軍政治特色大幅減弱，但保有金日成時代的「北韓特色社會主義體系」。")],
        ["軍", "增設黨軍政指導部，以組織指導部、黨中央軍委共同指導朝鮮人民軍總政治局。現役高階將領在黨中央的人數減少。",
         "總政治局長的地位大幅弱化，先軍政治的體系逐漸瓦解，軍部回歸到黨的指揮。"],
    ]


def test_rebuild_layout_table_gives_up_on_a_label_that_may_wrap() -> None:
    """rebuild_layout_table: a label line as wide as the widest label, followed by one at the
    same column with no cell ended by width and no line set further left, may be a wrapped
    label or a new row: no table (the fenced text block stays)."""
    from zhiku.clean.paragraphs import rebuild_layout_table

    raw = ("領域          作法              意義\n"
           "核武裝        第三方提供援助的  敵對國家的核武器\n"
           "狀態          國家，或潛在盟國  使用時機與條件等\n")
    assert rebuild_layout_table(split_lines(raw)) is None


def test_markers_a_justified_column_pads_on_both_sides_are_markers():
    """mark_references: pdftotext -layout of a justified column sets a marker off by a space
    on both sides, also before full-width punctuation (001-02 in two columns):
    ``義（realism） 5 ，積極``, ``戰略演訓 14 ，展現``. Before, both stayed in the text;
    footnote 5's number, alone under the column, was glued to the body's ``第 21`` as
    ``第 215`` and the column's footnotes were read as body text."""
    from zhiku.clean.footnotes import mark_references
    from zhiku.clean.layout import Line

    line = Line(85, "義（realism） 5 ，積極進行軍備投資，強化國防力")
    used: list[int] = [4]
    mark_references(line, True, {5, 6}, used, Report())
    assert line.text == "義（realism）[^5]，積極進行軍備投資，強化國防力" and used == [4, 5]

    line = Line(160, "台灣海峽的作為，以呼應此次英國於印太的「高桅行動」戰略演訓 14 ，展現英國")
    used = [13]
    mark_references(line, True, {14}, used, Report())
    assert line.text == "台灣海峽的作為，以呼應此次英國於印太的「高桅行動」戰略演訓[^14]，展現英國"

    # a page or a note a word before counts stays: ``頁 9 ，`` is no marker
    line = Line(7, "同前註，頁 9 ，另見")
    mark_references(line, True, {9}, [8], Report())
    assert line.text == "同前註，頁 9 ，另見"

    fixture = EXTRACTED / "001-02-two-column.pdftotext-layout.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert "另方面則是採用現實主義（realism）[^5]，積極進行軍備投資" in body
    assert "「海外實力」第 21 項進行專門敘述。" in body
    assert "\n\n[^5]: 《2025 國家安全戰略》使用「國際主義」與「現實主義」都未特別定義。" in body
    assert "「高桅行動」戰略演訓[^14]，展現英國" in body and "\n\n[^14]: 同註 3。" in body


def test_pymupdf4llm_paragraph_lines_in_two_columns_are_not_hard_wrapped():
    """is_hard_wrapped / ends_sentences: pymupdf4llm writes a paragraph on one line; in two
    narrow columns a column or a page cuts many of them, so half its long lines are under 60
    characters, as short as a printed line (001-08 in two columns). Most of its long lines
    end a sentence, which only a paragraph's last line does in hard-wrapped text. Before,
    the text was read as hard-wrapped: its headings came out as ``\\## 壹、前言`` and every
    paragraph and footnote was glued to the next; the fidelity scores were all 0.
    _plain_footnote_tail: footnote 4, set as a list item, goes on with its date's day alone
    (``… 2024 年 12 月 26`` / ``日`` / ``，https://…``), not in the body paragraph."""
    from zhiku.clean.layout import is_hard_wrapped

    raw = (SNIPPETS / "001-08-two-column.pymupdf4llm.txt").read_text(encoding="utf-8")
    assert not is_hard_wrapped(split_lines(raw))
    body = convert_text(raw, "001-08.txt").articles[0].body
    assert body.startswith("## 壹、前言\n\n2025 年 7 月 19 日國務院總理李強出席雅魯藏布江下游水電工程"
                           "開工儀式，並宣布該工程正式開工（工程所在位置請見附圖）。[^1]")
    assert "\n\n## 貳、安全意涵\n\n### 一、該建設有助於中國的經濟發展\n\n" in body
    assert ("重要關鍵，[^5]例如平陸運河、荊漢運河、湘桂運河以及浙贛粵運河等，"
            "中國透過基礎設施投資來刺激自身經濟。\n\n") in body
    assert ("\n\n[^4]: 〈雅魯藏布江下游水電工程已獲核准〉，《人民網》， 2024 年 12 月 26 日，"
            "https://paper.people.com.cn/rmrb/pc/content/202412/26/content_30048273.html。") in body

    # pdftotext's lines of the same column stay hard-wrapped
    column = ("2025 年 7 月 19 日國務院總理李強出席雅魯藏布\n\n江下游水電工程開工儀式，並宣布該工程正式開工\n\n"
              "（工程所在位置請見附圖）。1該工程位於西藏自治區\n\n林芝市，採取「截彎取直、隧洞引水」的開發方式，\n\n"
              "建設 5 座梯級電站，總投資金額約 1.2 兆人民幣（約\n\n4.8 兆新台幣），電力主要以外送消納為主，2兼顧西\n\n"
              "藏本地的用電需求。該建設早就列在 2021 年的十四 \n\n")
    assert is_hard_wrapped(split_lines(column))


def test_pymupdf4llm_double_spaced_paragraph_lines_are_not_hard_wrapped():
    """is_hard_wrapped (pymupdf4llm, 001-08 in a4-double-headnum): double-spaced print puts
    fewer lines on a page, so more paragraphs are a page's rest of one or two lines, and the
    footnotes are many short quotes; 7 of its 70 lines (10%) are wider than any printed line
    can be. Before, it was read as hard-wrapped (``\\## 壹、前言``, every paragraph glued;
    para F1 0.034). Three such lines and 5% of the lines say it."""
    from zhiku.clean.layout import is_hard_wrapped

    raw = (EXTRACTED / "001-08-a4-double-headnum.pymupdf4llm.txt").read_text(encoding="utf-8")
    assert not is_hard_wrapped(split_lines(raw))
    assert convert_text(raw, "001-08.txt").articles[0].body.startswith(
        "## 壹、前言\n\n2025 年 7 月 19 日國務院總理李強出席雅魯藏布江下游水電工程開工儀式")


def test_an_unnumbered_heading_line_ends_before_a_paragraphs_first_line():
    """end_headings_before_paragraph_openings / _unnumbered_heading_line: pypdf, PyMuPDF and
    PDFium of a narrow column (full line 46, first-line indent 4, which the text does not
    show; 004-01 in two columns). The heading line is 8 short: not far enough short of the
    margin to end a line that ends no sentence, but shorter than an indented first line by
    more than the next line's first character; the next line is short by the indent."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import end_headings_before_paragraph_openings

    wrap = Wrap(full=46, slack=1, first_indent=4)
    heading = Line(16, "日本表明堅定反對俄羅斯侵略戰爭的立場")
    opening = Line(17, "在日俄關係方面，由於俄羅斯近十餘年來計畫重")
    full = Line(18, "返亞洲，因此希望與日本改善關係，提出共同開發北")
    assert end_headings_before_paragraph_openings([heading], opening, full, wrap)
    # a paragraph's first line, short by its indent only, goes on
    first = Line(16, "在日俄關係方面，由於俄羅斯近十餘年來計畫重")
    assert not end_headings_before_paragraph_openings([first], full, full, wrap)
    # a line with sentence punctuation is no heading; nor is a block's second line
    assert not end_headings_before_paragraph_openings(
        [Line(16, "日本表明堅定反對俄羅斯侵略，戰爭的立場")], opening, full, wrap)
    assert not end_headings_before_paragraph_openings([full, heading], opening, full, wrap)

    fixture = EXTRACTED / "004-01-two-column.pypdf.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert ("連帶影響到東北亞的安保情勢。\n\n## 日本表明堅定反對俄羅斯侵略戰爭的立場\n\n"
            "在日俄關係方面，由於俄羅斯近十餘年來計畫重返亞洲，") in body


def test_a_stretched_line_before_a_latin_word_and_its_closing_bracket():
    """rejoin_stretched_line_pieces / _OPENING_WORD: a Latin word wraps with the full-width
    closing marks after it, which no line may open with (PyMuPDF, 001-07 in two columns:
    ``NdPr）`` needs 7 columns, ``NdPr`` alone 4, and the stretched line leaves 7). Before,
    ``化`` / ``物`` / ``（`` / ``Neodymium-Praseodymium Oxide,`` stayed pieces, and the
    paragraph ended at ``…釹鐠氧化``."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import rejoin_stretched_line_pieces

    lines = [Line(22, "資還包括：對 MP Materials 所儲存與銷售之釹鐠氧"), Line(23, "化"),
             Line(24, "物"), Line(25, "（"), Line(26, "Neodymium-Praseodymium Oxide,"),
             Line(27, "NdPr）相關永磁產品，設定十年間最低價格為每公斤")]
    wrap = Wrap(full=46, slack=1, first_indent=4, latin_wrap_spaces=True)
    joined = rejoin_stretched_line_pieces(lines, wrap, Report())
    assert [line.text for line in joined] == [
        "資還包括：對 MP Materials 所儲存與銷售之釹鐠氧", "化物（Neodymium-Praseodymium Oxide,",
        "NdPr）相關永磁產品，設定十年間最低價格為每公斤"]

    fixture = EXTRACTED / "001-07-two-column.pymupdf.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert ("所儲存與銷售之釹鐠氧化物（Neodymium-Praseodymium Oxide, NdPr）相關永磁產品，"
            "設定十年間最低價格為每公斤 110 美元") in body


def test_a_months_number_cut_from_its_month_by_a_line_break_is_no_marker():
    """mark_references / _month_cut_by_line_break: PyMuPDF drops the space of ``4 月`` at a
    line break, so a date without its year leaves the month's number glued to the line's end
    (003-04 in two columns: ``特別受矚目的是4`` / ``月29 日外交部微信公眾號…``). Footnote 4
    exists, so before, ``4`` became its marker, and footnotes 2 and 3 never found theirs.
    The very next footnote's number stays a marker, whatever the next line opens with."""
    from zhiku.clean.footnotes import mark_references
    from zhiku.clean.layout import Line

    line = Line(15, "在中國政府一系列的官宣中，特別受矚目的是4")
    used = [1]
    mark_references(line, True, {1, 2, 3, 4}, used, Report(), next_text="月29 日外交部微信公眾號")
    assert line.text == "在中國政府一系列的官宣中，特別受矚目的是4" and used == [1]
    line = Line(15, "在中國政府一系列的官宣中，特別受矚目的是2")
    mark_references(line, True, {1, 2, 3, 4}, used, Report(), next_text="月29 日外交部微信公眾號")
    assert line.text == "在中國政府一系列的官宣中，特別受矚目的是[^2]" and used == [1, 2]

    fixture = EXTRACTED / "003-04-two-column.pymupdf.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert "特別受矚目的是4 月29 日外交部微信公眾號" in body
    assert "美國副總統范斯（JD Vance）則稱中國主動聯繫美方。[^2]" in body
    assert "高舉火炬照亮前路。[^3]此則影片選擇以「不跪」" in body


def test_a_footnotes_date_unit_alone_before_its_quoted_rest_on_the_next_page():
    """reclaim_date_unit_before_quote: pymupdf4llm broke footnote 9 inside its date at a
    page end (``> 9 …《新唐人》，2025 年 5 月 6``); on the next page, after body text, the
    day comes alone as a plain line, then the rest as a quote (003-04 in two columns):
    ``日`` / ``> ，https://www.ntdtv.com/b5/2025/05/06/a103982863.html。``. Before, ``日``
    stayed in the body as a paragraph of its own."""
    raw = (SNIPPETS / "003-04-two-column.pymupdf4llm.txt").read_text(encoding="utf-8")
    body = convert_text(raw, "003-04.txt").articles[0].body
    assert "\n\n日\n\n" not in body
    assert ("《新唐人》，2025 年 5 月 6 日，https://www.ntdtv.com/b5/2025/05/06/a103982863.html。\n"
            in body)


def test_a_heading_pymupdf4llm_wrote_as_two_heading_lines_is_one():
    """join_heading_wrapped_in_two: a numbered heading line as wide as a body line (42 of
    46), then a heading line without numbering in the same ``###`` (003-02 in two columns):
    one heading, wrapped. A short numbered heading keeps its subheading under it."""
    raw = (EXTRACTED / "003-02-two-column.pymupdf4llm.txt").read_text(encoding="utf-8")
    body = convert_text(raw, "003-02.txt").articles[0].body
    assert "\n\n### 一、美國介入角色更為積極，強化美烏雙方之戰略聯盟關係\n\n該項礦產協議之簽署" in body
    assert "略聯盟關係\n\n### " not in body

    short = raw.replace("### **一、美國介入角色更為積極，強化美烏雙方之戰** ", "### **一、美國介入角色** ")
    body = convert_text(short, "003-02.txt").articles[0].body
    assert "\n\n### 一、美國介入角色\n\n#### 略聯盟關係\n\n" in body


def test_a_sentence_an_extractor_set_as_a_heading_is_body_text():
    """sentence_set_as_heading: pymupdf4llm set the rest of a paragraph at a column's top
    as ``####`` (001-04 in two columns): a line without numbering that ends with ``。`` is
    no heading, and it goes on the paragraph the page broke."""
    from zhiku.clean.paragraphs import sentence_set_as_heading

    assert sentence_set_as_heading("播更是難以取得明顯的重大成效，僅能利用噪音和空 飄垃圾氣球在韓國境內製造恐慌。")
    assert sentence_set_as_heading("在韓國境內製造恐慌。[^12]")
    assert not sentence_set_as_heading("一、北韓或將持續確保「文化安全」的發展")
    assert not sentence_set_as_heading("美國將在南太平洋取得暫時優勢")
    assert not sentence_set_as_heading("中國會攻台嗎？")

    fixture = EXTRACTED / "001-04-two-column.pymupdf4llm.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert ("軟實力也大幅落後於韓國，近期的對南廣播更是難以取得明顯的重大成效，"
            "僅能利用噪音和空飄垃圾氣球在韓國境內製造恐慌。\n\n") in body


def test_a_plain_footnotes_title_closed_on_the_next_line_is_its_rest():
    """_plain_footnote_tail / _closes_a_bracket_left_open: pymupdf4llm set footnote 16 as a
    plain paragraph that stops inside its title, 〈…“…; the next paragraph closes both:
    it is the footnote's rest, and so is the date's day with the URL after it (001-04 in
    two columns). Before, both went into the body paragraph the page broke."""
    fixture = EXTRACTED / "001-04-two-column.pymupdf4llm.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert ("[^16]: 〈VOA·RFA 이어 국정원 방송 중단에…“대북 라디오 방송량 80%↓”〉，《연합뉴스》，"
            "2025 年7 月22 日，https://www.yna.co.kr/view/AKR20250722066400009?section=nk/news/all。"
            ) in body
    assert "80%↓" not in body.split("[^1]:")[0]


def test_a_footnote_inside_a_paragraph_cut_at_its_date_with_its_url_quoted_later():
    """split_footnote_from_paragraph / _quoted_rest_follows: pymupdf4llm set footnote 1 at
    the end of the paragraph the page broke, cut inside its date, and its URL further down
    the page as a quote (003-01 in two columns): ``…化解海上意外事件的 1 丁文翔、…《北京日報》，
    2025 年 4 月 3 日`` / ``發生，MMCA 即是…`` / … / ``> ，https://xinwen.bjd.com.cn/…``.
    Before, footnote 1 stayed in the body and its marker was never found."""
    fixture = EXTRACTED / "003-01-two-column.pymupdf4llm.txt"
    body = convert_text(fixture.read_text(encoding="utf-8"), fixture.name).articles[0].body
    assert "必須建立一套機制用以化解海上意外事件的發生，MMCA 即是在此背景與需求下應運而生。" in body
    assert ("[^1]: 丁文翔、陳琳與張懋瑄，〈中美兩軍舉行 2025 年度海上軍事安全 磋商機制工作小組會〉，"
            "《北京日報》，2025 年 4 月 3 日，https://xinwen.bjd.com.cn/content/s67ee7c11e4b08edd28f71c38.html。"
            ) in body
    assert "海上軍事安全問題的措施。[^1]" in body


def _blocks_around_text_blocks(body: str) -> list[tuple[str, str, str, str]]:
    """Each fenced text block of ``body``: the block before it (a caption), the block's
    first and last lines, and the block after it (the prose again)."""
    blocks = body.split("\n\n")
    return [(before, block.split("\n")[1], block.split("\n")[-2], after)
            for before, block, after in zip(blocks, blocks[1:], blocks[2:])
            if block.startswith("```text")]


def test_tables_and_a_figure_in_a_narrow_column_stay_apart_from_the_prose():
    """pypdf of 002-01 in two columns (full line 46, indent 4): ``〈表一〉…綜合目標7`` and the
    table's first row ``領域 當前目標 未來目標`` make 3 more than a full line, yet the caption
    ends at its marker (caption_ends_at_its_marker); ``<圖一>近期北韓在美中戰略三角關係的地位
    變化`` fills the column's line as an indented first line would (42 of 46), yet it is a
    caption: the line after it, ``美``, is no paragraph's (caption_before_its_table). Each table and the figure's labels
    are a text block between the caption and the prose; before, 表一 went on the paragraph
    ``…外交政策來應對。`` and the labels on the caption."""
    raw = (SNIPPETS / "002-01-two-column.pypdf.txt").read_text(encoding="utf-8")
    kept = _blocks_around_text_blocks(body_of(raw))
    assert [found[:3] for found in kept] == [
        ("&lt;表一&gt; 核武國家可能出現的各種姿態", "區分", "條件"),
        ("&lt;表二&gt; 北韓近期國家正常化的主要策略", "領域 作法 意義", "的人數減少。"),
        ("〈表一〉北韓核戰略的綜合目標[^7]", "領域 當前目標 未來目標", "3. 防止韓美聯軍可能的介入或偵查"),
        ("圖：&lt;圖一&gt;近期北韓在美中戰略三角關係的地位變化", "美", "目標"),
    ]
    openings = ["依照&lt;表一&gt;和上述", "實際上，金正恩從 2019", "## 肆.對外維持高度穩定", "## 伍.結論：北韓核戰略對"]
    assert all(found[3].startswith(opening) for found, opening in zip(kept, openings))


def test_a_caption_ending_at_its_marker_keeps_the_table_off_its_line():
    """caption_ends_at_its_marker: pypdf ends the caption's line at its footnote's marker
    (``目標7``, here 1: markers count up from 1), as PDFium ends a piece of a line; the next line is the table's, even where
    the two together make one full line (29 + 21, full 46 and slack 1)."""
    from zhiku.clean.footnotes import rejoin_lines_split_at_markers
    from zhiku.clean.layout import Wrap

    lines = split_lines("甚至是各種手段的介入，因此勢必要採用相當強勢的\n邊緣外交政策來應對。\n"
                        "〈表一〉北韓核戰略的綜合目標1\n領域 當前目標 未來目標\n核武裝\n")
    wrap = Wrap(marks_ends=False, full=46, slack=1, first_indent=4)
    kept = rejoin_lines_split_at_markers(lines, wrap, Report())
    assert [line.text for line in kept][2:4] == ["〈表一〉北韓核戰略的綜合目標1", "領域 當前目標 未來目標"]
    # inside prose, the rest of the printed line is glued back
    prose = split_lines("甚至是各種手段的介入，因此勢必要採用相當強勢的\n邊緣外交政策來應對，北韓核戰略1\n"
                        "領域當前目標未來\n")
    assert rejoin_lines_split_at_markers(prose, wrap, Report())[1].text == \
        "邊緣外交政策來應對，北韓核戰略1領域當前目標未來"


def _pymupdf4llm_12pt_002_01() -> str:
    """pymupdf4llm's text of 002-01 in the 12pt layout (the matrix's case): a paragraph on
    each line, two tables as Markdown tables of printed lines, a third table and a figure
    as lines of their own after their captions."""
    return (SNIPPETS / "002-01-12pt.pymupdf4llm.txt").read_text(encoding="utf-8")


def test_a_tables_lines_after_its_caption_stay_one_text_block():
    """keep_table_lines_after_caption (pymupdf4llm, 002-01 in 12pt): after ``〈表一〉北韓核戰略
    的綜合目標7`` each printed line of the table is a line of its own, a cell set as a
    heading (``#### 政治``), its numbers as code; they are one text block up to the section
    heading ``## 肆.…``, the extractor's markup gone and reported. Before, the lines were
    joined into paragraphs and ``政治`` was a heading."""
    converted = convert_text(_pymupdf4llm_12pt_002_01(), "002-01-12pt.pymupdf4llm.txt")
    kept = _blocks_around_text_blocks(converted.articles[0].body)
    third = next(found for found in kept if found[0].startswith("〈表一〉"))
    assert third[1:] == ("領域 當前目標 未來目標", "3. 防止韓美聯軍可能的介入或偵查",
                         "## 肆.對外維持高度穩定的樞紐地位")
    body = converted.articles[0].body
    block = body[body.index("```text\n領域 當前目標") : body.index("## 肆.")]
    assert "\n政治\n" in block and "\n預估數量： 50<X<100\n" in block and "`" not in block[3:-5]
    assert "## 政治" not in body and "#### 政治" not in body
    changes = {(c.before, c.after) for c in converted.reports[0].changes
               if c.fix == "keep_table_lines_after_caption"}
    assert ("#### 政治", "政治") in changes and ("預估數量： `200`", "預估數量： 200") in changes


def test_table_lines_after_a_caption_end_at_a_numbered_heading_or_prose():
    """keep_table_lines_after_caption: the block ends at a numbered heading, a source line
    or a line of prose (a piece as wide as a line); a caption followed by prose keeps no
    block, and a Markdown table right after the caption is keep_markdown_table's."""
    from zhiku.clean.layout import Wrap
    from zhiku.clean.paragraphs import Block, keep_table_lines_after_caption

    wrap = Wrap(marks_ends=False, full=76)
    lines = split_lines("〈表一〉北韓核戰略的綜合目標\n```\n- 外交\n```\n`1.` 模糊核武政策的目標和意圖\n"
                        "資料來源：作者整理。\n")
    blocks = [Block("paragraph", lines[0].text, 1)]
    report = Report()
    assert keep_table_lines_after_caption(lines, 1, blocks, report, wrap) == 4
    assert blocks[-1].kind == "preformatted" and blocks[-1].text == "外交\n1. 模糊核武政策的目標和意圖"
    assert [(c.before, c.after) for c in report.changes][:3] == [
        ("```", ""), ("- 外交", "外交"), ("```", "")]
    fences = split_lines("〈表一〉北韓核戰略的綜合目標\n```\n```\n資料來源：作者整理。\n")
    assert keep_table_lines_after_caption(fences, 1, [], Report(), wrap) == 0
    prose = split_lines("〈表一〉北韓核戰略的綜合目標\n以北韓的觀點而言，北韓的核戰略再以確保體系內部穩定的前提之下，"
                        "發戰核武的目標相當的明確，在此發展的過程當中，勢必會遇到周邊國家和主要大國的反對。\n")
    assert keep_table_lines_after_caption(prose, 1, [], Report(), wrap) == 0
    markdown = split_lines("<表二> 北韓近期國家正常化的主要策略\n|領域|作法|意義|\n|---|---|---|\n")
    assert keep_table_lines_after_caption(markdown, 1, [], Report(), wrap) == 0


def test_a_number_opening_a_markdown_tables_cell_is_no_footnote_marker():
    """mark_footnote_references (pymupdf4llm, 002-01 in 12pt): ``||3. 金正恩親自以施政演說||``
    opens a cell with its item's number while footnote 3 is due; after a cell's border a
    number is the cell's, and the marker is the later ``…對內外政策》3``."""
    body = body_of(_pymupdf4llm_12pt_002_01())
    assert "||3. 金正恩親自以施政演說||" in body
    assert "《關於現階段的社會主義建設和共和國政府的對內外政策》[^3]" in body


def test_a_paragraphs_short_last_line_inside_a_joined_line_ends_it():
    """split_joined_paragraphs without an indent (pymupdf4llm, 002-01 in 12pt, full line 76):
    ``…迅速獲得恢復。`` ends a printed line 43 wide inside the piece between two line ends,
    the rest after it a full line: a paragraph ends there."""
    body = body_of(_pymupdf4llm_12pt_002_01())
    assert "雙邊關係得以迅速獲得恢復。\n\n2018 年開始，北韓雖試圖以高峰會談" in body


def test_a_paragraph_ending_at_a_comma_far_short_of_the_margin_ends_there():
    """ends_far_short (pymupdf4llm, 002-01 in 12pt): ``…可能會成為金正恩政權的不穩定因素，``
    is the paragraph's last printed line, 35 of 76 wide (its width noted though the source
    line holds only two printed lines); the next line opens a paragraph, as the author
    wrote it. A line that stops inside a word goes on (003-03 a5-11pt: a footnote set on
    the line made it look short)."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import ends_far_short

    body = body_of(_pymupdf4llm_12pt_002_01())
    assert "可能會成為金正恩政權的不穩定因素，\n\n他的核戰略除了成功維持住" in body
    wrap = Wrap(marks_ends=False, full=76)
    last = Line(1, "金正恩政權更加穩定，可能會成為金正恩政權的不穩定因素，", wrap_edges=(2, 41))
    assert ends_far_short(last, Line(2, "他的核戰略除了成功維持住"), wrap)
    cut = Line(1, "文件重申「堅持一個中國原則」與九二共", wrap_edges=(0, 41))
    assert not ends_far_short(cut, Line(2, "識，並反對「台獨」分裂"), wrap)
    assert not ends_far_short(Line(1, last.text, wrap_edges=(2, 6)), Line(2, "他的"), wrap)


def test_a_source_lines_url_broken_by_the_extractor_is_joined_as_a_footnotes():
    """join_spaced_urls on a paragraph that credits a source (``資料來源：``, ``(圖片來源：``):
    pymupdf4llm joins a URL's wrapped lines with a space, in a figure's source line as in a
    footnote (001-08 in two columns: ``…/news/aopl/20250723 0228.aspx。``)."""
    raw = (SNIPPETS / "001-08-two-column.pymupdf4llm.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "001-08.txt")
    assert ("\n\n資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂慮〉，《中央社》，2025 年 7 月 23 日，"
            "https://www.cna.com.tw/news/aopl/202507230228.aspx。\n\n") in converted.articles[0].body
    # the report shows where the space went, past the line's first 60 characters
    assert [(change.line, change.before[-25:], change.after[-24:])
            for change in converted.reports[0].changes
            if change.fix == "join_spaced_urls" and change.line == 93] == [
        (93, "/aopl/20250723 0228.aspx。", "/aopl/202507230228.aspx。")]


def test_a_paragraphs_last_line_read_after_the_caption_goes_back_to_it():
    """sentence_rest_after_caption (pdfminer, 002-01 in 12pt): pdfminer reads the paragraph's
    short last line ``>所示。`` after the figure's caption; the paragraph stops mid-sentence
    (``…如<圖一``) and no label opens with ``>``, so the line ends the paragraph again, and
    the figure's labels are one text block after the caption. Before, ``>所示。`` opened
    the block of labels. join_text: ``<`` and ``>`` bracket the number, no space joins them."""
    raw = (SNIPPETS / "002-01-12pt.pdfminer.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "002-01-12pt.pdfminer.txt")
    body = converted.articles[0].body
    assert "出現的地位變化，如&lt;圖一&gt;所示。\n\n圖：&lt;圖一&gt;近期北韓在美中戰略三角關係的地位變化\n\n" \
           "```text\n美\n中\n北\n核武建設期間\n(2012-2017)\n" in body
    assert [(change.before[-12:], change.after[-12:]) for change in converted.reports[0].changes
            if change.fix == "sentence_rest_after_caption"] == [("，如<圖一 | >所示。", "位變化，如<圖一>所示。")]


def test_a_marker_pymupdf_set_a_space_after_rejoins_its_line_without_the_space():
    """rejoin_lines_split_at_markers (PyMuPDF, 001-05 in two columns): ``…並加速其進程。`` /
    ``4 人工智慧`` is one printed line broken at the raised marker 4, PyMuPDF setting a space
    after it; the line is glued back without that space. A piece so spaced that ends a
    sentence is a footnote of one line (pdfminer: ``…36N5e。`` / ``6 同前註。``), and in
    ``208 月`` (marker 20 glued to a month) the author's space stays. The whole PyMuPDF
    text of 001-05 in two columns meets every target (fixtures/extracted; F1 0.182 before,
    the right column's heading and paragraphs taken into footnote 4)."""
    from zhiku.clean.footnotes import rejoin_lines_split_at_markers
    from zhiku.clean.layout import Wrap

    wrap = Wrap(marks_ends=False, full=46, slack=2)
    lines = split_lines("權的迫切需求。1\n事件，不僅是加密貨幣史上最大單一竊盜案，2更佔據\n植入公司網路，構成雙重威脅。3\n"
                        "這些非法網路活動直接為北韓的 WMD 及彈道飛\n彈發展提供資金，並加速其進程。\n4 人工智慧\n"
                        "（Artificial Intelligence, AI）或機器學習\n")
    kept = [line.text for line in rejoin_lines_split_at_markers(lines, wrap, Report())]
    assert kept[4:] == ["彈發展提供資金，並加速其進程。4人工智慧", "（Artificial Intelligence, AI）或機器學習"]
    notes = split_lines("權的迫切需求。1\n單一竊盜案，2更佔據\n構成雙重威脅。3\n並加速其進程。4\n"
                        "被竊資金，5其中\n驚人地增加了 103%，\n…的政策，https://reurl.cc/36N5e。\n6 同前註。\n")
    kept = [line.text for line in rejoin_lines_split_at_markers(notes, wrap, Report())]
    assert kept[-2:] == ["…的政策，https://reurl.cc/36N5e。", "6 同前註。"]
    body = body_of((EXTRACTED / "001-04-two-column.pymupdf.txt").read_text(encoding="utf-8"))
    assert "國情院所有對北廣播業務，[^20]8 月 4 日撤除所有在停戰線" in body


def test_a_title_read_after_the_first_section_heading_is_the_title():
    """pdfminer (002-01 in 12pt) reads the first section's heading before the title printed
    above it: ``壹.緒論`` / ``金正恩政權 10 週年的政策評析與影響：`` / ``以近期核戰略變化為中心`` /
    ``2011 年 12 月 19 日，北韓前…``. The subtitle's line, far short, ends there though a
    number opens the next line (``2011 年`` would have fitted: _number_opens_with_room), and
    a title with a colon and its subtitle just below the first section's heading are the
    title (_title_below_section), as they are just above it with the other extractors."""
    raw = (SNIPPETS / "002-01-12pt.pdfminer.txt").read_text(encoding="utf-8")
    article = convert_text(raw, "002-01-12pt.pdfminer.txt").articles[0]
    assert (article.title, article.subtitle) == ("金正恩政權 10 週年的政策評析與影響", "以近期核戰略變化為中心")
    assert "## 壹.緒論\n\n2011 年 12 月 19 日，北韓前領導人金正日突然死亡之後" in article.body
    assert "以近期核戰略變化為中心" not in article.body
    from zhiku.clean.paragraphs import _number_opens_with_room

    assert _number_opens_with_room("2011 年 12 月 19 日，北韓前領導人", 54)
    assert not _number_opens_with_room("2011 年 12 月 19 日，北韓前領導人", 4)
    assert not _number_opens_with_room("Subrahmanyam Jaishankar）", 54)  # a Latin word: no number


def test_a_markdown_tables_rest_below_its_header_on_the_next_page_stays_in_it():
    """table_goes_on_below_its_header (pymupdf4llm, 002-01 in letter-14pt-sans): the table's
    rest on the next page comes as a plain line opening with its header cells; it goes in
    the table's text block, not in a paragraph. A line that opens with other words stays
    a paragraph."""
    from zhiku.clean.layout import Wrap
    from zhiku.clean.paragraphs import build_blocks

    lines = split_lines("|領域|作法|意義|\n|---|---|---|\n|黨|增設黨中央監察委|黨機器的運作獲得|\n"
                        "||省，外交權回歸內閣，||\n\n領域 作法 意義 國務委員會成為政令公 布和法令決定的最終單 位。\n\n"
                        "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話。\n")
    report = Report()
    blocks = build_blocks(lines, False, 76, report, Wrap(marks_ends=False, full=76))
    assert [block.kind for block in blocks] == ["preformatted", "paragraph"]
    assert blocks[0].text.endswith("||省，外交權回歸內閣，||\n領域 作法 意義 國務委員會成為政令公 布和法令決定的最終單 位。")
    assert report.counts()["table_goes_on_below_its_header"] == 1
    prose = split_lines("|領域|作法|意義|\n|---|---|---|\n|黨|增設黨中央監察委|黨機器的運作獲得|\n\n"
                        "領域之外，國務委員會成為政令公布和法令決定的最終單位。\n")
    assert [block.kind for block in build_blocks(prose, False, 76, Report(),
                                                 Wrap(marks_ends=False, full=76))] == [
        "table", "paragraph"]  # (its rows whole: a GFM table)


def test_a_tables_lines_joined_by_the_extractor_are_read_as_printed():
    """keep_table_lines_after_caption reads a line as printed (``Line.printed``, which
    remove_joined_wrap_spaces now keeps): pymupdf4llm joined a few printed lines of 002-01's
    <表二> in a5-11pt into one line, and its wrap spaces went, so its cells ran together into
    a piece as wide as a line of prose, and the table was read as prose."""
    from zhiku.clean.layout import Line, Wrap
    from zhiku.clean.paragraphs import Block, keep_table_lines_after_caption

    printed = "領域 作法 意義 黨 增設黨中央監察 黨機器的運作獲 委員會和規律調查 得強化，避免出現單 部，打破單位特殊化 位獨大的問題，提高 的本位主義，"
    joined = "領域 作法 意義 黨 增設黨中央監察黨機器的運作獲委員會和規律調查得強化，避免出現單部，打破單位特殊化位獨大的問題，提高的本位主義，"
    lines = [Line(1, "<表二> 北韓近期國家正常化的主要策略"), Line(3, joined, printed=printed),
             Line(5, "實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話，內如涵蓋了內政、國防和外交。")]
    blocks = [Block("paragraph", lines[0].text, 1)]
    assert keep_table_lines_after_caption(lines, 1, blocks, Report(), Wrap(marks_ends=False, full=60)) == 1
    assert blocks[-1].text == printed
    assert keep_table_lines_after_caption([lines[0], Line(3, joined), lines[2]], 1, [], Report(),
                                          Wrap(marks_ends=False, full=60)) == 0


def test_facing_page_headers_title_on_even_pages_series_on_odd():
    """remove_running_headers on facing pages (pdftotext of 001-06 in ``b5-facing``, three
    pages): the title opens page 1 (it is the title) and page 2 (the even page's header),
    the series opens page 3 only. Both headers go; the title stays the article's."""
    raw = (EXTRACTED / "001-06-b5-facing.pdftotext.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "snippet.txt")
    removed = [(c.line, c.before) for c in converted.source_report.changes
               if c.fix == "remove_running_headers"]
    assert removed == [(39, "斐濟不歡迎中國興建軍事基地之觀察"), (79, "國防安全即時評析")]
    article = converted.articles[0]
    assert article.title == "斐濟不歡迎中國興建軍事基地之觀察" and article.authors == ["章榮明"]
    assert "國防安全即時評析" not in article.body


def test_facing_page_headers_which_pages():
    """facing_page_headers, on the keys of each page's first two lines (real page tops).

    - The title printed first on page 1, then heading pages 2 and 4, and the series
      heading page 3: headers on 2, 4 and 3, not on page 1.
    - ``pdftotext -layout`` of a two-column page gives each column as a page: the series
      heads the left columns (pages 1, 3, 5) and nothing repeats on the right ones, so it is
      a header on page 1 too (no pair of facing headers makes page 1 the title's).
    - A right column's first line (``助屬於基礎設施，…``, one page, commas) is no header.
    """
    from zhiku.clean.furniture import facing_page_headers

    title, series = "美中在第三輪關稅談判的意圖", "國防安全即時評析"
    tops = [[title, "沈明室"], [title, "進行場邊一對一的高層對話。"], [series, "二、美國的談判策略"],
            [title, "此外，美方也將"]]
    assert facing_page_headers(tops, tops) == {title: {1, 3}, series: {2}}

    columns = [[series, "斐濟不歡迎中國興建軍事基地之觀察"], ["助屬於基礎設施，如體育館、游泳館和曲棍球場，斯"],
               [series, "貳、安全意涵"], ["與中國的關係"], [series, "參、結論"]]
    assert facing_page_headers(columns, columns) == {series: {0, 2, 4}}

    three = [[series, "斐濟不歡迎中國興建軍事基地之觀察"], ["助屬於基礎設施，如體育館、游泳館和曲棍球場，斯"],
             [series, "貳、安全意涵"]]
    assert facing_page_headers(three, three) == {series: {0, 2}}


def test_header_read_below_a_tables_header_row():
    """remove_running_headers (pdfminer, 002-01 in ``b5-facing``): on page 7 pdfminer reads
    the reprinted header row of ``<表二>`` (``領域`` / ``作法`` / ``意義``) before the series
    line that heads the page. A header that opens most pages is dropped down to a page's
    fifth line, once a page; the table's cells stay."""
    raw = (SNIPPETS / "002-01-b5-facing.pdfminer.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "snippet.txt")
    removed = [c.before for c in converted.source_report.changes
               if c.fix == "remove_running_headers"]
    assert removed.count("智庫研究文集") == 6
    assert removed.count("金正恩政權 10 週年的政策評析與影響") == 7
    body = converted.articles[0].body
    assert "智庫研究文集" not in body and "\n領域\n作法\n意義\n" in body


def test_the_pages_last_footnote_number_printed_below_its_text():
    """recover_last_late_number (pdftotext, 003-01 in b5-facing): ``8`` / footnote 8's text /
    footnote 9's text / ``9`` / ``-4-``. The ``9`` is footnote 9's number, not a page
    number: footnote 8 ends at its sentence, footnote 9 is the rest."""
    raw = (EXTRACTED / "003-01-b5-facing.pdftotext.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "snippet.txt")
    body = converted.articles[0].body
    assert "[^8]: Elmo R. Zumwalt, Jr., On Watch (New York: New York Times Book Co., 1976), " \
           "p. 394.\n" in body
    assert '[^9]: Sean M. Lynn-Jones, "A Quiet Success for Arms Control' in body
    assert [c.before for c in converted.reports[0].changes
            if c.fix in ("remove_page_numbers", "recover_late_footnote_numbers")] == [
        'Sean M. Lynn-Jones, "A Quiet Success for…']


def test_a_date_number_written_after_the_footer_goes_back_into_its_date():
    """pdftotext (001-08 in b5-facing) writes a stretched source line in pieces, and one of
    them, the day ``23``, last on the page, after the footer ``-4-``:
    ``2025`` / ``年`` / ``7`` / ``月`` / ``日，https://www.cna.com.tw/…`` … ``-4-`` / ``23``.
    The footer is the page's number (second-to-last, the numbers running on with the pages);
    ``23`` goes back where the page's one date lacks its day."""
    raw = (EXTRACTED / "001-08-b5-facing.pdftotext.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "snippet.txt")
    numbers = [c.before for c in converted.source_report.changes
               if c.fix == "remove_page_numbers"]
    assert numbers == ["-1-", "-2-", "-3-", "-4-"]
    assert [(c.before, c.after) for c in converted.reports[0].changes
            if c.fix == "restore_stranded_date_numbers"] == [("23", "月 23")]
    body = converted.articles[0].body
    assert "《中央社》，2025 年 7 月 23 日，https://www.cna.com.tw/news/aopl/202507230228.aspx。" \
        in body
    assert "-4-" not in body


def test_a_one_line_paragraph_after_a_short_last_line_in_a_joined_paragraph():
    """split_joined_paragraphs (pymupdf4llm, 004-01 in b5-facing, full line 72, indent 4):
    pymupdf4llm joins the editor's note to the paragraph before it. That paragraph's last
    printed line ``年的國防預算…轉捩點。`` (62) had room for more; the note (60) fits a line
    after the indent: two paragraphs."""
    raw = (SNIPPETS / "004-01-b5-facing.pymupdf4llm.txt").read_text(encoding="utf-8")
    body = convert_text(raw, "snippet.md").articles[0].body
    assert body.rstrip().endswith(
        "顯見東北亞安保情勢正開始進入轉捩點。\n\n編按：本文僅代表作者個人觀點，不代表遠景基金會之政策與立場。")


def test_a_running_header_that_carries_its_page_number():
    """page_numbers: a header with the page's number at its right end (``a4-double-headnum``)
    comes as one line (pypdf: ``國防安全即時評析 1``; pdftotext -layout with the tab's
    spaces) or as two (PyMuPDF: ``國防安全即時評析`` / ``2``). A header line counts where two
    lines at least print its text with a number; a date or a list item does not."""
    from zhiku.clean.furniture import page_numbers

    lines = split_lines("國防安全即時評析 1\n英國強勢表態備戰印太安全之虛實\n鍾志東\n…基本立場。\n"
                        "國防安全即時評析 2\n貳、安全意涵\n7 月 23 日\n8 月 23 日\n"
                        "國防安全即時評析                                  3\n"
                        "1 工黨政府不排除軍事選項\n4\n")
    assert page_numbers(lines) == {0: 1, 4: 2, 8: 3, 10: 4}
    glued = split_lines("國防安全即時評析1\n美國國防部近期關鍵礦物生產動向\n國防安全即時評析2\n")
    assert page_numbers(glued) == {0: 1, 2: 2}  # pdfplumber sets no space before it
    raw = (EXTRACTED / "001-02-a4-double-headnum.pypdf.txt").read_text(encoding="utf-8")
    converted = convert_text(raw, "snippet.txt")
    assert [c.before for c in converted.source_report.changes
            if c.fix == "remove_page_numbers"][:3] == [
        "國防安全即時評析 1", "國防安全即時評析 2", "國防安全即時評析 3"]
    assert converted.articles[0].title == "英國強勢表態備戰印太安全之虛實"


def test_a_footnotes_rest_at_the_foot_of_the_next_page_without_a_gap():
    """footnote_rest_ends_page (pypdf, 003-03 in a4-double-headnum): footnote 3 stops at
    ``《求是`` on page 1; its rest is page 2's last line, right after the body's
    ``…構建排他性`` and before page 3 resumes ``『小集團』…``: it cites a URL and ends as a
    footnote ends, so it goes back to footnote 3 and the sentence joins across the page."""
    for extractor in ("pypdf", "pymupdf4llm"):  # pymupdf4llm: a paragraph before the page number
        raw = (EXTRACTED / f"003-03-a4-double-headnum.{extractor}.txt").read_text(encoding="utf-8")
        body = convert_text(raw, "snippet.txt").articles[0].body
        assert "拉攏地區盟伴，構建排他性『小集團』，執意推進" in body
        assert "《求是網》，2017 年 4 月 15 日，http://www.qstheory.cn/dukan/qs/2017-04/15/" \
               "c_1120788993.htm。\n" in body


def test_a_header_with_its_number_above_an_indented_table_line_is_no_footnote_number():
    """remove_page_numbers_by_position without form feeds (pypdf, 002-01 in
    a4-double-headnum): ``智庫研究文集 13`` opens a page whose first line, a table cell, is
    indented. A lone number before an indented line is pypdf's footnote number; a header
    with its number is not."""
    filler = "".join(f"正文第 {n} 行，沒有句號的一行字，寫到頁底為止\n" for n in range(12))
    raw = ("智庫研究文集 12\n" + filler + "智庫研究文集 13\n      遠程彈道飛彈 IRBM\n" + filler
           + "智庫研究文集 14\n" + filler)
    report = Report()
    from zhiku.clean.furniture import remove_page_numbers_by_position

    kept = remove_page_numbers_by_position(split_lines(raw), False, report)
    assert [c.before for c in report.changes] == ["智庫研究文集 12", "智庫研究文集 13",
                                                  "智庫研究文集 14"]
    assert kept[12].text == "遠程彈道飛彈 IRBM" and kept[12].page_start


def test_a_paragraph_pymupdf4llm_split_where_a_sentence_ends_a_full_line():
    """continues_unindented (pymupdf4llm, a4-double-headnum, full line 74, indent 4): on
    double-spaced pages pymupdf4llm ends a paragraph where a sentence ends a full line; the
    next line is full too, not short by the indent, so it opens no paragraph. Also after a
    paragraph of one printed line that fills the line after its indent (001-03)."""
    raw = (EXTRACTED / "003-05-a4-double-headnum.pymupdf4llm.txt").read_text(encoding="utf-8")
    assert "恐將難以重啟對話。由於北韓在俄烏戰爭的立場" in convert_text(raw, "s.md").articles[0].body
    raw = (EXTRACTED / "001-03-a4-double-headnum.pymupdf4llm.txt").read_text(encoding="utf-8")
    assert "少見有被歸類為「友中派」者。而從上述幾位日本政治人物" in convert_text(
        raw, "s.md").articles[0].body
