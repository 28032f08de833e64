"""zhpress.search.index: the files written are read back (by a reader written
here from the format's description) and hold exactly the text's n-grams."""
from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

import pytest

from zhpress.search.extract import Section
from zhpress.search import index as index_module
from zhpress.search.index import IndexBuilder, bucket_of, planar
from zhpress.text.convert import opencc_converter
from zhpress.text.normalize import normalize_lines

PAGES = [
    ("", "首頁", [Section("", "", ["這裡發表中文長篇訪談。", "騰訊與 KPI"])]),
    ("articles/a/", "湯道生：產業互聯網的第一年", [
        Section("", "", ["「9·30」組織架構調整一年後，騰訊雲", "白日依山盡，黃河入海流。"]),
        Section("one", "組織變革之後", ["騰訊進入產業互聯網，帶著數字化技術。", "C To B 的戰略"]),
        Section("two", "口碑", []),
    ]),
    ("articles/b/", "簡體", [Section("", "", ["他看著遠方，瞭解市場。", "騰訊騰訊騰訊"])]),
]


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


@pytest.fixture(scope="module", params=["inline", "chunked"])
def built(request, tmp_path_factory):
    """The index of PAGES as written for a small site (postings in the
    buckets), and as for a large one: every body posting in files of its
    own, cut every two sections."""
    folder = tmp_path_factory.mktemp("index")
    if request.param == "chunked":
        patch = pytest.MonkeyPatch()
        patch.setattr(index_module, "EXTERNAL_OVER", 0)
        request.addfinalizer(patch.undo)
    builder = IndexBuilder(opencc_converter("tw2s").convert, 2 if request.param == "chunked" else 0)
    for url, title, sections in PAGES:
        builder.add_page(url, title, sections)
    builder.write(folder, {"产业": 12, "互联网": 10, "白日": 7}, ["zh-hant", "zh-hans"], ["headerlink"])
    return folder, decode(folder)


def expected_grams():
    """Brute force: every character and adjacent pair of every block, with
    positions, in the text and in its Simplified reading (tw2s)."""
    body, head = defaultdict(lambda: defaultdict(set)), defaultdict(lambda: defaultdict(set))
    tw2s = opencc_converter("tw2s").convert
    section = 0
    for _, title, sections in PAGES:
        for number, s in enumerate(sections):
            for field, blocks in ((head, [title if number == 0 else s.heading]), (body, s.blocks)):
                for text in {normalize_lines("\n".join(blocks)), normalize_lines(tw2s("\n".join(blocks)))}:
                    for i, char in enumerate(text):
                        if char != "\n":
                            field[char][section].add(i)
                        if i + 1 < len(text) and "\n" not in text[i:i + 2]:
                            field[text[i:i + 2]][section].add(i)
            section += 1
    return body, head


def test_every_gram_and_position_is_indexed(built):
    _, index = built
    body, head = expected_grams()
    for name, expected in (("body", body), ("head", head)):
        grams = {gram for gram, entry in index["entries"].items() if name in entry}
        assert grams == set(expected)
        for gram, by_section in expected.items():
            df, postings = index["entries"][gram][name]
            assert df == len(by_section), gram
            if len(gram) == 1:
                assert postings == {s: len(p) for s, p in by_section.items()}, gram
            else:
                assert postings == {s: sorted(p) for s, p in by_section.items()}, gram


def test_no_pair_crosses_a_block(built):
    _, index = built
    # 「…騰訊雲」 then 「白日依山盡，黃河入海流。」: punctuation is no border, a block is.
    assert "尽黄" in index["entries"] and "云白" not in index["entries"]


def test_the_other_scripts_reading_is_an_alternative(built):
    _, index = built
    entries = index["entries"]
    # 看著 is 看着 in Simplified (OpenCC reads the phrase): both found at one place.
    _, traditional = entries["看著"]["body"]
    _, simplified = entries["看着"]["body"]
    assert traditional == simplified
    assert entries["了解"]["body"][1] == entries["瞭解"]["body"][1]


def test_tables_and_manifest(built):
    folder, index = built
    manifest = index["manifest"]
    assert manifest["pages"] == 3 and manifest["sections"] == 5
    assert manifest["variants"] == ["zh-hant", "zh-hans"]
    table = Reader(read(folder, "sections.bin"))
    assert table.varint() == 3 and table.planar(3) == [1, 3, 1]
    urls = json.loads(read(folder, "u/0.bin"))
    assert urls == [
        ["", ["", "首頁"]],
        ["articles/a/", ["", "湯道生：產業互聯網的第一年"], ["one", "組織變革之後"], ["two", "口碑"]],
        ["articles/b/", ["", "簡體"]],
    ]
    words = read(folder, f"w/{bucket_of('产业', manifest['words'])}.bin").decode()
    assert "产业\tM" in words  # 产业 alone: no more characters, weight 12 (M)
    assert "互联\t网K" in read(folder, f"w/{bucket_of('互联', manifest['words'])}.bin").decode()


