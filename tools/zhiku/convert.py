"""One raw source → its articles: read → split → clean → extract metadata → tag.

This is what ``zhiku convert`` runs on text it has never seen; ``zhiku build`` runs the
same and then applies the manifest's facts (:mod:`zhiku.manifest`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import dates, metadata
from .clean import CleanArticle, Report, clean_article, prepare_source, render_markdown
from .clean.layout import Line
from .clean.paragraphs import heading_level, join_text, place_labels_under_their_figure
from .model import Article
from .read import read_source
from .split import ArticleLines, split_articles

#: ``(圖片來源：`` also with the space pymupdf4llm leaves where it joined wrapped lines
#: (``(圖片來 源：``)
#: ``(圖片來 源：``); a numbered figure caption, also in brackets as journals print it
#: (``<圖一>近期北韓在美中戰略三角關係的地位變化``)
_CAPTION = re.compile(r"[(（]\s*圖\s?片\s?來\s?源|^圖\s*[0-9０-９一二三四五六七八九十]+[\s：:．.]"
                      r"|^[<〈＜]\s*圖\s*[0-9０-９一二三四五六七八九十]+\s*[>〉＞]")
_SENTENCE = "。！？"


@dataclass
class ConvertedSource:
    path: Path
    facts: metadata.SourceFacts
    articles: list[Article]
    reports: list[Report]  # one per article
    source_report: Report = field(default_factory=Report)  # front matter, headers, characters


def source_id_from_name(name: str) -> str:
    """An ASCII id from a file name: ``001_ecccf8a7296f2a19.txt`` → ``001-ecccf8a7296f2a19``."""
    stem = Path(name).stem.lower()
    ascii_id = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return ascii_id or "source"


def convert_file(path: Path | str, source_id: str | None = None) -> ConvertedSource:
    source = read_source(path)
    return convert_text(source.text, Path(path).name, source_id, path=Path(path))


def convert_text(text: str, name: str, source_id: str | None = None,
                 path: Path | None = None) -> ConvertedSource:
    """Convert raw extracted text (one source) into articles, with what was changed."""
    source_report = Report()
    layout = prepare_source(text, source_report)
    parts = split_articles(layout.lines)
    for line in parts.front:
        if line.text:
            source_report.add("remove_front_matter", line.no, line.text)
    facts = metadata.read_front_matter(parts.front)
    source_id = source_id or source_id_from_name(name)

    articles, reports = [], []
    for order, raw in enumerate(parts.articles, start=1):
        report = Report()
        # (a header line's own text: a line of a two-column page shares its number with
        # the line beside it)
        for line in raw.header_lines:
            report.add("take_header_as_metadata", line.no, line.text)
        cleaned = clean_article(separate_lead(raw, report), layout, report)
        article = Article(source=name, order=order)
        _header_metadata(article, raw)
        if not raw.title_lines:
            _metadata_from_blocks(article, cleaned, report)
        _mark_captions(cleaned, report)
        cleaned.blocks = place_labels_under_their_figure(cleaned.blocks, report)
        _source_metadata(article, facts, order, len(parts.articles))
        article.body = render_markdown(cleaned)
        article.block_pages = [block.pages_before for block in cleaned.blocks]
        if not article.date:
            article.date_estimated = dates.latest_cited_date(list(cleaned.footnotes.values()))
            if article.date_estimated:
                article.date_precision = "estimated"
        article.id = source_id if len(parts.articles) == 1 else f"{source_id}-{order:02d}"
        tag_countries(article, cleaned)
        note_provenance(article, "printed")
        articles.append(article)
        reports.append(report)
    return ConvertedSource(path or Path(name), facts, articles, reports, source_report)


def separate_lead(raw: ArticleLines, report: Report) -> list[Line]:
    """What a column prints above its header (a photo caption) is a block of its own: the
    header lines taken out between it and the body must not let the two run together.

    Before (pdftotext): ``2023 年 7 月，尹錫悅前往烏克蘭訪問，…(圖片來`` /
    ``源：https://www.president.gov.ua/…-84349)`` / (title, author, affiliation) /
    ``自俄烏戰爭爆發以來，…``
    After: ``圖：2023 年 7 月，…-84349)`` and ``自俄烏戰爭爆發以來，…`` as two blocks (a gap line
    stands where the header was).
    """
    if not raw.lead or not raw.body:
        return raw.lead + raw.body
    first = next((line for line in raw.body if not line.gap), None)
    if first is not None:
        report.add("separate_lead", first.no, raw.lead[-1].text[-12:] + " | " + first.text[:12],
                   raw.lead[-1].text[-12:] + " ¶ " + first.text[:12])
    return [*raw.lead, Line(raw.lead[-1].no, "", gap=True), *raw.body]


def _header_metadata(article: Article, raw: ArticleLines) -> None:
    article.title, article.subtitle = metadata.title_and_subtitle(raw.title_lines)
    article.authors = metadata.authors_from_line(raw.authors_line)
    article.institute = raw.institute_line
    article.categories = metadata.split_list(raw.categories_line)


def _metadata_from_blocks(article: Article, cleaned: CleanArticle, report: Report) -> None:
    """For a source without a header block: keywords, an English title block and byline,
    and a title printed just above the first numbered section."""
    blocks = cleaned.blocks
    kept = []
    for index, block in enumerate(blocks):
        keywords = metadata.keywords_from(block.text) if block.kind == "paragraph" else None
        if keywords is not None:
            article.keywords = keywords
            report.add("take_keywords_as_metadata", block.line, block.text)
            continue
        byline = re.sub(r"\[\^\*\]$", "", block.text)
        if block.kind == "paragraph" and metadata.is_romanized_byline(byline):
            article.authors_en = [byline.strip()]
            report.add("take_byline_as_metadata", block.line, block.text)
            title_en = _english_title_before(kept)
            if title_en:
                article.title_en = title_en
                report.add("take_title_as_metadata", block.line, article.title_en)
            if not article.institute and "*" in cleaned.footnotes:
                article.institute = cleaned.footnotes.pop("*")
            continue
        kept.append(block)
    # a title printed above the first numbered section (壹、…), after the abstract
    first_section = next(
        (i for i, b in enumerate(kept) if b.kind == "heading" and b.level == 2
         and not re.match(r"^(摘要|abstract)", b.text, re.IGNORECASE)
         and not _title_heading(b)),
        None,
    )
    if first_section is not None and first_section >= 1:
        candidates = []
        index = first_section - 1
        while index >= 0 and len(candidates) < 3:
            block = kept[index]
            if not _title_line(block):
                break
            candidates.insert(0, block)
            index -= 1
        if not candidates:
            candidates = _title_below_section(kept, first_section)
        candidates = _title_blocks(candidates)
        if candidates and not heading_level(candidates[0].text):
            texts = [block.text for block in candidates]
            if len(texts) == 3:  # a title wrapped in a narrow column, then its subtitle
                texts = [join_text(texts[0], texts[1]), texts[2]]
            article.title, article.subtitle = metadata.title_and_subtitle(texts)
            for block in candidates:
                report.add("take_title_as_metadata", block.line, block.text)
                kept.remove(block)
    cleaned.blocks[:] = kept


def _title_line(block) -> bool:
    """A block that may be a title's line: a short paragraph (or an unnumbered heading)
    with ideographs and no sentence's end."""
    return ((block.kind == "paragraph" or _title_heading(block)) and len(block.text) <= 40
            and not any(c in block.text for c in _SENTENCE)
            and bool(re.search(r"[\u4e00-\u9fff]", block.text)))


