"""What the reader sees is what the reader finds, in the browser: the engine
(assets/search.js) normalises and folds a query as the index was made
(tests/override_site.py: one word written 原型鍊, 原型鏈 and 原型链)."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from override_site import SHOWS_WORD, build_override_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_override_site(tmp_path_factory.mktemp("overrides-browser"))


def found(page, query: str) -> dict[str, str]:
    """{page path in its variant: snippet} of zhpress.search(query)."""
    results = page.evaluate("q => zhpress.search(q, {limit: 100, fallback: false})", query)
    return {unquote(urlsplit(r["url"]).path).split("/", 2)[2]: r["snippet"] for r in results}


def test_either_script_finds_every_page_that_shows_the_word(site, open_site):
    page, watch, base = open_site(site)
    page.goto(base + "zh-hans/", wait_until="networkidle")
    for query in ("原型链", "原型鍊", "原型鏈"):
        results = found(page, query)
        assert set(results) == SHOWS_WORD, query
        # each snippet in the reader's script, as its page shows it
        assert all("原型炼" not in snippet and "原型鍊" not in snippet for snippet in results.values()), query
    assert "原型链" in found(page, "原型链")["articles/a/"]
    page.goto(base + "zh-hant/", wait_until="networkidle")
    assert set(found(page, "原型鍊")) == SHOWS_WORD
    assert "原型鍊" in found(page, "原型链")["articles/a/"]
    assert watch.errors == []


def test_numbers_keep_their_borders_in_the_browser(site, open_site):
    page, watch, base = open_site(site)
    page.goto(base + "zh-hant/", wait_until="networkidle")
    assert set(found(page, "v418")) == {"articles/e/"}
    # one term each (a space makes two, each looked for in the whole page)
    assert set(found(page, "v4#18")) == set(found(page, "V4,18")) == set(found(page, "ｖ４＃１８")) == {
        "articles/a/"}
    assert set(found(page, "盡頭是null")) == {"articles/d/"}  # Chinese text ignores the space
    assert watch.errors == []
