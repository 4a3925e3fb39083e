"""The cleaner: a sequence of small, named fixes, each able to say what it did.

Source level (:func:`prepare_source`): unify_ideographs → split_lines →
strip_heading_emphasis → remove_page_numbers_by_position (page_numbers: a number alone or
on its running header's line) → read_layout_columns
(place_raised_markers, place_pushed_markers) → remove_running_headers (facing_page_headers) →
measure_wrap (widths by :func:`~zhiku.clean.layout.printed_width`), or for one line per
paragraph close_kept_hyphen_joins → measure_joined_widths (measure_joined_wrap,
measure_notes_wrap) → remove_joined_wrap_spaces (split_joined_paragraphs, measure_joined_indent, _opens_like_note).  Article level
(:func:`clean_article`): remove_boilerplate → remove_repeated_link_urls → rejoin_lines_split_at_markers (PyMuPDF) →
separate_footnotes (and page numbers, reclaim_footnote_tails, reclaim_wide_footnote_tails,
without page marks (pypdf) body_resumes_after_footnotes and _indented_note_number, on
two-column pages body_resumes_beside_footnotes,
continues_cut_url, recover_late_footnote_numbers, recover_last_late_number,
restore_stranded_date_number, footnote_rest_ends_page, footnote_text_after_table_cells;
pymupdf4llm: split_run_on_footnotes, split_footnote_from_paragraph (_next_footnote_follows),
_footnote_rest_after_paragraph, plain footnote tails (_plain_footnote_tail,
_between_plain_footnotes, _rest_of_cut_url), _rest_of_page_range, _lone_footnote_end) →
mark_references (with
split_marker_from_date) → build_blocks (rejoin_stretched_line_pieces, join wrapped lines,
end_paragraphs_at_short_lines, latin_keywords_end,
keep_lines_before_long_words, keep_lines_before_full_lines, keep_wrapped_urls,
end_where_the_next_would_fit, end_headings_before_paragraph_openings, join paragraphs split
by pages (opens_with_gloss, continues_at_page_top, continues_unindented, not
opens_with_source_label), find headings
(caption_set_as_heading),
nest_unnumbered_subheadings; a table's lines: rebuild_flattened_table or a fenced block) →
remove_cjk_spaces (not in a rebuilt table); footnote texts and source credits:
join_spaced_urls; where the extractor keeps line-end hyphens: restore_dropped_spaces;
where it drops them (not keeps_line_end_hyphens): restore_dropped_hyphens.
Every fix records its changes in a :class:`~zhiku.clean.report.Report`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chars import (
    glued_inside_a_line,
    join_spaced_urls,
    remove_cjk_spaces,
    restore_dropped_spaces,
    standalone_acronyms,
    unify_ideographs,
)
from .columns import read_layout_columns
from .footnotes import (
    Footnotes,
    mark_references,
    rejoin_lines_split_at_markers,
    resolve_lone_numbers,
    separate_footnotes,
)
from .furniture import (
    remove_boilerplate,
    remove_page_numbers_by_position,
    remove_repeated_link_urls,
    remove_running_headers,
)
from .hyphens import article_words, keeps_line_end_hyphens, restore_dropped_hyphens
from .layout import (
    SUPERSCRIPT_RUN,
    Line,
    Wrap,
    close_kept_hyphen_joins,
    following_text,
    is_hard_wrapped,
    joined_line_kinds,
    measure_joined_indent,
    measure_joined_widths,
    measure_wrap,
    remove_joined_wrap_spaces,
    split_lines,
    strip_heading_emphasis,
    typical_width,
)
from .paragraphs import Block, build_blocks, join_text
from .report import Change, Report

__all__ = [
    "Block", "Change", "CleanArticle", "Layout", "Report", "clean_article", "prepare_source",
    "render_markdown",
]


@dataclass
class Layout:
    lines: list[Line]
    hard_wrapped: bool
    width: int
    wrap: Wrap = field(default_factory=Wrap)
    #: the extractor kept the hyphens that end printed lines (else restore_dropped_hyphens)
    keeps_hyphens: bool = True


@dataclass
class CleanArticle:
    blocks: list[Block]
    footnotes: dict[str, str]  # printed number → text, in order of appearance


def prepare_source(text: str, report: Report) -> Layout:
    """Source-level fixes, before the source is split into articles."""
    text = unify_ideographs(text, report)
    lines = split_lines(text)
    lines = strip_heading_emphasis(lines, report)
    lines = remove_page_numbers_by_position(lines, "\f" in text, report)
    if "\f" in text:  # pages with their lines' places kept (pdftotext -layout)
        lines = read_layout_columns(lines, report)
    layout = Layout(lines, is_hard_wrapped(lines), typical_width(lines),
                    keeps_hyphens=keeps_line_end_hyphens(line.text for line in lines))
    layout.lines = remove_running_headers(layout.lines, report)
    if layout.hard_wrapped:
        layout.wrap = measure_wrap(layout.lines)
    else:
        layout.lines = close_kept_hyphen_joins(layout.lines, report)
        # body text, then footnotes in their smaller font
        body_kind, note_kind = joined_line_kinds()
        body, notes = measure_joined_widths(layout.lines)
        if body:
            indent = measure_joined_indent(layout.lines, body)
            layout.lines = remove_joined_wrap_spaces(layout.lines, body, report, body_kind, notes,
                                                     indent)
            layout.wrap = Wrap(full=body, first_indent=indent)
        if notes:
            layout.lines = remove_joined_wrap_spaces(layout.lines, notes, report, note_kind)
    return layout


def clean_article(lines: list[Line], layout: Layout, report: Report) -> CleanArticle:
    """Article-level fixes: from an article's raw body lines to blocks and footnotes."""
    lines = remove_boilerplate(lines, report)
    lines = remove_repeated_link_urls(lines, report)
    for line in lines:
        text = remove_cjk_spaces(line.text, report, line.no)
        if text != line.text:
            line.printed = line.text
            line.text = text
    # where the extractor drops line-end hyphens, a glue inside a printed line is a lost space
    inside_a_line = glued_inside_a_line(lines, layout.wrap.full) \
        if layout.hard_wrapped and not layout.keeps_hyphens else set()
    if layout.hard_wrapped and not layout.wrap.marks_ends:
        lines = rejoin_lines_split_at_markers(lines, layout.wrap, report)
    lines, notes = separate_footnotes(lines, layout.hard_wrapped, report, layout.wrap.full)
    available, used = notes.numbers(), []
    # one-line-per-paragraph text without superscripts or [^n] (pymupdf4llm): plain digits
    plain_digits = layout.hard_wrapped or not any(
        SUPERSCRIPT_RUN.search(line.text) or "[^" in line.text for line in lines)
    for index, line in enumerate(lines):
        if not line.gap:
            following = following_text(lines, index)
            mark_references(line, layout.hard_wrapped, available, used, report, plain_digits,
                            following)
    if not layout.hard_wrapped:
        lines = resolve_lone_numbers(lines, available, used, report)
    if "*" in notes.texts:
        for line in lines:
            if re.search(r"[A-Za-z\u4e00-\u9fff]\*$", line.text):
                line.text = line.text[:-1] + "[^*]"
                break
    blocks = build_blocks(lines, layout.hard_wrapped, layout.width, report, layout.wrap)
    for block in blocks:
        if block.kind == "paragraph" and _SOURCE_CREDIT.search(block.text):
            # a caption's or a source line's URL, broken as a footnote's is
            block.text = join_spaced_urls(block.text, report, block.line)
        if block.kind != "table":  # its cells' lines lost their stray spaces already
            block.text = remove_cjk_spaces(block.text, report, block.line)
    footnotes = _footnote_texts(notes, report)
    # Latin words glued where a line broke or a space went missing, put apart on evidence
    texts = [block.text for block in blocks] + list(footnotes.values())
    if layout.keeps_hyphens:  # a glued pair lost a space (PDFium: ``HMSSpey``)
        evidence, repair = standalone_acronyms(texts), restore_dropped_spaces
    else:  # the extractor drops line-end hyphens: a glued pair may have lost one
        evidence, repair = article_words(texts), restore_dropped_hyphens
    acronyms = standalone_acronyms(texts) if inside_a_line else set()

    def repaired(text: str, line: int | None) -> str:
        text = repair(text, evidence, report, line)
        if inside_a_line:
            text = restore_dropped_spaces(text, acronyms, report, line, inside_a_line)
        return text

    for block in blocks:
        if block.kind not in ("table", "preformatted"):
            block.text = repaired(block.text, block.line)
    for number, text in footnotes.items():
        footnotes[number] = repaired(text, notes.lines.get(number))
    return CleanArticle(blocks, footnotes)


