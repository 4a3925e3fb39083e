"""Group articles into the site's four taxonomies: categories, authors, countries, series."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from zhiku.model import Article
from zhiku.site.slugs import assign_slugs, slugify_term


@dataclass
class Term:
    """One category, author, country or series, with its articles newest first."""

    name: str  # the raw value: "國際情勢", "沈明室", "US", "國防安全雙週報"
    slug: str  # page name under the taxonomy's directory, without ".md"
    label: str  # what readers see: the name, or "美國" for "US"
    articles: list[Article] = field(default_factory=list)
    profile: object | None = None  # an author's authority record (zhiku.authors.Person)


@dataclass
class Taxonomy:
    key: str  # directory under docs/: "categories"
    title: str  # page title: "分類"
    terms: list[Term]  # most articles first, then by name

    def by_name(self) -> dict[str, Term]:
        return {term.name: term for term in self.terms}


#: (directory, Chinese title) in navigation order.
TAXONOMIES = (("categories", "分類"), ("authors", "作者"), ("countries", "國家"), ("series", "系列"))


def newest_first(articles: Iterable[Article]) -> list[Article]:
    """Sort by :attr:`Article.sort_date` descending (unknown dates last), then source/order."""
    by_position = sorted(articles, key=lambda a: (a.source, a.order))
    return sorted(by_position, key=lambda a: a.sort_date, reverse=True)


def series_name(article: Article) -> str | None:
    """The publication series without its issue: "國防安全雙週報 第 87 期" → "國防安全雙週報"."""
    series = (article.series or "").strip()
    issue = (article.issue or "").strip()
    if series and issue and series.endswith(issue) and len(series) > len(issue):
        series = series[: -len(issue)].rstrip(" ,，、　")
    return series or None


def country_names(code: str) -> tuple[str, str]:
    """(Chinese name, English name) of an ISO alpha-2 code; the code itself when unknown.

    ``zhiku.countries`` is imported lazily so the site still builds while that module is
    missing or broken.
    """
    try:
        from zhiku import countries
    except Exception:  # noqa: BLE001 - any failure means "no names available"
        return code, code
    return _call(countries, "country_name_zh", code), _call(countries, "country_name_en", code)


def _call(module: object, name: str, code: str) -> str:
    try:
        value = getattr(module, name)(code)
    except Exception:  # noqa: BLE001
        return code
    return str(value) if value else code


def build_taxonomies(articles: Iterable[Article], authorities=None) -> dict[str, Taxonomy]:
    """All four taxonomies; keys are the directory names of :data:`TAXONOMIES`.

    Authors are keyed by their authority record (``@<id>``) when linked, so one person
    printed under several names has one page; unlinked bylines are keyed by the name.
    """
    from zhiku.authors import author_keys

    ordered = newest_first(articles)
    people = authorities.by_id() if authorities is not None else {}
    author_labels: dict[str, str] = {}
    for article in ordered:
        for key, name in author_keys(article):
            person = people.get(key[1:]) if key.startswith("@") else None
            author_labels.setdefault(key, person.name if person else name)
    extractors: dict[str, Callable[[Article], list[str]]] = {
        "categories": lambda a: a.categories,
        "authors": lambda a: [key for key, _ in author_keys(a)],
        "countries": lambda a: [c.upper() for c in a.countries],
        "series": lambda a: [name] if (name := series_name(a)) else [],
    }
    result = {}
    for key, title in TAXONOMIES:
        groups: dict[str, list[Article]] = {}
        for article in ordered:
            for name in dict.fromkeys(v.strip() for v in extractors[key](article) if v):
                if name:
                    groups.setdefault(name, []).append(article)
        if key == "countries":
            slugs = {n: n.lower() if n.isascii() and n.isalpha() else slugify_term(n) for n in groups}
            labels = {name: country_names(name)[0] for name in groups}
        elif key == "authors":
            labels = {name: author_labels.get(name, name) for name in groups}
            by_label = assign_slugs(dict.fromkeys(labels.values()))
            slugs = {name: by_label[labels[name]] for name in groups}
            if len(set(slugs.values())) < len(slugs):  # two people with one name
                slugs = {name: slugify_term(name.lstrip("@")) for name in groups}
        else:
            slugs = assign_slugs(groups)
            labels = {name: name for name in groups}
        terms = [Term(name, slugs[name], labels[name], arts) for name, arts in groups.items()]
        if key == "authors":
            for term in terms:
                term.profile = people.get(term.name[1:]) if term.name.startswith("@") else None
        terms.sort(key=lambda t: (-len(t.articles), t.name))
        result[key] = Taxonomy(key, title, terms)
    return result
