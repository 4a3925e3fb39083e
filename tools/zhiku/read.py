"""Read a raw extracted text file into a ``str`` with ``\\n`` line endings.

Extractors and archives hand us UTF-8 (with or without BOM), UTF-16 (with BOM),
Big5 and GB18030.  :func:`read_source` decides the encoding from the bytes, never
from the file name, and raises :class:`SourceError` naming the file (and, for
undecodable bytes, the line) when it cannot.

A PDF (bytes that open with ``%PDF-``) is read by zhiku itself (:mod:`zhiku.pdfread`):
its text comes with what a text extractor drops (line-end hyphens, paragraph ends the
page shows only by a gap or an indent).
"""

from __future__ import annotations

import codecs
import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: Candidate legacy encodings, tried in this order after UTF-8 fails.
LEGACY_ENCODINGS = ("big5", "gb18030")

#: How many of jieba's commonest characters count as common when two encodings compete.
COMMON_HAN = 4000

#: Files larger than this are refused: no think-tank article is 50 MB of text.
MAX_BYTES = 40 * 1024 * 1024


class SourceError(ValueError):
    """A source file that cannot be read as text. The message names the file."""


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str
    encoding: str


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 12 and b != 27)
    return controls > len(sample) * 0.05


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    >>> decode_bytes("臺灣".encode("big5"))
    ('臺灣', 'big5')
    """
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        if _looks_binary(data):
            raise SourceError(f"{name}: binary data, not an extracted text (NUL or control bytes)")
        encodings = ("utf-8",) + LEGACY_ENCODINGS
    first_error: UnicodeDecodeError | None = None
    decoded: list[tuple[str, str]] = []
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            first_error = first_error or error
            continue
        decoded.append((text, encoding.replace("-sig", "")))
        if encoding not in LEGACY_ENCODINGS:
            break  # a BOM or valid UTF-8 decides
    if len(decoded) == 1:
        return decoded[0]
    if decoded:
        # Big5 bytes almost always decode as GB18030 too, and short GB18030 text often as
        # Big5: keep the reading made of common characters (first one on a tie).
        return max(decoded, key=lambda pair: _common_share(pair[0]))
    assert first_error is not None
    line = _line_of(data, first_error.start)
    raise SourceError(
        f"{name}:{line}: cannot decode as {' / '.join(encodings)} "
        f"(first bad byte at offset {first_error.start})"
    )


#: Punctuation of Chinese text (and of English text with curly quotes), besides common Han.
COMMON_MARKS = frozenset("，。、；：？！「」『』（）《》〈〉【】—…“”‘’・·％　")


def _common_share(text: str, sample: int = 20_000) -> float:
    """The share of the non-ASCII characters of ``text`` (its first ``sample`` characters)
    that are common Han characters or punctuation: a right decoding reads as words, a wrong
    one as rare characters and symbols.

    >>> _common_share("臺灣國防"), _common_share("籓芖瓣ň")  # 臺灣國防 in Big5, read as GB18030
    (1.0, 0.25)
    >>> _common_share("“Atlantic”"), _common_share("§Atlantic¨")  # GB18030 read as Big5
    (1.0, 0.0)
    """
    wide = [ch for ch in text[:sample] if ch > "\x7f"]
    if not wide:
        return 0.0
    common = _common_han()
    return sum(ch in common or ch in COMMON_MARKS for ch in wide) / len(wide)


@functools.cache
def _common_han() -> frozenset[str]:
    """The 4,000 commonest characters of jieba's dictionary (by the frequency of the words
    they occur in) and their Traditional forms (OpenCC's ``STCharacters``): ~5,500."""
    import jieba
    import opencc

    counts: Counter[str] = Counter()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq = line.split(" ", 2)[:2]
            for ch in word:
                counts[ch] += int(freq)
    common = {ch for ch, _count in counts.most_common(COMMON_HAN)}
    variants = Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt"
    with variants.open(encoding="utf-8") as handle:
        for line in handle:
            simplified, _tab, traditional = line.rstrip("\n").partition("\t")
            if simplified in common:
                common.update(traditional.split())
    return frozenset(common)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path | str) -> bytes:
    """The raw bytes of a source file, or :class:`SourceError` naming it (unreadable, or
    larger than :data:`MAX_BYTES`)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path}: {size} bytes is larger than the {MAX_BYTES} byte limit "
                              f"(not an extracted article text?)")
        return path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from error


def pdf_source_text(path: Path | str, data: bytes) -> str:
    """The text zhiku reads from a PDF's bytes, or :class:`SourceError` naming the file."""
    from .pdfread import pdf_text

    try:
        return pdf_text(data)
    except ImportError as error:
        raise SourceError(f"{path}: a PDF; reading PDFs needs PyMuPDF: "
                          f"pip install -e '.[pdf]' ({error})") from error
    except (RuntimeError, ValueError) as error:  # PyMuPDF's FileDataError is a RuntimeError
        raise SourceError(f"{path}: cannot read the PDF: {error}") from error
    except Exception as error:  # a page zhiku cannot make sense of: named, never a crash
        raise SourceError(f"{path}: cannot read the PDF: {type(error).__name__}: "
                          f"{error}") from error


def source_from_bytes(path: Path | str, data: bytes) -> SourceText:
    """Decode the bytes of ``path`` (see :func:`decode_bytes`; a PDF: :func:`pdf_source_text`),
    or raise :class:`SourceError`."""
    path = Path(path)
    if data.startswith(b"%PDF-"):
        text = pdf_source_text(path, data)
        if not text.strip():
            raise SourceError(f"{path}: a PDF with no text on its pages (scanned, or damaged?)")
        return SourceText(path, text, "pdf")
    text, encoding = decode_bytes(data, str(path))
    text = normalize_newlines(text)
    if not text.strip():
        raise SourceError(f"{path}: empty source (no text)")
    return SourceText(path, text, encoding)


def read_source(path: Path | str) -> SourceText:
    """Read one raw source file, or raise :class:`SourceError` naming it."""
    return source_from_bytes(path, read_bytes(path))
