"""``zhiku pdf-matrix``: typeset the reference articles as real PDFs, extract them with
several extractors, clean the extractions and score them against the references.

The seeds in ``corpus/`` are what one extractor made of one layout each.  This command
makes the other combinations: every hand-verified reference article (front matter + body
with ``[^n]`` footnotes) is written as a Markdown document with the title block the seeds
print (title, author, institute, 焦點類別), turned into a .docx with real footnotes by
Debian's ``pandoc``, given a layout (font size, margins, line spacing, running header,
page numbers) with python-docx, and printed to PDF by ``libreoffice --headless``.
Compilations put 3–4 articles into one PDF, each starting on a new page, with page
numbers running on.  Each PDF is extracted with poppler's ``pdftotext`` (plain and
``-layout``), PyMuPDF, pdfminer.six, pymupdf4llm, pypdf and pdfplumber; each extraction
is converted with :func:`zhiku.convert.convert_text` and scored with
:func:`zhiku.fidelity.score_article`.

Needs ``pip install -e '.[pdf]'`` and ``apt-get install pandoc libreoffice-writer
fonts-noto-cjk poppler-utils``.  PDFs and extractions are cached in ``.cache/pdfmatrix/``
(keyed by a hash of what produced them), so a second run only re-cleans and re-scores.
With ``--details``, each article below target is given its cause, checked in its PDF's line
geometry (:mod:`zhiku.pdfcauses`).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

from .fidelity import Score, score_article, split_front_matter

#: bump to rebuild every cached PDF (a change to how documents are typeset)
GENERATOR_VERSION = "2"


@dataclass(frozen=True)
class PageLayout:
    """How a PDF is typeset."""

    name: str
    font_size: float  # body text, pt
    margins_cm: tuple[float, float, float, float]  # top, right, bottom, left
    line_spacing: float  # multiple of single spacing
    space_after_pt: float  # between paragraphs
    first_line_indent: bool  # indent each paragraph by two characters
    running_header: bool  # the series name at the top of every page
    page_numbers: str  # "" (none), "center", "right"
    compilation: bool = False  # several articles, one PDF
    justify: bool = False  # body text justified (both margins), as Chinese print usually is
    page_cm: tuple[float, float] = (21.0, 29.7)  # width, height (A4)
    sans_body: bool = False  # body text in the sans-serif font (else serif)
    columns: int = 1  # text columns on a page
    #: a journal's facing pages: no header on the article's first page, the article's title
    #: in the header of even pages and the series in that of odd pages
    title_on_even_pages: bool = False
    page_number_format: str = "{}"  # how the footer prints the number: "- {} -"
    #: the page number at the header's right end, on the series' line, and no footer
    page_number_in_header: bool = False

    def key(self) -> str:
        fields = dict(self.__dict__)
        for name, default in _LATER_FIELDS.items():
            if fields[name] == default:
                del fields[name]  # older layouts keep their keys (and cached PDFs)
        return json.dumps(fields, sort_keys=True)


#: fields added after the first layouts, with their defaults
_LATER_FIELDS = {"page_cm": (21.0, 29.7), "sans_body": False, "columns": 1,
                 "title_on_even_pages": False, "page_number_format": "{}",
                 "page_number_in_header": False}


LAYOUTS = (
    PageLayout("12pt", 12, (2.54, 2.54, 2.54, 2.54), 1.5, 6, False, False, ""),
    PageLayout("10.5pt-dense", 10.5, (1.8, 1.8, 1.8, 1.8), 1.0, 0, True, False, "center",
               justify=True),
    PageLayout("12pt-header", 12, (3.0, 2.5, 2.5, 3.0), 1.25, 3, True, True, "right"),
    PageLayout("compilation", 10.5, (2.2, 2.0, 2.2, 2.0), 1.15, 4, True, True, "center",
               compilation=True, justify=True),
    # a booklet: A5, about 30 characters a line, footnotes about 40; added after the cleaner's
    # fixes for the other layouts, to measure it on a layout it was not tuned on
    PageLayout("a5-11pt", 11, (1.8, 1.5, 1.8, 1.5), 1.2, 2, True, True, "center",
               justify=True, page_cm=(14.8, 21.0)),
    # US Letter, large sans-serif print, ragged right: added after the fixes for a5-11pt
    PageLayout("letter-14pt-sans", 14, (2.0, 2.2, 2.0, 2.2), 1.3, 6, True, True, "right",
               page_cm=(21.59, 27.94), sans_body=True),
    # a bulletin set in two columns, title and notes included: added with zhiku's own PDF
    # reading, whose lines would interleave the columns unless it finds the gutter
    PageLayout("two-column", 10, (2.0, 1.8, 2.0, 1.8), 1.15, 3, True, True, "center",
               justify=True, columns=2),
    # a journal on B5 paper: facing pages headed by the article's title (even) and the
    # series (odd), none on the first page, `- 7 -` page numbers, titles that wrap: added
    # after the fixes for two-column, to measure the cleaner on furniture it was not tuned on
    PageLayout("b5-facing", 10.5, (2.2, 1.9, 2.0, 2.1), 1.25, 0, True, True, "center",
               justify=True, page_cm=(17.6, 25.0), title_on_even_pages=True,
               page_number_format="- {} -"),
    # a report set double-spaced, the series and the page number on one header line (a tab
    # between): added after the fixes for b5-facing, to measure the cleaner on it untuned
    PageLayout("a4-double-headnum", 12, (2.5, 2.5, 2.5, 2.5), 2.0, 0, True, True, "right",
               justify=True, page_number_in_header=True),
)

#: series printed in the running header when a reference names none
DEFAULT_HEADER = "智庫研究文集"


@dataclass
class Reference:
    path: Path
    meta: dict
    body: str

    @property
    def name(self) -> str:
        return f"{self.path.parent.name[:3]}-{self.path.stem}"


@dataclass
class Case:
    """One PDF: one article (or a compilation of several) in one layout."""

    name: str
    layout: PageLayout
    references: list[Reference]
    header: str

    def key(self) -> str:
        digest = hashlib.sha256()
        digest.update(GENERATOR_VERSION.encode())
        digest.update(self.layout.key().encode())
        digest.update(self.header.encode())
        for ref in self.references:  # what is typeset: a change of article_markdown counts
            digest.update(article_markdown(ref).encode())
        return digest.hexdigest()[:12]


@dataclass
class Result:
    case: Case
    extractor: str
    scores: list[Score]
    found: int  # articles the splitter found
    furniture: int  # page numbers / running headers left inside article paragraphs
    error: str = ""
    bodies: list[str] = field(default_factory=list)  # the cleaned articles that were scored
    #: per article, how its title, subtitle or authors differ from the reference's ("": not)
    heads: list[str] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return len(self.case.references)

    def passes(self) -> bool:
        return not self.error and all(self.at_target(s) for s in self.scores)

    def at_target(self, score: Score) -> bool:
        """Is this article (one of ``scores``) at every target, its title and authors, the
        case's split and furniture included?"""
        index = next(i for i, s in enumerate(self.scores) if s is score)
        head_differs = index < len(self.heads) and self.heads[index]
        return (score.passes() and not head_differs and self.found == self.expected
                and self.furniture == 0)


