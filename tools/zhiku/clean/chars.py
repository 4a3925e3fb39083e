"""Character repairs: PDF artifacts that look right but break search.

CJK compatibility ideographs (U+F900–FAFF) and Kangxi radicals (U+2F00–2FDF) are
mapped to the unified ideographs they stand for.  NFKC would do that too, but it
also turns full-width punctuation (，：（）) into ASCII, which we never do: the
mapping here is each character's own compatibility decomposition, applied only
to those two blocks.
"""

from __future__ import annotations

import os
import re
import unicodedata

from .report import Report

_COMPAT_RANGES = ((0xF900, 0xFAFF), (0x2F00, 0x2FDF), (0x2E80, 0x2EFF))


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for start, end in _COMPAT_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            mapped = unicodedata.normalize("NFKC", char)
            if mapped != char and len(mapped) == 1 and unicodedata.category(mapped) == "Lo":
                table[code] = mapped
    return table


#: code point → unified ideograph, for the compatibility and radical blocks only.
UNIFY_TABLE = _build_table()
_NEEDS_UNIFY = re.compile("[" + "".join(chr(c) for c in UNIFY_TABLE) + "]")


def unify_ideographs(text: str, report: Report | None = None, first_line: int = 1) -> str:
    """Map compatibility ideographs and Kangxi radicals to unified ideographs.

    Before: ``韓國國防部長李相熹先生參\\uf96b訪`` (U+F96B, a compatibility 參)
    After:  ``韓國國防部長李相熹先生參參訪`` (U+53C3)

    Full-width punctuation is untouched: ``（，：）`` stay as they are.
    """
    if not _NEEDS_UNIFY.search(text):
        return text
    if report is not None:
        for number, line in enumerate(text.split("\n"), start=first_line):
            for match in _NEEDS_UNIFY.finditer(line):
                char = match.group()
                report.add(
                    "unify_ideographs",
                    number,
                    f"U+{ord(char):04X} {char}",
                    f"U+{ord(UNIFY_TABLE[ord(char)]):04X} {UNIFY_TABLE[ord(char)]}",
                )
    return text.translate(UNIFY_TABLE)


#: CJK ideographs.
IDEOGRAPHS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Full-width punctuation and CJK symbols (，。、「」（）《》〈〉：；！？…).
FULLWIDTH_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026"
CJK = IDEOGRAPHS + FULLWIDTH_PUNCT
_SPACE_AT_PUNCT = re.compile(
    rf"(?<=[{CJK}])[ \t\u3000]+(?=[{FULLWIDTH_PUNCT}])|(?<=[{FULLWIDTH_PUNCT}])[ \t\u3000]+(?=[{CJK}])"
)
_SPACE_BETWEEN_IDEOGRAPHS = re.compile(rf"(?<=[{IDEOGRAPHS}])[ \u3000]+(?=[{IDEOGRAPHS}])")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_GLUED_IDEOGRAPHS = re.compile(rf"[{IDEOGRAPHS}](?=[{IDEOGRAPHS}])")
#: eight ideographs or more, each set apart from the next by one space: a stretched line
#: inside a paragraph an extractor joined (``北 韓 國 家 資 助 的 網 路 犯 罪 團 體 眾 多``)
_LETTER_SPACED_IDEOGRAPHS = re.compile(rf"[{IDEOGRAPHS}](?: [{IDEOGRAPHS}]){{7,}}")


