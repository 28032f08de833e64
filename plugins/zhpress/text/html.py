"""Applies text functions to the human-readable text of an HTML fragment.

The fragment is tokenised by Python's own HTML tokenizer
(`html.parser.HTMLParser`, with character references left in place), so a `>`
inside a quoted attribute value, a comment or a CDATA section is markup, not
the end of a tag. Only two kinds of source slices are ever rewritten: a text
run, and the value of an attribute a reader sees (title, alt, aria-label,
placeholder, quoted or not). Every other byte (tags, attribute order, quotes,
entities, comments, doctype, whitespace) is copied from the source, and a
text run or attribute value the function leaves unchanged is copied as it was
written too: with an identity function the output is the input.

Code, preformatted text, scripts, styles, math, SVG, form fields and
templates are never touched, nor is an element marked `translate="no"` or
`data-zhpress-skip`, nor (per function) the extra elements named in `skip`.
A function receives unescaped text and the visible characters just before and
after the run, so rules that look across inline tags
(`<strong>騰訊</strong>,公司`) still see their context; a block-level tag ends
the context.

Several functions can share one tokenisation: `transform_html(html,
compose(convert, typeset))` runs each function over every run in turn, exactly
as two `transform_html` calls would, and a function may return
`markupsafe.Markup` to insert HTML into a text run (put such a function last:
later functions leave that run alone). The tokenisation of the last few
fragments, and of the walker's own output, is remembered, so a page converted
and then typeset is tokenised once.

Where Python's tokenizer is more lenient than a browser's (a tag it cannot
parse, `</ p>`, a comment closed by `-- >`, an end tag with quoted `>`), the
source up to where a browser's tokenizer would end that construct is left as
it is: the walker may change less than it could, never markup.
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass
from html.entities import html5 as _HTML5
from html.parser import HTMLParser
from typing import Callable, Iterable, Union

from markupsafe import Markup

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

_READABLE = frozenset(READABLE_ATTRIBUTES)
# Raw text and RCDATA elements: their content is text up to their own end tag.
# Not text a reader reads, except a document's <title>.
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
_SKIPPED = SKIP_ELEMENTS | {"xmp", "iframe", "noembed", "noframes", "plaintext"}
# Foreign content, where `<x/>` closes the element (in HTML it does not).
_FOREIGN = frozenset({"svg", "math"})
# HTML start tags that end SVG and MathML content (HTML Living Standard,
# 13.2.6.5), unless they stand in an integration point (foreignObject, mi...).
_BREAKOUT = frozenset(
    {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
     "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
     "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub",
     "sup", "table", "tt", "u", "ul", "var"}
)
_FORMATTING = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
)
_INTEGRATION_POINTS = frozenset({"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext"})
_NO_STACK: tuple[str, ...] = ()

# Where a browser's tokenizer (HTML Living Standard, 13.2.5) ends a tag that
# starts at a position: attribute values in quotes may hold `>`.
_BROWSER_TAG = re.compile(
    r"""</?[A-Za-z][^\t\n\f\r />]*+
    (?>[\t\n\f\r /]++
      |[^\t\n\f\r />][^\t\n\f\r /=>]*+
       (?>[\t\n\f\r ]*+=[\t\n\f\r ]*+(?>"[^"]*+"|'[^']*+'|(?!["'])[^\t\n\f\r >]*+)
         |(?![\t\n\f\r ]*+=))  # after `=` a value, if only up to the end
    )*+>""",
    re.VERBOSE,
)
_COMMENT_CLOSE = re.compile(r"--!?>")
# `&#` that is no character reference to Python < 3.13, which then reads the
# rest of the input as text if no `;` follows.
_BAIL = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
# Attributes of a start tag, after its name, as a browser reads them.
_ATTRIBUTE = re.compile(
    r"""([\t\n\f\r /]*)([^\t\n\f\r />][^\t\n\f\r /=>]*)
    (?:([\t\n\f\r ]*=[\t\n\f\r ]*)("[^"]*"|'[^']*'|(?!["'])[^\t\n\f\r >]*)|(?![\t\n\f\r ]*=))""",
    re.VERBOSE,
)
_TAG_NAME = re.compile(r"<[A-Za-z][^\t\n\f\r />]*")
# An unquoted attribute value needs quotes if it holds any of these.
_NEEDS_QUOTES = re.compile(r"""[\s"'=<>`&/\x00-\x1f\x7f]""")


