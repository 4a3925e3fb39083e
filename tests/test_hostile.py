"""Hostile input: legacy encodings, files that are not texts, broken manifests, colliding and
traversing ids, markup in titles and text; and a failed build that leaves the site as it was.

The CLI is run as a user runs it (``python -m zhiku.cli build`` in a temporary archive root);
its exit status is 0 for a clean build, 1 for a build that left out sources it could not
read (named on stderr), 2 for a build that stopped (manifest, ids, MkDocs).
"""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CORPUS, REPO

SNIPPET_FILE = "001_ecccf8a7296f2a19.txt"  # a compilation: header block, footnotes, pages
COLUMN_FILE = "004_09a8cce0a03d3fcd.txt"  # a short PDF-to-Markdown column


def _snippet() -> str:
    """The first article's opening (header block, a footnote block, a page start)."""
    return "\n".join((CORPUS / SNIPPET_FILE).read_text(encoding="utf-8").split("\n")[:120])


def make_root(path: Path, files: dict[str, bytes], manifest: str | None = None) -> Path:
    """An archive root: the repository's mkdocs.yml, assets and theme overrides, the cached
    OpenCC conversions, and a corpus of ``files``."""
    (path / "corpus").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", path / "mkdocs.yml")
    shutil.copytree(REPO / "docs" / "assets", path / "docs" / "assets")
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", path / "overrides")
    search = path / ".cache" / "search"
    search.mkdir(parents=True)
    for cached in (REPO / ".cache" / "search").glob("converted-*.txt"):
        shutil.copy(cached, search / cached.name)
    for name, data in files.items():
        (path / "corpus" / name).write_bytes(data)
    if manifest is not None:
        (path / "corpus" / "sources.yml").write_text(manifest, encoding="utf-8")
    return path


