"""Count the states named in a Traditional-Chinese (Taiwan) text.

The counter is gazetteer based:

* **Gazetteer.** All UN member states plus Taiwan (TW), Kosovo (XK), Palestine (PS),
  the Holy See (VA) and the historical Soviet Union (SU). ISO codes, English names and
  the Chinese names come from :mod:`pycountry` and its ``zh_TW`` gettext catalogue; a
  small hand-written dict of *additions* (:data:`ZH_ADDITIONS`) adds the Taiwan-usage
  short names and aliases (美方, 中共, 北韓, 澳洲, 烏國 ...), and :data:`COMPOUND_TERMS`
  the fixed compounds (兩岸 -> TW + CN, 以巴 -> IL + PS).
* **Segmentation.** Text is segmented with an isolated :class:`jieba.Tokenizer` whose
  dictionary is extended with the gazetteer terms and with a list of *non-country*
  words that contain country characters (:data:`NON_COUNTRY_WORDS`: 美元, 中文, 日本海,
  台積電, 韓半島, 北京 ...). A term counts only when jieba keeps it as a whole token, so
  日本海 is one (non-country) token and never yields 日本.

  jieba's own dictionary is Simplified Chinese, so segmentation runs on a
  character-by-character Traditional→Simplified mapping of the text (OpenCC's
  ``TSCharacters`` table, one character to one character, so offsets are unchanged).
  This lets jieba's general vocabulary (完美, 越來越, 日內瓦 ...) absorb country
  characters that are not country mentions.
* **Single-character abbreviations** (美, 中, 日, 韓 ...) count only in the
  contexts documented on :func:`count_mentions`.

Public API: :func:`count_mentions`, :func:`primary_countries`, :func:`country_name_zh`,
:func:`country_name_en`, :func:`gazetteer_terms`.
"""

from __future__ import annotations

import gettext
import itertools
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .fastcut import NativeTokenizer

# --------------------------------------------------------------------------- data


def _words(text: str) -> list[str]:
    """Whitespace-separated words of a data block."""
    return text.split()


#: pycountry entries that are not UN member states (dependent territories, Antarctica,
#: Western Sahara, Cook Islands, Niue). Every other ISO 3166-1 entry is kept: the 193
#: UN members plus TW, PS and VA.
NON_STATE_CODES = frozenset(
    _words(
        """
        AI AQ AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM
        IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT
        """
    )
)

#: Entries not in ``pycountry.countries``: code -> (English name, Chinese name).
EXTRA_STATES = {
    "XK": ("Kosovo", "科索沃"),
    "SU": ("Soviet Union", "蘇聯"),
}

#: Short English names where pycountry's are formal or dated.
EN_NAMES = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "DR Congo", "CG": "Republic of the Congo",
    "CZ": "Czechia", "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran",
    "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova",
    "PS": "Palestine", "RU": "Russia", "SY": "Syria", "TR": "Turkey", "TW": "Taiwan",
    "TZ": "Tanzania", "US": "United States", "VA": "Holy See", "VE": "Venezuela",
    "VN": "Vietnam", "CV": "Cape Verde", "SZ": "Eswatini", "CI": "Côte d'Ivoire",
}

#: Display names in Taiwan usage where pycountry's zh_TW name is not the usual one.
ZH_DISPLAY = {
    "AU": "澳洲", "KR": "韓國", "KP": "北韓", "TW": "台灣", "RU": "俄羅斯", "ID": "印尼",
    "VA": "教廷", "LA": "寮國", "IR": "伊朗", "SY": "敘利亞", "CD": "剛果民主共和國",
    "AE": "阿聯", "SA": "沙烏地阿拉伯", "CG": "剛果共和國", "PE": "秘魯", "TZ": "坦尚尼亞", "MD": "摩爾多瓦",
    "VE": "委內瑞拉", "BO": "玻利維亞", "VN": "越南", "US": "美國", "CN": "中國",
}

