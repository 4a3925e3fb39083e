"""A static SVG bar chart (no JavaScript, no CDN), for the country overview's counts."""

from __future__ import annotations

from html import escape

BAR_HEIGHT = 22
LABEL_WIDTH = 150
BAR_WIDTH = 360


def bar_chart_svg(rows: list[tuple[str, int, str]], title: str) -> str:
    """``rows`` = (label, count, link href). Bars link to the term pages.

    The chart has a ``<title>`` and ``role="group"`` with an ``aria-label`` so screen readers
    get the numbers too (not ``role="img"``: that would hide the links inside from them and
    from keyboard users, axe-core's nested-interactive); the table below lists them as text.
    """
    if not rows:
        return ""
    top = max(count for _, count, _ in rows) or 1
    height = BAR_HEIGHT * len(rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 40
    summary = "；".join(f"{label} {count} 篇" for label, count, _ in rows)
    parts = [
        (f'<svg class="zhiku-chart" role="group" aria-label="{escape(title)}：{escape(summary)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'),
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, count, href) in enumerate(rows):
        y = 4 + index * BAR_HEIGHT
        length = max(2, round(BAR_WIDTH * count / top))
        parts.append(
            f'<a href="{escape(href)}"><text x="{LABEL_WIDTH - 8}" y="{y + 15}" '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{BAR_HEIGHT - 8}" '
            f'rx="2"></rect><text x="{LABEL_WIDTH + length + 6}" y="{y + 15}">{count}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts) + "\n\n"
