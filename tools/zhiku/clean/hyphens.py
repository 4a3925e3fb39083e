"""Hyphens an extractor dropped where a printed line broke, put back where the article proves them.

``pdftotext`` without ``-layout`` and pymupdf4llm join a line that ends in a hyphen to the next
line and drop the hyphen, as if every such hyphen were a typesetter's word break.  In these
Chinese articles the Latin text that breaks at a hyphen is a URL slug or a compound name, and the
hyphen is the author's: ``…/business/mp-`` + ``materials-partners-…`` comes out as
``…/business/mpmaterials-partners-…``, a link that no longer opens.

Where the line broke is not in the text any more, so a hyphen goes back only where the article
itself shows it: the joined word occurs nowhere else in the article, and exactly one way of
cutting it gives two words that do occur in it (the footnote's title usually prints them:
``“MP Materials Seals …”``).  Three places qualify, because there a word glued to a word is not
how the author writes:

- a piece of a URL path segment whose other words are joined by hyphens (a slug);
- a capitalised word glued to a capitalised word (``StatesUkraine``);
- a date in a slug that lost one of its two hyphens (``2025-0417``).

A source whose lines keep their line-end hyphens (``pdftotext -layout``, PyMuPDF, pdfminer, the
seeds 001 and 002) shows that its extractor drops none, and is left alone
(:func:`keeps_line_end_hyphens`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .report import Report

_URL = re.compile(r"https?://[^\s<>\u3000-\u303f\uff00-\uffef]+")
_URL_HOST = re.compile(r"https?://[^/\s<>\u3000-\u303f\uff00-\uffef]*")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")
_WORD = re.compile(r"[A-Za-z]+")
_LINE_END_HYPHEN = re.compile(r"[A-Za-z0-9]-$")
#: path segments of a URL; a slug's words are joined by hyphens inside one segment
_PATH_SEGMENT = re.compile(r"[^/?&=#.]+")
_CAPITALISED_PAIR = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{2,})([A-Z][a-z]{2,})(?![A-Za-z])")
_WORD_NUMBER = re.compile(r"^([A-Za-z]{2,})(\d{4,})$")
_DATE_LOST_HYPHEN = re.compile(
    r"(?<![0-9])(?:((?:19|20)\d\d)-(\d\d)(\d\d)|((?:19|20)\d\d)(\d\d)-(\d\d))(?![0-9])")
_SHORTEST_PART = 2


def keeps_line_end_hyphens(lines: Iterable[str]) -> bool:
    """Does any line end in a hyphen after a letter or digit?  Then the extractor keeps them.

    ``https://www.reuters.com/business/mp-`` as the end of a printed line → True.
    """
    return any(_LINE_END_HYPHEN.search(text.rstrip()) for text in lines)


def article_words(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """Latin words of an article, lower-cased: those of its prose, and those of prose and URLs.

    A URL host is left out: it is one name (``mpmaterials.com``), not the author's words.
    ``Pakistan’s`` counts as ``pakistans``, the way a slug writes it.
    """
    prose: Counter = Counter()
    everywhere: Counter = Counter()
    for text in texts:
        text = _APOSTROPHE.sub("", text)
        everywhere.update(word.lower() for word in _WORD.findall(_URL_HOST.sub(" ", text)))
        prose.update(word.lower() for word in _WORD.findall(_URL.sub(" ", text)))
    return prose, everywhere


def _only_cut(word: str, words: tuple[Counter, Counter], in_prose: int = 0) -> int | None:
    """Where to cut ``word`` so that both parts are words of the article, if exactly one place.

    None when the article's prose prints ``word`` as it is (besides ``in_prose`` times here).
    """
    prose, everywhere = words
    lower = word.lower()
    if prose[lower] > in_prose:
        return None
    cuts = [i for i in range(_SHORTEST_PART, len(word) - _SHORTEST_PART + 1)
            if everywhere[lower[:i]] and everywhere[lower[i:]]]
    return cuts[0] if len(cuts) == 1 else None


def _restore_in_slug(segment: str, words: tuple[Counter, Counter]) -> str:
    if "-" not in segment:
        return segment
    pieces = segment.split("-")
    for index, piece in enumerate(pieces):
        if piece.isascii() and piece.isalpha():
            cut = _only_cut(piece, words)
            if cut is not None:
                pieces[index] = piece[:cut] + "-" + piece[cut:]
            continue
        glued = _WORD_NUMBER.match(piece)
        others = pieces[:index] + pieces[index + 1:]
        if glued and words[1][glued.group(1).lower()] and all(
                other.isalpha() or other.isdigit() for other in others):
            pieces[index] = glued.group(1) + "-" + glued.group(2)
    return "-".join(pieces)


def _date(match: re.Match) -> str:
    year, month, day = (part for part in match.groups() if part)
    if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return f"{year}-{month}-{day}"
    return match.group(0)


def _restore_in_path(path: str, words: tuple[Counter, Counter]) -> str:
    path = _PATH_SEGMENT.sub(lambda m: _restore_in_slug(m.group(0), words), path)
    return _DATE_LOST_HYPHEN.sub(_date, path)


def restore_dropped_hyphens(text: str, words: tuple[Counter, Counter], report: Report | None = None,
                            line: int | None = None) -> str:
    """Put back a hyphen the extractor dropped at a line end, where the article proves it.

    ``words`` is :func:`article_words` of the whole article.

    Before: ``https://www.reuters.com/business/mpmaterials-partners-with-department-defense-…``
    in a footnote that prints ``“MP Materials Seals …”``
    After:  ``https://www.reuters.com/business/mp-materials-partners-with-department-defense-…``

    Before: ``the Comprehensive United StatesUkraine Reconstruction`` (``States`` and
    ``Ukraine`` printed elsewhere) → After: ``… United States-Ukraine Reconstruction``

    Before: ``…-over-tariffs-2025-0417/`` → After: ``…-over-tariffs-2025-04-17/``

    ``payneinstitute.mines.edu`` stays (a host), and so does a slug word printed elsewhere as it
    is, or one that cuts into known words in two ways.
    """
    def camel(match: re.Match) -> str:
        cut = _only_cut(match.group(0), words, in_prose=1)
        if cut == len(match.group(1)):
            return match.group(1) + "-" + match.group(2)
        return match.group(0)

    def capitalised_pairs(part: str) -> str:
        return _CAPITALISED_PAIR.sub(camel, part)

    pieces, end = [], 0
    for url in _URL.finditer(text):
        pieces.append(capitalised_pairs(text[end:url.start()]))
        host = _URL_HOST.match(url.group(0)).group(0)  # a name: left as it is
        path = url.group(0)[len(host):]
        pieces.append(host + capitalised_pairs(_restore_in_path(path, words)))
        end = url.end()
    pieces.append(capitalised_pairs(text[end:]))
    fixed = "".join(pieces)
    if fixed != text and report is not None:
        for before, after in _changed_words(text, fixed):
            report.add("restore_dropped_hyphens", line, before, after)
    return fixed


def _changed_words(before: str, after: str) -> list[tuple[str, str]]:
    """The words that differ (hyphens only ever added, so the texts align word by word)."""
    return [(old, new) for old, new in zip(before.split(" "), after.split(" ")) if old != new]
