"""``zhiku build``: corpus/ + manifest → docs/ → site/.

The pipeline, top to bottom: read each source and convert it (:mod:`zhiku.convert`),
apply the manifest's facts, check ids, write the generated pages into docs/ (only those
that changed), build the search dictionaries, and let MkDocs render the site into a
temporary directory that replaces site/ only when the build succeeded.

Converted articles are cached in ``.cache/articles/``, and many changed sources are
converted in parallel (:mod:`zhiku.ingest`).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .authors import Authorities, Finding, link_authors, load_authorities
from .convert import source_id_from_name
from .ingest import SourceBytes, convert_sources
from .manifest import ManifestError, SourceEntry, load_manifest
from .model import Article
from .read import SourceError, read_bytes

log = logging.getLogger("zhiku")

SOURCE_SUFFIXES = (".txt", ".md", ".pdf")


@dataclass
class Corpus:
    articles: list[Article]
    problems: list[str] = field(default_factory=list)  # sources that could not be read
    warnings: list[str] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    authorities: Authorities = field(default_factory=Authorities)
    findings: list[Finding] = field(default_factory=list)  # from linking authors


def apply_manifest(article: Article, entry: SourceEntry) -> None:
    """The manifest's facts win over what was read from the text: a curator set them."""
    origin = article.provenance
    if entry.publisher:
        article.publisher, origin["publisher"] = entry.publisher, "manifest"
    if entry.series:
        article.series = f"{entry.series} {entry.issue}" if entry.issue else entry.series
        article.issue = entry.issue
        origin["series"] = "manifest"
    if entry.kind:
        article.kind, origin["kind"] = entry.kind, "manifest"
    if entry.date:
        article.date, article.date_estimated = entry.date, None
        article.date_precision = {10: "day", 7: "month", 4: "year"}[len(entry.date)]
        origin["date"] = "manifest"
    for key, value in entry.articles.get(article.order, {}).items():
        if key != "notes":
            setattr(article, key, value)
            origin[key] = "manifest"
    if article.date and article.date_precision == "estimated":
        article.date_precision = "day"
        article.date_estimated = None


def load_corpus(corpus_dir: Path, *, workers: int | None = None, cache: bool = True,
                cache_dir: Path | None = None) -> Corpus:
    """Every source in corpus/, converted, with the manifest applied and ids checked.

    A source that cannot be read (undecodable, empty, binary, too large) is left out and
    named in ``problems``. ``workers``: processes for converting changed sources (default:
    one per core when at least :data:`zhiku.ingest.PARALLEL_MIN_SOURCES` changed; 1 =
    sequential).
    ``cache_dir`` defaults to ``<corpus_dir>/../.cache/articles``.
    """
    corpus_dir = Path(corpus_dir)
    manifest_path = corpus_dir / "sources.yml"
    entries = load_manifest(manifest_path) if manifest_path.exists() else []
    by_file = {entry.file: entry for entry in entries}
    corpus = Corpus(articles=[])
    for entry in entries:
        if not (corpus_dir / entry.file).exists():
            raise ManifestError(f"{manifest_path}:{entry.line}: file {entry.file!r} is not in "
                                f"{corpus_dir}")
        corpus.redirects.update(entry.redirects)
    files = sorted(p for p in corpus_dir.iterdir() if p.suffix in SOURCE_SUFFIXES and p.is_file())
    sources: list[SourceBytes] = []
    for path in files:
        entry = by_file.get(path.name)
        if entry is None:
            corpus.warnings.append(f"{path}: not in {manifest_path.name}; converted with id "
                                   f"{source_id_from_name(path.name)!r} and no curated facts")
        try:
            data = read_bytes(path)
        except SourceError as error:
            corpus.problems.append(str(error))
            continue
        sources.append(SourceBytes(path, entry.id if entry else source_id_from_name(path.name),
                                   data))
    if cache and cache_dir is None:
        cache_dir = corpus_dir.parent / ".cache" / "articles"
    results = convert_sources(sources, cache_dir=cache_dir if cache else None, workers=workers)
    for source, result in zip(sources, results):
        if isinstance(result, SourceError):
            corpus.problems.append(str(result))
            continue
        entry = by_file.get(source.path.name)
        for article in result:
            if entry is not None:
                apply_manifest(article, entry)
            corpus.articles.append(article)
    corpus.authorities = load_authorities(corpus_dir / "authors.yml")
    check_ids(corpus.articles)
    corpus.findings = link_authors(corpus.articles, corpus.authorities)
    return corpus


