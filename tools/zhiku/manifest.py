"""``corpus/sources.yml``: the facts about each source that its text does not print.

    sources:
      - id: indsr-biweekly-87          # ASCII, stable: article ids derive from it
        file: 003_7c4fc924b64bb3f2.txt
        publisher: 財團法人國防安全研究院
        series: 國防安全雙週報
        issue: 第 87 期
        kind: bulletin issue           # bulletin issue, compilation, report, journal article, column
        date: 2025-05-22               # only when known
        articles:                      # per-article overrides, by position in the source
          1: {title: …, title_supplied: true}

Errors name the file and the line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

KINDS = ("bulletin issue", "compilation", "report", "journal article", "column")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
SOURCE_KEYS = {"id", "file", "publisher", "series", "issue", "kind", "date", "articles", "notes",
               "redirects"}
ARTICLE_KEYS = {"id", "title", "subtitle", "title_en", "title_supplied", "authors", "authors_en",
                "institute", "categories", "keywords", "date", "series", "countries", "notes"}


class ManifestError(ValueError):
    """A manifest problem; the message starts with ``file:line:``."""


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml_with_lines(path: Path) -> object:
    """Parse YAML; syntax errors become :class:`ManifestError` with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}:1: cannot read: {error}") from error
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise ManifestError(f"{path}:{line}: malformed YAML: {problem}") from error


@dataclass
class SourceEntry:
    id: str
    file: str
    line: int
    publisher: str | None = None
    series: str | None = None
    issue: str | None = None
    kind: str | None = None
    date: str | None = None
    articles: dict[int, dict] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # old article id → new


def _iso(value: object, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    raise ManifestError(f"{where}: date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")


def load_category_vocabulary(path: Path) -> set[str]:
    """The known focus categories (the manifest's top-level ``categories:`` list)."""
    if not path.exists():
        return set()
    data = load_yaml_with_lines(path)
    items = data.get("categories") if isinstance(data, dict) else None
    return {str(item) for item in items or []}


def load_manifest(path: Path) -> list[SourceEntry]:
    """Read and check the manifest: ids are ASCII and unique, files are named once."""
    data = load_yaml_with_lines(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ManifestError(f"{path}:1: expected a mapping with a 'sources:' list")
    entries: list[SourceEntry] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for item in data["sources"]:
        if not isinstance(item, dict):
            raise ManifestError(f"{path}:1: each source must be a mapping, not {item!r}")
        line = item.pop("__line__", 1)
        where = f"{path}:{line}"
        unknown = set(item) - SOURCE_KEYS
        if unknown:
            raise ManifestError(f"{where}: unknown keys {sorted(unknown)}")
        source_id, file = item.get("id"), item.get("file")
        if not isinstance(source_id, str) or not ID_PATTERN.match(source_id):
            raise ManifestError(f"{where}: id must be lower-case ASCII letters, digits and '-', "
                                f"not {source_id!r}")
        if not isinstance(file, str) or "/" in file or "\\" in file or file.startswith("."):
            raise ManifestError(f"{where}: file must be a plain file name in corpus/, not {file!r}")
        if source_id in seen_ids:
            raise ManifestError(f"{where}: duplicate id {source_id!r} (also at line "
                                f"{seen_ids[source_id]})")
        if file in seen_files:
            raise ManifestError(f"{where}: file {file!r} is listed twice (also at line "
                                f"{seen_files[file]})")
        seen_ids[source_id], seen_files[file] = line, line
        kind = item.get("kind")
        if kind is not None and kind not in KINDS:
            raise ManifestError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        articles = {}
        listed = dict(item.get("articles") or {})
        listed.pop("__line__", None)
        for key, override in listed.items():
            if not isinstance(key, int) or not isinstance(override, dict):
                raise ManifestError(f"{where}: articles are keyed by position (1, 2, …)")
            override = dict(override)
            override_line = override.pop("__line__", line)
            unknown = set(override) - ARTICLE_KEYS
            if unknown:
                raise ManifestError(f"{path}:{override_line}: unknown article keys {sorted(unknown)}")
            if "date" in override:
                override["date"] = _iso(override["date"], f"{path}:{override_line}")
            if "id" in override and not ID_PATTERN.match(str(override["id"])):
                raise ManifestError(f"{path}:{override_line}: article id must be ASCII, "
                                    f"not {override['id']!r}")
            articles[key] = override
        redirects = dict(item.get("redirects") or {})
        redirects.pop("__line__", None)
        entries.append(SourceEntry(
            id=source_id, file=file, line=line,
            publisher=item.get("publisher"), series=item.get("series"), issue=item.get("issue"),
            kind=kind, date=_iso(item.get("date"), where), articles=articles,
            redirects={str(k): str(v) for k, v in redirects.items()},
        ))
    return entries
