"""`zhiku build` on the seed corpus: every article and index page exists, every internal
link resolves, the build is strict (no MkDocs warning)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO
from test_site import _broken_links


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> tuple[Path, object]:
    """The repo's corpus, mkdocs.yml and assets, built into a temporary root."""
    import jieba
    from zhiku.build import load_corpus, render_site, write_docs_for

    root = tmp_path_factory.mktemp("archive")
    shutil.copytree(REPO / "corpus", root / "corpus")
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    for name in ("mkdocs.yml", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.exists():
            shutil.copy(source, root / name)
    if (REPO / ".cache" / "search").is_dir():  # the OpenCC conversion, cached by earlier runs
        shutil.copytree(REPO / ".cache" / "search", root / ".cache" / "search")
    saved = dict(vars(jieba.dt))
    corpus = load_corpus(root / "corpus")
    write_docs_for(corpus, root)
    render_site(root, strict=True)  # any MkDocs warning (broken link, missing file) fails
    vars(jieba.dt).clear()
    vars(jieba.dt).update(saved)
    return root / "site", corpus


def test_every_seed_article_has_its_page(built_site):
    site, corpus = built_site
    assert len(corpus.articles) == 18
    for article in corpus.articles:
        page = site / "articles" / article.id / "index.html"
        assert page.is_file(), article.id
        html = page.read_text(encoding="utf-8")
        assert article.title.split("：")[0][:10] in html


def test_every_index_page_exists(built_site):
    site, _corpus = built_site
    for kind in ("categories", "authors", "countries", "series"):
        assert (site / kind / "index.html").is_file()
    assert (site / "countries" / "us" / "index.html").is_file()
    assert (site / "categories" / "國際情勢" / "index.html").is_file()
    assert (site / "authors" / "沈明室" / "index.html").is_file()
    assert (site / "series" / "國防安全雙週報" / "index.html").is_file()


def test_every_internal_link_resolves(built_site):
    site, _ = built_site
    assert _broken_links(site) == []


def test_footnote_tooltips_and_offline_theme(built_site):
    site, _ = built_site
    html = (site / "articles" / "indsr-biweekly-87-01" / "index.html").read_text(encoding="utf-8")
    assert "content.footnote.tooltips" in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert 'class="footnote"' in html


def test_a_site_rendered_from_the_same_inputs_is_not_rendered_again(tmp_path, monkeypatch):
    """`zhiku build` twice with nothing changed runs MkDocs once; a changed page, config or
    search dictionary, `strict` or `--force` runs it again."""
    import mkdocs.commands.build
    from zhiku.build import render_site

    renders: list[str] = []

    def fake_build(config, **kwargs):  # MkDocs, minus the work
        renders.append(config["site_dir"])
        Path(config["site_dir"], "index.html").write_text("<html></html>")

    monkeypatch.setattr(mkdocs.commands.build, "build", fake_build)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首頁\n", encoding="utf-8")

    def renders_after(change=lambda: None, **kwargs) -> int:
        change()
        before = len(renders)
        render_site(tmp_path, **kwargs)
        assert (tmp_path / "site" / "index.html").is_file()
        return len(renders) - before

    assert renders_after() == 1
    assert renders_after() == 0
    assert renders_after(lambda: (tmp_path / "docs" / "a.md").write_text("x")) == 1
    assert renders_after(lambda: (tmp_path / "docs" / "a.md").write_text("y")) == 1
    assert renders_after() == 0
    assert renders_after(lambda: (tmp_path / "mkdocs.yml").write_text("site_name: u\n")) == 1
    search = tmp_path / ".cache" / "search"
    assert renders_after(lambda: search.mkdir(parents=True)
                         or (search / "jieba_user.txt").write_text("詞 9 n\n")) == 1
    assert renders_after(strict=True) == 1
    assert renders_after(force=True) == 1
    assert renders_after(lambda: shutil.rmtree(tmp_path / "site")) == 1
    assert renders_after() == 0


def test_the_search_index_is_the_one_stock_jieba_makes(built_site, tmp_path):
    """zhiku renders with jieba-rs doing jieba's segmentation (zhiku.fastcut); plain
    `mkdocs build` (Material's search plugin with jieba itself) makes the same index."""
    import subprocess
    import sys

    site, _corpus = built_site
    root = site.parent
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                   cwd=root, check=True, capture_output=True)
    ours = (site / "search" / "search_index.json").read_bytes()
    assert b"\\u200b" in ours or "\u200b".encode() in ours  # segmented
    assert (tmp_path / "site" / "search" / "search_index.json").read_bytes() == ours
