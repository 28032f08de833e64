"""Word boundaries in Chinese text: where jieba's segmenter, given the
site's own words, starts and ends words.

Chinese is written without spaces, so whether a name in the text is the
word a reader reads there is a question of segmentation: 京東 is inside
南京東路 (南京東路 is one word), 馬克 inside 馬克思. `Segmenter.is_word`
answers it for a span of a text: both its edges are word boundaries.

jieba's dictionary is Simplified, so a text is segmented through its
Simplified fold (OpenCC t2s, which keeps its length: offsets are the same
in both). jieba cuts each run of Han characters, Latin letters and digits
on its own (its `re_han_default`); only the run holding the span is cut, and
each run once. jieba runs without its HMM: a word it does not know is cut
into single characters, never guessed into a new word that could swallow a
name's edge.

The cut is jieba's own, on its dictionary read in pieces as texts need it
(zhpress.text.jieba_cut); it is made once per process and set of words, and
forked processes share what it has read.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from .convert import fold_to_simplified
from .jieba_cut import JiebaCutter, cutter_with

# jieba's own pattern of what it cuts as one piece (jieba.re_han_default).
_RUN = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]+")
_HAN = re.compile("[\u4E00-\u9FD5]")
_CUTS_KEPT = 50_000  # runs whose cuts are remembered (a build meets the same paragraphs in both scripts)

# The count (in jieba's dictionary, of 60 million) each added word gets at
# least. jieba's own choice for a new word is just enough to cut it whole on
# its own, which leaves it weaker than any word crossing its edge (微/信号 in
# 微信号, 小/程序开发); a common word's count wins there, and still loses
# to a longer word of the dictionary holding the name (南京东路 for 京东,
# 马克思 for 马克, 京东方 for 京东: those would need tens of millions), or to
# a common word taking its last character (小/程序员).
NAME_FREQUENCY = 1000

_cutters: dict[frozenset, JiebaCutter] = {}


def _cutter(words: frozenset) -> JiebaCutter:
    """jieba's cut with `words` added, made once per process and word set."""
    cutter = _cutters.get(words)
    if cutter is None:
        if len(_cutters) >= 4:
            _cutters.clear()
        cutter = _cutters[words] = cutter_with(sorted(words), NAME_FREQUENCY)
    return cutter


def compact(text: str) -> str:
    """`text` without its spaces: a name written with one (C 端) is cut as
    one word without it (C端)."""
    return "".join(text.split())


def segmentable(word: str) -> str | None:
    """`word` as jieba would hold it (Simplified, spaces left out), or None
    when jieba cannot hold it as one word (a mark inside: 9·30)."""
    folded = fold_to_simplified(compact(word))
    if not _HAN.search(folded) or _RUN.fullmatch(folded) is None:
        return None
    return folded


class Segmenter:
    """Word boundaries of text in either script, as jieba cuts it with `words`
    (names, terms: any script; those jieba cannot hold whole are left out)."""

    def __init__(self, words: Iterable[str] = ()):
        self.words = frozenset(w for w in map(segmentable, words) if w)
        self._cuts: dict[str, tuple[int, ...]] = {}
        self._runs_of: str | None = None
        self._run_starts: list[int] = []
        self._runs: list[tuple[int, int]] = []

    def is_word(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] starts and ends where words do. An edge
        beside a character that is not Han (punctuation, a space, Latin, a
        tag's edge at the end of `text`) is always one."""
        return self.is_boundary(text, start) and self.is_boundary(text, end)

    def is_boundary(self, text: str, index: int) -> bool:
        """Whether a word starts or ends at `index` of `text`."""
        if not (0 < index < len(text) and _is_han(text[index - 1]) and _is_han(text[index])):
            return True
        run_start, run_end = self._run_at(text, index)
        return index - run_start in self.cuts(text[run_start:run_end])

    def _run_at(self, text: str, index: int) -> tuple[int, int]:
        """The run jieba would cut that holds text[index - 1:index + 1] (both
        Han). The runs of the last text asked about are kept: a text is
        asked about once for each name in it."""
        if text is not self._runs_of:
            spans = [match.span() for match in _RUN.finditer(text)]
            self._runs_of, self._run_starts, self._runs = text, [start for start, _ in spans], spans
        return self._runs[bisect_right(self._run_starts, index - 1) - 1]

    def cuts(self, run: str) -> tuple[int, ...]:
        """Offsets in `run` (one of jieba's runs) where a word starts or ends."""
        cuts = self._cuts.get(run)
        if cuts is None:
            folded = fold_to_simplified(run)
            if len(folded) != len(run):  # OpenCC changed the length: cut as written
                folded = run
            offsets, at = [0], 0
            for word in _cutter(self.words).cut(folded):
                at += len(word)
                offsets.append(at)
            cuts = tuple(offsets)
            if len(self._cuts) >= _CUTS_KEPT:
                self._cuts.clear()
            self._cuts[run] = cuts
        return cuts

    def cut(self, text: str) -> list[str]:
        """`text` cut into words (the pieces between jieba's runs as they are)."""
        pieces, position = [], 0
        for run in _RUN.finditer(text):
            if run.start() > position:
                pieces.append(text[position:run.start()])
            cuts = self.cuts(run.group())
            pieces += [run.group()[a:b] for a, b in zip(cuts, cuts[1:])]
            position = run.end()
        if position < len(text):
            pieces.append(text[position:])
        return pieces


def _is_han(char: str) -> bool:
    return "\u4E00" <= char <= "\u9FD5"
