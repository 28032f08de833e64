"""A page's two copies, one per script, read for one entry of the index.

The index holds each page once: its first variant's copy (zh-Hant), with
the second variant's copy (zh-Hans) read beside it block by block, as the
other script's text at the same places. That needs both copies cut alike:
the same sections (anchors, in order) holding as many blocks each. Where
they are not (the glossary orders its terms by Zhuyin in one script and by
pinyin in the other), each copy is indexed on its own, for its own
variant's readers.

Copies come in any order: in a build split by variant the second process
renders the second copies while the first renders the first ones.
`Copies` holds each until its counterpart arrives and gives them back in the
order the first copies came, so the index is the same however the build ran.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Iterator

from .extract import Section


@dataclass(frozen=True)
class PageText:
    """What one copy of a page shows, as search reads it."""

    title: str
    sections: list[Section]

    def fields(self) -> list[list[str]]:
        """Per section its heading field (the page title for the first
        section), then its body's blocks."""
        fields: list[list[str]] = []
        for number, section in enumerate(self.sections):
            fields.append([self.title if number == 0 else section.heading])
            fields.append(section.blocks)
        return fields


def aligned(first: PageText, second: PageText) -> bool:
    """Whether two copies are cut alike: block by block, one is the other's
    reading."""
    return len(first.sections) == len(second.sections) and all(
        a.anchor == b.anchor and len(a.blocks) == len(b.blocks)
        for a, b in zip(first.sections, second.sections))


# A copy with no text of its own (None) still answers for its counterpart.
Pair = tuple[str, "PageText | None", "PageText | None"]


class Copies:
    """Copies of pages waiting for their counterpart, by URL (the same in
    both variants)."""

    def __init__(self):
        self._first: deque[tuple[str, PageText | None]] = deque()
        self._second: dict[str, PageText | None] = {}

    def add(self, variant: int, url: str, text: PageText | None) -> None:
        if variant == 0:
            self._first.append((url, text))
        else:
            self._second[url] = text

    def ready(self) -> Iterator[Pair]:
        """Pairs whose copies are both here, in the order the first copies
        came, up to the first that still waits."""
        while self._first and self._first[0][0] in self._second:
            url, text = self._first.popleft()
            yield url, text, self._second.pop(url)

    def rest(self) -> Iterator[Pair]:
        """At the end: every pair left, complete or not. First copies in
        their order (each with its counterpart, if it came), then second
        copies without a first one, by URL."""
        while self._first:
            url, text = self._first.popleft()
            yield url, text, self._second.pop(url, None)
        for url in sorted(self._second):
            yield url, None, self._second.pop(url)
