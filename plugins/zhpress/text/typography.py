"""One text function for CJK typography, composed from the punctuation rules."""
from __future__ import annotations

import re
from typing import Callable

from .punctuation import CJK_CHARS, fix_punctuation, to_corner_quotes, to_curly_quotes

# An ASCII space (or several) between two CJK characters.
_SPACE_IN_CJK = re.compile(rf"(?<=[{CJK_CHARS}])[ \t]+(?=[{CJK_CHARS}])")
# A soft line break (the editor's wrap) between two CJK characters, with the
# spaces around it: Markdown keeps it, and a browser shows it as a space.
_BREAK_IN_CJK = re.compile(rf"(?<=[{CJK_CHARS}])[ \t]*\n[ \t]*(?=[{CJK_CHARS}])")
_CJK_RE = re.compile(f"[{CJK_CHARS}]")
_LEADING_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_TRAILING_BREAK = re.compile(r"[ \t]*\n[ \t]*\Z")


def drop_cjk_spaces(text: str) -> str:
    return _SPACE_IN_CJK.sub("", text) if " " in text or "\t" in text else text


def join_cjk_lines(text: str, before: str = "", after: str = "") -> str:
    """Removes a soft line break between two CJK characters (Pandoc's
    east_asian_line_breaks, markdown-it's cjk-breaks): `結尾\\n第二行` reads
    `結尾第二行`. A break next to Latin text stays (a browser shows a space).
    `before` / `after`: the visible characters outside this run, so a break
    at the edge of a run (`<em>結尾</em>\\n第二行`) is judged too."""
    if "\n" not in text:
        return text
    text = _BREAK_IN_CJK.sub("", text)
    if not text.strip():  # `<em>結</em>\n<em>尾</em>`
        joins = before and after and _CJK_RE.match(before[-1]) and _CJK_RE.match(after[0])
        return "" if joins and "\n" in text else text
    if before and _CJK_RE.match(before[-1]):
        lead = _LEADING_BREAK.match(text)
        if lead and lead.end() < len(text) and _CJK_RE.match(text[lead.end()]):
            text = text[lead.end():]
    if after and _CJK_RE.match(after[0]):
        trail = _TRAILING_BREAK.search(text)
        if trail and trail.start() > 0 and _CJK_RE.match(text[trail.start() - 1]):
            text = text[:trail.start()]
    return text


def typesetter(punctuation: bool = True, corner_quotes: bool = False, curly_quotes: bool = False,
               drop_spaces: bool = True, join_lines: bool = True,
               repair: bool = False) -> Callable[[str, str, str], str]:
    """fn(text, before, after) applying the chosen rules, for transform_html.
    corner_quotes: “ ” → 「 」 (Traditional); curly_quotes: 「 」 → “ ” (Simplified);
    join_lines: no soft line break between CJK characters; repair: the
    source came through a mechanical conversion (its half-width marks after
    Latin words are the converter's, see text.punctuation)."""

    def apply(text: str, before: str = "", after: str = "") -> str:
        if join_lines:
            text = join_cjk_lines(text, before, after)
        if drop_spaces:
            text = drop_cjk_spaces(text)
        if punctuation:
            text = fix_punctuation(text, before, after, repair=repair)
        if corner_quotes:
            text = to_corner_quotes(text, before, after)
        elif curly_quotes:
            text = to_curly_quotes(text)
        return text

    return apply