def check_ids(articles: list[Article]) -> None:
    """Refuse two articles with one id, naming both."""
    seen: dict[str, Article] = {}
    for article in articles:
        other = seen.get(article.id)
        if other is not None:
            raise ManifestError(
                f"duplicate article id {article.id!r}: {other.source} article {other.order} and "
                f"{article.source} article {article.order}")
        seen[article.id] = article


def write_docs_for(corpus: Corpus, root: Path, *, search: bool = True) -> dict:
    """Every page computed first (an error leaves docs/ untouched), then only the changed
    pages written; then the search dictionaries (``search=False``: keep the ones there,
    as ``zhiku serve`` does after its first build)."""
    from .site import build_pages, build_search_dictionaries, cite, search_terms, write_docs

    cite_cache = root / ".cache" / "cite" / "references.json"  # citeproc: ~25 ms an article
    cite.load_cache(cite_cache)
    pages = build_pages(corpus.articles, authorities=corpus.authorities,
                        site_url=configured_site_url(root), redirects=corpus.redirects)
    cite.save_cache(cite_cache)
    stats = write_docs(pages, root / "docs")
    if search:
        build_search_dictionaries(root / ".cache" / "search", search_terms(corpus.articles),
                                  texts=[article.body for article in corpus.articles])
    return stats


def configured_site_url(root: Path) -> str | None:
    """``site_url`` of mkdocs.yml, or None: makes citation permalinks absolute when set."""
    import re

    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r"^site_url:[ \t]*['\"]?([^'\"\s#]+)", text, re.MULTILINE)
    return match.group(1) if match else None


#: What MkDocs reads besides docs/: a change to any of these renders the site again.
SITE_INPUTS = ("mkdocs.yml", "overrides", "hooks", ".cache/search/jieba_dict.txt",
               ".cache/search/jieba_user.txt")
SITE_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jieba")
SITE_STAMP = Path(".cache") / "site.stamp"


def site_inputs_digest(root: Path, strict: bool = False) -> str:
    """A hash of everything a render reads: the files of docs/ and :data:`SITE_INPUTS`
    (names and bytes), the versions of :data:`SITE_PACKAGES`, and ``strict``."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(f"strict={strict}".encode())
    for name in SITE_PACKAGES:
        try:
            digest.update(f"\0{name}={version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"\0{name}=-".encode())
    paths: list[Path] = []
    for top in ("docs", *SITE_INPUTS):
        path = root / top
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        elif path.is_file():
            paths.append(path)
    for path in paths:
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def site_is_current(root: Path, digest: str) -> bool:
    """True when site/ was rendered from inputs with this :func:`site_inputs_digest`."""
    try:
        return ((root / "site" / "index.html").is_file()
                and (root / SITE_STAMP).read_text(encoding="utf-8") == digest)
    except OSError:
        return False


def render_site(root: Path, strict: bool = False, force: bool = False) -> Path:
    """Run MkDocs into a temporary directory, then swap it in for site/; nothing to do when
    site/ was rendered from the same inputs (:func:`site_is_current`) unless ``force``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .fastcut import faster_jieba

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = root / "site"
    digest = site_inputs_digest(root, strict)  # before MkDocs: what this render reads
    if not force and site_is_current(root, digest):
        log.info("site/ is up to date (same docs/, mkdocs.yml, theme and dictionaries)")
        return site_dir
    (root / SITE_STAMP).unlink(missing_ok=True)  # site/ is about to change
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    cwd = os.getcwd()
    try:
        os.chdir(root)  # the search plugin reads its dictionaries relative to the cwd
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(staging),
                             strict=strict)
        with faster_jieba():  # the search plugin's segmentation: the same words, faster
            build(config)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        os.chdir(cwd)
    old = root / ".site-old"
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    stamp = root / SITE_STAMP
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")
    return site_dir


def build_all(root: Path, render: bool = True, search: bool = True,
              force: bool = False) -> Corpus:
    corpus = load_corpus(root / "corpus")
    stats = write_docs_for(corpus, root, search=search)
    log.info("docs/: %(written)s written, %(unchanged)s unchanged, %(removed)s removed", stats)
    if render:
        render_site(root, force=force)
    return corpus
