"""Lines → paragraphs and headings.

Hard-wrapped text (pdftotext) ends a paragraph with a line that ends in a space; PDF-to-
Markdown text has one line per paragraph.  Both break paragraphs at page ends, and the
paragraph goes on after the page break (and after the footnotes that were lifted out).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from math import inf

from .chars import FULLWIDTH_PUNCT, IDEOGRAPHS
from .layout import (
    LATIN_LETTER,
    Line,
    Wrap,
    display_width,
    opening_unit_width,
    printed_width,
)
from .report import Report

_CJK_CHAR = re.compile(f"[{IDEOGRAPHS}{FULLWIDTH_PUNCT}]")
_FULLWIDTH_PUNCT_CHAR = re.compile(f"[{FULLWIDTH_PUNCT}]")
#: (``<`` and ``>`` bracket a table's or figure's number: ``如<圖一`` / ``>所示。``)
_OPENING = "（(《〈「『【〔“‘<"
_CLOSING = "）)》〉」』】〕”’，。、；：！？>"
_SENTENCE_END = ("。", "！", "？", "」", "』", "）", ")", "；", "：", "…", "!", "?", ".")
_FOOTNOTE_REF_AT_END = re.compile(r"\[\^[^\]]+\]$")
#: a URL that ends a piece and goes on in the next; not one closed by ``;`` or ``,``, which
#: separate citations (``…rare-earth-supply;`` / ``Tom Moerenhout, …``)
_URL_AT_END = re.compile(r"(?:https?://|www\.)\S*(?<![;,])$")

#: heading numbering → Markdown level
HEADING_PATTERNS = (
    (2, re.compile(r"^[壹貳參叁肆伍陸柒捌玖拾]{1,3}\s*[、.．]")),
    (2, re.compile(r"^第[一二三四五六七八九十]{1,3}[章節]")),
    (2, re.compile(r"^(摘要|結論|結語|前言|參考文獻|參考資料|abstract|Abstract|ABSTRACT)[:：]?$")),
    (3, re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]")),
    (4, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
)
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
MAX_HEADING_LENGTH = 45  # in hard-wrapped text, where a heading is one short line
MAX_LINE_HEADING_LENGTH = 80  # in one-line-per-paragraph text, and a wrapped heading
#: a run-in list item (``（二）標題：正文…``) is no long heading
_LONG_HEADING_FORBIDDEN = re.compile(r"[，：；,:]")
#: nor a short piece of one that a page cut (``（三）韓國國防政策研究：參考尹錫悅政府的國政目標
#: 之中，包含國政經``): a clause after the colon
_RUN_IN_TEXT = re.compile(r"：[^：]*[，,]")


@dataclass
class Block:
    """A paragraph, heading, caption or preformatted block of an article body."""

    kind: str  # "paragraph", "heading", "caption", "preformatted", "table"
    text: str
    line: int  # first source line
    level: int = 0  # heading level (2–4)
    pages_before: int = 0  # page breaks between the article's first line and this block
    #: a rebuilt table (kind "table"): the header row, then the body rows, one text per cell
    rows: list[list[str]] | None = None
    #: the rows of a Markdown table the source wrote (:func:`keep_markdown_table`)
    markdown_table: bool = False


@lru_cache(maxsize=8192)  # asked several times for each line while paragraphs are built
def heading_level(text: str, max_length: int = MAX_HEADING_LENGTH) -> int:
    """The Markdown level for a section heading line, or 0 when it is not one.

    ``壹、前言`` → 2; ``一、談判團隊組成與策略`` → 3; ``（一）政策發展訂定`` → 4;
    ``（一）韓美同盟起源發展：韓國與美國於 1949 年…`` (a run-in list item) → 0.

    A heading longer than ``MAX_HEADING_LENGTH`` (it wrapped over two printed lines, or an
    extractor set it on one line) holds no comma or colon: ``五、「以礦產換軍事實力或安全保障」
    將成為後續美國與其他自然資源豐富國家締結戰略貿易協議之框架`` (47 characters) → 3, but
    ``（二）首爾國際航空航天與國防展覽會：韓國兩年一度的「首爾國際航空航天與國防展覽會」
    （以下略稱 ADEX 展覽）是由韓國航空宇宙`` (a run-in item the page cut) → 0; so is a shorter
    piece with a clause after its colon (pymupdf4llm, a4-double-headnum: ``（三）韓國國防政策
    研究：參考尹錫悅政府的國政目標之中，包含國政經``) → 0.
    A line that leaves a bracket open stops mid-item (:func:`_unclosed_bracket`) → 0.
    """
    text = text.strip()
    if not text or len(text) > max_length or "。" in text:
        return 0
    if text.endswith(("，", "、", "；", ",", "。")):
        return 0
    if len(text) > MAX_HEADING_LENGTH and _LONG_HEADING_FORBIDDEN.search(text):
        return 0
    if _RUN_IN_TEXT.search(text):
        return 0
    if _unclosed_bracket(text):
        return 0
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            return level
    return 0


BRACKET_PAIRS = ("「」", "『』", "《》", "〈〉", "（）")


def _unclosed_bracket(text: str) -> bool:
    """A quotation or title left open: the line stops inside it, so it is no whole heading.

    ``（二）政策說明宣導：配合行政院科技會報辦公室『國防科技產業發展審議會`` (the next line goes
    on ``（議）』指導，…``: pymupdf4llm broke a run-in item at a page end) → True.
    """
    return any(text.count(opening) > text.count(closing) for opening, closing in BRACKET_PAIRS
               if opening in text)


def is_cjk_char(char: str) -> bool:
    return bool(_CJK_CHAR.match(char))


def join_text(left: str, right: str) -> str:
    """Join two wrapped pieces of one paragraph as the author wrote them.

    ``在瑞`` + ``典的斯德哥爾摩`` → ``在瑞典的斯德哥爾摩`` (CJK + CJK: no space);
    ``National Strategy,`` + ``KRINS)`` → ``National Strategy, KRINS)``;
    ``上升為`` + ``4.8%。`` → ``上升為 4.8%。`` (CJK + digit: one space);
    ``https://www.twreporter.org/a/trump-tariff-taiwan-`` + ``20250801。`` → one URL.
    """
    if not left:
        return right
    if not right:
        return left
    if _URL_AT_END.search(left) and not is_cjk_char(right[0]):
        return left + right
    tail = _FOOTNOTE_REF_AT_END.sub("", left) or left
    last, first = tail[-1], right[0]
    if right.startswith("[^"):
        return left + right
    if last in _OPENING or first in _CLOSING or last in "-/–—":
        return left + right
    if is_cjk_char(last) and is_cjk_char(first):
        return left + right
    if _FULLWIDTH_PUNCT_CHAR.match(last) or _FULLWIDTH_PUNCT_CHAR.match(first):
        return left + right
    return left + " " + right


def build_blocks(lines: list[Line], hard_wrapped: bool, width: int, report: Report,
                 wrap: Wrap | None = None) -> list[Block]:
    """Assemble an article's body lines into blocks."""
    if hard_wrapped:
        blocks = _wrapped_paragraphs(lines, width, report, wrap or Wrap())
    else:
        blocks = _line_paragraphs(lines, report, wrap or Wrap())
    settle_markdown_tables(blocks, report)
    breaks = _page_breaks(lines)
    for block in blocks:
        block.pages_before = breaks.get(block.line, 0)
        if block.kind == "paragraph":
            level = heading_level(block.text, MAX_LINE_HEADING_LENGTH)
            if level:
                block.kind, block.level = "heading", level
    if hard_wrapped:
        find_unnumbered_headings(blocks, report)
    return keep_diagram_labels(blocks, report)


MAX_UNNUMBERED_HEADING = 30
_HEADING_FORBIDDEN = re.compile(r"[。，、；！？：:,;.!?]|\[\^|^\d+$|https?://")


def find_unnumbered_headings(blocks: list[Block], report: Report) -> None:
    """Section headings without numbering, in hard-wrapped text of an article that has no
    numbered heading: a short line standing alone between two paragraphs.

    Before (pdftotext of a column): ``…連帶影響到東北亞的安保情勢。`` / ``日本表明堅定反對俄羅斯
    侵略戰爭的立場`` / ``在日俄關係方面，由於俄羅斯近十餘年來計畫重返亞洲，…``
    After: ``## 日本表明堅定反對俄羅斯侵略戰爭的立場`` between the two paragraphs.
    At most 30 characters, with no sentence punctuation, and a paragraph before and
    after that is longer than it (not a run of short labels).
    """
    if any(block.kind == "heading" for block in blocks):
        find_unnumbered_subheadings(blocks, report)
        return
    for index in range(1, len(blocks) - 1):
        block, before, after = blocks[index], blocks[index - 1], blocks[index + 1]
        if (block.kind == "paragraph" and 4 <= len(block.text) <= MAX_UNNUMBERED_HEADING
                and not _HEADING_FORBIDDEN.search(block.text)
                and before.kind in ("paragraph", "caption") and after.kind == "paragraph"
                and before.text.endswith(_SENTENCE_END)
                and len(before.text) > 2 * len(block.text)
                and len(after.text) > 2 * len(block.text)):
            block.kind, block.level = "heading", 2
            report.add("find_unnumbered_headings", block.line, block.text, "## " + block.text)


def find_unnumbered_subheadings(blocks: list[Block], report: Report) -> None:
    """A short line without numbering right under a section heading, before the section's
    first paragraph, is its subheading (one level down).

    Before: ``## 參、趨勢研判`` / ``美國將在南太平洋取得暫時優勢`` / ``中國在 2022 年與索羅門群島
    （Solomon Islands）簽署《安全協議》，…`` (001-06)
    After: ``### 美國將在南太平洋取得暫時優勢`` between them.
    At most 30 characters, no sentence punctuation, and the paragraph after it is longer.
    """
    for index in range(1, len(blocks) - 1):
        block, before, after = blocks[index], blocks[index - 1], blocks[index + 1]
        if (block.kind == "paragraph" and before.kind == "heading" and before.level in (2, 3)
                and 4 <= len(block.text) <= MAX_UNNUMBERED_HEADING
                and not _HEADING_FORBIDDEN.search(block.text)
                and after.kind == "paragraph" and len(after.text) > 2 * len(block.text)):
            block.kind, block.level = "heading", before.level + 1
            report.add("find_unnumbered_headings", block.line, block.text,
                       "#" * block.level + " " + block.text)


MAX_LABEL_WIDTH = 16
MIN_LABELS = 4


def keep_diagram_labels(blocks: list[Block], report: Report) -> list[Block]:
    """Labels of a flattened diagram become one fenced text block, not a run of paragraphs.

    Before: paragraphs ``美`` / ``中`` / ``北`` / ``核武建設期間`` / ``(2012-2017)`` / …
    After: one ```` ```text ```` block holding those lines in reading order.
    A run of at least four very short lines that are neither headings nor sentences.
    """
    result: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        if len(run) >= MIN_LABELS:
            merged = Block("preformatted", "\n".join(b.text for b in run), run[0].line)
            merged.pages_before = run[0].pages_before
            result.append(merged)
            report.add("keep_diagram_labels", run[0].line, f"{len(run)} short lines",
                       "fenced text block")
        else:
            result.extend(run)
        run.clear()

    for block in blocks:
        if (block.kind == "paragraph" and display_width(block.text) <= MAX_LABEL_WIDTH
                and not block.text.endswith(("。", "！", "？"))):
            run.append(block)
            continue
        flush()
        result.append(block)
    flush()
    return result


def place_labels_under_their_figure(blocks: list[Block], report: Report) -> list[Block]:
    """A diagram's labels that the extractor wrote after later text go back under its caption.

    pdftotext reads the text boxes of a drawing after the rest of their page, so the labels
    come out a few paragraphs after the figure's caption, interrupting the prose there.
    Before (002-01): caption ``<圖一>近期北韓在美中戰略三角關係的地位變化`` / heading
    ``伍.結論：…`` / two paragraphs / labels ``美`` / ``中`` / ``北`` / ``核武建設期間`` / … /
    ``除此之外，金正恩在就任黨總書記之前…``
    After: caption / labels / heading / the two paragraphs / ``除此之外，…``.
    Only for a caption that no block of its own follows, the first block of labels after it
    (:func:`keep_diagram_labels`), on the caption's page or the next, with only headings and
    whole sentences between (no other caption, no label left a paragraph of its own).
    """
    result = list(blocks)
    for index, caption in enumerate(result):
        if caption.kind != "caption" or index + 1 >= len(result) \
                or result[index + 1].kind in ("preformatted", "table"):
            continue
        for later in range(index + 1, len(result)):
            block = result[later]
            if block.kind == "caption" or block.pages_before > caption.pages_before + 1:
                break
            if block.kind == "preformatted" and _is_labels(block.text):
                if not all(between.kind == "heading" or between.text.endswith(_SENTENCE_END)
                           for between in result[index + 1 : later]):
                    break  # labels, or text that is not prose, before them: not moved
                result.insert(index + 1, result.pop(later))
                report.add("place_labels_under_their_figure", block.line,
                           block.text.split("\n")[0] + "…",
                           f"under the caption of line {caption.line}")
                break
    return result


def _is_labels(text: str) -> bool:
    lines = text.split("\n")
    return len(lines) >= MIN_LABELS and all(
        display_width(line) <= MAX_LABEL_WIDTH for line in lines)


def _page_breaks(lines: list[Line]) -> dict[int, int]:
    """Source line → page breaks before it, counted from the article's first line (a page
    start there is the article's first page, not a break). Feeds the site's page anchors."""
    breaks, count, started = {}, 0, False
    for line in lines:
        if line.gap:
            continue
        if line.page_start and started:
            count += 1
        started = True
        breaks[line.no] = count
    return breaks


