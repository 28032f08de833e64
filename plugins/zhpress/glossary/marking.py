"""Names marked in a page's HTML, and every mention of an entity recorded.

A page is read once into a map of its text runs: the block each run is in
(paragraph, list item, table cell ...), the section (a heading starts one)
and whether readers' text may be marked there (not in code, links,
headings, abbreviations, definitions or our own marks). Names are found in
the runs (matcher.NameMatcher) and decided on here:

- a glossary term gets a definition on its first use in each section;
- an entity gets a link to its page on its first mention in each section;
- every mention of an entity is recorded with its block, for the entity's
  page: the sentence around it and an anchor to the block.

The marks themselves are written by `zhpress.text.html.transform_html` (the
same tokenizer every plugin uses), whose text function takes the runs' marks
from this map in order; the anchors are added to the block tags afterwards.
"""
from __future__ import annotations

import html as _html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from markupsafe import Markup

from ..siteconfig.model import Entry
from ..text.html import SKIP_ELEMENTS, VOID_ELEMENTS
from .matcher import NameMatcher

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Where names are never marked, beyond the text layer's own SKIP_ELEMENTS:
# links (our entity links too), headings, abbreviations, definitions, buttons
# (our term marks).
SKIP = frozenset({"a", "abbr", "dfn", "button"}) | HEADINGS
_SKIPPED = SKIP | SKIP_ELEMENTS | frozenset({"xmp", "iframe", "noembed", "noframes", "select", "option"})
# Elements a mention is listed by: its innermost one of these.
BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "blockquote",
                    "div", "section", "aside", "details", "summary", "figure"})
_RAW = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")