def remove_cjk_spaces(text: str, report: Report | None = None, line: int | None = None) -> str:
    """Remove stray spaces next to full-width punctuation, and letter-spacing.

    Before: ``周昱君 ，〈美中瑞典談判〉``
    After:  ``周昱君，〈美中瑞典談判〉``

    A text whose ideographs are nearly all separated by single spaces (what layout-mode
    extractors make of letter-spaced titles: ``國 防 安 全``) loses those spaces too, and so
    does a line of 12 ideographs or more where at least 4 in 10 neighbouring ideographs are
    set apart: a justified line stretched in pairs (``等戰 略武 器系 統。 20 在大 規模 網攻``;
    ``3 日， 美軍 與解 放軍 於上 海舉 行 2025 年度``). A gap wider than the letter-spacing
    is a space the author typed and stays, as one space: ``全 會  石 破 重 申`` →
    ``全會 石破重申`` (a headline's two parts, 001-03 fn 5).
    A table row (``領域 作法 意義``) is too short for that. Within a longer text (pymupdf4llm
    joins a paragraph's lines into one), a run of eight ideographs or more each set apart by
    one space is such a line: ``，北 韓 國 家 資 助 的 網 路 犯 罪 團 體 眾 多 包 含 Kimsuky`` →
    ``，北韓國家資助的網路犯罪團體眾多包含 Kimsuky``.
    A single space between two ideographs in ordinary text is the author's (headlines
    such as ``差距懸殊 透露訊息曝``) and is kept, as are spaces between CJK and Latin
    letters or digits (``2025 年 7 月``).
    """
    def repl(match: re.Match) -> str:
        if report is not None:
            start = max(0, match.start() - 3)
            report.add("remove_cjk_spaces", line, text[start : match.end() + 3],
                       text[start : match.start()] + text[match.end() : match.end() + 3])
        return ""

    if " " not in text and "\u3000" not in text and "\t" not in text:
        return text  # nothing either pattern could match: the common case, made fast
    text = _SPACE_AT_PUNCT.sub(repl, text)
    spaced = len(_SPACE_BETWEEN_IDEOGRAPHS.findall(text))
    if spaced:
        ideographs = len(_IDEOGRAPH.findall(text))
        glued = len(_GLUED_IDEOGRAPHS.findall(text))  # neighbours with no space between
        if ideographs >= 4 and (spaced >= 0.6 * (ideographs - 1)
                                or ideographs >= 12 and spaced >= 0.4 * (spaced + glued)):
            gaps = [len(gap) for gap in _SPACE_BETWEEN_IDEOGRAPHS.findall(text)]
            letter_spacing = max(set(gaps), key=gaps.count)

            def close_up(match: re.Match) -> str:
                # a gap wider than the letter-spacing is a space the author typed
                return " " if len(match.group(0)) > letter_spacing else repl(match)

            text = _SPACE_BETWEEN_IDEOGRAPHS.sub(close_up, text)
    if " " in text:
        def close_run(match: re.Match) -> str:
            closed = match.group(0).replace(" ", "")
            if report is not None:
                report.add("remove_cjk_spaces", line, match.group(0), closed)
            return closed

        text = _LETTER_SPACED_IDEOGRAPHS.sub(close_run, text)
    return text


def cjk_only(text: str) -> str:
    """The sequence of CJK ideographs in ``text``: what fidelity is measured on."""
    return "".join(_IDEOGRAPH.findall(text))


_URL_SPACED = re.compile(r"(https?://)\s+")
_LETTER_SPACED_RUN = re.compile(r"(?<=://)((?:[A-Za-z0-9] ){2,}[A-Za-z0-9])(?=[./])")


#: a piece of a URL, with a digit or a URL mark in it (``a7407b10fa8612``, ``4449.kcmsf``)
_URL_PIECE = r"[A-Za-z0-9]*[0-9./][A-Za-z0-9./_\-?=&%#]*"
#: a URL the extractor broke at a line end and joined with a space: after ``/ ? & = - _``,
#: or inside a run of letters and digits when what follows ends the URL, maybe broken again
#: (``…8612 dce14…kcmsf。``, ``…3a85 a7407…ec30434 4449.kcmsf。``),
#: or inside the file extension that ends it (``….kc msf。``), or the last word of its
#: anchor or query (``…html#google_vignet te。``), or after a ``.`` where a path or a query
#: goes on (``…/policyBriefingView. do?newsId=148743564。``, ``http://www.kcna. kp/kp/…``)
_URL_WRAPPED = re.compile(
    r"((?:https?://|www\.)[^\s<>]*[/?&=_\-]) (?=[A-Za-z0-9%#~])"
    r"|((?:https?://|www\.)[^\s<>]*[A-Za-z0-9]) (?=(?:" + _URL_PIECE + r" )*" + _URL_PIECE
    + r"(?:[。，；）」]|$))"
    r"|((?:https?://|www\.)[^\s<>]*[.#_=][A-Za-z]+) (?=[A-Za-z]+[。，；）」])"
    r"|((?:https?://|www\.)[^\s<>]*\.) (?=[a-z][A-Za-z0-9]*[?/=&#][A-Za-z0-9])")


