"""The article record that flows through the pipeline.

read → split → clean → extract metadata → tag → write → render: every stage after
``split`` fills in fields of :class:`Article`; ``write`` turns it into Markdown with
YAML front matter (the keys of :data:`FRONT_MATTER_KEYS`, in that order).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Front-matter keys in the order they are written.
FRONT_MATTER_KEYS = (
    "id",
    "title",
    "subtitle",
    "title_en",
    "title_supplied",
    "authors",
    "authors_en",
    "author_ids",
    "institute",
    "categories",
    "keywords",
    "date",
    "date_precision",
    "date_estimated",
    "series",
    "issue",
    "publisher",
    "kind",
    "source",
    "order",
    "first_page",
    "countries",
    "countries_mentioned",
)


@dataclass
class Article:
    """One article: its metadata and its cleaned Markdown body."""

    source: str  # file name of the raw text in corpus/
    order: int  # 1-based position of the article in its source
    id: str = ""  # ASCII permalink id, e.g. "001-03"
    title: str | None = None
    subtitle: str | None = None
    title_en: str | None = None
    title_supplied: bool = False  # a cataloger's title, shown in [brackets]
    authors: list[str] = field(default_factory=list)
    authors_en: list[str] = field(default_factory=list)
    # authority record id (corpus/authors.yml) of each author, None where unlinked
    author_ids: list[str | None] = field(default_factory=list)
    institute: str | None = None
    categories: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    date: str | None = None  # ISO date (or YYYY-MM / YYYY with date_precision)
    date_precision: str | None = None  # "day" (default when date is set), "month", "year"
    # When no date is printed or given: ISO date of the latest dated citation in the
    # article; the article appeared no earlier. Shown as an estimate, never as ``date``.
    date_estimated: str | None = None
    series: str | None = None  # e.g. "國防安全雙週報 第 87 期"
    issue: str | None = None  # e.g. "第 87 期"
    publisher: str | None = None
    kind: str | None = None  # bulletin issue, compilation, report, journal article, column
    first_page: int | None = None  # printed page number where the article starts
    countries: list[str] = field(default_factory=list)  # ISO alpha-2, primary subjects
    countries_mentioned: dict[str, int] = field(default_factory=dict)
    body: str = ""  # cleaned Markdown body (no title/author lines)
    # Per block of ``body`` (blocks are separated by blank lines, footnotes excluded): the
    # printed page breaks before it; with ``first_page`` gives page anchors. Not front matter.
    block_pages: list[int] = field(default_factory=list)
    # where each metadata field came from: "printed", "manifest", "estimated" (not written)
    provenance: dict[str, str] = field(default_factory=dict)

    def front_matter(self) -> dict:
        """The front matter as an ordered dict; empty optional keys are kept as null/[]."""
        return {key: getattr(self, key) for key in FRONT_MATTER_KEYS}

    @property
    def display_title(self) -> str:
        """The title as a reader sees it: supplied titles in square brackets."""
        title = self.title or self.title_en or "（無題）"
        return f"[{title}]" if self.title_supplied else title

    @property
    def sort_date(self) -> str:
        """Best date available for sorting newest first ("" when none is known)."""
        return str(self.date or self.date_estimated or "")
