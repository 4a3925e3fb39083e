"""Properties of the cleaner on generated input (hypothesis).

Inputs are made of the seed corpus: its sentences, footnotes and header facts laid out as
pdftotext lays out a compilation (``zhiku.bench``'s generator: wrapped lines, page starts,
footnote blocks under a gap, glued markers), and its raw lines shuffled with page starts,
gaps and footnote-like lines thrown in.

(a) No ideograph is lost: every CJK ideograph of the input is in the output (metadata,
    body, footnotes) or in a change the report records as removed.
(b) Cleaning clean text changes nothing: converting a converted article's Markdown body
    again (PDF-to-Markdown-like input) gives the same paragraphs.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from functools import cache

from conftest import CORPUS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=100, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_METADATA_FIXES = ("take_header_as_metadata", "take_keywords_as_metadata",
                   "take_byline_as_metadata", "take_title_as_metadata")


@cache
def seeds():
    from zhiku.bench import collect_seeds

    return collect_seeds(CORPUS)


@cache
def raw_lines() -> list[str]:
    lines = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").split("\n")
                  if line.strip()]
    return lines


@st.composite
def compilations(draw) -> str:
    """A pdftotext-style compilation of one to three generated articles."""
    from zhiku import bench

    rng = random.Random(draw(st.integers(0, 2**32)))
    writer = bench._Writer(page_lines=draw(st.integers(4, 30)))
    titles = rng.sample(seeds().titles, k=draw(st.integers(1, 3)))
    for title in titles:
        header, body, notes = bench._article(rng, seeds(), title)
        # shorter articles (more page and article edges), cut after a paragraph's last line
        ends = [index + 1 for index, printed in enumerate(body) if printed.end]
        body = body[:draw(st.sampled_from(ends))]
        notes = {n: text for n, text in notes.items() if any(n in p.notes for p in body)}
        writer.write_article(header, body, notes)
    return "".join(writer.out)


@st.composite
def shuffled_lines(draw) -> str:
    """Raw seed lines in any order, with page starts, gaps and footnote-like lines."""
    lines = draw(st.lists(st.sampled_from(raw_lines()), min_size=1, max_size=40))
    out = []
    for line in lines:
        kind = draw(st.sampled_from(["plain", "plain", "plain", "end", "page", "gap", "note"]))
        if kind == "end":
            out.append(line + " ")
        elif kind == "page":
            out.append(" " + line)
        elif kind == "gap":
            out += [" ", f"{draw(st.integers(1, 5))} {line}"]
        elif kind == "note":
            out.append(f"{draw(st.integers(1, 5))}{line}")
        else:
            out.append(line)
    blank = draw(st.sampled_from(["\n\n", "\n"]))
    return blank.join(out) + "\n"


@st.composite
def side_by_side_pages(draw) -> str:
    """Pages of two columns as ``pdftotext -layout`` sets them: each line a left column's
    line (seed text cut to a column's width, or nothing), spaces, a right column's line from
    one character on, and now and then a number alone (a raised marker or a footnote's) or
    after the left column's text (a pushed marker); pages apart by form feeds."""
    pages = []
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(26, 60))
        rows = []
        for _ in range(draw(st.integers(1, 40))):
            left, right = (draw(st.sampled_from(["", *raw_lines()[:400]]))[:24].strip()
                           for _ in range(2))
            kind = draw(st.sampled_from(["both", "both", "left", "right", "marker", "pushed"]))
            if kind == "pushed":  # a marker pushed to the end of the left column's line
                left += " " * draw(st.integers(2, 6)) + str(draw(st.integers(1, 30)))
                kind = "both"
            if kind == "marker":
                rows.append(" " * draw(st.integers(0, at + 20)) + str(draw(st.integers(1, 30))))
            elif kind == "left" or not right:
                rows.append(" " * draw(st.integers(0, 4)) + left)
            else:
                rows.append(((left if kind == "both" else "").ljust(at)
                             + " " * draw(st.integers(0, 5)) + right).rstrip())
        pages.append("\n".join(rows))
    return "\n\f".join(pages) + "\n"


@SETTINGS
@given(side_by_side_pages())
def test_no_ideograph_is_lost_from_two_columns_side_by_side(raw):
    """read_layout_columns and the marker fixes only move text between lines."""
    assert_no_ideograph_lost(raw)


def ideographs(text: str) -> Counter:
    return Counter(_IDEOGRAPH.findall(text or ""))


def output_text(converted) -> str:
    """Everything the conversion kept or recorded as removed or taken as metadata."""
    parts = []
    for article, report in zip(converted.articles, converted.reports):
        for key in ("title", "subtitle", "title_en", "institute", "series", "issue",
                    "publisher", "body"):
            parts.append(getattr(article, key) or "")
        for key in ("authors", "authors_en", "categories", "keywords"):
            parts += getattr(article, key) or []
        parts += report.removed_text()
        parts += [c.before for c in report.changes if c.fix in _METADATA_FIXES]
    parts += converted.source_report.removed_text()
    facts = converted.facts
    parts += [facts.series or "", facts.issue or "", facts.publisher or ""]
    return "\n".join(parts)


def assert_no_ideograph_lost(raw: str) -> None:
    from zhiku.convert import convert_text

    converted = convert_text(raw, "generated.txt")
    missing = ideographs(raw) - ideographs(output_text(converted))
    assert not missing, f"lost {dict(missing)}"


@SETTINGS
@given(compilations())
def test_no_ideograph_is_lost_from_a_compilation(raw):
    assert_no_ideograph_lost(raw)


@SETTINGS
@given(shuffled_lines())
def test_no_ideograph_is_lost_from_shuffled_seed_lines(raw):
    assert_no_ideograph_lost(raw)


def paragraphs(body: str) -> list[str]:
    return [block.strip() for block in body.split("\n\n") if block.strip()]


@SETTINGS
@given(compilations())
def test_cleaning_clean_text_changes_nothing(raw):
    from zhiku.convert import convert_text

    for article in convert_text(raw, "generated.txt").articles:
        again = convert_text(article.body, "clean.md")
        assert len(again.articles) == 1
        assert paragraphs(again.articles[0].body) == paragraphs(article.body)


def test_a_markdown_footnote_definition_is_read_back_as_a_footnote():
    """Found by the property above: definitions that end without a full stop were joined
    into one paragraph when a converted body was read again."""
    from zhiku.convert import convert_text

    body = ("## 壹、前言\n\n正文。[^1]再一句。[^2]\n\n"
            "[^1]: CISA, October 27, 2020, https://shorturl.at/rwYYQ\n\n"
            "[^2]: 李民斌，〈經濟增長超預期〉，《香港 01》，2025 年 7 月 31 日\n")
    assert convert_text(body, "clean.md").articles[0].body == body


@SETTINGS
@given(st.just(" 美中在第三輪關稅談判的意圖 \n\n沈明室 \n\n國家安全研究所 \n\n焦點類別：國際情勢 \n\n"
               "壹、前言 \n\n（二）首爾國際航空航天與國防展覽會：韓國兩年一度的「首爾國際\n\n"
               "航空航天與國防展覽會」（以下略稱 ADEX 展覽）是由韓國航空宇宙 \n\n"))
@example(" 標題 \n\n沈明室 \n\n國家安全研究所 \n\n焦點類別：國際情勢 \n\n壹、前言 \n\n"
         "（一）韓美同盟起源發展：韓國與美國於 1949 年建交之後雙方關係經歷了\n\n"
         "許多轉折而逐步發展成為今日的全面戰略同盟 \n\n")
def test_cleaning_an_unfinished_run_in_heading_paragraph_changes_nothing(raw):
    """Found by the idempotence property: a paragraph the page cut before its full stop
    that starts like a run-in heading (（二）…：…, 45–80 characters) was a paragraph in
    hard-wrapped text but a heading when the one-line-per-paragraph body was read again.
    A heading of more than 45 characters now has no ，：；,: in either reading."""
    from zhiku.convert import convert_text

    for article in convert_text(raw, "generated.txt").articles:
        again = convert_text(article.body, "clean.md")
        assert paragraphs(again.articles[0].body) == paragraphs(article.body)


def test_a_date_without_spaces_holds_no_footnote_marker():
    """Found by the benchmark's corpus: ``4月28日`` and ``2+2`` gave up a 2 as marker [^2]."""
    from zhiku.convert import convert_text

    raw = (" 標題 \n\n沈明室 \n\n國家安全研究所 \n\n焦點類別：國際情勢 \n\n壹、前言 \n\n"
           "2025年4月28日，北韓首次公開承認派兵，日台 2+2 會談。 \n\n第二段說明。1後續說明。2 \n\n"
           " \n\n1 註一。 \n\n2 註二。 \n\n")
    body = convert_text(raw, "x.txt").articles[0].body
    assert "2025年4月28日，" in body and "日台 2+2 會談" in body
    assert "說明。[^1]後續說明。[^2]" in body
