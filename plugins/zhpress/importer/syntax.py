"""Template syntax in post bodies (Hexo tag plugins, Hugo shortcodes, Liquid
tags) turned into Markdown, never inside code or HTML comments.

Every change keeps the body's line count, so a line reported in the imported
file is the line of the source body it came from. Block tags are rewritten a
line at a time (`{% codeblock js %}` becomes a ``` fence, a notice an
admonition with its lines indented); inline tags inside a line. Whatever no
rule knows is left as written and reported by `leftovers`.
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Callable, Iterator

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
# Template syntax a reader must never see as text.
TEMPLATE = re.compile(r"\{%-?\s*(/?\w+).*?-?%\}|\{\{[<%]-?\s*(/?[\w./-]+).*?-?[>%]\}\}|\{\{-?\s*([\w.$]+).*?-?\}\}")
RAW_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}")
RAW_CLOSE = re.compile(r"\{%-?\s*endraw\s*-?%\}")


@dataclass
class Block:
    """A block tag: the line that opens it, the line that closes it, and what
    each becomes. `convert(open_match, content_lines)` returns the new
    (opening line, content lines, closing line); `code`: the content is code
    (left alone by every later step)."""
    opens: re.Pattern
    closes: re.Pattern
    convert: Callable[[re.Match, list[str]], tuple[str, list[str], str]]
    code: bool = False


@dataclass
class Body:
    """A post body being converted, line by line; `protected` lines (code,
    raw blocks) are never touched again."""
    lines: list[str]
    protected: set[int]

    @classmethod
    def of(cls, text: str) -> "Body":
        return cls(text.split("\n"), set())

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def convert_blocks(body: Body, blocks: list[Block]) -> None:
    """Rewrites block tags whose opening and closing lines hold nothing else."""
    lines, index = body.lines, 0
    fence: str | None = None
    while index < len(lines):
        line = lines[index]
        fence = _fence_state(line, fence)
        if fence is not None or index in body.protected:
            index += 1
            continue
        for block in blocks:
            opened = block.opens.match(line.strip())
            if not opened:
                continue
            end = next((j for j in range(index + 1, len(lines)) if block.closes.match(lines[j].strip())), None)
            if end is None:
                break
            content = lines[index + 1:end]
            first, middle, last = block.convert(opened, content)
            lines[index:end + 1] = [first, *middle, last]
            if block.code:
                body.protected.update(range(index, end + 1))
            index = end
            break
        index += 1


def _fence_state(line: str, fence: str | None) -> str | None:
    """The open fence after `line` (None outside code)."""
    if fence is not None:
        if re.match(rf"^[ \t]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line):
            return None
        return fence
    match = _FENCE.match(line)
    return match.group(1) if match else None


def code_fence(content: list[str]) -> str:
    """A fence longer than any backtick run at the start of a content line."""
    longest = max((len(m.group(0)) for line in content if (m := re.match(r"^\s*(`+)", line))), default=0)
    return "`" * max(3, longest + 1)


def prose(body: Body, liquid_in_code: bool = False) -> Iterator[tuple[int, int, int]]:
    """(line index, start, end) of each stretch of text outside code, HTML
    comments and protected lines, in order. `liquid_in_code`: fenced and
    inline code count as text too (Liquid runs before Markdown in Jekyll)."""
    fence: str | None = None
    in_comment = False
    for index, line in enumerate(body.lines):
        was_fence = fence
        fence = _fence_state(line, fence)
        if index in body.protected:
            continue
        if (was_fence is not None or fence is not None) and not liquid_in_code:
            continue
        position = 0
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_comment, position = False, end + 3
        masked = [] if liquid_in_code else [m.span() for m in _INLINE_CODE.finditer(line)]
        for start, stop in _open_stretches(line, position, masked):
            comment = line.find("<!--", start, stop)
            if comment >= 0:
                if comment > start:
                    yield index, start, comment
                close = line.find("-->", comment + 4)
                if close < 0:
                    in_comment = True
                    break
                rest_start = close + 3
                if rest_start < stop:
                    # The rest of this stretch, after the comment, may hold more comments.
                    for piece in _split_comments(line, rest_start, stop):
                        yield index, *piece
                continue
            if stop > start:
                yield index, start, stop


def _open_stretches(line: str, position: int, masked: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, stop in masked:
        if stop <= position:
            continue
        if start > position:
            yield position, start
        position = max(position, stop)
    if position < len(line):
        yield position, len(line)


def _split_comments(line: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    while start < stop:
        comment = line.find("<!--", start, stop)
        if comment < 0:
            yield start, stop
            return
        if comment > start:
            yield start, comment
        close = line.find("-->", comment + 4)
        if close < 0:
            return
        start = close + 3


def substitute(body: Body, pattern: re.Pattern, replace: Callable[[re.Match, int], str],
               liquid_in_code: bool = False) -> None:
    """Replaces every match of `pattern` in the prose of the body with
    `replace(match, line index)`; text inside inline raw tags is kept."""
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for index, start, stop in prose(body, liquid_in_code):
        line = body.lines[index]
        for piece_start, piece_stop in _outside_raw(line, start, stop):
            for match in pattern.finditer(line, piece_start, piece_stop):
                new = replace(match, index)
                if new != match.group(0):
                    edits.setdefault(index, []).append((match.start(), match.end(), new))
    for index, changes in edits.items():
        line = body.lines[index]
        for start, stop, new in sorted(changes, reverse=True):
            line = line[:start] + new + line[stop:]
        body.lines[index] = line


def _outside_raw(line: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    position = start
    while position < stop:
        opened = RAW_OPEN.search(line, position, stop)
        if not opened:
            yield position, stop
            return
        yield position, opened.start()
        closed = RAW_CLOSE.search(line, opened.end(), stop)
        if not closed:
            return
        position = closed.end()


def unwrap_raw(body: Body) -> None:
    """Liquid's and Nunjucks' {% raw %} only kept the template engine away:
    its content is kept, protected from every later step, the tags go."""
    lines = body.lines
    index = 0
    while index < len(lines):
        if RAW_OPEN.fullmatch(lines[index].strip()):
            end = next((j for j in range(index + 1, len(lines)) if RAW_CLOSE.fullmatch(lines[j].strip())), None)
            if end is not None:
                lines[index] = lines[end] = ""
                body.protected.update(range(index, end + 1))
                index = end
        index += 1


def drop_inline_raw(body: Body, liquid_in_code: bool = False) -> None:
    """`{% raw %}{{ x }}{% endraw %}` inside a line: the tags go, the text
    stays (in code too where the template language ran there: Jekyll)."""
    fence: str | None = None
    for index, line in enumerate(body.lines):
        was_fence = fence
        fence = _fence_state(line, fence)
        in_code = was_fence is not None or fence is not None or index in body.protected
        if in_code and not liquid_in_code:
            continue
        if "raw" in line and RAW_OPEN.search(line):
            body.lines[index] = RAW_CLOSE.sub("", RAW_OPEN.sub("", line))


def remove_more(body: Body) -> None:
    """`<!-- more -->` marked the excerpt on the old site's lists; ours show
    the summary. A line holding only the marker becomes blank."""
    for index, line in enumerate(body.lines):
        if "more" in line.lower() and MORE.search(line) and index not in body.protected:
            body.lines[index] = MORE.sub("", line).rstrip() if line.strip() != MORE.search(line).group(0) else ""


def leftovers(body: Body, liquid_in_code: bool = False) -> list[tuple[int, int, str, str]]:
    """(line index, column, the syntax as written, its name) of template
    syntax no rule converted; a closing tag on the line of its opening
    is part of it."""
    found = []
    for index, start, stop in prose(body, liquid_in_code):
        line = body.lines[index]
        opened: set[str] = set()
        for piece_start, piece_stop in _outside_raw(line, start, stop):
            for match in TEMPLATE.finditer(line, piece_start, piece_stop):
                name = next(group for group in match.groups() if group is not None)
                base = name.lstrip("/")
                if name.startswith("/") or name.startswith("end"):
                    closing = base[3:] if name.startswith("end") else base
                    if closing in opened:
                        continue
                opened.add(base)
                found.append((index, match.start() + 1, match.group(0), base))
    return found


def arguments(text: str) -> tuple[list[str], dict[str, str]]:
    """Positional and named arguments of a tag or shortcode: `a "b c" key="v"`."""
    try:
        words = shlex.split(text, posix=True)
    except ValueError:
        words = text.split()
    positional, named = [], {}
    for word in words:
        key, equals, value = word.partition("=")
        if equals and re.fullmatch(r"[\w-]+", key):
            named[key] = value
        else:
            positional.append(word)
    return positional, named


def image(alt: str, src: str, title: str = "") -> str:
    title_part = f' "{title}"' if title and '"' not in title else ""
    return f"![{escape_text(alt)}]({destination(src)}{title_part})"


def link(text: str, href: str) -> str:
    return f"[{escape_text(text)}]({destination(href)})"


def escape_text(text: str) -> str:
    return re.sub(r"([\[\]])", r"\\\1", text or "")


def destination(url: str) -> str:
    """A link destination Markdown reads in one piece."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


