"""The speed-ups keep results identical: the country tagger's own segmenter against
jieba's, the article cache, parallel ingest; and the benchmark's generated corpus."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from conftest import CORPUS
from zhiku import countries

# --------------------------------------------------------------------------- countries


def _reference_mentions(text: str) -> list[str]:
    """The tagger as it was before the speed-ups: jieba's own ``cut`` on the whole text."""
    m = countries._model()
    tokens = list(m.tokenizer.cut(countries._to_simplified(text), HMM=False))
    abbr = m.abbreviations
    items: list[tuple[str, object]] = []
    prev_visible = ""
    for tok in tokens:
        if tok in m.terms:
            items.append(("term", m.terms[tok]))
        elif tok not in m.non_country and all(ch in abbr for ch in tok):
            if items and items[-1][0] == "run":
                items[-1] = ("run", items[-1][1] + tok)
            elif tok.startswith("日") and countries._NUMERAL_RE.search(prev_visible):
                items.append(("run", tok[1:]) if len(tok) > 1 else ("other", ""))
            else:
                items.append(("run", tok))
        elif tok in countries._ENUM_JOINERS:
            items.append(("join", ""))
        elif len(tok) >= 3 and tok not in m.non_country and (
                codes := countries._scan_word(m, tok)):
            items.append(("term", codes))
        else:
            items.append(("other", ""))
        if tok.strip():
            prev_visible = tok
    out: list[str] = []
    i, n = 0, len(items)
    while i < n:
        kind, value = items[i]
        if kind not in ("term", "run"):
            i += 1
            continue
        group = [items[i]]
        j = i + 1
        while j + 1 < n and items[j][0] == "join" and items[j + 1][0] in ("term", "run"):
            group.append(items[j + 1])
            j += 2
        for kind, value in group:
            if kind == "term":
                out.extend(value)
                continue
            chars = list(dict.fromkeys(value))
            if len(chars) >= 2 or len(group) >= 2 or chars[0] in m.safe_singles:
                out.extend(abbr[ch] for ch in chars)
        i = j
    return out


def _samples() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    lines = [line for text in texts for line in text.split("\n") if line.strip()]
    rng = random.Random(7)
    return (texts + ["\n".join(rng.sample(lines, 12)) for _ in range(60)]
            + ["".join(rng.sample(lines, 4)) for _ in range(60)]
            + ["7\n日美中會談", "2025 年 7 月 7\n日美、英、日、韓", "美、\n英", "韓美\n日",
               "㐀美中䶵關稅 﨑日韓 𠀀英法"])  # characters jieba-rs counts as Han, jieba not


def test_the_segmenter_gives_jiebas_tokens():
    m = countries._model()
    for text in _samples():
        simplified = countries._to_simplified(text)
        assert countries._tokens(m, simplified) == list(
            m.tokenizer.cut(simplified, HMM=False))


def test_the_fast_tagger_counts_what_the_jieba_tagger_counted():
    for text in _samples():
        assert Counter(countries._mentions(text)) == Counter(_reference_mentions(text)), text[:60]
        assert countries._mentions(text) == _reference_mentions(text)


def test_tag_article_equals_count_and_primary():
    for text in _samples()[:5]:
        title, body = text[:40].replace("\n", " "), text[40:]
        counts = countries.count_mentions(f"{title}\n{body}\n")
        assert countries.tag_article(title, body) == (
            counts, countries.primary_countries(title, body, counts))


