"""Finds the names of site_config entries in text, where they are words.

A name is looked for in the forms pages show it in: as written in
site_config and as its entry's phrase pairs convert it (the converter writes
exactly these forms on each script's pages). The text is read in its own
script, never through a fold: a different word that only looks like a name
once converted (至於美人魚 folded holds 于美人) is not the name.

One regular expression, built as a trie of the forms, finds the longest
form at each position (企業微信 before 微信) in one pass whatever the number
of names. A form found is a name only where

- its Latin edges touch no other Latin letter or digit, in its case (IT
  never inside ITEM, To B never in To Be; a space in a name matches one
  space or no-break space);
- its Chinese edges are word boundaries, as jieba cuts the text with every
  name added (zhpress.text.words): 京東 is no word in 南京東路, nor 馬克 in
  馬克思;
- it is inside none of its entry's `not_in` contexts (site_config), for the
  word that is the name's own form but another word (小程序 in 簡單的小程序).

Where the longest form at a position is refused, the shorter ones there are
tried (微信支付 in 微信支付寶 leaves 微信). Text that mixes the scripts (a
source that came through a mechanical conversion: 云與智慧產業事業群) is
read in its Simplified fold, the first step of the repair its pages get.
"""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from ..siteconfig.model import Entry, context_forms, has_cjk, normalise
from ..text.convert import fold_to_simplified, inside_context
from ..text.words import Segmenter, compact

_SPACE = "[ \u00a0\u202f]"
_SPACES = re.compile(_SPACE)
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


def surface_forms(entry: Entry) -> set[str]:
    """The forms pages show `entry`'s names in: Latin names as written, the
    others as each side of the entry's phrase pairs (Traditional, Simplified)."""
    forms = {normalise(form) for form in entry.forms if not has_cjk(form)}
    for hant, hans in entry.phrase_pairs():
        forms.update((hant, hans))
    forms.discard("")
    return forms


class NameMatcher:
    """Every name and alias of `entries`, found as words in text of either script."""

    def __init__(self, entries: Iterable[Entry], segmenter: Segmenter | None = None):
        entries = list(entries)
        self.forms: dict[str, Entry] = {}
        for entry in entries:
            for form in sorted(surface_forms(entry)):
                self.forms.setdefault(form, entry)
        self.pattern = re.compile(trie_pattern(self.forms))
        self._trie: dict = {}
        for form in self.forms:
            node = self._trie
            for ch in form:
                node = node.setdefault(ch, {})
            node[""] = form
        self.words = segmenter or Segmenter(form for form in self.forms if has_cjk(form))
        self.contexts: dict[str, tuple[str, ...]] = {
            entry.id: tuple(sorted({f for c in entry.not_in for f in context_forms(c)}))
            for entry in entries if entry.not_in
        }

    # --- finding --------------------------------------------------------------

    def find(self, text: str, before: str = "", after: str = "", mixed: bool = False) -> list[Match]:
        """Names in `text` (`before` and `after`: the characters around it, for
        Latin word edges). `mixed`: the text may mix the scripts."""
        found = self.find_in(text, self.fold(text) if mixed else text)
        return [m for m in found if self.fits(text, m, before, after)]

    def find_in(self, text: str, read: str | None = None) -> list[Match]:
        """Names in `text`, read in `read` (`text` itself, or its fold: the
        same length); Latin edges at the ends of `text` are left to `fits`."""
        if read is None or len(read) != len(text):
            read = text
        found: list[Match] = []
        search = self.pattern.search
        found_at = search(read)
        while found_at is not None:
            match = self._take(read, found_at.start(), found_at.end())
            if match is None:
                found_at = search(read, found_at.start() + 1)
            else:
                found.append(match)
                found_at = search(read, match.end)
        return found

    def _take(self, text: str, start: int, end: int) -> Match | None:
        """The name found at `start`: the longest form there that is a word
        (`end`: where the longest form ends), or None."""
        entry = self._entry(text[start:end])
        if entry is not None and self._is_name(text, start, end, entry):
            return Match(start, end, entry)
        for shorter in self._shorter_forms(text, start, end):
            entry = self._entry(text[start:shorter])
            if (entry is not None and _latin_edges_fit(text, start, shorter)
                    and self._is_name(text, start, shorter, entry)):
                return Match(start, shorter, entry)
        return None

    def _entry(self, form: str) -> Entry | None:
        entry = self.forms.get(form)
        if entry is None:  # a space written as a no-break space
            entry = self.forms.get(_SPACES.sub(" ", form))
        return entry

    def _shorter_forms(self, text: str, start: int, end: int) -> list[int]:
        """Ends of the forms starting at `start` shorter than text[start:end], longest first."""
        ends, node = [], self._trie
        for index in range(start, end - 1):
            ch = text[index]
            node = node.get(" " if _SPACES.fullmatch(ch) else ch)
            if node is None:
                break
            if "" in node:
                ends.append(index + 1)
        return ends[::-1]

    def _is_name(self, text: str, start: int, end: int, entry: Entry) -> bool:
        """Whether the form at text[start:end] is the word there: its Chinese
        edges are word boundaries, and it is in no `not_in` context."""
        contexts = self.contexts.get(entry.id)
        if contexts and inside_context(text, start, end, contexts):
            return False
        form = text[start:end]
        if _SPACES.search(form):  # C 端: its edges are read as C端's would be
            shown = compact(form)
            text, end = text[:start] + shown + text[end:], start + len(shown)
        return self.words.is_word(text, start, end)

    # --- Latin word edges across the ends of a text ---------------------------

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

    # --- mixed scripts ----------------------------------------------------------

    @staticmethod
    def fold(text: str) -> str:
        """Text that may mix the scripts, as it is read: its Simplified fold
        (OpenCC t2s, which keeps its length)."""
        return text if text.isascii() else fold_to_simplified(text)

    def fold_all(self, texts: list[str]) -> list[str]:
        """`fold` of each text, in one call to OpenCC."""
        if not texts:
            return []
        joined = fold_to_simplified(_SEPARATOR.join(texts))
        parts = joined.split(_SEPARATOR)
        if len(parts) != len(texts):
            return [fold_to_simplified(t) for t in texts]
        return parts


def _latin_edges_fit(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] touches no Latin letter or digit with one of its own."""
    if start > 0 and _is_word(text[start]) and _is_word(text[start - 1]):
        return False
    return not (end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]))


