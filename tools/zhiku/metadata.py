"""Metadata printed in the text: header blocks, a bulletin's cover and contents.

Only what the text prints is taken; nothing is guessed.  Facts the text does not print
come from the manifest (``corpus/sources.yml``), and dates may be estimated by
:mod:`zhiku.dates`, labelled as estimates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean.chars import IDEOGRAPHS, remove_cjk_spaces
from .clean.layout import Line
from .split import is_person_names

_LIST_SEPARATORS = re.compile(r"\s*[、，,；;/]\s*")
_SPACE_IN_TITLE = re.compile(rf"(?<=[{IDEOGRAPHS}》」』）]) +(?=[{IDEOGRAPHS}《「『（])")
_ISSUE = re.compile(r"^第\s*(\d+)\s*期$")
_ISSUE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:發行|出版|出刊)")
_PUBLISHER = re.compile(r"^(財團法人|社團法人)\S+(研究院|基金會|研究所|學會|協會|中心)$")
_TOC_ROW = re.compile(r"^\|\s*(.+?)\s*\|\s*(.*?)\s*\|\s*(\d+)\s*\|$")
_CONTENTS_ROW = re.compile(r"^(.+?)\s*<i>(.+?)</i>\s*(\d+)\s*$")
_KEYWORDS = re.compile(r"^(關鍵詞|關鍵字)\s*[:：]\s*(.*)$")
_SERIES_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$")


def split_list(text: str | None) -> list[str]:
    """``國際情勢、印太區域、國際戰略`` → ``['國際情勢', '印太區域', '國際戰略']``."""
    if not text:
        return []
    return [item.strip() for item in _LIST_SEPARATORS.split(text.strip()) if item.strip()]


def clean_title(text: str) -> str:
    """A title as printed, without the line-break spaces a wrapped title picks up.

    ``中國《新時代的中國國家安全》白皮書下 對外與對台敘事之觀察`` →
    ``中國《新時代的中國國家安全》白皮書下對外與對台敘事之觀察``; ``評析 2025 年日本`` stays.
    """
    text = remove_cjk_spaces(" ".join(text.split()))
    return _SPACE_IN_TITLE.sub("", text)


def title_and_subtitle(lines: list[str]) -> tuple[str | None, str | None]:
    """Title lines → (title, subtitle); a line ending in a colon is followed by a subtitle.

    ``['評析 2025 年日本參議院選舉：', '日本政局與對台灣立場']`` →
    ``('評析 2025 年日本參議院選舉', '日本政局與對台灣立場')``

    An extractor may join the two printed lines into one (pymupdf4llm); its one full-width
    colon outside brackets still ends the title:
    ``['金正恩政權 10 週年的政策評析與影響：以近期核戰略變化為中心']`` →
    ``('金正恩政權 10 週年的政策評析與影響', '以近期核戰略變化為中心')``
    """
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        return None, None
    if len(lines) >= 2 and lines[0].endswith(("：", ":")):
        return clean_title(lines[0].rstrip("：:")), clean_title(" ".join(lines[1:]))
    joined = _JOINED_SUBTITLE.match(" ".join(lines))
    if joined:
        return clean_title(joined.group(1)), clean_title(joined.group(2))
    return clean_title(" ".join(lines)), None


#: a title and its subtitle on one line: one full-width colon, none of the brackets a
#: quoted title's colon would sit in, two characters at least on each side
_JOINED_SUBTITLE = re.compile(r"^([^：「」『』《》（）]{2,})：([^：「」『』《》（）]{2,})$")


def authors_from_line(text: str | None) -> list[str]:
    """``張鎮宏、黃浩珉`` → ``['張鎮宏', '黃浩珉']``; footnote stars are dropped."""
    return [name.rstrip("*＊ ") for name in split_list(text)]


@dataclass
class TocEntry:
    title: str | None = None
    author: str | None = None
    page: int | None = None
    title_en: str | None = None
    authors_en: list[str] = field(default_factory=list)


@dataclass
class SourceFacts:
    """What a source's front matter prints about the whole publication."""

    series: str | None = None
    issue: str | None = None
    date: str | None = None
    publisher: str | None = None
    toc: list[TocEntry] = field(default_factory=list)


def read_front_matter(front: list[Line]) -> SourceFacts:
    """Series, issue, date, publisher and contents from a bulletin's front pages.

    Before: ``國防安全雙週報`` / ``第 87 期`` / ``| 美中海上…的運作與挑戰 | 翟文中 | 1 |`` /
    ``2025 年 5 月 22 日發行`` / ``財團法人國防安全研究院`` / ``Contents`` /
    ``U.S.-China Military … <i>Wen-Chung Chai</i>\\t1``
    After: series 國防安全雙週報, issue 第 87 期, date 2025-05-22, publisher
    財團法人國防安全研究院, contents rows with Chinese and English titles, authors, pages.
    """
    facts = SourceFacts()
    texts = [line.text for line in front if line.text]
    chinese_rows: list[TocEntry] = []
    english_rows: list[TocEntry] = []
    for index, text in enumerate(texts):
        issue = _ISSUE.match(text)
        if issue and facts.issue is None:
            facts.issue = f"第 {issue.group(1)} 期"
            if index > 0 and facts.series is None and re.search(f"[{IDEOGRAPHS}]", texts[index - 1]):
                facts.series = texts[index - 1]
            continue
        date = _ISSUE_DATE.search(text)
        if date and facts.date is None:
            year, month, day = (int(part) for part in date.groups())
            facts.date = f"{year:04d}-{month:02d}-{day:02d}"
            continue
        if _PUBLISHER.match(text) and facts.publisher is None:
            facts.publisher = text
            continue
        row = _TOC_ROW.match(text)
        if row and not set(row.group(1)) <= set("-| "):
            chinese_rows.append(TocEntry(title=clean_title(row.group(1)),
                                         author=row.group(2) or None, page=int(row.group(3))))
            continue
        row = _CONTENTS_ROW.match(text)
        if row:
            english_rows.append(TocEntry(title_en=" ".join(row.group(1).split()),
                                         authors_en=split_list(row.group(2).replace(" and ", ", ")),
                                         page=int(row.group(3))))
    if facts.series is None:
        for text in texts:
            heading = _SERIES_HEADING.match(text)
            if heading:
                facts.series = heading.group(1)
                break
    rows = max(len(chinese_rows), len(english_rows))
    for number in range(rows):
        entry = chinese_rows[number] if number < len(chinese_rows) else TocEntry()
        if number < len(english_rows):
            english = english_rows[number]
            entry.title_en, entry.authors_en = english.title_en, english.authors_en
            entry.page = entry.page or english.page
        facts.toc.append(entry)
    return facts


def keywords_from(text: str) -> list[str] | None:
    """``關鍵詞： 金正恩、朝鮮勞動黨、北韓、韓半島`` → four keywords; None for other text."""
    match = _KEYWORDS.match(text.strip())
    return split_list(match.group(2)) if match else None


def is_romanized_byline(text: str) -> bool:
    """``Lin Chih Hao*`` or ``Wen-Chung Chai``: a romanized personal name line."""
    text = text.strip().rstrip("*")
    words = text.replace(",", " ").split()
    return 2 <= len(words) <= 6 and all(
        re.fullmatch(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|and|[A-Z]\.", word) for word in words
    )


def looks_like_names(text: str) -> bool:
    return is_person_names(text)
