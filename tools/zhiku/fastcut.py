"""jieba's own segmentation, computed by jieba-rs (the ``rjieba`` wheel): the same words,
about ten times faster than jieba.

jieba spends its time in a dynamic programme over its prefix dictionary (``get_DAG`` +
``calc``), written in Python. jieba-rs runs the same programme (the same scores, the same
HMM for unknown words, ``jieba.finalseg``'s model) in Rust. :class:`NativeTokenizer` loads
a ``jieba.Tokenizer``'s dictionary into it, word for word, and splits text into blocks with
jieba's own expressions, so the words are jieba's; ``tests/test_performance.py`` compares
them on the seed corpus and on a generated archive, with and without the HMM.

Two differences had to be bridged. The HMM: jieba's ``finalseg`` splits the Latin letters
and digits of an unknown run at every other character (``FA-50`` → ``FA`` ``-`` ``50``,
``2017.09.15`` → ``2017.09`` ``.`` ``15``), jieba-rs keeps the run whole; such a word goes
through ``finalseg`` itself. The total: jieba adds a user word's frequency to its total even when
the word was already in the dictionary, jieba-rs replaces it. The total enters every score
(``log(freq) - log(total)``), and near-ties (武器系統 vs 武器 + 系統) then come out
differently; :class:`NativeTokenizer` adds the difference as the frequency of a word made of
a private-use character, which no block of text can contain.

Used by the country tagger (:mod:`zhiku.countries`), the collocation miner
(:mod:`zhiku.site.searchdict`) and, through :func:`faster_jieba`, by Material's search
plugin, which segments every page with ``jieba.cut`` while MkDocs builds.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

_HAN_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")  # jieba.re_han_default
_SKIP = re.compile(r"(\r\n|\s)")  # jieba.re_skip_default
_NOT_HAN = re.compile(r"[^\u4E00-\u9FD5]")  # outside jieba.finalseg.re_han
#: Carries the frequency jieba counts in its total but no longer in any word (see above).
_TOTAL_PAD = "\ue000"


class NativeTokenizer:
    """A ``jieba.Tokenizer``'s dictionary as it is now, in jieba-rs.

    >>> NativeTokenizer(tokenizer).cut("美中在第三輪關稅談判")  # doctest: +SKIP
    ['美中', '在', '第三輪', '關稅', '談判']
    """

    def __init__(self, tokenizer) -> None:
        import rjieba

        tokenizer.check_initialized()
        self.freq = tokenizer.FREQ
        self.native = rjieba.Jieba.empty()
        add = self.native.add_word
        counted = 0
        for word, freq in tokenizer.FREQ.items():
            if freq:  # 0: only a prefix of longer words
                add(word, freq, None)
                counted += freq
        if tokenizer.total > counted:
            add(_TOTAL_PAD, tokenizer.total - counted, None)
        self.stamp = _stamp(tokenizer)
        self.tokenizer = weakref.ref(tokenizer)

    def cut_block(self, block: str, hmm: bool = True) -> list[str]:
        """The words of one block of word characters (a match of jieba's ``re_han``)."""
        words = self.native.cut(block, hmm)
        if hmm and _NOT_HAN.search(block):
            return self._as_finalseg(words)
        return words

    def _as_finalseg(self, words: list[str]) -> list[str]:
        """An unknown word that is not all Han, split the way ``jieba.finalseg.cut`` does."""
        from jieba import finalseg

        out: list[str] = []
        for word in words:
            if len(word) > 1 and _NOT_HAN.search(word) and not self.freq.get(word):
                out.extend(finalseg.cut(word))
            else:
                out.append(word)
        return out

    def cut(self, sentence: str | bytes, hmm: bool = True) -> list[str]:
        """``list(tokenizer.cut(sentence, HMM=hmm))`` (accurate mode)."""
        if isinstance(sentence, bytes):
            sentence = sentence.decode("utf-8")
        words: list[str] = []
        cut_block = self.cut_block
        for block in _HAN_BLOCK.split(sentence):
            if not block:
                continue
            if _HAN_BLOCK.match(block):
                words.extend(cut_block(block, hmm))
            else:
                for part in _SKIP.split(block):
                    if _SKIP.match(part):
                        words.append(part)
                    else:
                        words.extend(part)
        return words


def _stamp(tokenizer) -> tuple:
    """Changes whenever words are added to ``tokenizer`` or its dictionary is replaced."""
    return (tokenizer.total, len(tokenizer.FREQ), tokenizer.dictionary)


_lock = threading.Lock()
_native: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # tokenizer → native


def native_for(tokenizer) -> NativeTokenizer:
    """The :class:`NativeTokenizer` of ``tokenizer``'s current dictionary (built once)."""
    tokenizer.check_initialized()
    with _lock:
        found = _native.get(tokenizer)
        if found is None or found.stamp != _stamp(tokenizer):
            found = _native[tokenizer] = NativeTokenizer(tokenizer)
        return found


def cut(tokenizer, sentence: str | bytes, hmm: bool = True) -> list[str]:
    """``list(tokenizer.cut(sentence, HMM=hmm))`` (accurate mode), by jieba-rs."""
    return native_for(tokenizer).cut(sentence, hmm)


@contextmanager
def faster_jieba() -> Iterator[None]:
    """Within the block, ``jieba.cut`` (the global tokenizer, accurate mode) is :func:`cut`."""
    import jieba

    original = jieba.cut
    current: list[NativeTokenizer] = []  # the last one used: no lock on the hot path

    def fast(sentence, cut_all=False, HMM=True, use_paddle=False):  # jieba.cut's signature
        if cut_all or use_paddle:
            return original(sentence, cut_all=cut_all, HMM=HMM, use_paddle=use_paddle)
        tokenizer = jieba.dt
        if (not current or current[0].tokenizer() is not tokenizer or not tokenizer.initialized
                or current[0].stamp != _stamp(tokenizer)):
            current[:] = [native_for(tokenizer)]
        return iter(current[0].cut(sentence, HMM))

    jieba.cut = fast
    try:
        yield
    finally:
        jieba.cut = original
