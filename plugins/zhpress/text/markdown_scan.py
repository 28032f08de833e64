"""What the checks need from a Markdown source, with the line and column of
each thing as the contributor sees it in the file.

Not a Markdown renderer: one pass over the lines that finds headings (and
the anchors Python-Markdown's toc gives them), explicit ids, links and images
(inline, reference definitions, raw HTML), and the prose between them (for
punctuation and acronyms). Code (fenced, indented, inline), HTML comments,
tags and link destinations are never prose. Columns count characters, from 1.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator


@dataclass(frozen=True)
class Heading:
    line: int
    column: int
    text: str  # as readers see it: markup removed, entities decoded
    explicit_id: str | None = None


@dataclass(frozen=True)
class Link:
    line: int
    column: int  # of the destination
    dest: str
    image: bool = False
    html: bool = False  # from a raw HTML attribute


@dataclass(frozen=True)
class Prose:
    line: int
    column: int
    text: str


@dataclass
class Scan:
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # explicit ids and footnote anchors
    links: list[Link] = field(default_factory=list)
    prose: list[list[Prose]] = field(default_factory=list)  # per line, its prose pieces in order

    def anchors(self, slugify: Callable[[str], str]) -> set[str]:
        """Every id a link may point at: headings as the toc extension makes
        them (slug, then _1, _2 for repeats), explicit ids, footnotes."""
        used = set(self.ids)
        for heading in self.headings:
            if heading.explicit_id:
                used.add(heading.explicit_id)
        for heading in self.headings:
            if not heading.explicit_id:
                used.add(_unique(slugify(heading.text), used))
        return used


# A fence opening as pymdownx.superfences reads it: a language, options or
# {attributes} after the fence, nothing else (```yml:.travis.yml is text).
_FENCE = re.compile(
    r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*"
    r"(?:\{[^\n]*\}|(?:\.?[\w#.+-]*[ \t]*)?(?:\b[a-zA-Z][a-zA-Z0-9_]*(?:=(\"|').*?\2)?[ \t]*)*)[ \t]*$"
)
_ATX = re.compile(r"^[ ]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*([^}]*)\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([\w:.-]+)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*(<[^>]*>|\S+)")
_FOOTNOTE_DEF = re.compile(r"^[ ]{0,3}\[\^([^\]]+)\]:[ \t]?")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\]")
_ABBR_DEF = re.compile(r"^[ ]{0,3}\*\[[^\]]+\]:[ \t]?")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+(\"[^\"]*\"))?[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
    r"\([ \t]*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*\)"
)
# `[text](` or `![alt](`: the destination is read by _link_destination.
_LINK_OPEN = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\(")
_LINK_TITLE = re.compile(r"^(.*?)[ \t]+([\"'])(.*)\2$", re.S)
_REF_LINK = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.)*)\](?:\[([^\]]*)\])?")
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_HTML_BLOCK = re.compile(r"^[ ]{0,3}</?(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|"
                         r"figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|pre|script|section|style|"
                         r"summary|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|canvas|object|embed|svg|math)"
                         r"(?:[\s/>]|$)", re.IGNORECASE)
_URL_ATTRIBUTES = {"href": False, "src": True, "poster": True, "data": True, "action": False, "formaction": False,
                   "xlink:href": False}
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~|==)(?=\S)(.+?)(?<=\S)\1")
_BACKSLASH = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def _unique(slug: str, used: set[str]) -> str:
    # Python-Markdown's toc.unique: "a", then "a_1", "a_2" ...
    candidate = slug
    while candidate in used or not candidate:
        match = re.match(r"^(.*)_([0-9]+)$", candidate)
        candidate = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{candidate}_1"
    used.add(candidate)
    return candidate


def scan(body: str, first_line: int = 1) -> Scan:
    """Scans the Markdown `body` whose first line is line `first_line` of its file."""
    result = Scan()
    lines = body.split("\n")
    fence: str | None = None
    in_comment = False
    in_html_block = False
    previous_blank = True
    previous_prose: tuple[int, str] | None = None  # (index, text) of a paragraph line, for setext headings
    list_context = False
    for index, raw in enumerate(lines):
        number = first_line + index
        line = raw.rstrip("\r")
        stripped = line.strip()
        if fence is not None:
            if re.match(rf"^[ \t]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line):
                fence = None
            previous_blank, previous_prose = False, None
            continue
        if in_comment:
            end = line.find(_COMMENT_CLOSE)
            if end < 0:
                continue
            in_comment = False
            line = " " * (end + 3) + line[end + 3:]
            stripped = line.strip()
        if not stripped:
            previous_blank, previous_prose = True, None
            in_html_block = False
            continue
        match = _FENCE.match(line)
        if match:
            fence = match.group(1)
            previous_blank, previous_prose = False, None
            continue
        indented = len(line) - len(line.lstrip(" \t")) >= 4 or line.startswith("\t")
        if indented and previous_blank and not list_context:
            continue  # indented code
        if _LIST_ITEM.match(line):
            list_context = True
        elif not indented and previous_blank:
            list_context = False
        if _HTML_BLOCK.match(line) or in_html_block:
            in_html_block = True
            _scan_html(line, number, result)
            previous_blank, previous_prose = False, None
            continue
        setext = _SETEXT.match(line)
        if setext and previous_prose is not None and (setext.group(1)[0] == "=" or len(setext.group(1)) >= 2):
            prev_index, prev_text = previous_prose
            text, explicit = _heading_text(prev_text)
            result.headings.append(Heading(first_line + prev_index, 1, text, explicit))
            previous_blank, previous_prose = False, None
            continue
        definition = _REF_DEF.match(line)
        if definition:
            dest = definition.group(2)
            column = definition.start(2) + 1
            if dest.startswith("<") and dest.endswith(">"):
                dest, column = dest[1:-1], column + 1
            result.links.append(Link(number, column, dest))
            previous_blank, previous_prose = False, None
            continue
        masked_from = 0
        footnote = _FOOTNOTE_DEF.match(line)
        if footnote:
            result.ids.add(f"fn:{footnote.group(1)}")
            masked_from = footnote.end()
        abbr = _ABBR_DEF.match(line)
        if abbr:
            previous_blank, previous_prose = False, None
            continue
        heading = _ATX.match(line)
        if heading:
            content = heading.group(2) or ""
            start = heading.start(2) if heading.group(2) is not None else len(line)
            text, explicit = _heading_text(content)
            result.headings.append(Heading(number, start + 1, text, explicit))
            masked_from = start
        admonition = _ADMONITION.match(line)
        if admonition:
            if admonition.group(1):
                start = admonition.start(1) + 1
                result.prose.append([Prose(number, start + 1, admonition.group(1)[1:-1])])
            previous_blank, previous_prose = False, None
            continue
        if "<!--" in line:
            line, in_comment = _mask_comments(line)
        result.prose.append(_scan_inline(line, number, masked_from, result))
        previous_blank = False
        previous_prose = (index, line) if not heading else None
    return result


def _mask_comments(line: str) -> tuple[str, bool]:
    out = line
    while True:
        start = out.find(_COMMENT_OPEN)
        if start < 0:
            return out, False
        end = out.find(_COMMENT_CLOSE, start + 4)
        if end < 0:
            return out[:start] + " " * (len(out) - start), True
        out = out[:start] + " " * (end + 3 - start) + out[end + 3:]


def _scan_html(line: str, number: int, result: Scan) -> None:
    for tag in _TAG.finditer(line):
        _tag_attributes(tag, number, result)


def _tag_attributes(tag: re.Match, number: int, result: Scan) -> None:
    text = tag.group(0)
    name_end = re.match(r"</?[a-zA-Z][a-zA-Z0-9-]*", text).end()
    for attribute in _ATTRIBUTE.finditer(text, name_end):
        name, value = attribute.group(1).lower(), attribute.group(2)
        if value is None:
            continue
        column = tag.start() + attribute.start(2) + 1
        if value[:1] in "\"'":
            value, column = value[1:-1], column + 1
        value = html.unescape(value)
        if name in ("id", "name") and value:
            result.ids.add(value)
        elif name in _URL_ATTRIBUTES:
            result.links.append(Link(number, column, value.strip(), image=_URL_ATTRIBUTES[name], html=True))


_MARKUP_CHARS = re.compile(r"[`<\[{]")


def _scan_inline(line: str, number: int, start: int, result: Scan) -> list[Prose]:
    """Links, ids and prose of one line from `start` on; returns the prose pieces."""
    if not _MARKUP_CHARS.search(line, start):  # plain text: most lines of prose
        return [Prose(number, start + 1, line[start:])] if start < len(line) else []
    spans: list[tuple[int, int]] = [(0, start)] if start else []

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in spans)

    # Inline code first: nothing inside it is a link or a tag.
    for code in re.finditer(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", line):
        spans.append(code.span())
    for tag in _TAG.finditer(line):
        if free(tag.start()):
            _tag_attributes(tag, number, result)
            spans.append(tag.span())
    for auto in _AUTOLINK.finditer(line):
        if free(auto.start()):
            spans.append(auto.span())
    for link in _LINK_OPEN.finditer(line):
        if not free(link.start()):
            continue
        read = _link_destination(line, link.end())
        if read is None:
            continue
        dest, column, end = read
        result.links.append(Link(number, column, _BACKSLASH.sub(r"\1", dest), image=bool(link.group(1))))
        text_start = link.start(2)
        spans.append((link.start(), text_start))  # ![ or [
        spans.append((link.end(2), end))  # ](dest "title")
        if link.group(1):  # alt text is not prose readers see in a run
            spans.append((text_start, link.end(2)))
    for ref in _FOOTNOTE_REF.finditer(line):
        if free(ref.start()):
            result.ids.add(f"fnref:{ref.group(1)}")
            spans.append(ref.span())
    for attrs in re.finditer(r"\{:?[ \t]*([#.][^}]*|[\w-]+=[^}]*)\}", line):
        if free(attrs.start()):
            for explicit in _ATTR_ID.finditer(attrs.group(1)):
                result.ids.add(explicit.group(1))
            spans.append(attrs.span())
    for ref in _REF_LINK.finditer(line):
        if free(ref.start()) and ref.group(3) is not None:
            spans.append((ref.start(), ref.start(2)))
            spans.append((ref.end(2), ref.end()))
    pieces: list[Prose] = []
    position = 0
    for a, b in sorted(spans):
        if a > position:
            pieces.append(Prose(number, position + 1, line[position:a]))
        position = max(position, b)
    if position < len(line):
        pieces.append(Prose(number, position + 1, line[position:]))
    return pieces


def _link_destination(line: str, start: int) -> tuple[str, int, int] | None:
    """(destination, its column, end of the link) for a link whose `(` ends
    at `start`, as Python-Markdown reads it: everything up to the matching
    `)` (spaces included: `[x](#GitHub 上的设置)` links that anchor), less a
    quoted title; `<...>` only when it is the whole destination. None when
    the parenthesis never closes."""
    depth, i = 1, start
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                break
        i += 1
    else:
        return None
    content = line[start:i]
    lead = len(content) - len(content.lstrip())
    body = content.strip()
    column = start + lead + 1
    if body.startswith("<") and body.endswith(">") and ">" not in body[1:-1]:
        return body[1:-1], column + 1, i + 1
    titled = _LINK_TITLE.match(body)
    return (titled.group(1) if titled else body), column, i + 1


def _heading_text(content: str) -> tuple[str, str | None]:
    """Heading text as the toc extension reads it, and its {#id} if any."""
    explicit = None
    attrs = _ATTR_LIST.search(content)
    if attrs:
        found = _ATTR_ID.search(attrs.group(1))
        explicit = found.group(1) if found else None
        content = content[:attrs.start()]
    parts: list[str] = []
    last = 0
    for code in re.finditer(r"(`+)(.+?)\1", content):
        parts.append(_strip_markup(content[last:code.start()]))
        parts.append(code.group(2).strip())
        last = code.end()
    parts.append(_strip_markup(content[last:]))
    text = " ".join("".join(parts).split())
    return text, explicit


def _strip_markup(text: str) -> str:
    text = _INLINE_LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = _TAG.sub("", text)
    text = _FOOTNOTE_REF.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    text = _BACKSLASH.sub(r"\1", text)
    return html.unescape(text)


def prose_runs(result: Scan) -> Iterator[tuple[Prose, str, str]]:
    """Each prose piece with the visible text just before and after it on its
    line (what the typeset plugin sees around a text run split at tags)."""
    for pieces in result.prose:
        for i, piece in enumerate(pieces):
            before = pieces[i - 1].text if i else ""
            after = pieces[i + 1].text if i + 1 < len(pieces) else ""
            yield piece, before, after
