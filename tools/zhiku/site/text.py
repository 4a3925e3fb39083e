"""Escaping metadata values before they are interpolated into generated Markdown.

Metadata comes from scanned publications: titles may contain ``*``, ``[``, ``|`` or even
``<script>``. Everything we put into Markdown outside the article body goes through
:func:`escape_md`; values that MkDocs' templates print raw (front-matter ``title``) go
through :func:`escape_html`.
"""

from __future__ import annotations

import html
import re

# Python-Markdown's backslash-escapable characters (core + tables' "|"), minus the ones
# that only matter at the start of a line ("-", "+", ".", handled below) and minus ">"
# (turned into an entity together with "<" and "&"); "~" (not backslash-escapable, used by
# pymdownx.tilde) becomes a numeric entity.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]()#!|~])")
_BACKSLASH_ESCAPABLE = set("\\`*_{}[]()>#+-.!|")
_LINE_START_LIST = re.compile(r"^(\s*)([-+]|\d+\.)(?=\s|$)")
_WHITESPACE = re.compile(r"\s+")


def escape_html(value: object) -> str:
    """Escape ``& < > " '`` so the value is inert text inside HTML."""
    return html.escape(_one_line(value), quote=True)


def escape_md(value: object) -> str:
    """Return ``value`` as one line of Markdown that renders exactly as the given text.

    Whitespace runs (including newlines) collapse to one space; HTML specials become
    entities; Markdown punctuation is backslash-escaped where Python-Markdown honours the
    escape (a backslash before any other character would be printed).
    """
    text = html.escape(_one_line(value), quote=False)  # & < > first: entities survive below

    def esc(match: re.Match[str]) -> str:
        char = match.group(1)
        return "\\" + char if char in _BACKSLASH_ESCAPABLE else f"&#{ord(char)};"

    text = _INLINE_SPECIALS.sub(esc, text)
    # "- x", "+ x", "1. x" at the start would become a list item.
    return _LINE_START_LIST.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _one_line(value: object) -> str:
    return _WHITESPACE.sub(" ", "" if value is None else str(value)).strip()