# C0 controls a browser keeps but a validator flags when written raw, and CR,
# which a browser reads as LF when written raw.
_CONTROLS = re.compile("[\x01-\x08\x0b\x0d\x0e-\x1f\x7f]")


_TEXT_SPECIAL = re.compile("[&<>\x01-\x08\x0b\x0d\x0e-\x1f\x7f]")


def _escape_text(text: str) -> str:
    if not _TEXT_SPECIAL.search(text):
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CONTROLS.sub(_numeric, text) if _CONTROLS.search(text) else text


def _escape_attribute(value: str, quote: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = value.replace('"', "&quot;") if quote == '"' else value.replace("'", "&#39;")
    return _CONTROLS.sub(_numeric, value) if _CONTROLS.search(value) else value


def _numeric(match: re.Match) -> str:
    return f"&#{ord(match.group(0))};"


# A character reference, where html.unescape finds one.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def _unescape(raw: str, attribute: bool = False) -> str:
    """Text as a browser reads it from `raw` (HTML Living Standard 13.2.3.5,
    13.2.5.72 ff.): CR LF and CR are LF; then html.unescape, except that a
    numeric reference to a control or a noncharacter gives that character
    (html.unescape drops it), and in an attribute value a named reference
    without `;` followed by a letter, digit or `=` is not one
    (`title="a&copyb"`, `?a=1&copy=2`)."""
    if "\r" in raw:  # the input stream's newlines, before references
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" not in raw:
        return raw

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name[0] == "#":
            hexadecimal = name[1] in "xX"
            number = int(name[2 if hexadecimal else 1:].rstrip(";"), 16 if hexadecimal else 10)
            if number == 0 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF or 0x80 <= number <= 0x9F:
                return _html.unescape(match.group(0))  # U+FFFD, or windows-1252 for 0x80-0x9F
            return chr(number)
        if not attribute or name in _HTML5:
            return _html.unescape(match.group(0))
        for length in range(len(name) - 1, 1, -1):  # the longest name it starts with
            if name[:length] in _HTML5:
                following = name[length]
                if following == "=" or (following.isascii() and following.isalnum()):
                    return match.group(0)
                return _HTML5[name[:length]] + name[length:]
        return match.group(0)

    return _CHARREF.sub(replace, raw)


# ---------------------------------------------------------------------------
# Composition


@dataclass(frozen=True)
class Step:
    """A text function with its own options, for `compose`.

    context: look up the visible neighbours (False: before and after are "").
    skip: extra element names whose content (and own attributes) this
    function leaves alone. attributes: also apply it to readable attributes
    (a function returning Markup must say False)."""

    fn: TextFunction
    context: bool = True
    skip: frozenset = frozenset()
    attributes: bool = True

    def __post_init__(self):
        object.__setattr__(self, "skip", frozenset(name.lower() for name in self.skip))

    def __call__(self, text: str, before: str = "", after: str = "") -> str:
        return self.fn(text, before, after) if self.context else self.fn(text, "", "")


class Pipeline:
    """Text functions run one after another over one tokenisation.

    Each function sees the previous one's output, as the next of several
    `transform_html` calls would. Called on plain text (a title, a table of
    contents entry), it applies each function in turn."""

    __slots__ = ("steps",)

    def __init__(self, steps: Iterable[Union[TextFunction, Step]]):
        self.steps = tuple(steps)

    def __call__(self, text: str, before: str = "", after: str = "") -> str:
        for step in self.steps:
            text = step(text, before, after)
        return text

    def __repr__(self) -> str:
        return f"Pipeline{self.steps!r}"


def compose(*fns: Union[TextFunction, Step, Pipeline]) -> Pipeline:
    """A pipeline of text functions (plain functions, Steps or pipelines)."""
    steps: list = []
    for fn in fns:
        steps.extend(fn.steps if isinstance(fn, Pipeline) else (fn,))
    return Pipeline(steps)


# ---------------------------------------------------------------------------
# Tokenisation


class _Tag:
    """A start tag with readable attributes: its source in parts, so that a
    value can be replaced and everything else kept."""

    __slots__ = ("piece", "parts", "values", "stack")

    def __init__(self, piece: int, parts: list[str], values: list[tuple[int, str, str]], stack: tuple):
        self.piece = piece
        self.parts = parts  # source slices; joined they give the tag
        self.values = values  # (index in parts, quote ('"', "'" or ""), unescaped value)
        self.stack = stack  # open elements, this one included


class _Skeleton:
    """A tokenised fragment: `pieces` joined give it back. Runs are text
    pieces, in parallel lists."""

    __slots__ = ("pieces", "run_piece", "run_text", "run_segment", "run_skipped", "run_stack",
                 "tags", "reusable")

    def __init__(self):
        self.pieces: list[str] = []
        self.run_piece: list[int] = []
        self.run_text: list[str] = []
        self.run_segment: list[int] = []
        self.run_skipped: list[bool] = []
        self.run_stack: list[tuple] = []
        self.tags: list[_Tag] = []
        # The walker's output can be re-tokenised from this skeleton without
        # parsing (no construct where Python's and a browser's tokenizers part).
        self.reusable = True


class _Tokenizer(HTMLParser):
    """Python's HTML tokenizer, with character references left in place.

    Only markup events are handled: text is the source between two of them
    (html.parser reports it in pieces: data, `&amp;`, `&#38;`). Positions come
    from updatepos, which html.parser calls after each token."""

    CDATA_CONTENT_ELEMENTS = _RAW_TEXT

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.src = source
        self.out = _Skeleton()
        self.cursor = 0  # source up to here is in out.pieces
        self.text_from = 0  # text since the last markup starts here (-1: at the next updatepos)
        self.opaque_until = 0  # source before this is left as it is
        self.segment = 0
        self.skip_root: str | None = None
        self.skip_depth = 0
        self.skip_base = 0  # len(self.stack) when the skip root opened
        self.stack: tuple = _NO_STACK
        self.at = 0  # where the token being handled starts in the source
        self.base = 0  # where self.rawdata starts in the source
        self.runs: list[tuple] = []  # (piece, text, segment, skipped, stack)
        self.ignored = False  # the start tag just handled is not one to a browser

    def run(self) -> _Skeleton:
        src = self.src
        try:
            self.feed(src)
            self.base = len(src) - len(self.rawdata)  # close() reads the rest
            self.close()
            self._text_to(len(src))
        except AssertionError:  # html.parser's checks on input it did not expect, or ours
            self.out.reusable = False  # and everything not yet in pieces is kept as written
        out = self.out
        if self.cursor < len(src):
            out.pieces.append(src[self.cursor:])
        if self.runs:
            columns = tuple(map(list, zip(*self.runs)))
            out.run_piece, out.run_text, out.run_segment, out.run_skipped, out.run_stack = columns
        return out

    def updatepos(self, i: int, j: int) -> int:
        """html.parser calls this after each token with the index in
        self.rawdata where the next one starts (it counts lines there; we
        need no lines). Markup handlers check it against the source."""
        at = self.at = self.base + j
        if self.text_from < 0:
            self.text_from = at
        return j

    # Text ----------------------------------------------------------------

    def _text_to(self, end: int) -> None:
        """The source from the end of the last markup to `end` is text to
        Python's tokenizer: a run, unless a browser reads markup in it."""
        start = self.text_from
        if start < self.opaque_until:
            start = self.opaque_until
        if start < 0 or start >= end:
            return
        src = self.src
        if self.cdata_elem is None and src.find("<", start, end) >= 0:
            self._text_with_markup(start, end)
            return
        self._run(start, end)  # the common case: one run

    def _text_with_markup(self, start: int, end: int) -> None:
        """Text with a `<` in it: Python gave up on a tag (`<a title="x` at
        the end), or read on as text after `&#` with no `;` later (Python
        < 3.13); a browser reads markup there, which is left as written."""
        src, region = self.src, start
        k = src.find("<", start, end)
        while k >= 0:
            markup_end = _browser_end(src, k)
            if markup_end > k + 1:
                self._run(start, k)
                if _BAIL.search(src, region, k + 1):
                    markup_end = max(markup_end, end)  # nothing after it was read as markup
                self._opaque(k, markup_end)
                if markup_end >= end:
                    return
                start = markup_end
                k = src.find("<", start, end)
            else:  # a `<` that is text to a browser too (`a < b`)
                k = src.find("<", k + 1, end)
        self._run(start, end)

    def _run(self, start: int, end: int) -> None:
        if start >= end:
            return
        src, pieces = self.src, self.out.pieces
        if self.cursor < start:
            pieces.append(src[self.cursor:start])
        raw = src[start:end]
        self.runs.append((len(pieces), _unescape(raw) if "&" in raw or "\r" in raw else raw,
                          self.segment, self.skip_root is not None, self.stack))
        pieces.append(raw)
        self.cursor = end
        if "&#" in raw and _BAIL.search(raw):
            # Python < 3.13 reads what follows `&#` by whether a `;` comes
            # later: the output is tokenised anew, not from this skeleton.
            self.out.reusable = False

    def _opaque(self, start: int, end: int) -> None:
        """Source a browser may read otherwise than Python: kept as written."""
        self.out.reusable = False
        self.segment += 1
        if end > self.opaque_until:
            self.opaque_until = end

    # Markup ------------------------------------------------------------

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, True)

    def handle_starttag(self, name: str, attrs: list, self_closing: bool = False) -> None:
        start = self.at
        text = self.get_starttag_text()
        if not self.src.startswith(text, start):
            raise AssertionError("html.parser and the walker disagree on positions")
        if start > self.text_from:
            self._text_to(start)
        self.text_from = -1
        self.ignored = start < self.opaque_until
        if self.ignored:
            return
        if '"' in text or "'" in text:
            match = _BROWSER_TAG.match(self.src, start)
            end = match.end() if match else len(self.src)
            if end != start + len(text):
                # `<p a ='>'>`: Python ends the tag at the first `>`, a
                # browser at the second. Its name is sure, its attributes not.
                self._opaque(start, end)
                attrs = ()
        if name not in INLINE_ELEMENTS:
            self.segment += 1
        if self.skip_root in _FOREIGN and (
            name in _BREAKOUT
            or (name == "font" and any(key in ("color", "face", "size") for key, _ in attrs))
        ):
            self._leave_foreign()
        # `<x/>` closes x only for void elements and in SVG and MathML.
        opens = name not in VOID_ELEMENTS and not (
            self_closing and (name in _FOREIGN or self.skip_root in _FOREIGN)
        )
        if self.skip_root is not None:
            if opens and name == self.skip_root:
                self.skip_depth += 1
            if opens:
                self.stack = self.stack + (name,)
            return
        skipped = name in _SKIPPED
        if attrs and not skipped:
            for key, value in attrs:
                if key == "data-zhpress-skip" or (
                    key == "translate" and value is not None and value.lower() == "no"
                ):
                    skipped = True
                    break
        own_stack = self.stack + (name,)
        if opens:
            if skipped:
                self.skip_root, self.skip_depth, self.skip_base = name, 1, len(self.stack)
            self.stack = own_stack
        if skipped or not attrs:
            return
        for key, value in attrs:
            if key in _READABLE and value:
                break
        else:
            return
        tag = _split_tag(text, attrs)
        if tag is None:  # Python and a browser read the attributes differently
            return
        parts, values = tag
        out = self.out
        if self.cursor < start:
            out.pieces.append(self.src[self.cursor:start])
        out.tags.append(_Tag(len(out.pieces), parts, values, own_stack))
        out.pieces.append(text)
        self.cursor = start + len(text)

    def handle_endtag(self, name):
        start, src = self.at, self.src
        if not src.startswith("</", start):
            raise AssertionError("html.parser and the walker disagree on positions")
        if start > self.text_from:
            self._text_to(start)
        self.text_from = -1
        if start < self.opaque_until:
            return
        if not (src.startswith(name, start + 2) and src.startswith(">", start + 2 + len(name))):
            # Not `</name>`: `</P>`, `</p >`, `</ p>` (a comment for a
            # browser) or `</p title=">">` (a browser reads on).
            letter = src[start + 2:start + 3]
            if not (letter.isascii() and letter.isalpha()):
                self._opaque(start, _browser_end(src, start))
                return
            close = src.find(">", start)
            if close > 0 and ('"' in src[start:close] or "'" in src[start:close]):
                end = _browser_end(src, start)
                if end > close + 1:
                    self._opaque(start, end)
        if name not in INLINE_ELEMENTS:
            self.segment += 1
        if self.skip_root in _FOREIGN and name in ("p", "br"):
            self._leave_foreign()
        stack = self.stack
        if stack and stack[-1] == name:
            self.stack = stack[:-1]
        elif name in stack:
            # Formatting elements closed on the way stay open for a browser
            # (it reconstructs them): `<p><a>x</p>y` has y in the link.
            cut = len(stack) - 1 - stack[::-1].index(name)
            self.stack = stack[:cut] + tuple(n for n in stack[cut + 1:] if n in _FORMATTING)
        if self.skip_root is not None and name == self.skip_root:
            self.skip_depth -= 1
            if not self.skip_depth:
                self.skip_root = None
                if "code" in self.stack:  # `<kbd><code>x</kbd>y`: y is code
                    self.skip_base = self.stack.index("code")
                    self.skip_root, self.skip_depth = "code", self.stack.count("code")

    # Where Python < 3.13 reads comments and CDATA otherwise than a browser,
    # the browser's reading (HTML Living Standard 13.2.5.42 ff.).

    def parse_comment(self, i, report=1):
        """`<!-->` and `<!--->` are comments; `--!>` ends one, `-- >` does not."""
        rawdata = self.rawdata
        if rawdata.startswith("<!-->", i) or rawdata.startswith("<!--->", i):
            end, data_end = rawdata.index(">", i) + 1, i + 4
        else:
            match = _COMMENT_CLOSE.search(rawdata, i + 4)
            if match is None:
                return -1
            end, data_end = match.end(), match.start()
        if report:
            self.handle_comment(rawdata[i + 4:data_end])
        return end

    def parse_marked_section(self, i, report=1):
        """`<![CDATA[` is a CDATA section in SVG and MathML; anywhere else,
        and any other `<![`, is a bogus comment to the next `>`."""
        if self.skip_root in _FOREIGN and self.rawdata.startswith("<![CDATA[", i):
            return super().parse_marked_section(i, report)
        end = self.rawdata.find(">", i + 3)
        if end < 0:
            return -1
        if report:
            self.unknown_decl(self.rawdata[i + 3:end])
        return end + 1

    def set_cdata_mode(self, *args, **kwargs):
        # A <script> in what a browser reads as an attribute value or a
        # comment starts no script.
        if not self.ignored:
            super().set_cdata_mode(*args, **kwargs)

    def _leave_foreign(self) -> None:
        """An HTML tag inside SVG or MathML: a browser closes the foreign
        elements up to the nearest integration point, or all of them."""
        stack, base = self.stack, self.skip_base
        for k in range(len(stack) - 1, base, -1):
            if stack[k] in _INTEGRATION_POINTS:
                self.stack = stack[:k + 1]
                self.skip_depth = stack[base:k + 1].count(self.skip_root)
                return
        self.stack = stack[:base]
        self.skip_root, self.skip_depth = None, 0

    def handle_comment(self, data):
        self._markup()

    def handle_decl(self, decl):
        self._markup()

    def handle_pi(self, data):
        self._markup()

    def unknown_decl(self, data):
        self._markup()

    def _markup(self) -> None:
        """A comment, bogus comment, doctype, processing instruction or
        CDATA section: kept, and it does not end the context."""
        start = self.at
        if not self.src.startswith("<", start):
            raise AssertionError("html.parser and the walker disagree on positions")
        if start > self.text_from:
            self._text_to(start)
        self.text_from = -1
        end = _browser_end(self.src, start)
        if end > self.opaque_until:
            self.opaque_until = end


