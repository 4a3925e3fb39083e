"""Search without a browser: the query fixes' assets and configuration, the corpus
collocations added to the jieba dictionary, and the scoring of ``zhiku search-eval``.
(The browser side is tests/browser/test_site_browser.py.)"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml
from zhiku import searcheval
from zhiku.site.searchdict import STOP_WORDS, build_search_dictionaries, corpus_collocations

REPO = Path(__file__).resolve().parents[1]
ASSETS = REPO / "docs" / "assets"
SEARCH_JS = ASSETS / "zhiku-search.js"
OPENCC_JS = ASSETS / "vendor" / "opencc-js" / "cn2t.js"
AXE_JS = REPO / "tests" / "browser" / "vendor" / "axe.min.js"
#: Vendored files, unchanged from their npm packages (opencc-js 1.4.2, axe-core 4.14.1).
VENDORED = {
    OPENCC_JS: "d66d920069ab526db08c6f2bc15fcf6feb7d07de3cf98e7e27c0aaf7d136baee",
    AXE_JS: "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c",
}


def _mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


# --------------------------------------------------------------------------- assets, config


def test_vendored_files_are_unchanged_and_keep_their_licences() -> None:
    for path, digest in VENDORED.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path
    assert AXE_JS.read_text(encoding="utf-8").startswith("/*! axe v4.14.1")
    assert "Mozilla Public" in AXE_JS.read_text(encoding="utf-8")[:600]
    assert (AXE_JS.parent / "axe-core.LICENSE.txt").is_file()
    vendor = OPENCC_JS.parent
    assert "MIT License" in (vendor / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache License" in (vendor / "THIRD_PARTY_LICENSES.txt").read_text(encoding="utf-8")
    assert not list(vendor.glob("*.md")), "a .md file in docs/ would become a page"


def test_shared_characters_match_opencc() -> None:
    """zhiku-search.js converts a query only if it has a character that only Simplified
    Chinese uses; its list of characters both scripts use must be OpenCC's: the
    STCharacters entries whose candidates include the character itself (台 → 臺 檯 颱 台)."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt"
    shared = ""
    for line in table.read_text(encoding="utf-8").splitlines():
        key, candidates = line.split("\t")
        if key in candidates.split():
            shared += key
    script = SEARCH_JS.read_text(encoding="utf-8")
    block = re.search(r"var SHARED =\s*((?:\"[^\"]*\"\s*\+?\s*)+);", script)
    assert block, "SHARED not found in zhiku-search.js"
    assert "".join(re.findall(r"\"([^\"]*)\"", block.group(1))) == shared
    assert {"台", "干", "制", "布", "周"} <= set(shared)
    assert not {"关", "国", "无"} & set(shared)


def test_mkdocs_config_wires_the_query_fixes() -> None:
    config = _mkdocs_config()
    assert "assets/zhiku-search.js" in config["extra_javascript"]
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    separator = re.compile(search["separator"].replace("\\u303b", "\u303b")
                           .replace("\\u200b", "\u200b").replace("\\u3000", "\u3000"))
    assert separator.split("關稅\u303b") == ["關稅", ""]  # the end mark never joins a term
    assert separator.split("第三輪\u200b關稅") == ["第三輪", "關稅"]
    assert search["pipeline"] == []  # no stemmer: README, "Known upstream workarounds"
    script = SEARCH_JS.read_text(encoding="utf-8")
    assert 'END = "\\u303B"' in script
    assert "Known upstream workarounds" in (REPO / "README.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- dictionary


def test_corpus_collocations_keep_frequent_compounds(tmp_path: Path) -> None:
    texts = [
        "維護國家安全是首要任務。國家安全會議召開。俄烏戰爭持續。",
        "國家安全戰略公布。台灣的國家安全面臨挑戰。俄烏戰爭延燒。",
        "美國國家安全顧問表示，國家安全與經濟相關。俄烏戰爭之後。俄烏戰爭爆發。",
    ]
    main, user = build_search_dictionaries(tmp_path, [], cache_dir=REPO / ".cache" / "search")
    found = corpus_collocations(texts, main, user)
    assert "國家安全" in found and "俄烏戰爭" in found
    assert not any(word in STOP_WORDS for word in found)
    assert all(3 <= len(word) <= 5 for word in found)
    # a compound seen in one text only is not enough
    assert "安全會議" not in found


def test_collocations_join_the_user_dictionary(tmp_path: Path) -> None:
    texts = ["國家安全與國家安全。"] * 3
    _main, user = build_search_dictionaries(tmp_path, ["沈明室"], texts=texts,
                                            cache_dir=REPO / ".cache" / "search")
    words = [line.split(" ")[0] for line in user.read_text(encoding="utf-8").splitlines()]
    assert "國家安全" in words and "沈明室" in words


# --------------------------------------------------------------------------- scoring


def _outcome(expected: set[str], shown: list[str]) -> searcheval.Outcome:
    query = searcheval.Query(text="關稅", kind="word2", expected=expected)
    return searcheval.Outcome(query, shown)


def test_scores_count_distinct_articles_and_ignore_listing_pages() -> None:
    outcome = _outcome({"a", "b", "c"}, ["articles/a/", "authors/x/", "articles/a/#s",
                                         "articles/z/", "articles/b/"])
    assert outcome.articles == ["a", "z", "b"]
    assert outcome.others == 1
    assert outcome.precision == 2 / 3
    assert outcome.recall == 2 / 3
    assert outcome.first == 1
    assert _outcome({"b"}, ["countries/pk/", "articles/b/"]).first == 2
    assert _outcome({"b"}, []).precision == 0.0
    many = {f"x{i}" for i in range(12)}
    assert _outcome(many, [f"articles/x{i}/" for i in range(10)]).recall == 1.0


def test_expected_articles_come_from_the_text(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.md").write_text("---\ntitle: x\n---\n\n美國關稅[連結](../關稅稀土.md)\n",
                                     encoding="utf-8")
    (articles / "two.md").write_text("---\ntitle: 關稅\n---\n\n稀土\n", encoding="utf-8")
    queries = [searcheval.Query("關稅", "word2"), searcheval.Query("关税", "simplified",
                                                                  simplified=True),
               searcheval.Query("稀土", "word2")]
    searcheval.set_expected(queries, searcheval.article_texts(tmp_path))
    assert [q.expected for q in queries] == [{"one"}, {"one"}, {"two"}]


def test_query_file_is_well_formed() -> None:
    queries = searcheval.load_queries(REPO / searcheval.QUERIES_FILE)
    assert len(queries) >= 40
    assert len({q.text for q in queries}) == len(queries)
    kinds = {q.kind for q in queries}
    assert {"word2", "word3", "word4", "name", "english", "country", "simplified"} <= kinds
    for q in queries:
        if q.simplified:
            assert q.target != q.text, f"{q.text} is the same in Traditional"


def test_search_eval_command_is_registered() -> None:
    from zhiku.cli import main

    try:
        main(["search-eval", "--help"])
    except SystemExit as done:
        assert done.code == 0
