"""Finds the names of site_config entries in text, in either script.

Every name is known in the forms pages show it in (as written, Simplified,
Traditional of each standard); one regular expression, built as a trie of
them, finds the longest name at the leftmost position (企業微信 before 微信,
產業互聯網 before 互聯網) in one pass whatever the number of names. Text
that may mix the scripts (a source that came through a mechanical
conversion: 云與智慧產業事業群) is folded to Simplified first (OpenCC t2s,
which keeps its length): `find` does, for sources; a page's text is in one
script already. Latin names match whole words only, in the case they are written (IT
never inside ITEM, To B never in To Be); a space in a name matches one space
or no-break space.
"""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from ..siteconfig.model import Entry, normalise
from ..text.convert import fold_to_simplified, opencc_converter

# Characters that make up a Latin word: a name starting or ending with one
# must not touch another.
_WORD = re.compile(r"[A-Za-z0-9]")
_SPACE = "[ \u00a0\u202f]"
_SEPARATOR = "\ue000"  # holds runs apart while they are folded in one call


class Match(NamedTuple):
    start: int
    end: int
    entry: Entry


def _is_word(ch: str | None) -> bool:
    return ch is not None and ch.isascii() and ch.isalnum()


def trie_pattern(forms: Iterable[str]) -> str:
    """A regular expression matching any of `forms`, longest first at each
    position, Latin word edges respected."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict, previous: str | None) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            piece = _SPACE if ch == " " else re.escape(ch)
            if previous is None and _is_word(ch):
                # After the first character: the one before it is no word character.
                piece += "(?<![A-Za-z0-9].)"
            branches.append(piece + build(node[ch], ch))
        if "" in node:
            branches.append("(?![A-Za-z0-9])" if _is_word(previous) else "")
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(trie, None) if trie else r"(?!x)x"


def _convert(config: str, text: str) -> str:
    return text if text.isascii() else opencc_converter(config).convert(text)


def _surface_forms(form: str) -> set[str]:
    """A name as written, in Simplified (t2s, and each standard's own tw2s,
    hk2s) and in each standard's Traditional: the forms pages show it in,
    so a page's text is searched as it is, without folding it."""
    if form.isascii():
        return {form}
    simplified = {fold_to_simplified(form), _convert("tw2s", form), _convert("hk2s", form)}
    traditional = {_convert(config, s) for s in simplified for config in ("s2tw", "s2hk")}
    return {form, *simplified, *traditional}


class NameMatcher:
    """Every name and alias of `entries`, found in text of either script."""

    def __init__(self, entries: Iterable[Entry]):
        self.forms: dict[str, Entry] = {}
        for entry in entries:
            for form in entry.forms:
                form = normalise(form)
                if form:
                    for variant in _surface_forms(form):
                        self.forms.setdefault(variant, entry)
        self.pattern = re.compile(trie_pattern(self.forms))

    def find(self, text: str, before: str = "", after: str = "", folded: str | None = None) -> list[Match]:
        """Names in `text` (`before` and `after`: the characters around it, for
        Latin word edges). `folded`: the text already folded, if at hand."""
        found = self.find_folded(text, text if folded is None and text.isascii() else
                                 (folded if folded is not None else fold_to_simplified(text)))
        return [m for m in found if self.fits(text, m, before, after)]

    def find_folded(self, text: str, folded: str) -> list[Match]:
        """Names in `text`, searched in `folded`; word edges at the ends of
        `text` are not checked (see `fits`)."""
        if len(folded) != len(text):  # OpenCC changed the length: search as written
            folded = text
        found = []
        forms = self.forms
        for match in self.pattern.finditer(folded):
            form = match.group()
            entry = forms.get(form)
            if entry is None:  # a space matched as a no-break space
                entry = forms.get(re.sub(_SPACE, " ", form))
            if entry is not None:
                found.append(Match(match.start(), match.end(), entry))
        return found

    @staticmethod
    def touches_word(text: str, match: Match) -> bool:
        """Whether the match's Latin edge is at an end of `text`, where the
        neighbouring text decides."""
        return ((match.start == 0 and _is_word(text[0]))
                or (match.end == len(text) and _is_word(text[-1])))

    @staticmethod
    def fits(text: str, match: Match, before: str, after: str) -> bool:
        if match.start == 0 and _is_word(text[0]) and _is_word(before[-1:] or None):
            return False
        if match.end == len(text) and _is_word(text[match.end - 1]) and _is_word(after[:1] or None):
            return False
        return True

    def fold_all(self, texts: list[str]) -> list[str]:
        """fold_to_simplified of each text, in one call to OpenCC."""
        if not texts:
            return []
        joined = fold_to_simplified(_SEPARATOR.join(texts))
        parts = joined.split(_SEPARATOR)
        if len(parts) != len(texts):
            return [fold_to_simplified(t) for t in texts]
        return parts
