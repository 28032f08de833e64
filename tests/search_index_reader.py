"""A reader of zhpress/search's index, written here from the format's
description (zhpress/search/index.py), for tests: the files decoded, each
page's text as each variant's readers get it, and exact queries answered
as assets/search.js answers them (the query normalised and folded, its
bigrams at consecutive places of one section; pages of the other variant
left out)."""
from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

from zhpress.search.folds import Folds
from zhpress.search.index import bucket_of
from zhpress.text.normalize import normalize_text, to_simplified_chars


def read(folder: Path, name: str) -> bytes:
    return gzip.decompress((folder / name).read_bytes())


class Reader:
    def __init__(self, data: bytes, at: int = 0):
        self.data, self.at = data, at

    def varint(self) -> int:
        value = shift = 0
        while True:
            byte = self.data[self.at]
            self.at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    def planar(self, count: int) -> list[int]:
        k = self.data[self.at]
        base = self.at + 1
        self.at = base + k * count
        return [sum(self.data[base + plane * count + i] << (8 * plane) for plane in range(k))
                for i in range(count)]


def decode_postings(s: Reader, p: Reader | None, n: int, bigram: bool) -> dict:
    section = s.varint()
    steps = s.planar(n)
    sections = []
    for step in steps:
        section += step
        sections.append(section)
    if not bigram:
        return dict(zip(sections, s.planar(n)))
    moves, positions, previous = p.planar(n), defaultdict(list), 0
    for k, (step, move) in enumerate(zip(steps, moves)):
        previous = (0 if k and step else previous) + move
        positions[sections[k]].append(previous)
    return dict(positions)


def decode_field(reader: Reader, folder: Path, bigram: bool, external: bool, chunk_size: int = 0):
    df, n = reader.varint(), reader.varint()
    if external and bigram:  # cut in chunks of sections
        number, found, seen = reader.varint(), {}, 0
        for _ in range(reader.varint()):
            chunk, _, count, _, _ = (reader.varint() for _ in range(5))
            part = decode_postings(Reader(read(folder, f"p/{number}-{chunk}s.bin")),
                                   Reader(read(folder, f"p/{number}-{chunk}p.bin")), count, True)
            assert all(section // chunk_size == chunk for section in part)
            assert not set(part) & set(found)
            found.update(part)
            seen += count
        assert seen == n
        return df, found
    if external:
        number = reader.varint()
        reader.varint()
        return df, decode_postings(Reader(read(folder, f"p/{number}s.bin")), None, n, False)
    size = reader.varint()
    s = Reader(reader.data, reader.at)
    reader.at += size
    p = None
    if bigram:
        size = reader.varint()
        p = Reader(reader.data, reader.at)
        reader.at += size
    return df, decode_postings(s, p, n, bigram)


def decode(folder: Path) -> dict:
    """{"manifest": ..., "entries": {gram: {"body"|"head": (df, postings)}}}"""
    manifest = json.loads(read(folder, "index.bin"))
    entries = {}
    for number in range(manifest["buckets"]):
        reader = Reader(read(folder, f"b/{number}.bin"))
        for _ in range(reader.varint()):
            key = "".join(chr(reader.varint()) for _ in range(reader.varint()))
            assert bucket_of(key, manifest["buckets"]) == number
            flags = reader.data[reader.at]
            reader.at += 1
            entry = {}
            if flags & 1:
                entry["body"] = decode_field(reader, folder, len(key) == 2, bool(flags & 2), manifest["chunk"])
            if flags & 4:
                entry["head"] = decode_field(reader, folder, len(key) == 2, False)
            entries[key] = entry
    return {"manifest": manifest, "entries": entries}


def shown_block(block, simplified: bool) -> str:
    """A block of t/<n>.bin as a variant's readers see it (search.js: shownBlock)."""
    text = block if isinstance(block, str) else block[0]
    if not simplified:
        return text
    if not isinstance(block, str) and isinstance(block[1], str):
        return block[1]
    chars = list(to_simplified_chars(text))
    if not isinstance(block, str):
        for offset, changed in block[1]:
            chars[offset:offset + len(changed)] = changed
    return "".join(chars)


def shown_heading(item: list, simplified: bool) -> str:
    if not simplified:
        return item[1]
    return item[2] if len(item) > 2 else to_simplified_chars(item[1])


class Index:
    """The index of a built site's search folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        decoded = decode(self.folder)
        self.manifest, self.entries = decoded["manifest"], decoded["entries"]
        self.pages: list[list] = []
        for shard in range((self.manifest["pages"] + self.manifest["shard"] - 1) // self.manifest["shard"]):
            self.pages += json.loads(read(self.folder, f"u/{shard}.bin"))
        table = Reader(read(self.folder, "sections.bin"))
        counts = table.planar(table.varint())
        self.page_of: list[int] = [page for page, count in enumerate(counts) for _ in range(count)]
        self.first: list[int] = []  # each page's first section
        at = 0
        for count in counts:
            self.first.append(at)
            at += count
        self.folds = Folds(self.manifest.get("folds") or [])
        only = self.manifest.get("only") or [[], []]
        self.only = {page: variant for variant, pages in enumerate(only) for page in pages}

    def variants_of(self, page: int) -> list[int]:
        """The variants (numbers) whose readers get `page`."""
        if not self.manifest["variants"]:
            return [0]
        return [self.only[page]] if page in self.only else [0, 1]

    def text(self, page: int, variant: int) -> list[tuple[str, list[str]]]:
        """Per section (anchor, [heading, block, ...]) as variant's readers see it."""
        simplified = variant == 1 and page not in self.only
        stored = json.loads(read(self.folder, f"t/{page}.bin"))
        info = self.pages[page]
        return [(info[n + 1][0], [shown_heading(info[n + 1], simplified)]
                 + [shown_block(block, simplified) for block in blocks])
                for n, blocks in enumerate(stored)]

    def _sections(self, term: str, field: str) -> set[int]:
        if len(term) == 1:
            entry = self.entries.get(term, {}).get(field)
            return set(entry[1]) if entry else set()
        grams = [self.entries.get(term[k:k + 2], {}).get(field) for k in range(len(term) - 1)]
        if not all(grams):
            return set()
        found = set()
        for section, starts in grams[0][1].items():
            for start in starts:
                if all(start + k in grams[k][1].get(section, ()) for k in range(1, len(grams))):
                    found.add(section)
                    break
        return found

    def find(self, query: str, variant: int = 0) -> set[tuple[str, str]]:
        """(URL, anchor) of every section holding normalised `query` whole,
        for readers of `variant`."""
        term = self.folds.fold(normalize_text(query))
        if not term:
            return set()
        found = set()
        for section in self._sections(term, "body") | self._sections(term, "head"):
            page = self.page_of[section]
            if variant in self.variants_of(page):
                anchor = self.pages[page][section - self.first[page] + 1][0]
                found.add((self.pages[page][0], anchor))
        return found