VIDEO_LINKS = {
    "youtube": ("YouTube", "https://www.youtube.com/watch?v={}"),
    "vimeo": ("Vimeo", "https://vimeo.com/{}"),
    "bilibili": ("bilibili", "https://www.bilibili.com/video/{}"),
}


def video_link(kind: str, video_id: str) -> str:
    """An embedded player would load another host's page: a link to the video instead."""
    label, url = VIDEO_LINKS[kind]
    if kind == "bilibili" and video_id.isdigit():
        video_id = "av" + video_id
    return link(f"{label}: {video_id}", url.format(video_id))


# Lines after which no break is added (headings, table rows, HTML, rules ...)
# and lines that open a block of their own (so none is added before them).
_NO_BREAK_AFTER = re.compile(r"^(?:#{1,6}(?:\s|$)|\||<|!!!|\?\?\?|\[\^?[^\]]*\]:|\*\[)"
                             r"|^(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_NEW_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}(?:\s|$)|>|\||`{3,}|~{3,}|<|!!!|\?\?\?|\[\^?[^\]]*\]:)"
                        r"|^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_QUOTE = re.compile(r"^(?:\s*>)+\s?")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HARD_BREAK = ("  ", "<br>", "<br/>", "<br />", "\\")


def keep_line_breaks(body: Body) -> int:
    """The old renderer showed each line break inside a paragraph as one
    (Hexo's `breaks: true`, Hugo's `hardWraps`): each becomes an explicit
    <br>, so poems and addresses keep their lines. Returns how many."""
    lines, count = body.lines, 0
    fence: str | None = None
    previous_blank = True
    in_comment = False
    for index in range(len(lines) - 1):
        line, following = lines[index], lines[index + 1]
        was_fence = fence
        fence = _fence_state(line, fence)
        code = was_fence is not None or fence is not None or index in body.protected
        if not code and (in_comment or "<!--" in line):
            # An HTML comment: nothing in it is shown, nothing is added.
            in_comment = line.rfind("<!--") > line.rfind("-->") or (in_comment and "-->" not in line)
            if in_comment or "<!--" in line or "-->" in line:
                previous_blank = False
                continue
        indented_code = previous_blank and re.match(r"^( {4}|\t)", line) is not None
        previous_blank = not line.strip()
        if code or indented_code or not line.strip() or not following.strip() or index + 1 in body.protected:
            continue
        quoted = _QUOTE.match(line)
        content = _LIST_ITEM.sub("", _QUOTE.sub("", line), count=1).lstrip()
        if not content:
            continue  # a line of a quote's markers only: a blank line inside the quote
        following_content = _QUOTE.sub("", following) if quoted and _QUOTE.match(following) else following
        if not following_content.strip():
            continue  # the quote's paragraph ends here
        if line.endswith(_HARD_BREAK) or _NO_BREAK_AFTER.match(content) or _NEW_BLOCK.match(following_content):
            continue
        lines[index] = line.rstrip() + "<br>"
        count += 1
    return count


_BARE_URL = re.compile(r"(?<![\w(<>\"'=\[/])https?://[^\s<>()\[\]（）「」，。、；：！？\"'`]+[^\s<>()\[\]（）「」，。、；：！？\"'`.,:;!?]")


def linkify(body: Body) -> int:
    """A bare https://... in the text was a link on the old site (markdown-it's
    and Goldmark's linkify, marked's GFM): it is written as an autolink."""
    count = 0

    def wrap(match: re.Match, index: int) -> str:
        nonlocal count
        line = body.lines[index]
        if line[max(0, match.start() - 2):match.start()] == "](" or line[match.end():match.end() + 1] == ">":
            return match.group(0)
        count += 1
        return f"<{match.group(0)}>"

    substitute(body, _BARE_URL, wrap)
    return count


_FENCE_INFO = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
# What pymdownx.superfences reads after the backticks: a language, then key="value" options.
_SUPERFENCES_INFO = re.compile(r'^\s*(?:\{.*\}|[\w#+.-]*(?:\s+[\w-]+="[^"]*")*)\s*$')
_LANGUAGE_PREFIX = re.compile(r"^([\w#+-]+)(?:[:\s]+|$)")


def normalise_fences(body: Body) -> int:
    """Code fences whose info string other renderers accept but
    superfences does not (```yml:.travis.yml, ```./mix.exs) read as text
    there, and the next fence then swallows the prose after it: the
    language is kept and the rest becomes the block's title."""
    count = 0
    fence: str | None = None
    for index, line in enumerate(body.lines):
        opening = fence is None
        fence = _fence_state(line, fence)
        if not opening or fence is None:
            continue
        match = _FENCE_INFO.match(line)
        info = match.group("info").strip() if match else ""
        if not match or _SUPERFENCES_INFO.match(info):
            continue
        language = _LANGUAGE_PREFIX.match(info)
        if language and not info.startswith((".", "/")) and "/" not in language.group(1):
            lang, title = language.group(1), info[language.end():].strip()
        else:
            lang, title = "", info
        title = title.replace('"', "'")
        body.lines[index] = f'{match.group("indent")}{match.group("fence")}{lang}' + (f' title="{title}"' if title else "")
        count += 1
    return count


_FOOTNOTE_DEFINITION = re.compile(r"^( {0,3})\[\^([^\]]+)\]:[ \t]?")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]]+)\](?!:)")


