"""The author authority file and `zhiku check`."""

from __future__ import annotations

import pytest
from conftest import CORPUS
from zhiku.authors import Authorities, Person, link_authors, load_authorities, romanized_key
from zhiku.check import run_check
from zhiku.manifest import ManifestError
from zhiku.model import Article


def test_romanized_names_match_across_order_hyphens_and_case():
    assert romanized_key("Lin Chih Hao") == romanized_key("Chih-Hao Lin") == romanized_key(
        "chih-hao LIN")
    assert romanized_key("Chih-Hao Lin") != romanized_key("Chih-Hsien Lin")


def _people():
    return Authorities([Person(id="lin-chih-hao", name="林志豪", line=1, romanized=["Chih-Hao Lin"])])


def test_a_chinese_byline_links_to_its_record():
    article = Article(source="a.txt", order=1, id="a", authors=["林志豪"], authors_en=["Chih-Hao Lin"])
    assert link_authors([article], _people()) == []
    assert article.author_ids == ["lin-chih-hao"]


def test_a_romanized_only_byline_is_reported_not_merged():
    article = Article(source="b.txt", order=1, id="b", authors_en=["Lin Chih Hao"])
    findings = link_authors([article], _people())
    assert article.author_ids == [None]
    assert [f.level for f in findings] == ["warning"]
    assert "possibly the same person as 林志豪" in findings[0].message


def test_a_romanized_byline_links_when_the_record_confirms_it():
    people = _people()
    people.people[0].published_as = ["Lin Chih Hao"]
    article = Article(source="b.txt", order=1, id="b", authors_en=["Lin Chih Hao"])
    assert link_authors([article], people) == []
    assert article.author_ids == ["lin-chih-hao"]


def test_a_printed_romanization_that_contradicts_the_record_is_a_warning():
    article = Article(source="a.txt", order=1, id="a", authors=["林志豪"], authors_en=["Chi-Hau Lim"])
    findings = link_authors([article], _people())
    assert article.author_ids == ["lin-chih-hao"] and "not among" in findings[0].message


def test_the_seed_corpus_links_every_chinese_byline_and_not_seed_002(corpus):
    by_id = {a.id: a for a in corpus.articles}
    assert by_id["indsr-biweekly-87-05"].author_ids == ["lin-chih-hao"]
    assert by_id["indsr-commentary-2025-07-04"].author_ids == ["lin-chih-hao"]
    assert by_id["kim-jong-un-nuclear-strategy"].author_ids == [None]
    for article in corpus.articles:
        assert None not in article.author_ids or not article.authors, article.id


def test_authority_file_errors_name_file_and_line(tmp_path):
    path = tmp_path / "authors.yml"
    path.write_text("authors:\n  - id: a\n    name: 甲\n  - id: a\n    name: 乙\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"authors.yml:4: duplicate author id 'a'"):
        load_authorities(path)
    path.write_text("authors:\n  - id: a\n    name: [甲\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"authors.yml:\d+: malformed YAML"):
        load_authorities(path)


def test_check_reports_provenance_and_warnings():
    report, status = run_check(CORPUS)
    assert status == 0
    assert "title       manifest  赴韓國國家戰略研究院客座研究心得報告" in report
    assert "date        estimated not before 2025-08-01" in report
    assert "date        manifest  2025-05-22" in report
    assert "categories  printed   ['國際情勢', '印太區域', '國際戰略']" in report
    assert "warning: krins-fellowship-report" in report and "no author" in report
    assert "possibly the same person as 林志豪" in report
