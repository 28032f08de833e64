"""Front matter as static site generators accept it: YAML between --- lines
(Hexo: also with no opening ---, and indented with tabs), TOML between +++
lines and a JSON object (Hugo). Each key keeps its line, and YAML scalars
keep their text as written (a date stays `2018-12-29 22:10`)."""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# Hexo reads "title: x\n---\n" (no opening ---) as front matter too.
_HEADLESS = re.compile(r"\A((?:[A-Za-z_][\w-]*:.*\r?\n)(?:.*\r?\n)*?)---[ \t]*(?:\r?\n|\Z)")
_TAB_INDENT = re.compile(r"^([ \t]*\t[ \t]*)", re.MULTILINE)


@dataclass
class FrontMatter:
    meta: dict = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # YAML scalars as written
    lines: dict[str, int] = field(default_factory=dict)  # key -> line in the file
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    error: tuple[int, str] | None = None  # (line, what): the front matter could not be read
    tabs: bool = False  # tab indentation was read as spaces


def read_front_matter(text: str, headless: bool = False) -> FrontMatter:
    """`headless`: accept Hexo's front matter with no opening --- line."""
    text = text.lstrip("\ufeff")
    for pattern, reader in ((_YAML, _yaml), (_TOML, _toml)):
        match = pattern.match(text)
        if match:
            front = reader(match.group(1) or "", first_line=2)
            return _with_body(front, text, match.end())
    if text.startswith("{"):
        return _json(text)
    if headless:
        match = _HEADLESS.match(text)
        if match:
            front = _yaml(match.group(1), first_line=1)
            if front.error is None and front.meta:
                return _with_body(front, text, match.end())
    return FrontMatter(body=text, body_line=1)


def _with_body(front: FrontMatter, text: str, end: int) -> FrontMatter:
    front.body = text[end:]
    front.body_line = text.count("\n", 0, end) + 1
    return front


def _yaml(block: str, first_line: int) -> FrontMatter:
    front = FrontMatter()
    if _TAB_INDENT.search(block):
        # Hexo reads tab indentation; YAML does not. Two spaces a tab keeps the nesting.
        block = _TAB_INDENT.sub(lambda m: m.group(1).replace("\t", "  "), block)
        front.tabs = True
    try:
        root = yaml.compose(block, Loader=_LOADER)
    except yaml.YAMLError as error:
        # An unclosed [ { or quote is found where the file goes on: say where it opened.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        front.error = (line, f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}")
        return front
    if root is None:
        return front
    if not isinstance(root, MappingNode):
        front.error = (first_line, "front matter is not a list of 'key: value' lines")
        return front
    for key_node, value_node in root.value:
        if not isinstance(key_node, ScalarNode):
            continue
        key = key_node.value
        front.lines[key] = first_line + key_node.start_mark.line
        front.meta[key] = _construct(value_node)
        if isinstance(value_node, ScalarNode):
            front.written[key] = value_node.value
    return front


def _construct(node) -> object:
    try:
        return SafeConstructor().construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return node.value if isinstance(node, ScalarNode) else None


def _toml(block: str, first_line: int) -> FrontMatter:
    front = FrontMatter()
    try:
        front.meta = tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or 1
        front.error = (first_line + line - 1, f"front matter is not valid TOML: {error}")
        return front
    for index, text in enumerate(block.split("\n")):
        key = re.match(r"^\s*([\w-]+)\s*=", text)
        if key:
            front.lines.setdefault(key.group(1), first_line + index)
    return front


def _json(text: str) -> FrontMatter:
    front = FrontMatter()
    try:
        meta, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        front.error = (error.lineno, f"front matter is not valid JSON: {error.msg}")
        return front
    if not isinstance(meta, dict):
        front.error = (1, "front matter is not a JSON object")
        return front
    front.meta = meta
    for key in meta:
        at = text.find(json.dumps(key, ensure_ascii=False), 0, end)
        front.lines[key] = text.count("\n", 0, max(at, 0)) + 1
    return _with_body(front, text, end)
