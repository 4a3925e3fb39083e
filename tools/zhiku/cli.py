"""The ``zhiku`` command: convert, explain, build, serve, score, search-eval."""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import time
from pathlib import Path

from .ingest import ConversionError
from .manifest import ManifestError
from .read import SourceError


def _repo_root() -> Path:
    """The directory holding mkdocs.yml: the current one or a parent."""
    here = Path.cwd().resolve()
    for candidate in (here, *here.parents):
        if (candidate / "mkdocs.yml").exists() and (candidate / "corpus").is_dir():
            return candidate
    raise SystemExit("zhiku: no mkdocs.yml with a corpus/ beside it here or above")


def cmd_convert(args: argparse.Namespace) -> int:
    from .convert import convert_file
    from .write import write_articles

    status = 0
    for raw in args.raw:
        try:
            converted = convert_file(raw)
        except SourceError as error:
            print(f"zhiku: {error}", file=sys.stderr)
            status = 1
            continue
        for path in write_articles(converted.articles, Path(args.out)):
            print(path)
    return status


def cmd_explain(args: argparse.Namespace) -> int:
    from .convert import convert_file

    converted = convert_file(args.raw)
    print(f"# {args.raw}: {len(converted.articles)} article(s)")
    print("\n## source")
    for change in converted.source_report.changes:
        print(change.describe())
    for article, report in zip(converted.articles, converted.reports):
        counts = ", ".join(f"{fix} {n}" for fix, n in sorted(report.counts().items()))
        print(f"\n## article {article.order}: {article.display_title}  ({counts})")
        for change in sorted(report.changes, key=lambda c: c.line or 0):
            if args.all or change.fix not in ("mark_footnote_references",):
                print(change.describe())
    return 0


def cmd_pdf_text(args: argparse.Namespace) -> int:
    from .read import read_source

    source = read_source(args.pdf)
    if source.encoding != "pdf":
        print(f"zhiku: {args.pdf}: not a PDF", file=sys.stderr)
        return 1
    sys.stdout.write(source.text)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .build import build_all

    root = _repo_root()
    try:
        corpus = build_all(root, render=not args.docs_only, force=args.force)
    except MkDocsException as error:  # a broken mkdocs.yml, a plugin error
        print(f"zhiku: error: MkDocs failed ({error.format_message()}); {root / 'site'} is "
              "left as it was", file=sys.stderr)
        return 2
    for warning in corpus.warnings:
        print(f"zhiku: warning: {warning}", file=sys.stderr)
    for problem in corpus.problems:
        print(f"zhiku: error: {problem}", file=sys.stderr)
    print(f"zhiku: {len(corpus.articles)} articles"
          + ("" if args.docs_only else f" → {root / 'site'}"))
    return 1 if corpus.problems else 0


def _corpus_state(corpus_dir: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in corpus_dir.iterdir() if p.is_file()}


