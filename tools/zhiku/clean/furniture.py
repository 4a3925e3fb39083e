"""Page furniture: what the publication printed around the articles, not in them.

Each fix removes whole lines and reports each line it removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from itertools import pairwise

from .layout import BARE_URL, Line, following_text
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


_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(\d{1,4})(?:\s*[-–—])?$|^第\s*(\d{1,4})\s*頁$")
MIN_PAGE_NUMBER_DISTANCE = 10  # lines between two page numbers, in text without form feeds
#: or characters between them: a page of one-line paragraphs (pymupdf4llm) has few lines
MIN_PAGE_CHARACTERS = 400
#: text after a chain of page numbers, in its longest pages: the last page, and a next
#: report's unnumbered first page
MAX_UNNUMBERED_PAGES = 3


def printed_page_number(text: str) -> int | None:
    match = _PAGE_NUMBER.match(text)
    return int(match.group(1) or match.group(2)) if match else None


#: a running header that carries its page's number on its line, the number last or first:
#: ``國防安全即時評析    3`` (a tab or spaces between), ``3 國防安全即時評析``, or glued to
#: an ideograph (pdfplumber: ``國防安全即時評析3``)
_HEADED_NUMBER = re.compile(r"^(\d{1,3})(?:\s+|(?=[\u4e00-\u9fff]))(\S.*\S)$"
                            r"|^(\S.*\S)(?:\s+|(?<=[\u4e00-\u9fff]))(\d{1,3})$")
#: what a header's text holds at least: four ideographs or letters
_HEADER_LETTERS = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def page_numbers(lines: list[Line]) -> dict[int, int]:
    """Line index → the page number the line prints: a number alone (``7``, ``- 7 -``,
    ``第 7 頁``), or a running header with its page's number (``國防安全即時評析  3``) whose
    text two such lines at least print, 40 characters at most, four ideographs or letters
    at least, no clause or sentence punctuation (not ``7 月 23 日``, not a list item)."""
    numbers: dict[int, int] = {}
    headed: dict[int, tuple[str, int]] = {}
    for index, line in enumerate(lines):
        if line.gap:
            continue
        number = printed_page_number(line.text)
        if number is not None:
            numbers[index] = number
            continue
        text = line.text
        match = _HEADED_NUMBER.match(text) if text[0].isdigit() or text[-1].isdigit() else None
        if match:
            text = re.sub(r"\s+", " ", match.group(2) or match.group(3))
            if (len(text) <= 40 and len(_HEADER_LETTERS.findall(text)) >= 4
                    and not _HEADER_FORBIDDEN.search(text)):
                headed[index] = (text, int(match.group(1) or match.group(4)))
    printed = Counter(text for text, _ in headed.values())
    numbers.update({index: number for index, (text, number) in headed.items()
                    if printed[text] >= 2})
    return numbers


def remove_page_numbers_by_position(lines: list[Line], form_feeds: bool,
                                    report: Report) -> list[Line]:
    """Drop the page numbers a footer (or header) printed, found where pages end.

    With form feeds (pdftotext, PyMuPDF, pdfminer): a line holding only a number (``7``,
    ``- 7 -``, ``第 7 頁``) that ends or opens a page, when the numbers of at least two
    pages run on with the pages (page i → i + constant).
    Before: ``…而鈷為電動車電池製造之關鍵元素，`` / ``3`` / ``\\f國防安全雙週報 第 87 期``
    After: ``…而鈷為電動車電池製造之關鍵元素，`` / ``國防安全雙週報 第 87 期``

    Without form feeds (pymupdf4llm): lone numbers that count up by one, at least ten lines
    or 400 characters apart (a page of long one-line paragraphs); the line after each starts
    a page.
    Before: ``…地質探勘資訊不`` / ``1`` / ``國防安全雙週報 第 87 期`` / … / ``2`` / …
    After: the numbers gone, ``國防安全雙週報 第 87 期`` marked as a page's first line.
    """
    if form_feeds:
        doomed = _page_numbers_at_page_ends(lines)
    else:
        doomed = _counting_lone_numbers(lines)
    if not doomed:
        return lines
    kept: list[Line] = []
    starts_page = False
    for index, line in enumerate(lines):
        if index in doomed:
            report.add("remove_page_numbers", line.no, line.text)
            starts_page = starts_page or line.page_start or not form_feeds
            continue
        if starts_page and not line.gap:
            line.page_start = True
            starts_page = False
        kept.append(line)
    return kept


def _page_numbers_at_page_ends(lines: list[Line]) -> set[int]:
    """Lines near a page's top or bottom that print its number: numbers that run on with
    the pages (page i → i + a constant, on two pages at least), at most one a page, the
    one nearest the page's edge.

    A page's first :data:`NUMBER_DEPTH` lines and last two count: pdftotext may write a
    piece of a stretched line after the footer (``…同前註。`` / ``-4-`` / ``23``, 001-08 in
    b5-facing, ``23`` a date's day), and a number set at the header's right end comes
    after the header (PyMuPDF: ``國防安全即時評析`` / ``2``) or after the next lines too
    (pdfminer: ``國防安全即時評析`` / ``英國強勢表態備戰印太安全之虛實`` / ``1``)."""
    numbering = page_numbers(lines)
    pages: list[list[int]] = []
    for index, line in enumerate(lines):
        if line.page_start or not pages:
            pages.append([])
        if not line.gap:
            pages[-1].append(index)
    # (offset, page) → the page's lines printing a number at that offset, nearest the edge
    found: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for page_index, page in enumerate(pages):
        ranked = [*((rank, index) for rank, index in enumerate(page[:NUMBER_DEPTH])),
                  *((rank, index) for rank, index in enumerate(reversed(page[-2:])))]
        for rank, index in sorted(ranked):
            if index in numbering:
                found.setdefault((numbering[index] - page_index, page_index), []).append(
                    (rank, index))
    offsets = Counter(offset for offset, _ in found)
    # the numbering that runs on over most pages reaches down the page; another (a footer's
    # and a header's numbers both) only at a page's edge: footnote numbers near the top of
    # short pages run on with them now and then
    running = max(offsets, key=lambda offset: (offsets[offset], -offset), default=None)
    doomed = set()
    for (offset, page_index), candidates in found.items():
        rank, index = min(candidates)
        if offsets[offset] >= 2 and (offset == running or rank == 0):
            doomed.add(index)
    if len(pages) == 1 and pages[0] and pages[0][-1] in numbering:
        doomed.add(pages[0][-1])
    return doomed


#: how many lines down a page its number is looked for
NUMBER_DEPTH = 4


def _counting_lone_numbers(lines: list[Line]) -> set[int]:
    """Page numbers in text without form feeds: the longest chains of lone numbers that count
    up by one, each a page apart (:data:`MIN_PAGE_NUMBER_DISTANCE` lines or
    :data:`MIN_PAGE_CHARACTERS` characters), or the last a short last page's number closing
    the text (``…經貿結構與版圖。`` / ``5`` three lines after ``4``).

    A footnote's number alone on a line (pypdf: ``1`` / `` Katha Kalia, …``) counts up too,
    but a few lines apart, and it sits before the page's own number: where two numbers could
    precede the same next page number, the later one is the page's (a page number ends or
    opens its page). A number followed by an indented line in text whose lines are not
    indented is a footnote's. A marker PyMuPDF set on a line of its own counts up too, a
    page apart at times (``10`` … ``13`` between pages 2 and 3): a chain whose numbers the
    same running header follows wins, then the longer chain, then the one spanning more of
    the text. Chains are taken best first, each at least two numbers long and outside the
    pages of the chains taken before, and kept where they number the pages to the next
    chain or the text's end (:func:`_numbering_to_the_end`).
    """
    content = [line for line in lines if not line.gap]
    indented_text = sum(line.indent > 0 for line in content) >= len(content) / 2

    def footnote_number(index: int) -> bool:  # pypdf: ``1`` / `` Katha Kalia, …``
        if not _PAGE_NUMBER.match(lines[index].text):
            return False  # a running header with its number: ``智庫研究文集 13``
        following = lines[index + 1] if index + 1 < len(lines) else None
        return not indented_text and following is not None and following.indent > 0

    numbering = page_numbers(lines)
    numbered = [(index, number) for index, number in sorted(numbering.items())
                if not footnote_number(index)]
    if len(numbered) < 2:
        return set()
    characters = [0]  # characters before each line
    for line in lines:
        characters.append(characters[-1] + len(line.text))

    last_line = max(index for index, line in enumerate(lines) if not line.gap)

    def a_page_apart(first: int, second: int) -> bool:
        # the last page may be short: its number is the text's last line
        return second - first >= MIN_PAGE_NUMBER_DISTANCE or second == last_line or \
            characters[second] - characters[first + 1] >= MIN_PAGE_CHARACTERS

    # a running header opens the page after a page number: the same line after several
    next_texts = {index: following_text(lines, index) for index, _ in numbered}
    after = Counter(header_key(text) for text in next_texts.values())
    headed = {index for index, text in next_texts.items()
              if len(text) <= 40 and header_key(text) and after[header_key(text)] >= 2
              and not _PAGE_NUMBER.match(text)}

    chains: list[list[int]] = []
    free = list(numbered)
    while len(free) >= 2:
        # the best chain ending at each number: most numbers before a running header, then
        # most numbers; where it starts, and the number before it
        score = [(int(index in headed), 1) for index, _ in free]
        start = list(range(len(free)))
        before: list[int | None] = [None] * len(free)
        by_value: dict[int, list[int]] = {}
        for position, (index, value) in enumerate(free):
            for earlier in reversed(by_value.get(value - 1, ())):  # the latest first
                longer = (score[earlier][0] + (index in headed), score[earlier][1] + 1)
                if a_page_apart(free[earlier][0], index) and longer > score[position]:
                    score[position], before[position] = longer, earlier
                    start[position] = start[earlier]
            by_value.setdefault(value, []).append(position)
        # of chains as good, the one spanning more of the text: pages, not markers
        best = max(range(len(free)), key=lambda position: (
            score[position], free[position][0] - free[start[position]][0]))
        if score[best][1] < 2:
            break
        chain: list[int] = []
        position: int | None = best
        while position is not None:
            chain.append(position)
            position = before[position]
        indexes = sorted(free[position][0] for position in chain)
        chains.append(indexes)
        # another chain numbers other pages (a second report numbered from 1), not these
        first, last = indexes[0], indexes[-1]
        free = [item for item in free if not first <= item[0] <= last]
    return _numbering_to_the_end(chains, characters)


def _numbering_to_the_end(chains: list[list[int]], characters: list[int]) -> set[int]:
    """The lines of the chains that number their pages up to the next chain or the text's end.

    A footer numbers every page, so after a chain's last number at most about one page
    follows before the text (or the next report's numbering) ends. Two footnote numbers
    PDFium set alone a page apart (``7`` … ``8``) count up as page numbers do, but the
    text goes on for pages after them with no number: more than
    :data:`MAX_UNNUMBERED_PAGES` times the longest page between them.
    """
    chains = sorted(chains)
    doomed: set[int] = set()
    for position, chain in enumerate(chains):
        end = chains[position + 1][0] if position + 1 < len(chains) else len(characters) - 1
        longest_page = max(characters[second] - characters[first]
                           for first, second in pairwise(chain))
        if characters[end] - characters[chain[-1] + 1] <= MAX_UNNUMBERED_PAGES * longest_page:
            doomed.update(chain)
    return doomed


def remove_running_headers(lines: list[Line], report: Report) -> list[Line]:
    """Drop running headers and footers: the same short line opening (or closing) many pages.

    Before: `` 國防安全雙週報 第 87 期`` at the top of pages 2–40
    After: gone, and the line after it starts the page.

    Before: ``國防安全即時評析`` at the top of both pages of a two-page commentary
    After: gone from both.

    Before (pdfminer): ``三、美中拖延談判的意圖`` / ``國防安全即時評析`` opening a page (the
    heading read before the header)
    After: the header gone, the heading kept: a known header is also dropped as a page's
    second line, and one opening most pages down to its fifth (pdfminer, 002-01 in
    b5-facing: ``領域`` / ``作法`` / ``意義`` / ``智庫研究文集``, a table's header row read first).

    Facing pages (:func:`facing_page_headers`): the article's title heading its even pages
    and the series its odd ones, none on the first page.
    Before: ``美中在第三輪關稅談判的意圖`` opening pages 1, 2 and 4, ``國防安全即時評析``
    opening page 3
    After: both gone from pages 2–4; the title on page 1 stays.
    """
    page_of: list[int] = []  # each line's page, counted from 0
    leads: list[list[int]] = []  # each page's first lines
    for index, line in enumerate(lines):
        if (line.page_start and not line.gap) or not leads:
            leads.append([])
        page_of.append(len(leads) - 1)
        if not line.gap and len(leads[-1]) < _HEADER_DEPTH:
            leads[-1].append(index)
    tops = [lead[:2] for lead in leads]  # each page's first two lines
    keys = [[header_key(lines[index].text) for index in top] for top in tops]
    starts = [lines[top[0]] for top in tops if top and lines[top[0]].page_start]
    counts = Counter(header_key(line.text) for line in starts if len(line.text) <= 40)
    # three pages and a quarter of them at least (a header opens most pages: the same body
    # line or heading opening 3 of 33 pages is the same text printed three times), or (a
    # short article) two pages that are at least half of its pages
    repeated = {key for key, count in counts.items()
                if key and count >= 2 and count >= len(starts) * (
                    _HEADER_SHARE if count >= 3 else 1 / 2)}
    first_page = {header_key(line.text) for line, page in zip(lines, page_of)
                  if page == 0 and not line.gap and len(line.text.strip()) >= 4}
    facing = facing_page_headers(keys, [[lines[index].text for index in top] for top in tops],
                                 first_page)
    if not repeated and not facing:
        return lines

    def is_header(key: str, page: int) -> bool:
        if key in facing:
            return page in facing[key]
        return key in repeated

    kept: list[Line] = []
    drop_next_start = False
    headed: set[int] = set()  # pages whose header is gone
    for index, line in enumerate(lines):
        page = page_of[index]
        key = header_key(line.text) if index in leads[page] else ""  # tops are in leads
        # pdfminer may read a heading at the top of the page before the header, or a table's
        # cells: a header opening most pages is dropped further down too
        if key and ((index in tops[page] and (line.page_start or tops[page].index(index) == 1)
                     and is_header(key, page))
                    or (page not in headed and key in repeated and key not in facing)):
            report.add("remove_running_headers", line.no, line.text)
            headed.add(page)
            drop_next_start = line.page_start
            continue
        if drop_next_start:
            line.page_start = True
            drop_next_start = False
        kept.append(line)
    return kept


def facing_page_headers(keys: list[list[str]], texts: list[list[str]],
                        first_page: Collection[str] = ()) -> dict[str, set[int]]:
    """Headers of facing pages: a line heading every second page, and the line heading the
    pages between; each with the pages (from 0) where it is a header.

    A book or journal heads its even pages with one line (the article's title) and its odd
    pages with another (the series), and its first page with neither. The title then opens
    pages 1, 2, 4, … (its first line is the title itself) and the series 3, 5, …: a line
    that, after its first page, opens every second page and no page between is a header
    there, and on its first page too when that is two pages before the next.

    The pages between, from the second page on, are headed by the other line when one
    short line that is no heading and holds no clause or sentence punctuation opens them
    all, on two pages at least or where the first line was printed first on a page between
    (``國防安全即時評析`` on page 3 of 4, after the title on page 1). With such a pair, a
    first line that opens the text's first page is the title there, not a header, unless
    the line after it repeats it. Without such a pair, a line must head two pages at least
    (a table's header row printed again at the next page's top heads one).

    The title need not open the first page (a photo's caption above it): a line printed
    anywhere on the first page counts as printed there.

    ``keys``: per page, the header keys of its first two lines; ``texts``: those lines;
    ``first_page``: the keys of every line of the first page.
    """
    pages_count = len(keys)
    opens: dict[str, set[int]] = {}
    for page, page_keys in enumerate(keys):
        for key in {*page_keys, *(first_page if page == 0 else ())}:
            if key and len(key) <= 40:
                opens.setdefault(key, set()).add(page)
    headers: dict[str, set[int]] = {}
    partners: dict[str, set[int]] = {}
    for key, pages in opens.items():
        first, *rest = sorted(pages)
        if not rest:
            continue
        parity = rest[0] % 2
        between = [page for page in range(first + 1, pages_count) if page % 2 != parity]
        if (any(page % 2 != parity for page in rest) or not between
                or set(range(rest[0], rest[-1] + 1, 2)) - pages):
            continue
        chain = set(rest)
        if first % 2 == parity and first + 2 == rest[0]:
            chain.add(first)
        partner = _partner_header(key, chain, pages, keys, texts, title_first=first % 2 != parity)
        if partner:
            other, other_pages = partner
            partners.setdefault(other, set()).update(other_pages)
            if first == 0 and 0 in chain and not _repeated_below(keys[0], texts[0]):
                chain.discard(0)
        elif len(chain) < 2:  # one page again, and nothing heading the pages between
            continue
        headers[key] = chain
    for other, pages in partners.items():
        headers.setdefault(other, set()).update(pages)
    return headers


def _partner_header(key: str, chain: set[int], pages: set[int], keys: list[list[str]],
                    texts: list[list[str]], title_first: bool) -> tuple[str, list[int]] | None:
    """The line heading the pages between ``key``'s (``chain``), from the second page on,
    with those pages; None when no one short line that is no heading and holds no clause
    or sentence punctuation opens them all, or when they are one page and ``key`` was not
    printed first on a page between (``title_first``: the title, then its header)."""
    from .paragraphs import heading_level

    parity = min(chain) % 2
    others = [page for page in range(max(1, min(chain) - 1), min(len(keys) - 1, max(chain) + 1) + 1)
              if page % 2 != parity and page not in pages]
    if not others or (len(others) < 2 and not title_first):
        return None
    for other in sorted(set.intersection(*(set(keys[page]) for page in others)) - {key, ""}):
        text = next(t for page in others for k, t in zip(keys[page], texts[page]) if k == other)
        if (len(text) <= 40 and not heading_level(text)
                and not _HEADER_FORBIDDEN.search(text.rstrip())):
            return other, others
    return None


#: what a running header does not hold: clause punctuation, or a sentence's end
_HEADER_FORBIDDEN = re.compile(r"[，、；,;]|[。！？.!?]$")


def _repeated_below(keys: list[str], texts: list[str]) -> bool:
    """The page's first line printed again below it, in full or at the start of a longer
    line: a running title above the title it shortens."""
    return len(keys) == 2 and bool(keys[0]) and texts[1].strip().startswith(texts[0].strip())


#: how many lines down a page a header opening most pages is still looked for
_HEADER_DEPTH = 5

#: the share of page starts a line repeated on three or more of them must open at least
_HEADER_SHARE = 1 / 4


def header_key(text: str) -> str:
    """The line as a running header: its numbers as ``#``, its runs of spaces as one, and
    without the Markdown heading mark pymupdf4llm gives the header on a page where it takes
    its font for a heading's (``#### 國防安全即時評析`` on one page, ``國防安全即時評析``
    on the others)."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", re.sub(r"^#{1,6}\s+", "", text.strip())))


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


_COMPLETE = ("。", ".", "」", "）", ")")


def remove_repeated_link_urls(lines: list[Line], report: Report) -> list[Line]:
    """Drop a line that is only a URL already printed above it: the PDF's link target,
    which some extractors write out again after the text that carries the link.

    Before: ``3, 2024, https://shorturl.at/3oD5D. `` / ``https://shorturl.at/sR09c`` /
    ``https://shorturl.at/iTuCh`` (both printed in footnotes 2 and 3 above, each with its
    full stop) (001-05)
    After: the two bare lines are gone; footnote 4 ends ``…/3oD5D.``

    Only when the bare URL has no punctuation after it and the line before it finished its
    sentence (or was such a line too): a URL a footnote wrapped onto its own line continues
    an unfinished line (``…2025 年 7 月 23 日，`` / ``https://…。``) and stays.
    """
    printed: set[str] = set()
    kept: list[Line] = []
    for line in lines:
        text = line.text
        previous = next((x for x in reversed(kept) if not x.gap), None)
        if (BARE_URL.match(text) and text in printed and previous is not None
                and (previous.text.endswith(_COMPLETE) or BARE_URL.match(previous.text))):
            report.add("remove_repeated_link_urls", line.no, text)
            continue
        if "://" in text:
            printed.update(url.rstrip(".,;。，)）") for url in re.findall(r"https?://[^\s，。]+", text))
        kept.append(line)
    return kept

