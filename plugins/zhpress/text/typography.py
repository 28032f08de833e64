"""One text function for CJK typography, composed from the punctuation rules."""
from __future__ import annotations

import re
from typing import Callable

from .punctuation import CJK_CHARS, fix_punctuation, to_corner_quotes, to_curly_quotes

# An ASCII space (or several) between two CJK characters.
_SPACE_IN_CJK = re.compile(rf"(?<=[{CJK_CHARS}])[ \t]+(?=[{CJK_CHARS}])")


def drop_cjk_spaces(text: str) -> str:
    return _SPACE_IN_CJK.sub("", text) if " " in text or "\t" in text else text


def typesetter(punctuation: bool = True, corner_quotes: bool = False, curly_quotes: bool = False,
               drop_spaces: bool = True) -> Callable[[str, str, str], str]:
    """fn(text, before, after) applying the chosen rules, for transform_html.
    corner_quotes: “ ” → 「 」 (Traditional); curly_quotes: 「 」 → “ ” (Simplified)."""

    def apply(text: str, before: str = "", after: str = "") -> str:
        if drop_spaces:
            text = drop_cjk_spaces(text)
        if punctuation:
            text = fix_punctuation(text, before, after)
        if corner_quotes:
            text = to_corner_quotes(text, before, after)
        elif curly_quotes:
            text = to_curly_quotes(text)
        return text

    return apply
