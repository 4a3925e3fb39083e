"""File-system-safe page names for taxonomy terms (categories, authors, series)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

#: Characters kept: Unicode word characters (letters incl. CJK, digits, "_") and "-".
_UNSAFE = re.compile(r"[^\w-]+")
_DASHES = re.compile(r"-{2,}")
#: Names that would clash with MkDocs' index pages or Windows device names.
RESERVED = frozenset({"index", "readme", "con", "prn", "aux", "nul"}) | {
    f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)
}
MAX_LENGTH = 60


def slugify_term(term: str) -> str:
    """A readable, file-system-safe slug for ``term``; CJK characters are kept.

    NFKC-normalises (full-width ``ＮＡＴＯ`` → ``nato``), lower-cases, replaces every run of
    characters other than letters, digits, ``_`` and ``-`` (``/\\:*?"<>|``, whitespace,
    brackets, ``#``, ``%``, full-width punctuation …) with ``-``. Empty, reserved or over-long
    results get a short hash of the term so the slug stays unique and non-empty.

    >>> slugify_term("國際情勢/印太區域")
    '國際情勢-印太區域'
    """
    text = unicodedata.normalize("NFKC", term).lower()
    slug = _DASHES.sub("-", _UNSAFE.sub("-", text)).strip("-_")
    if not slug or slug in RESERVED or len(slug) > MAX_LENGTH:
        slug = f"{slug[:MAX_LENGTH]}-{_short_hash(term)}".lstrip("-")
    return slug


def assign_slugs(terms: Iterable[str]) -> dict[str, str]:
    """Map each distinct term to a slug unique among ``terms`` (case-insensitively).

    Terms whose slugs collide (``美/中`` and ``美:中``) keep the plain slug for the first in
    sorted order; the others get ``-<hash>`` appended, which does not depend on what other
    terms exist.
    """
    result: dict[str, str] = {}
    taken: set[str] = set()
    for term in sorted(set(terms)):
        slug = slugify_term(term)
        if slug in taken:
            slug = f"{slug}-{_short_hash(term)}"
        taken.add(slug)
        result[term] = slug
    return result


def _short_hash(term: str) -> str:
    return hashlib.sha1(term.encode("utf-8")).hexdigest()[:6]