def zhiku(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "zhiku.cli", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding,prefix,newline", [
    ("big5", b"", "\r\n"), ("gb18030", b"", "\n"), ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "\n"), ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("utf-8", b"", "\r"),
])
def test_legacy_encodings_and_line_endings_convert_like_utf8(tmp_path, encoding, prefix,
                                                             newline):
    from zhiku.build import load_corpus

    text = _snippet()
    (tmp_path / "utf8" / "corpus").mkdir(parents=True)
    (tmp_path / "utf8" / "corpus" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other" / "corpus").mkdir(parents=True)
    (tmp_path / "other" / "corpus" / "a.txt").write_bytes(
        prefix + text.replace("\n", newline).encode(encoding))
    expected = load_corpus(tmp_path / "utf8" / "corpus", cache=False)
    got = load_corpus(tmp_path / "other" / "corpus", cache=False)
    assert not got.problems
    assert [a.title for a in got.articles] == ["美中在第三輪關稅談判的意圖"]
    assert got.articles == expected.articles


# --------------------------------------------------------------------------- a hostile archive

SCRIPT_TITLE = '<script>alert("title")</script>〈標題〉'
HOSTILE_TEXT = (
    f" {SCRIPT_TITLE} \n\n沈明室 \n\n國家安全研究所 \n\n焦點類別：國際情勢 \n\n壹、前言 \n\n"
    "本文測試<script>alert('body')</script>是否被當成標記，以及<img src=x onerror=alert(1)>\n\n"
    "與 <b>粗體</b> 等標記是否原樣顯示為文字。 \n\n"
    " 第二篇文章 \n\n鍾志東 \n\n國防戰略與資源研究所 \n\n焦點類別：國際情勢 \n\n壹、前言 \n\n"
    "這一篇的標題在清單中被改成只有標點符號。 \n\n"
)
HOSTILE_MANIFEST = """sources:
  - id: hostile
    file: hostile.txt
    kind: compilation
    articles:
      2:
        title: "……——？！"
  - id: column
    file: column.txt
    kind: column
"""


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """`zhiku build` on a corpus with good sources and bad files."""
    root = tmp_path_factory.mktemp("hostile")
    big = b"\xe6\xb8\xac" * 10 + b"\n"
    files = {
        "hostile.txt": HOSTILE_TEXT.encode("utf-8"),
        "column.txt": (CORPUS / COLUMN_FILE).read_bytes(),
        "legacy-big5.txt": _snippet().replace("\n", "\r\n").encode("big5"),
        "undecodable.txt": "第一行\n第二行\n".encode() + b"\xff\xfe\xfa\x80\x81 bad\n",
        "empty.txt": b"",
        "scan.txt": b"%PDF-1.7\x00\x01\x02\x03 binary " * 100,  # a PDF by its bytes, broken
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100,
    }
    make_root(root, files, HOSTILE_MANIFEST)
    with open(root / "corpus" / "huge.txt", "wb") as handle:  # 50 MB, sparse
        handle.write(big)
        handle.truncate(50 * 1024 * 1024)
    result = zhiku(root, "build")
    return root, result


def test_bad_files_are_named_and_the_rest_builds(hostile_build):
    root, result = hostile_build
    assert result.returncode == 1, result.stderr[-2000:]
    errors = [line for line in result.stderr.splitlines() if line.startswith("zhiku: error:")]
    for name, why in (("undecodable.txt:3", "cannot decode"), ("empty.txt", "empty"),
                      ("scan.txt", "cannot read the PDF"), ("photo.txt", "binary"),
                      ("huge.txt", "larger than")):
        assert any(name in line and why in line for line in errors), (name, errors)
    assert len(errors) == 5
    assert "4 articles" in result.stdout  # hostile (2) + column (1) + big5 (1)
    site = root / "site"
    assert (site / "index.html").is_file()
    for article_id in ("hostile-01", "hostile-02", "column", "legacy-big5"):
        assert (site / "articles" / article_id / "index.html").is_file(), article_id


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.scripts: list[tuple[dict, str]] = []  # (attributes, text)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)


def _parse(path: Path) -> _Elements:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_markup_in_titles_and_text_is_shown_never_rendered(hostile_build):
    root, _ = hostile_build
    for page in [root / "site" / "articles" / "hostile-01" / "index.html",
                 root / "site" / "index.html"]:
        parsed = _parse(page)
        for attrs, script in parsed.scripts:
            # the title may stand in a JSON-LD data block, as JSON with "<" escaped
            data = attrs.get("type") == "application/ld+json" and "<" not in script
            assert data or "alert" not in script, (page, script[:200])
        assert not [t for t, attrs in parsed.tags if "onerror" in attrs], page
        assert not [t for t, _ in parsed.tags if t == "b"], page
        text = "".join(parsed.text)
        assert 'alert("title")' in text  # shown as text
    text = "".join(_parse(root / "site" / "articles" / "hostile-01" / "index.html").text)
    assert "<script>alert('body')</script>" in text
    assert "<img src=x onerror=alert(1)>" in text and "<b>粗體</b>" in text


def test_a_title_of_punctuation_only_gets_its_page(hostile_build):
    root, _ = hostile_build
    page = root / "site" / "articles" / "hostile-02" / "index.html"
    assert "……——？！" in "".join(_parse(page).text)


def test_legacy_encoding_builds_end_to_end(hostile_build):
    root, _ = hostile_build
    page = root / "site" / "articles" / "legacy-big5" / "index.html"
    assert "美中在第三輪關稅談判的意圖" in page.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- stopped builds


def test_malformed_manifest_names_file_and_line(tmp_path):
    manifest = "sources:\n  - id: column\n    file: column.txt\n    kind: [column\n"
    root = make_root(tmp_path, {"column.txt": (CORPUS / COLUMN_FILE).read_bytes()}, manifest)
    result = zhiku(root, "build", "--docs-only")
    assert result.returncode == 2
    assert "sources.yml:" in result.stderr and "malformed YAML" in result.stderr
    line = int(result.stderr.split("sources.yml:")[1].split(":")[0])
    assert line in (4, 5)
    assert not (root / "docs" / "articles").exists()


def test_duplicate_ids_are_refused_naming_both(tmp_path):
    manifest = """sources:
  - id: one
    file: one.txt
    articles:
      1: {id: same}
  - id: two
    file: two.txt
    articles:
      1: {id: same}
"""
    column = (CORPUS / COLUMN_FILE).read_bytes()
    root = make_root(tmp_path, {"one.txt": column, "two.txt": column}, manifest)
    result = zhiku(root, "build", "--docs-only")
    assert result.returncode == 2
    assert "duplicate article id 'same'" in result.stderr
    assert "one.txt" in result.stderr and "two.txt" in result.stderr
    assert not (root / "docs" / "articles").exists()


@pytest.mark.parametrize("manifest,line", [
    ("sources:\n  - id: ../../x\n    file: column.txt\n", 2),
    ("sources:\n  - id: column\n    file: column.txt\n    articles:\n      1:\n"
     + "        id: ../../x\n", 6),
    ("sources:\n  - id: column\n    file: ../../column.txt\n", 2),
])
def test_path_traversal_in_ids_is_refused(tmp_path, manifest, line):
    root = make_root(tmp_path, {"column.txt": (CORPUS / COLUMN_FILE).read_bytes()}, manifest)
    result = zhiku(root, "build", "--docs-only")
    assert result.returncode == 2
    assert f"sources.yml:{line}:" in result.stderr
    assert not (root / "docs" / "articles").exists()
    assert not (tmp_path.parent / "x.md").exists()


def test_unsafe_paths_never_reach_the_disk(tmp_path):
    from zhiku.model import Article
    from zhiku.site import build_pages, write_docs

    article = Article(source="x.txt", order=1, id="../../escape", title="x")
    with pytest.raises(ValueError):
        build_pages([article])
    with pytest.raises(ValueError):
        write_docs({"../../escape.md": "x"}, tmp_path / "docs")
    assert not (tmp_path / "escape.md").exists()


# --------------------------------------------------------------------------- atomic output


@pytest.fixture()
def built_once(tmp_path):
    root = make_root(tmp_path, {"column.txt": (CORPUS / COLUMN_FILE).read_bytes()},
                     "sources:\n  - id: column\n    file: column.txt\n    kind: column\n")
    result = zhiku(root, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    return root


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def test_a_failed_conversion_leaves_docs_and_site_as_they_were(built_once, monkeypatch):
    from zhiku import ingest
    from zhiku.build import build_all

    root = built_once
    docs, site = _snapshot(root / "docs"), (root / "site" / "index.html").read_bytes()
    (root / "corpus" / "boom.txt").write_text(_snippet(), encoding="utf-8")
    real = ingest.convert_text

    def convert(text, name, *args, **kwargs):
        if name == "boom.txt":
            raise RuntimeError("a cleaner bug")
        return real(text, name, *args, **kwargs)

    monkeypatch.setattr(ingest, "convert_text", convert)
    with pytest.raises(ingest.ConversionError, match="boom.txt: conversion failed"):
        build_all(root)
    assert _snapshot(root / "docs") == docs
    assert (root / "site" / "index.html").read_bytes() == site


def test_a_broken_mkdocs_yml_leaves_the_site_as_it_was(built_once):
    root = built_once
    site = _snapshot(root / "site")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + "\nplugins:\n  - no-such-plugin\n",
                                     encoding="utf-8")
    (root / "corpus" / "second.txt").write_text(_snippet(), encoding="utf-8")
    result = zhiku(root, "build")
    assert result.returncode == 2
    assert "MkDocs failed" in result.stderr and "left as it was" in result.stderr
    assert _snapshot(root / "site") == site
    assert not list(root.glob(".site-*"))  # no staging directory left behind