# --------------------------------------------------------------------------- documents


def load_references(reference_dir: Path) -> list[Reference]:
    refs = []
    for path in sorted(reference_dir.glob("*/*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        refs.append(Reference(path, meta, body))
    return refs


def series_of(ref: Reference, manifest: dict[str, str]) -> str:
    return ref.meta.get("series") or manifest.get(ref.meta.get("source", ""), DEFAULT_HEADER)


def read_manifest_series(corpus_dir: Path) -> dict[str, str]:
    """Seed file name → its series (with issue), from ``corpus/sources.yml``."""
    path = corpus_dir / "sources.yml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    series = {}
    for source in data.get("sources", []):
        if source.get("series"):
            series[source["file"]] = " ".join(
                filter(None, [source["series"], source.get("issue")]))
    return series


def _styled(style: str, text: str) -> str:
    return f'::: {{custom-style="{style}"}}\n{text}\n:::\n'


_ABSTRACT_HEADING = re.compile(r"^##\s+(摘要|abstract)\s*$", re.IGNORECASE | re.MULTILINE)


def _sections(body: str) -> list[str]:
    """The body cut before each ``## `` heading (the text before the first one included)."""
    starts = [m.start() for m in re.finditer(r"^## ", body, re.MULTILINE)]
    cuts = [0, *[s for s in starts if s], len(body)]
    return [body[a:b] for a, b in pairwise(cuts) if body[a:b].strip()]


def _journal_markdown(ref: Reference) -> str | None:
    """A journal article whose body opens with its abstract (``## 摘要``), printed in the
    order such an article prints it (the 002 seed): the Chinese abstract, the ``關鍵詞：``
    line, the English title and romanized byline, the English abstract, and only then the
    Chinese title (``title：`` / ``subtitle``) above the first numbered section.
    None for other articles (a bulletin's or a column's title block comes first)."""
    meta, body = ref.meta, ref.body
    if meta.get("authors") or meta.get("categories") or not meta.get("title"):
        return None
    sections = _sections(body)
    if not sections or not re.match(r"^##\s+摘要\s*$", sections[0].splitlines()[0]):
        return None
    parts: list[str] = [sections.pop(0)]
    if meta.get("keywords"):
        parts.append("關鍵詞：" + "、".join(meta["keywords"]) + "\n")
    english = []
    if meta.get("title_en"):
        english.append(_styled("Article Title", meta["title_en"]))
    if meta.get("authors_en"):
        english.append(_styled("Article Author", ", ".join(meta["authors_en"])))
    while sections and _ABSTRACT_HEADING.match(sections[0].splitlines()[0]):
        parts.extend(english)
        english = []
        parts.append(sections.pop(0))
    parts.extend(english)
    if meta.get("subtitle"):
        parts.append(_styled("Article Title", meta["title"] + "："))
        parts.append(_styled("Article Title", meta["subtitle"]))
    else:
        parts.append(_styled("Article Title", meta["title"]))
    parts.extend(sections)
    return "\n".join(parts)


_CAPTION_PARAGRAPH = re.compile(r"^圖：(.*?)\n\n", re.MULTILINE)


def _print_captions(body: str) -> str:
    """A figure caption inside the body (``圖：<圖一>近期北韓…``) is printed as the sources
    print it: its own centred paragraph, without the format's ``圖：`` marker."""
    return _CAPTION_PARAGRAPH.sub(
        lambda m: _styled("Photo Caption", m.group(1)) + "\n", body)


def article_markdown(ref: Reference) -> str:
    """A reference article as a pandoc Markdown document with the seeds' title block.

    Front matter title/subtitle/authors/institute/categories → styled paragraphs
    (``美中在第三輪關稅談判的意圖`` / ``沈明室`` / ``國家安全研究所`` /
    ``焦點類別：國際情勢、印太區域、國際戰略``); a subtitle is printed on its own line
    after a colon, as the seeds do. A photo caption (``圖：…``) that opens the body is
    printed above the title, without ``圖：``, as the column seed prints it; a caption
    further down is printed in place, also without ``圖：``. A journal article that opens
    with its abstract is printed in the journal's order (:func:`_journal_markdown`).
    """
    meta, body = ref.meta, ref.body
    journal = _journal_markdown(ref)
    if journal is not None:
        return _escape_angle_brackets(_print_captions(journal))
    parts: list[str] = []
    caption = re.match(r"^圖：(.*?)\n\n", body)
    if caption:
        parts.append(_styled("Photo Caption", caption.group(1)))
        body = body[caption.end():]
    if meta.get("title"):
        if meta.get("subtitle"):
            parts.append(_styled("Article Title", meta["title"] + "："))
            parts.append(_styled("Article Title", meta["subtitle"]))
        else:
            parts.append(_styled("Article Title", meta["title"]))
        if meta.get("authors"):
            parts.append(_styled("Article Author", "、".join(meta["authors"])))
        if meta.get("institute"):
            parts.append(_styled("Article Institute", meta["institute"]))
        if meta.get("categories"):
            parts.append(_styled("Article Category", "焦點類別：" + "、".join(meta["categories"])))
    # the reference's Markdown is pandoc Markdown already; autolinks print as their URL
    parts.append(_escape_angle_brackets(body))
    return "\n".join(parts)


_FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)


def _escape_angle_brackets(body: str) -> str:
    """``<`` that opens no autolink, escaped for pandoc, which would take ``<북한의 …>`` or
    ``<表一>`` for an HTML tag and drop it; fenced blocks print as they are."""
    pieces, last = [], 0
    for fence in _FENCE.finditer(body):
        pieces.append(re.sub(r"<(?!https?://)", r"\\<", body[last : fence.start()]))
        pieces.append(fence.group(0))
        last = fence.end()
    pieces.append(re.sub(r"<(?!https?://)", r"\\<", body[last:]))
    return "".join(pieces)


# --------------------------------------------------------------------------- typesetting

_SERIF, _SANS = "Noto Serif CJK TC", "Noto Sans CJK TC"


def _set_fonts(style, name: str, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = name
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _page_field(paragraph, number_format: str = "{}") -> None:
    """The page's number (a PAGE field) in ``paragraph``, with the text around it that
    ``number_format`` puts there (``- {} -``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    before, after = number_format.split("{}")
    if before:
        paragraph.add_run(before)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    if after:
        paragraph.add_run(after)


def _header_paragraph(paragraph, text: str, alignment) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.text = text
    paragraph.alignment = alignment
    for run in paragraph.runs:
        run.font.size = Pt(9)
        run.font.name = _SANS
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _SANS)


def apply_layout(docx_path: Path, layout: PageLayout, header: str, first_page: int,
                 title: str = "") -> None:
    """Fonts, sizes, margins, spacing, running header and page numbers, set in the .docx
    that pandoc wrote (python-docx). ``title``: the article's, for the header of even pages
    (``layout.title_on_even_pages``)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document(str(docx_path))
    styles = {style.name: style for style in doc.styles}  # by the names pandoc gave them
    size = layout.font_size
    names = set(styles)
    for name in ("Normal", "Body Text", "First Paragraph", "Compact", "Block Text"):
        if name not in names:
            continue
        style = styles[name]
        _set_fonts(style, _SANS if layout.sans_body else _SERIF, size)
        fmt = style.paragraph_format
        fmt.line_spacing = layout.line_spacing
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(layout.space_after_pt)
        if layout.first_line_indent and name != "Normal":
            fmt.first_line_indent = Pt(2 * size)
        if layout.justify and name != "Normal":
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for level, grow in ((1, 4), (2, 2), (3, 1), (4, 0.5)):
        name = f"Heading {level}"
        if name in names:
            style = styles[name]
            _set_fonts(style, _SANS, size + grow, bold=True)
            style.paragraph_format.space_before = Pt(size)
            style.paragraph_format.space_after = Pt(size / 2)
            style.paragraph_format.first_line_indent = Pt(0)
    for name, font, grow, bold, align in (
        ("Article Title", _SANS, 6, True, WD_ALIGN_PARAGRAPH.CENTER),
        ("Article Author", _SERIF, 1, False, WD_ALIGN_PARAGRAPH.RIGHT),
        ("Article Institute", _SERIF, 0, False, WD_ALIGN_PARAGRAPH.RIGHT),
        ("Article Category", _SANS, 0, False, WD_ALIGN_PARAGRAPH.LEFT),
        ("Photo Caption", _SERIF, -1.5, False, WD_ALIGN_PARAGRAPH.CENTER),
    ):
        if name in names:
            style = styles[name]
            _set_fonts(style, font, size + grow, bold=bold)
            style.paragraph_format.alignment = align
            style.paragraph_format.first_line_indent = Pt(0)
            style.paragraph_format.space_after = Pt(size / 2)
    for name in ("Footnote Text",):
        if name in names:
            _set_fonts(styles[name], _SERIF, max(8, size - 2.5))
            styles[name].paragraph_format.first_line_indent = Pt(0)
            styles[name].paragraph_format.line_spacing = 1.0
    for name in ("Hyperlink",):
        if name in names:
            _set_fonts(styles[name], _SERIF)

    for section in doc.sections:
        section.page_width, section.page_height = (Cm(length) for length in layout.page_cm)
        top, right, bottom, left = layout.margins_cm
        section.top_margin, section.right_margin = Cm(top), Cm(right)
        section.bottom_margin, section.left_margin = Cm(bottom), Cm(left)
        section.header_distance = section.footer_distance = Cm(min(top, bottom) / 2)
        if layout.columns > 1:
            columns = OxmlElement("w:cols")
            columns.set(qn("w:num"), str(layout.columns))
            columns.set(qn("w:space"), str(int(Cm(0.8).twips)))
            section._sectPr.append(columns)
        facing = layout.title_on_even_pages
        if facing:
            doc.settings.odd_and_even_pages_header_footer = True
            section.different_first_page_header_footer = True
        if layout.running_header and layout.page_number_in_header:
            paragraph = section.header.paragraphs[0]
            _header_paragraph(paragraph, header + "\t", WD_ALIGN_PARAGRAPH.LEFT)
            width = Cm(layout.page_cm[0] - layout.margins_cm[1] - layout.margins_cm[3])
            paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            _page_field(paragraph, layout.page_number_format)
        elif layout.running_header:
            _header_paragraph(section.header.paragraphs[0], header,
                              WD_ALIGN_PARAGRAPH.RIGHT if facing else WD_ALIGN_PARAGRAPH.CENTER)
            if facing:  # the first page has none
                _header_paragraph(section.even_page_header.paragraphs[0], title,
                                  WD_ALIGN_PARAGRAPH.LEFT)
        if layout.page_numbers and layout.page_number_in_header:
            numbering = OxmlElement("w:pgNumType")
            numbering.set(qn("w:start"), str(first_page))
            section._sectPr.append(numbering)
        elif layout.page_numbers:
            footers = [section.footer]
            if facing:
                footers += [section.even_page_footer, section.first_page_footer]
            for footer in footers:
                paragraph = footer.paragraphs[0]
                paragraph.alignment = (WD_ALIGN_PARAGRAPH.CENTER
                                       if layout.page_numbers == "center"
                                       else WD_ALIGN_PARAGRAPH.RIGHT)
                _page_field(paragraph, layout.page_number_format)
            numbering = OxmlElement("w:pgNumType")
            numbering.set(qn("w:start"), str(first_page))
            section._sectPr.append(numbering)
    doc.save(str(docx_path))


def _run(command: list[str], cwd: Path | None = None) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[:500]}")


def _page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.MULTILINE).group(1))


