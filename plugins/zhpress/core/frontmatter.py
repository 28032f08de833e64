"""Front matter schema of a page: every problem at once, each on its line.

Shared contract: zhpress/article stops a build on these problems,
zhpress/check reports them with every other problem of the tree. Articles
(`kind="article"`) need a title and may use every key below; other pages
(`kind="page"`: the home page, any page outside the articles folder) may
leave front matter out and use the page keys only.

The YAML is read with PyYAML's composer rather than `safe_load`, so every key
and value keeps the line it came from, and one bad value (`date: 2019-13-01`
makes `safe_load` raise, and MkDocs then silently drops the whole front
matter) is reported alone while the rest is still checked.

Pure: PyYAML and core.dates only, no MkDocs.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..text.frontmatter import FRONT_MATTER
from .dates import PartialDate
from .problems import Problem

# libyaml when it is there (the same nodes and marks, several times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# One line per key, in the order a writer meets them (README and messages use it).
KNOWN_KEYS: dict[str, str] = {
    "title": "headline of the article; required",
    "subtitle": "a second line under the headline",
    "summary": "one or two sentences shown under the title, in lists and in feeds",
    "speaker": "who is interviewed: a name or a list of names",
    "author": "who wrote it, for essays and reports: a name or a list of names",
    "interviewer": "who asked the questions: a name or a list of names",
    "editor": "who edited it: a name or a list of names",
    "publication": "where it first appeared",
    "date": "first published: YYYY, YYYY-MM or YYYY-MM-DD, only as precise as known, maybe with the time "
            "(YYYY-MM-DD HH:MM, optionally :SS and a UTC offset such as +08:00)",
    "updated": "last substantial revision: YYYY, YYYY-MM or YYYY-MM-DD, maybe with the time",
    "tags": "a list of topics",
    "cover": "path of a cover image",
    "script": "script the source is written in: hant (Traditional) or hans (Simplified); default from mkdocs.yml",
    "mechanical_conversion": "true if this Traditional text came through a mechanical Simplified-to-Traditional conversion: it is repaired when built",
    "template": "MkDocs: another page template",
    "hide": "Material: parts of the page to hide: navigation, toc, footer",
    "search": "Material: search options of the page, e.g. exclude: true",
    "status": "Material: page status, e.g. new or deprecated",
}

# Keys of pages that are not articles (the home page, any other page).
PAGE_KEYS: dict[str, str] = {
    "title": "title of the page",
    "subtitle": "a second line under the title",
    "summary": "one or two sentences about the page",
    "description": "Material: the page's <meta name=description>",
    **{key: KNOWN_KEYS[key] for key in ("script", "mechanical_conversion", "template", "hide", "search",
                                         "status")},
}

TEXT_KEYS = ("title", "subtitle", "summary", "publication", "cover", "description")
PEOPLE_KEYS = ("speaker", "author", "interviewer", "editor")
DATE_KEYS = ("date", "updated")

# Names writers reach for that difflib cannot guess (other languages, other generators).
_SYNONYMS = {
    "標題": "title", "标题": "title", "副標題": "subtitle", "副标题": "subtitle",
    "摘要": "summary", "導言": "summary", "导言": "summary", "description": "summary",
    "作者": "author", "受訪": "speaker", "受访": "speaker", "採訪": "interviewer",
    "采访": "interviewer", "編輯": "editor", "编辑": "editor", "日期": "date",
    "標籤": "tags", "标签": "tags", "keywords": "tags", "categories": "tags",
    "image": "cover", "modified": "updated", "lastmod": "updated",
}

DATE_FIX = "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-10-08"
# For a value written with a time of day.
TIME_FIX = "write YYYY-MM-DD HH:MM, optionally with :SS and a UTC offset, e.g. 2018-12-29 22:10 or " \
           "2019-05-01T10:00:00+08:00"
SCRIPTS = ("hant", "hans")
# What Material's `hide:` knows; `search:` options it reads.
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
SEARCH_OPTIONS = {"exclude": bool, "boost": (int, float)}

# A date written with a time of day: `2018-12-29 22:10`, `...T10:00:00+08:00`.
_HAS_TIME = re.compile(r"\d[ \tTt]+\d{1,2}:")
# A line whose indentation holds a tab: YAML refuses it (Hexo's reader does not).
_TAB_INDENT = re.compile(r"^ *\t")

# `title：x` (a full-width colon) or `title:x` (no space): YAML reads the line
# as text, not as a key, and reports the following line, or nothing at all.
_BAD_COLON = re.compile(r"^(?P<indent>[ \t]*)(?:-[ \t]+)?(?P<key>[A-Za-z_][\w-]*|[\u4e00-\u9fff]{1,4})"
                        r"[ \t]*(?P<colon>：|:(?=[^\s:/]))")


@dataclass
class FrontMatter:
    """A source's front matter read once: values, problems, and the YAML node
    of each top-level value (its line and column), and where the body starts."""
    meta: dict
    problems: list[Problem]
    nodes: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line of the body's first line


def read_front_matter(path: str, text: str, kind: str = "article") -> FrontMatter:
    """Like validate_front_matter, with the nodes and the body (for checks
    that report lines inside the front matter or read the body)."""
    checker = _Checker(path, kind)
    text = text.lstrip("\ufeff")
    meta = checker.run(text)
    match = FRONT_MATTER.match(text)
    if match:
        body, body_line = text[match.end():], text.count("\n", 0, match.end()) + 1
    elif text.split("\n", 1)[0].rstrip(" \t\r") == "---":
        body, body_line = "", 1  # an unclosed front matter: there is no telling where the text starts
    else:
        body, body_line = text, 1
    problems = sorted(checker.problems, key=lambda p: (p.line, p.column))
    return FrontMatter(meta, problems, checker.nodes, body, body_line)


def validate_front_matter(path: str, text: str, kind: str = "article") -> tuple[dict, list[Problem]]:
    """Returns (front matter, problems sorted by line) for the Markdown source `text`.

    The dict holds what YAML makes of each value (as MkDocs' page.meta would),
    except that a value YAML cannot build (`2019-13-01`) is kept as written.
    `kind`: "article" (title required, every key of KNOWN_KEYS) or "page"
    (front matter optional, PAGE_KEYS only).
    """
    checker = _Checker(path, kind)
    meta = checker.run(text.lstrip("\ufeff"))
    return meta, sorted(checker.problems, key=lambda p: (p.line, p.column))


class _Checker:
    def __init__(self, path: str, kind: str = "article"):
        self.path = path
        self.kind = kind
        self.keys = KNOWN_KEYS if kind == "article" else PAGE_KEYS
        self.problems: list[Problem] = []
        self.nodes: dict[str, Node] = {}  # top-level key -> value node
        self.offset = 0  # file line of the opening `---`
        self.block = ""  # the YAML between the --- lines

    def report(self, where: Node | int, message: str, fix: str = "", column: int = 1) -> None:
        if isinstance(where, int):
            line = where
        else:
            line, column = self.line(where), where.start_mark.column + 1
        self.problems.append(Problem(self.path, line, message, fix, column=column, code="front-matter"))

    def line(self, node: Node) -> int:
        # Marks count from 0 at the line after the opening `---`.
        return node.start_mark.line + 1 + self.offset

    def run(self, text: str) -> dict:
        match = FRONT_MATTER.match(text)  # the block records.py reads too
        if not match:
            if self.kind != "article" and text.split("\n", 1)[0].rstrip(" \t\r") != "---":
                return {}  # a page may have no front matter
            if text.split("\n", 1)[0].rstrip(" \t\r") == "---":
                self.report(1, "the front matter opened here is never closed",
                            "end it with a line holding only ---")
            else:
                self.report(1, "no front matter: an article starts with a --- line, its title and another ---",
                            'begin the file with "---", "title: <headline>", "---"')
            return {}
        self.offset = 1
        block = self.block = match.group(1) or ""
        if self.check_colons(block):
            return {}
        try:
            root = yaml.compose(block, Loader=_LOADER)
        except yaml.MarkedYAMLError as error:
            self.report_yaml_error(error)
            return {}
        except yaml.YAMLError as error:
            self.report(1, f"front matter is not valid YAML: {error}", "check its syntax")
            return {}
        if root is None:
            if self.kind == "article":
                self.report(1, "title is missing", 'add "title: <headline>" between the --- lines')
            return {}
        if not isinstance(root, MappingNode):
            self.report(root, "front matter must be 'key: value' lines, not a single value or a list",
                        'write one "key: value" per line, starting with "title: <headline>"')
            return {}
        return self.check_mapping(root)

    def check_colons(self, block: str) -> bool:
        """Reports keys followed by a full-width colon or by no space; True if any."""
        found = False
        in_block_scalar = False
        for number, line in enumerate(block.split("\n"), start=1 + self.offset):
            if in_block_scalar:
                if line.strip() and not line.startswith((" ", "\t")):
                    in_block_scalar = False
                else:
                    continue
            match = _BAD_COLON.match(line)
            if match and not line.lstrip().startswith("#"):
                key, colon = match.group("key"), match.group("colon")
                column = match.start("colon") + 1
                if colon == "：":
                    self.report(number, f"full-width colon '：' after '{key}': YAML reads the line as "
                                        "text, not as a key", f"write '{key}: ' with a half-width colon and a space",
                                column)
                else:
                    self.report(number, f"no space after the colon of '{key}': YAML reads the line as text, "
                                        "not as a key", f"write '{key}: ' with a space after the colon", column)
                found = True
            elif line.rstrip().endswith(("|", ">", "|-", ">-", "|+", ">+")):
                in_block_scalar = True
        return found

    def report_yaml_error(self, error: yaml.MarkedYAMLError) -> None:
        context = error.context or ""
        # An unclosed [ { or quote is found only where the file goes on (often
        # a line later): point at where it was opened.
        opened = context.startswith(("while parsing a flow", "while scanning a quoted"))
        mark = error.context_mark if opened and error.context_mark else error.problem_mark or error.context_mark
        line = mark.line + 1 + self.offset if mark else 1
        column = mark.column + 1 if mark else 1
        tab = self.tab_indented_line(line)
        if tab:
            self.report(tab, f"front matter line {tab} is indented with a tab; YAML needs spaces",
                        f"replace the tab at the start of line {tab} with spaces (two for each level)", 1)
            return
        if opened and context.startswith("while parsing a flow"):
            bracket = "[" if "sequence" in context else "{"
            closer = "]" if bracket == "[" else "}"
            self.report(line, f"front matter is not valid YAML: the '{bracket}' opened here is never closed",
                        f"close it with '{closer}' on the same line, or quote the value", column)
        elif opened:
            self.report(line, "front matter is not valid YAML: the quote opened here is never closed",
                        "close the quote on the same line", column)
        else:
            reason = error.problem or context or "syntax error"
            self.report(line, f"front matter is not valid YAML: {reason}",
                        "put the value in quotes if it holds ': ' or ' #', or starts with one of "
                        "[ ] { } , & * ! | > ' \" % @ `", column)

    def tab_indented_line(self, error_line: int) -> int | None:
        """The first file line up to `error_line` indented with a tab: YAML's
        own message there ("cannot start any token") does not say so."""
        for number, text in enumerate(self.block.split("\n"), start=1 + self.offset):
            if number > error_line:
                return None
            if _TAB_INDENT.match(text):
                return number
        return None

    def check_mapping(self, root: MappingNode) -> dict:
        meta: dict = {}
        nodes = self.nodes
        first_line: dict[str, int] = {}
        for key_node, value_node in root.value:
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, "a key must be a plain word such as title", "remove this entry")
                continue
            key = key_node.value
            if key in first_line:
                self.report(key_node, f"key '{key}' appears twice (first on line {first_line[key]})",
                            "keep only one of them")
            first_line.setdefault(key, self.line(key_node))
            meta[key] = _construct(value_node)
            nodes[key] = value_node
            if key not in self.keys:
                self.report(key_node, f"unknown key '{key}'", _unknown_key_fix(key, self.keys))
            elif key in _CHECKS:
                _CHECKS[key](self, key, value_node, meta[key])
        if "title" not in nodes and self.kind == "article":
            self.report(self.offset, "title is missing", 'add "title: <headline>" between the --- lines')
        self.check_date_order(meta, nodes)
        return meta

    # --- value checks: (key, node, constructed value) -------------------------

    def check_text(self, key: str, node: Node, value: object) -> None:
        if self.is_empty(key, node, value):
            return
        if not isinstance(node, ScalarNode):
            self.report(node, f"{key} must be a single piece of text, not {_kind(node)}",
                        f'write "{key}: ..." on one line')
        elif not isinstance(value, str):
            self.report(node, f"{key} must be text, not {_kind(node, value)} ({node.value})",
                        f'quote it: {key}: "{node.value}"')
        elif key == "title" and not value.strip():
            self.report(node, "title is empty", 'write the headline after "title:"')

    def check_flag(self, key: str, node: Node, value: object) -> None:
        if not isinstance(value, bool):
            self.report(node, f"{key} must be true or false, not {node.value!r}",
                        f"write '{key}: true' or '{key}: false'")

    def check_people(self, key: str, node: Node, value: object) -> None:
        if self.is_empty(key, node, value):
            return
        fix = f"write {key}: 湯道生, or for several people {key}: [湯道生, 謝麗容]"
        if isinstance(node, SequenceNode):
            if not node.value:
                self.report(node, f"{key} is an empty list", f"name someone or delete the {key} line")
            for number, item in enumerate(node.value, start=1):
                item_value = _construct(item)
                if not isinstance(item, ScalarNode) or not isinstance(item_value, str) or not item_value.strip():
                    self.report(item, f"{key} #{number} must be a name, not {_kind(item, item_value)}", fix)
        elif not isinstance(node, ScalarNode) or not isinstance(value, str):
            self.report(node, f"{key} must be a name or a list of names, not {_kind(node, value)}", fix)

    def check_date(self, key: str, node: Node, value: object) -> None:
        if self.is_empty(key, node, value):
            return
        if not isinstance(node, ScalarNode):
            self.report(node, f"{key} must be a single date, not {_kind(node)}", DATE_FIX)
            return
        fix = TIME_FIX if _HAS_TIME.search(node.value) else DATE_FIX
        try:
            date = PartialDate.parse(value)
        except ValueError as error:
            self.report(node, f"{key} '{node.value}' is not a valid date{_date_reason(error, value)}", fix)
            return
        # PartialDate reads a 0 as "unknown", so 2019-00 would pass as 2019: say so instead.
        written = re.split(r"[ \tTt]", value.strip())[0].split("-") if isinstance(value, str) else []
        for name, part, limit in (("month", 1, 12), ("day", 2, 31)):
            if len(written) > part and (date.month, date.day)[part - 1] == 0:
                self.report(node, f"{key} '{node.value}' is not a valid date: {name} 0 is not between 1 "
                                  f"and {limit}", fix)
                return

    def check_tags(self, key: str, node: Node, value: object) -> None:
        if self.is_empty(key, node, value):
            return
        if isinstance(node, ScalarNode):
            words = [w.strip() for w in re.split(r"[,，、;；]", str(value)) if w.strip()] or ["產業互聯網"]
            self.report(node, "tags must be a list", f"write {key}: {_flow_list(words)}")
        elif isinstance(node, MappingNode):
            self.report(node, "tags must be a list, not a mapping", f"write {key}: [產業互聯網, 騰訊]")
        else:
            for number, item in enumerate(node.value, start=1):
                item_value = _construct(item)
                if not isinstance(item, ScalarNode) or not isinstance(item_value, str) or not item_value.strip():
                    shown = item.value if isinstance(item, ScalarNode) else "..."
                    self.report(item, f"tag #{number} must be text, not {_kind(item, item_value)}",
                                f'quote it: "{shown}"' if isinstance(item, ScalarNode) else "write one word per tag")

    def check_script(self, key: str, node: Node, value: object) -> None:
        if value not in SCRIPTS:
            self.report(node, f"script '{_shown(node)}' is not a script",
                        "write 'script: hant' (Traditional) or 'script: hans' (Simplified)")

    def check_template(self, key: str, node: Node, value: object) -> None:
        if not isinstance(value, str) or not value.strip().endswith(".html"):
            self.report(node, f"template must be the name of a template file, not {_kind(node, value)} "
                              f"({_shown(node)})", "write e.g. 'template: main.html', or delete the line")

    def check_hide(self, key: str, node: Node, value: object) -> None:
        fix = f"write hide: [toc], with any of: {', '.join(HIDE_VALUES)}"
        if not isinstance(node, SequenceNode):
            self.report(node, f"hide must be a list, not {_kind(node, value)}", fix)
            return
        for item in node.value:
            item_value = _construct(item)
            if item_value not in HIDE_VALUES:
                self.report(item, f"hide: '{_shown(item)}' is not a part of the page Material can hide", fix)

    def check_search(self, key: str, node: Node, value: object) -> None:
        fix = "write 'search: {exclude: true}' or 'search: {boost: 2}'"
        if not isinstance(node, MappingNode):
            self.report(node, f"search must be a mapping of options, not {_kind(node, value)}", fix)
            return
        for option_node, option_value in node.value:
            option = _construct(option_node)
            expected = SEARCH_OPTIONS.get(option) if isinstance(option, str) else None
            if expected is None:
                self.report(option_node, f"unknown search option '{_shown(option_node)}'", fix)
                continue
            built = _construct(option_value)
            if not isinstance(built, expected) or (expected is not bool and isinstance(built, bool)):
                what = "true or false" if expected is bool else "a number"
                self.report(option_value, f"search option {option} must be {what}, not "
                                          f"{_kind(option_value, built)}", fix)

    def check_status(self, key: str, node: Node, value: object) -> None:
        if not isinstance(node, ScalarNode) or not isinstance(value, str) or not value.strip():
            self.report(node, f"status must be a word such as new or deprecated, not {_kind(node, value)}",
                        "write 'status: new', or delete the line")

    def is_empty(self, key: str, node: Node, value: object) -> bool:
        # `subtitle:` left blank is almost always an unfinished line.
        if value is None or (isinstance(node, ScalarNode) and value == "" and key != "title"):
            self.report(node, f"{key} has no value", f'write a value after "{key}:" or delete the line')
            return True
        return False

    def check_date_order(self, meta: dict, nodes: dict[str, Node]) -> None:
        try:
            date, updated = PartialDate.parse(meta["date"]), PartialDate.parse(meta["updated"])
        except (KeyError, ValueError):
            return
        # Compare only as precisely as both are known: updated 2019 after date 2019-10 is fine.
        depth = min(_precision(date), _precision(updated))
        if _truncate(updated, depth) < _truncate(date, depth):
            self.report(nodes["updated"], f"updated {_shown(nodes['updated'])} is before date {_shown(nodes['date'])}",
                        "updated is the last revision; it cannot be older than the first publication")


_CHECKS: dict[str, Callable] = {
    **{key: _Checker.check_text for key in TEXT_KEYS},
    **{key: _Checker.check_people for key in PEOPLE_KEYS},
    **{key: _Checker.check_date for key in DATE_KEYS},
    "tags": _Checker.check_tags,
    "mechanical_conversion": _Checker.check_flag,
    "script": _Checker.check_script,
    "template": _Checker.check_template,
    "hide": _Checker.check_hide,
    "search": _Checker.check_search,
    "status": _Checker.check_status,
}


def _shown(node: Node) -> str:
    return str(node.value) if isinstance(node, ScalarNode) else "..."


def _construct(node: Node) -> object:
    """What YAML makes of `node`, or its text when YAML cannot build it."""
    try:
        return SafeConstructor().construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        pass
    # Rebuild around the bad part, so `tags: [2019-13-01]` is still a list.
    if isinstance(node, SequenceNode):
        return [_construct(item) for item in node.value]
    if isinstance(node, MappingNode):
        built = {}
        for key_node, value_node in node.value:
            key = _construct(key_node)
            if isinstance(key, (str, int, float, bool)):
                built[key] = _construct(value_node)
        return built
    return node.value


def _kind(node: Node, value: object = None) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "empty text" if not value.strip() else "text"
    return "a date" if node.tag.endswith(":timestamp") else "a value of another kind"


def _date_reason(error: ValueError, value: object) -> str:
    # PartialDate says "'2019-13-01': month 13 is not ..."; keep only the reason.
    reason = str(error)
    prefix = f"{value!r}: "
    if reason.startswith(prefix):
        reason = reason[len(prefix):]
    return "" if "is not a date" in reason else f": {reason}"


def _unknown_key_fix(key: str, keys: dict[str, str] = KNOWN_KEYS) -> str:
    if key in KNOWN_KEYS and key not in keys:
        return f"'{key}' is for articles (files in the articles folder): remove it here"
    guess = _SYNONYMS.get(key) or _SYNONYMS.get(key.lower())
    if key in keys or guess not in keys:
        guess = None
    if not guess:
        close = difflib.get_close_matches(key.lower(), list(keys), n=1, cutoff=0.6)
        guess = close[0] if close else None
    if guess:
        return f"did you mean '{guess}' ({keys[guess]})?"
    return f"remove it, or use one of: {', '.join(keys)}"


def _flow_list(words: list[str]) -> str:
    return yaml.safe_dump(words, default_flow_style=True, allow_unicode=True, width=10_000).strip()


def _precision(date: PartialDate) -> int:
    return 4 if date.has_time else 3 if date.day else 2 if date.month else 1


def _truncate(date: PartialDate, depth: int) -> tuple[int, ...]:
    # Times compare as written (wall clock), whatever their offsets.
    return date.sort_key()[:depth if depth < 4 else 6]
