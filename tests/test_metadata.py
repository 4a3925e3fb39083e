"""The metadata of every seed article, as printed in the text."""

from __future__ import annotations

import pytest
from zhiku.metadata import read_front_matter, title_and_subtitle

# (source, order): (title, subtitle, authors, institute, categories)
PRINTED = {
    ("001", 1): ("美中在第三輪關稅談判的意圖", None, ["沈明室"], "國家安全研究所",
                 ["國際情勢", "印太區域", "國際戰略"]),
    ("001", 2): ("英國強勢表態備戰印太安全之虛實", None, ["鍾志東"], "國防戰略與資源研究所",
                 ["印太區域", "台海情勢", "國際情勢"]),
    ("001", 3): ("評析 2025 年日本參議院選舉", "日本政局與對台灣立場", ["王尊彥"], "國家安全研究所",
                 ["印太區域"]),
    ("001", 4): ("韓國中止對北廣播之後的局勢評估", None, ["林志豪"], "國家安全研究所",
                 ["國際情勢", "印太區域"]),
    ("001", 5): ("北韓網路攻擊與安全威脅發展", None, ["詹祥威"], "網路安全與決策推演研究所",
                 ["國際情勢", "網路戰", "資安威脅"]),
    ("001", 6): ("斐濟不歡迎中國興建軍事基地之觀察", None, ["章榮明"], "網路安全與決策推演研究所",
                 ["印太區域", "國際情勢"]),
    ("001", 7): ("美國國防部近期關鍵礦物生產動向", None, ["劉翎端"], "國防戰略與資源研究所",
                 ["國際情勢"]),
    ("001", 8): ("中國興建雅魯藏布江水電站之分析", None, ["洪銘德"], "中共政軍與作戰概念研究所",
                 ["能源安全", "非傳統安全"]),
    ("002", 1): ("金正恩政權 10週年的政策評析與影響", "以近期核戰略變化為中心", [],
                 ("Center for Korean Studies, National University of Kaohsiung Post-doctoral "
                 "researcher"), []),
    ("003", 1): ("美中海上軍事安全磋商機制的運作與挑戰", None, ["翟文中"], "國防戰略與資源研究所",
                 ["美中戰略"]),
    ("003", 2): ("美烏礦產協議簽署之展望", None, ["劉翎端"], "國防戰略與資源研究所", ["國際情勢"]),
    ("003", 3): ("中國《新時代的中國國家安全》白皮書下對外與對台敘事之觀察", None, ["洪子傑"],
                 "中共政軍與作戰概念研究所", ["中共黨政", "台海情勢"]),
    ("003", 4): ("「中國不跪」的民族主義敘事策略及其政治意涵", None, ["王占璽"], "國家安全研究所",
                 ["中共黨政"]),
    ("003", 5): ("「朝俄全面戰略夥伴關係」發展之意涵", None, ["林志豪"], "國家安全研究所",
                 ["國際情勢", "印太區域"]),
    ("003", 6): ("解讀人工智慧發展競賽衍生的安全悖論", None, ["曾怡碩"], "網路安全與決策推演研究所",
                 ["數位發展", "美中戰略", "資安威脅"]),
    ("003", 7): ("2025 年印巴衝突解決與未來趨勢", None, ["沈明室"], "國家安全研究所",
                 ["國防戰略", "南亞中亞"]),
    ("004", 1): ("日韓元首相繼訪烏對東北亞安保情勢的影響", None, ["李明峻"], "新台灣國策智庫研發長", []),
}


def _article(converted_seeds, prefix, order):
    name = next(n for n in converted_seeds if n.startswith(prefix))
    return converted_seeds[name].articles[order - 1]


@pytest.mark.parametrize("key", sorted(PRINTED))
def test_printed_header_metadata(converted_seeds, key):
    article = _article(converted_seeds, *key)
    title, subtitle, authors, institute, categories = PRINTED[key]
    assert (article.title, article.subtitle) == (title, subtitle)
    assert article.authors == authors
    assert article.institute == institute
    assert article.categories == categories


def test_a_report_without_title_page_gets_no_invented_title(converted_seeds):
    article = _article(converted_seeds, "000", 1)
    assert article.title is None and article.authors == [] and article.date is None