# Comments, CDATA, doctype and processing instructions; raw-text elements
# whole; then any tag (quoted attribute values may hold '>').
_CONSTRUCTS = (
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>?|<\?[^>]*>?"
    r"|<(?:" + "|".join(_RAW) + r")\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?(?:</(?:" + "|".join(_RAW) + r")\s*>|\Z)"
)
_TOKEN = re.compile(
    _CONSTRUCTS + r"""|<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.S | re.I,
)
_BLOCK_TAG = re.compile(
    _CONSTRUCTS + r"|<(" + "|".join(sorted(BLOCKS)) + r""")(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.S | re.I,
)
_ID = re.compile(r"""(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_NO_MARK = re.compile(r"""\stranslate\s*=\s*["']?no\b|\sdata-zhpress-skip\b""", re.I)
_OPENERS = ("（", "(", " (", " （")
_SENTENCE_ENDS = "。！？!?；;…\n"
_CLOSERS = "」』”’）)】》〉"
_SENTENCE_END = re.compile("[" + re.escape(_SENTENCE_ENDS) + "]+")
_SENTENCE_TAIL = re.compile("[" + re.escape(_SENTENCE_ENDS.replace("\n", "") + _CLOSERS) + "]*")


def _id_of(attributes: str) -> str | None:
    match = _ID.search(attributes)
    if match is None:
        return None
    return _html.unescape(next(g for g in match.groups() if g is not None))


@dataclass
class Block:
    ordinal: int
    tag: str
    id: str | None
    section: int
    parts: list[str] = field(default_factory=list)
    length: int = 0
    _text: str | None = None
    _ends: list[int] | None = None

    def sentence_ends(self) -> list[int]:
        """Offsets just after each sentence-ending character of the text."""
        if self._ends is None or self._text is None or len(self._text) != self.length:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return self._ends

    @property
    def text(self) -> str:
        if self._text is None or len(self._text) != self.length:
            self._text = "".join(self.parts)
        return self._text


@dataclass
class Run:
    text: str
    block: Block | None
    section: int
    editable: bool
    offset: int  # where the run starts in its block's text


@dataclass
class PageMap:
    runs: list[Run]
    blocks: list[Block]
    heading_ids: list[str | None]  # per section; section 0 is before any heading


def read_page(fragment: str) -> PageMap:
    """The text runs of an HTML fragment, with their blocks and sections."""
    runs: list[Run] = []
    blocks: list[Block] = []
    heading_ids: list[str | None] = [None]
    open_blocks: list[Block] = []
    skipping: list[str] = []
    section = 0

    def add_run(raw: str) -> None:
        text = _html.unescape(raw) if "&" in raw else raw
        block = open_blocks[-1] if open_blocks else None
        offset = 0
        if block is not None:
            offset = block.length
            block.parts.append(text)
            block.length += len(text)
        runs.append(Run(text, block, section, not skipping, offset))

    position = 0
    for match in _TOKEN.finditer(fragment):
        start = match.start()
        if start > position:
            add_run(fragment[position:start])
        position = match.end()
        name = match.group(2)
        if name is None:  # comment, raw-text element and the like: no text of ours
            continue
        name = name.lower()
        attributes = match.group(3) or ""
        if match.group(1):  # end tag
            if skipping and skipping[-1] == name:
                skipping.pop()
            if open_blocks and open_blocks[-1].tag == name:
                open_blocks.pop()
            continue
        void = name in VOID_ELEMENTS or attributes.rstrip().endswith("/")
        if name in HEADINGS:
            section += 1
            heading_ids.append(_id_of(attributes))
        if name in BLOCKS:  # counted as add_anchors counts them, void or not
            block = Block(len(blocks), name, _id_of(attributes), section)
            blocks.append(block)
            if not void:
                open_blocks.append(block)
        if not void and (skipping or name in _SKIPPED or (_NO_MARK.search(attributes) is not None)):
            skipping.append(name)
    if position < len(fragment):
        add_run(fragment[position:])
    return PageMap(runs, blocks, heading_ids)


class Mark(NamedTuple):
    start: int
    end: int
    entry: Entry


class Mention(NamedTuple):
    """An entity named in a block: the sentence around its first mention there."""

    entry_id: str
    anchor: str | None  # id of the block (added if it had none), or of the section's heading
    before: str
    text: str
    after: str


@dataclass
class PageMarks:
    runs: list[tuple[str, tuple[Mark, ...]]] = field(default_factory=list)  # marked runs, in order
    tips: list[Entry] = field(default_factory=list)  # entries whose definition the page shows
    mentions: list[Mention] = field(default_factory=list)
    anchors: dict[int, str] = field(default_factory=dict)  # block ordinal -> id to add


def anchor_id(block: Block) -> str:
    return f"p-{block.ordinal + 1}"


def decide(page: PageMap, matcher: NameMatcher, define_terms: bool = True, link_entities: bool = True,
           record: bool = True, snippet_chars: int = 80, fold: bool = False) -> PageMarks:
    """Marks of the page: terms on first use and entities on first mention per
    section; every entity mention recorded once per block. `fold`: the text
    may mix the scripts (a page's text is in its script: no need)."""
    marks = PageMarks()
    editable = [run for run in page.runs if run.editable and not run.text.isspace()]
    texts = [run.text for run in editable]
    folded_texts = matcher.fold_all(texts) if fold else texts
    marked_in_section: set[tuple[int, str]] = set()
    tips: dict[str, Entry] = {}
    recorded: set[tuple[int, str]] = set()  # (block ordinal or -1 - section, entry id)
    find, touches_word, fits = matcher.find_in, matcher.touches_word, matcher.fits
    for index, run in enumerate(editable):
        found = find(run.text, folded_texts[index])
        if not found:
            continue
        found = _with_glosses(run.text, found)
        run_marks = []
        for match in found:
            if touches_word(run.text, match) and not fits(
                    run.text, match, _before(editable, index), _after(editable, index)):
                continue
            entry = match.entry
            if record and not entry.is_term:
                key = (run.block.ordinal if run.block is not None else -1 - run.section, entry.id)
                if key not in recorded:
                    recorded.add(key)
                    marks.mentions.append(_mention(page, run, match.start, match.end, entry, marks, snippet_chars))
            if (define_terms if entry.is_term else link_entities) and (run.section, entry.id) not in marked_in_section:
                marked_in_section.add((run.section, entry.id))
                run_marks.append(Mark(match.start, match.end, entry))
                if entry.description:
                    tips.setdefault(entry.id, entry)
        if run_marks:
            marks.runs.append((run.text, tuple(run_marks)))
    marks.tips = list(tips.values())
    return marks


def _with_glosses(text: str, found: list) -> list:
    """A name followed by another name of the same entry in brackets is one
    mention: 雲與智慧產業事業群（CSIG）, BG（事業群）."""
    merged = [found[0]]
    for match in found[1:]:
        last = merged[-1]
        if (match.entry is last.entry and text[last.end:match.start] in _OPENERS
                and text[match.end:match.end + 1] in ("）", ")") and match.end < len(text)):
            merged[-1] = last._replace(end=match.end + 1)
        else:
            merged.append(match)
    return merged


def _before(runs: list[Run], index: int) -> str:
    run = runs[index]
    if index > 0 and runs[index - 1].block is run.block:
        previous = runs[index - 1]
        if previous.offset + len(previous.text) == run.offset:
            return previous.text.rstrip()[-1:]
    return ""


def _after(runs: list[Run], index: int) -> str:
    run = runs[index]
    if index + 1 < len(runs) and runs[index + 1].block is run.block:
        following = runs[index + 1]
        if run.offset + len(run.text) == following.offset:
            return following.text.lstrip()[:1]
    return ""


def _mention(page: PageMap, run: Run, start: int, end: int, entry: Entry, marks: PageMarks,
             limit: int) -> Mention:
    block = run.block
    if block is None:
        before, text, after = sentence_around(run.text, start, end, limit)
        return Mention(entry.id, page.heading_ids[run.section], before, text, after)
    if block.id:
        anchor = block.id
    else:
        anchor = marks.anchors.setdefault(block.ordinal, anchor_id(block))
    before, text, after = sentence_around(block.text, run.offset + start, run.offset + end, limit,
                                          block.sentence_ends())
    return Mention(entry.id, anchor, before, text, after)


def sentence_around(text: str, start: int, end: int, limit: int = 80,
                    ends: list[int] | None = None) -> tuple[str, str, str]:
    """(before, name, after): the sentence holding text[start:end], cut to
    about `limit` characters around the name with "…". `ends`: the offsets
    after each sentence end of `text`, if known."""
    if ends is None:
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    at = bisect_right(ends, start)
    first = ends[at - 1] if at else 0
    at = bisect_left(ends, end + 1)
    last = ends[at] - 1 if at < len(ends) else len(text)
    last = _SENTENCE_TAIL.match(text, last).end()
    before = text[first:start].lstrip().lstrip(_CLOSERS).lstrip()
    after = text[end:last].rstrip()
    half = max(limit // 2, 8)
    if len(before) > half:
        before = "…" + before[-half:]
    if len(after) > half:
        after = after[:half] + "…"
    return before.replace("\n", " "), text[start:end], after.replace("\n", " ")


class MarkWriter:
    """The text function for transform_html: writes the marks decided for
    each run, taking the runs in document order."""

    def __init__(self, runs: list[tuple[str, tuple[Mark, ...]]], render: Callable[[Mark, str], str]):
        self.runs = runs
        self.render = render
        self.next = 0

    def __call__(self, text: str, before: str = "", after: str = "") -> str:
        runs, index = self.runs, self.next
        if index >= len(runs):
            return text
        # The run marked next, or one of the few after it (a run the two
        # tokenizers read differently is left unmarked, never misplaced).
        for candidate in range(index, min(index + 4, len(runs))):
            if runs[candidate][0] == text:
                self.next = candidate + 1
                return Markup(self._write(text, runs[candidate][1]))
        return text

    def _write(self, text: str, marks: tuple[Mark, ...]) -> str:
        out, position = [], 0
        for mark in marks:
            out.append(_escape(text[position:mark.start]))
            out.append(self.render(mark, _escape(text[mark.start:mark.end])))
            position = mark.end
        out.append(_escape(text[position:]))
        return "".join(out)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def add_anchors(fragment: str, anchors: dict[int, str]) -> str:
    """Gives the blocks numbered in `anchors` (as read_page numbered them) their id."""
    if not anchors:
        return fragment
    ordinal = -1

    def replace(match: re.Match) -> str:
        nonlocal ordinal
        name = match.group(1)
        if name is None:
            return match.group(0)
        ordinal += 1
        anchor = anchors.get(ordinal)
        if anchor is None:
            return match.group(0)
        tag = match.group(0)
        return f'{tag[:1 + len(name)]} id="{_html.escape(anchor)}"{tag[1 + len(name):]}'

    return _BLOCK_TAG.sub(replace, fragment)
