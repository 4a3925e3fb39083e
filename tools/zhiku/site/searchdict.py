"""Traditional-Chinese jieba dictionaries for Material's search plugin.

Material segments Chinese with ``jieba.cut`` at build time. jieba's bundled ``dict.txt`` is
Simplified, so Traditional text is mis-segmented (第三輪關稅 → 第三/輪關/稅). We convert that
dictionary with OpenCC – both ``s2tw`` (characters: keeps PRC terms such as 信息化 that
Taiwanese authors quote from PLA sources) and ``s2twp`` (Taiwan phrasing: 資訊, 軟體) – merge
duplicates keeping the highest frequency, and add the corpus's own terms (authors,
institutes, categories, country names …) as a user dictionary, together with the corpus's
frequent collocations (:func:`corpus_collocations`: 國家安全, 俄烏戰爭, 地緣政治 …), so a
query for such a compound matches it as one indexed word instead of two words anywhere in
an article. zhiku-search.js matches a query inside longer words too (同盟 in 軍事同盟),
so a longer indexed word does not hide the shorter ones. Measured with ``zhiku search-eval``.

The pure-Python OpenCC converts ~1 MB/s, so each conversion is cached in ``cache_dir`` under
a key made of the dictionary's hash, the converter and the OpenCC version. Output files are
rewritten only when their content changes (jieba keeps its own prefix-dict cache keyed by the
dictionary file's path and mtime).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from zhiku import fastcut
from zhiku.model import Article
from zhiku.site.docs_writer import atomic_write

log = logging.getLogger(__name__)

#: Default output directory, relative to the working directory (where mkdocs runs).
DEFAULT_OUT_DIR = Path(".cache/search")
MAIN_DICT_NAME = "jieba_dict.txt"
USER_DICT_NAME = "jieba_user.txt"
CONVERTERS = ("s2tw", "s2twp")
USER_FREQ = 2000
USER_TAG = "n"
CACHE_VERSION = "1"
# Characters jieba keeps together in one block (jieba.re_han_default); other characters
# split a term, so only these parts can ever be matched as words.
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_HAN = re.compile(r"[\u4E00-\u9FD5]")
_HAN_WORD = re.compile(r"^[\u4E00-\u9FD5]+$")


def jieba_dict_path() -> Path:
    """jieba's bundled Simplified dictionary (``dict.txt`` next to ``jieba/__init__.py``)."""
    import jieba

    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def build_search_dictionaries(
    out_dir: Path = DEFAULT_OUT_DIR,
    extra_terms: Iterable[str] = (),
    *,
    cache_dir: Path | None = None,
    source: Path | None = None,
    texts: Iterable[str] = (),
) -> tuple[Path, Path]:
    """Write ``jieba_dict.txt`` and ``jieba_user.txt`` into ``out_dir``; return their paths.

    ``extra_terms`` are added to the user dictionary with frequency :data:`USER_FREQ`
    (or the main dictionary's, if higher) and tag ``n``; so are the collocations of
    ``texts`` (the articles' bodies), found with the dictionaries made so far.
    ``cache_dir`` (default ``out_dir``) holds the cached OpenCC conversions; ``source``
    defaults to jieba's ``dict.txt``.
    """
    out_dir = Path(out_dir)
    cache_dir = Path(cache_dir) if cache_dir is not None else out_dir
    source = Path(source) if source is not None else jieba_dict_path()
    raw = source.read_bytes()
    main, freqs = _merged_dictionary(raw, cache_dir)

    user_words = user_dictionary_words(extra_terms)

    def user_dictionary(words: set[str]) -> bytes:
        return "".join(
            f"{w} {max(USER_FREQ, freqs.get(w, (0, ''))[0])} {USER_TAG}\n" for w in sorted(words)
        ).encode("utf-8")

    main_path, user_path = out_dir / MAIN_DICT_NAME, out_dir / USER_DICT_NAME
    texts = list(texts)
    if texts:  # segment with the dictionaries so far, then add what the texts keep together
        _write_if_changed(main_path, main)
        _write_if_changed(user_path, user_dictionary(user_words))
        user_words |= set(corpus_collocations(texts, main_path, user_path))
    _write_if_changed(main_path, main)
    _write_if_changed(user_path, user_dictionary(user_words))
    return main_path, user_path