def _browser_end(src: str, start: int) -> int:
    """Where a browser's tokenizer ends the markup starting at `start` (a `<`)."""
    if src.startswith("<!--", start):
        if src.startswith(">", start + 4):
            return start + 5
        if src.startswith("->", start + 4):
            return start + 6
        match = _COMMENT_CLOSE.search(src, start + 4)
        return match.end() if match else len(src)
    second = src[start + 1:start + 2]
    if second == "/":
        if src.startswith(">", start + 2):
            return start + 3
        second = src[start + 2:start + 3]
        if not (second.isascii() and second.isalpha()):  # bogus comment
            close = src.find(">", start)
            return close + 1 if close >= 0 else len(src)
    elif not (second.isascii() and second.isalpha()):
        if second in ("!", "?"):  # bogus comment, doctype, CDATA in HTML
            close = src.find(">", start)
            return close + 1 if close >= 0 else len(src)
        return start + 1  # a lone `<` is text
    match = _BROWSER_TAG.match(src, start)
    return match.end() if match else len(src)


def _split_tag(text: str, attrs: list) -> tuple[list[str], list[tuple[int, str, str]]] | None:
    """The start tag's source cut around its readable attribute values, if a
    browser reads its attributes as Python's tokenizer did; else None."""
    name = _TAG_NAME.match(text)
    if name is None or not text.endswith(">"):
        return None
    position, end = name.end(), len(text) - 1
    parts: list[str] = []
    values: list[tuple[int, str, str]] = []
    found = []
    kept = 0  # text[kept:position] is not yet in parts
    while position < end:
        match = _ATTRIBUTE.match(text, position, end)
        if match is None or match.end() == position:
            break
        key, raw = match.group(2).lower(), match.group(4)
        if raw is None:
            found.append((key, None))
        else:
            quote = raw[0] if raw[:1] in ('"', "'") and len(raw) > 1 and raw[-1] == raw[0] else ""
            inner = raw[1:-1] if quote else raw
            found.append((key, _html.unescape(inner) if "&" in inner else inner))
            if key in _READABLE and inner:  # as Python reads it, compared below
                value_start = match.start(4) + (1 if quote else 0)
                parts.append(text[kept:value_start])
                values.append((len(parts), quote, _unescape(inner, attribute=True)))
                parts.append(inner)
                kept = value_start + len(inner)
        position = match.end()
    if text[position:end].strip("\t\n\f\r /") or found != attrs:
        return None
    parts.append(text[kept:])
    return parts, values


