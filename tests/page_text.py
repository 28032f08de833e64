"""The text a reader sees on a built page, read with a real HTML parser
(html.parser builds the element tree; nothing of zhpress reads it), cut as
search cuts it: the page title (the first h1), then sections at every h2
and h3 with an id, each a list of blocks (a block element, a line of
<pre>, a line ended by <br>).

Markup is read as written: html.parser does not repair it as browsers do
(HTML's tree-building rules). Where the content's markup is malformed (raw
HTML in a post: a stray or early end tag, a block opened inside a
paragraph), the reading says so: browsers, this reader and search may
then cut it into blocks differently, and only its text can be compared.

Seen: the content of Material's `<article class="md-content__inner">`.
Not seen: what browsers do not render (script, style, template, noscript,
the fallback inside iframe, video, audio and canvas, elements with
`hidden`: tooltips until asked for). Not the page's text:
icons (svg), form fields, navigation between pages (nav) and the elements
the site leaves out of search on purpose (`data-search-exclude`, the
configured classes: permalink signs, footnote numbers, lists of other
pages, reading time).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
})
# HTML's phrasing content: these never start a line of their own.
PHRASING = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "button", "cite", "code", "data", "del", "dfn", "em", "embed", "font",
    "i", "img", "input", "ins", "kbd", "label", "mark", "meter", "object", "output", "picture", "progress",
    "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
})
# Not rendered: scripts and the like, and what embedded content holds for
# browsers that cannot show it.
NOT_RENDERED = frozenset({"script", "style", "template", "noscript", "iframe", "video", "audio", "canvas"})
NOT_PAGE_TEXT = frozenset({"svg", "math", "textarea", "nav"})


@dataclass
class Element:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        if tag not in PHRASING and tag not in VOID and any(e.tag == "p" for e in self.open):
            self._malformed(element)  # a browser would end the paragraph here
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                if depth != len(self.open) - 1:
                    self._malformed(self.open[depth])  # it ends elements still open inside it
                del self.open[depth:]
                return
        self._malformed(self.open[-1])  # it ends nothing

    def _malformed(self, element: Element) -> None:
        element.attrs["data-malformed"] = ""
        for open_element in self.open:
            open_element.attrs.setdefault("data-holds-malformed", "")

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(html: str) -> Element:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.root


def find(element: Element, tag: str, cls: str) -> Element | None:
    for child in element.children:
        if isinstance(child, Element):
            if child.tag == tag and cls in child.classes:
                return child
            found = find(child, tag, cls)
            if found is not None:
                return found
    return None


@dataclass
class Section:
    anchor: str
    heading: str
    blocks: list[str] = field(default_factory=list)


class _Reading:
    def __init__(self, left_out: frozenset[str]):
        self.left_out = left_out
        self.title: str | None = None
        self.sections = [Section("", "")]
        self.line: list[str] = []

    def shown(self, element: Element) -> bool:
        return not (element.tag in NOT_RENDERED or element.tag in NOT_PAGE_TEXT or "hidden" in element.attrs
                    or "data-search-exclude" in element.attrs or element.classes & self.left_out)

    def end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        self.line = []
        if text:
            self.sections[-1].blocks.append(text)

    def text_of(self, element: Element) -> str:
        reading = _Reading(self.left_out)
        reading.walk(element, False)
        reading.end_line()
        return " ".join(" ".join(block for s in reading.sections for block in s.blocks).split())

    def walk(self, element: Element, in_pre: bool) -> None:
        for child in element.children:
            if isinstance(child, str):
                if in_pre and "\n" in child:
                    *ended, rest = child.split("\n")
                    for line in ended:
                        self.line.append(line)
                        self.end_line()
                    self.line.append(rest)
                else:
                    self.line.append(child)
            elif not self.shown(child):
                continue
            elif child.tag == "br":
                self.end_line()
            elif child.tag in PHRASING:
                self.walk(child, in_pre)
            elif child.tag == "h1" and self.title is None:
                self.end_line()
                self.title = self.text_of(child)
            elif child.tag in ("h2", "h3") and child.attrs.get("id"):
                self.end_line()
                self.sections.append(Section(child.attrs["id"], self.text_of(child)))
            else:
                self.end_line()
                self.walk(child, in_pre or child.tag == "pre")
                self.end_line()


@dataclass
class PageReading:
    title: str | None  # the first h1's text, None without one
    sections: list[Section]
    malformed: bool  # the content's markup needed repairs: compare its text, not its blocks


def read_page(html: str, left_out: frozenset[str]) -> PageReading:
    """The page's content as its reader sees it."""
    article = find(parse(html), "article", "md-content__inner")
    assert article is not None, "no Material content <article> in the page"
    reading = _Reading(left_out)
    reading.walk(article, False)
    reading.end_line()
    return PageReading(reading.title, reading.sections, "data-holds-malformed" in article.attrs)


def visible_sections(html: str, left_out: frozenset[str]) -> tuple[str | None, list[Section]]:
    """(the page title or None, its sections) as a reader of the page sees them."""
    page = read_page(html, left_out)
    return page.title, page.sections
