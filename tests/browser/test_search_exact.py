"""Exactness on a generated archive of 300 articles (bench/corpus.py): for 40
random substrings of 2 to 8 characters, half typed in Traditional and half
in Simplified, and 10 strings that occur nowhere, zhpress.search returns
exactly the sections whose normalised text contains them: the same set as
a plain Python grep of the normalised text of the built pages."""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from zhpress.search.extract import content_region, extract_sections
from zhpress.text.convert import opencc_converter
from zhpress.text.normalize import normalize_text

ARTICLES = 300
TW2S = opencc_converter("tw2s").convert


def indexed_pages(site: Path) -> list[str]:
    folder = site / "search"
    manifest = json.loads(gzip.decompress((folder / "index.bin").read_bytes()))
    urls = []
    for shard in range((manifest["pages"] + manifest["shard"] - 1) // manifest["shard"]):
        urls += [entry[0] for entry in json.loads(gzip.decompress((folder / f"u/{shard}.bin").read_bytes()))]
    return urls, frozenset(manifest["exclude"])


class Field:
    """One heading or body: its blocks normalised, in the page's script and
    in the other script's reading (OpenCC tw2s)."""

    def __init__(self, blocks: list[str], converted: list[str]):
        self.pairs = [(normalize_text(a), normalize_text(b)) for a, b in zip(blocks, converted)]

    def contains(self, query: str) -> bool:
        for mine, theirs in self.pairs:
            if query in mine or query in theirs:
                return True
            if mine != theirs and len(mine) == len(theirs):  # either reading at each place
                for start in range(len(mine) - len(query) + 1):
                    if all(query[i] in (mine[start + i], theirs[start + i]) for i in range(len(query))):
                        return True
        return False


@pytest.fixture(scope="module")
def corpus(generated_site):
    site = generated_site(ARTICLES)
    urls, exclude = indexed_pages(site)
    sections = []  # (path in the Traditional variant, anchor, [Field, ...], display blocks)
    for url in urls:
        html = (site / "zh-hant" / unquote(url) / "index.html").read_text(encoding="utf-8")
        title, found = extract_sections(content_region(html), exclude)
        lines = [line for number, s in enumerate(found)
                 for line in [title if number == 0 else s.heading] + s.blocks]
        converted = TW2S("\n".join(lines)).split("\n")
        assert len(converted) == len(lines)
        at = 0
        for number, s in enumerate(found):
            head = [title if number == 0 else s.heading]
            fields = [Field(head, converted[at:at + 1]), Field(s.blocks, converted[at + 1:at + 1 + len(s.blocks)])]
            at += 1 + len(s.blocks)
            sections.append(("zh-hant/" + unquote(url), s.anchor, fields, head + s.blocks))
    return site, urls, sections


def grep(sections, query: str) -> set[tuple[str, str]]:
    needle = normalize_text(query)
    return {(path, anchor) for path, anchor, fields, _ in sections if any(f.contains(needle) for f in fields)}


def queries(sections) -> list[str]:
    rng = random.Random(17)
    found: list[str] = []
    while len(found) < 40:
        _, _, _, blocks = rng.choice(sections)
        block = rng.choice(blocks)
        length = rng.randint(2, 8)
        if len(block) < length:
            continue
        start = rng.randrange(len(block) - length + 1)
        text = block[start:start + length]
        if any(c.isspace() for c in text) or len(normalize_text(text)) < 2:
            continue
        found.append(text if len(found) % 2 == 0 else TW2S(text))  # half of them in Simplified
    return found


def absent(sections, count: int = 10) -> list[str]:
    rng = random.Random(29)
    chars = sorted({c for _, _, _, blocks in sections for b in blocks for c in normalize_text(b)})
    found = []
    while len(found) < count:
        text = "".join(rng.choice(chars) for _ in range(rng.randint(2, 8)))
        if not grep(sections, text):
            found.append(text)
    return found


def test_every_article_is_indexed(corpus):
    _, urls, _ = corpus
    assert sum(1 for url in urls if url.startswith("articles/")) == ARTICLES


def test_search_returns_exactly_the_sections_holding_the_string(corpus, open_site):
    site, _, sections = corpus
    page, watch, base = open_site(site)
    page.goto(base + "zh-hant/", wait_until="networkidle")
    cases = [(q, True) for q in queries(sections)] + [(q, False) for q in absent(sections)]
    matched = 0
    for query, present in cases:
        expected = grep(sections, query)
        matched += len(expected)
        assert bool(expected) == present, query
        results = page.evaluate(
            "q => zhpress.search(q, {limit: 1000000, fallback: false, text: false})", query)
        got = [(unquote(urlsplit(r["url"]).path).lstrip("/"), unquote(urlsplit(r["url"]).fragment))
               for r in results]
        assert len(got) == len(set(got)), query
        assert set(got) == expected, (query, sorted(set(got) ^ expected)[:5])
    assert matched > 40 * 20  # the corpus repeats its paragraphs: most strings are in many sections
    assert watch.errors == []


def test_the_box_shows_every_section_of_a_phrase_cut_in_chunks(corpus, open_site):
    # 產業互聯網 is in most articles: its pairs' postings come in many chunks
    # (64 sections each here); the box shows the first chunk's results, then
    # all of them, as the API finds them.
    site, _, sections = corpus
    page, watch, base = open_site(site)
    fetched = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(base + "zh-hans/", wait_until="networkidle")
    page.evaluate("""() => { window.__counts = []; window.__done = null;
      const box = document.querySelector('[data-zhpress-search]');
      box.addEventListener('zhpress:results', e => { window.__done = e.detail.query; });
      new MutationObserver(() => window.__counts.push(
          document.querySelector('.md-search-result__meta').textContent.trim()))
        .observe(box, {subtree: true, childList: true, characterData: true}); }""")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("产业互联网")
    page.wait_for_function("window.__done === '产业互联网'", timeout=20_000)
    pages = {path for path, _ in grep(sections, "產業互聯網")}
    assert len(pages) > 100
    shown = page.locator(".md-search-result__meta").first.inner_text()
    assert shown.replace(",", "").split()[0].startswith(str(len(pages)))  # one result per page
    assert not shown.split()[0].endswith("+")
    counts = page.evaluate("window.__counts")
    assert any(c.split()[0].endswith("+") for c in counts if c)  # the first chunk's, while loading
    chunks = {path.rsplit("/", 1)[1].split("-")[1][:-5] for path in fetched if "/search/p/" in path and "-" in path}
    assert len(chunks) > 10
    assert watch.errors == []