# ---------------------------------------------------------------------------
# The walk

_CACHE: dict[str, _Skeleton] = {}
_CACHE_SIZE = 8


def _tokenize(fragment: str) -> _Skeleton:
    skeleton = _CACHE.get(fragment)
    if skeleton is None:
        skeleton = _Tokenizer(fragment).run()
        _remember(fragment, skeleton)
    return skeleton


def _remember(fragment: str, skeleton: _Skeleton) -> None:
    try:
        while len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)), None)
    except (RuntimeError, StopIteration):  # another thread changed it
        pass
    _CACHE[fragment] = skeleton


def clear_cache() -> None:
    """Forgets remembered tokenisations (tests and benchmarks)."""
    _CACHE.clear()


@dataclass(frozen=True)
class TextRun:
    """A text run as the walker gives it to text functions."""

    text: str  # unescaped
    block: int  # runs of one block number are each other's context
    skipped: bool  # inside code, a skipped element, translate="no"...
    elements: tuple[str, ...]  # the open elements, outermost first


def text_runs(fragment: str) -> list[TextRun]:
    """The text runs of `fragment`, in document order, from the same
    tokenisation transform_html uses (and remembers): for code that reads
    text out of a page (search, glossary) and must see what the walker sees."""
    if not fragment:
        return []
    skeleton = _tokenize(fragment)
    return [TextRun(*run) for run in zip(skeleton.run_text, skeleton.run_segment,
                                         skeleton.run_skipped, skeleton.run_stack)]


