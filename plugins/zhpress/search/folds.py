"""The site's phrase overrides as search reads them.

Normalisation folds Traditional into Simplified one character at a time, so
a word the site converts as a phrase keeps a Traditional reading of its own:
原型鍊 folds to 原型炼, while the site writes (and its zh-Hans readers type)
原型链. The phrase overrides say which words these are (site_config's
phrases and names, and the defaults shipped in text/data/default_phrases.yml):
for each, the folded Traditional form (K) and the folded Simplified form
(T). A word's normalised form is T:

- a query is folded K → T, leftmost and longest first (`fold`; the browser
  does the same with the manifest's "folds");
- wherever a text holds K, T is indexed at the same places
  (`alternatives`), beside K: a query typed in either script, or cut in
  the middle of the word (型鍊), still finds the page.

So 原型鍊, 原型鏈 and 原型链 all find the pages that show any of them. Only
overrides whose two forms fold to different texts of one length take part.

The manifest's pairs are already folded: `Folds(manifest["folds"])` is the
same table.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..text.normalize import normalize_text


def _units(text: str) -> tuple[int, int]:
    """Length in characters and in UTF-16 units (the browser's): a fold
    keeps both, so offsets into a text stay offsets into its fold."""
    return len(text), len(text.encode("utf-16-le"))


class Folds:
    def __init__(self, phrases: Iterable[tuple[str, str]] = ()):
        """`phrases`: (Traditional, Simplified) form of each override; an
        earlier one wins where two fold one form otherwise."""
        table: dict[str, str] = {}
        for hant, hans in phrases:
            key, target = normalize_text(hant), normalize_text(hans)
            if key and key != target and _units(key) == _units(target):
                table.setdefault(key, target)
        self.table = dict(sorted(table.items()))
        keys = sorted(self.table, key=lambda key: (-len(key), key))
        self._first = re.compile("|".join(map(re.escape, keys))) if keys else None
        self._every = re.compile(f"(?=({self._first.pattern}))") if keys else None

    def __bool__(self) -> bool:
        return bool(self.table)

    def pairs(self) -> list[list[str]]:
        """[K, T] of every fold, for the browser."""
        return [[key, target] for key, target in self.table.items()]

    def fold(self, normalised: str) -> str:
        """A normalised query with every overridden word in its Simplified form."""
        if self._first is None:
            return normalised
        return self._first.sub(lambda match: self.table[match.group(0)], normalised)

    def alternatives(self, normalised: str) -> dict[int, str]:
        """{position: T's character} wherever `normalised` holds a K whose T
        differs there."""
        found: dict[int, str] = {}
        if self._every is None:
            return found
        for match in self._every.finditer(normalised):
            key = match.group(1)
            for offset, (mine, theirs) in enumerate(zip(key, self.table[key])):
                if mine != theirs:
                    found[match.start() + offset] = theirs
        return found
