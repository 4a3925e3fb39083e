"""Specification of the country counter (zhiku.countries).

Short sentences taken from the seed texts go in, the expected counts come out. The
last part checks the counter against the hand-verified reference articles in
tests/reference that judge countries (``countries`` is not null).
"""

from __future__ import annotations

import doctest
import time
from pathlib import Path

import pytest
import yaml
from zhiku import countries
from zhiku.countries import (
    count_mentions,
    country_name_en,
    country_name_zh,
    gazetteer_terms,
    primary_countries,
)

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"

# --------------------------------------------------------------------------- sentences

COUNTS = [
    # full and short names
    ("韓國中止對北廣播之後的局勢評估", {"KR": 1, "KP": 1}),
    ("對照川普政府對台積電的要求", {}),
    ("日韓元首相繼訪烏對東北亞安保情勢的影響", {"JP": 1, "KR": 1, "UA": 1}),
    ("英國強勢表態備戰印太安全之虛實", {"GB": 1}),
    ("除解放軍活動外", {"CN": 1}),
    ("隨著中共海軍逐步走向遠洋", {"CN": 1}),
    ("說明我中華民國國情現況", {"TW": 1}),
    ("美國國防部近期關鍵礦產政策", {"US": 1}),
    ("中國政府一直採取強勢", {"CN": 1}),  # jieba's word 中國政府 is re-scanned
    ("美國財政部明確指出", {"US": 1}),
    # abbreviation compounds
    ("美中在第三輪關稅談判的意圖", {"US": 1, "CN": 1}),
    ("美中關稅戰開打後", {"US": 1, "CN": 1}),
    ("“韓美日”三邊合作對於應對北韓的挑戰", {"KR": 1, "US": 1, "JP": 1, "KP": 1}),
    ("朝俄全面戰略夥伴關係", {"KP": 1, "RU": 1}),
    ("二、俄朝全面性深化合作", {"RU": 1, "KP": 1}),
    ("2025 年印巴衝突解決與未來趨勢", {"IN": 1, "PK": 1}),
    ("強化美烏雙方之戰略聯盟關係", {"US": 1, "UA": 1}),
    ("顯示出美國在俄烏戰爭", {"US": 1, "RU": 1, "UA": 1}),
    ("反制中俄戰略同盟關係", {"CN": 1, "RU": 1}),
    ("也強調台日兩國應該合作", {"TW": 1, "JP": 1}),
    ("讓歐美晶片原料來源有斷炊之虞", {"US": 1}),  # 歐 is Europe, not a state
    ("議已凸顯未來美烏雙方經濟", {"US": 1, "UA": 1}),  # 未來 + 美烏, not 來美
    ("中美元首會晤", {"CN": 1, "US": 1}),  # 中美 + 元首, not 美元
    # fixed compounds
    ("工黨政府在兩岸議題上", {"TW": 1, "CN": 1}),
    ("過去南北韓之間", {"KR": 1, "KP": 1}),
    ("中東以哈衝突問題", {"IL": 1}),
    # affix forms
    ("強化對台關係", {"TW": 1}),
    ("也在今年 6 月下旬來台訪問", {"TW": 1}),
    ("遭受「西方反華勢力」圍堵", {"CN": 1}),
    ("此舉可能在避免刺激美方", {"US": 1}),
    ("日方分科會長出席", {"JP": 1}),
    ("紀念中國人民抗日戰爭", {"CN": 1, "JP": 1}),
    ("縮編或撤出駐韓美軍", {"KR": 1, "US": 1}),
    # enumerations of single abbreviations
    ("本次派赴各國智庫計有自美、英、日、韓等 4 國", {"US": 1, "GB": 1, "JP": 1, "KR": 1}),
    ("各（美、中、俄、日）國研究中心", {"US": 1, "CN": 1, "RU": 1, "JP": 1}),
    # dates, and single characters that are not states
    ("5 月 8 日中俄兩國簽署", {"CN": 1, "RU": 1}),
    ("7 月 30 日美中會談", {"US": 1, "CN": 1}),
    ("中國外交部發布「中國不跪」宣傳影片，以中英雙語指責美國", {"CN": 2, "US": 1}),
    ("美中交鋒過程中，中國政府至少仍會", {"US": 1, "CN": 2}),
    ("新政府上台後", {}),
    ("國際情勢越顯嚴峻", {}),
]

NOTHING = [
    "且宣布追加金援 5 億美元",
    "《BBC 中文網》",
    "台積電製作之輝達晶片",  # a company
    "並向日本海發射超音速反艦飛彈",
    "以韓半島局勢長期發展來看",
    "同目標是朝鮮半島完全無核化",
    "1996 年 3 月台海危機期間",
    "置於華府印太安全的優先事項",
    "《北京日報》",
    "日圓與韓圓",
    "中英文對照",
    "美中不足",
    "其中的關鍵",
    "台中市長",
]


