"""Cleaned seed articles against the hand-verified references in ../shared/reference.

Targets (issue 3): paragraph F1 ≥ 0.98, every heading, every footnote, CJK ≥ 0.999.
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


def test_every_article_meets_the_fidelity_targets(scores):
    """Paragraph F1 ≥ 0.98, every heading at its level, every footnote text and marker
    place, CJK sequence similarity ≥ 0.999."""
    for score in scores:
        assert score.passes(), score
