"""The prose of a Markdown source, line by line: what the suggestions read.

Not a Markdown renderer: one pass over the lines leaves out what is code
(fenced, also inside block quotes and list items, and indented) and front
matter comments; then, in what is left, everything that is not prose is
blanked, each line keeping its number:

- inline code, even where it runs over the lines of a paragraph;
- raw HTML comments, code elements (<pre>, <code>, <kbd>, <script>, <style>)
  and tags;
- link and image targets (parentheses inside them included: a Wikipedia
  address, `dd465326(VS.100).aspx`), reference definitions and URLs;
- attribute lists `{: ...}` and abbreviation definitions `*[...]: ...`.
"""
from __future__ import annotations

import re
from typing import Iterator

# An opening fence after any block quote markers and indentation (a fence
# in a list item is indented): ``` or ~~~, then an info string.
_FENCE = re.compile(r"^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})([^`]*)$")
_INDENTED_CODE = ("    ", "\t")
_NOT_PROSE = re.compile(
    r"<!--[\s\S]*?(?:-->|\Z)"
    r"|<(pre|code|kbd|samp|script|style)\b[^>]*>[\s\S]*?</\1\s*>"
    # `code`, closed by the same number of backticks before a blank line.
    r"|(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?(?<!`)\2(?!`)"
    r"|\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)"
    r"|^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$"
    r"|<[^>\n]*>"
    r"|(?:https?|ftp)://[^\s<>\"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"
    r"|\{[:#.][^}\n]*\}"
    r"|^\*\[[^\]\n]*\]:.*$",
    re.M | re.I,
)
_NOT_NEWLINE = re.compile(r"[^\n]")


def prose_lines(source: str) -> Iterator[tuple[int, str]]:
    """(line number, prose) for each line of `source` holding prose: front
    matter values and the body's text, with everything else blanked."""
    lines = source.split("\n")
    kept = [""] * len(lines)
    body = _front_matter(lines, kept)
    fence: str | None = None
    for index in range(body, len(lines)):
        line = lines[index]
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not opening.group(2).strip():
                fence = None
            continue
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = opening.group(1)
            continue
        if line.startswith(_INDENTED_CODE):
            continue
        kept[index] = line
    text = _NOT_PROSE.sub(lambda match: _NOT_NEWLINE.sub(" ", match.group()), "\n".join(kept))
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line


def _front_matter(lines: list[str], kept: list[str]) -> int:
    """Keeps the front matter's values (not its comments) in `kept`; the
    index of the body's first line."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        line = lines[index]
        if line.rstrip() in ("---", "..."):
            return index + 1
        if not line.lstrip().startswith("#"):
            kept[index] = line
    return len(lines)
