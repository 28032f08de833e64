"""The search index: built from every page's sections, written in pieces.

One index serves both scripts: a page's entry is its zh-Hant copy, read
with its zh-Hans copy (copies.py). A section has two fields, its heading
(the page title for the top of the page) and its body; each is a list of
blocks, normalised once (zhpress.text.normalize: Simplified character by
character, lower case, no punctuation or spaces but one between two Latin
words or numbers). Where the zh-Hans copy reads otherwise than character
by character (看著 / 看着, 瞭解 / 了解: OpenCC decides by the phrase;
原型鍊 / 原型链: a phrase override), its characters are indexed as
alternatives at the same positions, and so is a phrase override's
Simplified form wherever its Traditional form stands (folds.py): a query
typed in either script finds what the reader of either sees. A copy
indexed alone (its copies are cut otherwise, or the site has no variants)
gets the other script's reading from OpenCC instead.

Indexed per field:
- every character (unigram): the sections holding it, and how often;
- every pair of adjacent characters within one block (bigram): each
  occurrence with its section and position. A longer query is found by
  intersecting the positions of bigrams that cover it: every match is
  verified, none guessed, and none runs from one block into the next.

Files, all gzip-compressed and fetched only when a query needs them
(assets/search.js reads them):

  index.bin     JSON: format, build id, bucket count, pages, sections, the
                variants, the pages each variant's readers alone get
                ("only"), classes left out, the browser's character table,
                the phrase overrides' folds ("folds": [K, T] pairs)
  sections.bin  per page its number of sections; per section its length
                class (ranking: shorter sections first)
  t/<n>.bin     JSON of page n's text, for snippets: per section its
                blocks as the zh-Hant page shows them, with the zh-Hans
                page's where it is not character by character (a page for
                one variant's readers: as that page shows them)
  u/<n>.bin     JSON of pages n*16 ... n*16+15: URL, then per section its
                anchor, heading (the page title first) and, where the
                Simplified page reads it otherwise than character by
                character, its Simplified form: results show at once
  b/<n>.bin     bucket n: the entries of every gram hashing to n (FNV-1a
                over code points, modulo the bucket count), each with its
                counts and its postings when they are small
  p/<n>s.bin    a large character's sections and counts
  p/<n>-<c>s.bin, p/<n>-<c>p.bin
                a large bigram's sections and positions in chunk c
                (sections c*CHUNK_SECTIONS ...): a query fetches the chunks
                where all its bigrams occur, the first one first
  w/<n>.bin     the fallback's dictionary words, by their first two
                characters (hashed like the buckets)

Integer lists are byte-planar: one byte saying how many bytes each number
takes (k), then the lowest byte of every number, then the next ... (k
planes): as fast to write from Python's arrays as to read into typed arrays,
and gzip packs the high planes (mostly zeros) to nearly nothing. Snippets
come from t/ (a page's text is a fifth of its HTML), in the reader's script
(the character table, and the Simplified page's reading where it differs).

Output is deterministic: the same pages in the same order give the same bytes.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import sys
from array import array
from bisect import bisect_left
from itertools import accumulate
from pathlib import Path
from typing import Callable

from ..text.normalize import SEPARATOR, browser_char_map, normalize_lines, to_simplified_chars
from .copies import PageText
from .folds import Folds

FORMAT = 3  # 3: both copies, "only", "folds", separators between Latin words
# A large bigram's postings are cut at every CHUNK_SECTIONS-th section: a
# query fetches only the chunks that can hold all of its bigrams, and shows
# the first chunk's results while the others load.
CHUNK_SECTIONS = 2048
BUCKET_TARGET = 8 * 1024  # raw bytes of inline entries per bucket, before gzip
EXTERNAL_OVER = 3 * 1024  # body postings above this (raw bytes) get files of their own
PAGES_PER_SHARD = 16
WORD_KEYS_PER_FILE = 400  # first pairs of dictionary words per w/ file
BATCH = 256  # sections indexed at once
GZIP_LEVEL = 4
LOCAL_BITS = 20  # a section's local code: index in the batch << 20 | position
POSITION_MASK = (1 << LOCAL_BITS) - 1
LOCAL_MASK = BATCH - 1
CODE_BITS = LOCAL_BITS + (BATCH - 1).bit_length()  # bits of a local code
NEWLINE = ord("\n")
SEPARATOR_CODE = ord(SEPARATOR)


def _sorted_unique(values):
    """The distinct values of an integer array, ascending."""
    values = _numpy().sort(values)
    if len(values) > 1:
        values = values[_numpy().concatenate(([True], values[1:] != values[:-1]))]
    return values


def _numpy():
    """numpy, imported where the index is built (the search worker), not
    by every process that loads the plugin."""
    import numpy
    return numpy


def varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def planar(values) -> bytes:
    """Byte-planar encoding of non-negative integers below 2**32 (module doc)."""
    values = values if isinstance(values, array) and values.typecode == "I" else array("I", values)
    if len(values) > 256:  # numpy's max, not one Python int per value
        top = int(_numpy().frombuffer(values, dtype=_numpy().uint32).max())
    else:
        top = max(values) if values else 0
    k = 1 if top < 0x100 else 2 if top < 0x10000 else 3 if top < 0x1000000 else 4
    raw = values.tobytes()
    if sys.byteorder == "big":
        values = array("I", values)
        values.byteswap()
        raw = values.tobytes()
    return bytes((k,)) + b"".join(raw[plane::4] for plane in range(k))


def bucket_of(key: str, buckets: int) -> int:
    """FNV-1a over the key's code points, modulo `buckets` (search.js: bucketOf)."""
    h = 0x811C9DC5
    for char in key:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