#: Hand additions to the pycountry zh_TW names: Taiwan-usage names, abbreviations used
#: as words, organs of the state that stand for it (中共, 解放軍), and demonym+noun
#: forms. A term listed under two codes counts for both (兩岸 -> TW + CN).
ZH_ADDITIONS: dict[str, tuple[str, ...]] = {
    "US": ("美國", "美利堅", "美利堅合眾國", "美方", "美軍", "歐美", "美歐"),
    "CN": ("中國", "中共", "解放軍", "共軍", "中華人民共和國", "中方", "中國大陸", "大陸",
           "中國共產黨", "共機", "共艦", "一中"),
    "TW": ("台灣", "臺灣", "中華民國", "中華台北", "台獨"),
    "KP": ("北韓", "朝鮮", "北朝鮮", "朝鮮民主主義人民共和國", "對北", "脫北"),
    "KR": ("南韓", "韓國", "大韓民國"),
    "GB": ("英國", "大英帝國", "聯合王國"),
    "RU": ("俄羅斯", "俄國", "俄方", "俄軍", "俄羅斯聯邦"),
    "UA": ("烏克蘭", "烏國"),
    "IN": ("印度",),
    "PK": ("巴基斯坦",),
    "AU": ("澳洲", "澳大利亞"),
    "FJ": ("斐濟",),
    "JP": ("日本",),
    "PH": ("菲律賓", "菲國"),
    "VN": ("越南",),
    "NZ": ("紐西蘭",),
    "SU": ("蘇聯", "前蘇聯", "蘇維埃"),
    "IL": ("以色列",),
    "PS": ("巴勒斯坦",),
    "IR": ("伊朗",),
    "YE": ("葉門",),
    "ID": ("印尼",),
    "SA": ("沙烏地", "沙烏地阿拉伯", "沙國"),
    "AE": ("阿聯", "阿聯酋"),
    "CD": ("剛果", "民主剛果"),
    "CA": ("加拿大",),
    "PE": ("秘魯",),
    "VA": ("梵蒂岡",),
    "BY": ("白俄",),
    "KZ": ("哈薩克",),
    "XK": ("科索沃",),
}

#: Fixed compounds whose characters are not all in :data:`ABBREVIATIONS`, or whose
#: reading differs from the characters' (以巴 is Israel-Palestine, not Pakistan).
COMPOUND_TERMS: dict[str, tuple[str, ...]] = {
    "兩岸": ("TW", "CN"),
    "南北韓": ("KR", "KP"),
    "韓朝": ("KR", "KP"),
    "朝韓": ("KP", "KR"),
    "以巴": ("IL", "PS"),
    "以伊": ("IL", "IR"),
    "以黎": ("IL", "LB"),
    "以哈": ("IL",),
    "美以": ("US", "IL"),
    "美伊": ("US", "IR"),
    "美加": ("US", "CA"),
    "美墨": ("US", "MX"),
    "美加墨": ("US", "CA", "MX"),
}

#: Single characters that abbreviate a state inside compounds (美中, 韓美日, 印巴).
ABBREVIATIONS = {
    "美": "US", "中": "CN", "俄": "RU", "英": "GB", "法": "FR", "德": "DE", "日": "JP",
    "韓": "KR", "朝": "KP", "印": "IN", "巴": "PK", "台": "TW", "臺": "TW", "烏": "UA",
    "澳": "AU", "紐": "NZ", "菲": "PH", "越": "VN", "泰": "TH", "蘇": "SU",
}

#: Abbreviations that count as a lone token (e.g. 「美將…」, 「歐美」 split as 歐/美).
SAFE_SINGLES = frozenset("美俄韓烏")

#: Prefixes forming 對美 / 訪日 / 抗日 / 反華 ... (verb or attitude + abbreviation).
PREFIXES = "對訪赴抗反親挺友侵援輸仇駐留犯返來離"
#: Suffixes forming 美方 / 日軍 / 韓媒 ... (abbreviation + noun).
SUFFIXES = "方軍艦媒企籍資商僑"
#: Abbreviations that take the affixes: code, takes prefixes, takes suffixes. 華 stands
#: for China only after a prefix (反華; 華商/華僑 are the diaspora), 陸 (大陸) in both
#: (陸方, 赴陸). 巴 (PK/PS/BR) and 紐 are left out: too ambiguous.
AFFIX_ABBREVIATIONS: dict[str, tuple[str, bool, bool]] = {
    **{ch: (code, True, True) for ch, code in ABBREVIATIONS.items() if ch not in "巴紐"},
    "華": ("CN", True, False),
    "陸": ("CN", True, True),
}
#: Generated affix forms that are ordinary words or too ambiguous to count.
AFFIX_EXCEPTIONS = frozenset(
    _words(
        """
    來日 來越 留中 犯中 返中 離中 來中 中軍 中艦 中商 中僑 中籍
    陸軍 陸艦 陸僑 犯陸 離陸 法商 法資 日商 蘇商 蘇僑 蘇資
    """
    )
)