def _ends_paragraph(line: Line, following: Line | None, width: int,
                    marks_ends: bool = True) -> bool:
    text = _FOOTNOTE_REF_AT_END.sub("", line.text) or line.text
    if following is None:
        return True
    # a short heading line ends its heading; where spaces mark paragraph ends, one without
    # that space wraps (zhiku's reading of a PDF in two narrow columns: ``一、北韓或將持續維持
    # 「朝俄+朝中」等距外交`` / ``路線 ``)
    if heading_level(line.text) and display_width(line.text) < 0.8 * width and (
            not marks_ends or line.trailing_space):
        return True
    if line.trailing_space and marks_ends:
        # A space at the end is a paragraph end, except where the line was wrapped at a
        # space the author typed: in Latin text, or on a full line that stops mid-sentence
        # (``進一步部署 Web`` / ``Shell 並取得``; ``使用 3Proxy、PLINK 和`` / ``Stunnel``).
        if text[-1].isascii() and text[-1] not in ".!?)" and following.text[:1].isascii() \
                and following.text[:1] != "[":
            return False
        if heading_level(line.text):
            # a numbered heading as wide as a line still ends there: ``一、美國國防部成MP
            # Materials最大股東以強化稀土供應鏈自主 `` / ``近五年來美國國防部…`` (001-07)
            return True
        full_line = width and display_width(line.text) >= 0.9 * width
        return not (full_line and not text.endswith(_SENTENCE_END))
    if heading_level(following.text) and text.endswith(_SENTENCE_END):
        return True
    return bool(not marks_ends and heading_level(line.text)
                and display_width(line.text) < 0.8 * width)


_REFS = re.compile(r"\[\^[^\]]+\]")


def _printed_width(text: str) -> int:
    """Display width without the ``[^n]`` markers (printed as small superscripts)."""
    if "[^" not in text:
        return printed_width(text)
    digits = sum(len(ref) - 3 for ref in _REFS.findall(text))
    # pypdf sets a space after a marker (``「圖們江大橋」7 也已開``): no printed width
    return printed_width(_REF_SPACE.sub("", text)) + round(SUPERSCRIPT_WIDTH * digits)


SUPERSCRIPT_WIDTH = 0.6  # a superscript digit
#: a ``[^n]`` marker, with a space after it before an ideograph
_REF_SPACE = re.compile(r"\[\^[^\]]+\](?: (?=[\u3400-\u9fff]))?")


#: what no paragraph opens with: punctuation that closes on the character before it
_NO_PARAGRAPH_OPENING = tuple("，。、；：！？」』）〉》")


def end_paragraphs_at_short_lines(line: Line, following: Line, after: Line | None,
                                  wrap: Wrap, opening: bool = False,
                                  report: Report | None = None) -> bool:
    """Where the extractor does not mark paragraph ends, find them by width and indent.

    pdftotext of a LibreOffice PDF, PyMuPDF and pdfminer end no line with a space, so a
    paragraph ends (after a sentence end) on a line shorter than a full line:
    Before: ``…則由國務院副總理何立峰主導談`` / ``判，成為繼日內瓦及倫敦會談後，第三次有關兩國關稅問題的談判。``
    / ``在今年 5 月 10 日美中達成暫緩 90 天的共識，原定於 8 月 12 日到期，但在三個月``
    After: two paragraphs, the first ending ``…的談判。``.

    ``pdftotext -layout`` keeps each paragraph's first-line indent: an indented line opens
    a paragraph. A full line that ends a sentence also ends the paragraph when the next
    line is short by about an indent and goes on (justified text with indented paragraphs),
    or by the indent and a bit more when what opens the line after it did not fit there:
    Before: ``…並指責「一些外部勢力處心積慮打『台灣牌』」。`` (full) / ``因此，在對台論述上，…
    仍持續針對國際場合中美方支持台灣的立場進行反`` (6 short, indent 4) / ``擊。文中重申…``
    After: a paragraph ends at ``…『台灣牌』」。``
    """
    text = _FOOTNOTE_REF_AT_END.sub("", line.text) or line.text
    if following.text.startswith(_NO_PARAGRAPH_OPENING):
        # punctuation that closes on the character before it opens no paragraph (pypdf,
        # PDFium: ``…2025 年 7 月 23`` / ``日`` / ``，https://www.cna.com.tw/…``)
        return False
    if end_latin_paragraphs_without_a_wrap_space(line, following, wrap):
        if report is not None:
            report.add("end_latin_paragraphs_without_a_wrap_space", line.no,
                       line.text[-12:] + " | " + following.text[:12],
                       line.text[-12:] + " ¶ " + following.text[:12])
        return True
    if keep_wrapped_urls(line, following):
        if report is not None:
            report.add("keep_wrapped_urls", following.no, line.text[-12:] + " | "
                       + following.text[:12], line.text[-12:] + following.text[:12])
        return False
    if wrap.indented and following.indent >= 2 and following.indent > line.indent:
        return True
    if not text.endswith(_SENTENCE_END):
        # a line far shorter than a full line that stops without a comma: a heading or a
        # title (unless a long word or URL that did not fit follows)
        far_short = wrap.full - _printed_width(line.text) > 0.3 * wrap.full
        if end_at_a_comma_far_short(line, following, after, wrap, opening):
            if report is not None:
                report.add("end_at_a_comma_far_short", line.no, line.text[-8:] + " | "
                           + following.text[:8], line.text[-8:] + " ¶ " + following.text[:8])
            return True
        # (a full-width bracket opening a Latin word: ``…印度外交部長蘇杰生`` / ``（Subrahmanyam
        # Jaishankar）…``, a stretched first line of a narrow column)
        room = wrap.full - _printed_width(line.text) - (wrap.first_indent if opening else 0)
        return (far_short
                and not text.endswith(("，", "、", ",", "-", "/"))
                and not (following.text[:1].isascii()
                         and not _number_opens_with_room(following.text, room))
                and not keep_lines_before_long_words(line, following, room)
                and not keep_lines_before_glued_urls(line, following, wrap, report))
    deficit = wrap.full - _printed_width(line.text)
    # a paragraph's first line (``opening``) has its indent less room
    if keep_lines_before_long_words(line, following,
                                    deficit - (wrap.first_indent if opening else 0)):
        if report is not None:
            report.add("keep_lines_before_long_words", following.no,
                       line.text[-8:] + " | " + following.text[:12],
                       line.text[-8:] + following.text[:12])
        return False
    following_deficit = wrap.full - _printed_width(following.text)
    if not opening and deficit <= wrap.slack and end_where_the_next_would_fit(
            line, following, deficit):
        if report is not None:
            report.add("end_where_the_next_would_fit", line.no, line.text[-8:] + " | "
                       + following.text[:8], line.text[-8:] + " ¶ " + following.text[:8])
        return True
    # a paragraph's first line is short by its indent (``opening``)
    if deficit > wrap.slack + (wrap.first_indent if opening else 0):
        if keep_lines_before_full_lines(wrap, following_deficit):
            if report is not None:
                report.add("keep_lines_before_full_lines", following.no,
                           line.text[-8:] + " | " + following.text[:12],
                           line.text[-8:] + following.text[:12])
            return False
        return True
    return (
        after is not None
        and wrap.first_indent > wrap.slack
        # (or by the indent and what opens the line after, when that did not fit: ``…反``
        # / ``擊。…``, a justified line short by 6 with an indent of 4)
        and wrap.first_indent - 1 <= following_deficit <= wrap.first_indent + max(
            wrap.slack, opening_unit_width(after.text) - 1)
        # not short only because the next line's first word did not fit (``…的立`` /
        # ``場。2023 年…``: 場 cannot leave its 。)
        and following_deficit > opening_unit_width(after.text)
        and not ends_sentence_before_note(following.text)
        and not heading_level(following.text)
    )


def _number_opens_with_room(text: str, room: int) -> bool:
    """Does ``text`` open with a year or a number that would have fitted, with its unit, in
    the ``room`` a far short line left?  Then that line ended there: a subtitle before the
    first paragraph (pdfminer, 002-01 in 12pt: ``以近期核戰略變化為中心`` / ``2011 年 12 月 19 日，
    北韓前領導人…``), where a Latin word opening the next line may have been too wide."""
    number = re.match(r"\d[\d,.]*\s*[年月日]", text)
    return bool(number) and printed_width(number.group(0)) < room


def ends_sentence_before_note(text: str) -> bool:
    """A line ends a sentence, also where a footnote marker follows the sentence mark.

    ``之說法外，也強調台日兩國應該合作，加強區域的嚇阻力量。[^2]`` → True (a5-11pt: a
    paragraph's last line, short by about an indent, is no paragraph's first line, so the
    full line before it, ``…「今日的烏克蘭可能是明天的東亞」``, does not end a paragraph).
    """
    return (_FOOTNOTE_REF_AT_END.sub("", text) or text).endswith(_SENTENCE_END)


def keep_wrapped_urls(line: Line, following: Line) -> bool:
    """A URL broken after ``-`` or ``/`` goes on on the next line, however that line is set
    (``pdftotext -layout`` indents the rest of a centred caption like a paragraph opening).

    Before: ``https://www.president.gov.ua/en/news/spivpracya-ukrayini-ta-respubliki-koreya-``
    / ``␣␣␣␣dast-bilshe-silina-84349)``
    After: one block ``…respubliki-koreya-dast-bilshe-silina-84349)``.
    Also a URL's middle line, whose ``https://`` is on the line before (a centred caption in
    a narrow column: ``…(圖片來源：https://www.president.gov.ua/en/`` /
    ``news/spivpracya-ukrayini-ta-respubliki-koreya-dast-`` / ``bilshe-silina-84349)``).
    """
    return (line.text.endswith(("-", "/"))
            and bool(_URL_AT_END.search(line.text) or _URL_MIDDLE.fullmatch(line.text))
            and bool(re.match(r"[A-Za-z0-9%#~_\-]", following.text)))


#: a line that is a piece of a URL's path, with no scheme: ``news/spivpracya-…-dast-``
_URL_MIDDLE = re.compile(r"[A-Za-z0-9%#~_.\-]+/[A-Za-z0-9%#~_.\-/?=&]*")


#: a line that opens with one character glued by closing punctuation to a Latin word or
#: URL: ``日，https://www.cna.com.tw/….aspx。`` (no break between ``，`` and ``h``)
_GLUED_OPENING = re.compile(
    r"^[\u4e00-\u9fff][，、：；」』）)》〉]+[A-Za-z0-9][^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*")


def keep_lines_before_glued_urls(line: Line, following: Line, wrap: Wrap,
                                 report: Report | None = None) -> bool:
    """A short line that stops mid-sentence goes on when the next line opens with a
    character that punctuation glues to a URL too wide for the room left: the line broke
    before the date's last character because ``日，https://…`` cannot be split.

    Before (12pt, a figure's source line): ``資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何
    憂慮〉，《中央`` / ``社》，2025 年 7 月 23`` / ``日，https://www.cna.com.tw/news/aopl/
    202507230228.aspx。``
    After: one paragraph ``…《中央社》，2025 年 7 月 23 日，https://www.cna.com.tw/….aspx。``
    """
    glued = _GLUED_OPENING.match(following.text)
    if not glued or printed_width(glued.group(0)) <= wrap.full - _printed_width(line.text):
        return False
    if report is not None:
        report.add("keep_lines_before_glued_urls", following.no,
                   line.text[-8:] + " | " + following.text[:12],
                   line.text[-8:] + following.text[:12])
    return True


def keep_lines_before_full_lines(wrap: Wrap, following_deficit: int) -> bool:
    """Where each paragraph's first line is indented, a line as wide as a full line opens
    no paragraph: a sentence end short of the margin before it does not end one (what
    did not fit there was the next line's opening, e.g. ``《2025`` that cannot be split).

    Before (12pt, two-character indent): ``…正展現此發展趨勢。`` (4 columns short) /
    ``《2025 國家安全戰略》指稱，…新增優先區域之一，`` (a full line)
    After: one paragraph ``…正展現此發展趨勢。《2025 國家安全戰略》指稱，…``.
    """
    return wrap.first_indent > wrap.slack + 1 and following_deficit <= 0


def end_where_the_next_would_fit(line: Line, following: Line, deficit: int) -> bool:
    """A line inside a paragraph that ends a sentence with room left for what opens the
    next line ends the paragraph, even when it is within the slack of ragged-right lines
    (the slack comes from lines short only because the next unit did not fit).

    Before (12pt-header, ragged right, slack 2): ``三方意見交換（日台 2+2）（日方分科會長出席），
    以及包括戰略日美台三方。`` (2 columns short) / ``此外，我們也將推動各層級的務實合作。``
    After: two paragraphs (``此`` would have fitted).
    Not on a paragraph's first line (short by its indent), and only where the widths are
    exact enough: no Latin letters on the line.
    """
    return 2 <= deficit and opening_unit_width(following.text) <= deficit \
        and not LATIN_LETTER.search(line.text)




def end_latin_paragraphs_without_a_wrap_space(line: Line, following: Line, wrap: Wrap) -> bool:
    """Where the extractor keeps the space at which a Latin line wrapped
    (:attr:`Wrap.latin_wrap_spaces`), a Latin sentence end with no space after it ends the
    paragraph when a capitalised word opens the next line: the line did not wrap at a space.
    Latin widths are estimates, so a ragged-right abstract gives no other sign.

    Before (002-01, PyMuPDF, 12pt-header): ``South Korea, North Korea and the United States
    which focus on North `` / ``Korean nuclear issue, Security issues of Korean Peninsula and
    East Asia.`` / ``During this period, North Korea not only restored pollical system to ``
    After: a paragraph ends at ``…and East Asia.``; ``During this period…`` opens the next.
    A Latin keywords line opens a paragraph of its own as well: ``…more diverse analytical
    paths.`` / ``Keywords: Kim Jun Un, …``.
    """
    return (wrap.latin_wrap_spaces and not line.trailing_space
            and bool(_LATIN_SENTENCE_END.search(line.text))
            and bool(_LATIN_SENTENCE_OPENING.match(following.text))) or (
        _LATIN_KEYWORDS_LINE.match(following.text) is not None
        and bool(_LATIN_SENTENCE_END.search(line.text)))


