"""The benchmark's own ground truth: sections of built pages, normalised.

Independent of the search plugin on purpose: a grep, not a second engine.

- Sections: the text of a page's main content (`article.md-content__inner`,
  without Material's `¶` header links, footnote marks, edit buttons, the
  byline's reading time, scripts, styles, `hidden` elements (tooltips) and
  elements marked `data-search-exclude`), cut at every h2/h3; the part before the first
  heading (title, byline, first paragraphs) is the section with anchor "".
  A heading belongs to the section it opens; its `id` is the section's anchor.
  Block elements (paragraphs, list items, headings, cells, `<br>`) are
  barriers: a match never runs from one block into the next; inline markup
  (a glossary term's `<button>` included) never stops one.
- Normalised as issue 17 specifies, one character at a time (so that every
  substring of the text stays a substring once normalised): full-width Latin
  and digits folded to ASCII, lower case, OpenCC t2s of the character, and
  every character that is not a letter or digit dropped.
- Either script: a section holds a query when the normalised query is in the
  normalised text as published (Traditional) or in the normalised text of its
  Simplified edition (OpenCC t2s, phrase by phrase, of each block), so a
  Simplified query finds 意味著 through 意味着.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import opencc

_T2S = opencc.OpenCC("t2s")
ROOT_CLASS = "md-content__inner"
SECTION_TAGS = ("h2", "h3")
SKIP_TAGS = ("script", "style", "template", "svg", "noscript")
# Not text of the page: permalinks, footnote marks, Material's edit buttons,
# the byline's reading time (it changes with the text).
SKIP_CLASSES = frozenset({"headerlink", "footnote-ref", "footnote-backref", "md-content__button",
                          "zhpress-byline__reading"})
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
                    "ins", "kbd", "label", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
                    "strong", "sub", "sup", "time", "u", "var", "wbr", "button"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
ARTICLE_RE = re.compile(r"(?:^|/)articles/(a\d{5})(?:/|\.html|/index\.html)?$")


BARRIER = "\x1e"  # never in page text; normalise() drops it
_FOLD: dict[str, str] = {}


def t2s(text: str) -> str:
    """OpenCC t2s, phrase by phrase (the Simplified edition of a text)."""
    return _T2S.convert(text)


def _fold_char(ch: str) -> str:
    folded = _FOLD.get(ch)
    if folded is None:
        code = ord(ch)
        c = chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E else ch
        lowered = c.lower()
        c = lowered if len(lowered) == 1 else c
        if not c.isascii():
            converted = _T2S.convert(c)
            c = converted if len(converted) == 1 else c
        folded = c if unicodedata.category(c)[0] in "LN" else ""
        _FOLD[ch] = folded
    return folded


def normalise(text: str) -> str:
    """One block (or a query) normalised, one character at a time."""
    return "".join(map(_fold_char, text))


def normalise_blocks(text: str) -> str:
    """A section's text, block by block, barriers kept; then its Simplified edition."""
    blocks = [b for b in (normalise(block) for block in text.split(BARRIER)) if b]
    simple = [b for b in (normalise(t2s(block)) for block in text.split(BARRIER)) if b]
    return BARRIER.join(blocks) + BARRIER + BARRIER + BARRIER.join(simple)


@dataclass
class Section:
    anchor: str
    heading: str = ""
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Done(Exception):
    pass


class _SectionParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = [Section("")]
        self.depth = 0          # depth inside the root element (0: outside)
        self.skip_at = None     # depth of the skipped element we are in
        self.heading_depth = None

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            if tag == "article" and ROOT_CLASS in (dict(attrs).get("class") or "").split():
                self.depth = 1
            return
        if tag in VOID:
            if tag == "br" and self.skip_at is None:
                self.sections[-1].parts.append(BARRIER)
            return
        self.depth += 1
        if self.skip_at is not None:
            return
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if (tag in SKIP_TAGS or "data-search-exclude" in attrs or "hidden" in attrs
                or SKIP_CLASSES.intersection(classes)):
            self.skip_at = self.depth
            return
        if tag in SECTION_TAGS:
            self.sections.append(Section(attrs.get("id") or ""))
            self.heading_depth = self.depth
        if tag not in INLINE:
            self.sections[-1].parts.append(BARRIER)

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and self.depth and self.skip_at is None:
            self.sections[-1].parts.append(BARRIER)

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in VOID:
            return
        if self.skip_at is not None and self.skip_at == self.depth:
            self.skip_at = None
        elif self.skip_at is None and tag not in INLINE:
            self.sections[-1].parts.append(BARRIER)
        if self.heading_depth == self.depth:
            self.heading_depth = None
        self.depth -= 1
        if self.depth == 0:
            raise _Done

    def handle_data(self, data):
        if self.depth and self.skip_at is None:
            self.sections[-1].parts.append(data)
            if self.heading_depth is not None:
                self.sections[-1].heading += data


def page_sections(html: str) -> list[Section]:
    start = html.find(ROOT_CLASS)
    if start < 0:
        return []
    start = html.rfind("<article", 0, start)
    parser = _SectionParser()
    try:
        parser.feed(html[start:])
        parser.close()
    except _Done:
        pass
    sections = parser.sections
    # The part before the first heading is a section only if it holds text.
    if len(sections) > 1 and not normalise(sections[0].text):
        sections = sections[1:]
    return sections


def article_key(rel_path: str) -> str | None:
    """'zh-hant/articles/a00012/index.html' or '/articles/a00012/' -> 'a00012'."""
    rel = rel_path.split("#")[0].split("?")[0].rstrip("/")
    if rel.endswith("/index.html"):
        rel = rel[: -len("/index.html")]
    match = ARTICLE_RE.search(rel)
    return match.group(1) if match else None


@dataclass
class SiteText:
    """Normalised sections of every article page under one folder of a site."""

    sections: dict[tuple[str, str], str]   # (article, anchor) -> normalised text

    @classmethod
    def load(cls, site_dir: Path, prefix: str = "") -> "SiteText":
        base = Path(site_dir) / prefix if prefix else Path(site_dir)
        sections = {}
        for page in sorted((base / "articles").glob("a[0-9]*/index.html")):
            key = article_key(str(page.relative_to(site_dir)))
            if key is None:
                continue
            html = page.read_text(encoding="utf-8")
            for section in page_sections(html):
                norm = normalise_blocks(section.text)
                slot = (key, section.anchor)
                sections[slot] = sections.get(slot, "") + BARRIER + norm
        return cls(sections)

    def grep(self, query: str) -> set[tuple[str, str]]:
        needle = normalise(query)
        if not needle:
            return set()
        return {slot for slot, text in self.sections.items() if needle in text}

    def grep_pages(self, query: str) -> set[str]:
        return {page for page, _ in self.grep(query)}

    @property
    def pages(self) -> int:
        return len({page for page, _ in self.sections})
