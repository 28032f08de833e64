"""Simplified or Traditional: which script a post is written in.

Counted on the characters whose form differs between the scripts (OpenCC's
own tables: 后 is Simplified because s2t changes it, 後 Traditional because
t2s does), over the title and the prose, code left out: a Traditional post
quoting a Simplified title, or the reverse, stays what most of it is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text.convert import opencc_converter

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FENCED = re.compile(r"^([ \t]{0,3})(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
# Fewer telling characters than this say nothing either way.
MIN_TELLING = 3


@lru_cache(maxsize=65536)
def _kind(char: str) -> str:
    if opencc_converter("t2s").convert(char) != char:
        return "hant"
    if opencc_converter("s2t").convert(char) != char:
        return "hans"
    return ""


def script_of(text: str) -> str | None:
    """"hans", "hant", or None when the text does not tell."""
    text = _INLINE_CODE.sub("", _FENCED.sub("", text))
    counts = {"hans": 0, "hant": 0, "": 0}
    for char in _CJK.findall(text):
        counts[_kind(char)] += 1
    if max(counts["hans"], counts["hant"]) < MIN_TELLING:
        return None
    return "hans" if counts["hans"] > counts["hant"] else "hant"