class GramIndex:
    """Postings of one field (headings or bodies), filled in batches of sections.

    Kept as they are written: per bigram [first section, last section,
    sections, step of every occurrence, its position move]; per character
    [first section, last section, step to every section, count]."""

    def __init__(self):
        self.bi: dict[str, list] = {}
        self.uni: dict[str, list] = {}
        self._batch: list[tuple[int, str, dict[int, str] | None]] = []

    def add(self, section: int, text: str, alternatives: dict[int, str] | None = None) -> None:
        """Index normalised `text` (blocks joined by "\n") of `section`; sections
        come in increasing order."""
        self._batch.append((section, text, alternatives))
        if len(self._batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Indexes the batch: every occurrence of every pair at once, as
        arrays (numpy), in the order of the postings (gram, section,
        position); then each gram's new postings appended to its entry."""
        batch, self._batch = self._batch, []
        if not batch:
            return
        np = _numpy()
        texts = [text for _, text, _ in batch]
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        # One string, each text followed by "\n": the character after a
        # text's last one is "\n", as for a pair that ends a block.
        points = np.frombuffer(("\n".join(texts) + "\n").encode("utf-32-le"), dtype=np.uint32)
        starts = np.zeros(len(texts), dtype=np.int64)
        np.cumsum(lengths[:-1] + 1, out=starts[1:])
        local = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        at = np.arange(len(local), dtype=np.int64) + local  # past the "\n" of every text before
        first = points[at].astype(np.int64)
        second = points[at + 1].astype(np.int64)
        codes = (local << LOCAL_BITS) | (at - starts[local])
        extra = []
        for index, (_, text, alternatives) in enumerate(batch):
            if alternatives:
                extra.extend(self._alternatives(text, alternatives, index << LOCAL_BITS))
        if extra:
            more = np.array(extra, dtype=np.int64).reshape(-1, 3)
            first = np.concatenate((first, more[:, 0]))
            second = np.concatenate((second, more[:, 1]))
            codes = np.concatenate((codes, more[:, 2]))
        kept = first != NEWLINE  # a pair that starts with "\n" is none
        first, second, codes = first[kept], second[kept], codes[kept]
        if not len(first):
            return
        # Characters as their rank in the batch's alphabet, so that a gram
        # and a code pack into one integer: sorting those orders postings
        # by gram, section and position at once (np.unique hashes: slower).
        alphabet = _sorted_unique(np.concatenate((first, second)))
        bits = len(alphabet).bit_length()
        if 2 * bits + CODE_BITS > 63:  # more than 131,071 different characters
            if len(batch) == 1:
                raise ValueError("a section of more than 131,071 different characters cannot be indexed")
            for part in (batch[: len(batch) // 2], batch[len(batch) // 2:]):
                self._batch = part
                self.flush()
            return
        names = [chr(c) for c in alphabet.tolist()]
        ends_block = (second == NEWLINE)
        listed = first != SEPARATOR_CODE  # a separator is never a query of its own
        rank = np.zeros(int(alphabet[-1]) + 1, dtype=np.int64)
        rank[alphabet] = np.arange(len(alphabet))
        first, second = rank[first], rank[second]
        sections = np.array([section for section, _, _ in batch], dtype=np.int64)
        # Characters: the sections each starts a pair in, and how often
        # (an alternative pair repeats a position: counted once).
        held = _sorted_unique((first[listed] << CODE_BITS) | codes[listed]) >> LOCAL_BITS
        if len(held):
            bounds = np.flatnonzero(held[1:] != held[:-1]) + 1
            counts = np.diff(np.concatenate(([0], bounds, [len(held)])))
            held = held[np.concatenate(([0], bounds))]
            self._append(self.uni, names.__getitem__, held >> (CODE_BITS - LOCAL_BITS),
                         sections[held & LOCAL_MASK], counts, None)
        # Bigrams: every occurrence, with its position.
        inside = ~ends_block
        postings = _sorted_unique((((first[inside] << bits) | second[inside]) << CODE_BITS) | codes[inside])
        if not len(postings):
            return
        code = postings & ((1 << CODE_BITS) - 1)
        mask = (1 << bits) - 1
        self._append(self.bi, lambda gram: names[gram >> bits] + names[gram & mask], postings >> CODE_BITS,
                     sections[code >> LOCAL_BITS], None, code & POSITION_MASK)

    @staticmethod
    def _append(entries: dict, name_of, group, found, counts, positions) -> None:
        """Appends to each gram's entry its postings of the batch: `group`
        (ascending) says whose each is (`name_of(group)`: the gram); `found`
        its section; a character's `counts`, or a bigram's `positions`."""
        np = _numpy()
        bounds = np.flatnonzero(np.diff(group)) + 1
        heads = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(group)]))
        named = [name_of(g) for g in group[heads].tolist()]
        firsts = found[heads].tolist()
        lasts = []
        for name, first in zip(named, firsts):
            entry = entries.get(name)
            if entry is None:
                entry = entries[name] = ([first, first, 1, array("I"), array("I")] if positions is not None
                                         else [first, first, array("I"), array("I")])
            lasts.append(entry[1])
        before = np.empty_like(found)
        before[1:] = found[:-1]
        before[heads] = lasts
        steps = (found - before).astype(np.uint32)
        if positions is not None:
            previous = np.empty_like(positions)
            previous[1:] = positions[:-1]
            previous[heads] = 0
            moves = (positions - previous * (steps == 0)).astype(np.uint32)
            new_sections = np.add.reduceat(steps != 0, heads).tolist()
        last_found = found[ends - 1].tolist()
        for index, (name, head, end) in enumerate(zip(named, heads.tolist(), ends.tolist())):
            entry = entries[name]
            if positions is not None:
                entry[3].frombytes(steps[head:end].tobytes())
                entry[4].frombytes(moves[head:end].tobytes())
                entry[2] += new_sections[index]
            else:
                entry[2].frombytes(steps[head:end].tobytes())
                entry[3].frombytes(counts[head:end].astype(np.uint32).tobytes())
            entry[1] = last_found[index]

    @staticmethod
    def _alternatives(text: str, alternatives: dict[int, str], code: int) -> list[int]:
        """Pairs through the other readings' characters (each position's
        alternatives: a string of characters), at the same positions:
        [first, second, code] of each, flat."""
        found: list[int] = []
        end = len(text)
        for position in sorted(alternatives):
            for q in (position - 1, position):
                if q < 0 or q >= end or text[q] == "\n" or (q == position - 1 and q in alternatives):
                    continue  # the pairs starting at q are made once, at q
                x0 = text[q]
                y0 = text[q + 1] if q + 1 < end else "\n"
                for x in sorted({x0, *alternatives.get(q, "")}):
                    for y in sorted({y0, *alternatives.get(q + 1, "")}):
                        if x != x0 or y != y0:
                            found.extend((ord(x), ord(y), code | q))
        return found


