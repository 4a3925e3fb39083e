"""Cleaned seed articles against the hand-verified references in ../shared/reference.

Targets (issue 3): paragraph F1 ≥ 0.98, every heading, every footnote, CJK ≥ 0.999.
The floors below are what the cleaner reaches today; raise them as it improves, never
lower them.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, REFERENCE
from zhiku.fidelity import format_table, score_references

pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference not present")


@pytest.fixture(scope="module")
def scores():
    scores = score_references(REFERENCE, CORPUS)
    print("\n" + format_table(scores))
    return scores


def test_every_reference_is_scored(scores):
    assert len(scores) == 10


def test_cjk_text_is_never_lost(scores):
    for score in scores:
        assert score.cjk_similarity >= 0.999, score


def test_headings_are_found_at_their_level(scores):
    assert sum(s.headings for s in scores) / len(scores) >= 0.99
    for score in scores:
        assert score.headings >= 0.94, score


def test_paragraphs_are_whole(scores):
    assert sum(s.paragraph_f1 for s in scores) / len(scores) >= 0.96
    for score in scores:
        assert score.paragraph_f1 >= 0.76, score


def test_footnotes_keep_their_text_and_their_place(scores):
    assert sum(s.footnote_texts for s in scores) / len(scores) >= 0.97
    assert sum(s.footnote_refs for s in scores) / len(scores) >= 0.99