#: a Latin sentence's end: a word of three letters or more, then ``.`` ``!`` ``?`` (not
#: an abbreviation's ``U.S.``), maybe a closing quote or bracket
_LATIN_SENTENCE_END = re.compile(r"[a-z]{3}[.!?][\"”’)]?$")
_LATIN_SENTENCE_OPENING = re.compile(r"^[A-Z][a-z]+\b")


def end_at_a_comma_far_short(line: Line, following: Line, after: Line | None, wrap: Wrap,
                             opening: bool) -> bool:
    """An author's paragraph may end in a comma; it did where its last line stops short of
    the margin with room for what opens the next line, and that line is no piece of one.

    Before (002-01, PyMuPDF, 12pt): ``…金正恩政權更加穩定，但是由於疫情和過去長期的慢性經濟困難和
    糧食不足的問題，`` / ``可能會成為金正恩政權的不穩定因素，`` (16 of 38 wide) /
    ``他的核戰略除了成功維持住「黨-國家體系」的生存利益(survival interest)之外，並``
    After: a paragraph ends at ``…不穩定因素，``. The same in 12pt-header, where the line is
    54 of 72 wide, and in a5-11pt, where the next line is short because
    ``(survival interest)`` did not fit on it: ``他的核戰略除了成功維持住「黨- 國家體系」的生存利益``
    (49 of a first line's 56) / ``(survival interest)之外，…``.
    Only a full-width comma on a line of ideographs (no Latin letters, whose widths are
    estimates; no digits that could be a marker's piece), at least
    :data:`MIN_COMMA_END_ROOM` short, not a paragraph's first line, and the next line as
    wide as a paragraph's first line or short only by a Latin word that did not fit (it is
    no rest of a line broken at a marker or a stretched gap).
    """
    room = wrap.full - _printed_width(line.text)
    first_line_room = wrap.full - wrap.first_indent - _printed_width(following.text)
    return (line.text.endswith("，") and not opening
            and not LATIN_LETTER.search(line.text) and not re.search(r"\d", line.text[-4:])
            and not following.text[:1].isascii()
            and room >= MIN_COMMA_END_ROOM and opening_unit_width(following.text) <= room
            and (first_line_room <= wrap.slack + 2
                 or after is not None and keep_lines_before_long_words(following, after,
                                                                       first_line_room)))


#: how far short of the margin (two ideographs) a line ending in a comma may end a paragraph
MIN_COMMA_END_ROOM = 4


#: a Latin word (after opening brackets) that opens a line: it wraps as one piece, with
#: the full-width closing marks after it, which no line may open with (``NdPr）``)
_OPENING_WORD = re.compile(r"^[（(《〈「『“‘\[]*(?:(?<=[（(《〈「『“‘\[]) )?[A-Za-z][^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*"
                           r"[）」』》〉，。、；：！？]*")


def keep_lines_before_long_words(line: Line, following: Line, deficit: int) -> bool:
    """A line that ends a sentence short of the margin goes on when the next line opens
    with a Latin word too wide for the room left: the word wrapped, the paragraph did not end.

    Before: ``英國「威爾斯親王號」航艦打擊群此次到訪澳洲，是執行代號「高桅行動」`` (6 columns
    short) / ``（Operation Highmast）在印太區域行動部署的一部分，…``
    After: one paragraph: ``…執行代號「高桅行動」（Operation Highmast）在印太區域…``
    (``（Operation`` needs 11 columns).
    On a paragraph's first line the room left is the shortfall less the indent: a5-11pt,
    ``果不其然，印度在 5 月 7 日凌晨展開「辛多爾行動」`` (14 short, indent 4) /
    ``（Operation Sindoor），以火炮及空中戰機…`` (``（Operation`` needs 11 > 10).
    An opening bracket set apart from the word (``（ acknowledge ）而未接受…``, a justified
    line whose gaps pdftotext reads as spaces) wraps with it all the same.
    """
    word = _OPENING_WORD.match(following.text)
    return bool(word) and printed_width(word.group(0)) >= deficit


_ABBREVIATION_AT_END = re.compile(r"(?:^|[^A-Za-z])(?:[A-Z]\.){2,}$")


def _opens_with_indent(line: Line, wrap: Wrap) -> bool:
    """Does the line start with a paragraph's first-line indent, as pdftotext -layout keeps
    it in leading spaces?  Two or more, and up to twice the first-line indent: the further
    piece of a stretched line stands far more in (``飛彈計畫中，19`` / ``{24 spaces}德 國 聯
    邦 憲 法 保 護 局 （ The``, one printed line)."""
    return 2 <= line.indent <= 2 * wrap.first_indent


def rejoin_stretched_line_pieces(lines: list[Line], wrap: Wrap, report: Report) -> list[Line]:
    """Glue back the pieces of one printed line that the extractor cut at its wide gaps.

    A justified line that stops far short of the margin, because what opens the next line
    (a Latin word, a URL glued to the character before it) could not be split, is
    stretched: its gaps grow wide, and pdftotext (a blank line between the pieces) or
    PyMuPDF (a glyph a line) gives each piece as a line of its own.  Each piece alone is
    far shorter than a full line, so it would end the paragraph.

    Before (pdftotext, a5-11pt, full line 60): ``資料來源：〈中國雅魯藏布江大壩動工 看懂印度
    孟加拉為何憂`` / ``慮 〉 ， 《 中 央 社 》 ， 2025`` / ``年`` / ``7`` / ``月`` / ``23`` /
    ``日，https://www.cna.com.tw/news/aopl/202507230228.aspx。``
    After: the pieces are one line ``慮〉，《中央社》，2025 年 7 月 23`` (30 wide), and the
    source line stays one paragraph (``日，https://…`` needs 54 and fits no line's rest).
    Before (pdftotext): ``…「澳英美三邊安全夥伴關係」`` / ``（`` / ``Australia-United`` /
    ``Kingdom-United`` / ``States`` / ``Security`` / ``Partnership, AUKUS）的名義進駐…``
    After: ``（Australia-United Kingdom-United States Security`` is one line.
    Before (pdftotext): ``…「美國國際開發金`` / ``融 公 司 」 (U.S.`` / ``International`` /
    ``Development`` / ``Finance`` / ``Corporation, DFC)所擔任，…``
    After: ``融 公 司」 (U.S. International Development Finance`` is one line (PyMuPDF:
    ``融`` / ``公`` / ``司`` / ``」`` / ``(U.S. International Development Finance``, the same;
    its wide gaps may come as lines of a space, ``2025`` / ``␠`` / ``年``, which go).
    Only a run of at least two lines that together fit one printed line, none ending a
    sentence or being a heading or a heading's rest after a line it filled, none but the
    first opening with an indent (``二、近期須關注代理型 AI 蔚為潮流後之使用安`` / ``全性`` /
    ``{5 spaces}在發展通用型 AI 的過程之中，會有應用取向的``: a heading's last line, then a
    paragraph's first), within a page, and only before a line that opens with an
    unbreakable unit at least as wide as the room the run leaves (as
    :func:`keep_lines_before_long_words`: Latin widths are estimates).
    """
    if not wrap.full:
        return lines
    result = list(lines)
    index = len(result) - 1
    while index > 0:
        following = result[index]
        unit = _OPENING_WORD.match(following.text) or _GLUED_OPENING.match(following.text)
        if following.gap or unit is None or heading_level(following.text):
            index -= 1
            continue
        start, text = index, ""
        for candidate in range(index - 1, -1, -1):
            piece = result[candidate]
            if piece.gap and 0 < candidate and not result[candidate - 1].gap:
                continue  # PyMuPDF: a line of a space between two pieces, a wide gap
            # (``U.S.`` ends an abbreviation, not a sentence; a piece of closing marks alone,
            # ``」``, is no line's start, so it ends none)
            if piece.gap or not piece.text or heading_level(piece.text) \
                    or (ends_sentence_before_note(piece.text)
                        and not _ABBREVIATION_AT_END.search(piece.text)
                        and piece.text.strip(_CLOSING)):
                break
            if start < index and _opens_with_indent(result[start], wrap):
                break  # the piece after it opens a paragraph (pdftotext -layout's indent)
            before = result[candidate - 1] if candidate else None
            if before is not None and heading_level(before.text) \
                    and _printed_width(before.text) >= 0.8 * wrap.full:
                # the rest of a heading that filled its line, in the heading's larger font
                # (``…之使用安`` / ``全性``)
                break
            joined = join_text(piece.text, text)
            if _printed_width(joined) > wrap.full:
                break
            start, text = candidate, joined
            if piece.page_start:
                break
        if index - start >= 2 and printed_width(unit.group(0)) >= wrap.full - _printed_width(text):
            pieces = result[start:index]
            report.add("rejoin_stretched_line_pieces", pieces[0].no,
                       " | ".join(piece.text for piece in pieces), text)
            result[start:index] = [dataclasses.replace(
                pieces[0], text=text, trailing_space=pieces[-1].trailing_space)]
            index = start
        index -= 1
    return result


def start_headings_after_short_lines(previous: Line, width: int) -> bool:
    """A heading line opens a block of its own after a line that stopped far short of the
    margin: that line was not wrapped into the heading, whatever it ends with.

    Before (pdftotext, a journal's English title block): ``strategy`` / ``Lin Chih Hao`` /
    ``abstract`` / ``In the end of 2021 is the 10th anniversary of …``
    After: ``## abstract`` is a heading; it is not joined to the byline above (a byline
    ends with no sentence mark). Only after a line under 70% of the text width.
    """
    return display_width(previous.text) < 0.7 * width


def end_headings_before_paragraph_openings(parts: list[Line], following: Line,
                                           after: Line | None, wrap: Wrap) -> bool:
    """A numbered heading ends its block before a line that opens a paragraph, however close
    to a full line it comes, where paragraphs open with an indent: the next line is short by
    about the first-line indent (by more only when the line after opens with a unit that did
    not fit there), and the heading line itself stops short of the margin.

    Before (pdftotext, a5-11pt: full line 60, indent 4): ``後，中國的經濟成長預期也從 4.0%上升為
    4.8%。3`` / ``二、美國與其他國家關稅談判解決升高中國的談判壓力`` (48 wide: 80% of a line, so
    not seen as short) / ``在與中國進行第三輪談判之前，美國與歐盟在蘇格蘭達成貿易協`` (56: short by
    the indent) / ``議框架，美國同意對歐盟大部分產品關稅降到 15%，比原先預期要``
    After: ``### 二、美國與其他國家關稅談判解決升高中國的談判壓力`` and a paragraph
    ``在與中國進行第三輪談判之前，…``.
    ``parts``: the block's lines so far, this line last (a heading wrapped over two lines
    ends on its second). Not where paragraphs open flush left (no indent to tell them by), and
    not before a line that ends a sentence (the last line of a list item).
    """
    if wrap.first_indent <= wrap.slack + 1:
        return False
    if wrap.full - _printed_width(parts[-1].text) <= wrap.slack:
        return False  # a full line: the heading, or the list item, goes on
    following_deficit = wrap.full - _printed_width(following.text)
    room = max(wrap.slack, opening_unit_width(after.text) - 1) if after is not None \
        else wrap.slack
    if not (wrap.first_indent - 1 <= following_deficit <= wrap.first_indent + room
            and not following.text.endswith(_SENTENCE_END)
            and not heading_level(following.text)):
        return False
    if after is not None and _wraps_on_to_a_heading_end(parts, following, after, wrap):
        return False
    return bool(heading_level(_joined(parts), MAX_LINE_HEADING_LENGTH)) \
        or _unnumbered_heading_line(parts, following, wrap)


def _unnumbered_heading_line(parts: list[Line], following: Line, wrap: Wrap) -> bool:
    """A heading without numbering on one line of its own, before a paragraph's first line:
    the line is shorter than an indented first line by more than the next line's first
    unit, and it holds no sentence punctuation.

    Before (pypdf, PyMuPDF, PDFium of a narrow column: full line 46, indent 4, no indent to
    see): ``…連帶影響到東北亞的安保情勢。`` / ``日本表明堅定反對俄羅斯侵略戰爭的立場`` (36: 8
    short, so not far short of the line) / ``在日俄關係方面，由於俄羅斯近十餘年來計畫重`` (42:
    short by the indent) / ``返亞洲，因此希望與日本改善關係，提出共同開發北`` (46)
    After: ``日本表明堅定反對俄羅斯侵略戰爭的立場`` a block of its own
    (:func:`find_unnumbered_headings` makes it a heading), then the paragraph.
    """
    if len(parts) != 1:
        return False
    text = parts[0].text
    room = wrap.full - _printed_width(text) - wrap.first_indent
    return (len(text) <= MAX_UNNUMBERED_HEADING and not _HEADING_FORBIDDEN.search(text)
            and room > wrap.slack and room >= opening_unit_width(following.text))


def _wraps_on_to_a_heading_end(parts: list[Line], following: Line, after: Line,
                               wrap: Wrap) -> bool:
    """Is ``following`` the middle line of a heading set in a larger font, not a paragraph's
    first line?  A line in the heading's font is as short as an indented body line, but a
    paragraph's first line is followed by a full line or its sentence's end, and this one by
    a short line that ends no sentence, where the heading ends.

    Before (PyMuPDF, 003-02 in two columns, full line 46): ``五、「以礦產換軍事實力或安全保障」
    將成為後`` (42) / ``續美國與其他自然資源豐富國家締結戰略貿易協`` (42) / ``議之框架`` /
    ``雖然本次美烏協議尚有許多挑戰待克服，其正`` (an indented first line)
    After: one heading ``五、「以礦產換軍事實力或安全保障」將成為後續美國與其他自然資源豐富國家
    締結戰略貿易協議之框架``.
    """
    return (wrap.full - _printed_width(after.text) > wrap.first_indent + wrap.slack
            and not ends_sentence_before_note(after.text) and not heading_level(after.text)
            and bool(heading_level(_joined([*parts, following, after]),
                                   MAX_LINE_HEADING_LENGTH)))


