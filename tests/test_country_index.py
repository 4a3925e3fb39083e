"""The country index lists the right articles: checked against the references' countries."""

from __future__ import annotations

from conftest import REFERENCE
from zhiku.fidelity import reference_files, split_front_matter
from zhiku.site import build_pages


def test_country_pages_list_the_articles_the_references_say_are_about_them(corpus):
    pages = build_pages(corpus.articles, authorities=corpus.authorities)
    by_source = {(a.source, a.order): a for a in corpus.articles}
    expected = found = listed_wrongly = 0
    for path in reference_files(REFERENCE):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if meta["countries"] is None:  # a reference that checks only the text
            continue
        article = by_source[(meta["source"], meta["order"])]
        link = f"../articles/{article.id}.md"
        for code in meta["countries"]:
            expected += 1
            found += link in pages.get(f"countries/{code.lower()}.md", "")
        for code in article.countries:
            listed_wrongly += code not in meta["countries"]
    print(f"\ncountry index: {found}/{expected} reference countries listed, "
          f"{listed_wrongly} extra listings")
    assert found / expected >= 0.95
    assert listed_wrongly <= 3


def test_country_overview_has_a_chart_with_counts(corpus):
    page = build_pages(corpus.articles)["countries/index.md"]
    assert '<svg class="zhiku-chart" role="group"' in page
    assert "美國（US）" in page and 'href="us/"' in page