def _title_below_section(kept: list, first_section: int) -> list:
    """The title's blocks just below the first numbered section's heading, where an
    extractor read the heading's box first (pdfminer, 002-01 in 12pt: ``## 壹.緒論`` /
    ``金正恩政權 10 週年的政策評析與影響：`` / ``以近期核戰略變化為中心`` / ``2011 年 12 月 19 日，…``):
    a title ending in a colon and its subtitle, followed by a paragraph of the section."""
    blocks = kept[first_section + 1 : first_section + 4]
    if len(blocks) == 3 and _title_line(blocks[0]) and _title_line(blocks[1]) \
            and blocks[0].text.endswith(("：", ":")) and blocks[2].kind == "paragraph" \
            and not _title_line(blocks[2]):
        return blocks[:2]
    return []


def _title_blocks(candidates: list) -> list:
    """Of up to three short blocks above the first numbered section, the title's: the last
    alone, or a title ending in a colon and its subtitle; a title's colon line may follow its
    first line, as a narrow column wraps it (PyMuPDF, pypdf, PDFium, 002-01 in two columns:
    ``金正恩政權 10 週年的政策評析與`` / ``影響：`` / ``以近期核戰略變化為中心``, 20
    characters at most before the colon)."""
    colon = len(candidates) - 2  # the subtitle is the last block, the colon ends the one before
    if colon < 0 or not candidates[colon].text.endswith(("：", ":")):
        return candidates[-1:]
    if colon and len(candidates[colon - 1].text) + len(candidates[colon].text) <= 21:
        return candidates[colon - 1:]
    return candidates[colon:]


