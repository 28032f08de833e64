"""Search normalisation: the one function that decides when two texts match.

Each character is folded on its own, never by phrase, so that the build
(Python, over page text) and the browser (JavaScript, over a reader's query)
fold it the same way:

1. full-width Latin letters, digits and signs (Ａ, ９, ＃) become ASCII;
2. letters are lower-cased (where that gives one character);
3. Traditional becomes Simplified with OpenCC t2s, one character at a time
   (雲 → 云, 騰 → 腾; a character OpenCC keeps, such as 著, stays);
4. what is neither a letter nor a number is dropped.

Only the boundaries of words written with spaces look at context: a run of
spaces, punctuation or symbols between two letters or digits of such words
(Latin, digits, Greek, Hangul ...) becomes one space, SEPARATOR. So `v4 #18`
is `v4 18`, never the `v418` of another text, and `hello, world` matches
`hello world`. Around Chinese and Japanese characters, which are written
without spaces, the run is simply dropped: 數字 廣東 matches 數字廣東, and
「9·30」 is `9 30`. Invisible characters (combining marks, soft hyphens, zero
width spaces) are dropped without separating anything.

Context-dependent conversions (著 in 看著 is 着 in Simplified, 瞭 in 瞭解 is
了) are not this module's business: search indexes the page's other script
beside it (see zhpress.search).

`normalize` also maps every normalised character back to its offset in the
original text, for snippets. `browser_char_map` writes the small table the
browser needs, made from the characters the site uses, not a dictionary.

Pure: no MkDocs, no plugin.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .convert import opencc_converter

# Ideographs OpenCC's t2s may change, scanned for the browser's table.
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))

SEPARATOR = " "
# Letters written without spaces between words: no separator beside them.
# Han (with its radicals, 々〆〇 and the supplementary ideographic planes),
# kana and Bopomofo. Ranges of code points, inclusive; the browser gets the
# same list in the index's manifest (browser_char_map).
UNSPACED_RANGES = (
    (0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3038, 0x303C), (0x3040, 0x30FF),
    (0x3100, 0x312F), (0x31A0, 0x31BF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x1B000, 0x1B16F), (0x20000, 0x3FFFF),
)
# Dropped characters that part two words: punctuation, spaces, symbols,
# control characters (tabs). Marks and format characters (Mn, Cf) are part
# of the letters they sit among.
_PARTING = frozenset({"P", "Z", "S"})
# A parting character while text is folded: later one separator or nothing.
_PART = "\x00"
_UNSPACED_CLASS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in UNSPACED_RANGES)
# A run of parting characters with a spaced letter or digit on both sides.
_BETWEEN_WORDS = re.compile(f"(?<=[^{_PART}\\n{_UNSPACED_CLASS}]){_PART}+(?=[^{_PART}\\n{_UNSPACED_CLASS}])")


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


def parts_words(char: str) -> bool:
    """Whether dropped `char` stands between two words (punctuation, spaces,
    symbols, control characters), rather than inside one (marks, format
    characters)."""
    category = unicodedata.category(char)
    return category[0] in _PARTING or category == "Cc"


def unspaced(char: str) -> bool:
    """Whether normalised `char` belongs to a script written without spaces."""
    code = ord(char)
    return any(start <= code <= end for start, end in UNSPACED_RANGES)


def normalize_char(char: str) -> str:
    """One character normalised: a single character, or "" when dropped."""
    folded = _t2s_char(_lower(_fold_width(char)))
    return folded if _kept(folded) else ""


class _Table(dict):
    """str.translate table filled on first use of each character: its
    normalised form, _PART for a dropped character that parts words, None
    for one dropped without a trace."""

    def __missing__(self, code: int):
        char = chr(code)
        value = normalize_char(char) or (_PART if parts_words(_fold_width(char)) else None)
        self[code] = value
        return value


_TABLE = _Table()
_LINES_TABLE = _Table({ord("\n"): "\n"})


def _separated(folded: str) -> str:
    if _PART not in folded:
        return folded
    return _BETWEEN_WORDS.sub(SEPARATOR, folded).replace(_PART, "")


def normalize_text(text: str) -> str:
    """`text` normalised for matching (no offsets): fast, for indexing."""
    return _separated(text.translate(_TABLE))


def normalize_lines(text: str) -> str:
    """Like `normalize_text`, line by line: line breaks are kept, and no
    separator stands at either end of a line."""
    return _separated(text.translate(_LINES_TABLE))


@dataclass(frozen=True)
class Normalized:
    text: str  # the normalised characters
    # offsets[i]: where text[i] came from in the original (a separator: where its run began)
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of normalised text[start:end] (end > start)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """`text` normalised, with the original offset of every kept character."""
    table = _TABLE
    chars, offsets = [], []
    parted_at = -1  # where the run of parting characters since the last kept one began
    for offset, char in enumerate(text):
        value = table[ord(char)]
        if value == _PART:
            if parted_at < 0:
                parted_at = offset
        elif value:
            if parted_at >= 0 and chars and not unspaced(chars[-1]) and not unspaced(value):
                chars.append(SEPARATOR)
                offsets.append(parted_at)
            parted_at = -1
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
    - "drop": site characters dropped by normalisation that part words
      (punctuation, spaces, symbols);
    - "hide": site characters dropped without parting words (marks, format
      characters);
    - "unspaced": UNSPACED_RANGES, where no separator is written.

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
    fold, drop, hide = {}, [], []
    for char in chars:
        value = normalize_char(char)
        if not value:
            (drop if parts_words(_fold_width(char)) else hide).append(char)
        elif value != char and t2s.get(char) != value:
            fold[char] = value
    t2s_from = sorted(t2s)
    fold_from = sorted(fold)
    return {
        "t2s": ["".join(t2s_from), "".join(t2s[c] for c in t2s_from)],
        "fold": ["".join(fold_from), "".join(fold[c] for c in fold_from)],
        "drop": "".join(drop),
        "hide": "".join(hide),
        "unspaced": [list(pair) for pair in UNSPACED_RANGES],
    }