def _bigram_parts(entry: list) -> tuple[int, int, bytes, bytes]:
    """(sections, occurrences, S, P) of a bigram: S the first section, then
    the section step of every occurrence (0: the same section as the one
    before); P every position, after the one before in the same section."""
    head = bytearray()
    varint(entry[0], head)
    return entry[2], len(entry[3]), bytes(head) + planar(entry[3]), planar(entry[4])


def _bigram_chunks(entry: list, size: int) -> list[tuple[int, int, int, bytes, bytes]]:
    """A bigram's postings cut at section multiples of `size`:
    (chunk, sections, occurrences, S, P) each, S and P as _bigram_parts
    writes them. A chunk starts a section, so its first position is whole."""
    steps, moves = entry[3], entry[4]
    sections = list(accumulate(steps, initial=entry[0]))[1:]
    chunks = []
    start = 0
    while start < len(sections):
        chunk = sections[start] // size
        end = bisect_left(sections, (chunk + 1) * size, start)
        part = array("I", steps[start:end])
        part[0] = 0
        head = bytearray()
        varint(sections[start], head)
        chunks.append((chunk, len(part) - part.count(0) + 1, len(part), bytes(head) + planar(part),
                       planar(moves[start:end])))
        start = end
    return chunks


def _unigram_parts(entry: list) -> tuple[int, bytes]:
    head = bytearray()
    varint(entry[0], head)
    return len(entry[2]), bytes(head) + planar(entry[2]) + planar(entry[3])


