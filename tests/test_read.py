"""Reading sources: encodings, line endings, and files that are not text."""

from __future__ import annotations

import codecs

import pytest
from zhiku.read import SourceError, decode_bytes, read_source

TEXT = "美中在第三輪關稅談判的意圖\n沈明室\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("big5", b""), ("gb18030", b""),
])
def test_encodings_are_read(tmp_path, encoding, prefix):
    path = tmp_path / "source.txt"
    path.write_bytes(prefix + TEXT.replace("\n", "\r\n").encode(encoding))
    assert read_source(path).text == TEXT


def test_empty_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\n\n")
    with pytest.raises(SourceError, match="empty.txt.*empty"):
        read_source(path)


def test_binary_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x01\x02binary")
    with pytest.raises(SourceError, match="photo.txt.*binary"):
        read_source(path)


def test_a_file_that_is_a_pdf_by_its_bytes_is_read_as_one(tmp_path):
    path = tmp_path / "scan.txt"  # the bytes decide, not the name
    path.write_bytes(b"%PDF-1.7\x00\x01\x02binary")
    with pytest.raises(SourceError, match="scan.txt: cannot read the PDF"):
        read_source(path)


def test_undecodable_file_names_file_and_line(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("第一行\n第二行\n".encode() + b"\xff\xfe\xfa\x80\x81 bad\n")
    with pytest.raises(SourceError, match=r"broken.txt:3: cannot decode"):
        read_source(path)


@pytest.mark.parametrize("text", [
    # Simplified text in GB18030 also decodes as Big5, as other characters
    "美中在第三轮关税谈判中各有所图",
    "朝俄关系：从军事合作到",
    # English with curly quotes: ” is A1B1 in GB18030, § in Big5
    "“Pacific Leaders Call for Unity and Bold Action,” Islands Business",
])
def test_short_gb18030_text_is_not_read_as_big5(text):
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_short_big5_text_is_still_big5():
    for text in ("美中在第三輪關稅談判的意圖", "「國防安全雙週報」，第 87 期。"):
        assert decode_bytes(text.encode("big5")) == (text, "big5")
