"""Search normalisation: the one function that decides when two texts match.

A character is normalised on its own, never in context, so that the build
(Python, over page text) and the browser (JavaScript, over a reader's query)
fold it the same way:

1. full-width Latin letters, digits and signs (Ａ, ９, ＃) become ASCII;
2. letters are lower-cased (where that gives one character);
3. Traditional becomes Simplified with OpenCC t2s, one character at a time
   (雲 → 云, 騰 → 腾; a character OpenCC keeps, such as 著, stays);
4. what is neither a letter nor a number (punctuation, spaces, symbols) is
   dropped: 「9·30」 matches 930, 數字 廣東 matches 數字廣東.

Context-dependent conversions (著 in 看著 is 着 in Simplified, 瞭 in 瞭解 is
了) are not this module's business: search indexes the page's other script
beside it (see zhpress.search).

`normalize` also maps every normalised character back to its offset in the
original text, for snippets. `browser_char_map` writes the small table the
browser needs, made from the characters the site uses, not a dictionary.

Pure: no MkDocs, no plugin.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .convert import opencc_converter

# Ideographs OpenCC's t2s may change, scanned for the browser's table.
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def _fold_width(char: str) -> str:
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return char


def _lower(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _t2s_char(char: str) -> str:
    if char.isascii():
        return char
    converted = opencc_converter("t2s").convert(char)
    return converted if len(converted) == 1 else char


def _kept(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def normalize_char(char: str) -> str:
    """One character normalised: a single character, or "" when dropped."""
    folded = _t2s_char(_lower(_fold_width(char)))
    return folded if _kept(folded) else ""


class _Table(dict):
    """str.translate table filled on first use of each character."""

    def __missing__(self, code: int):
        value = normalize_char(chr(code)) or None
        self[code] = value
        return value


_TABLE = _Table()
_LINES_TABLE = _Table({ord("\n"): "\n"})


def normalize_text(text: str) -> str:
    """`text` normalised for matching (no offsets): fast, for indexing."""
    return text.translate(_TABLE)


def normalize_lines(text: str) -> str:
    """Like `normalize_text`, line by line: line breaks are kept."""
    return text.translate(_LINES_TABLE)


@dataclass(frozen=True)
class Normalized:
    text: str  # the normalised characters
    offsets: tuple[int, ...]  # offsets[i]: where text[i] came from in the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of normalised text[start:end] (end > start)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """`text` normalised, with the original offset of every kept character."""
    table = _TABLE
    chars, offsets = [], []
    for offset, char in enumerate(text):
        value = table[ord(char)]
        if value:
            chars.append(value)
            offsets.append(offset)
    return Normalized("".join(chars), tuple(offsets))


def find_all(normalized_text: str, query: str) -> list[int]:
    """Start of every occurrence of normalised `query`, overlapping ones too."""
    found, at = [], normalized_text.find(query)
    while at != -1 and query:
        found.append(at)
        at = normalized_text.find(query, at + 1)
    return found


class _T2STable(dict):
    def __missing__(self, code: int):
        value = _t2s_char(chr(code))
        self[code] = value
        return value


_T2S_TABLE = _T2STable()


def to_simplified_chars(text: str) -> str:
    """Display text in Simplified, character by character (what the browser
    does with `browser_char_map`'s t2s pairs): not a conversion for pages."""
    return text.translate(_T2S_TABLE)


@lru_cache(maxsize=1)
def _t2s_pairs() -> tuple[tuple[str, str], ...]:
    """Every ideograph OpenCC t2s changes on its own, with its result."""
    chars = [chr(code) for start, end in CJK_RANGES for code in range(start, end + 1)]
    # One call: a line break ends every OpenCC phrase, so each line is one character.
    converted = opencc_converter("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never expected; fall back to one call each
        converted = [opencc_converter("t2s").convert(c) for c in chars]
    return tuple((c, s) for c, s in zip(chars, converted) if len(s) == 1 and s != c)


def browser_char_map(site_chars: Iterable[str]) -> dict:
    """The browser's normalisation and display table for a site using `site_chars`.

    - "t2s": [from, to], two strings of equal length: Traditional to Simplified
      for every ideograph whose Simplified form the site's normalised text
      holds (so a reader typing 裏 finds 里 even when the site writes 裡), and
      for every ideograph the site shows (to show a page's text in Simplified);
    - "fold": [from, to]: other site characters whose normalised form differs
      (Ａ → a, K → k);
    - "drop": site characters dropped by normalisation (punctuation, spaces).

    A character in none of them is taken as it is, or, when the browser meets
    one the site does not use, folded by the same rules as `normalize_char`.
    """
    chars = sorted(set(site_chars) - {"\n"})
    normalized = {normalize_char(c) for c in chars}
    t2s = {}
    for char, simplified in _t2s_pairs():
        if simplified in normalized:
            t2s[char] = simplified
    for char in chars:
        simplified = _t2s_char(char)
        if simplified != char:
            t2s[char] = simplified
    fold, drop = {}, []
    for char in chars:
        value = normalize_char(char)
        if not value:
            drop.append(char)
        elif value != char and t2s.get(char) != value:
            fold[char] = value
    t2s_from = sorted(t2s)
    fold_from = sorted(fold)
    return {
        "t2s": ["".join(t2s_from), "".join(t2s[c] for c in t2s_from)],
        "fold": ["".join(fold_from), "".join(fold[c] for c in fold_from)],
        "drop": "".join(drop),
    }