#: a credit for a picture's or a table's source: ``(圖片來源：https://…)``, ``資料來源：…``
_SOURCE_CREDIT = re.compile(r"來\s?源\s*[：:]")


def _footnote_texts(notes: Footnotes, report: Report) -> dict[str, str]:
    texts = {}
    for number, parts in notes.texts.items():
        text = ""
        for part in parts:
            text = join_text(text, part)
        text = join_spaced_urls(text, report, notes.lines.get(number))
        texts[number] = remove_cjk_spaces(text, report, notes.lines.get(number))
    return texts


_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_BLOCK_START = re.compile(r"^([#>+\-]|\d+[.)]\s)")


def escape_text(text: str, block_start: bool = True) -> str:
    """Make source text safe as Markdown: HTML is shown as text, never rendered.

    ``<script>`` → ``&lt;script&gt;``; autolinks such as ``<https://www.pf.org.tw>`` are kept;
    a paragraph that starts with ``#`` or ``>`` is not taken for a heading or a quote.
    """
    links: list[str] = []

    def keep(match: re.Match) -> str:
        links.append(match.group(0))
        return f"\x00{len(links) - 1}\x00"

    text = _AUTOLINK.sub(keep, text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], text)
    if block_start and _BLOCK_START.match(text):
        text = "\\" + text
    return text


