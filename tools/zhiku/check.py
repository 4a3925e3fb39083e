"""``zhiku check``: every article's metadata with its provenance, and what needs a curator.

Provenance: ``printed`` (read from the text), ``manifest`` (corpus/sources.yml),
``estimated`` (a date from the latest citation), ``tagged`` (countries counted in the
text), ``missing``.  Exit status 1 when there is an error.
"""

from __future__ import annotations

from pathlib import Path

from .authors import Finding
from .build import load_corpus
from .convert import METADATA_FIELDS
from .manifest import load_category_vocabulary
from .model import Article


def provenance_of(article: Article, name: str) -> str:
    return article.provenance.get(name, "missing")


def article_findings(article: Article, vocabulary: set[str]) -> list[Finding]:
    where = f"{article.id} ({article.source} article {article.order})"
    findings = []
    if not article.authors and not article.authors_en:
        findings.append(Finding("warning", f"{where}: no author printed or given"))
    if not article.title:
        findings.append(Finding("error", f"{where}: no title; give one in sources.yml "
                                         "(with title_supplied: true)"))
    for category in article.categories:
        if vocabulary and category not in vocabulary:
            findings.append(Finding("warning", f"{where}: unknown category {category!r} (not in "
                                               "the categories list of sources.yml)"))
    return findings


def run_check(corpus_dir: Path, verbose: bool = True) -> tuple[str, int]:
    """The report text and the exit status."""
    corpus = load_corpus(corpus_dir)
    vocabulary = load_category_vocabulary(corpus_dir / "sources.yml")
    lines: list[str] = []
    findings: list[Finding] = [Finding("error", p) for p in corpus.problems]
    findings += [Finding("warning", w) for w in corpus.warnings]
    for article in corpus.articles:
        findings += article_findings(article, vocabulary)
        if verbose:
            lines.append(f"\n{article.id}  {article.display_title}")
            for name in METADATA_FIELDS:
                value = getattr(article, name)
                origin = provenance_of(article, name)
                if name == "date" and origin == "estimated":
                    value = f"not before {article.date_estimated}"
                shown = "—" if value in (None, [], "") else value
                lines.append(f"  {name:<11} {origin:<9} {shown}")
    findings += corpus.findings
    errors = [f for f in findings if f.level == "error"]
    lines.append("")
    for level in ("error", "warning", "info"):
        for finding in findings:
            if finding.level == level:
                lines.append(f"{level}: {finding.message}")
    lines.append(f"\n{len(corpus.articles)} articles; {len(errors)} errors, "
                 f"{sum(f.level == 'warning' for f in findings)} warnings")
    return "\n".join(lines).lstrip("\n"), 1 if errors else 0