def _steps(fn, context: bool, skip: frozenset) -> list[tuple]:
    """(fn, context, skip, attributes) of each function to run."""
    if isinstance(fn, (list, tuple)):
        fn = compose(*fn)
    fns = fn.steps if isinstance(fn, Pipeline) else (fn,)
    return [(f.fn, f.context, f.skip, f.attributes) if isinstance(f, Step) else (f, context, skip, True)
            for f in fns]


def transform_html(fragment: str, fn: TextFunction, context: bool = True,
                   *, skip: Iterable[str] = frozenset()) -> str:
    """Returns `fragment` with `fn(text, before, after)` applied to each text run
    and readable attribute value (attributes get before = after = "").

    With `context=False` the neighbours are not looked up (before and after
    are ""), for functions that do not use them. `skip` names more elements
    whose content is left alone. `fn` may be a `compose(...)` pipeline (or a
    list of functions): each runs over the whole fragment in turn, on one
    tokenisation. If a function returns `markupsafe.Markup`, that HTML
    replaces the run as written; the run's original text stays its
    neighbours' context, and later functions leave it alone."""
    if not fragment:
        return fragment
    steps = _steps(fn, context, frozenset(name.lower() for name in skip) if skip else frozenset())
    skeleton = _tokenize(fragment)
    if not skeleton.run_piece and not skeleton.tags:
        return fragment
    pieces = list(skeleton.pieces)
    texts = list(skeleton.run_text)
    segments, skipped, stacks = skeleton.run_segment, skeleton.run_skipped, skeleton.run_stack
    run_piece = skeleton.run_piece
    markup = [False] * len(texts)
    changed_runs = False
    any_markup = False
    count = len(texts)
    for fn_, with_context, skip_names, _ in steps:
        skipped_here = _stack_filter(stacks, skip_names) if skip_names else None
        for k in range(count):
            if skipped[k] or markup[k] or (skipped_here is not None and skipped_here[k]):
                continue
            text = texts[k]
            if with_context:
                before = after = ""
                segment = segments[k]
                j = k - 1
                while j >= 0 and segments[j] == segment:
                    visible = texts[j].rstrip()
                    if visible:
                        before = visible[-1]
                        break
                    j -= 1
                j = k + 1
                while j < count and segments[j] == segment:
                    visible = texts[j].lstrip()
                    if visible:
                        after = visible[0]
                        break
                    j += 1
                result = fn_(text, before, after)
            else:
                result = fn_(text, "", "")
            if result is text or result == text:
                continue
            if isinstance(result, Markup):
                markup[k] = any_markup = True
                pieces[run_piece[k]] = str(result)
            else:
                texts[k] = result  # later runs see the changed text as their context
                pieces[run_piece[k]] = _escape_text(result)
            changed_runs = True
    tags = skeleton.tags
    new_tags = None
    for index, tag in enumerate(tags):
        tag_steps = [f for f, _, names, attributes in steps
                     if attributes and not (names and not names.isdisjoint(tag.stack))]
        if not tag_steps:
            continue
        parts = None
        values = tag.values
        for position, (part, quote, value) in enumerate(values):
            new = value
            for f in tag_steps:
                new = f(new, "", "")
            if new == value:
                continue
            if isinstance(new, Markup):
                raise TypeError(
                    "a text function returned Markup for an attribute value; "
                    "give it to transform_html as Step(fn, attributes=False)"
                )
            if parts is None:
                parts, values = list(tag.parts), list(values)
            if not quote and (not new or _NEEDS_QUOTES.search(new)):
                # An unquoted value that now needs quotes gets them.
                quote = '"'
                parts[part - 1] = parts[part - 1] + '"'
                parts[part + 1] = '"' + parts[part + 1]
            parts[part] = _escape_attribute(new, quote) if quote else new
            values[position] = (part, quote, new)
        if parts is not None:
            pieces[tag.piece] = "".join(parts)
            if new_tags is None:
                new_tags = list(tags)
            new_tags[index] = _Tag(tag.piece, parts, values, tag.stack)
    if not changed_runs and new_tags is None:
        return fragment
    output = "".join(pieces)
    if skeleton.reusable and not any_markup:
        _remember(output, _derive(skeleton, pieces, texts, new_tags))
    return output


