"""``python -m zhiku.mkdocs_main …``: MkDocs' own command line, with Material's search
plugin segmenting through :func:`zhiku.fastcut.faster_jieba` (jieba's words, computed by
jieba-rs). ``zhiku serve`` runs ``mkdocs serve`` this way; any other MkDocs command works too
(``python -m zhiku.mkdocs_main build --strict``)."""

from __future__ import annotations

import os


def main() -> None:
    from mkdocs.__main__ import cli

    from .fastcut import faster_jieba

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with faster_jieba():
        cli(prog_name="mkdocs")


if __name__ == "__main__":
    main()