#: Words that contain a country character but do not name a state: languages,
#: currencies, seas and straits, regions, cities used as metonyms, companies and media,
#: persons, and common words. They are added to the tokenizer with a weight that makes
#: e.g. 日本海 win over 日本 + 海 (see the frequencies below).
NON_COUNTRY_WORDS = tuple(
    _words(
        """
    中文 英文 日文 韓文 法文 德文 俄文 中英文 英語 日語 韓語 法語 德語 俄語 華語 漢語 外語
    美元 美金 日圓 日元 日幣 韓圓 韓元 台幣 新台幣 新臺幣 人民幣 歐元 英鎊 盧布
    日本海 韓半島 朝鮮半島 台海 臺海 台灣海峽 臺灣海峽 印度洋 印太 印度太平洋 南海 東海 黃海
    中東 中亞 中歐 中南美 中美洲 北美 南美 北美洲 南美洲 美洲 拉美 泛美 東南亞 南亞 東北亞 歐亞
    港澳 澳門 紐約 紐帶 樞紐 巴黎 巴爾幹 巴格達 巴士 尾巴 嘴巴 巴拿馬運河 新德里 德黑蘭
    日內瓦 華府 華盛頓 北京 台北 臺北 台中 臺中 台南 臺南 台東 臺東 平壤 首爾 漢城 莫斯科
    基輔 倫敦 東京 華沙 中南半島 內蒙古 外蒙古 蘇格蘭 江蘇 蘇州 中華 華人 華裔 華僑 中華文化
    台積電 台電 台大 台股 中科院 中研院 中央社 中時 中國時報 中國新聞網 中國共產黨新聞網
    中國日報 朝鮮日報 朝日新聞 朝中社 朝鮮中央通訊社 日本經濟新聞 新華社 華為 中油 中鋼 中信
    中華電信 印度河
    中心 中央 中間 其中 之中 當中 從中 中立 中等 中小 中小企業 中長期 中短期 中期 中程
    中型 中層 中部 中旬 中止 中斷 中途 中性 中將 中校 中尉 中士 中線 中華路 中國結 心中 手中 空中
    日期 日報 今日 昨日 明日 近日 連日 當日 同日 次日 翌日 每日 終日 平日 假日 節日 生日
    紀念日 日前 日後 日益 日漸 日趨 日常 日程 日子 日夜 白日 來日 週日 周日 星期日 日間
    美麗 美好 美德 完美 優美 讚美 審美 美學 美術 美食 美女 美容 美感 美名 美譽 美意 美滿 美化
    英雄 英里 英才 英明 英勇 精英 菁英 英特爾 英雄主義 英吉利海峽
    法律 法規 法案 法院 方法 辦法 說法 做法 看法 想法 立法 法治 法西斯 合法 非法 憲法 國際法
    道德 德行 品德 功德
    越來越 超越 越過 跨越 卓越 越戰 越界 越南戰爭
    泰晤士
    烏雲 烏龜 烏托邦 烏魯木齊
    韓戰 韓流 韓國瑜 韓劇
    朝代 朝向 王朝 朝野 朝聖 朝廷 朝夕
    印象 印刷 印證 印記 印章 影印 印第安
    台上 下台 上台 舞台 平台 電台 後台 前台 台階 台詞 陽台 講台 擂台 站台 月台 櫃台 台風
    颱風 釣魚台 青瓦台 對台戲 台灣人
    北約 北部 北方 北極 北邊 北上 北非 北歐 北愛爾蘭 台北市 大陸架 大陸棚 新大陸 歐洲大陸
    美洲大陸 大陸性 大陸法 大陸委員會 陸委會 反法西斯 法制 美中不足
    朝日 巴中 蘇中 蘇澳 烏法 烏蘇 烏日 巴德 德巴 巴泰 巴蘇 巴菲 德菲 巴烏
    """
    )
)