def _joined(parts: list[Line]) -> str:
    """The text of a block's lines, joined as printed lines join (:func:`join_text`)."""
    text = parts[0].text
    for part in parts[1:]:
        text = join_text(text, part.text)
    return text


def _wrapped_paragraphs(lines: list[Line], width: int, report: Report,
                        wrap: Wrap) -> list[Block]:
    blocks: list[Block] = []
    parts: list[Line] = []

    def flush() -> None:
        if parts:
            text = _joined(parts)
            blocks.append(Block("paragraph", text, parts[0].no))
            if len(parts) > 1:
                report.add("join_wrapped_lines", parts[0].no,
                           f"{len(parts)} lines", text[:30] + "…")
            parts.clear()

    content = list(lines)
    if not wrap.marks_ends:
        content = rejoin_stretched_line_pieces(content, wrap, report)
    # a heading is short against the body's full line, where one was measured (a column's
    # footnotes, more of them in a smaller font, widen the typical line)
    body_width = width if wrap.marks_ends else min(width, wrap.full or width)
    table_until = -1
    markdown_table: Block | None = None  # the extractor's Markdown table being read
    for index, line in enumerate(content):
        if index <= table_until:
            continue
        if line.gap:
            flush()
            continue
        if _MARKDOWN_TABLE_ROW.match(line.text):
            flush()
            markdown_table = keep_markdown_table(markdown_table, line, blocks, report)
            continue
        markdown_table = None
        following_index = next((i for i in range(index + 1, len(content))
                                if not content[i].gap), None)
        following = content[following_index] if following_index is not None else None
        # a caption is one short line; or, where spaces mark paragraph ends, one that ends
        # with that space (it may fill a narrow column: ``<圖一>近期北韓在美中戰略三角關係的
        # 地位變化␠`` / ``美``); or one after a paragraph's end, before a line that is no
        # paragraph's
        if TABLE_CAPTION.match(line.text) and (display_width(line.text) < 0.8 * width or (
                wrap.marks_ends and line.trailing_space) or (
                not parts and caption_before_its_table(following, wrap))):
            flush()
            rest = sentence_rest_after_caption(blocks, content, index)
            if rest is not None:
                report.add("sentence_rest_after_caption", content[rest].no,
                           blocks[-1].text[-8:] + " | " + content[rest].text,
                           blocks[-1].text[-8:] + content[rest].text)
                blocks[-1].text = join_text(blocks[-1].text, content[rest].text)
                del content[rest]  # (ahead of the loop: the table's lines close up)
            blocks.append(Block("paragraph", line.text, line.no))
            # only a table's cells are rebuilt, never a figure's labels
            rebuild = wrap.marks_ends and bool(TABLE_NUMBER.match(line.text))
            table_until = _flattened_table(content, index + 1, blocks, report, rebuild, width,
                                              wrap.first_indent)
            continue
        if parts and heading_level(line.text) and display_width(line.text) < 0.8 * width and (
            parts[-1].trailing_space or parts[-1].text.endswith(_SENTENCE_END)
            or start_headings_after_short_lines(parts[-1], width)
        ):
            flush()
        parts.append(line)
        if _ends_paragraph(line, following, body_width, wrap.marks_ends) or (
                following is not None and latin_keywords_end(parts[0].text, following.text)):
            flush()
        elif not wrap.marks_ends and following_index is not None:
            after = next((x for x in content[following_index + 1 :] if not x.gap), None)
            if end_headings_before_paragraph_openings(parts, following, after, wrap):
                report.add("end_headings_before_paragraph_openings", line.no, line.text[-12:])
                flush()
            elif end_paragraphs_at_short_lines(line, following, after, wrap, len(parts) == 1,
                                             report):
                report.add("end_paragraphs_at_short_lines", line.no, line.text[-12:])
                flush()
    flush()
    return blocks


def sentence_rest_after_caption(blocks: list[Block], lines: list[Line], caption: int
                                ) -> int | None:
    """The line after a caption that is the rest of the sentence before it: the paragraph
    before the caption stops mid-sentence, and the line opens with what closes a bracket or
    a sentence (no paragraph, cell or label opens so). The extractor read the paragraph's
    short last line after the caption (pdfminer groups it in a box of its own).

    Before (pdfminer, 002-01 in 12pt): ``…所出現的地位變化，如<圖一`` / ``<圖一>近期北韓在美中戰略
    三角關係的地位變化`` / ``>所示。`` / ``美`` / …
    After: the paragraph ending ``…如<圖一>所示。``, the caption, the figure's labels.
    Returns the index of that line, or None.
    """
    previous = blocks[-1] if blocks else None
    if previous is None or previous.kind != "paragraph" or \
            (_FOOTNOTE_REF_AT_END.sub("", previous.text) or "。").endswith(_SENTENCE_END):
        return None
    rest = next((i for i in range(caption + 1, len(lines)) if not lines[i].gap), None)
    if rest is None or not lines[rest].text.startswith((*_NO_PARAGRAPH_OPENING, ">", ")")) \
            or not ends_sentence_before_note(lines[rest].text):
        return None
    return rest


def caption_before_its_table(following: Line | None, wrap: Wrap) -> bool:
    """Is a line that opens like a caption, after a paragraph's end, a caption and not a
    paragraph's first line, though it is as wide as one (in a narrow column a caption fills
    the line, and ``<`` prints narrower)?  The line after it tells: far short of a full
    line and ending no sentence, ``following`` is a table's or a figure's text, neither
    the paragraph's next line nor its last.

    Before (PyMuPDF, 002-01 in two columns, full line 46): ``出現的地位變化，如<圖一>所示。``
    / ``<圖一>近期北韓在美中戰略三角關係的地位變化`` (42) / ``美`` / ``中`` / …
    After: the caption, then the figure's labels in a text block.
    """
    return (following is not None and not wrap.marks_ends and wrap.full > 0
            and wrap.full - _printed_width(following.text) > 0.3 * wrap.full
            and not ends_sentence_before_note(following.text))


TABLE_CAPTION = re.compile(r"^(?:[<〈＜《]\s*[表圖]\s*[一二三四五六七八九十0-9]+\s*[>〉＞》]|表\s*[一二三四五六七八九十0-9]+[\s：:、.])")
#: a figure's caption: ``圖、雅魯藏布江水電站位置``, ``圖：2023 年 7 月…``, ``圖 1：…``
FIGURE_CAPTION = re.compile(r"^圖\s*[一二三四五六七八九十0-9]*\s*[、：:]")
MAX_TABLE_LINES = 60
#: a table's caption, not a figure's: ``<表一> …``, ``表 1：…`` (not ``<圖一> …``)
TABLE_NUMBER = re.compile(r"^[<〈＜《]?\s*表")


def _flattened_table(lines: list[Line], start: int, blocks: list[Block], report: Report,
                     marks_ends: bool = False, width: int = 0, first_indent: int = 0) -> int:
    """Keep a table the extractor flattened as a fenced text block, never merged into prose.

    Before: ``<表一> 核武國家可能出現的各種姿態`` / ``␠`` / ``區分 觸媒姿態 擴大報復姿態`` /
    ``對象`` / … / ``␠`` / ``依照<表一>和上述內容，…``
    After: the caption as a paragraph, then the cell lines as printed in a ```` ```text ````
    block, then the prose again. The table is the run of lines between the two gaps.
    Where every cell is certain (:func:`rebuild_flattened_table`; a table read one cell
    line per line: :func:`rebuild_cell_per_line_table`), a GFM table instead.
    Returns the index of the table's last line (``start - 1`` when there is none, or when
    the source wrote the table in Markdown: :func:`keep_markdown_table` reads it).
    """
    first = next((line for line in lines[start:] if not line.gap), None)
    if first is not None and _MARKDOWN_TABLE_ROW.match(first.text):
        return start - 1
    if start < len(lines) and not lines[start].gap:
        end = table_ends_where_prose_resumes(lines, start, width)
        if end is None:
            return start - 1
        table = [line for line in lines[start:end] if not line.gap]
        if TABLE_NUMBER.match(lines[start - 1].text):  # a table's, not a figure's labels
            if any(_CELLS_APART.search(line.printed or line.text) for line in table[:2]):
                rows = rebuild_layout_table(table)
                if rows is not None:
                    _add_rebuilt_table(blocks, report, "rebuild_layout_table", table, rows)
                    return end - 1
            repeats: list[tuple[int, int]] = []
            table = drop_repeated_table_header(table, report, repeats)
            counts = {count for _, count in repeats}
            rows = rebuild_cell_per_line_table(
                table, counts.pop(), {index for index, _ in repeats}, first_indent) \
                if len(counts) == 1 else None
            if rows is not None:
                _add_rebuilt_table(blocks, report, "rebuild_cell_per_line_table", table, rows)
                return end - 1
        blocks.append(Block("preformatted", "\n".join(line.text for line in table),
                            table[0].no))
        report.add("keep_flattened_table", table[0].no, f"{len(table)} lines",
                   "fenced text block, up to the prose")
        return end - 1
    if start >= len(lines):
        return start - 1
    end = start + 1
    while end < len(lines) and not lines[end].gap and end - start <= MAX_TABLE_LINES:
        end += 1
    if end >= len(lines) or not lines[end].gap or end == start + 1:
        return start - 1
    table = lines[start + 1 : end]
    rows = rebuild_flattened_table(table) if marks_ends else None
    if rows is not None:
        _add_rebuilt_table(blocks, report, "rebuild_flattened_table", table, rows)
        return end
    cells = [line.text for line in table]
    blocks.append(Block("preformatted", "\n".join(cells), table[0].no))
    report.add("keep_flattened_table", table[0].no, f"{len(cells)} lines",
               "fenced text block")
    return end


def _add_rebuilt_table(blocks: list[Block], report: Report, fix: str, table: list[Line],
                       rows: list[list[str]]) -> None:
    """A GFM table block for the cells ``fix`` rebuilt from ``table``'s lines, reported."""
    blocks.append(Block("table", "\n".join(" | ".join(row) for row in rows), table[0].no,
                        rows=rows))
    report.add(fix, table[0].no, f"{len(table)} lines",
               f"table of {len(rows) - 1} rows × {len(rows[0])} columns")


#: a header row printed again is at least this wide (two cells of two characters)
MIN_REPEATED_HEADER_WIDTH = 8


def drop_repeated_table_header(table: list[Line], report: Report,
                               repeats: list[tuple[int, int]] | None = None) -> list[Line]:
    """A table's header row, printed again at the top of each page the table runs on to,
    is kept once: the typesetter repeats it, the author wrote it once.

    Before (PyMuPDF, 002-01 <表一>, the table running on to the next page): ``區分`` /
    ``觸媒姿態`` / ``擴大報復姿態`` / ``非對稱確戰姿態`` / ``對象`` / … / ``第 2 擊能力`` / … /
    (new page) ``區分`` / ``觸媒姿態`` / ``擴大報復姿態`` / ``非對稱確戰姿態`` / ``戰略目標`` / …
    After: the second ``區分`` … ``非對稱確戰姿態`` go, and ``戰略目標`` follows the first
    page's last cell. The lines that open the page must repeat the table's first lines
    exactly, at least :data:`MIN_REPEATED_HEADER_WIDTH` wide, and fewer than the table had.
    ``repeats`` (when given) gets, for each header dropped, the index in the kept lines of
    the line after it and how many lines it took (the header row's lines: 4 here).
    """
    kept: list[Line] = []
    index = 0
    while index < len(table):
        line = table[index]
        if line.page_start and kept:
            count = 0
            while (index + count < len(table) and count < len(kept)
                   and table[index + count].text == table[count].text
                   and (count == 0 or not table[index + count].page_start)):
                count += 1
            if count and sum(display_width(table[i].text) for i in range(count)) \
                    >= MIN_REPEATED_HEADER_WIDTH and count < len(kept):
                for repeated in table[index : index + count]:
                    report.add("drop_repeated_table_header", repeated.no, repeated.text)
                if repeats is not None:
                    repeats.append((len(kept), count))
                index += count
                continue
        kept.append(line)
        index += 1
    return kept


MIN_TABLE_LINES = 3
MAX_TABLE_LINES_BEFORE_PROSE = 150
#: cells that stand side by side on one line, as pdftotext -layout sets a table's row
_CELLS_APART = re.compile(r"\S {3,}\S")


def table_ends_where_prose_resumes(lines: list[Line], start: int, width: int) -> int | None:
    """Where a table the extractor flattened without gaps around it ends: at the first full
    line of prose after its caption (the index of that line), or None.

    PyMuPDF, pdfminer, pypdf, pdfplumber and PDFium read a Word table cell by cell, one
    printed cell line per line, none as wide as the text: ``<表二> 北韓近期國家正常化的主要
    策略`` / ``領域`` / ``作法`` / ``意義`` / ``黨`` / ``增設黨中央監察委員會和`` / … /
    ``揮。`` / ``實際上，金正恩從 2019 年開始，便開始用「施政演說」的方式對外發表重要講話，``
    The table is the lines before that line: at least 90% of the text width, without cells
    set apart by runs of spaces as ``pdftotext -layout`` sets a row, and followed by another
    such line or a heading (a cell merged across the columns is one full line:
    ``預估數量：200 應用： 1. 多目標重返大氣層載具 MIRV，…`` / ``2. 裝備小型戰術核武``), or
    before a section heading (a figure's labels: ``北（2020~迄今）`` / ``中`` / ``目標`` /
    ``伍.結論：北韓核戰略對於周邊地區的影響``). At least three lines, and not more than 150:
    a caption followed by prose has no table to keep.
    """
    if not width:
        return None

    def full(line: Line) -> bool:
        return display_width(line.text) >= 0.9 * width and not _CELLS_APART.search(line.text)

    table = [index for index in range(start, min(len(lines), start + MAX_TABLE_LINES_BEFORE_PROSE))
             if not lines[index].gap]
    for count, index in enumerate(table):
        line = lines[index]
        after = lines[table[count + 1]] if count + 1 < len(table) else None
        prose = full(line) and (after is None or full(after) or heading_level(after.text))
        # a section heading (壹、…伍.) ends it however wide: in a narrow column it fills a line
        if prose or heading_level(line.text) == 2 or (
                heading_level(line.text) > 2 and display_width(line.text) < 0.8 * width):
            return index if count >= MIN_TABLE_LINES else None
    return None


