"""The 30 exact-string queries, drawn deterministically from the corpus text.

The corpus (bench/corpus.py) is made of the seed interview's paragraphs, its
headings and titles, so strings are drawn from those (the same set at any
corpus size). Each query is a string of the text, typed without spaces:

- fixed: strings the issue names, kept when the corpus holds them
  (產業互聯網 and its Simplified form, 如履薄冰, 數字廣東 / 数字广东;
  白日依山盡 is reported as absent when it is);
- verse: a clause of 5 or 7 Han characters standing between punctuation,
  like a line of verse;
- latin: Latin letters run into Han characters as the text writes them (CSIG下達過);
- word: one jieba word of 2-4 Han characters;
- span: 2-8 Han characters at a random place, cut by jieba into 2 words or more.

20 are in the corpus' own script ("as written": the Traditional source, with
the leftovers of its mechanical conversion) and come first: the latency runs
type these. 10 are the Simplified form (OpenCC t2s) of a string of the text,
chosen so that the conversion changes at least one character.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from . import text as textmod

BENCH = Path(__file__).resolve().parents[1]
FIXED = [("產業互聯網", "as written"), ("产业互联网", "simplified"), ("白日依山盡", "as written"),
         ("如履薄冰", "as written"), ("數字廣東", "as written"), ("数字广东", "simplified")]
AS_WRITTEN, SIMPLIFIED = 20, 10
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
CLAUSE_SPLIT = re.compile(r"[,，。;；:：、?？!！「」『』()（）《》〈〉\"“”'‘’…—\s]+")
LATIN_HAN = re.compile(f"(?<![A-Za-z0-9 ])[A-Za-z]{{2,}}[{HAN}]{{2,3}}")


@dataclass
class Query:
    text: str
    script: str      # "as written" | "simplified"
    kind: str        # fixed | verse | latin | word | span
    words: int       # jieba words in it (Han part)

    def to_dict(self) -> dict:
        return asdict(self)


def corpus_strings() -> list[str]:
    sys.path.insert(0, str(BENCH))
    import corpus  # noqa: E402

    strings = list(corpus.read_seed_paragraphs())
    strings += corpus.HEADINGS + corpus.TITLE_TOPICS
    return strings


def _jieba():
    sys.path.insert(0, str(BENCH))
    import build  # noqa: E402  (bench/build.py: jieba kept in bench/.deps/stock)

    path = str(build.stock_deps())
    if path not in sys.path:
        sys.path.insert(0, path)
    import jieba  # noqa: E402

    jieba.setLogLevel(60)
    return jieba


def cut(jieba, han: str) -> list[str]:
    """jieba words of a Han string, cut on its Simplified form (jieba's dictionary)."""
    simple = textmod.t2s(han)
    if len(simple) != len(han):
        return jieba.lcut(han, HMM=True)
    words, at = [], 0
    for word in jieba.lcut(simple, HMM=True):
        words.append(han[at:at + len(word)])
        at += len(word)
    return words


def build_queries(seed: int = 0) -> tuple[list[Query], list[str]]:
    """(queries, notes): 20 as written first, then 10 Simplified."""
    jieba = _jieba()
    rng = random.Random(f"zhpress-search-bench-{seed}")
    strings = corpus_strings()
    haystack = textmod.normalise("\n".join(strings))
    runs = [run for s in strings for run in HAN_RUN.findall(s)]
    notes, chosen, seen = [], [], set()

    def add(text: str, script: str, kind: str) -> bool:
        norm = textmod.normalise(text)
        if not norm or norm in seen or norm not in haystack:
            return False
        if script == "simplified" and textmod.t2s(text) != text:
            return False
        han = "".join(HAN_RUN.findall(text))
        chosen.append(Query(text, script, kind, len(cut(jieba, han)) if han else 0))
        seen.add(norm)
        return True

    for text, script in FIXED:
        if not add(text, script, "fixed") and textmod.normalise(text) not in haystack:
            notes.append(f"{text} is not in the corpus: left out")

    clauses = sorted({c for s in strings for c in CLAUSE_SPLIT.split(s) if HAN_RUN.fullmatch(c or "x")})
    verse7 = [c for c in clauses if len(c) == 7]
    verse5 = [c for c in clauses if len(c) == 5 and textmod.t2s(c) != c]
    if verse7:
        add(rng.choice(verse7), "as written", "verse")
    if verse5:
        add(textmod.t2s(rng.choice(verse5)), "simplified", "verse")
    latin = sorted({m for s in strings for m in LATIN_HAN.findall(s)})
    for text in rng.sample(latin, min(len(latin), 6)):
        if sum(q.kind == "latin" for q in chosen) >= 2:
            break
        add(text, "as written", "latin")

    def count(script: str) -> int:
        return sum(q.script == script for q in chosen)

    length_cycle = [2, 3, 4, 5, 6, 7, 8]
    turn = 0
    for _ in range(5000):
        if count("as written") >= AS_WRITTEN and count("simplified") >= SIMPLIFIED:
            break
        script = "as written" if count("as written") < AS_WRITTEN and (
            count("simplified") >= SIMPLIFIED or turn % 3 != 2) else "simplified"
        kind = "word" if turn % 2 == 0 else "span"
        run = rng.choice(runs)
        if kind == "word":
            words = [w for w in cut(jieba, run) if 2 <= len(w) <= 4]
            if not words:
                continue
            candidate = rng.choice(words)
        else:
            size = length_cycle[(turn // 2) % len(length_cycle)]
            if len(run) < size:
                continue
            start = rng.randrange(len(run) - size + 1)
            candidate = run[start:start + size]
            if len(cut(jieba, candidate)) < 2:
                continue
        if script == "simplified":
            converted = textmod.t2s(candidate)
            if converted == candidate:
                continue
            candidate = converted
        if add(candidate, script, kind):
            turn += 1
    written = [q for q in chosen if q.script == "as written"]
    simple = [q for q in chosen if q.script == "simplified"]
    return written + simple, notes


if __name__ == "__main__":
    queries, notes = build_queries()
    for q in queries:
        print(f"{q.text}\t{q.script}\t{q.kind}\t{q.words}")
    print("\n".join(notes))
