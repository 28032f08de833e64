"""Length and reading time of an article, counted the way Chinese is read.

Chinese is measured in characters (字), not words: a CJK ideograph is one
unit, and Latin words or numbers inside the text (To B, CSIG, 1999) are one
unit each. Punctuation counts for neither. Code is not reading, so it is left
out of the count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.html import text_runs
from ..text.punctuation import CJK_LETTERS

_CJK = re.compile(f"[{CJK_LETTERS}]")
# A word or number: 1,000 is two numbers, but 3.5, Node.js, don't and e-mail are one.
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")
# Full-width letters and digits (Ａ, ３) count as the Latin they stand for.
_FULLWIDTH_ALNUM = str.maketrans(
    {code: code - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
     for code in range(r[0], r[1] + 1)}
)


@dataclass(frozen=True)
class TextLength:
    cjk_chars: int = 0
    latin_words: int = 0

    @property
    def total(self) -> int:
        """Length in 字: CJK characters plus Latin words."""
        return self.cjk_chars + self.latin_words


_ANY_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def count_text(text: str) -> TextLength:
    # Counted by what removing them leaves (no list of matches), and folded
    # only when there is something to fold: half the time of an article.
    latin = text.translate(_FULLWIDTH_ALNUM) if _ANY_FULLWIDTH_ALNUM.search(text) else text
    return TextLength(
        cjk_chars=len(text) - len(_CJK.sub("", text)),
        latin_words=len(_LATIN_WORD.findall(latin)),
    )


def reading_minutes(length: TextLength, cjk_per_minute: int = 400, words_per_minute: int = 200) -> int:
    """Whole minutes, rounded up, at least 1."""
    if cjk_per_minute <= 0 or words_per_minute <= 0:
        raise ValueError("reading speeds must be positive")
    # Integer ceiling: no float rounding can turn exactly 8 minutes into 9.
    units = length.cjk_chars * words_per_minute + length.latin_words * cjk_per_minute
    return max(1, -(-units // (cjk_per_minute * words_per_minute)))


def text_from_html(html: str) -> str:
    """The readable text of an HTML fragment: no tags, no code, entities
    unescaped; blocks on their own lines (</p><p> glues no two words). Read
    from the walker's tokenisation, which the page's other readers share."""
    parts, block = [], None
    for run in text_runs(html):
        if run.skipped:
            continue
        if block is not None and run.block != block:
            parts.append("\n")
        parts.append(run.text)
        block = run.block
    return "".join(parts)