# Word frequencies given to jieba (its dictionary totals about 6e7; 中国 has 1.3e5, 美国
# 3.6e4, 未来 6e3). Names are as frequent as the commonest state names; a non-country
# word beats a name plus a character (日本海 > 日本 + 海) but not a name plus a word
# (日本 + 海军 > 日本海 + 军); an affix form beats two single characters (對 + 美) but
# not an ordinary word (未来 + 美 > 未 + 来美). Pairs of abbreviations (日韓) weigh as
# much as affix forms.
_FREQ_NAME = 100_000
_FREQ_PYCOUNTRY = 10_000  # pycountry-only names: long official ones, or 海地, 查德, 約旦
_FREQ_NON_COUNTRY = 20_000
_FREQ_AFFIX = 2_000

_ENUM_JOINERS = frozenset("、/／‧・")
_NUMERAL_RE = re.compile(r"[0-9０-９一二三四五六七八九十廿卅]$")


# --------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class _Gazetteer:
    en: dict[str, str]  # code -> English short name
    zh: dict[str, str]  # code -> Chinese display name (Taiwan usage)
    terms: dict[str, tuple[str, ...]]  # Traditional term -> codes
    kinds: dict[str, str]  # term -> "name" (Taiwan usage), "pycountry" or "affix"


def _strip_parenthesis(name: str) -> list[str]:
    """``'教廷 (梵蒂岡城市國)'`` -> ``['教廷', '梵蒂岡城市國']``."""
    m = re.match(r"^(.*?)\s*[（(](.*?)[)）]\s*$", name)
    parts = [m.group(1), m.group(2)] if m else [name]
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_TW"])
        zh_of = tr.gettext
    except OSError:  # pragma: no cover - pycountry without locales
        def zh_of(s: str) -> str:
            return s

    en: dict[str, str] = {}
    zh: dict[str, str] = {}
    terms: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}

    def add(term: str, codes: tuple[str, ...], kind: str) -> None:
        if term not in terms and term not in NON_COUNTRY_WORDS:
            terms[term] = codes
            kinds[term] = kind

    # Taiwan usage first: display names, hand additions (剛果 -> CD, not pycountry's
    # CG), fixed compounds.
    pycountry_names: list[tuple[str, str]] = []
    for c in pycountry.countries:
        code = c.alpha_2
        if code in NON_STATE_CODES:
            continue
        en[code] = EN_NAMES.get(code) or getattr(c, "common_name", None) or c.name
        found: list[str] = []
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            translated = zh_of(value) if value else ""
            if translated != value and re.search(r"[\u4e00-\u9fff]", translated):
                found.extend(_strip_parenthesis(translated))
        zh[code] = ZH_DISPLAY.get(code) or (found[0] if found else en[code])
        pycountry_names.extend((name, code) for name in found)
    for code, (en_name, zh_name) in EXTRA_STATES.items():
        en[code] = en_name
        zh[code] = ZH_DISPLAY.get(code, zh_name)
    for code, extra in ZH_ADDITIONS.items():
        for term in extra:
            add(term, (code,), "name")
    for code, name in zh.items():
        add(name, (code,), "name")
    for term, codes in COMPOUND_TERMS.items():
        add(term, codes, "name")
    # pycountry's zh_TW names and official names (中華民國, 大韓民國, 俄羅斯聯邦 ...).
    for name, code in pycountry_names:
        add(name, (code,), "pycountry")
    # Affix forms: 對美, 訪日, 反華, 美方, 日軍, 陸媒 ...
    for ch, (code, takes_prefix, takes_suffix) in AFFIX_ABBREVIATIONS.items():
        words = [p + ch for p in PREFIXES] if takes_prefix else []
        words += [ch + s for s in SUFFIXES] if takes_suffix else []
        for word in words:
            if word not in AFFIX_EXCEPTIONS:
                add(word, (code,), "affix")
    return _Gazetteer(en=en, zh=zh, terms=terms, kinds=kinds)


# --------------------------------------------------------------------------- tokenizer


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, int]:
    """One-to-one Traditional->Simplified character table (OpenCC ``TSCharacters``)."""
    try:
        import opencc

        path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ImportError, OSError):  # pragma: no cover - fall back to no conversion
        return {}
    table: dict[int, int] = {}
    for line in lines:
        trad, _, simp = line.partition("\t")
        simp = simp.split()[0] if simp.split() else ""
        if len(trad) == 1 and len(simp) == 1:
            table[ord(trad)] = ord(simp)
    return table


