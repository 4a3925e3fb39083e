"""Dates cited in an article, for an honest estimate when no publication date is known.

An article appeared no earlier than the latest date it cites.  The estimate is recorded
as ``date_estimated`` and shown as "not before …", never as the publication date.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
_EN_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s*(\d{4})\b")
_EN_DATE_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?\s+(\d{4})\b")


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def cited_dates(text: str) -> list[date]:
    """Every full date in ``text``: ``2025 年 8 月 1 日``, Korean ``2021 년 12 월 19 일``,
    ``May 1, 2025``, ``2017.09.15``."""
    found = []
    for y, m, d in _CJK_DATE.findall(text):
        found.append(_valid(int(y), int(m), int(d)))
    for y, m, d in _ISO_DATE.findall(text):
        found.append(_valid(int(y), int(m), int(d)))
    for month, d, y in _EN_DATE.findall(text):
        if month.lower() in _MONTHS:
            found.append(_valid(int(y), _MONTHS[month.lower()], int(d)))
    for d, month, y in _EN_DATE_DMY.findall(text):
        if month.lower() in _MONTHS:
            found.append(_valid(int(y), _MONTHS[month.lower()], int(d)))
    return [day for day in found if day]


def latest_cited_date(footnotes: list[str], today: date | None = None) -> str | None:
    """The latest date cited in the footnotes (ISO), ignoring dates in the future.

    >>> latest_cited_date(["〈…〉，《中央社》，2025 年 6 月 30 日，https://…", "May 1, 2025"])
    '2025-06-30'
    """
    today = today or date.today()
    dates = [day for text in footnotes for day in cited_dates(text) if day <= today]
    return max(dates).isoformat() if dates else None