def group_words(words: dict[str, int], into: dict | None = None) -> dict[str, list[tuple[str, int]]]:
    """Dictionary words by their first two characters: {pair: [(rest, weight)]};
    with `into`, added to a copy of those groups."""
    grouped = dict(into) if into else {}
    for word, weight in words.items():
        key = word[:2]
        found = grouped.get(key)
        if found is None:
            grouped[key] = [(word[2:], weight)]
        else:
            if into and found is into.get(key):
                found = grouped[key] = list(found)
            found.append((word[2:], weight))
    return grouped


def length_class(length: int) -> int:
    """Sections of about the same length rank alike: one class per doubling."""
    return length.bit_length()


def _alternatives_of(normal: list[str], other: list[str]) -> tuple[dict[int, str], list[str]]:
    """Positions where the other script's normalised blocks differ; blocks of
    another length are returned whole, to be indexed after the others."""
    alternatives: dict[int, str] = {}
    extra: list[str] = []
    start = 0
    for mine, theirs in zip(normal, other):
        if mine != theirs:
            if len(mine) == len(theirs):
                for offset, (a, b) in enumerate(zip(mine, theirs)):
                    if a != b:
                        alternatives[start + offset] = b
            else:
                extra.append(theirs)
        start += len(mine) + 1
    return alternatives, extra


