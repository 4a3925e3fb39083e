"""``corpus/authors.yml``: one record per person, and the linking of bylines to records.

    authors:
      - id: lin-chih-hao             # ASCII, stable
        name: 林志豪                 # Chinese name as printed
        romanized: [Chih-Hao Lin]    # romanized forms printed beside the Chinese name
        published_as: []             # romanized-only bylines confirmed to be this person
        affiliations:
          - {name: 國家安全研究所, org: 財團法人國防安全研究院, years: "2025"}
        orcid: null
        homepage: null

A byline printed in Chinese links to the record with that name.  A byline printed only in
romanized form links to a record only when the record lists it under ``published_as``: a
romanized name is shared by people whose Chinese names differ (林志豪, 林智豪 → Chih-Hao
Lin), so a match on ``romanized`` alone is reported as *possibly the same person* by
``zhiku check`` and never merged silently.  Romanized forms are compared regardless of
order, hyphens and case: ``Lin Chih Hao`` = ``Chih-Hao Lin`` = ``chih-hao lin``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .manifest import ID_PATTERN, ManifestError, load_yaml_with_lines
from .model import Article

RECORD_KEYS = {"id", "name", "aliases", "romanized", "published_as", "affiliations", "orcid",
               "homepage", "notes"}
_ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def romanized_key(name: str) -> tuple[str, ...]:
    """A romanized name compared regardless of order, hyphens and case.

    >>> romanized_key("Lin Chih Hao") == romanized_key("Chih-Hao Lin")
    True
    """
    tokens = re.split(r"[\s\-‐,.]+", name.lower().strip())
    return tuple(sorted(token for token in tokens if token))


@dataclass
class Person:
    id: str
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    romanized: list[str] = field(default_factory=list)
    published_as: list[str] = field(default_factory=list)
    affiliations: list[dict] = field(default_factory=list)
    orcid: str | None = None
    homepage: str | None = None

    def romanized_keys(self) -> set[tuple[str, ...]]:
        return {romanized_key(name) for name in self.romanized}


@dataclass
class Finding:
    level: str  # "error", "warning", "info"
    message: str


@dataclass
class Authorities:
    people: list[Person] = field(default_factory=list)

    def by_name(self) -> dict[str, Person]:
        names = {}
        for person in self.people:
            for name in [person.name, *person.aliases]:
                names[name] = person
        return names

    def by_id(self) -> dict[str, Person]:
        return {person.id: person for person in self.people}


def load_authorities(path: Path) -> Authorities:
    """Read and check the authority file; errors name the file and line."""
    if not path.exists():
        return Authorities()
    data = load_yaml_with_lines(path)
    if not isinstance(data, dict) or not isinstance(data.get("authors"), list):
        raise ManifestError(f"{path}:1: expected a mapping with an 'authors:' list")
    people: list[Person] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for item in data["authors"]:
        if not isinstance(item, dict):
            raise ManifestError(f"{path}:1: each author must be a mapping, not {item!r}")
        line = item.pop("__line__", 1)
        where = f"{path}:{line}"
        unknown = set(item) - RECORD_KEYS
        if unknown:
            raise ManifestError(f"{where}: unknown keys {sorted(unknown)}")
        person_id, name = item.get("id"), item.get("name")
        if not isinstance(person_id, str) or not ID_PATTERN.match(person_id):
            raise ManifestError(f"{where}: id must be lower-case ASCII letters, digits and '-', "
                                f"not {person_id!r}")
        if not isinstance(name, str) or not name.strip():
            raise ManifestError(f"{where}: name (the Chinese name as printed) is required")
        if person_id in seen_ids:
            raise ManifestError(f"{where}: duplicate author id {person_id!r} (also at line "
                                f"{seen_ids[person_id]})")
        for each in [name, *(item.get("aliases") or [])]:
            if each in seen_names:
                raise ManifestError(f"{where}: the name {each!r} is already the record at line "
                                    f"{seen_names[each]}; a name may belong to one record")
            seen_names[each] = line
        seen_ids[person_id] = line
        orcid = item.get("orcid")
        if orcid is not None and not _ORCID.match(str(orcid)):
            raise ManifestError(f"{where}: orcid must look like 0000-0002-1825-0097")
        affiliations = []
        for affiliation in item.get("affiliations") or []:
            affiliation = dict(affiliation) if isinstance(affiliation, dict) else {"name": affiliation}
            affiliation.pop("__line__", None)
            affiliations.append(affiliation)
        people.append(Person(
            id=person_id, name=name.strip(), line=line,
            aliases=list(item.get("aliases") or []),
            romanized=list(item.get("romanized") or []),
            published_as=list(item.get("published_as") or []),
            affiliations=affiliations, orcid=orcid, homepage=item.get("homepage"),
        ))
    return Authorities(people)


def link_authors(articles: list[Article], authorities: Authorities) -> list[Finding]:
    """Set ``author_ids`` on every article; return what a curator should look at."""
    findings: list[Finding] = []
    by_name = authorities.by_name()
    by_romanized: dict[tuple[str, ...], list[Person]] = {}
    for person in authorities.people:
        for key in person.romanized_keys() | {romanized_key(n) for n in person.published_as}:
            by_romanized.setdefault(key, []).append(person)
    for article in articles:
        where = f"{article.id} ({article.source} article {article.order})"
        if article.authors:
            ids = []
            for index, name in enumerate(article.authors):
                person = by_name.get(name)
                ids.append(person.id if person else None)
                if person is None:
                    findings.append(Finding("info", f"{where}: {name} has no record in authors.yml"))
                    continue
                if index < len(article.authors_en) and person.romanized:
                    printed = romanized_key(article.authors_en[index])
                    if printed not in person.romanized_keys():
                        findings.append(Finding("warning", (
                            f"{where}: {name} is printed as {article.authors_en[index]!r}, which "
                            f"is not among the record's romanized forms {person.romanized}")))
            article.author_ids = ids
        elif article.authors_en:
            ids = []
            for name in article.authors_en:
                key = romanized_key(name)
                confirmed = [p for p in authorities.people
                             if key in {romanized_key(n) for n in p.published_as}]
                possible = [p for p in by_romanized.get(key, []) if p not in confirmed]
                ids.append(confirmed[0].id if len(confirmed) == 1 else None)
                if not confirmed and possible:
                    names = "、".join(f"{p.name} ({p.id})" for p in possible)
                    findings.append(Finding("warning", (
                        f"{where}: the byline {name!r} is possibly the same person as {names}; "
                        f"not merged: list it under that record's published_as if it is")))
                elif len(confirmed) > 1:
                    findings.append(Finding("error", (
                        f"{where}: the byline {name!r} is confirmed for several records: "
                        + ", ".join(p.id for p in confirmed))))
            article.author_ids = ids
    # the same romanized name on two records with different Chinese names
    for key, people in by_romanized.items():
        if len({p.name for p in people}) > 1:
            findings.append(Finding("warning", (
                "romanized name " + " ".join(key) + " belongs to several records: "
                + ", ".join(f"{p.name} ({p.id})" for p in people))))
    return findings


def author_keys(article: Article) -> list[tuple[str, str]]:
    """(index key, label) of each author: the record id when linked, else the printed name.

    An article whose byline is only romanized is indexed under that byline.
    """
    names = article.authors or article.authors_en
    ids = article.author_ids or []
    keys = []
    for index, name in enumerate(names):
        person_id = ids[index] if index < len(ids) else None
        keys.append((f"@{person_id}" if person_id else name, name))
    return keys
