"""jieba's cut without its HMM, on jieba's own dictionary, read in pieces.

jieba (0.42.1, pinned) finds every dictionary word in a run of text (a
directed acyclic graph of word ends), then the route through it whose words'
counts multiply to the most (`Tokenizer.get_DAG`, `calc`,
`__cut_DAG_NO_HMM`). The dictionary only ever gets asked about pieces of the
run being cut, and a word shares its first character with every prefix of
it; so the dictionary is read one first character at a time, as runs need
it, from a parsed copy kept in the user's cache folder. Loading jieba's
whole dictionary costs 0.6 s and 60 MB a build, and importing jieba another
0.1 s; here a build reads the few hundred characters its names meet.
Cuts are jieba's exactly (tests/unit/test_glossary_words.py compares them on
real text).
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import re
from math import log
from pathlib import Path
from typing import Iterable

CACHE_VERSION = 1  # of the parsed copy kept between builds
_LATIN = re.compile("[a-zA-Z0-9]")  # jieba's re_eng: single Latin pieces are joined


def _cache_dir() -> Path | None:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zhpress"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base if os.access(base, os.W_OK) else None


def jieba_dictionary() -> Path:
    """jieba's dict.txt ("word count tag" lines), found without importing
    jieba (which loads its HMM tables)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed. Fix: pip install jieba==0.42.1")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def _parse(source: Path) -> tuple[int, dict[str, bytes]]:
    """(total count, {first character: marshalled {word or prefix: count}}),
    as jieba's gen_pfdict builds its counts: in file order, a later line
    winning, each prefix of a word at 0 unless it is a word itself."""
    total, parts = 0, {}
    for line in source.read_text(encoding="utf-8").split("\n"):
        fields = line.strip().split(" ")
        if len(fields) < 2 or not fields[0]:
            continue
        word, count = fields[0], int(fields[1])
        total += count
        part = parts.setdefault(word[0], {})
        part[word] = count
        for end in range(1, len(word)):
            part.setdefault(word[:end], 0)
    return total, {first: marshal.dumps(part) for first, part in parts.items()}


def _load() -> tuple[int, dict[str, bytes]]:
    source = jieba_dictionary()
    stat = source.stat()
    folder = _cache_dir()
    if folder is None:
        return _parse(source)
    key = f"{CACHE_VERSION}|{source}|{stat.st_size}|{stat.st_mtime_ns}"
    cache = folder / f"jieba-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"
    try:
        with open(cache, "rb") as kept:
            return marshal.load(kept)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    parsed = _parse(source)
    try:
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as kept:
            marshal.dump(parsed, kept)
        os.replace(temporary, cache)
    except OSError:
        pass
    return parsed


class JiebaCutter:
    """jieba's Tokenizer.cut(run, HMM=False) for runs of its re_han_default,
    with words added as its add_word adds them."""

    def __init__(self):
        self.total, self._unread = _load()
        self._counts: dict[str, int] = {}

    def count(self, piece: str) -> int | None:
        """The count of a word (0 for a prefix of one), None for neither."""
        if piece[0] in self._unread:
            self._counts.update(marshal.loads(self._unread.pop(piece[0])))
        return self._counts.get(piece)

    def add(self, word: str, count: int) -> None:
        """jieba's add_word(word, count)."""
        self.count(word)
        self._counts[word] = count
        self.total += count
        for end in range(1, len(word)):
            self._counts.setdefault(word[:end], 0)

    def suggested_count(self, word: str) -> int:
        """jieba's suggest_freq(word, tune=False): just enough for `word` to
        be cut whole on its own."""
        share = 1.0
        for piece in self.cut(word):
            share *= (self.count(piece) if self.count(piece) is not None else 1) / float(self.total)
        known = self.count(word)
        return max(int(share * self.total) + 1, known if known is not None else 1)

    def cut(self, run: str) -> list[str]:
        """The words of `run`, as jieba cuts them without its HMM."""
        size = len(run)
        ends: list[list[int]] = []
        for start in range(size):  # get_DAG
            found, end = [], start
            piece = run[start]
            while end < size:
                count = self.count(piece)
                if count is None:
                    break
                if count:
                    found.append(end)
                end += 1
                piece = run[start:end + 1]
            ends.append(found or [start])
        route: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)  # calc
        log_total = log(self.total)
        for start in range(size - 1, -1, -1):
            route[start] = max((log(self.count(run[start:end + 1]) or 1) - log_total + route[end + 1][0], end)
                               for end in ends[start])
        words, latin, start = [], "", 0  # __cut_DAG_NO_HMM
        while start < size:
            end = route[start][1] + 1
            word = run[start:end]
            if len(word) == 1 and _LATIN.match(word):
                latin += word
            else:
                if latin:
                    words.append(latin)
                    latin = ""
                words.append(word)
            start = end
        if latin:
            words.append(latin)
        return words


def cutter_with(words: Iterable[str], least: int) -> JiebaCutter:
    """A cutter with `words` added (in this order: each one's count depends
    on those before), each at least `least` times."""
    cutter = JiebaCutter()
    for word in words:
        cutter.add(word, max(cutter.suggested_count(word), cutter.count(word) or 0, least))
    return cutter