def typeset_article(ref: Reference, layout: PageLayout, header: str, first_page: int,
                    workdir: Path, stem: str) -> Path:
    """Markdown → .docx (pandoc) → layout (python-docx) → PDF (LibreOffice)."""
    markdown = workdir / f"{stem}.md"
    markdown.write_text(article_markdown(ref), encoding="utf-8")
    docx = workdir / f"{stem}.docx"
    _run(["pandoc", "-f", "markdown-smart-implicit_figures", "-t", "docx", "-o", str(docx),
          str(markdown)])
    apply_layout(docx, layout, header, first_page, ref.meta.get("title", ""))
    _run(["libreoffice", "--headless", f"-env:UserInstallation=file://{workdir}/lo-profile",
          "--convert-to", "pdf", "--outdir", str(workdir), str(docx)])
    return workdir / f"{stem}.pdf"


def build_pdf(case: Case, cache: Path) -> Path:
    """The case's PDF, from the cache or typeset now."""
    pdf = cache / "pdf" / f"{case.name}--{case.key()}.pdf"
    if pdf.exists():
        return pdf
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhiku-pdfmatrix-") as tmp:
        workdir = Path(tmp)
        pages, first_page = [], 1
        for index, ref in enumerate(case.references, start=1):
            part = typeset_article(ref, case.layout, case.header, first_page, workdir,
                                   f"part{index:02d}")
            first_page += _page_count(part)
            pages.append(part)
        if len(pages) == 1:
            shutil.copy(pages[0], pdf)
        else:  # each article starts on a new page; page numbers run on
            _run(["pdfunite", *map(str, pages), str(pdf)])
    return pdf


