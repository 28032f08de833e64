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
    ("KPI", "kpi"), ("ＫＰＩ", "kpi"), ("C To B", "ctob"), ("「9·30」", "930"), ("１９９９年", "1999年"),
    ("To B（企業）", "tob企业"), ("雲，與\u3000智慧！", "云与智慧"), ("Ｃ端", "c端"),
])
def test_case_width_punctuation_and_spaces(text, expected):
    assert normalize_text(text) == expected


def test_one_character_at_a_time_never_by_phrase():
    # OpenCC t2s by phrase would write 着 in 看著; by character 著 stays: the
    # index adds the other script's reading as an alternative instead.
    assert normalize_text("看著") == "看著"
    assert all(len(normalize_char(c)) <= 1 for c in "看著乾隆瞭解髮發")


def test_offsets_map_back_to_the_original():
    found = normalize("「騰訊」，To B！")
    assert found.text == "腾讯tob"
    assert found.offsets == (1, 2, 5, 6, 8)
    assert found.span(0, 2) == (1, 3)
    assert found.span(2, 5) == (5, 9)
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
    if char in table["drop"]:
        return ""
    if char in fold:
        return fold[char]
    if char in t2s:
        return t2s[char]
    lowered = char.lower() if len(char.lower()) == 1 else char
    lowered = t2s.get(lowered, lowered)
    return lowered if unicodedata.category(lowered)[0] in "LN" else ""


def test_browser_table_agrees_with_python_on_every_site_character():
    site = "騰訊雲與智慧產業裡KPI，Ｃ端「9·30」 看著瞭解\u3000!"
    table = browser_char_map(site)
    for char in set(site):
        assert _browser_normalize(char, table) == normalize_char(char), char
    t2s = dict(zip(*table["t2s"]))
    assert t2s["雲"] == "云" and t2s["騰"] == "腾"
    assert t2s["裏"] == "里"  # not on the site, but a reader may type it for 裡
    assert len(table["t2s"][0]) == len(table["t2s"][1])
    assert "，" in table["drop"] and "K" in table["fold"][0]


def test_browser_table_is_small():
    table = browser_char_map(open(__file__, encoding="utf-8").read())
    assert len(table["t2s"][0]) < 2000