def cmd_serve(args: argparse.Namespace) -> int:
    from .build import build_all

    root = _repo_root()
    build_all(root, render=False)
    # --dirty: a change rebuilds only the pages write_docs rewrote (< 1 s), not the site
    # MkDocs' own `serve`, with the search plugin's segmentation done by jieba-rs
    server = subprocess.Popen([sys.executable, "-m", "zhiku.mkdocs_main", "serve",
                               "--livereload", "--dirty", "-a", args.dev_addr], cwd=root)
    state = _corpus_state(root / "corpus")
    try:
        while server.poll() is None:
            time.sleep(0.5)  # a change shows within 0.5 s + re-ingest + a dirty rebuild
            now = _corpus_state(root / "corpus")
            if now != state:
                state = now
                try:
                    # the search dictionaries of the first build are kept: rebuilding
                    # them (collocations) takes far longer than the 3 s a change may take
                    corpus = build_all(root, render=False, search=False)
                    for problem in corpus.problems:
                        print(f"zhiku: error: {problem}", file=sys.stderr)
                    print("zhiku: corpus changed; docs/ updated", file=sys.stderr)
                except (SourceError, ManifestError, ConversionError) as error:
                    print(f"zhiku: error: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import run_check

    report, status = run_check(_repo_root() / "corpus", verbose=not args.quiet)
    print(report)
    return status


def _reference_dir(args: argparse.Namespace) -> Path:
    return Path(args.reference) if args.reference else _repo_root() / "tests" / "reference"


def cmd_score(args: argparse.Namespace) -> int:
    from .fidelity import format_table, score_references

    root = _repo_root()
    scores = score_references(_reference_dir(args), root / "corpus")
    print(format_table(scores))
    return 0 if all(s.passes() for s in scores) or not args.strict else 1


def cmd_search_eval(args: argparse.Namespace) -> int:
    from .searcheval import evaluate, format_table, meets_targets

    root = _repo_root()
    workdir = Path(args.workdir) if args.workdir else None
    outcomes = evaluate(root, Path(args.queries) if args.queries else None, workdir)
    print(format_table(outcomes))
    return 0 if meets_targets(outcomes) or not args.strict else 1


def cmd_pdf_matrix(args: argparse.Namespace) -> int:
    from .pdfmatrix import main as pdf_matrix

    root = _repo_root()
    split = lambda value: [x for x in (value or "").split(",") if x] or None
    return pdf_matrix(_reference_dir(args), root / "corpus", root / ".cache" / "pdfmatrix",
                      split(args.extractors), split(args.layouts), split(args.articles),
                      args.details, Path(args.dump) if args.dump else None)


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run

    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    run(_repo_root(), sizes, readme=args.readme, keep=args.keep)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhiku", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("convert", help="raw extracted text → one Markdown file per article")
    p.add_argument("raw", nargs="+")
    p.add_argument("--out", required=True, help="output directory")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("explain", help="what the cleaner removed or changed, line by line")
    p.add_argument("raw")
    p.add_argument("--all", action="store_true", help="also list every footnote marker")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("pdf-text", help="the text zhiku reads from a PDF (what the cleaner gets)")
    p.add_argument("pdf")
    p.set_defaults(func=cmd_pdf_text)

    p = sub.add_parser("build", help="corpus/ → docs/ → site/")
    p.add_argument("--docs-only", action="store_true", help="write docs/ but do not run MkDocs")
    p.add_argument("--force", action="store_true",
                   help="run MkDocs even when site/ was rendered from the same docs/ and config")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="build docs/, serve the site, re-ingest when corpus/ changes")
    p.add_argument("--dev-addr", default="127.0.0.1:8000")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="metadata with provenance; warnings; exit 1 on errors")
    p.add_argument("--quiet", action="store_true", help="only the warnings and errors")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("score", help="fidelity table against hand-verified references")
    p.add_argument("--reference", help="folder of reference articles (default tests/reference)")
    p.add_argument("--strict", action="store_true", help="exit 1 unless every target is met")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("search-eval",
                       help="build the site in a temp dir, run the search queries in Chromium")
    p.add_argument("--queries", help="query file (default tests/search_queries.yml)")
    p.add_argument("--workdir", help="build here instead of a temporary directory")
    p.add_argument("--strict", action="store_true", help="exit 1 unless every target is met")
    p.set_defaults(func=cmd_search_eval)

    p = sub.add_parser("pdf-matrix",
                       help="typeset the references as PDFs, extract, clean and score them")
    p.add_argument("--reference", help="folder of reference articles (default tests/reference)")
    p.add_argument("--extractors", help="comma-separated (default: all)")
    p.add_argument("--layouts", help="comma-separated (default: all)")
    p.add_argument("--articles", help="comma-separated parts of reference names, e.g. 001-02")
    p.add_argument("--details", action="store_true", help="also one row per article")
    p.add_argument("--dump", help="write each extraction and its cleaned articles here")
    p.set_defaults(func=cmd_pdf_matrix)

    p = sub.add_parser("bench", help="time and memory of the pipeline on a generated archive")
    p.add_argument("--sizes", default="200,1000,3000", help="numbers of articles, e.g. 200,1000")
    p.add_argument("--readme", action="store_true",
                   help="write the table under README.md's Performance heading")
    p.add_argument("--keep", action="store_true", help="keep the generated sites (temp dirs)")
    p.set_defaults(func=cmd_bench)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        return args.func(args)
    except (SourceError, ManifestError, ConversionError) as error:
        print(f"zhiku: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