# --------------------------------------------------------------------------- extraction


def _pdftotext(pdf: Path, *options: str) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"],
                         capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def _pymupdf(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:  # a form feed after each page, as PyMuPDF's recipe
        return "".join(page.get_text() + "\f" for page in doc)


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def _pymupdf4llm(pdf: Path) -> str:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # "Document parser messages"
        import pymupdf4llm

        return pymupdf4llm.to_markdown(str(pdf), show_progress=False)


def _pypdf(pdf: Path) -> str:
    """pypdf's text of each page, joined with a line break, as its users join pages: no form
    feed marks where a page ends."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)


def _pdfplumber(pdf: Path) -> str:
    """pdfplumber's text of each page, joined with a line break (no form feed)."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return "\n".join(page.extract_text() for page in document.pages)


def _pypdfium2(pdf: Path) -> str:
    """PDFium's text of each page (pypdfium2), joined with a line break: CRLF line ends."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(document[index].get_textpage().get_text_range()
                         for index in range(len(document)))
    finally:
        document.close()


def _zhiku(pdf: Path) -> str:
    """zhiku's own reading of the PDF (:mod:`zhiku.pdfread`): what ``corpus/NAME.pdf`` gives."""
    from .pdfread import pdf_text

    return pdf_text(pdf)


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": lambda pdf: _pdftotext(pdf),
    "pdftotext-layout": lambda pdf: _pdftotext(pdf, "-layout"),
    "pymupdf": _pymupdf,
    "pdfminer": _pdfminer,
    "pymupdf4llm": _pymupdf4llm,
    "pypdf": _pypdf,
    "pdfplumber": _pdfplumber,
    "pypdfium2": _pypdfium2,
    "zhiku": _zhiku,
}


