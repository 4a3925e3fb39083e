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