def join_spaced_urls(text: str, report: Report | None = None, line: int | None = None) -> str:
    """Remove the spaces an extractor put inside a URL.

    Before: ``https:// w w w.yna.co.kr/view/GYH20240603001400044``
    After:  ``https://www.yna.co.kr/view/GYH20240603001400044``

    Before (pymupdf4llm joins a footnote's wrapped lines with a space):
    ``https://voicetank.org/ 20250423-2/。``, ``visualNewsView.do? newsId=148944317``
    After: ``https://voicetank.org/20250423-2/。``, ``visualNewsView.do?newsId=148944317``
    (a URL wraps after ``/ ? & = - _``, or between letters and digits when the piece after
    the space ends the URL before CJK punctuation: ``…7407b10fa8612 dce14b01….kcmsf。``, or
    inside the file extension that ends it: ``…c49c38663d1.kc msf。``, or inside the last
    word of its anchor or query: ``…c90f1c1c4060.html#google_vignet te。``;
    ``https://reurl.cc/0KnLqo. 16同註5。`` stays; after a ``.`` where a path or query goes
    on: ``…/policyBriefingView. do?newsId=148743564。``)
    """
    fixed = _URL_SPACED.sub(r"\1", text)
    fixed = _LETTER_SPACED_RUN.sub(lambda m: m.group(1).replace(" ", ""), fixed)
    while _URL_WRAPPED.search(fixed):
        fixed = _URL_WRAPPED.sub(lambda m: m.group(m.lastindex), fixed)
    if fixed != text and report is not None:
        # where the first space went: a long source line's URL is past its first 60 characters
        at = max(0, len(os.path.commonprefix([text, fixed])) - 40)
        report.add("join_spaced_urls", line, text[at : at + 60], fixed[at : at + 60])
    return fixed


#: an acronym glued to a capitalised word, outside URLs: ``HMSSpey``
_GLUED_ACRONYM = re.compile(r"(?<![A-Za-z/.=?&#%_-])([A-Z]{2,})([A-Z][a-z]{2,})(?![A-Za-z])")
_STANDALONE_ACRONYM = re.compile(r"(?<![A-Za-z])([A-Z]{2,})(?![A-Za-z])")


def standalone_acronyms(texts) -> set[str]:
    """The acronyms an article prints as words of their own (``HMS`` in ``HMS Prince``)."""
    return {match.group(1) for text in texts for match in _STANDALONE_ACRONYM.finditer(text)}


def glued_inside_a_line(lines, full: int) -> set[str]:
    """Acronyms glued to a word (``HMSSpey``) where no dropped line-end hyphen can have glued
    them: the joint stands more than :data:`LINE_END_MARGIN` short of a full printed line
    (``full``, in :func:`printed_width` units).

    An extractor that drops a line-end hyphen (pdftotext) moves the word's rest up to the
    line the hyphen ended, so its joint is where a full line ends:
    ``…http://cpc.people.com.cn/n/2014/0416/c6409424900492.html。`` PDFium's lost space is
    anywhere: ``在」。4工黨政府上台後，英國軍艦 HMSSpey（P234）首次於…`` (joint at 34 of 74).
    """
    from .layout import printed_width

    inside: set[str] = set()
    for line in lines:
        for match in _GLUED_ACRONYM.finditer(line.text):
            if printed_width(line.text[:match.end(1)]) < full - LINE_END_MARGIN:
                inside.add(match.group(0))
    return inside


#: how far short of a full line (two ideographs per unit pair) a joint is inside the line
LINE_END_MARGIN = 10


def restore_dropped_spaces(text: str, acronyms: set[str], report: Report | None = None,
                           line: int | None = None, only: set[str] | None = None) -> str:
    """Put back the space an extractor lost between an acronym and the capitalised word after
    it, where the article prints the acronym as a word of its own (``acronyms``,
    :func:`standalone_acronyms`).

    Before (PDFium): ``英國軍艦 HMSSpey（P234）`` in an article that prints ``HMS Prince of
    Wales`` → After: ``英國軍艦 HMS Spey（P234）``. ``AInvest`` (one capital) stays, and so
    does an acronym the article never prints alone. ``only``: the glued words that may be
    split (in text whose extractor drops line-end hyphens, :func:`glued_inside_a_line`).
    """
    def split(match: re.Match) -> str:
        if match.group(1) not in acronyms or (only is not None and match.group(0) not in only):
            return match.group(0)
        if report is not None:
            report.add("restore_dropped_spaces", line, match.group(0),
                       match.group(1) + " " + match.group(2))
        return match.group(1) + " " + match.group(2)

    return _GLUED_ACRONYM.sub(split, text) if _GLUED_ACRONYM.search(text) else text