def extract(case: Case, extractor: str, cache: Path) -> str:
    path = cache / "text" / extractor / f"{case.name}--{case.key()}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    text = EXTRACTORS[extractor](build_pdf(case, cache))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


# --------------------------------------------------------------------------- scoring


def furniture_left(body: str, headers: list[str], reference: str = "") -> int:
    """Page numbers and running headers left in the article's body (paragraphs or glued
    into them, footnotes included: ``[^21]: 同前註。-4-``). A header the reference's own
    text holds (an article's title, quoted in its body) counts only in more paragraphs
    than there."""
    from .pdfread import PAGE_NUMBER

    def blocks(text: str) -> list[str]:
        return [block.strip() for block in re.split(r"\n\s*\n", text)]

    produced, printed = blocks(body), blocks(reference)
    count = sum(1 for block in produced if PAGE_NUMBER.match(block))
    count += max(0, len(_GLUED_PAGE_NUMBER.findall(body))
                 - len(_GLUED_PAGE_NUMBER.findall(reference)))
    for header in filter(None, headers):
        count += max(0, sum(header in block for block in produced)
                     - sum(header in block for block in printed))
    return count


#: a page number set between dashes (``-4-``, ``- 4 -``) glued to a paragraph's text
_GLUED_PAGE_NUMBER = re.compile(r"(?<=\S)[ ]?(?<![\w/.\-–—])[-–—] ?\d{1,3} ?[-–—](?![\w/.\-–—])")


