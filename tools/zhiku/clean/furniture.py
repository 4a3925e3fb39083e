"""Page furniture: what the publication printed around the articles, not in them.

Each fix removes whole lines and reports each line it removed.
"""

from __future__ import annotations

import re
from collections import Counter

from .layout import Line
from .report import Report

_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*/\s*[\u4e00-\u9fff]{2,}[\u4e00-\u9fff、，\s/]*$")
_CONTACT_LINE = re.compile(
    r"^(?:Tel|TEL|Fax|FAX|E-?mail|電話|傳真|地址|網址|信箱)\s*[:：.]?\s*\S"
    r"|^[\u4e00-\u9fff]{2,3}[市縣][\u4e00-\u9fff]{1,8}[路街道][\u4e00-\u9fff0-9 ]{0,12}號"
)
_URL_LINE = re.compile(r"^<?https?://[^\s>]+>?$")
_PUBLISHER_HEADING = re.compile(r"^#{1,6}\s*(?:財團法人|社團法人)\S*$")
_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$|^<!--\s*image\s*-->$", re.IGNORECASE)


def remove_running_headers(lines: list[Line], report: Report) -> list[Line]:
    """Drop running headers and footers: the same short line opening (or closing) many pages.

    Before: `` 國防安全雙週報 第 87 期`` at the top of pages 2–40
    After: gone, and the line after it starts the page.
    """
    starts = [line for line in lines if line.page_start and not line.gap]
    counts = Counter(_header_key(line.text) for line in starts if len(line.text) <= 40)
    repeated = {key for key, count in counts.items() if count >= 3 and key}
    if not repeated:
        return lines
    kept: list[Line] = []
    drop_next_start = False
    for line in lines:
        if line.page_start and _header_key(line.text) in repeated:
            report.add("remove_running_headers", line.no, line.text)
            drop_next_start = True
            continue
        if drop_next_start:
            line.page_start = True
            drop_next_start = False
        kept.append(line)
    return kept


def _header_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip())


def remove_boilerplate(lines: list[Line], report: Report) -> list[Line]:
    """Drop rules, image placeholders, mastheads, publisher blurbs and address blocks.

    Before: ``---`` / ``#### 財團法人兩岸交流遠景基金會`` / ``本基金會為研究…`` / ``---`` /
    ``臺北市汀州路三段 60 巷 1 號`` / ``Tel: 886-2-23654366`` / ``<http://www.pf.org.tw>``
    After: all gone; an editor's note (``編按：…``) before them stays.

    Before: ``發行人 / 霍守業`` / ``總編輯 / 劉峯瑜`` at the end of a bulletin
    After: gone.
    """
    kept: list[Line] = []
    in_publisher_block = False
    for index, line in enumerate(lines):
        text = line.text
        if line.gap:
            kept.append(line)
            continue
        if _PUBLISHER_HEADING.match(text):
            in_publisher_block = True
            report.add("remove_publisher_block", line.no, text)
            continue
        if in_publisher_block and not _RULE.match(text) and not _CONTACT_LINE.match(text):
            report.add("remove_publisher_block", line.no, text)
            continue
        in_publisher_block = False
        if _RULE.match(text) or _IMAGE.match(text):
            report.add("remove_rules_and_images", line.no, text)
            continue
        if (_CONTACT_LINE.match(text) or _URL_LINE.match(text)) and _near_other_contact(lines, index):
            report.add("remove_address_blocks", line.no, text)
            continue
        if _MASTHEAD.match(text) and len(text) <= 60 and _in_trailing_run(lines, index):
            report.add("remove_masthead", line.no, text)
            continue
        kept.append(line)
    return kept


def _near_other_contact(lines: list[Line], index: int) -> bool:
    window = [x for x in lines[max(0, index - 3) : index + 4] if x is not lines[index] and x.text]
    return any(_CONTACT_LINE.match(x.text) for x in window)


def _in_trailing_run(lines: list[Line], index: int) -> bool:
    """True when this line and every line after it are masthead-like."""
    return all(_MASTHEAD.match(x.text) or x.gap for x in lines[index:])