def _stack_filter(stacks: list[tuple], names: frozenset) -> list[bool]:
    """For each run: is it inside one of `names`? (Runs share their stacks.)"""
    seen: dict[int, bool] = {}
    result = []
    for stack in stacks:
        key = id(stack)
        inside = seen.get(key)
        if inside is None:
            inside = seen[key] = not names.isdisjoint(stack)
        result.append(inside)
    return result


def _derive(skeleton: _Skeleton, pieces: list[str], texts: list[str], tags) -> _Skeleton:
    """The skeleton of the walker's output, as tokenising it would give it:
    the same pieces with the new text, runs that became empty dropped."""
    out = _Skeleton()
    out.pieces = pieces
    out.tags = tags if tags is not None else skeleton.tags
    if all(texts):
        out.run_piece, out.run_text = skeleton.run_piece, texts
        out.run_segment, out.run_skipped = skeleton.run_segment, skeleton.run_skipped
        out.run_stack = skeleton.run_stack
    else:
        keep = [k for k, text in enumerate(texts) if text]
        out.run_piece = [skeleton.run_piece[k] for k in keep]
        out.run_text = [texts[k] for k in keep]
        out.run_segment = [skeleton.run_segment[k] for k in keep]
        out.run_skipped = [skeleton.run_skipped[k] for k in keep]
        out.run_stack = [skeleton.run_stack[k] for k in keep]
    return out