@pytest.mark.parametrize(("text", "expected"), COUNTS, ids=[t for t, _ in COUNTS])
def test_counts(text: str, expected: dict[str, int]) -> None:
    assert count_mentions(text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_counts_nothing(text: str) -> None:
    assert count_mentions(text) == {}


def test_japan_sea_does_not_count_japan() -> None:
    assert "JP" not in count_mentions("日本海")
    assert count_mentions("日本海軍") == {"JP": 1}


def test_zhongguo_variants() -> None:
    assert count_mentions("中共") == {"CN": 1}
    assert count_mentions("兩岸") == {"TW": 1, "CN": 1}
    assert count_mentions("台灣與臺灣") == {"TW": 2}


def test_order_is_count_then_code() -> None:
    counts = count_mentions("美國、日本與美國，以及澳洲")
    assert list(counts.items()) == [("US", 2), ("AU", 1), ("JP", 1)]


def test_empty_text() -> None:
    assert count_mentions("") == {}
    assert primary_countries("", "") == []


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        ("US", "美國", "United States"),
        ("CN", "中國", "China"),
        ("KR", "韓國", "South Korea"),
        ("KP", "北韓", "North Korea"),
        ("TW", "台灣", "Taiwan"),
        ("RU", "俄羅斯", "Russia"),
        ("GB", "英國", "United Kingdom"),
        ("AU", "澳洲", "Australia"),
        ("NZ", "紐西蘭", "New Zealand"),
        ("SU", "蘇聯", "Soviet Union"),
        ("JP", "日本", "Japan"),
        ("UA", "烏克蘭", "Ukraine"),
        ("XK", "科索沃", "Kosovo"),
    ],
)
def test_names(code: str, zh: str, en: str) -> None:
    assert country_name_zh(code) == zh
    assert country_name_en(code) == en


def test_gazetteer() -> None:
    terms = gazetteer_terms()
    assert len(terms) == len(set(terms))
    for term in ["美國", "中華人民共和國", "中共", "北韓", "朝鮮", "大韓民國", "台灣", "臺灣",
                 "中華民國", "澳洲", "蘇聯", "烏克蘭", "巴西", "斐濟", "兩岸"]:
        assert term in terms, term
    for word in ["美元", "日本海", "台積電", "韓半島", "對美"]:
        assert word not in terms, word
    # every UN member (193) plus TW, PS, VA, XK and SU has a Chinese name
    codes = {country_name_zh(c) for c in countries._gazetteer().zh}
    assert len(codes) == 198


def test_module_doctests() -> None:
    result = doctest.testmod(countries)
    assert result.failed == 0


def test_speed() -> None:
    text = "\n".join(t for t, _ in COUNTS) * 8  # about 10 KB
    assert len(text.encode()) > 10_000
    count_mentions("美國")  # initialise
    start = time.perf_counter()
    count_mentions(text)
    assert time.perf_counter() - start < 0.1


# --------------------------------------------------------------------------- references


def _reference_files() -> list[Path]:
    """References that judge countries (the ones added here check only the text)."""
    return [path for path in sorted(REFERENCE_DIR.glob("*/*.md"))
            if _load(path)[0].get("countries") is not None]


def _load(path: Path) -> tuple[dict, str, str]:
    """(front matter, title, body) of a reference file."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    marks = [i for i, line in enumerate(lines) if line.rstrip("\n") == "---"]
    meta = yaml.safe_load("".join(lines[marks[0] + 1 : marks[1]]))
    body = "".join(lines[marks[1] + 1 :])
    return meta, meta.get("title") or "", body


_REFERENCE_PARAMS = [pytest.param(p, id=f"{p.parent.name[:3]}-{p.stem}") for p in _reference_files()]


@pytest.mark.parametrize("path", _REFERENCE_PARAMS)
def test_reference_counts(path: Path) -> None:
    meta, title, body = _load(path)
    expected: dict[str, int] = meta["countries_mentioned"]
    got = count_mentions(title + "\n" + body)
    # (a) each primary country is found, with at least half the reference count
    for code in meta["countries"]:
        assert got.get(code, 0) >= 0.5 * expected[code], (code, got.get(code), expected[code])
    # (b) the reference's three most-mentioned countries are in our top five
    ref_top = [c for c, _ in sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))][:3]
    our_top = list(got)[:5]
    assert set(ref_top) <= set(our_top), (ref_top, our_top)


def test_reference_primary_countries() -> None:
    files = _reference_files()
    assert len(files) >= 10
    tp = fp = fn = 0
    rows = []
    for path in files:
        meta, title, body = _load(path)
        expected = list(meta["countries"])
        got = primary_countries(title, body)
        tp += len(set(got) & set(expected))
        fp += len(set(got) - set(expected))
        fn += len(set(expected) - set(got))
        rows.append((f"{path.parent.name[:3]}/{path.stem}", expected, got))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print()
    print(f"{'article':<8} {'reference':<22} {'primary_countries':<22}")
    for name, expected, got in rows:
        print(f"{name:<8} {' '.join(expected):<22} {' '.join(got):<22}")
    print(f"precision {precision:.2f}  recall {recall:.2f}  (tp {tp}, fp {fp}, fn {fn})")
    assert recall >= 0.8
    assert precision >= 0.7
