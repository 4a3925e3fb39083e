"""Converting many sources fast: a cache of converted articles and parallel conversion.

``load_corpus`` (:mod:`zhiku.build`) hands every readable source to :func:`convert_sources`.

* **Cache.** Converted articles (before the manifest's facts are applied) are kept in
  ``.cache/articles/<source file name>/<key>.pickle``; the key hashes the source's bytes,
  its file name and id, and :func:`code_version` (the zhiku package's code and the
  versions of the libraries conversion uses). Re-ingesting an unchanged corpus cleans
  nothing, and editing the manifest re-cleans nothing either: its facts are applied after
  the cache. Writes are atomic; an unreadable entry is a miss; entries of sources that
  left the corpus are pruned.
* **Parallel.** When at least :data:`PARALLEL_MIN_SOURCES` sources need converting and
  there is more than one core, they are converted in worker processes, one per core
  (forked, so they inherit the country tagger already built in the parent).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .convert import convert_text
from .model import Article
from .read import SourceError, source_from_bytes

log = logging.getLogger("zhiku")

#: Convert in worker processes only when at least this many sources changed: below that,
#: starting the workers costs more than it saves.
PARALLEL_MIN_SOURCES = 8
CACHE_FORMAT = "1"


class ConversionError(RuntimeError):
    """The converter failed on a source (a bug, not bad input); the message names the file."""


@dataclass(frozen=True)
class SourceBytes:
    path: Path
    source_id: str
    data: bytes


def convert_sources(sources: Sequence[SourceBytes], *, cache_dir: Path | None = None,
                    workers: int | None = None) -> list[list[Article] | SourceError]:
    """The articles of each source (or the :class:`SourceError` of one that cannot be
    decoded), in order; from the cache where possible. ``cache_dir=None``: no cache.
    ``workers``: processes (default one per core; 1 = sequential)."""
    store = ArticleCache(cache_dir) if cache_dir is not None else None
    results: list[list[Article] | SourceError | None] = [None] * len(sources)
    todo: list[int] = []
    keys: dict[int, str] = {}
    for index, source in enumerate(sources):
        if store is not None:
            keys[index] = store.key(source.path.name, source.source_id, source.data)
            results[index] = store.get(source.path.name, keys[index])
        if results[index] is None:
            todo.append(index)
    converted = _convert_all([sources[index] for index in todo], workers)
    for index, result in zip(todo, converted):
        results[index] = result
        if store is not None and not isinstance(result, SourceError):
            store.put(sources[index].path.name, keys[index], result)
    if store is not None:
        store.prune({source.path.name for source in sources})
    return results  # type: ignore[return-value]


def convert_source(source: SourceBytes) -> list[Article] | SourceError:
    """One source's bytes → its articles; bad input comes back as a :class:`SourceError`,
    a converter failure is raised as a :class:`ConversionError` naming the file."""
    try:
        text = source_from_bytes(source.path, source.data)
    except SourceError as error:
        return error
    try:
        return convert_text(text.text, source.path.name, source.source_id,
                            path=source.path).articles
    except Exception as error:
        raise ConversionError(
            f"{source.path}: conversion failed: {type(error).__name__}: {error}") from error


def _convert_all(sources: list[SourceBytes], workers: int | None) -> list:
    if workers is None:
        workers = os.cpu_count() or 1
    workers = min(workers, len(sources))
    if workers <= 1 or len(sources) < PARALLEL_MIN_SOURCES:
        return [convert_source(source) for source in sources]
    import multiprocessing

    from . import countries

    countries._model()  # build the tagger once, here: forked workers inherit it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(sources) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(convert_source, sources, chunksize=chunk))


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the zhiku package's code and data and of the versions of the libraries
    conversion uses: any change to them invalidates the article cache."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and (path.suffix == ".py" or path.parent.name == "data"):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for dist in ("jieba", "pycountry", "opencc-python-reimplemented", "opencc", "pymupdf"):
        try:
            digest.update(f"{dist}={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()


class ArticleCache:
    """Converted articles, one pickle per source: ``<dir>/<source file name>/<key>.pickle``."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def key(self, name: str, source_id: str, data: bytes) -> str:
        digest = hashlib.sha256(f"{code_version()}\0{name}\0{source_id}\0".encode())
        digest.update(data)
        return digest.hexdigest()[:32]

    def get(self, name: str, key: str) -> list[Article] | None:
        try:
            with open(self.directory / name / f"{key}.pickle", "rb") as handle:
                articles = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                TypeError, ValueError, IndexError):
            return None
        if not (isinstance(articles, list) and all(isinstance(a, Article) for a in articles)):
            return None
        return articles

    def put(self, name: str, key: str, articles: list[Article]) -> None:
        from .site.docs_writer import atomic_write

        folder = self.directory / name
        try:
            atomic_write(folder / f"{key}.pickle",
                         pickle.dumps(articles, protocol=pickle.HIGHEST_PROTOCOL))
            for stale in folder.glob("*.pickle"):
                if stale.name != f"{key}.pickle":
                    stale.unlink(missing_ok=True)
        except OSError as error:  # a cache that cannot be written only costs time
            log.warning("article cache not written for %s: %s", name, error)

    def prune(self, names: set[str]) -> None:
        """Drop the entries of sources that are no longer in the corpus."""
        if not self.directory.is_dir():
            return
        for folder in self.directory.iterdir():
            if folder.is_dir() and folder.name not in names:
                shutil.rmtree(folder, ignore_errors=True)