def head_difference(article, meta: dict) -> str:
    """How the article's title, subtitle and authors differ from the reference's, spacing
    aside (``title “會議、合作層級…” for “美中在第三輪…”``); "" where they do not."""
    def bare(text) -> str:
        return re.sub(r"\s+", "", text or "")

    for name in ("title", "subtitle"):
        got = getattr(article, name, None) if article else None
        if bare(got) != bare(meta.get(name)):
            return f"{name} “{got or ''}” for “{meta.get(name) or ''}”"
    got_authors = [bare(a) for a in (article.authors if article else [])]
    if got_authors != [bare(a) for a in meta.get("authors") or []]:
        return f"authors {'、'.join(article.authors if article else [])} for " \
               f"{'、'.join(meta.get('authors') or [])}"
    return ""


def as_typeset(body: str) -> str:
    """The reference body with its footnotes numbered as pandoc prints them: 1, 2, … in the
    order of their first marker. A source whose printed numbers start at 3 (002) is typeset
    from 1."""
    order: dict[str, str] = {}
    for label in re.findall(r"\[\^([^\]]+)\]", body):
        order.setdefault(label, str(len(order) + 1))
    return re.sub(r"\[\^([^\]]+)\]", lambda m: f"[^{order.get(m.group(1), m.group(1))}]", body)