#: how much narrower than the widest wrapped line of its column a wrapped cell line may be,
#: and how much wider any of its lines: two ideographs (a character carried to the next line
#: so that ``，`` or ``、`` does not open it; a numbered item's hanging indent)
TABLE_WRAP_TOLERANCE = 4
_MAX_TABLE_SPACES = 10  # spaces in one line that may separate cells
_MAX_TABLE_STEPS = 200_000


def ways_to_split(words: list[str]) -> Iterator[list[str]]:
    """Every way to cut a line's words, in order, into pieces that stand side by side (cells
    on one line): ``黨 增設黨中央`` → ``["黨 增設黨中央"]``, ``["黨", "增設黨中央"]``."""
    for cuts in range(2 ** (len(words) - 1)):
        pieces, current = [], [words[0]]
        for index, word in enumerate(words[1:]):
            if cuts >> index & 1:
                pieces.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        pieces.append(" ".join(current))
        yield pieces


@dataclass(frozen=True)
class _Piece:
    """One paragraph of a cell, or one of the cells a line holds side by side."""

    text: str
    wrapped: tuple[float, ...]  # printed widths of its lines that went on to the next
    widths: tuple[float, ...]  # printed widths of all its lines
    one_line: bool


def rebuild_flattened_table(lines: list[Line]) -> list[list[str]] | None:
    """The cells of a table pdftotext flattened, when the text allows only one reading.

    pdftotext of a Word PDF reads a table row by row and each row's cells left to right;
    it ends each cell paragraph's last line with a space, and puts one-line cells that
    stand side by side on one line, separated by a space.  The table is rebuilt when all
    of these hold and exactly one set of cells fits them:

    * the first line is the header: one line of N cells (N ≥ 2) without Latin letters or
      digits, so no space inside a header cell can pass for one between cells;
    * every line is part of a cell: a line without an end space goes on in the next;
    * every row has N non-empty cells, in order; the first (the row label) is one line;
    * a cell may hold several paragraphs (numbered items), joined with one space;
    * a column's wrapped lines are all as wide as its widest wrapped line, less at most
      :data:`TABLE_WRAP_TOLERANCE`, and none of its lines (a cell's last, a one-line cell,
      the header) is wider than that line plus the tolerance.

    Any other reading that also fits (a line of several spaces, a cell that could end in
    either of two columns) leaves the table a fenced text block.  The cells keep every
    character in order; a cell's wrapped lines are joined as a paragraph's are.

    Before (002-01, <表二>): ``領域 作法 意義␠`` / ``黨␠`` / ``增設黨中央監察委員會和規律調查``
    / ``部，打破單位特殊化的本位主義，`` / ``加強黨高層幹部管理和思想教育。␠`` /
    ``黨機器的運作獲得強化，避`` / … / ``到地方。␠`` / ``政␠`` / ``1. 內閣閣員的現地了解次數增``
    (26 wide, the 作法 column's 30 less a hanging indent) / … / ``1. 內閣負起主要的施政成``
    (22: the 意義 column's 24) / …
    After: ``| 領域 | 作法 | 意義 |`` / ``| --- | --- | --- |`` /
    ``| 黨 | 增設黨中央監察委員會和規律調查部，打破單位特殊化的本位主義，加強黨高層幹部管理和思想教育。 | 黨機器的運作獲得強化，…到地方。 |``
    / ``| 政 | 1. 內閣閣員的…大幅減少。 2. 國務委員長…最終單位。 3. 金正恩…方向。 | 1. 內閣負起…軍權。 2. 金正日…體系」。 |``
    / …
    Not rebuilt (<表一>): ``第 2 擊能力 未保有 保有 保有 或 未保有`` is four cells with
    seven spaces, labels wrap (``準備姿態/數`` / ``量``), and the last two columns are
    equally wide (18): over 90,000 readings fit.
    Returns the header row and the body rows, or None.
    """
    paragraphs: list[list[Line]] = []
    run: list[Line] = []
    for line in lines:
        run.append(line)
        if line.trailing_space:
            paragraphs.append(run)
            run = []
    if run or len(paragraphs) < 2 or len(paragraphs[0]) != 1:
        return None
    header = paragraphs[0][0].text.split(" ")
    columns = len(header)
    if columns < 2 or any(not name or re.search(r"[A-Za-z0-9]", name) for name in header):
        return None
    readings: list[list[list[_Piece]]] = []  # per paragraph: the ways to read it as cells
    for paragraph in paragraphs[1:]:
        widths = tuple(printed_width(line.text) for line in paragraph)
        if len(paragraph) > 1:
            text = paragraph[0].text
            for line in paragraph[1:]:
                text = join_text(text, line.text)
            readings.append([[_Piece(text, widths[:-1], widths, False)]])
            continue
        words = paragraph[0].text.split(" ")
        if len(words) - 1 > _MAX_TABLE_SPACES or not all(words):
            return None
        options = [[_Piece(piece, (), (printed_width(piece),), True) for piece in pieces]
                   for pieces in ways_to_split(words)]
        readings.append(options)

    # A reading, paragraph by paragraph: each piece of the paragraph's split starts a
    # cell, except that the first may go on in the cell before (a later item of it).  The
    # readings are counted, up to 2, over states that settle what may still follow: the
    # paragraph, the column the next cell falls in, and per column the narrowest and widest
    # wrapped line and the widest line so far.
    Stats = tuple[tuple[float, float, float], ...]
    start: Stats = tuple((inf, -inf, printed_width(name)) for name in header)
    memo: dict[tuple[int, int, bool, Stats], int] = {}

    def placed(stats: Stats, column: int, piece: _Piece) -> Stats | None:
        low, high, top = stats[column]
        if piece.wrapped:
            low, high = min(low, *piece.wrapped), max(high, *piece.wrapped)
        top = max(top, *piece.widths)
        # the widest wrapped line may yet grow, but only to the narrowest plus the tolerance
        if high - low > TABLE_WRAP_TOLERANCE or top > low + 2 * TABLE_WRAP_TOLERANCE:
            return None
        return stats[:column] + ((low, high, top),) + stats[column + 1 :]

    def choices(index: int, column: int, started: bool, stats: Stats):
        """(next column, may join, stats, cells) for each way to read paragraph ``index``."""
        for pieces in readings[index]:
            for joins in (True, False):
                # no cell yet, or the cell before is a row label: nothing to go on in
                if joins and (not started or (column - 1) % columns == 0):
                    continue
                at, after, cells = column, stats, []
                for number, piece in enumerate(pieces):
                    if not (joins and number == 0):
                        if at == 0 and not piece.one_line:
                            break  # a row label is one line
                        at = (at + 1) % columns
                        cells.append([])
                    after = placed(after, (at - 1) % columns, piece)
                    if after is None:
                        break
                    if cells:
                        cells[-1].append(piece.text)
                else:
                    yield at, after, (joins, pieces[0].text if joins else None, cells)

    def count(index: int, column: int, started: bool, stats: Stats) -> int:
        key = (index, column, started, stats)
        if key not in memo:
            if len(memo) > _MAX_TABLE_STEPS:
                raise OverflowError
            if index == len(readings):
                memo[key] = int(column == 0 and started and all(
                    high == -inf or top <= high + TABLE_WRAP_TOLERANCE
                    for _, high, top in stats))
            else:
                memo[key] = min(2, sum(count(index + 1, at, True, after)
                                       for at, after, _ in choices(index, column, started,
                                                                   stats)))
        return memo[key]

    try:
        if count(0, 0, False, start) != 1:
            return None
    except OverflowError:
        return None
    cells: list[list[str]] = []
    index, column, started, stats = 0, 0, False, start
    while index < len(readings):
        column, stats, (joins, first, new) = next(
            (at, after, made) for at, after, made in choices(index, column, started, stats)
            if count(index + 1, at, True, after) == 1)
        if joins:
            cells[-1].append(first)
        cells.extend(new)
        index, started = index + 1, True
    texts = [" ".join(cell) for cell in cells]
    return [header] + [texts[row : row + columns] for row in range(0, len(texts), columns)]


_ITEM = re.compile(r"(?:^|\s)\d{1,2}\.\s")
#: states :func:`rebuild_cell_per_line_table` may visit before it gives up (a table whose
#: text allows many readings); the tables it rebuilds in the matrix need fewer than 500
_MAX_CELL_LINE_STEPS = 5_000
_FIRST_ITEM = re.compile(r"^1\.\s")
#: a numbered item opening a line: ``2. 國務委員長…``
_NUMBERED = re.compile(r"\d{1,2}\.\s")


def cell_text(lines: list[str]) -> str:
    """A rebuilt cell's printed lines as one text: joined as a paragraph's are
    (:func:`join_text`), a numbered item one space after the item before it:
    ``…大幅減`` / ``少。`` / ``2. 國務委員長…`` → ``…大幅減少。 2. 國務委員長…``."""
    text = lines[0]
    for line in lines[1:]:
        text = text + " " + line if _NUMBERED.match(line) else join_text(text, line)
    return text


def rebuild_cell_per_line_table(table: list[Line], header_lines: int, breaks: set[int],
                                first_indent: int = 0) -> list[list[str]] | None:
    """The cells of a table an extractor read one printed cell line per line (PyMuPDF,
    pypdf, PDFium of a Word or LibreOffice PDF), when the text allows only one reading.
    Reported as ``rebuild_cell_per_line_table`` by :func:`_flattened_table`.

    The extractor reads each row's cells left to right and each cell's printed lines top
    down; it marks no cell's end.  ``header_lines``: how many lines the header row takes,
    known from its repeat at the top of the next page (:func:`drop_repeated_table_header`);
    ``breaks``: the indexes of the lines that open such a page.  The table is rebuilt when
    exactly one set of cells fits all of these:

    * the header is N cells (N ≥ 2) without Latin letters or digits, one line each, or
      side by side on one line (pypdf: ``領域 作法 意義``);
    * every row has N non-empty cells, in order; the first (the row label) is one line;
      cells that start on one baseline may share a line, a space apart (pypdf: ``黨 增設黨
      中央監察委員會和``), each but the last of them one line; where the header is one line
      (the extractor joins a baseline's pieces), a one-line cell and the next cell always do;
    * a column's lines that go on to the next line are all as wide as its widest one, less
      at most :data:`TABLE_WRAP_TOLERANCE` (a cell's first line also less the paragraphs'
      first-line indent, where the cells have it), and none of its lines is wider than that
      line plus the tolerance;
    * a numbered list that starts again (``1.`` after a cell's ``1.``/``2.``) opens a cell;
    * a row the page splits has all its cells started on the first page; after the page
      break the lines before the next row label go on in the cells that were longest on
      that page, in column order (a cell that reached the page bottom; Word fills each cell
      top down), and those cells' last lines there went on.

    Before (pypdf, 002-01 in 10.5pt-dense, <表二>): ``領域 作法 意義`` / ``黨 增設黨中央監察委員
    會和規`` / ``律調查部，打破單位特殊化的本`` / ``黨機器的運作獲得強化，避`` / ``免出現單位獨大的
    問題，提高黨`` / (new page, the header again, dropped) ``位主義，加強黨高層幹部管理和`` /
    ``思想教育。`` / ``行政效率，從中央貫徹到地方。`` / ``政 1. 內閣閣員的現地了解次數`` / …
    After: ``| 領域 | 作法 | 意義 |`` / ``| --- | --- | --- |`` / ``| 黨 | 增設…本位主義，加強黨
    高層幹部管理和思想教育。 | 黨機器…提高黨行政效率，從中央貫徹到地方。 |`` / ``| 政 | 1. 內閣
    閣員…方向。 | 1. 內閣負起…體系」。 |`` / ``| 軍 | … | … |``: both 黨 cells reached the page
    bottom (two lines each), and of the three lines after the break only ``位主義…管理和`` /
    ``思想教育。`` | ``行政效率…地方。`` fits (``思想教育。`` is no full line that went on).
    Not rebuilt (12pt, the same table), where the 作法 and 意義 columns are equally wide (22):
    in PyMuPDF's text (every cell line a line of its own) ``總政治局長的地位大幅弱`` may as well
    be a fourth row's label; in pypdf's, ``和法令決定的最終單位。`` the 意義 cell's first line.
    Each stays a fenced text block.
    A cell's lines are joined as a paragraph's are (:func:`join_text`), with one space
    before a numbered item.  Any other reading that also fits leaves a fenced text block.
    Returns the header row and the body rows, or None.
    """
    if header_lines < 1 or len(table) <= header_lines:
        return None
    header = " ".join(line.text for line in table[:header_lines]).split(" ")
    columns = len(header)
    if columns < 2 or any(not name or re.search(r"[A-Za-z0-9]", name) for name in header):
        return None
    if any(line.page_start for line in table[1:]):
        return None  # a page break where no header was printed again: not read here
    body = table[header_lines:]
    starts = {index - header_lines for index in breaks}
    options: list[list[list[tuple[str, float]]]] = []  # per line: its splits into cells
    for line in body:
        words = line.text.split(" ")
        if len(words) - 1 > _MAX_TABLE_SPACES:
            return None
        splits = []
        for pieces in ways_to_split(words):
            if all(pieces) and (len(pieces) == 1 or not any(
                    re.search(r"\d{1,2}\.$", piece) for piece in pieces[:-1])):
                splits.append([(piece, printed_width(piece)) for piece in pieces])
        options.append(splits)

    found: list[list[list[str]]] = []
    for indent in sorted({0, first_indent}):
        try:
            rows = _read_cell_lines(header, options, starts, indent,
                                    merged=header_lines == 1)
        except OverflowError:
            return None
        if rows == "ambiguous":
            return None
        if rows is not None and rows not in found:
            found.append(rows)
    return found[0] if len(found) == 1 else None


