"""An article → Markdown with YAML front matter (the format of article-format.md)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import Article


class _Dumper(yaml.SafeDumper):
    """Block style for the document, flow style for short lists and the country counts."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    flow = all(isinstance(v, int) for v in data.values()) and bool(data)
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def front_matter_yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def article_markdown(article: Article) -> str:
    """Front matter + body, as ``zhiku convert`` writes it."""
    return f"---\n{front_matter_yaml(article.front_matter())}---\n\n{article.body}"


def article_filename(article: Article) -> str:
    return f"{article.id}.md"


def write_articles(articles: list[Article], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for article in articles:
        path = out_dir / article_filename(article)
        path.write_text(article_markdown(article), encoding="utf-8")
        written.append(path)
    return written