def uncited_footnotes(body: Body) -> list[tuple[int, str]]:
    """Footnote definitions no text cites are written as plain lines
    (`\\[4\\] text`): Python-Markdown links each back to a citation that
    does not exist, which the strict build refuses. Returns (line index, label)."""
    fence: str | None = None
    definitions: list[tuple[int, str]] = []
    cited: set[str] = set()
    for index, line in enumerate(body.lines):
        was_fence = fence
        fence = _fence_state(line, fence)
        if was_fence is not None or fence is not None or index in body.protected:
            continue
        definition = _FOOTNOTE_DEFINITION.match(line)
        if definition:
            definitions.append((index, definition.group(2)))
            line = line[definition.end():]
        cited.update(_FOOTNOTE_REFERENCE.findall(line))
    uncited = [(index, label) for index, label in definitions if label not in cited]
    for index, label in uncited:
        body.lines[index] = _FOOTNOTE_DEFINITION.sub(lambda m: f"{m.group(1)}\\[{label}\\] ", body.lines[index], 1)
    return uncited


_LINK_WITH_SPACES = re.compile(r"(!?\[(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*\])\(([^()\n]*\s[^()\n]*)\)")
_VALID_DESTINATION = re.compile(r"""^\s*(?:<[^<>\n]*>|\S+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$""")


def join_spaced_destinations(body: Body) -> int:
    """`[x](#GitHub 上的设置)`, `[x](<https://a/b> c.png)`: Python-Markdown
    reads everything up to the ) as the address, other tools read no link
    at all. The address is written in one piece (spaces as %20), so it is
    read the same way everywhere, and resolved like every other."""
    count = 0

    def join(match: re.Match, index: int) -> str:
        nonlocal count
        inner = match.group(2)
        if _VALID_DESTINATION.match(inner):
            return match.group(0)
        address = re.sub(r"\s+", "%20", re.sub(r"^<([^<>]*)>", r"\1", inner.strip()))
        count += 1
        return f"{match.group(1)}({address})"

    substitute(body, _LINK_WITH_SPACES, join)
    return count
