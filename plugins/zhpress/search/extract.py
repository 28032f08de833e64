"""From a page's final HTML to search sections.

Only the page's content (Material's `<article class="md-content__inner">`) is
read, as the reader sees it: article header (title, subtitle, byline,
standfirst), body and tags. The page title (its h1) heads the first
section; every h2 and h3 with an id starts a section of its own, linked by
that id, as Material's results link them. A section is a list of blocks
(paragraphs, list items, table cells, lines of code, lines of verse split by
<br>): a match never runs from one block into the next, while inline markup
(<strong>騰訊</strong>雲) never stops one.

Left out: scripts, styles, SVG, the fallback text of embedded content
(iframe, video, audio, canvas), navigation (<nav>: pagers), hidden elements (tooltips), elements marked
`data-search-exclude` (Material's convention) and elements with one of the
configured classes (permalinks, footnote marks, listings of other pages,
reading time).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# HTML's phrasing content: a paragraph goes on around it (an image in a line
# of text does not cut it in two).
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "button", "cite", "code", "data", "del", "dfn", "em", "embed", "font",
    "i", "img", "input", "ins", "kbd", "label", "mark", "meter", "object", "output", "picture", "progress",
    "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
})
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
# Never the page's text: not rendered, the fallback of embedded content
# (iframe, video, audio, canvas), icons, form fields, navigation.
SKIPPED = frozenset({
    "script", "style", "svg", "template", "noscript", "textarea", "math", "nav", "iframe", "video", "audio",
    "canvas",
})
SECTION_HEADINGS = frozenset({"h2", "h3"})

_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
_ARTICLE = re.compile(r"<(/?)article\b[^>]*>", re.I)
CONTENT_START = '<article class="md-content__inner'


def content_region(output: str) -> str | None:
    """The inside of Material's content <article>, or None."""
    start = output.find(CONTENT_START)
    if start == -1:
        return None
    open_end = output.find(">", start)
    depth = 0
    for match in _ARTICLE.finditer(output, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return output[open_end + 1:match.start()]
    return output[open_end + 1:]


@dataclass
class Section:
    anchor: str  # "" for the top of the page
    heading: str  # display text of the heading (the page title for the top)
    blocks: list[str] = field(default_factory=list)  # display text of each block

    def text(self) -> str:
        return "\n".join(self.blocks)


def _clean(pieces: list[str]) -> str:
    return " ".join("".join(pieces).split())


_HIDDEN = re.compile(r"""(?:^|\s)hidden(?=[\s=/]|$)""", re.I)
_CLASS = re.compile(r"""(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_ID = re.compile(r"""(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_RAW = re.compile(r"<(script|style|textarea)\b.*?</\1\s*>", re.I | re.S)


def _value(match) -> str:
    value = next(group for group in match.groups() if group is not None)
    return html.unescape(value) if "&" in value else value


class _Reader:
    def __init__(self, exclude_classes: frozenset[str]):
        self.exclude_classes = exclude_classes
        self.sections = [Section("", "")]
        self.title: str | None = None
        self.pieces: list[str] = []  # text of the block being read
        self.capture: str | None = None  # "h1" or "h2"/"h3" while reading a heading
        self.capture_pieces: list[str] = []
        self.pending_anchor = ""
        self.skip: list[str] = []  # tag names of the skipped elements open (outermost first)
        self.pre = 0

    def end_block(self) -> None:
        if self.pieces:
            text = _clean(self.pieces)
            self.pieces = []
            if text:
                self.sections[-1].blocks.append(text)

    def text(self, text: str) -> None:
        if self.skip:
            return
        if "&" in text:
            text = html.unescape(text)
        if self.capture:
            self.capture_pieces.append(text)
        elif self.pre and "\n" in text:
            lines = text.split("\n")
            for line in lines[:-1]:
                self.pieces.append(line)
                self.end_block()
            self.pieces.append(lines[-1])
        else:
            self.pieces.append(text)

    def excluded(self, attributes: str) -> bool:
        if "data-search-exclude" in attributes:
            return True
        if "hidden" in attributes and _HIDDEN.search(attributes):
            return True
        if "class" in attributes and self.exclude_classes:
            match = _CLASS.search(attributes)
            if match and not self.exclude_classes.isdisjoint(_value(match).split()):
                return True
        return False

    def start(self, name: str, attributes: str, self_closing: bool) -> None:
        if self.skip:
            if name == self.skip[-1] and name not in VOID and not self_closing:
                self.skip.append(name)  # the same element nested: count it
            return
        if name in SKIPPED or (attributes and self.excluded(attributes)):
            if name not in VOID and not self_closing:
                self.skip.append(name)
            return
        if name in INLINE:
            return
        if name == "br":
            if self.capture:
                self.capture_pieces.append(" ")
            else:
                self.end_block()
            return
        self.end_block()
        if name == "pre":
            self.pre += 1
        if name == "h1" and self.title is None and self.capture is None:
            self.capture, self.capture_pieces = "h1", []
        elif name in SECTION_HEADINGS and self.capture is None and "id" in attributes:
            match = _ID.search(attributes)
            if match and _value(match):
                self.capture, self.capture_pieces = name, []
                self.pending_anchor = _value(match)

    def end(self, name: str) -> None:
        if self.skip:
            if name == self.skip[-1]:
                self.skip.pop()
            return
        if name in INLINE:
            return
        if self.capture and name == self.capture:
            text = _clean(self.capture_pieces)
            if name == "h1":
                self.title = text
            else:
                self.sections.append(Section(self.pending_anchor, text))
            self.capture, self.capture_pieces = None, []
            return
        self.end_block()
        if name == "pre" and self.pre:
            self.pre -= 1


def extract_sections(region: str, exclude_classes: frozenset[str] = frozenset()) -> tuple[str | None, list[Section]]:
    """(text of the first h1 or None, sections) of an HTML fragment."""
    if "<script" in region or "<style" in region or "<textarea" in region:
        region = _RAW.sub("", region)
    reader = _Reader(exclude_classes)
    text, start, end = reader.text, reader.start, reader.end
    position = 0
    for match in _TOKEN.finditer(region):
        at = match.start()
        if at > position:
            text(region[position:at])
        position = match.end()
        name = match.group(2)
        if name is None:
            continue
        name = name.lower()
        if match.group(1):
            end(name)
        else:
            attributes = match.group(3)
            start(name, attributes, attributes.endswith("/"))
    if position < len(region):
        text(region[position:])
    reader.end_block()
    return reader.title, reader.sections
