"""Applies a text function to the human-readable text of an HTML fragment.

Code, preformatted text, scripts, styles and math are never touched; neither
are tag names, URLs or attributes, except the ones a reader sees (title, alt,
aria-label, placeholder). The function receives unescaped text and the visible
characters just before and after the run, so rules that look across inline
tags (`<strong>騰訊</strong>,公司`) still see their context; a block-level tag
ends the context.
"""
from __future__ import annotations

import html
import re
from typing import Callable

TextFunction = Callable[[str, str, str], str]

# Elements whose content is never changed.
SKIP_ELEMENTS = frozenset(
    {"code", "pre", "kbd", "samp", "var", "script", "style", "math", "svg", "textarea", "template"}
)
# Inline elements: text on both sides of them reads as one run.
INLINE_ELEMENTS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd",
     "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
)
READABLE_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?.*?\?>|<(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*>", re.DOTALL)
_ATTRIBUTE = re.compile(
    r"""(\s(?:%s)\s*=\s*)("[^"]*"|'[^']*')""" % "|".join(READABLE_ATTRIBUTES), re.IGNORECASE
)
_HAS_READABLE_ATTRIBUTE = re.compile(r"\s(?:%s)\s*=" % "|".join(READABLE_ATTRIBUTES), re.IGNORECASE)
_NO_TRANSLATE = re.compile(r"""\stranslate\s*=\s*["']?no\b|\sdata-zhpress-skip\b""", re.IGNORECASE)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Run:
    __slots__ = ("index", "text", "editable", "segment")

    def __init__(self, index: int, text: str, editable: bool, segment: int):
        self.index, self.text, self.editable, self.segment = index, text, editable, segment


def transform_html(fragment: str, fn: TextFunction, context: bool = True) -> str:
    """Returns `fragment` with `fn(text, before, after)` applied to each text run.

    With `context=False` the neighbours are not looked up (before and after
    are ""), for functions that do not use them."""
    if not fragment:
        return fragment
    pieces: list[str] = []
    runs: list[_Run] = []
    skip_stack: list[str] = []
    segment = 0  # increases at every block-level tag: context never crosses one
    position = 0
    for match in _TOKEN.finditer(fragment):
        start = match.start()
        if start > position:
            text = fragment[position:start]
            runs.append(_Run(len(pieces), html.unescape(text) if "&" in text else text, not skip_stack, segment))
            pieces.append(text)
        tag = match.group(0)
        position = match.end()
        name = match.group(2)
        if name is None:  # comment, doctype, processing instruction
            pieces.append(tag)
            continue
        name = name.lower()
        closing = match.group(1) == "/"
        if name not in INLINE_ELEMENTS:
            segment += 1
        if closing:
            if skip_stack and skip_stack[-1] == name:
                skip_stack.pop()
        elif name not in VOID_ELEMENTS and not tag.endswith("/>"):
            if skip_stack or name in SKIP_ELEMENTS or _NO_TRANSLATE.search(tag):
                skip_stack.append(name)
        if not skip_stack and not closing and _HAS_READABLE_ATTRIBUTE.search(tag):
            tag = _ATTRIBUTE.sub(lambda m: _transform_attribute(m, fn), tag)
        pieces.append(tag)
    if position < len(fragment):
        text = fragment[position:]
        runs.append(_Run(len(pieces), html.unescape(text) if "&" in text else text, not skip_stack, segment))
        pieces.append(text)

    for k, run in enumerate(runs):
        if not run.editable:
            continue
        if context:
            before, after = _neighbour(runs, k, -1), _neighbour(runs, k, +1)
        else:
            before = after = ""
        changed = fn(run.text, before, after)
        if changed != run.text:
            run.text = changed  # later runs see the changed text as their context
            pieces[run.index] = _escape_text(changed)
    return "".join(pieces)


def _neighbour(runs: list[_Run], k: int, step: int) -> str:
    """The nearest visible character beside run k within its block."""
    segment = runs[k].segment
    j = k + step
    while 0 <= j < len(runs) and runs[j].segment == segment:
        stripped = runs[j].text.strip()
        if stripped:
            return stripped[-1] if step < 0 else stripped[0]
        j += step
    return ""


def _transform_attribute(match: re.Match, fn: TextFunction) -> str:
    quoted = match.group(2)
    value = html.unescape(quoted[1:-1])
    changed = fn(value, "", "")
    if changed == value:
        return match.group(0)
    return match.group(1) + quoted[0] + html.escape(changed, quote=True) + quoted[0]