def _to_simplified(text: str) -> str:
    return text.translate(_t2s_table())


@dataclass(frozen=True)
class _Model:
    tokenizer: object
    terms: dict[str, tuple[str, ...]]  # Simplified term -> codes
    non_country: frozenset[str]  # Simplified non-country words
    abbreviations: dict[str, str]  # Simplified char -> code
    safe_singles: frozenset[str]
    max_len: int  # longest term or non-country word
    native: NativeTokenizer  # the tokenizer's words, computed by jieba-rs
    abbreviation: re.Pattern  # any abbreviation character: 美, 中, 日 ...
    any_term: re.Pattern  # any Simplified gazetteer term
    # token -> (kind, value, visible, ends with a numeral): see :func:`_token_kind`
    token_kinds: dict = field(default_factory=dict)


_lock = threading.Lock()
_model_cache: list[_Model] = []


def _model() -> _Model:
    """Build the tokenizer and lookup tables once per process."""
    if _model_cache:
        return _model_cache[0]
    with _lock:
        if _model_cache:
            return _model_cache[0]
        import jieba

        gaz = _gazetteer()
        tok = jieba.Tokenizer()  # private instance: the global jieba is left alone
        terms = {_to_simplified(t): codes for t, codes in gaz.terms.items()}
        non_country = frozenset(_to_simplified(w) for w in NON_COUNTRY_WORDS)
        level = jieba.default_logger.level
        jieba.default_logger.setLevel(logging.WARNING)  # silence "Building prefix dict"
        try:
            tok.check_initialized()
            freqs = {"name": _FREQ_NAME, "pycountry": _FREQ_PYCOUNTRY, "affix": _FREQ_AFFIX}
            for term, kind in gaz.kinds.items():
                simp = _to_simplified(term)
                tok.add_word(simp, freq=max(freqs[kind], tok.FREQ.get(simp, 0)))
            for word in non_country:
                tok.add_word(word, freq=max(_FREQ_NON_COUNTRY, tok.FREQ.get(word, 0)))
            # Two-abbreviation compounds are words too, so that 日韓元首 is 日韓 + 元首
            # and not 日 + 韓元 (won) + 首. Pairs of jieba's dictionary that are not
            # compounds of states (朝日, 蘇澳, 巴中 ...) are in NON_COUNTRY_WORDS.
            pair_chars = [_to_simplified(ch) for ch in ABBREVIATIONS if ch not in "巴紐"]
            for a, b in itertools.permutations(dict.fromkeys(pair_chars), 2):
                pair = a + b
                if pair not in non_country and pair not in terms:
                    tok.add_word(pair, freq=max(_FREQ_AFFIX, tok.FREQ.get(pair, 0)))
        finally:
            jieba.default_logger.setLevel(level)
        abbreviations = {_to_simplified(ch): code for ch, code in ABBREVIATIONS.items()}
        model = _Model(
            tokenizer=tok,
            terms=terms,
            non_country=non_country,
            abbreviations=abbreviations,
            safe_singles=frozenset(_to_simplified(ch) for ch in SAFE_SINGLES),
            max_len=max(len(w) for w in [*terms, *non_country]),
            native=NativeTokenizer(tok),
            abbreviation=re.compile("[" + re.escape("".join(sorted(abbreviations))) + "]"),
            any_term=re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True)))),
        )
        _model_cache.append(model)
        return model


# --------------------------------------------------------------------------- counting


#: Characters jieba-rs counts as Han and jieba does not (CJK extension A, U+9FD6–U+9FFF,
#: compatibility ideographs, the supplementary planes): a text holding one is cut block by block.
_BEYOND_JIEBA = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")

def _tokens(m: _Model, text: str) -> list[str]:
    """``list(jieba.Tokenizer.cut(text, HMM=False))`` with the country tokenizer (``text``
    already Simplified), computed by jieba-rs: the whole text in one call, or, when the text
    holds a character jieba-rs counts as Han and jieba does not (:data:`_BEYOND_JIEBA`),
    cut into blocks with jieba's own expression first (:meth:`NativeTokenizer.cut`)."""
    if _BEYOND_JIEBA.search(text):
        return m.native.cut(text, False)
    return m.native.native.cut(text, False)