# --------------------------------------------------------------------------- cache, parallel


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated compilation corpus: 4 sources of 8 articles (zhiku.bench)."""
    from zhiku.bench import collect_seeds, generate_corpus

    corpus = tmp_path_factory.mktemp("generated") / "corpus"
    generate_corpus(corpus, 32, collect_seeds(CORPUS))
    return corpus


def test_the_generated_corpus_converts_article_by_article(generated):
    from zhiku.bench import collect_seeds
    from zhiku.build import load_corpus

    corpus = load_corpus(generated, cache=False)
    assert not corpus.problems and len(corpus.articles) == 32
    titles = set(collect_seeds(CORPUS).titles)
    assert all(article.title in titles for article in corpus.articles)
    assert all("[^1]: " in article.body for article in corpus.articles[:8])
    assert all(article.series and article.categories for article in corpus.articles)


def test_the_fast_tagger_counts_generated_text_as_jieba_did(generated):
    for path in sorted(generated.glob("*.txt"))[:2]:
        text = path.read_text(encoding="utf-8")
        assert countries._mentions(text) == _reference_mentions(text)


def test_unchanged_sources_are_not_cleaned_again(generated, tmp_path, monkeypatch):
    from zhiku import ingest
    from zhiku.build import load_corpus

    cache = tmp_path / "articles"
    first = load_corpus(generated, cache_dir=cache, workers=1)
    converted: list[str] = []
    real = ingest.convert_text

    def counting(text, name, *args, **kwargs):
        converted.append(name)
        return real(text, name, *args, **kwargs)

    monkeypatch.setattr(ingest, "convert_text", counting)
    again = load_corpus(generated, cache_dir=cache, workers=1)
    assert converted == [] and again.articles == first.articles

    changed = min(generated.glob("*.txt"))
    original = changed.read_bytes()
    try:
        changed.write_bytes(original.replace("。".encode(), "。（修訂）".encode(), 1))
        third = load_corpus(generated, cache_dir=cache, workers=1)
    finally:
        changed.write_bytes(original)
    assert converted == [changed.name]
    assert [a.id for a in third.articles] == [a.id for a in first.articles]
    assert any("（修訂）" in a.body for a in third.articles)


def test_a_changed_manifest_needs_no_cleaning(tmp_path, monkeypatch):
    from zhiku import ingest
    from zhiku.build import load_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((CORPUS / "004_09a8cce0a03d3fcd.txt").read_bytes())
    (corpus / "sources.yml").write_text("sources:\n  - id: a\n    file: a.txt\n",
                                        encoding="utf-8")
    load_corpus(corpus)
    monkeypatch.setattr(ingest, "convert_text", None)  # any cleaning would fail
    (corpus / "sources.yml").write_text(
        "sources:\n  - id: a\n    file: a.txt\n    articles:\n      1: {title: 新標題}\n",
        encoding="utf-8")
    assert load_corpus(corpus).articles[0].title == "新標題"


def test_a_corrupt_cache_entry_is_a_miss(generated, tmp_path):
    from zhiku.build import load_corpus

    cache = tmp_path / "articles"
    first = load_corpus(generated, cache_dir=cache, workers=1)
    for entry in cache.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_corpus(generated, cache_dir=cache, workers=1).articles == first.articles


def test_parallel_ingest_gives_what_sequential_gives(generated, monkeypatch):
    from zhiku import ingest
    from zhiku.build import load_corpus

    monkeypatch.setattr(ingest, "PARALLEL_MIN_SOURCES", 2)
    sequential = load_corpus(generated, cache=False, workers=1)
    parallel = load_corpus(generated, cache=False, workers=2)
    assert parallel.articles == sequential.articles


def test_bench_writes_its_table_under_the_performance_heading(tmp_path):
    from zhiku.bench import write_readme

    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n## Performance\n\nOLDTABLE\n\n## Later\n\nkept\n", encoding="utf-8")
    write_readme(readme, "| new |", "zhiku bench")
    write_readme(readme, "| newer |", "zhiku bench")
    text = readme.read_text(encoding="utf-8")
    assert text.count("## Performance") == 1 and "| newer |" in text
    assert "OLDTABLE" not in text and "| new |" not in text and "## Later\n\nkept" in text


# --------------------------------------------------------------------------- jieba for MkDocs


@pytest.mark.parametrize("hmm", [True, False])
def test_fastcut_gives_jiebas_words(generated, hmm):
    import jieba
    from zhiku import fastcut

    tokenizer = jieba.Tokenizer()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(generated.glob("*.txt"))[:1]]
    texts += ["", "  \r\n", "abc 123 ＡＢＣ", "第三輪關稅談判", "𠀀𠀁 漢字", b"\xe7\xbe\x8e\xe4\xb8\xad"]
    for text in texts:
        assert fastcut.cut(tokenizer, text, hmm) == list(tokenizer.cut(text, HMM=hmm))


def test_faster_jieba_is_swapped_in_and_back():
    import jieba
    from zhiku.fastcut import faster_jieba

    original = jieba.cut
    with faster_jieba():
        assert jieba.cut is not original
        assert list(jieba.cut("美中在第三輪關稅談判的意圖")) == list(
            original("美中在第三輪關稅談判的意圖"))
        assert list(jieba.cut("美中關稅", cut_all=True)) == list(original("美中關稅", cut_all=True))
    assert jieba.cut is original


def test_fastcut_counts_jiebas_total_when_a_user_word_is_redefined():
    """jieba adds a redefined word's frequency to its total again, jieba-rs does not; the
    total decides near-ties (武器系統 vs 武器 + 系統), so fastcut must carry jieba's."""
    import jieba
    from zhiku import fastcut

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for _ in range(40):  # a user dictionary that repeats jieba's commonest word
        tokenizer.add_word("的", freq=tokenizer.FREQ["的"])
    text = (CORPUS / "001_ecccf8a7296f2a19.txt").read_text(encoding="utf-8")
    assert fastcut.cut(tokenizer, text, False) == list(tokenizer.cut(text, HMM=False))
    assert fastcut.native_for(tokenizer) is fastcut.native_for(tokenizer)  # built once
    tokenizer.add_word("第三輪關稅", freq=5)
    assert "第三輪關稅" in fastcut.cut(tokenizer, "美中第三輪關稅談判", False)  # rebuilt