# a cell of the row being read: lines on this page, last line's width, whether that line is
# the cell's first, whether the cell holds a numbered item
_Cell = tuple[int, float, bool, bool]
_Stats = tuple[tuple[float, float, float], ...]


def _read_cell_lines(header: list[str], options: list[list[list[tuple[str, float]]]],
                     starts: set[int], indent: int, merged: bool = False):
    """The cells of :func:`rebuild_cell_per_line_table` for one first-line indent: the rows,
    None when no reading fits, "ambiguous" when more than one does."""
    columns = len(header)
    memo: dict = {}

    def placed(stats: _Stats, column: int, wrapped: float | None, width: float) -> _Stats | None:
        low, high, top = stats[column]
        if wrapped is not None:
            low, high = min(low, wrapped), max(high, wrapped)
        top = max(top, width)
        if high - low > TABLE_WRAP_TOLERANCE or top > low + 2 * TABLE_WRAP_TOLERANCE:
            return None
        return stats[:column] + ((low, high, top),) + stats[column + 1 :]

    def went_on(cell: _Cell) -> float:
        """The printed width a cell's last line would have if it went on to the next."""
        return cell[1] + (indent if cell[2] else 0)

    def moves(index: int, state):
        """(next state, [(column, text, opens)]) for each way to read line ``index``."""
        mode, column = state[0], state[1]
        at_break = index in starts
        if at_break and (mode != "row" or column != columns - 1):
            return  # a row the page splits has all its cells started before the break
        for pieces in options[index]:
            yield from walk(pieces, 0, state, [], at_break)

    def walk(pieces, number: int, state, made, at_break: bool):
        if number == len(pieces):
            yield state, made
            return
        mode, column, later, row, stats = state
        text, width = pieces[number]
        choices: list = []
        if len(pieces) == 1 and not at_break and column != 0:
            choices.append(("on", column, later))
        if at_break and number == 0:
            longest = max(cell[0] for cell in row)
            cut = [c for c in range(1, columns) if row[c][0] == longest]
            choices += [("back", c, tuple(m for m in cut if m > c)) for c in cut]
        elif mode == "rest":
            choices += [("back", c, tuple(m for m in later if m > c)) for c in later]
        choices.append(("next", 0 if mode == "rest" else (column + 1) % columns, ()))
        for kind, target, rest in choices:
            cell = row[target]
            if kind == "next":
                if merged and number == 0 and target >= 1 and row[target - 1][0] == 1 \
                        and row[target - 1][2] and not at_break:
                    continue  # it would share the line of the one-line cell before it
                after = placed(stats, target, None, width)
                if after is None:
                    continue
                opened = (1, width, True, bool(_ITEM.search(text)))
                if target == 0:
                    new_row = (opened,) + tuple((0, 0.0, False, False)
                                                for _ in range(columns - 1))
                else:
                    new_row = row[:target] + (opened,) + row[target + 1 :]
                yield from walk(pieces, number + 1, ("row", target, (), new_row, after),
                                made + [(target, text, True)], at_break)
                continue
            if _FIRST_ITEM.match(text) and cell[3]:
                continue  # a numbered list that starts again opens a cell
            after = placed(stats, target, went_on(cell), width)
            if after is None:
                continue
            base = row
            if at_break and number == 0:  # a new page: its lines are counted afresh
                base = tuple((0, c[1], c[2], c[3]) for c in row)
            gone_on = (base[target][0] + 1, width, False, cell[3] or bool(_ITEM.search(text)))
            new_row = base[:target] + (gone_on,) + base[target + 1 :]
            new_mode = mode if kind == "on" else "rest"
            yield from walk(pieces, number + 1, (new_mode, target, rest, new_row, after),
                            made + [(target, text, False)], at_break)

    def count(index: int, state) -> int:
        key = (index, state)
        if key not in memo:
            if len(memo) > _MAX_CELL_LINE_STEPS:
                raise OverflowError
            if index == len(options):
                mode, column, _, _, stats = state
                memo[key] = int((mode == "rest" or column == columns - 1) and all(
                    high == -inf or top <= high + TABLE_WRAP_TOLERANCE
                    for _, high, top in stats))
            else:
                memo[key] = min(2, sum(count(index + 1, after)
                                       for after, _ in moves(index, state)))
        return memo[key]

    stats: _Stats = tuple((inf, -inf, printed_width(name)) for name in header)
    start = ("row", columns - 1, (), tuple((0, 0.0, False, False) for _ in header), stats)
    total = count(0, start)
    if total != 1:
        return "ambiguous" if total > 1 else None
    cells: list[list[list[str]]] = []  # rows of cells of lines
    state = start
    for index in range(len(options)):
        state, made = next((after, made) for after, made in moves(index, state)
                           if count(index + 1, after) == 1)
        for column, text, opens in made:
            if opens and column == 0:
                cells.append([[] for _ in range(columns)])
            cells[-1][column].append(text)
    return [header] + [[cell_text(lines) for lines in row] for row in cells]


_GLOSS = re.compile(r"^[（(][A-Za-z][A-Za-z .,'’\-]*[）)]")
_TERM_AT_END = re.compile(r"[^。！？!?.…；：，、\s][」』》〉]$")


def opens_with_gloss(previous: str, text: str) -> bool:
    """A paragraph never opens with an English gloss in brackets: it glosses the term that
    ends the text before, where the page broke (one-line-per-paragraph text: pymupdf4llm).

    Before: ``…英國「將採取一種『行動主導途徑』`` / (footnotes, page number) /
    ``（campaigning approach），以最小化他國對我方施加脅迫…``
    After: one paragraph ``…一種『行動主導途徑』（campaigning approach），以最小化…``
    Only after a quoted term or title (``』 」 》 〉`` not after a sentence end).
    """
    return bool(_GLOSS.match(text)) and bool(
        _TERM_AT_END.search(_FOOTNOTE_REF_AT_END.sub("", previous) or previous))


def ends_on_quoted_term_before_notes(previous: str, lines_between: int) -> bool:
    """A paragraph does not end on a quoted term or title: where footnotes or page furniture
    were taken out after it, the page broke inside the sentence (one-line-per-paragraph
    text: pymupdf4llm).

    Before: ``…美國甚至建議中國在「十五五」`` / (footnote 1, two lines) /
    ``規劃中，將中國經濟結構從生產性經濟體轉為消費型的經濟體。…``
    After: one paragraph ``…建議中國在「十五五」規劃中，將中國經濟結構…``
    Only after ``」 』 》 〉`` that close a term, not a sentence (``。」`` ends one), and only
    when more than a blank line lies between the two lines in the source.
    """
    return lines_between > 1 and bool(
        _TERM_AT_END.search(_FOOTNOTE_REF_AT_END.sub("", previous) or previous))