_LineResult = tuple[tuple[str, ...], bool]

#: A token that is no term, abbreviation or enumeration mark (pass 1 of _line_mentions).
_OTHER_KIND = "other"
_OTHER = (_OTHER_KIND, "")


def _mentions(text: str, cache: dict[tuple[str, bool], _LineResult] | None = None) -> list[str]:
    """Every country mention in *text*, as a list of ISO codes in text order.

    jieba never joins characters across a line break, and a line break ends every
    compound and enumeration, so the mentions of a text are those of its lines, one after
    the other; the only thing a line passes to the next is whether the last thing printed
    was a numeral (the date rule: ``7`` / ``日美會談``). ``cache`` ((line, numeral before) →
    (codes, numeral after)) lets :func:`tag_article` count the title and body again (for
    :func:`primary_countries`) without segmenting them again.
    """
    if not text:
        return []
    m = _model()
    out: list[str] = []
    numeral = False
    for line in text.split("\n"):
        key = (line, numeral)
        result = cache.get(key) if cache is not None else None
        if result is None:
            result = _line_mentions(m, line, numeral)
            if cache is not None:
                cache[key] = result
        codes, numeral = result
        out.extend(codes)
    return out


def _line_mentions(m: _Model, line: str, numeral: bool) -> _LineResult:
    """(mentions, whether the line ends with a numeral) for one line of text, given
    whether the text before it ended with one."""
    simplified = _to_simplified(line)
    if not (m.abbreviation.search(simplified) or m.any_term.search(simplified)):
        visible = simplified.rstrip()  # a line without a mention: only the date rule's state
        return (), bool(_NUMERAL_RE.search(visible[-1])) if visible else numeral
    abbr = m.abbreviations

    # Pass 1: items. ("term", codes) | ("run", chars) | ("join", "") | ("other", "").
    # Consecutive "other" items are kept as one: only their presence matters below.
    items: list[tuple[str, object]] = [_OTHER]
    append = items.append
    after_numeral = numeral  # the last visible token ends with a numeral (the date rule)
    kinds = m.token_kinds
    for tok in _tokens(m, simplified):
        kind, value, visible, numeral_end = kinds.get(tok) or _token_kind(m, tok)
        if kind is _OTHER_KIND:
            if items[-1] is not _OTHER:
                append(_OTHER)
        elif kind == "run":
            if items[-1][0] == "run":  # 韓美 + 日 -> 韓美日
                items[-1] = ("run", items[-1][1] + tok)
            elif tok[0] == "日" and after_numeral:
                # 7 日美中會談: this 日 is a date.
                append(("run", tok[1:]) if len(tok) > 1 else _OTHER)
            else:
                append(("run", tok))
        else:
            append((kind, value))
        if visible:
            after_numeral = numeral_end

    # Pass 2: enumerations = term/run items separated by single joiners (美、英、日、韓).
    out: list[str] = []
    i, n = 0, len(items)
    while i < n:
        kind, value = items[i]
        if kind not in ("term", "run"):
            i += 1
            continue
        group = [items[i]]
        j = i + 1
        while j + 1 < n and items[j][0] == "join" and items[j + 1][0] in ("term", "run"):
            group.append(items[j + 1])
            j += 2
        for kind, value in group:
            if kind == "term":
                out.extend(value)
                continue
            chars = list(dict.fromkeys(value))  # 美美 -> 美
            if len(chars) >= 2 or len(group) >= 2 or chars[0] in m.safe_singles:
                out.extend(abbr[ch] for ch in chars)
        i = j
    return tuple(out), after_numeral




