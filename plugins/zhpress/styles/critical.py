"""Critical CSS: the rules of a set of stylesheets that a page's own markup
can use, found without a browser.

A rule is kept when, for at least one selector of its list, every class,
id, type, attribute name and attribute value the selector names occurs in
the page's tags. What selectors say inside functions (:not(), :is(),
:where(), :has()) is not required: keeping a rule too many is harmless,
dropping one the first paint needs is not. Custom properties are kept only
when a kept rule reads them (Material defines about 20 KB of icons as
properties). At-rules without rules inside (@font-face, @keyframes) are kept.
"""
from __future__ import annotations

import re

import tinycss2

# Words of a page's tags: element names, attribute names and values, classes.
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_COMBINATORS = frozenset(">+~,")


# Words of each tag met: most tags (header, navigation, icons, footer) are
# the same on every page of a site, so most of a page is looked up, not read.
_tag_words: dict[str, frozenset[str]] = {}
_TAG_CACHE_SIZE = 50_000


def page_words(html: str) -> frozenset[str]:
    """Every word inside the tags of `html` (never its text)."""
    if len(_tag_words) > _TAG_CACHE_SIZE:
        _tag_words.clear()
    words: set[str] = set()
    for tag in set(_TAG.findall(html)):
        found = _tag_words.get(tag)
        if found is None:
            found = _tag_words[tag] = frozenset(_WORD.findall(tag))
        words |= found
    return frozenset(words)


def script_words(files) -> frozenset[str]:
    """Every word of the site's scripts (`files`: MkDocs File objects): the
    classes, states and elements they may add to a page."""
    words: set[str] = set()
    for file in files:
        words.update(_WORD.findall(file.content_bytes.decode("utf-8", "replace")))
    return frozenset(words)


def _selectors(prelude) -> tuple[list[str], list[frozenset[str]]]:
    """Each selector of a comma-separated list, and the words it needs."""
    needs: list[set[str]] = [set()]
    texts: list[list] = [[]]
    previous = None
    for token in prelude:
        kind = token.type
        if kind == "literal" and token.value == ",":
            needs.append(set())
            texts.append([])
            previous = token
            continue
        texts[-1].append(token)
        if kind == "ident":
            if previous is not None and previous.type == "literal" and previous.value == ".":
                needs[-1].add(token.value)
            elif previous is None or previous.type == "whitespace" or (
                    previous.type == "literal" and previous.value in _COMBINATORS):
                needs[-1].add(token.value.lower())  # a type selector
        elif kind == "hash":
            needs[-1].add(token.value)
        elif kind == "[] block":
            needs[-1].update(part.value for part in token.content if part.type in ("ident", "string"))
        previous = token
    return [tinycss2.serialize(text).strip() for text in texts], [frozenset(need) for need in needs]


class _Rule:
    __slots__ = ("selectors", "needs", "body", "defines", "reads")

    def __init__(self, node):
        self.selectors, self.needs = _selectors(node.prelude)
        body = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
        declarations = [d for d in body if d.type == "declaration"]
        self.defines = {d.name: tinycss2.serialize(d.value).strip() + (" !important" if d.important else "")
                        for d in declarations if d.name.startswith("--")}
        self.body = "{" + tinycss2.serialize(node.content).strip() + "}"
        if self.defines and len(self.defines) == len(declarations):
            self.body = ""  # properties only: written out with the ones read
        else:
            self.defines = {}
        self.reads = set(_VAR.findall(self.body))
        for value in self.defines.values():
            self.reads.update(_VAR.findall(value))

    def matching(self, words: frozenset[str]) -> str:
        """The selectors of the list that can match a page of `words`, as written."""
        return ",".join(text for text, need in zip(self.selectors, self.needs) if need <= words)


class _Group:
    __slots__ = ("head", "items")

    def __init__(self, head: str, items: list):
        self.head, self.items = head, items


def _compile(nodes) -> list:
    items: list = []
    for node in nodes:
        if node.type == "qualified-rule":
            items.append(_Rule(node))
        elif node.type == "at-rule":
            if node.content is not None and node.lower_at_keyword in ("media", "supports", "layer", "container"):
                inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                items.append(_Group(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}".rstrip(),
                                    _compile(inner)))
            else:
                items.append(tinycss2.serialize([node]).strip())
    return items


class CriticalCss:
    """The stylesheets `css`, compiled once; `for_page(html)` the rules that
    page can use, as one stylesheet. Pages with the same words share it."""

    def __init__(self, css: str):
        self._items = _compile(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
        self._known = frozenset(word for rule in self._rules(self._items) for need in rule.needs for word in need)
        self._made: dict[frozenset[str], str] = {}
        self._always: dict[frozenset[str], frozenset[str]] = {}  # `always`, cut to the known words

    @classmethod
    def _rules(cls, items):
        for item in items:
            if isinstance(item, tuple):
                yield item[1]
            elif isinstance(item, _Rule):
                yield item
            elif isinstance(item, _Group):
                yield from cls._rules(item.items)

    def for_page(self, html: str, always: frozenset[str] = frozenset()) -> str:
        known_always = self._always.get(always)
        if known_always is None:
            known_always = self._always[always] = always & self._known
        # The page's few hundred words cut first: `always` (every word of the
        # site's scripts) is thousands, too many to join on every page.
        words = (page_words(html) & self._known) | known_always
        css = self._made.get(words)
        if css is None:
            css = self._made[words] = self._write(words)
        return css

    def _write(self, words: frozenset[str]) -> str:
        kept = self._kept(self._items, words)
        read: set[str] = set()
        for rule in self._rules(kept):
            if not rule.defines:
                read |= rule.reads
        # Properties read by properties that are read, until nothing is added.
        defined = {name: value for rule in self._rules(kept) for name, value in rule.defines.items()}
        pending = list(read)
        while pending:
            value = defined.get(pending.pop())
            for name in _VAR.findall(value or ""):
                if name not in read:
                    read.add(name)
                    pending.append(name)
        return self._serialize(kept, read)

    def _kept(self, items, words):
        kept = []
        for item in items:
            if isinstance(item, _Rule):
                selectors = item.matching(words)
                if selectors:
                    kept.append((selectors, item))
            elif isinstance(item, _Group):
                inner = self._kept(item.items, words)
                if inner:
                    kept.append(_Group(item.head, inner))
            else:
                kept.append(item)
        return kept

    def _serialize(self, items, read: set[str]) -> str:
        out = []
        for item in items:
            if isinstance(item, tuple):
                selectors, rule = item
                if rule.defines:
                    used = [f"{name}:{value}" for name, value in rule.defines.items() if name in read]
                    if used:
                        out.append(f"{selectors}{{{';'.join(used)}}}")
                else:
                    out.append(selectors + rule.body)
            elif isinstance(item, _Group):
                inner = self._serialize(item.items, read)
                if inner:
                    out.append(f"{item.head}{{{inner}}}")
            else:
                out.append(item)
        return "".join(out)
