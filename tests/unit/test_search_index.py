"""zhpress.search.index: the files written are read back (by a reader written
here from the format's description, tests/search_index_reader.py) and hold
exactly the text of each page's copies, as n-grams and as each variant's
readers see it."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from search_index_reader import Index, Reader, decode, read
from zhpress.search import index as index_module
from zhpress.search.copies import PageText, aligned
from zhpress.search.extract import Section
from zhpress.search.index import IndexBuilder, bucket_of, planar
from zhpress.text.convert import opencc_converter
from zhpress.text.normalize import normalize_lines

TW2S = opencc_converter("tw2s").convert
S2TW = opencc_converter("s2tw").convert


def in_simplified(page: PageText, overrides: dict[str, str] = {}) -> PageText:
    """The zh-Hans copy of a zh-Hant page, as the site makes it: tw2s, then
    the phrase overrides, then Simplified quotes (typesetting)."""
    def convert(text: str) -> str:
        text = TW2S(text)
        for wrong, right in overrides.items():
            text = text.replace(wrong, right)
        return text.replace("「", "“").replace("」", "”")
    return PageText(convert(page.title), [Section(s.anchor, convert(s.heading), [convert(b) for b in s.blocks])
                                          for s in page.sections])


# tw2s reads 鍊 as 煉 after 原型: the site's default phrases write 原型链.
OVERRIDES = {"原型炼": "原型链"}
FIRST = [
    ("", PageText("首頁", [Section("", "", ["這裡發表中文長篇訪談。", "騰訊與 KPI"])])),
    ("articles/a/", PageText("湯道生：產業互聯網的第一年", [
        Section("", "", ["「9·30」組織架構調整一年後，騰訊雲", "白日依山盡，黃河入海流。"]),
        Section("one", "組織變革之後", ["騰訊進入產業互聯網，帶著數字化技術。", "C To B 的戰略"]),
        Section("two", "口碑", []),
    ])),
    ("articles/b/", PageText("原型鍊", [Section("", "", [
        "他看著遠方，瞭解市場。", "騰訊騰訊騰訊", "JavaScript 的原型鍊與 v4 #18"])])),
]
# (url, first copy, second copy): copies cut alike make one entry.
PAGES = [(url, page, in_simplified(page, OVERRIDES)) for url, page in FIRST] + [
    # The glossary groups its terms by Zhuyin, and by pinyin in zh-Hans:
    # each copy is indexed alone, for its own readers.
    ("glossary/", PageText("詞彙表", [Section("", "", ["按注音排列"]), Section("group-1", "ㄅ", ["八卦", "包"])]),
     PageText("词汇表", [Section("", "", ["按拼音排列"]), Section("group-1", "B", ["八卦", "包"]),
                         Section("group-2", "Z", ["著作"])])),
]


def add_pages(builder: IndexBuilder) -> None:
    for url, first, second in PAGES:
        if aligned(first, second):
            builder.add_page(url, first, second)
        else:
            builder.add_page(url, first, only=0)
            builder.add_page(url, second, only=1)


def write(builder: IndexBuilder, folder) -> None:
    builder.write(folder, {"产业": 12, "互联网": 10, "白日": 7}, ["zh-hant", "zh-hans"], ["headerlink"])


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
    builder = IndexBuilder(TW2S, 2 if request.param == "chunked" else 0, S2TW)
    add_pages(builder)
    write(builder, folder)
    return folder, decode(folder)


def indexed_copies():
    """(copy, the other script's text at the same places) of each entry."""
    for _, first, second in PAGES:
        if len(first.sections) == len(second.sections):
            yield first, second
        else:
            yield first, PageText(TW2S(first.title), [Section(s.anchor, TW2S(s.heading), list(map(TW2S, s.blocks)))
                                                       for s in first.sections])
            yield second, PageText(S2TW(second.title), [Section(s.anchor, S2TW(s.heading), list(map(S2TW, s.blocks)))
                                                         for s in second.sections])


def expected_grams():
    """Brute force: every character and adjacent pair of every block, with
    positions, in each copy and in the other script's text of it."""
    body, head = defaultdict(lambda: defaultdict(set)), defaultdict(lambda: defaultdict(set))
    section = 0
    for copy, other in indexed_copies():
        for field_number, (blocks, theirs) in enumerate(zip(copy.fields(), other.fields())):
            field = head if field_number % 2 == 0 else body
            for text in {normalize_lines("\n".join(blocks)), normalize_lines("\n".join(theirs))}:
                for i, char in enumerate(text):
                    if char not in "\n ":  # a separator is no query of its own
                        field[char][section].add(i)
                    if i + 1 < len(text) and "\n" not in text[i:i + 2]:
                        field[text[i:i + 2]][section].add(i)
            section += field_number % 2
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


def test_digits_and_latin_words_keep_their_borders(built):
    folder, index = built
    entries = index["entries"]
    # v4 #18: two tokens; pairs only across their one separator.
    assert "41" not in entries and "4 " in entries and " 1" in entries
    assert " " not in entries  # no query is a lone separator
    found = Index(folder)
    assert found.find("v418") == set()
    assert found.find("v4 18") == found.find("v4, #18") == found.find("V4#18") == {("articles/b/", "")}
    assert found.find("c to b") == {("articles/a/", "one")} and found.find("ctob") == set()
    # Chinese text ignores spaces and punctuation as ever.
    assert found.find("的原型鍊與") == found.find("原型鍊與v4") == {("articles/b/", "")}


def test_the_other_copys_text_is_at_the_same_places(built):
    _, index = built
    entries = index["entries"]
    # 看著 is 看着 on the Simplified page: both found at one place.
    assert entries["看著"]["body"][1] == entries["看着"]["body"][1]
    assert entries["了解"]["body"][1] == entries["瞭解"]["body"][1]
    # 原型鍊 folds to 原型炼 character by character; the Simplified page
    # shows 原型链 (a phrase override): both at the same places.
    for field in ("body", "head"):
        assert entries["型炼"][field][1] == entries["型链"][field][1]


def test_a_phrase_override_is_found_in_either_script(built):
    found = Index(built[0])
    page = {("articles/b/", "")}
    for variant in (0, 1):  # the Simplified reader types 原型链; the Traditional one either form
        for query in ("原型链", "原型鏈", "原型鍊", "JavaScript 的原型链"):
            assert found.find(query, variant) == page, (query, variant)
    # and the Simplified page's text says 原型链, title and snippet alike
    (_, lines), = found.text(2, 1)
    assert lines == ["原型链", "他看着远方，了解市场。", "腾讯腾讯腾讯", "JavaScript 的原型链与 v4 #18"]
    (_, lines), = found.text(2, 0)
    assert lines == ["原型鍊", "他看著遠方，瞭解市場。", "騰訊騰訊騰訊", "JavaScript 的原型鍊與 v4 #18"]


def test_each_copy_reads_as_its_page_shows_it(built):
    found = Index(built[0])
    for page, (url, first, second) in enumerate(PAGES[:3]):
        for variant, copy in ((0, first), (1, second)):
            assert found.text(page, variant) == [
                (s.anchor, [copy.title if n == 0 else s.heading] + s.blocks) for n, s in enumerate(copy.sections)]
    # Stored once, with the Simplified page's differences only where
    # characters alone do not make it: 带着, not 带著; its quotes.
    page = json.loads(read(built[0], "t/1.bin"))
    text, changes = page[1][0]
    assert text == "騰訊進入產業互聯網，帶著數字化技術。"
    assert changes == [[text.index("著"), "着"]]
    assert page[0][1] == "白日依山盡，黃河入海流。" and page[2] == []
    assert page[0][0][1] == [[0, "“"], [5, "”"]]


def test_copies_cut_otherwise_are_each_for_their_own_readers(built):
    found = Index(built[0])
    assert found.manifest["only"] == [[3], [4]]
    assert found.find("著作", 1) == {("glossary/", "group-2")} and found.find("著作", 0) == set()
    assert found.find("按注音", 0) == {("glossary/", "")} and found.find("按注音", 1) == set()
    assert found.find("八卦", 0) == found.find("八卦", 1) == {("glossary/", "group-1")}
    assert found.text(4, 1)[2] == ("group-2", ["Z", "著作"])  # as the page shows it: 著 stays 著


def test_a_reading_of_another_length_is_found_too(tmp_path):
    first = PageText("登入", [Section("", "", ["用臉書登入。", "其他"])])
    second = PageText("登入", [Section("", "", ["用Facebook登入。", "其他"])])
    builder = IndexBuilder(TW2S, 0, S2TW)
    builder.add_page("a/", first, second)
    write(builder, tmp_path)
    found = Index(tmp_path)
    assert found.find("facebook", 1) == found.find("臉書", 1) == {("a/", "")}
    assert found.text(0, 1) == [("", ["登入", "用Facebook登入。", "其他"])]


def test_tables_and_manifest(built):
    folder, index = built
    manifest = index["manifest"]
    assert manifest["pages"] == 5 and manifest["sections"] == 10
    assert manifest["variants"] == ["zh-hant", "zh-hans"]
    table = Reader(read(folder, "sections.bin"))
    assert table.varint() == 5 and table.planar(5) == [1, 3, 1, 2, 3]
    urls = json.loads(read(folder, "u/0.bin"))
    assert urls[:3] == [
        ["", ["", "首頁"]],
        ["articles/a/", ["", "湯道生：產業互聯網的第一年"], ["one", "組織變革之後"], ["two", "口碑"]],
        ["articles/b/", ["", "原型鍊", "原型链"]],  # not character by character (原型炼)
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


def test_writing_twice_gives_the_same_bytes(built, tmp_path):
    folder, index = built
    builder = IndexBuilder(TW2S, index["manifest"]["chunk"], S2TW)
    add_pages(builder)
    write(builder, tmp_path)
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
            for x in {x0, *alternatives.get(q, "")} if near else {x0}:
                for y in {y0, *alternatives.get(q + 1, "")} if near else {y0}:
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
            alternatives = {q: "".join(rng.sample("云雲么麼并並", rng.choice((1, 1, 2))))
                            for q in rng.sample(range(len(text)), min(3, len(text))) if text[q] != "\n"} or None
        sections.append((section, text, alternatives))
        grams.add(section, text, alternatives)
    grams.flush()
    assert read_entries(grams) == brute_force(sections)
