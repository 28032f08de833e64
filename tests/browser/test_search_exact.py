"""Exactness on a generated archive of 300 articles (bench/corpus.py): for 40
random substrings of 2 to 8 characters, half typed in Traditional and half
in Simplified, and 10 strings that occur nowhere, zhpress.search returns
exactly the sections whose normalised text contains them: the same set as
a plain Python grep of the normalised text of the built pages, where each
place reads as the zh-Hant page or the zh-Hans page shows it, or as the
site's phrase overrides fold it (zhpress/search/folds.py)."""
from __future__ import annotations

import random
from urllib.parse import unquote, urlsplit

import pytest

from page_text import read_page
from search_index_reader import Index
from zhpress.search.folds import Folds
from zhpress.text.convert import opencc_converter
from zhpress.text.normalize import normalize_text

ARTICLES = 300
TW2S = opencc_converter("tw2s").convert


class Field:
    """One heading or body: per block, the characters each place may be
    read as (the zh-Hant page's, the zh-Hans page's, the overrides' folds),
    and the zh-Hans reading whole where it is of another length."""

    def __init__(self, blocks: list[str], converted: list[str], folds: Folds):
        self.places: list[list[set[str]]] = []
        for mine, theirs in zip(map(normalize_text, blocks), map(normalize_text, converted)):
            places = [{char} for char in mine]
            if len(theirs) == len(mine):
                for place, char in zip(places, theirs):
                    place.add(char)
            else:
                self.places.append([{char} for char in theirs])
            for position, char in folds.alternatives(mine).items():
                places[position].add(char)
            self.places.append(places)

    def contains(self, query: str) -> bool:
        return any(all(query[k] in places[start + k] for k in range(len(query)))
                   for places in self.places for start in range(len(places) - len(query) + 1))


def sections_of(html: str, exclude: frozenset[str]) -> list[tuple[str, list[str], list[str]]]:
    """(anchor, heading field, body blocks) of a page as its readers see it."""
    page = read_page(html, exclude)
    return [(s.anchor, [page.title if n == 0 else s.heading], s.blocks) for n, s in enumerate(page.sections)]


@pytest.fixture(scope="module")
def corpus(generated_site):
    site = generated_site(ARTICLES)
    index = Index(site / "search")
    exclude, folds = frozenset(index.manifest["exclude"]), index.folds
    urls = [entry[0] for page, entry in enumerate(index.pages) if 0 in index.variants_of(page)]
    sections = []  # (path in the Traditional variant, anchor, [Field, ...], display blocks)
    for url in urls:
        mine, theirs = (sections_of((site / variant / unquote(url) / "index.html").read_text(encoding="utf-8"),
                                    exclude) for variant in ("zh-hant", "zh-hans"))
        if [(a, len(b)) for a, _, b in mine] != [(a, len(b)) for a, _, b in theirs]:
            theirs = mine  # cut otherwise: each copy is its own readers' (only zh-Hant's here)
        for (anchor, head, body), (_, other_head, other_body) in zip(mine, theirs):
            fields = [Field(head, other_head, folds), Field(body, other_body, folds)]
            sections.append(("zh-hant/" + unquote(url), anchor, fields, head + body))
    return site, urls, sections, folds


def grep(sections, query: str, folds: Folds = Folds()) -> set[tuple[str, str]]:
    needle = folds.fold(normalize_text(query))
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


def absent(sections, folds: Folds, count: int = 10) -> list[str]:
    rng = random.Random(29)
    chars = sorted({c for _, _, _, blocks in sections for b in blocks for c in normalize_text(b)})
    found = []
    while len(found) < count:
        text = "".join(rng.choice(chars) for _ in range(rng.randint(2, 8)))
        if not grep(sections, text, folds):
            found.append(text)
    return found


def test_every_article_is_indexed(corpus):
    _, urls, _, _ = corpus
    assert sum(1 for url in urls if url.startswith("articles/")) == ARTICLES


def test_search_returns_exactly_the_sections_holding_the_string(corpus, open_site):
    site, _, sections, folds = corpus
    page, watch, base = open_site(site)
    page.goto(base + "zh-hant/", wait_until="networkidle")
    cases = [(q, True) for q in queries(sections)] + [(q, False) for q in absent(sections, folds)]
    # Latin words and numbers: apart where the text has them apart (ToB, an alias, is one
    # word); one term each (a space would make two, each looked for in the whole page).
    cases += [("To,B", True), ("to-b", True), ("tob", None), ("9·30", True), ("930", None), ("C端", True)]
    matched = 0
    for query, present in cases:
        expected = grep(sections, query, folds)
        matched += len(expected)
        assert present is None or bool(expected) == present, query
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
    site, _, sections, folds = corpus
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
    pages = {path for path, _ in grep(sections, "產業互聯網", folds)}
    assert len(pages) > 100
    shown = page.locator(".md-search-result__meta").first.inner_text()
    assert shown.replace(",", "").split()[0].startswith(str(len(pages)))  # one result per page
    assert not shown.split()[0].endswith("+")
    counts = page.evaluate("window.__counts")
    assert any(c.split()[0].endswith("+") for c in counts if c)  # the first chunk's, while loading
    chunks = {path.rsplit("/", 1)[1].split("-")[1][:-5] for path in fetched if "/search/p/" in path and "-" in path}
    assert len(chunks) > 10
    assert watch.errors == []