def test_large_postings_are_cut_in_chunks_of_sections(built):
    folder, index = built
    chunked = sorted(path.name for path in (folder / "p").glob("*-*s.bin"))
    if index["manifest"]["chunk"] == 2:
        # 騰訊 is in sections 0, 2 and 4: three chunks, each its own files.
        assert {name.split("-")[1] for name in chunked} >= {"0s.bin", "1s.bin", "2s.bin"}
    else:
        assert chunked == []


def test_snippet_text_reads_as_each_script_shows_it(built):
    folder, _ = built
    page = json.loads(read(folder, "t/1.bin"))
    assert page[0] == ["「9·30」組織架構調整一年後，騰訊雲", "白日依山盡，黃河入海流。"]
    # 帶著 is 带着 on the Simplified page: character by character it would be 带著.
    text, changes = page[1][0]
    assert text == "騰訊進入產業互聯網，帶著數字化技術。"
    assert changes == [[text.index("著"), "着"]]
    assert page[2] == []


def test_writing_twice_gives_the_same_bytes(built, tmp_path):
    folder, index = built
    builder = IndexBuilder(opencc_converter("tw2s").convert, index["manifest"]["chunk"])
    for url, title, sections in PAGES:
        builder.add_page(url, title, sections)
    builder.write(tmp_path, {"产业": 12, "互联网": 10, "白日": 7}, ["zh-hant", "zh-hans"], ["headerlink"])
    files = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert all((folder / f).read_bytes() == (tmp_path / f).read_bytes() for f in files)


def test_planar_and_hash():
    assert planar([1, 2, 300]) == bytes([2, 1, 2, 44, 0, 0, 1])
    assert planar([]) == bytes([1])
    assert planar([0x1000000]) == bytes([4, 0, 0, 0, 1])
    # FNV-1a, 32 bits, over code points (assets/search.js: fnv)
    assert bucket_of("a", 2 ** 32) == 0xE40C292C


# --- GramIndex against a brute-force reading of the same texts -------------------------

def brute_force(sections: list[tuple[int, str, dict | None]]) -> tuple[dict, dict]:
    """{bigram: {section: positions}}, {char: {section: count}}: every pair of
    adjacent characters in a block, through the other script's characters too."""
    bigrams: dict = defaultdict(lambda: defaultdict(set))
    chars: dict = defaultdict(lambda: defaultdict(set))
    for section, text, alternatives in sections:
        alternatives = alternatives or {}
        for q, x0 in enumerate(text):
            if x0 == "\n":
                continue
            y0 = text[q + 1] if q + 1 < len(text) else "\n"
            near = q in alternatives or (q + 1) in alternatives or (q - 1) in alternatives
            for x in {x0, alternatives.get(q, x0)} if near else {x0}:
                for y in {y0, alternatives.get(q + 1, y0)} if near else {y0}:
                    chars[x][section].add(q)
                    if y != "\n":
                        bigrams[x + y][section].add(q)
    return ({gram: {s: sorted(p) for s, p in found.items()} for gram, found in bigrams.items()},
            {char: {s: len(p) for s, p in found.items()} for char, found in chars.items()})


def read_entries(grams) -> tuple[dict, dict]:
    bigrams, chars = {}, {}
    for gram, (first, last, count, steps, moves) in grams.bi.items():
        found, section, position = {}, first, 0
        for step, move in zip(steps, moves):
            section += step
            position = position + move if step == 0 and section in found else move
            found.setdefault(section, []).append(position)
        assert len(found) == count and section == last, gram
        bigrams[gram] = found
    for char, (first, last, steps, counts) in grams.uni.items():
        found, section = {}, first
        for step, count in zip(steps, counts):
            section += step
            found[section] = count
        assert section == last, char
        chars[char] = found
    return bigrams, chars


@pytest.mark.parametrize("seed", range(20))
def test_gram_index_holds_every_pair_of_random_texts(seed):
    import random
    rng = random.Random(seed)
    alphabet = "云雲么麼并並發后後裡麵干幹著了瞭\nab1𠀀"
    sections, section = [], 0
    grams = index_module.GramIndex()
    for _ in range(rng.randint(1, 3 * index_module.BATCH)):
        section += rng.randint(1, 3)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))).strip("\n")
        alternatives = None
        if text and rng.random() < 0.3:
            alternatives = {q: rng.choice("云雲么麼并並") for q in rng.sample(range(len(text)), min(3, len(text)))
                            if text[q] != "\n"} or None
        sections.append((section, text, alternatives))
        grams.add(section, text, alternatives)
    grams.flush()
    assert read_entries(grams) == brute_force(sections)