def _shown_blocks(blocks: list[str], converted: list[str] | None) -> list:
    """A section's blocks for snippets: each as the page shows it, or, where
    the Simplified page reads it otherwise than character by character,
    [text, changes]: changes a list of [offset, Simplified characters] (or
    the whole Simplified text if its length differs)."""
    if converted is None or len(converted) != len(blocks):
        return blocks
    shown: list = []
    for block, other in zip(blocks, converted):
        by_chars = to_simplified_chars(block)
        if other == by_chars:
            shown.append(block)
        elif len(other) != len(block):
            shown.append([block, other])
        else:
            changes: list[list] = []
            for offset, (a, b) in enumerate(zip(by_chars, other)):
                if a == b:
                    continue
                if changes and changes[-1][0] + len(changes[-1][1]) == offset:
                    changes[-1][1] += b
                else:
                    changes.append([offset, b])
            shown.append([block, changes])
    return shown


class IndexBuilder:
    """Collects pages, in a deterministic order, and writes the index.

    A page is added with what its first variant's copy shows and, where the
    copies are cut alike (copies.aligned), its second variant's copy: that
    copy's text is indexed at the same places (alternatives) and kept for
    its readers' snippets where it reads otherwise than character by
    character. A copy added alone (`only`: the variant whose readers see
    it; None on a site without variants) gets the other script's reading
    from OpenCC instead, for the alternatives only: `to_simplified`
    converts a Traditional copy (tw2s for a Taiwan site), `to_traditional`
    a Simplified one; None for none.
    """

    def __init__(self, to_simplified: Callable[[str], str] | None = None, chunk_sections: int = 0,
                 to_traditional: Callable[[str], str] | None = None, folds: Folds | None = None):
        self.readings = {None: to_simplified, 0: to_simplified, 1: to_traditional}
        self.folds = folds or Folds()
        self.chunk_sections = chunk_sections or CHUNK_SECTIONS
        self.body = GramIndex()
        self.head = GramIndex()
        self.section_counts: list[int] = []
        self.length_classes = bytearray()
        self.pages: list[list] = []  # [url, [anchor, heading, Simplified heading?], ...]
        self.only: tuple[list[int], list[int]] = ([], [])  # pages shown in one variant only
        self.chars: set[str] = set()
        self.sections = 0
        self.texts: list[bytes] = []  # per page: its t/<n>.bin, compressed

    def _field(self, blocks: list[str], converted: list[str] | None) -> tuple[str, dict[int, str] | None]:
        """Normalised text of a field (blocks joined by "\n") and its
        alternatives (position: characters): the other script's, from the
        blocks' conversion, and the phrase overrides' (folds.py)."""
        text = normalize_lines("\n".join(blocks))
        alternatives: dict[int, str] = {}
        if converted is not None and converted != blocks:
            other = normalize_lines("\n".join(converted))
            if other != text:
                normal, theirs = text.split("\n"), other.split("\n")
                alternatives, extra = _alternatives_of(normal, theirs)
                if extra:
                    text = "\n".join(normal + extra)
        if self.folds:
            for position, char in self.folds.alternatives(text).items():
                if char != text[position] and char not in alternatives.get(position, ""):
                    alternatives[position] = alternatives.get(position, "") + char
        return text, alternatives or None

    def _reading(self, fields: list[list[str]], only: int | None) -> list[list[str] | None]:
        """Each field in the other script, by OpenCC (None where unchanged)."""
        convert = self.readings[only]
        converted: list[list[str] | None] = [None] * len(fields)
        lines = [line for field in fields for line in field]
        whole = "\n".join(lines)
        if convert is None or whole.isascii():
            return converted
        other = convert(whole)
        if other == whole:
            return converted
        other_lines = other.split("\n")
        if len(other_lines) == len(lines):
            at = 0
            for index, field in enumerate(fields):
                converted[index] = other_lines[at:at + len(field)]
                at += len(field)
        return converted

    def add_page(self, url: str, text: PageText, second: PageText | None = None,
                 only: int | None = None) -> int:
        """Adds a page (URL relative to the variant's root) and returns its
        number: `text` as its (first) copy shows it, with `second`, its
        second variant's copy cut alike, or alone, for readers of variant
        `only`."""
        page = len(self.pages)
        if only is not None:
            self.only[only].append(page)
        sections = text.sections
        self.section_counts.append(len(sections))
        fields = text.fields()
        self.chars.update(*(line for field in fields for line in field))
        if second is not None:  # the other script as its readers see it
            converted: list[list[str] | None] = second.fields()
            self.chars.update(*(line for field in converted for line in field))
            shown = converted
        else:  # a copy alone: read in the other script only for matching
            converted = self._reading(fields, only)
            shown = [None] * len(fields)
        entry: list = [url]
        for number, section in enumerate(sections):
            heading = fields[2 * number][0]
            item = [section.anchor, heading]
            other = shown[2 * number]
            if other is not None and other[0] != to_simplified_chars(heading):
                item.append(other[0])  # the Simplified page reads it otherwise than by characters
            entry.append(item)
        self.pages.append(entry)
        self.texts.append(gz(json.dumps(
            [_shown_blocks(section.blocks, shown[2 * number + 1]) for number, section in enumerate(sections)],
            ensure_ascii=False, separators=(",", ":")).encode("utf-8")))
        for number in range(len(sections)):
            sid = self.sections
            self.sections += 1
            head_text, head_alternatives = self._field(fields[2 * number], converted[2 * number])
            if head_text:
                self.head.add(sid, head_text, head_alternatives)
            body_text, body_alternatives = self._field(fields[2 * number + 1], converted[2 * number + 1])
            if body_text.strip("\n"):
                self.body.add(sid, body_text, body_alternatives)
            self.length_classes.append(length_class(len(body_text)))
        return page

    def flush(self) -> None:
        """Index the sections waiting for a full batch now."""
        self.body.flush()
        self.head.flush()

    # -- writing ---------------------------------------------------------------

    def _dictionary(self, words_by_key: dict[str, list[tuple[str, int]]], files: dict[str, bytes]) -> int:
        """Writes the fallback's words into w/<n>.bin, by their first two
        characters (hashed like the buckets); returns the number of files.

        Only words made of characters the site holds: a query holding any
        other character finds nothing, however it is cut. A file is text,
        one line per first pair: the pair, a tab, then its words separated
        by spaces, each the rest of the word followed by one letter, its
        weight (A = 0 ... Y = 24)."""
        present = set(self.body.uni) | set(self.head.uni)
        lines: list[str] = []
        for key, words in words_by_key.items():
            if key[0] not in present or key[1] not in present:
                continue
            items = [rest + chr(0x41 + min(weight, 24)) for rest, weight in words
                     if not rest or present.issuperset(rest)]
            if items:
                lines.append(key + "\t" + " ".join(items))
        shards = max(1, math.ceil(len(lines) / WORD_KEYS_PER_FILE))
        grouped: list[list[str]] = [[] for _ in range(shards)]
        for line in lines:
            grouped[bucket_of(line[:2], shards)].append(line)
        for number, shard in enumerate(grouped):
            files[f"w/{number}.bin"] = "\n".join(shard).encode("utf-8")
        return shards

    def write(self, out_dir: Path, dictionary: dict[str, int], variants: list[str] | None,
              exclude_classes: list[str] = ()) -> dict:
        """Writes every file under out_dir; returns counts and sizes."""
        self.flush()
        out_dir = Path(out_dir)
        files: dict[str, bytes] = {}
        keys = sorted(set(self.body.uni) | set(self.body.bi) | set(self.head.uni)
                      | set(self.head.bi))
        entries: list[tuple[str, bytes]] = []
        external = 0
        for key in keys:
            entry = bytearray()
            varint(len(key), entry)
            for char in key:
                varint(ord(char), entry)
            bigram = len(key) == 2
            body = (self.body.bi if bigram else self.body.uni).get(key)
            head = (self.head.bi if bigram else self.head.uni).get(key)
            flags = (1 if body else 0) | (4 if head else 0)
            parts = []
            for postings in (body, head):
                if postings is None:
                    parts.append(None)
                elif bigram:
                    parts.append(_bigram_parts(postings))
                else:
                    count, data = _unigram_parts(postings)
                    parts.append((count, count, data, b""))
            if body and len(parts[0][2]) + len(parts[0][3]) > EXTERNAL_OVER:
                flags |= 2
            entry.append(flags)
            for field, part in enumerate(parts):
                if part is None:
                    continue
                df, n, s_part, p_part = part
                varint(df, entry)
                varint(n, entry)
                if field == 0 and flags & 2 and bigram:
                    varint(external, entry)
                    chunks = _bigram_chunks(body, self.chunk_sections)
                    varint(len(chunks), entry)
                    for chunk, sections, occurrences, s_chunk, p_chunk in chunks:
                        for number in (chunk, sections, occurrences, len(s_chunk), len(p_chunk)):
                            varint(number, entry)
                        files[f"p/{external}-{chunk}s.bin"] = s_chunk
                        files[f"p/{external}-{chunk}p.bin"] = p_chunk
                    external += 1
                elif field == 0 and flags & 2:
                    varint(external, entry)
                    varint(len(s_part), entry)
                    files[f"p/{external}s.bin"] = s_part
                    external += 1
                else:
                    varint(len(s_part), entry)
                    entry += s_part
                    if bigram:
                        varint(len(p_part), entry)
                        entry += p_part
            entries.append((key, bytes(entry)))
        inline = sum(len(e) for _, e in entries)
        buckets = max(1, math.ceil(inline / BUCKET_TARGET))
        grouped: list[list[bytes]] = [[] for _ in range(buckets)]
        for key, entry in entries:
            grouped[bucket_of(key, buckets)].append(entry)
        for number, group in enumerate(grouped):
            data = bytearray()
            varint(len(group), data)
            files[f"b/{number}.bin"] = bytes(data) + b"".join(group)
        if dictionary and not isinstance(next(iter(dictionary.values())), list):
            dictionary = group_words(dictionary)
        word_shards = self._dictionary(dictionary, files)
        table = bytearray()
        varint(len(self.pages), table)
        table += planar(self.section_counts)
        table += self.length_classes
        files["sections.bin"] = bytes(table)
        for shard in range(0, len(self.pages), PAGES_PER_SHARD):
            files[f"u/{shard // PAGES_PER_SHARD}.bin"] = json.dumps(
                self.pages[shard:shard + PAGES_PER_SHARD], ensure_ascii=False,
                separators=(",", ":")).encode("utf-8")
        compressed = {name: gz(data) for name, data in files.items()}
        for page, data in enumerate(self.texts):
            compressed[f"t/{page}.bin"] = data
        digest = hashlib.sha1()
        for name in sorted(compressed):
            digest.update(name.encode())
            digest.update(compressed[name])
        manifest = {
            "format": FORMAT,
            "build": digest.hexdigest()[:12],
            "buckets": buckets,
            "chunk": self.chunk_sections,
            "pages": len(self.pages),
            "sections": self.sections,
            "shard": PAGES_PER_SHARD,
            "words": word_shards,
            "variants": variants,
            "only": [list(pages) for pages in self.only] if variants else None,
            "folds": self.folds.pairs(),
            "exclude": sorted(exclude_classes),
            "map": browser_char_map(self.chars),
        }
        compressed["index.bin"] = gz(json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                                separators=(",", ":")).encode("utf-8"))
        for sub_dir in ("b", "p", "t", "u", "w"):
            (out_dir / sub_dir).mkdir(parents=True, exist_ok=True)
        for name, data in compressed.items():
            with open(out_dir / name, "wb") as handle:
                handle.write(data)
        return {
            "pages": len(self.pages),
            "sections": self.sections,
            "buckets": buckets,
            "external": external,
            "files": len(compressed),
            "bytes": sum(len(d) for d in compressed.values()),
        }