def test_bulletin_cover_gives_series_issue_date_publisher_and_english_contents(converted_seeds):
    articles = converted_seeds["003_7c4fc924b64bb3f2.txt"].articles
    assert [a.series for a in articles] == ["國防安全雙週報 第 87 期"] * 7
    assert {a.date for a in articles} == {"2025-05-22"}
    assert {a.publisher for a in articles} == {"財團法人國防安全研究院"}
    assert articles[0].title_en == ("U.S.-China Military Maritime Consultative Agreement: "
                                    "Operations and Challenges")
    assert articles[0].authors_en == ["Wen-Chung Chai"]
    assert articles[1].authors_en == ["Ling-Tuan Linda Liu"]
    assert [a.first_page for a in articles] == [1, 7, 13, 19, 25, 31, 39]


def test_journal_article_keywords_and_english_title(converted_seeds):
    article = _article(converted_seeds, "002", 1)
    assert article.keywords == ["金正恩", "朝鮮勞動黨", "北韓", "韓半島"]
    assert article.title_en == ("The influence and Prospects of the 10th cycle of Kim Jong Un's "
                                "reign: Focus on recent nuclear strategy")
    assert article.authors_en == ["Lin Chih Hao"]
    assert "關鍵詞" not in article.body and "Lin Chih Hao" not in article.body


def test_column_series_from_its_heading(converted_seeds):
    assert _article(converted_seeds, "004", 1).series == "遠景論壇"


def test_undated_commentary_gets_an_estimate_from_its_latest_citation(converted_seeds):
    article = _article(converted_seeds, "001", 1)
    assert article.date is None
    assert article.date_estimated == "2025-08-01"
    assert article.date_precision == "estimated"


def test_title_split_at_a_colon_into_title_and_subtitle():
    assert title_and_subtitle(["評析 2025 年日本參議院選舉：", "日本政局與對台灣立場"]) == (
        "評析 2025 年日本參議院選舉", "日本政局與對台灣立場")
    assert title_and_subtitle(["「中國不跪」的民族主義敘事策略 及其政治意涵"]) == (
        "「中國不跪」的民族主義敘事策略及其政治意涵", None)


def test_title_and_subtitle_an_extractor_joined_split_at_the_colon():
    """pymupdf4llm joins 002-01's two printed title lines into one; the colon still ends
    the title. A colon inside brackets (a quoted title) ends nothing."""
    assert title_and_subtitle(["金正恩政權 10 週年的政策評析與影響：以近期核戰略變化為中心"]) == (
        "金正恩政權 10 週年的政策評析與影響", "以近期核戰略變化為中心")
    assert title_and_subtitle(["中國《新時代：國家安全》白皮書之觀察"]) == (
        "中國《新時代：國家安全》白皮書之觀察", None)


def test_front_matter_without_a_cover_says_nothing():
    facts = read_front_matter([])
    assert (facts.series, facts.issue, facts.date, facts.publisher, facts.toc) == (
        None, None, None, None, [])


def test_manifest_facts_complete_what_the_text_does_not_print(corpus):
    by_id = {a.id: a for a in corpus.articles}
    report = by_id["krins-fellowship-report"]
    assert report.title_supplied is True and report.display_title.startswith("[")
    assert report.kind == "report" and report.date is None
    commentary = by_id["indsr-commentary-2025-07-01"]
    assert commentary.series == "國防安全即時評析"
    assert commentary.publisher == "財團法人國防安全研究院"
    bulletin = by_id["indsr-biweekly-87-01"]
    assert bulletin.series == "國防安全雙週報 第 87 期" and bulletin.date == "2025-05-22"
    assert len(corpus.articles) == 18 and corpus.problems == []


def test_dates_are_read_from_chinese_korean_and_english_citations():
    from zhiku.dates import cited_dates, latest_cited_date

    assert [d.isoformat() for d in cited_dates("로동신문, 2021 년 12 월 19 일, “론설”")] == ["2021-12-19"]
    assert latest_cited_date(["《中央社》，2025 年 6 月 30 日", "Reuters, May 6, 2025",
                              "Warontherocks, 2017.09.15"]) == "2025-06-30"