def _token_kind(m: _Model, tok: str) -> tuple[str, object, bool, bool]:
    """What one token is to pass 1 of :func:`_line_mentions`, remembered per model (a
    token's kind depends on the token alone): ``("term", codes, …)`` for a gazetteer term or
    a dictionary word hiding one (中國政府), ``("run", tok, …)`` for a token of abbreviations
    (美中), ``("join", "", …)`` for an enumeration mark (、), else other; then whether it is
    visible (not white space) and whether it ends with a numeral (the date rule)."""
    abbr, non_country = m.abbreviations, m.non_country
    codes = m.terms.get(tok)
    if codes is not None:
        kind, value = "term", codes
    elif tok[0] in abbr and tok not in non_country and all(ch in abbr for ch in tok):
        kind, value = "run", tok
    elif tok in _ENUM_JOINERS:
        kind, value = "join", ""
    elif (len(tok) >= 3 and tok not in non_country
          and (m.abbreviation.search(tok) or m.any_term.search(tok))
          and (codes := _scan_word(m, tok))):
        kind, value = "term", codes
    else:
        kind, value = _OTHER_KIND, ""
    result = (kind, value, not tok.isspace(), bool(_NUMERAL_RE.search(tok)))
    m.token_kinds[tok] = result
    return result


def _scan_word(m: _Model, word: str) -> tuple[str, ...]:
    """Mentions inside a word of jieba's general dictionary.

    jieba's own dictionary has words such as 中國政府, 抗日戰爭 and 中美關係, which
    hide a mention. Such a word is scanned by longest match over the gazetteer and
    the non-country words (``中國政府`` -> 中國 + 政府 -> CN; ``中央軍委`` -> 中央 ->
    nothing), and a leading compound of abbreviations followed by a word is split off
    (``中美關係`` -> 中美 + 關係 -> CN + US).
    """
    codes: list[str] = []
    n = len(word)
    p = 0
    while p < n and word[p] in m.abbreviations:
        p += 1
    lead = list(dict.fromkeys(word[:p]))
    if (
        len(lead) >= 2
        and p < n
        and word[:p] not in m.non_country  # 台中港, 蘇澳港: places
        and m.tokenizer.FREQ.get(word[p:])
    ):
        codes.extend(m.abbreviations[ch] for ch in lead)
    else:
        p = 0
    while p < n:
        for size in range(min(m.max_len, n - p), 1, -1):
            piece = word[p : p + size]
            if piece in m.non_country:
                break
            if piece in m.terms:
                codes.extend(m.terms[piece])
                break
        else:
            size = 1
        p += size
    return tuple(codes)


def _sorted_counts(counter: Counter) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def count_mentions(text: str, *, cache: dict | None = None) -> dict[str, int]:
    """Count the mentions of each state in *text*: ISO code -> count.

    Sorted by count (descending), then code. Rules, in order:

    1. A gazetteer name or alias kept whole by the tokenizer counts for its state:
       ``中共`` -> CN; ``兩岸`` -> TW + CN; ``南北韓`` -> KR + KP. A word of jieba's own
       dictionary that contains a name is scanned (:func:`_scan_word`): ``中國政府``,
       ``美國國防部`` -> CN, US.
    2. A non-country word never counts, nor the country inside it: ``美元``, ``中文``,
       ``台積電``, ``日本海``, ``韓半島``, ``朝鮮半島``, ``華府``, ``北京`` -> nothing.
    3. Affix forms count: prefix + abbreviation (``對美``, ``訪日``, ``抗日``, ``反華``,
       ``來台``, ``侵烏``) and abbreviation + suffix (``美方``, ``日軍``, ``韓媒``,
       ``陸方``).
    4. A token made only of abbreviation characters is a compound and each character
       counts: ``美中`` -> US + CN, ``韓美日`` -> KR + US + JP, ``印巴`` -> IN + PK.
       Adjacent abbreviation tokens join into one compound (jieba may split 韓美日).
       Every pair of abbreviations is a tokenizer word, so ``中美元首`` is 中美 + 元首,
       not 中 + 美元 + 首.
    5. Items of an enumeration joined by 、 count even when single: ``美、英、日、韓`` ->
       US, GB, JP, KR; ``美國、日、澳`` -> US, JP, AU.
    6. A lone abbreviation counts only for 美, 俄, 韓 and 烏 (``歐/美``, ``俄將``);
       a lone 中 (middle), 日 (day), 台 (stage), 法 (law) ... does not.
    7. 日 right after a numeral is a date: ``7 日美中會談`` counts US + CN, not JP.

    >>> count_mentions("美中關稅談判")
    {'CN': 1, 'US': 1}
    >>> count_mentions("以美元計價的台積電股票")
    {}

    ``cache`` (an empty dict to start) lets several calls on the same lines segment each
    line once: :func:`tag_article` uses one per article.
    """
    return _sorted_counts(Counter(_mentions(text, cache)))


