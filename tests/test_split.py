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