def _write_if_changed(path: Path, data: bytes) -> None:
    if not (path.is_file() and path.read_bytes() == data):
        atomic_write(path, data)


#: Collocation mining: how often, in how many texts, how cohesive, and how much text at
#: most is segmented for it (jieba cuts ~0.5 MB/s; the rest of a large corpus is not read).
COLLOCATION_MIN_COUNT = 4
COLLOCATION_MIN_TEXTS = 2
COLLOCATION_MIN_SHARE = 0.2
COLLOCATION_CHARS = (3, 5)
COLLOCATION_MAX_TEXT = 3_000_000
#: Words that never start, end or sit inside a collocation (function words, numerals).
_STOP = (
    "的 了 在 是 和 與 及 或 對 於 為 而 也 就 都 把 被 從 向 等 之 其 這 那 此 各 該 並 以 由 將 "
    "已 更 最 很 所 有 中 上 下 內 外 後 前 時 且 但 若 如 則 即 又 還 再 個 們 不 會 能 可 要 到 "
    "讓 使 給 及其 以及 並且 因此 但是 而且 其中 一 來 去 說 年 月 日 第"
)
STOP_WORDS = frozenset(_STOP.split())


def corpus_collocations(texts: Iterable[str], main_dict: Path, user_dict: Path) -> list[str]:
    """Runs of two or three words (as jieba cuts ``texts`` with these dictionaries) that the
    texts keep together: 3–5 Han characters, no stop word, at least
    :data:`COLLOCATION_MIN_COUNT` times in :data:`COLLOCATION_MIN_TEXTS` texts, and making up
    at least :data:`COLLOCATION_MIN_SHARE` of the occurrences of their rarest word
    (國家/安全 → 國家安全, 俄烏/戰爭 → 俄烏戰爭)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer(dictionary=str(main_dict))
    tokenizer.tmp_dir = str(Path(main_dict).parent)  # its prefix cache beside the dictionary
    tokenizer.load_userdict(str(user_dict))
    judged = _UsableWords()
    word_counts: Counter[str] = Counter()
    run_counts: Counter[tuple[str, ...]] = Counter()
    run_texts: dict[str, set[int]] = {}
    budget = COLLOCATION_MAX_TEXT
    low, high = COLLOCATION_CHARS
    for number, text in enumerate(texts):
        if budget <= 0:
            break
        text = text[:budget]
        budget -= len(text)
        words = fastcut.cut(tokenizer, text)  # jieba's words, faster
        word_counts.update(words)
        usable = list(map(judged.__getitem__, words))
        for size in (2, 3):
            for start in range(len(words) - size + 1):
                if not (usable[start] and usable[start + 1]
                        and (size == 2 or usable[start + 2])):
                    continue
                run = tuple(words[start:start + size])
                length = sum(map(len, run))
                if low <= length <= high:
                    run_counts[run] += 1
                    run_texts.setdefault("".join(run), set()).add(number)
    found = set()
    for run, count in run_counts.items():
        joined = "".join(run)
        if (count >= COLLOCATION_MIN_COUNT and len(run_texts[joined]) >= COLLOCATION_MIN_TEXTS
                and count >= COLLOCATION_MIN_SHARE * min(word_counts[w] for w in run)):
            found.add(joined)
    return sorted(found)


class _UsableWords(dict):
    """Word → whether it may be part of a collocation (all Han, not a stop word), judged
    once per word."""

    def __missing__(self, word: str) -> bool:
        usable = self[word] = bool(_HAN_WORD.match(word)) and word not in STOP_WORDS
        return usable


#: (dictionary hash, cache dir) → merged main dictionary: a long-running process
#: (``zhiku serve``) merges it once, not on every rebuild.
_MERGED: dict[tuple[str, str], tuple[bytes, dict[str, tuple[int, str]]]] = {}


def _merged_dictionary(raw: bytes, cache_dir: Path) -> tuple[bytes, dict[str, tuple[int, str]]]:
    """The main dictionary (bytes) and its ``word → (freq, tag)``: every converter's
    conversion of ``raw``, duplicates merged keeping the highest frequency."""
    key = (hashlib.sha256(raw).hexdigest(), str(Path(cache_dir).resolve()))
    if key in _MERGED:
        return _MERGED[key]
    freqs: dict[str, tuple[int, str]] = {}
    for converter in CONVERTERS:
        text = converted_dictionary(raw, converter, cache_dir)
        for word, freq, tag in parse_dictionary(text):
            if word not in freqs or freq > freqs[word][0]:
                freqs[word] = (freq, tag)
    main = "".join(f"{w} {f} {t}\n" for w, (f, t) in freqs.items()).encode("utf-8")
    _MERGED.clear()
    _MERGED[key] = (main, freqs)
    return main, freqs


def converted_dictionary(raw: bytes, converter: str, cache_dir: Path) -> str:
    """``raw`` (UTF-8) converted with OpenCC ``converter``, cached in ``cache_dir``."""
    key = hashlib.sha256(raw)
    key.update(f"\0{converter}\0{_opencc_version()}\0{CACHE_VERSION}".encode())
    cache = Path(cache_dir) / f"converted-{converter}-{key.hexdigest()[:16]}.txt"
    if cache.is_file():
        return cache.read_text(encoding="utf-8")

    from opencc import OpenCC

    text = OpenCC(converter).convert(raw.decode("utf-8"))  # one call: per-line is far slower
    for stale in Path(cache_dir).glob(f"converted-{converter}-*.txt"):
        stale.unlink(missing_ok=True)
    atomic_write(cache, text.encode("utf-8"))
    return text


def parse_dictionary(text: str) -> Iterable[tuple[str, int, str]]:
    """``(word, freq, tag)`` for each ``word freq [tag]`` line; malformed lines are skipped."""
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            yield parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""


def user_dictionary_words(terms: Iterable[str]) -> set[str]:
    """The parts of ``terms`` jieba can match: runs of its block characters, ≥ 2 characters
    long, containing at least one Han character (so "國防安全雙週報 第 87 期" gives
    "國防安全雙週報" but not "第")."""
    words = set()
    for term in terms:
        for part in _JIEBA_BLOCK.findall(term or ""):
            if len(part) >= 2 and _HAN.search(part):
                words.add(part)
    return words


def search_terms(articles: Iterable[Article]) -> list[str]:
    """Terms from the corpus worth keeping whole in search: authors, institutes, categories,
    keywords, series, publishers and the Chinese names (and aliases) of countries."""
    from zhiku.site.terms import country_names, series_name

    terms: set[str] = set()
    for a in articles:
        terms.update(a.authors)
        terms.update(a.categories)
        terms.update(a.keywords)
        terms.update(t for t in (a.institute, a.publisher, series_name(a)) if t)
        terms.update(country_names(code.upper())[0] for code in a.countries)
        terms.update(country_names(code.upper())[0] for code in a.countries_mentioned)
    try:  # every country name and alias zhiku.countries knows, when that module is usable
        from zhiku.countries import gazetteer_terms

        terms.update(gazetteer_terms())
    except Exception as error:  # noqa: BLE001 - optional enrichment
        log.warning("country names not added to the search dictionary: %s", error)
    return sorted(terms)


def _opencc_version() -> str:
    for dist in ("opencc-python-reimplemented", "opencc"):
        try:
            return f"{dist}-{metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return "unknown"
