"""Applies a text function to the human-readable text of an HTML fragment.

Code, preformatted text, scripts, styles and math are never touched; neither
are tag names, URLs or attributes, except the ones a reader sees (title, alt,
aria-label, placeholder). The function receives unescaped text and the visible
characters just before and after the run, so rules that look across inline
tags (`<strong>騰訊</strong>,公司`) still see their context.
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

_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?.*?\?>|<[^>]*>", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_ATTRIBUTE = re.compile(
    r"""(\s(?:%s)\s*=\s*)("[^"]*"|'[^']*')""" % "|".join(READABLE_ATTRIBUTES), re.IGNORECASE
)
_NO_TRANSLATE = re.compile(r"""\stranslate\s*=\s*["']?no\b|\sdata-zhpress-skip\b""", re.IGNORECASE)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def transform_html(fragment: str, fn: TextFunction, context: bool = True) -> str:
    """Returns `fragment` with `fn(text, before, after)` applied to each text run.

    With `context=False` the neighbours are not looked up (before and after
    are ""), for functions that do not use them."""
    if not fragment:
        return fragment
    # Pass 1: split into tags and text runs, noting which runs may change.
    pieces: list[str] = []
    runs: list[tuple[int, bool]] = []  # (index in pieces, editable)
    boundaries: set[int] = set()  # piece indexes of block-level tags: context stops there
    skip_stack: list[str] = []
    position = 0
    for match in _TOKEN.finditer(fragment):
        if match.start() > position:
            runs.append((len(pieces), not skip_stack))
            pieces.append(fragment[position:match.start()])
        tag = match.group(0)
        position = match.end()
        name_match = _TAG_NAME.match(tag)
        if not name_match:
            pieces.append(tag)
            continue
        name = name_match.group(1).lower()
        closing = tag.startswith("</")
        if name not in INLINE_ELEMENTS:
            boundaries.add(len(pieces))
        if closing:
            if skip_stack and skip_stack[-1] == name:
                skip_stack.pop()
        elif name not in VOID_ELEMENTS and not tag.endswith("/>"):
            if skip_stack or name in SKIP_ELEMENTS or _NO_TRANSLATE.search(tag):
                skip_stack.append(name)
        if not skip_stack and not closing:
            tag = _ATTRIBUTE.sub(lambda m: _transform_attribute(m, fn), tag)
        pieces.append(tag)
    if position < len(fragment):
        runs.append((len(pieces), not skip_stack))
        pieces.append(fragment[position:])

    # Pass 2: transform the editable runs with their neighbours as context.
    texts = [html.unescape(pieces[i]) if "&" in pieces[i] else pieces[i] for i, _ in runs]
    for k, (index, editable) in enumerate(runs):
        if not editable:
            continue
        if context:
            before = _neighbour(runs, texts, boundaries, k, -1)
            after = _neighbour(runs, texts, boundaries, k, +1)
        else:
            before = after = ""
        changed = fn(texts[k], before, after)
        if changed != texts[k]:
            texts[k] = changed
            pieces[index] = _escape_text(changed)
    return "".join(pieces)


def _neighbour(runs, texts, boundaries, k: int, step: int) -> str:
    """The nearest visible character beside run k, unless a block tag intervenes."""
    j = k + step
    while 0 <= j < len(runs):
        lo, hi = sorted((runs[k][0], runs[j][0]))
        if any(lo < b < hi for b in boundaries):
            return ""
        stripped = texts[j].strip()
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