def run_case(case: Case, extractor: str, cache: Path) -> Result:
    from .convert import convert_text
    from .read import normalize_newlines

    try:
        text = extract(case, extractor, cache)
    except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as error:
        # a broken tool or a PDF it cannot read is a row of the table, not a crash
        return Result(case, extractor, [], 0, 0, error=f"{type(error).__name__}: {error}")
    # line ends as zhiku reads a file (PDFium ends its lines with CRLF)
    converted = convert_text(normalize_newlines(text), f"{case.name}.txt")
    articles = converted.articles
    scores, furniture, bodies, heads = [], 0, [], []
    for index, ref in enumerate(case.references):
        article = articles[index] if index < len(articles) else None
        produced = article.body if article else ""
        heads.append(head_difference(article, ref.meta))
        scores.append(score_article(f"{case.name}/{ref.name}", produced, as_typeset(ref.body)))
        headers = [case.header]
        if case.layout.title_on_even_pages:
            headers.append(ref.meta.get("title", ""))
        furniture += furniture_left(produced, headers, ref.body)
        bodies.append(produced)
    return Result(case, extractor, scores, len(articles), furniture, bodies=bodies,
                  heads=heads)


def make_cases(references: list[Reference], manifest: dict[str, str],
               layouts: tuple[PageLayout, ...] = LAYOUTS) -> list[Case]:
    """One case per reference article and single-article layout; for each compilation
    layout, one compilation of all the references of each seed that has 3 or more."""
    cases = []
    for layout in layouts:
        if layout.compilation:
            by_source: dict[str, list[Reference]] = {}
            for ref in references:
                by_source.setdefault(ref.meta["source"], []).append(ref)
            for source, refs in by_source.items():
                if len(refs) >= 3:
                    name = f"{source[:3]}-x{len(refs)}-{layout.name}"
                    cases.append(Case(name, layout, refs, series_of(refs[0], manifest)))
        else:
            for ref in references:
                cases.append(Case(f"{ref.name}-{layout.name}", layout, [ref],
                                  series_of(ref, manifest)))
    return cases