def render_table(rows: list[list[str]]) -> str:
    """A GFM pipe table: the header row, the delimiter row, the body rows.

    ``[["領域", "作法", "意義"], ["黨", "增設…", "黨機器…"]]`` →
    ``| 領域 | 作法 | 意義 |`` / ``| --- | --- | --- |`` / ``| 黨 | 增設… | 黨機器… |``.
    A cell's HTML is shown as text and its ``|`` escaped; ``1. `` opening a cell is no list.
    """
    def cell(text: str) -> str:
        return escape_text(text, block_start=False).replace("|", "\\|")

    lines = ["| " + " | ".join(cell(text) for text in rows[0]) + " |",
             "| " + " | ".join("---" for _ in rows[0]) + " |"]
    lines += ["| " + " | ".join(cell(text) for text in row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def render_markdown(article: CleanArticle) -> str:
    """Blocks and footnotes → the article body in the format of article-format.md."""
    out: list[str] = []
    for block in article.blocks:
        if block.kind == "heading":
            out.append("#" * block.level + " " + escape_text(block.text).lstrip("\\"))
        elif block.kind == "caption":
            out.append("圖：" + escape_text(block.text))
        elif block.kind == "preformatted":
            out.append("```text\n" + block.text + "\n```")
        elif block.kind == "table" and block.rows:
            out.append(render_table(block.rows))
        else:
            out.append(escape_text(block.text))
    for number, text in article.footnotes.items():
        out.append(f"[^{number}]: {escape_text(text)}")
    return "\n\n".join(out) + "\n"
