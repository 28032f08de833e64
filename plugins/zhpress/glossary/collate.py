"""The order readers of each script expect in a list of names.

- zh-Hans: Hanyu Pinyin, letter by letter, then tone (1-4, neutral last), as
  in Xiandai Hanyu Cidian; Latin names take their place among the letters
  (BG under B, beside 部门), grouped under A-Z.
- zh-Hant: Zhuyin (ㄅㄆㄇㄈ), symbol by symbol in the standard order, then
  tone (ˉ ˊ ˇ ˋ ˙), as in the Ministry of Education's dictionaries, grouped
  under the first symbol; names starting with a Latin letter or a digit come
  first, grouped under A-Z.

Readings come from pypinyin, asked about the Simplified form of a name (its
phrase dictionary knows 银行 is yín háng); a name starting with a digit is
grouped under "#".
"""
from __future__ import annotations

from functools import lru_cache

from ..text.convert import fold_to_simplified

_TONES = {"ˊ": 2, "ˇ": 3, "ˋ": 4, "˙": 5}
LATIN_FIRST = 0
HAN = 1
OTHER_GROUP = "#"


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


@lru_cache(maxsize=4096)
def _readings(text: str, style_name: str) -> tuple[tuple[str, str], ...]:
    """(character, reading) for each character of `text` but spaces; a
    character that is not Han reads as itself."""
    from pypinyin import Style, lazy_pinyin

    style = Style.BOPOMOFO if style_name == "zhuyin" else Style.TONE3
    simplified = fold_to_simplified(text)
    if len(simplified) != len(text):
        simplified = text
    # errors=list: one item per character that is not Han, so items and
    # characters stay aligned.
    readings = lazy_pinyin(simplified, style=style, neutral_tone_with_five=True, errors=lambda s: list(s))
    if len(readings) != len(text):
        readings = [lazy_pinyin(ch, style=style, neutral_tone_with_five=True, errors=lambda s: list(s))[0]
                    for ch in simplified]
    return tuple((ch, reading) for ch, reading in zip(text, readings) if not ch.isspace())


def pinyin_key(text: str) -> tuple:
    units = []
    for ch, reading in _readings(text, "pinyin"):
        if _is_han(ch):
            letters = reading.rstrip("012345")
            tone = int(reading[len(letters):] or 5)
            units.append((letters.replace("ü", "v"), tone))
        else:
            units.append((ch.casefold(), 0))
    return tuple(units), text


def zhuyin_key(text: str) -> tuple:
    units = []
    for ch, reading in _readings(text, "zhuyin"):
        if _is_han(ch):
            tone = 1
            symbols = []
            for mark in reading:
                if mark in _TONES:
                    tone = _TONES[mark]
                else:
                    symbols.append(ord(mark))
            units.append((HAN, tuple(symbols), tone))
        else:
            units.append((LATIN_FIRST, (ord(ch.casefold()[0]),), 0))
    return tuple(units), text


def sort_key(text: str, script: str) -> tuple:
    """Sort key of a name for readers of `script` ("hans": pinyin; else Zhuyin)."""
    return pinyin_key(text) if script == "hans" else zhuyin_key(text)


def group_of(text: str, script: str) -> str:
    """The heading a name is listed under: A-Z, ㄅ-ㄩ or #."""
    readings = _readings(text, "pinyin" if script == "hans" else "zhuyin")
    if not readings:
        return OTHER_GROUP
    first, reading = readings[0]
    if first.isascii():
        return first.upper() if first.isalpha() else OTHER_GROUP
    if not _is_han(first) or not reading:
        return OTHER_GROUP
    if script == "hans":
        return reading[0].upper() if reading[0].isalpha() else OTHER_GROUP
    return reading[0] if "\u3105" <= reading[0] <= "\u312f" else OTHER_GROUP


def group_order(label: str, script: str) -> tuple:
    """Headings in order: # first, then A-Z (before ㄅ-ㄩ in zh-Hant)."""
    if label == OTHER_GROUP:
        return (0, label)
    if label.isascii():
        return (1, label)
    return (2, label)
