"""The cleaner, fix by fix: a raw snippet (real seed text) in, the expected Markdown out."""

from __future__ import annotations

from zhiku.clean import Report
from zhiku.clean.chars import remove_cjk_spaces, unify_ideographs
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
    assert remove_cjk_spaces("全 會  石 破 重 申 有 意 繼 續 任 職 〉") == "全會石破重申有意繼續任職〉"
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