def _title_heading(block) -> bool:
    """A title line that pymupdf4llm set as a Markdown heading (by its large font) but that
    carries no section numbering: ``# 金正恩政權 10 週年的政策評析與影響：`` /
    ``# 以近期核戰略變化為中心`` above ``## 壹.緒論`` are the title, not two sections."""
    return (block.kind == "heading" and not heading_level(block.text, 80)
            and not re.search(r"[。，；]", block.text))


def _english_title_before(kept: list) -> str | None:
    """The English title printed just above a romanized byline, taken out of ``kept``; one
    or two blocks, as pymupdf4llm may set its last line apart in a larger font.

    Before: ``The influence and Prospects of the 10th cycle of Kim Jong Un's reign: Focus on
    recent nuclear`` / ``## strategy`` / (byline ``Lin Chih Hao``)
    After: title_en ``The influence … Focus on recent nuclear strategy``.
    """
    for count in (2, 1):
        if len(kept) < count:
            continue
        blocks = kept[-count:]
        if any(b.kind not in ("paragraph", "heading") or heading_level(b.text, 80)
               for b in blocks):
            continue
        # pymupdf4llm's bold markers around a whole line are markup, not the title's
        text = " ".join(re.sub(r"^\*\*(.+)\*\*$", r"\1", b.text) for b in blocks)
        if _is_english_title(text) and "*" not in text and all(
                re.fullmatch(r"[\x20-\x7e’‘“”–—]+", b.text) for b in blocks):
            del kept[-count:]
            return text
    return None


def _is_english_title(text: str) -> bool:
    return bool(re.fullmatch(r"[\x20-\x7e’‘“”–—]{10,300}", text)) and not text.endswith(".")


def _mark_captions(cleaned: CleanArticle, report: Report | None = None) -> None:
    """A short paragraph that credits a picture or opens with a figure number is a caption.

    Before: ``<圖一>近期北韓在美中戰略三角關係的地位變化`` (a paragraph)
    After: ``圖：<圖一>近期北韓在美中戰略三角關係的地位變化`` (a caption; the figure number
    kept as printed). A caption printed with the marker (``圖：…``) keeps only one.
    """
    for block in cleaned.blocks:
        if block.kind == "paragraph" and _CAPTION.search(block.text) and len(block.text) < 300:
            block.kind = "caption"
            if report is not None:
                report.add("mark_captions", block.line, block.text[:20], "圖：" + block.text[:20])
            if block.text.startswith("圖"):
                block.text = re.sub(r"^圖\s*[：:]\s*", "", block.text)


def _source_metadata(article: Article, facts: metadata.SourceFacts, order: int, total: int) -> None:
    if facts.series:
        article.series = f"{facts.series} {facts.issue}" if facts.issue else facts.series
        article.issue = facts.issue
    article.date = facts.date
    if facts.date:
        article.date_precision = "day"
    article.publisher = facts.publisher
    entry = _toc_entry(facts, article, order, total)
    if entry is not None:
        article.title_en = article.title_en or entry.title_en
        article.authors_en = article.authors_en or entry.authors_en
        article.first_page = entry.page


def _toc_entry(facts: metadata.SourceFacts, article: Article, order: int, total: int):
    """The contents row of this article: by title when the contents print titles, else by
    position when the contents list exactly as many rows as there are articles."""
    for entry in facts.toc:
        if entry.title and article.title and metadata.clean_title(entry.title) == article.title:
            return entry
    if len(facts.toc) == total:
        return facts.toc[order - 1]
    return None


#: metadata fields whose origin `zhiku check` reports
METADATA_FIELDS = ("title", "subtitle", "title_en", "authors", "authors_en", "institute",
                   "categories", "keywords", "date", "series", "publisher", "kind", "first_page",
                   "countries")


def note_provenance(article: Article, origin: str, fields: tuple[str, ...] = METADATA_FIELDS,
                    ) -> None:
    """Record where each filled metadata field came from (the text, unless said otherwise)."""
    for name in fields:
        if getattr(article, name) not in (None, [], "", {}):
            article.provenance[name] = origin
    if article.date_estimated and not article.date:
        article.provenance["date"] = "estimated"
    if "countries" in article.provenance and origin == "printed":
        article.provenance["countries"] = "tagged"


def tag_countries(article: Article, cleaned: CleanArticle) -> None:
    """Countries mentioned (counts) and the countries the article is about."""
    try:
        from . import countries
    except ImportError:  # pragma: no cover - the gazetteer is part of the package
        return
    title = " ".join(filter(None, [article.title, article.subtitle]))
    body = "\n".join(block.text for block in cleaned.blocks)
    notes = "\n".join(cleaned.footnotes.values())
    article.countries_mentioned, article.countries = countries.tag_article(title, body, notes)