_KEYWORDS_LINE = re.compile(r"^(關鍵詞|關鍵字)\s*[:：]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def keywords_line_ends(previous: str, text: str) -> bool:
    """A Chinese keywords line is not continued by a line without Chinese characters: the
    English title that a journal prints next is no part of it (one-line-per-paragraph text,
    pymupdf4llm, where a line not ending a sentence is taken for a page-split paragraph).

    Before: ``關鍵詞：金正恩、朝鮮勞動黨、北韓、韓半島`` / ``**The influence and Prospects of
    the 10th cycle of Kim Jong Un's reign: Focus on recent nuclear**`` / ``# **strategy**``
    After: the keywords line stays alone (and becomes metadata); the English title is a
    block of its own.
    """
    return bool(_KEYWORDS_LINE.match(previous)) and not _CJK.search(text)


_LATIN_KEYWORDS_LINE = re.compile(r"^Key\s?words\s*[:：]", re.IGNORECASE)


def latin_keywords_end(first: str, text: str) -> bool:
    """An English keywords paragraph is not continued by a line with Chinese characters:
    it ends the English abstract, and what a journal prints next (the Chinese title, the
    first section) is no part of it (hard-wrapped text, where the keywords fill a whole
    line and so do not end short).

    Before (pdftotext, 10.5pt-dense): ``Keywords: Kim Jun Un, Workers' Party of Korea, North
    Korea, DPRK, Korean peninsula`` / ``金正恩政權 10 週年的政策評析與影響：`` /
    ``以近期核戰略變化為中心`` / ``壹.緒論``
    After: the keywords paragraph ends at ``peninsula``; the two title lines stay blocks of
    their own (and become the title and subtitle).
    ``first``: the paragraph's first line; ``text``: the next line.
    """
    return bool(_LATIN_KEYWORDS_LINE.match(first)) and bool(_CJK.search(text))


#: the label that opens a figure's or table's source line
_SOURCE_LABEL = re.compile(r"^(?:資料來源|來源|Sources?)\s*[：:]")


def opens_with_source_label(text: str) -> bool:
    """A figure's or table's source line (``資料來源：…``) opens a block of its own: it is
    never the rest of a paragraph the page broke, though the caption above it ends with no
    sentence mark (one-line-per-paragraph text: pymupdf4llm, where the page's footnotes
    stand between the two).

    Before: ``圖、雅魯藏布江水電站位置`` / (footnotes 17–21) / ``資料來源：〈中國雅魯藏布江大壩
    動工 看懂印度孟加拉為何憂慮〉，《中央 社》，2025 年 7 月 23`` / ``日，https://www.cna.com.tw/…``
    After: the caption ``圖、雅魯藏布江水電站位置`` and the paragraph ``資料來源：〈…〉，《中央社》，
    2025 年 7 月 23 日，https://www.cna.com.tw/…`` (its own rest is still joined).
    """
    return bool(_SOURCE_LABEL.match(text))


def nest_unnumbered_subheadings(previous: Block | None, level: int, text: str, line: int,
                                report: Report) -> int:
    """An unnumbered Markdown heading right under a numbered section heading, before the
    section's first paragraph, is its subheading: one level down, whatever ``#`` count the
    extractor gave it (one-line-per-paragraph text; :func:`find_unnumbered_subheadings` does
    the same in hard-wrapped text).

    Before (pymupdf4llm, 10.5pt-dense: every heading in the same font size):
    ``## **參、趨勢研判**`` / ``## **美國將在南太平洋取得暫時優勢**`` / ``中國在 2022 年…``
    After: ``## 參、趨勢研判`` / ``### 美國將在南太平洋取得暫時優勢``.
    Returns ``level`` unchanged unless it is not below the numbered heading's.
    """
    if (previous is None or previous.kind != "heading" or previous.level not in (2, 3)
            or level > previous.level
            or not heading_level(previous.text, MAX_LINE_HEADING_LENGTH)):
        return level
    report.add("find_unnumbered_headings", line, "#" * level + " " + text,
               "#" * (previous.level + 1) + " " + text)
    return previous.level + 1


def continues_at_page_top(last: Line | None, line: Line, wrap: Wrap,
                          lines_between: int) -> bool:
    """A paragraph that ends a sentence at the very end of a page's last line goes on at
    the next page's top when that page's first line is not indented (one-line-per-paragraph
    text whose paragraphs open with an indent, :func:`~zhiku.clean.layout.measure_joined_indent`).

    Before (pymupdf4llm, 10.5pt-dense, full line 92, indent 4): ``白皮書的論述策略，…藉此
    合理化自身的安全行動。`` (its last printed line 92 wide) / (footnotes 1–4, page number) /
    ``中共在白皮書中所描繪的和平願景，…`` (its first printed line 92 wide: no indent)
    After: one paragraph ``…藉此合理化自身的安全行動。中共在白皮書中所描繪的和平願景，…``
    Only when both lines are full to within half an indent (and hold no Latin letters, so
    that their widths are exact), and more than a blank line lies between them in the source
    (the page's footnotes or furniture).
    """
    if last is None or wrap.first_indent < 3 or lines_between <= 1 \
            or last.wrap_edges is None or line.wrap_edges is None:
        return False
    ends, opens = last.wrap_edges[1], line.wrap_edges[0]
    return (ends is not None and opens is not None
            and abs(ends) < wrap.first_indent / 2 and abs(opens) < wrap.first_indent / 2)


def continues_unindented(last: Line | None, line: Line, wrap: Wrap, lines_between: int) -> bool:
    """Two paragraphs pymupdf4llm made of one on a page of double-spaced print, where a
    sentence ends a full printed line: the next line is full too, not short by the
    paragraphs' first-line indent, so it opens no paragraph (one-line-per-paragraph text
    whose paragraphs open with an indent; :func:`continues_at_page_top` across a page).

    Before (a4-double-headnum, full line 74, indent 4): ``…間恐將難以重啟對話。`` (its last
    printed line 74 wide) / ``由於北韓在俄烏戰爭的立場，…`` (its first printed line 74)
    After: one paragraph. So after a paragraph of one printed line that fills the line
    after its indent (``現階段欲問鼎…被歸類為「友中派」者。``, 70 wide: its first line, full).
    Only where both lines hold no Latin letters (their widths are then exact), with one
    blank line between them in the source.
    """
    if last is None or wrap.first_indent < 3 or lines_between != 1 or line.wrap_edges is None:
        return False
    opens = line.wrap_edges[0]
    if opens is None or abs(opens) >= wrap.first_indent / 2:
        return False
    if last.wrap_edges is not None:  # a paragraph of several printed lines
        ends = last.wrap_edges[1]
        return ends is not None and abs(ends) < wrap.first_indent / 2
    # one printed line (no wrap edges noted): its first line, full after the indent
    if LATIN_LETTER.search(last.text) or printed_width(last.text) > wrap.full:
        return False
    return abs(wrap.full - printed_width(last.text) - wrap.first_indent) < wrap.first_indent / 2


_CLAUSE_END = ("，", "、", "；", "：")


def ends_far_short(last: Line | None, line: Line, wrap: Wrap) -> bool:
    """A paragraph whose last printed line stops far short of the margin (by more than a
    quarter of a line), with room for what opens the next line, ended there, even at a
    comma: a page cuts a paragraph after a full line. So the next line opens a paragraph
    (one-line-per-paragraph text, the printed lines' widths noted: ``Line.wrap_edges``).

    Before (pymupdf4llm, 002-01 in 12pt, full line 76): ``…可能會成為金正恩政權的不穩定因素，``
    (its last printed line 35 wide) / ``他的核戰略除了成功維持住…``
    After: two paragraphs, the first ending ``…的不穩定因素，`` (the author's comma).
    Only after a clause's end: a line that stops inside a word had a footnote the extractor
    set on its line moved off it, and the widths noted were the footnote's (003-03, a5-11pt:
    ``…「堅持一個中國原則」與九二共 4 引文中所指之…`` / ``識，並反對…``).
    """
    if last is None or last.wrap_edges is None or last.wrap_edges[1] is None or not wrap.full \
            or not last.text.endswith(_CLAUSE_END):
        return False
    room = last.wrap_edges[1]
    return room > wrap.full / 4 and room >= opening_unit_width(line.text)


def sentence_set_as_heading(text: str) -> bool:
    """Body text an extractor set as a Markdown heading: no numbering, and it ends a
    sentence with ``。`` (a heading never does). It is a paragraph line, and goes on the
    paragraph a page broke where that one stops mid-sentence.

    Before (pymupdf4llm, 001-04 in two columns, at a column's top): ``…近期的對南廣`` /
    ``#### **播更是難以取得明顯的重大成效，僅能利用噪音和空 飄垃圾氣球在韓國境內製造恐慌。**``
    After: one paragraph ``…近期的對南廣播更是難以取得明顯的重大成效，…製造恐慌。``
    """
    return (not heading_level(text, MAX_LINE_HEADING_LENGTH)
            and (_FOOTNOTE_REF_AT_END.sub("", text) or text).endswith("。"))


def caption_set_as_heading(text: str) -> bool:
    """A table's or figure's caption that the extractor set as a Markdown heading (its font
    is larger or bold) is a caption, kept as a paragraph of its own; nor does the table's
    text after it (or after a caption set plainly) go on its line (one-line-per-paragraph
    text: pymupdf4llm).

    Before (pymupdf4llm, 002-01 in a5-11pt): ``…有關金正恩時代 的國家正常化措施可參考<表二>。 `` /
    ``### <表二> 北韓近期國家正常化的主要策略 `` / ``領域 作法 意義 黨 增設黨中央監察 …``
    After: the paragraph ``<表二> 北韓近期國家正常化的主要策略``, not a ``###`` heading, and the
    table's text a block of its own.

    So for a figure's caption that opens with ``圖`` (and its number) and a colon or an
    enumeration comma (:data:`FIGURE_CAPTION`; never a word such as ``圖們江``):
    Before (pymupdf4llm, 001-08 in letter-14pt-sans): ``#### 圖、雅魯藏布江水電站位置`` /
    ``資料來源：〈中國雅魯藏布江大壩動工 看懂印度孟加拉為何憂慮〉，…``
    After: the paragraph ``圖、雅魯藏布江水電站位置``, then the source line.
    """
    return bool(TABLE_CAPTION.match(text) or FIGURE_CAPTION.match(text))


def _line_paragraphs(lines: list[Line], report: Report, wrap: Wrap) -> list[Block]:
    blocks: list[Block] = []
    last_no = 0  # source line of the last paragraph line
    last: Line | None = None  # the last paragraph line
    table: Block | None = None  # the extractor's Markdown table being read
    heading_line: re.Match | None = None  # the last line, when a Markdown heading
    table_until = -1  # the last line of a table's text kept after its caption
    for index, line in enumerate(lines):
        if line.gap or index <= table_until:
            continue
        if blocks and blocks[-1].kind == "paragraph" and blocks[-1].line == last_no \
                and TABLE_CAPTION.match(blocks[-1].text):
            table_until = keep_table_lines_after_caption(lines, index, blocks, report, wrap)
            if table_until >= index:
                continue
        if _MARKDOWN_TABLE_ROW.match(line.text):
            table = keep_markdown_table(table, line, blocks, report)
            continue
        if blocks and blocks[-1].markdown_table and table_goes_on_below_its_header(
                blocks[-1], line):
            report.add("table_goes_on_below_its_header", line.no, line.text[:20],
                       "the table's rest")
            blocks[-1].text += "\n" + line.text
            continue
        table = None
        markdown = _MARKDOWN_HEADING.match(line.text)
        if markdown and caption_set_as_heading(markdown.group(2)):
            report.add("caption_set_as_heading", line.no, line.text.strip(), markdown.group(2))
            blocks.append(Block("paragraph", markdown.group(2), line.no))
            last_no, last = line.no, line
            continue
        if markdown and sentence_set_as_heading(markdown.group(2)):
            report.add("sentence_set_as_heading", line.no, line.text.strip(), markdown.group(2))
            line = dataclasses.replace(line, text=markdown.group(2))
            markdown = None
        if markdown and join_heading_wrapped_in_two(blocks[-1] if blocks else None,
                                                    heading_line, markdown, wrap):
            report.add("join_heading_wrapped_in_two", line.no, line.text,
                       blocks[-1].text + " | " + markdown.group(2))
            blocks[-1].text = join_text(blocks[-1].text, markdown.group(2))
            heading_line = None  # (a heading's last line: what follows is no more of it)
            continue
        heading_line = markdown
        if markdown:
            # the numbering says the level (壹、 → 2, 一、 → 3, （一） → 4); an extractor's
            # ``#`` count follows font sizes (pymupdf4llm: ``### 壹、前言`` in a small layout)
            level = heading_level(markdown.group(2), MAX_LINE_HEADING_LENGTH)
            if not level:
                level = nest_unnumbered_subheadings(
                    blocks[-1] if blocks else None, max(2, min(4, len(markdown.group(1)))),
                    markdown.group(2), line.no, report)
            blocks.append(Block("heading", markdown.group(2), line.no, level))
            continue
        previous = blocks[-1] if blocks else None
        page_top = unindented = False
        if (
            previous is not None
            and previous.kind == "paragraph"
            and not heading_level(previous.text, MAX_LINE_HEADING_LENGTH)
            and not heading_level(line.text, MAX_LINE_HEADING_LENGTH)
            and (not (_FOOTNOTE_REF_AT_END.sub("", previous.text) or "。").endswith(_SENTENCE_END)
                 or opens_with_gloss(previous.text, line.text)
                 or ends_on_quoted_term_before_notes(previous.text, line.no - last_no - 1)
                 or (page_top := continues_at_page_top(last, line, wrap, line.no - last_no - 1))
                 or (unindented := continues_unindented(last, line, wrap,
                                                        line.no - last_no - 1)))
            and not keywords_line_ends(previous.text, line.text)
            and not opens_with_source_label(line.text)
            and not TABLE_CAPTION.match(previous.text)
            and not ends_far_short(last, line, wrap)
        ):
            fix = ("continues_at_page_top" if page_top else
                   "continues_unindented" if unindented else "join_page_split_paragraph")
            rest = _bullet_inside_a_word(previous.text, line.text)
            report.add(fix, line.no, previous.text[-8:] + " | " + line.text[:8],
                       previous.text[-8:] + rest[:8])
            previous.text = join_text(previous.text, rest)
            last_no, last = line.no, line
            continue
        blocks.append(Block("paragraph", line.text, line.no))
        last_no, last = line.no, line
    return blocks


def _bullet_inside_a_word(previous: str, text: str) -> str:
    """``text`` without the list mark pymupdf4llm set before a page-split paragraph's rest,
    where the page broke the paragraph inside a word (003-01 in a4-double-headnum:
    ``…建立相應的處理機`` / ``- 制，美中間日益尖銳的…`` → ``…處理機制，美中間…``); a mark
    after punctuation (``…包括：`` / ``- 第一``) is left as it is."""
    if text.startswith("- ") and re.search(r"[\u3400-\u9fff]$", previous):
        return text[2:]
    return text


def keep_table_lines_after_caption(lines: list[Line], start: int, blocks: list[Block],
                                   report: Report, wrap: Wrap) -> int:
    """A table or figure whose text an extractor wrote as lines of their own after its
    caption, one printed line each or a few cells joined, stays a fenced text block, never
    joined into paragraphs (one-line-per-paragraph text: pymupdf4llm, where a cell may come
    as a heading or a list item, and its numbers as code). The block runs to a numbered
    heading, a source line, or a line of prose (a piece between spaces as wide as a line).

    Before (pymupdf4llm, 002-01 in 12pt): ``〈表一〉北韓核戰略的綜合目標7`` / ``領域 當前目標 未來目標``
    / ``核武裝`` / ``預估數量： `50<X<100` `` / … / ``#### 政治`` / ``- 外交`` / … /
    ``## 肆.對外維持高度穩定的樞紐地位``
    After: the caption, then ```` ```text ```` ``領域 當前目標 未來目標`` / ``核武裝`` /
    ``預估數量： 50<X<100`` / … / ``政治`` / ``外交`` / … ```` ``` ````, then the heading.
    Not where a Markdown table follows (:func:`keep_markdown_table`), nor where the run has
    no such end within :data:`MAX_TABLE_LINES` lines. Returns the index of the table's
    last line, ``start - 1`` when there is none.
    """
    if wrap.full <= 0:
        return start - 1
    rows: list[tuple[Line, str]] = []  # each line, and its text without the markup
    for index in range(start, len(lines)):
        line = lines[index]
        if line.gap:
            continue
        if _MARKDOWN_TABLE_ROW.match(line.text):
            if not rows:
                return start - 1
            rows.append((line, line.text))  # the rest of the table, as the extractor wrote it
            continue
        # (its text as printed: the spaces that set cells apart, not wrap spaces, where the
        # extractor joined a few printed lines of cells)
        text = _TABLE_LINE_MARKUP.sub(lambda m: m.group(1) or "", line.printed or line.text).strip()
        if _CODE_FENCE_LINE.match(line.text) or not text:  # (``2012-2017`` set as code)
            rows.append((line, ""))
            continue
        if (heading_level(text, MAX_LINE_HEADING_LENGTH) or opens_with_source_label(text)
                or max(map(_printed_width, text.split())) >= HEADING_LINE_SHARE * wrap.full):
            if not any(kept for _, kept in rows):
                return start - 1
            blocks.append(Block("preformatted", "\n".join(kept for _, kept in rows if kept),
                                rows[0][0].no))
            for row, kept in rows:
                if kept != row.text.strip():
                    report.add("keep_table_lines_after_caption", row.no, row.text.strip(), kept)
            report.add("keep_table_lines_after_caption", rows[0][0].no, f"{len(rows)} lines",
                       "fenced text block, up to " + text[:12])
            return index - 1
        rows.append((line, text))
        if len(rows) > MAX_TABLE_LINES:
            return start - 1
    return start - 1


_CODE_FENCE_LINE = re.compile(r"^\s*```\w*\s*$")
#: an extractor's Markdown on a table's line: a heading's ``#``, a list item's ``- ``, a
#: code span's backticks (pymupdf4llm sets a cell's numbers so: ``預估數量： `50<X<100` ``),
#: an underline's tags (``<u>領域 作法</u> 意義 黨 …``)
_TABLE_LINE_MARKUP = re.compile(r"^(?:#{1,6}|-)\s+|`([^`]*)`|</?u>")


#: a heading line this part of a body line wide or more may have wrapped
HEADING_LINE_SHARE = 0.8


def join_heading_wrapped_in_two(previous: Block | None, previous_line: re.Match | None,
                                markdown: re.Match, wrap: Wrap) -> bool:
    """A numbered heading as wide as a body line, then a Markdown heading line without
    numbering in the same ``#`` (the same font size): the heading wrapped, and the extractor
    wrote each printed line as a heading.

    Before (pymupdf4llm, 003-02 in two columns, full line 46): ``### **一、美國介入角色更為
    積極，強化美烏雙方之戰**`` (42) / ``### **略聯盟關係**``
    After: ``### 一、美國介入角色更為積極，強化美烏雙方之戰略聯盟關係``.
    A short numbered heading is followed by its subheading (``## 參、趨勢研判`` / ``## 美國
    將在南太平洋取得暫時優勢``: :func:`nest_unnumbered_subheadings`).
    """
    return (previous is not None and previous.kind == "heading" and wrap.full > 0
            and previous_line is not None and markdown.group(1) == previous_line.group(1)
            and bool(heading_level(previous.text, MAX_LINE_HEADING_LENGTH))
            and not heading_level(markdown.group(2), MAX_LINE_HEADING_LENGTH)
            and _printed_width(previous_line.group(2)) >= HEADING_LINE_SHARE * wrap.full)


#: a row of a Markdown table an extractor wrote (pymupdf4llm): ``|領域|作法|意義|``
_MARKDOWN_TABLE_ROW = re.compile(r"^\|.*\|$")


def keep_markdown_table(table: Block | None, line: Line, blocks: list[Block],
                        report: Report) -> Block:
    """A Markdown table an extractor wrote stays a block of its own, its rows as written,
    never joined to the prose before or after it.

    pymupdf4llm writes a table as a Markdown table with a row for each printed line, the
    rows a cell's wrapped lines go on in with the label cell empty, ``<br>`` where it kept a
    cell's line break, and a second table with the header again where the page broke it.
    Before (002-01, 12pt): ``|領域|作法|意義|`` / ``|---|---|---|`` / ``|黨|增設黨中央監察委員會和|黨機
    器的運作獲得強化，|`` / ``||規律調查部，打破單位特|避免出現單位獨大的問|`` / … /
    ``依照<表一>和上述內容，…`` (read as one paragraph with the rows: ``|區分|…|透明| 依照…``)
    After: the rows in a ```` ```text ```` block, then the paragraph. Its rows are printed
    lines, not the table's rows, so it is not passed on as a table
    (:func:`settle_markdown_tables` decides, once the table is read).
    Returns the block the next row goes into.
    """
    if table is None:
        table = Block("preformatted", line.text, line.no, markdown_table=True)
        blocks.append(table)
    else:
        table.text += "\n" + line.text
    return table


def table_goes_on_below_its_header(table: Block, line: Line) -> bool:
    """Is ``line`` the rest of a Markdown table the extractor wrote, on the next page: a
    line that opens with the table's header cells (printed again atop the page) and holds
    more? pymupdf4llm may write that part as a plain line (002-01 in letter-14pt-sans:
    ``|領域|作法|意義|`` / … / ``||省，外交權回歸內閣，||`` / (the page's footnotes) /
    ``領域 作法 意義 國務委員會成為政令公 布和法令決定的最終單 位。 3. 金正恩…``). It goes in
    the table's block, as written."""
    header = [cell.strip() for cell in _CELL_BORDER.split(table.text.split("\n")[0].strip("|"))]
    opening = " ".join(cell for cell in header if cell)
    return bool(opening) and len(header) >= 2 and line.text.startswith(opening + " ")


_DELIMITER_ROW = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")


def whole_table_rows(rows: list[str]) -> list[list[str]] | None:
    """The cells of a Markdown table whose every row is a whole table row: a header, the
    delimiter row, then rows of as many cells as the header, none empty and none holding
    ``<br>``.  None otherwise.

    zhiku's own reading of a PDF writes a table so only where it read every cell
    (:mod:`zhiku.pdftables`): ``| 區分 | 觸媒姿態 |`` / ``| --- | --- |`` / ``| 對象 | 第三方提供
    援助的國家，或潛在盟國 |``.  pymupdf4llm writes a row for each printed line, so a cell that
    wraps leaves the others empty on its next lines (``||規律調查部，…|避免出現…|``): each of
    its 39 tables in the PDF matrix has an empty cell or a ``<br>``, and stays a fenced block.
    """
    if len(rows) < 3 or not _DELIMITER_ROW.match(rows[1].replace(" ", "")):
        return None
    table = []
    for row in rows[:1] + rows[2:]:
        cells = [cell.strip().replace("\\|", "|")
                 for cell in _CELL_BORDER.split(row.strip()[1:-1])]
        if "<br>" in row or any(not cell for cell in cells):
            return None
        table.append(cells)
    return table if all(len(cells) == len(table[0]) for cells in table) else None


def settle_markdown_tables(blocks: list[Block], report: Report) -> None:
    """A Markdown table the source wrote becomes a table where its rows are whole
    (:func:`whole_table_rows`), else stays a fenced text block; reported either way.  A
    row that repeats the header (zhiku's reading of a PDF passes on the header a page
    printed again) is dropped and reported: the author wrote the header once."""
    for block in blocks:
        if not block.markdown_table:
            continue
        rows = whole_table_rows(block.text.split("\n"))
        if rows is None:
            report.add("keep_markdown_table", block.line, block.text[:20], "fenced text block")
            continue
        for index in range(len(rows) - 1, 0, -1):
            if rows[index] == rows[0]:  # the header printed again where a page broke it
                report.add("drop_repeated_table_header", block.line, " | ".join(rows[0]),
                           "kept once")
                del rows[index]
        block.kind, block.rows = "table", rows
        block.text = "\n".join(" | ".join(row) for row in rows)
        report.add("keep_markdown_table", block.line, block.text[:20],
                   f"table of {len(rows) - 1} rows × {len(rows[0])} columns")


#: how far apart (in characters) ``pdftotext -layout`` may set the starts of one column's
#: cell lines: a row's first line and the lines under it, a line that runs into the next cell
LAYOUT_COLUMN_JITTER = 6
_SPACE_RUN = re.compile(r" {2,}")


def _layout_chunks(line: Line) -> list[tuple[int, str]] | None:
    """The pieces of a ``pdftotext -layout`` line that runs of spaces set apart, each with
    the character column it starts at: ``␠␠黨␠␠␠␠增設`` → ``[(2, "黨"), (8, "增設")]``.
    None where the line's text no longer is the printed text less spaces (a fix changed it)."""
    printed = line.printed or line.text
    if printed.replace(" ", "") != line.text.replace(" ", ""):
        return None
    chunks, at = [], 0
    for match in _SPACE_RUN.finditer(printed + "  "):
        if match.start() > at:
            chunks.append((line.indent + at, printed[at : match.start()]))
        at = match.end()
    return chunks


def _layout_header(lines: list[Line]) -> tuple[int, list[str], list[int]] | None:
    """The header row of a ``pdftotext -layout`` table at the top of ``lines``: how many
    lines it takes (one, or two where a cell's text wraps and the others are set at the
    bottom), its cells, and the columns its last line's cells start at."""
    top = _layout_chunks(lines[0]) if lines else None
    second = _layout_chunks(lines[1]) if len(lines) > 1 else None
    if not top:
        return None
    if second and len(second) > len(top) and second[0][0] + LAYOUT_COLUMN_JITTER < top[0][0]:
        count, bottom = 2, second  # the first line has no text in the first column
    elif len(top) >= 2:
        count, bottom = 1, top
    else:
        return None
    cells = [text for _, text in bottom]
    if count == 2:
        lefts = [start for start, _ in bottom] + [inf]
        used: set[int] = set()
        for start, text in top:
            # the cell it starts in: the last that starts at most a jitter after it
            column = max(k for k in range(len(bottom))
                         if lefts[k] <= start + LAYOUT_COLUMN_JITTER)
            if column in used or start >= lefts[column + 1]:
                return None
            used.add(column)
            cells[column] = join_text(text, cells[column])
    return count, cells, [start for start, _ in bottom]


def _layout_columns(starts: list[int], count: int) -> list[tuple[int, int]] | None:
    """The ranges of character columns the cells of each of ``count`` columns start in:
    the starts cut where two lie more than :data:`LAYOUT_COLUMN_JITTER` apart; exactly
    ``count`` groups, or None."""
    groups: list[list[int]] = []
    for start in sorted(set(starts)):
        if groups and start - groups[-1][-1] <= LAYOUT_COLUMN_JITTER:
            groups[-1].append(start)
        else:
            groups.append([start])
    if len(groups) != count:
        return None
    return [(group[0], group[-1]) for group in groups]


def rebuild_layout_table(table: list[Line]) -> list[list[str]] | None:
    """The cells of a table ``pdftotext -layout`` printed row by row, each cell at its
    character column, when positions and widths allow only one reading.
    Reported as ``rebuild_layout_table`` by :func:`_flattened_table`.

    Before (002-01 in a5-11pt, <表二>): ``␠␠領域␠␠…␠作法␠␠…␠意義`` / ``␠␠黨␠␠…␠增設黨中央監察
    ␠␠…␠黨機器的運作獲`` / ``␠…␠委員會和規律調查␠␠…␠得強化，避免出現單`` / … / ``␠…␠2. 國務委員
    長不再具␠可穩定軍權。␠2. 金`` (two cells one space apart) / … / (new page) ``␠␠␠␠領域␠…␠作法
    ␠…␠意義`` (the header again, at other columns) / ``␠…␠和會議演說來闡述國`` / …
    After: ``| 領域 | 作法 | 意義 |`` / ``| --- | --- | --- |`` / ``| 黨 | 增設黨中央監察委員會
    和規律調查部，…思想教育。 | 黨機器的運作獲得強化，…到地方。 |`` / ``| 政 | 1. 內閣閣員…減少。
    2. 國務委員長…最終單位。 3. 金正恩…方向。 | 1. 內閣負起…軍權。 2. 金正日…體系」。 |`` / …

    The header row is the first line of N ≥ 2 pieces set apart by runs of spaces, or two
    lines where a header cell wraps (the first line's pieces each centred over one cell of
    the second).  A page the table runs on to opens with the header again; it is dropped,
    and each page's columns are read anew: the starts of the page's pieces (the header's
    and the body's) fall in exactly N groups (:func:`_layout_columns`), and each piece
    belongs to the group it starts in.  A piece that runs past the next column's start
    holds two cells one space apart: it is cut at the one space where the next cell may
    start and each part is no wider than its column's other lines (plus
    :data:`TABLE_WRAP_TOLERANCE`).  A row opens at a line with text where the header's
    first cell starts; text left of that is a row label's wrapped line (pdftotext sets the
    lines under a row's first line further left).  A label line that may have wrapped (as
    wide as its column allows) followed by one at the header's start opens a row only on a
    page where wrapped labels stand further left.  Each cell's lines are joined as a
    paragraph's (:func:`join_text`), with one space before a numbered item (``2. ``).
    Any doubt leaves the table a fenced text block.  Returns the header row and the body
    rows, or None.
    """
    header = _layout_header(table)
    if header is None:
        return None
    _, names, _ = header
    columns = len(names)
    if any(not name for name in names):
        return None
    # the pages: the header again opens each
    pages: list[tuple[list[int], list[Line]]] = []
    index = 0
    while index < len(table):
        again = _layout_header(table[index:]) if index == 0 or table[index].page_start \
            else None
        if again is None or again[1] != names:
            if index == 0 or table[index].page_start:
                return None  # a page that does not open with the header
            pages[-1][1].append(table[index])
            index += 1
            continue
        pages.append((again[2], []))
        index += again[0]
    read: list[tuple[int, list[int], list[list[tuple[int, int, str]]]]] = []
    for starts, body in pages:
        if not body:
            return None
        label_start = starts[0]
        pieces = [_layout_chunks(line) for line in body]
        if any(chunks is None or not chunks for chunks in pieces):
            return None
        # the header's cells may stand centred over their columns: the body's starts first
        body_starts = [start for chunks in pieces for start, _ in chunks]
        ranges = _layout_columns(body_starts, columns) or _layout_columns(
            starts + body_starts, columns)
        if ranges is None:
            return None

        def column_of(start: int, ranges: list[tuple[int, int]] = ranges) -> int:
            return next(k for k, (low, high) in enumerate(ranges) if low <= start <= high)

        widths = [0] * columns
        for chunks in pieces:
            for number, (start, text) in enumerate(chunks):
                k = column_of(start)
                if k + 1 == columns or start + len(text) < ranges[k + 1][0]:
                    widths[k] = max(widths[k], display_width(text))
        lines: list[list[tuple[int, int, str]]] = []  # per line: (column, start, text)
        for chunks in pieces:
            cells: list[tuple[int, int, str]] = []
            for start, text in chunks:
                k = column_of(start)
                while k + 1 < columns and start + len(text) >= ranges[k + 1][0]:
                    low, high = ranges[k + 1]
                    cuts = [at for at, char in enumerate(text) if char == " "
                            and not re.search(r"\d{1,2}\.$", text[:at])
                            and low - LAYOUT_COLUMN_JITTER <= start + at + 1
                            <= high + LAYOUT_COLUMN_JITTER
                            and display_width(text[:at]) <= widths[k] + TABLE_WRAP_TOLERANCE]
                    if len(cuts) != 1:
                        return None
                    cells.append((k, start, text[: cuts[0]]))
                    start, text, k = start + cuts[0] + 1, text[cuts[0] + 1 :], k + 1
                if display_width(text) > widths[k] + TABLE_WRAP_TOLERANCE:
                    return None
                cells.append((k, start, text))
            if [k for k, _, _ in cells] != sorted({k for k, _, _ in cells}):
                return None  # two pieces in one column
            lines.append(cells)
        read.append((starts[0], widths, lines))
    labels = [cells[0][2] for _, _, lines in read for cells in lines if cells[0][0] == 0]
    widest_label = max(map(display_width, labels), default=0)
    rows: list[list[list[str]]] = []
    ends: list[bool] = []  # per column: the row's cell ended (its last line not full)
    for label_start, widths, lines in read:
        # pdftotext sets the lines under a row's first line further left: a wrapped label, or
        # the next column's lines
        under = [cells[0][1] for cells in lines if cells[0][0] == 1]
        opening = [cells[1][1] for cells in lines if cells[0][0] == 0
                   and cells[0][1] >= label_start and len(cells) > 1 and cells[1][0] == 1]
        wrapped_left = any(cells[0][0] == 0 and cells[0][1] < label_start for cells in lines) \
            or bool(under and opening and max(under) < min(opening))
        for cells in lines:
            label = cells[0][2] if cells[0][0] == 0 else None
            opens = label is not None and cells[0][1] >= label_start
            if opens and rows and not wrapped_left and display_width(
                    rows[-1][0][-1]) >= widest_label - TABLE_WRAP_TOLERANCE and not any(
                    ends[k] and (_FIRST_ITEM.match(text) or not _NUMBERED.match(text))
                    for k, _, text in cells[1:]):
                return None  # the label before may have wrapped: a new row or its next line
            if opens:
                rows.append([[] for _ in range(columns)])
                ends = [False] * columns
            elif not rows:
                return None  # text before the first row's label
            for k, _, text in cells:
                rows[-1][k].append(text)
                ends[k] = display_width(text) < widths[k] - TABLE_WRAP_TOLERANCE
    if not rows or any(not parts for row in rows for parts in row):
        return None  # no row, or an empty cell: not read here
    return [names] + [[cell_text(parts) for parts in row] for row in rows]
