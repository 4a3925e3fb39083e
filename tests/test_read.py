"""Reading sources: encodings, line endings, and files that are not text."""

from __future__ import annotations

import codecs

import pytest
from zhiku.read import SourceError, read_source

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
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\x00\x01\x02binary")
    with pytest.raises(SourceError, match="scan.txt.*binary"):
        read_source(path)


def test_undecodable_file_names_file_and_line(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("第一行\n第二行\n".encode() + b"\xff\xfe\xfa\x80\x81 bad\n")
    with pytest.raises(SourceError, match=r"broken.txt:3: cannot decode"):
        read_source(path)
