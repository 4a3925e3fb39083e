"""The command line: convert writes one file per article; explain says what was removed."""

from __future__ import annotations

import yaml
from conftest import CORPUS
from zhiku.cli import main


def test_convert_writes_one_markdown_file_per_article(tmp_path, capsys):
    assert main(["convert", str(CORPUS / "001_ecccf8a7296f2a19.txt"), "--out", str(tmp_path)]) == 0
    files = sorted(tmp_path.glob("*.md"))
    assert len(files) == 8
    text = files[2].read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "評析 2025 年日本參議院選舉"
    assert front["subtitle"] == "日本政局與對台灣立場"
    assert front["order"] == 3 and front["source"] == "001_ecccf8a7296f2a19.txt"
    assert front["countries"][0] == "JP"


def test_explain_lists_removed_lines_with_their_source_line(capsys):
    assert main(["explain", str(CORPUS / "003_7c4fc924b64bb3f2.txt"), "--all"]) == 0
    out = capsys.readouterr().out
    assert "7 article(s)" in out
    assert "remove_front_matter: removed '臺北市博愛路 172 號'" in out
    assert "remove_masthead: removed '發行人 / 霍守業'" in out
    assert "  242  mark_footnote_references: '7' → '[^7]'" in out


def test_convert_names_an_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["convert", str(bad), "--out", str(tmp_path / "out")]) == 1
    assert "bad.txt" in capsys.readouterr().err
