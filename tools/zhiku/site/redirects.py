"""Redirect pages for article ids that changed (manifest ``redirects: {old-id: new-id}``).

Each old permalink ``/articles/<old-id>/`` gets a small static page,
``docs/articles/<old-id>/index.html``, that MkDocs copies as it is: a ``<meta http-equiv=
"refresh">`` to the new page, a ``rel=canonical`` link to it, ``noindex`` and a plain link
for the reader; no JavaScript.

Why not the mkdocs-redirects plugin: its ``redirect_maps`` must be written in mkdocs.yml
(the manifest is the one place for curated facts), setting it at build time needs Python at
build time that plain ``mkdocs serve`` does not run, and its current release pulls in a
second MkDocs distribution (properdocs). Static pages work with any builder and server.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from zhiku.manifest import ManifestError

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
MAX_CHAIN = 20


def resolve_redirects(redirects: Mapping[str, str], ids: Iterable[str]) -> dict[str, str]:
    """``{old id: live id}`` with chains (a → b → c) followed to the live article.

    Raises :class:`~zhiku.manifest.ManifestError` (a ``ValueError``, which ``zhiku build``
    reports without a traceback) for an old id that is not ASCII-safe or is still a live
    article, and for a target that leads to no article (or loops).
    """
    live = set(ids)
    resolved = {}
    for old, new in redirects.items():
        if not _ID.match(old):
            raise ManifestError(f"sources.yml: redirect from {old!r}: an id is lower-case "
                                "ASCII letters, digits and '-'")
        if old in live:
            raise ManifestError(f"sources.yml: redirect from {old!r}: that id is a live article")
        target, seen = new, {old}
        while target not in live:
            if target in seen or target not in redirects or len(seen) > MAX_CHAIN:
                raise ManifestError(f"sources.yml: redirect {old!r} → {new!r}: no article has "
                                    f"id {target!r}")
            seen.add(target)
            target = redirects[target]
        resolved[old] = target
    return resolved


def redirect_page(target_id: str, site_url: str | None = None) -> str:
    """The HTML of ``articles/<old-id>/index.html`` pointing at ``/articles/<target_id>/``."""
    relative = f"../{target_id}/"
    canonical = f"{site_url.rstrip('/')}/articles/{target_id}/" if site_url else relative
    href, canon = html.escape(relative, quote=True), html.escape(canonical, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="zh-TW">\n<head>\n<meta charset="utf-8">\n'
        f"<title>本文已移至新網址</title>\n"
        f'<link rel="canonical" href="{canon}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>本文已移至 <a href="{href}">{html.escape(canonical)}</a>。</p>\n'
        "</body>\n</html>\n"
    )


def redirect_pages(redirects: Mapping[str, str], ids: Iterable[str],
                   site_url: str | None = None) -> dict[str, str]:
    """``{"articles/<old-id>/index.html": html}`` for every manifest redirect."""
    return {
        f"articles/{old}/index.html": redirect_page(target, site_url)
        for old, target in sorted(resolve_redirects(redirects, ids).items())
    }