def check_tools() -> list[str]:
    missing = [tool for tool in ("pandoc", "libreoffice", "pdftotext", "pdfunite", "pdfinfo")
               if shutil.which(tool) is None]
    for module in ("docx", "pymupdf", "pdfminer", "pymupdf4llm", "pypdf", "pdfplumber",
                   "pypdfium2"):
        try:
            __import__(module)
        except ImportError:
            missing.append(f"python module {module}")
    return missing


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def format_matrix(results: list[Result]) -> str:
    """One row per extractor × layout: means over its articles, then targets met."""
    rows = [("| extractor | layout | para F1 | headings | fn texts | fn refs | CJK sim | "
             "articles found/expected | title, authors | furniture left | articles at target | "
             "CJK spaces stray / lost |"),
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    groups: dict[tuple[str, str], list[Result]] = {}
    for result in results:
        groups.setdefault((result.extractor, result.case.layout.name), []).append(result)
    for (extractor, layout), group in groups.items():
        scores = [s for r in group for s in r.scores]
        at_target = sum(1 for r in group for s in r.scores if r.at_target(s))
        errors = sum(1 for r in group if r.error)
        rows.append(
            f"| {extractor} | {layout} | {_mean([s.paragraph_f1 for s in scores]):.3f} | "
            f"{_mean([s.headings for s in scores]):.3f} | "
            f"{_mean([s.footnote_texts for s in scores]):.3f} | "
            f"{_mean([s.footnote_refs for s in scores]):.3f} | "
            f"{_mean([s.cjk_similarity for s in scores]):.4f} | "
            f"{sum(r.found for r in group)}/{sum(r.expected for r in group)} | "
            f"{sum(not head for r in group for head in r.heads)} | "
            f"{sum(r.furniture for r in group)} | "
            f"{at_target}/{sum(r.expected for r in group)}"
            + (f" ({errors} errors)" if errors else "")
            + f" | {sum(s.cjk_spaces for s in scores)} / "
              f"{sum(s.cjk_spaces_lost for s in scores)} |")
    return "\n".join(rows)


def format_details(results: list[Result], causes: dict | None = None) -> str:
    """One row per article; a row below target ends in ``<`` and, given ``causes``
    (:func:`zhiku.pdfcauses.classify_results`), the cause of the miss."""
    rows = []
    for result in results:
        if result.error:
            rows.append(f"{result.extractor:<17} {result.case.name:<34} ERROR {result.error}")
            continue
        for s in result.scores:
            flag = "" if result.at_target(s) else "  <"
            rows.append(
                f"{result.extractor:<17} {s.name:<44} {s.paragraph_f1:6.3f} {s.headings:6.3f} "
                f"{s.footnote_texts:6.3f} {s.footnote_refs:6.3f} {s.cjk_similarity:7.4f} "
                f"{result.found}/{result.expected} furn={result.furniture} "
                f"spaces={s.cjk_spaces}/{s.cjk_spaces_lost}{flag}"
                + (f"  {causes[(result.extractor, s.name)].label()}"
                   if causes and (result.extractor, s.name) in causes else ""))
    return "\n".join(rows)


@dataclass
class Matrix:
    results: list[Result] = field(default_factory=list)

    def all_pass(self) -> bool:
        return all(r.passes() for r in self.results)


def run(reference_dir: Path, corpus_dir: Path, cache: Path, extractors: list[str] | None = None,
        layouts: list[str] | None = None, articles: list[str] | None = None,
        progress: Callable[[str], None] | None = None) -> Matrix:
    references = load_references(reference_dir)
    if articles:
        references = [r for r in references if any(a in r.name for a in articles)]
    chosen = tuple(l for l in LAYOUTS if not layouts or l.name in layouts)
    cases = make_cases(references, read_manifest_series(corpus_dir), chosen)
    matrix = Matrix()
    for case in cases:
        for extractor in extractors or list(EXTRACTORS):
            if progress:
                progress(f"{extractor} {case.name}")
            matrix.results.append(run_case(case, extractor, cache))
    return matrix


def main(reference_dir: Path, corpus_dir: Path, cache: Path, extractors: list[str] | None,
         layouts: list[str] | None, articles: list[str] | None, details: bool,
         dump: Path | None = None) -> int:
    missing = check_tools()
    if missing:
        print("zhiku pdf-matrix needs: " + ", ".join(missing) + "\n  pip install -e '.[pdf]'; "
              "apt-get install pandoc libreoffice-writer fonts-noto-cjk poppler-utils",
              file=sys.stderr)
        return 2
    matrix = run(reference_dir, corpus_dir, cache, extractors, layouts, articles,
                 progress=lambda what: print(f"  {what}", file=sys.stderr, flush=True))
    causes = None
    if details:
        from .pdfcauses import classify_results

        causes = classify_results(matrix.results, cache)
        print(format_details(matrix.results, causes))
        print()
    print(format_matrix(matrix.results))
    if causes is not None:
        from .pdfcauses import summary

        print()
        print(summary(causes))
    if dump:
        from .convert import convert_text
        from .read import normalize_newlines

        for result in matrix.results:
            text = extract(result.case, result.extractor, cache)
            converted = convert_text(normalize_newlines(text), result.case.name + ".txt")
            out = dump / result.extractor / result.case.name
            out.mkdir(parents=True, exist_ok=True)
            (out / "raw.txt").write_text(text, encoding="utf-8")
            for article in converted.articles:
                (out / f"{article.order:02d}.md").write_text(article.body, encoding="utf-8")
    return 0 if matrix.all_pass() else 1
