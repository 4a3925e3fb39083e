from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
REFERENCE = REPO / "tests" / "reference"  # hand-verified articles (article-format.md)


@pytest.fixture(scope="session")
def converted_seeds():
    """Every seed source converted once, without the manifest: {file name: ConvertedSource}."""
    from zhiku.convert import convert_file

    return {path.name: convert_file(path) for path in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="session")
def corpus():
    """The corpus with the manifest applied, as `zhiku build` sees it."""
    from zhiku.build import load_corpus

    return load_corpus(CORPUS)


@pytest.fixture
def restore_jieba():
    """Material's search plugin reconfigures jieba's global tokenizer; put it back."""
    import jieba

    saved = dict(vars(jieba.dt))
    yield
    vars(jieba.dt).clear()
    vars(jieba.dt).update(saved)