# --------------------------------------------------------------------------- primary

#: Thresholds for a body-only primary country (tuned on the reference articles).
PRIMARY_MIN_COUNT = 5
PRIMARY_MIN_SHARE = 0.15  # of the most-mentioned state's count
PRIMARY_MIN_THIRDS = 2  # ... in at least this many thirds of the body,
PRIMARY_MIN_PER_THIRD = 2  # ... with at least this many mentions in each of them


def _thirds(body: str) -> list[str]:
    """Split *body* into three parts of about equal length, at line boundaries."""
    lines = body.splitlines(keepends=True)
    total = sum(len(line) for line in lines) or 1
    parts = ["", "", ""]
    pos = 0
    for line in lines:
        k = min(2, int(3 * (pos + len(line) / 2) / total))
        parts[k] += line
        pos += len(line)
    return parts


def primary_countries(
    title: str, body: str, counts: dict[str, int] | None = None, *,
    cache: dict | None = None,
) -> list[str]:
    """The states the article is about.

    * every state named in the *title* (rules of :func:`count_mentions`), and
    * every state mentioned at least :data:`PRIMARY_MIN_COUNT` times, at least
      :data:`PRIMARY_MIN_SHARE` of the top state's count, and mentioned at least
      :data:`PRIMARY_MIN_PER_THIRD` times in each of at least :data:`PRIMARY_MIN_THIRDS`
      of the three equal thirds of the body (spread, not one passing paragraph).

    *counts* defaults to ``count_mentions(title + body)``. Title states come first,
    then the others; each part ordered by count, then code.

    >>> primary_countries("美中在第三輪關稅談判的意圖", "")
    ['CN', 'US']
    """
    title = title or ""
    body = body or ""
    if counts is None:
        counts = count_mentions(title + "\n" + body, cache=cache)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    title_codes = list(count_mentions(title, cache=cache))
    title_codes.sort(key=lambda c: (-counts.get(c, 0), c))
    result = list(title_codes)
    if not ranked:
        return result
    top = ranked[0][1]
    spread: Counter = Counter()
    for part in _thirds(body):
        counted = count_mentions(part, cache=cache)
        spread.update(k for k, v in counted.items() if v >= PRIMARY_MIN_PER_THIRD)
    for code, n in ranked:
        if code in result:
            continue
        if (
            n >= PRIMARY_MIN_COUNT
            and n >= PRIMARY_MIN_SHARE * top
            and spread[code] >= PRIMARY_MIN_THIRDS
        ):
            result.append(code)
    return result


def tag_article(title: str, body: str, notes: str = "") -> tuple[dict[str, int], list[str]]:
    """``(count_mentions(title, body, notes), primary_countries(title, body, counts))`` for
    one article, segmenting each line of its text once."""
    cache: dict = {}
    counts = count_mentions(f"{title}\n{body}\n{notes}", cache=cache)
    return counts, primary_countries(title, body, counts, cache=cache)


# --------------------------------------------------------------------------- names


def country_name_zh(code: str) -> str:
    """Chinese name in Taiwan usage: ``'US'`` -> ``'美國'``, ``'KR'`` -> ``'韓國'``.

    Unknown codes are returned unchanged.
    """
    return _gazetteer().zh.get(code.upper(), code)


def country_name_en(code: str) -> str:
    """Short English name: ``'KR'`` -> ``'South Korea'``, ``'SU'`` -> ``'Soviet Union'``.

    Unknown codes are returned unchanged.
    """
    return _gazetteer().en.get(code.upper(), code)


def gazetteer_terms() -> list[str]:
    """Every Chinese name and alias in the gazetteer (Traditional), sorted.

    Names from pycountry, Taiwan-usage names and aliases (:data:`ZH_ADDITIONS`) and
    fixed compounds (:data:`COMPOUND_TERMS`); the generated affix forms (對美, 日方)
    are left out.
    """
    gaz = _gazetteer()
    return sorted(t for t, kind in gaz.kinds.items() if kind != "affix")


__all__ = [
    "count_mentions",
    "country_name_en",
    "country_name_zh",
    "gazetteer_terms",
    "primary_countries",
    "tag_article",
]