# ---------------------------------------------------------------------------
# Addresses in start tags

#: Attributes that hold an address a reader's browser follows or loads.
URL_ATTRIBUTES = frozenset({"href", "src", "poster"})
_URL_TAG_START = re.compile(r"<(?:a|img|source|video|audio|track|link|area|iframe|embed)[\t\n\f\r />]", re.I)
_COMMENT_START = "<!--"


def rewrite_url_attributes(fragment: str, fn: Callable[[str, str, str], str | None]) -> str:
    """`fragment` with each address attribute (href, src, poster) of a start
    tag replaced by `fn(tag, attribute, value)` when that returns a string
    (None keeps it). Tags are read as a browser reads them (the walker's
    grammar); comments, and the content of script, style, pre and code, are
    left alone. Values arrive unescaped and are written back escaped, in
    their own quotes."""
    if "<" not in fragment or not _URL_TAG_START.search(fragment):
        return fragment
    out: list[tuple[int, int, str]] = []  # (start, end, new tag)
    position = 0
    length = len(fragment)
    while position < length:
        start = fragment.find("<", position)
        if start < 0:
            break
        if fragment.startswith(_COMMENT_START, start):
            end = _COMMENT_CLOSE.search(fragment, start + 4)
            position = end.end() if end else length
            continue
        tag = _BROWSER_TAG.match(fragment, start)
        if tag is None:
            position = start + 1
            continue
        text = tag.group(0)
        name = _TAG_NAME.match(text)
        lowered = name.group(0)[1:].lower() if name else ""
        if lowered in ("script", "style", "pre", "code", "textarea"):
            close = re.compile(rf"</{lowered}[\t\n\f\r />]", re.I).search(fragment, tag.end())
            position = close.end() if close else length
            continue
        if name and _URL_TAG_START.match(text):
            rewritten = _rewrite_tag(text, lowered, name.end(), fn)
            if rewritten is not text:
                out.append((start, tag.end(), rewritten))
        position = tag.end()
    if not out:
        return fragment
    pieces, kept = [], 0
    for a, b, new in out:
        pieces.append(fragment[kept:a])
        pieces.append(new)
        kept = b
    pieces.append(fragment[kept:])
    return "".join(pieces)


def _rewrite_tag(text: str, tag: str, position: int, fn) -> str:
    end = len(text) - 1
    pieces, kept, changed = [], 0, False
    while position < end:
        match = _ATTRIBUTE.match(text, position, end)
        if match is None or match.end() == position:
            break
        key, raw = match.group(2).lower(), match.group(4)
        if raw is not None and key in URL_ATTRIBUTES:
            quote = raw[0] if raw[:1] in ('"', "'") and len(raw) > 1 and raw[-1] == raw[0] else ""
            inner = raw[1:-1] if quote else raw
            new = fn(tag, key, _unescape(inner, attribute=True))
            if new is not None:
                pieces.append(text[kept:match.start(4)])
                pieces.append('"' + _escape_attribute(new, '"') + '"')
                kept, changed = match.end(4), True
        position = match.end()
    if not changed:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)
