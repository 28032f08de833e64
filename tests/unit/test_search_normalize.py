"""zhpress.text.normalize: the one normalisation search compares with."""
from __future__ import annotations

import unicodedata

import pytest

from zhpress.text.normalize import (
    browser_char_map, find_all, normalize, normalize_char, normalize_lines, normalize_text,
    to_simplified_chars,
)


@pytest.mark.parametrize("traditional, simplified", [
    ("騰訊", "腾讯"), ("產業互聯網", "产业互联网"), ("數字廣東", "数字广东"), ("雲", "云"),
    ("湯道生", "汤道生"), ("雲與智慧產業事業群", "云与智慧产业事业群"),
])
def test_both_scripts_fold_to_one_text(traditional, simplified):
    assert normalize_text(traditional) == normalize_text(simplified) == simplified


@pytest.mark.parametrize("text, expected", [
    ("KPI", "kpi"), ("ＫＰＩ", "kpi"), ("C To B", "c to b"), ("「9·30」", "9 30"), ("１９９９年", "1999年"),
    ("To B（企業）", "to b企业"), ("雲，與\u3000智慧！", "云与智慧"), ("Ｃ端", "c端"),
])
def test_case_width_punctuation_and_spaces(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("v4 #18", "v4 18"), ("v4#18", "v4 18"), ("v4,\t18", "v4 18"), ("hello, world", "hello world"),
    ("Yahoo! 奇摩", "yahoo奇摩"), ("iPhone 手機", "iphone手机"), ("A股 B股", "a股b股"),
    ("1,000", "1 000"), ("C++ 11", "c 11"), ("Ｖ４　＃１８", "v4 18"), ("한국 사람", "한국 사람"),
    ("  x, ", "x"), ("數字 廣東", "数字广东"), ("日本の　ことば", "日本のことば"),
])
def test_latin_words_and_numbers_keep_one_separator_chinese_text_none(text, expected):
    # A separator where spaces or punctuation part two letters or digits of
    # a spaced script, never beside a CJK character, never at either end.
    assert normalize_text(text) == expected
    assert normalize(text).text == expected


def test_tokens_joined_only_by_dropping_punctuation_do_not_match():
    text = normalize_text("升級到 v4 #18 之後")
    assert "v418" not in text and "418" not in text
    assert normalize_text("v4 #18") in text and normalize_text("v4, 18") in text
    assert normalize_text("1,000") not in normalize_text("共 1000 人")


@pytest.mark.parametrize("text, expected", [
    ("cafe\u0301s", "cafes"),  # a combining mark is part of its letter
    ("hyphen\u00adation", "hyphenation"),  # a soft hyphen
    ("zero\u200bwidth", "zerowidth"), ("a \u200b b", "a b"),
])
def test_invisible_characters_part_nothing(text, expected):
    assert normalize_text(text) == normalize(text).text == expected


def test_no_separator_across_a_line():
    assert normalize_lines("v4,\n#18 ok\n雲") == "v4\n18 ok\n云"


def test_one_character_at_a_time_never_by_phrase():
    # OpenCC t2s by phrase would write 着 in 看著; by character 著 stays: the
    # index adds the other script's reading as an alternative instead.
    assert normalize_text("看著") == "看著"
    assert all(len(normalize_char(c)) <= 1 for c in "看著乾隆瞭解髮發")


def test_offsets_map_back_to_the_original():
    found = normalize("「騰訊」，To B！")
    assert found.text == "腾讯to b"
    assert found.offsets == (1, 2, 5, 6, 7, 8)  # the separator: where its run began
    assert found.span(0, 2) == (1, 3)
    assert found.span(2, 6) == (5, 9)
    assert find_all("abab", "ab") == [0, 2]
    assert find_all("aaa", "aa") == [0, 1]


def test_lines_keep_their_breaks():
    assert normalize_lines("騰訊，\n雲") == "腾讯\n云"
    assert normalize_text("騰訊，\n雲") == "腾讯云"


def test_display_conversion_changes_only_characters():
    assert to_simplified_chars("騰訊雲 To B，「好」") == "腾讯云 To B，「好」"


def _browser_normalize(char: str, table: dict) -> str:
    """What assets/search.js does with the table, for a character the site uses."""
    t2s = dict(zip(*table["t2s"]))
    fold = dict(zip(*table["fold"]))
    if char in table["drop"] or char in table["hide"]:
        return ""
    if char in fold:
        return fold[char]
    if char in t2s:
        return t2s[char]
    lowered = char.lower() if len(char.lower()) == 1 else char
    lowered = t2s.get(lowered, lowered)
    return lowered if unicodedata.category(lowered)[0] in "LN" else ""


def _browser_normalize_text(text: str, table: dict) -> str:
    """assets/search.js's normalize(), with the table, for text of site characters."""
    def unspaced(char):
        return any(start <= ord(char) <= end for start, end in table["unspaced"])
    out, parted = "", False
    for char in text:
        value = _browser_normalize(char, table)
        if not value:
            parted = parted or char in table["drop"]
            continue
        if parted and out and not unspaced(out[-1]) and not unspaced(value):
            out += " "
        out, parted = out + value, False
    return out


def test_browser_table_agrees_with_python_on_every_site_character():
    site = "騰訊雲與智慧產業裡KPI，Ｃ端「9·30」 看著瞭解\u3000! v4 #18 cafe\u0301s\u00ad日本の"
    table = browser_char_map(site)
    for char in set(site):
        assert _browser_normalize(char, table) == normalize_char(char), char
    assert _browser_normalize_text(site, table) == normalize_text(site)
    t2s = dict(zip(*table["t2s"]))
    assert t2s["雲"] == "云" and t2s["騰"] == "腾"
    assert t2s["裏"] == "里"  # not on the site, but a reader may type it for 裡
    assert len(table["t2s"][0]) == len(table["t2s"][1])
    assert "，" in table["drop"] and "K" in table["fold"][0]
    assert "\u0301" in table["hide"] and "\u00ad" in table["hide"] and " " in table["drop"]


def test_browser_table_is_small():
    table = browser_char_map(open(__file__, encoding="utf-8").read())
    assert len(table["t2s"][0]) < 2000
