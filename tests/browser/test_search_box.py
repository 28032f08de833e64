"""zhpress/search in Material's header search box, typed as a reader types,
in headless Chromium: on the real site and on a fixture site made for it
(tests/fixtures/search/content). One browser context per site."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO, PageWatcher, build_site, copy_project, serve

ARTICLE = "articles/tang-daosheng-csig-first-year/"
HANT, HANS = "zh-hant/", "zh-hans/"
NONE = {HANT: "沒有符合的項目", HANS: "没有找到符合条件的结果"}  # Material's search.result.none
FALLBACK = {HANT: "沒有完全相符的結果", HANS: "没有完全相符的结果"}

LISTEN = """() => {
  window.__zh = {done: null, searches: []};
  document.querySelector('[data-zhpress-search]')
    .addEventListener('zhpress:results', e => { window.__zh.done = e.detail.query; });
  document.addEventListener('zhpress:search', e => window.__zh.searches.push(e.detail.query));
}"""


def api(page, query: str, options: dict | None = None) -> list[dict]:
    """zhpress.search(query, options) in the page, failing after 20 s instead of hanging."""
    return page.evaluate(
        """([q, o]) => Promise.race([zhpress.search(q, o),
             new Promise((_, no) => setTimeout(() => no(new Error('zhpress.search timed out')), 20000))])""",
        [query, options or {}])


class Box:
    """The header search box of one page at a time."""

    def __init__(self, page, base: str):
        self.page, self.base, self.at = page, base, None
        self.watch = PageWatcher(page, base)

    def open(self, path: str) -> None:
        if self.at != path:
            self.page.goto(self.base + path, wait_until="networkidle")
            self.page.evaluate(LISTEN)
            self.at = path

    def type(self, path: str, query: str) -> None:
        """Types `query` into the box of page `path` and waits for its results."""
        self.open(path)
        box = self.page.locator("input.md-search__input")
        box.click()
        self.page.evaluate("() => { window.__zh.done = null; }")
        box.fill(query)
        self.page.wait_for_function("q => window.__zh.done === q", arg=query, timeout=15_000)

    def sections(self) -> list[tuple[str, str]]:
        """(page path, section anchor) of every matching section listed, in order."""
        found = self.page.eval_on_selector_all(
            ".md-search-result__list a[data-section]",
            "links => links.map(a => [a.href, a.getAttribute('data-section')])")
        return [(unquote(urlsplit(href).path).lstrip("/"), anchor) for href, anchor in found]

    def meta(self) -> str:
        return self.page.locator(".md-search-result__meta").first.inner_text().strip()

    def fallback_line(self) -> str | None:
        line = self.page.locator(".zhpress-search__fallback")
        return line.inner_text().strip() if line.is_visible() else None


def box_on(browser, site):
    """A Box on `site`, served for a module's tests; no foreign request or
    script error by the end."""
    base, server = serve(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    box = Box(context.new_page(), base)
    yield box
    assert box.watch.foreign_requests == [] and box.watch.errors == []
    context.close()
    server.shutdown()


@pytest.fixture(scope="module")
def real(browser, real_site):
    yield from box_on(browser, real_site)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-fixture")
    project = copy_project(root / "project", REPO / "tests" / "fixtures" / "search" / "content")
    return build_site(project)


@pytest.fixture(scope="module")
def fixture(browser, fixture_site):
    yield from box_on(browser, fixture_site)


def in_top_five(box: Box, variant: str, page: str, anchor: str) -> None:
    found = box.sections()[:5]
    assert (variant + page, anchor) in found, found


# -- the real site ---------------------------------------------------------------

REAL = [
    # cross-script pairs, each form typed on both variants
    *[(v, q, ARTICLE, "用好-c-端的優勢") for v in (HANT, HANS) for q in ("數字廣東", "数字广东")],
    *[(v, q, ARTICLE, "") for v in (HANT, HANS) for q in ("產業互聯網", "产业互联网")],
    *[(v, q, ARTICLE, "") for v in (HANT, HANS) for q in ("騰訊", "腾讯")],
    # names and terms of site_config (entities, glossary), in either script
    (HANT, "湯道生", ARTICLE, ""),
    (HANS, "汤道生", ARTICLE, ""),
    (HANT, "謝麗容", ARTICLE, ""),
    (HANS, "雲與智慧產業事業群", ARTICLE, ""),
    (HANT, "微信支付", ARTICLE, "用好-c-端的優勢"),
    (HANS, "京东", ARTICLE, "做什麼不做什麼"),
    (HANT, "粵省事", ARTICLE, "用好-c-端的優勢"),
    # phrases
    (HANT, "科技向善", ARTICLE, "口碑與價值觀"),
    (HANS, "如履薄冰", ARTICLE, "不只用收入衡量"),
    (HANT, "集團軍作戰", ARTICLE, "組織變革之後"),
    # multi-term: every term in the page
    (HANT, "騰訊 拍拍", ARTICLE, "做什麼不做什麼"),
    (HANS, "企业微信 数字广东", ARTICLE, "用好-c-端的優勢"),
    # a single character, either script
    (HANT, "雲", ARTICLE, ""),
    (HANT, "云", ARTICLE, ""),
    # Latin in any case, a prefix while typing, numbers
    (HANT, "csig", ARTICLE, "不只用收入衡量"),
    (HANT, "CsIg", ARTICLE, "不只用收入衡量"),
    (HANT, "kp", ARTICLE, "不只用收入衡量"),
    (HANS, "9·30", ARTICLE, "口碑與價值觀"),
    # mixed scripts in one query
    (HANT, "腾訊集團", ARTICLE, "口碑與價值觀"),
]


@pytest.mark.parametrize("variant, query, page, anchor", REAL)
def test_real_site_query(real, variant, query, page, anchor):
    real.type(variant, query)
    in_top_five(real, variant, page, anchor)
    assert real.fallback_line() is None


@pytest.mark.parametrize("variant", [HANT, HANS])
def test_no_match_shows_the_empty_state_in_the_readers_script(real, variant):
    real.type(variant, "區塊鏈")
    assert real.sections() == []
    assert real.meta() == NONE[variant]
    assert real.fallback_line() is None


@pytest.mark.parametrize("variant, query", [(HANT, "騰訊數字政務"), (HANS, "腾讯数字政务")])
def test_no_exact_match_falls_back_to_words_under_a_line(real, variant, query):
    real.type(variant, query)
    assert real.fallback_line() == FALLBACK[variant]
    in_top_five(real, variant, ARTICLE, "用好-c-端的優勢")


def test_results_are_in_the_readers_script_and_variant(real):
    real.type(HANS, "產業互聯網")
    titles = real.page.locator(".md-search-result__list h1").all_inner_texts()
    assert "汤道生：产业互联网的第一年" in titles
    assert all(path.startswith(HANS) for path, _ in real.sections())
    count = real.page.locator(".md-search-result__item").count()
    assert real.meta() == "%d 个符合条件的结果" % count  # Material's Simplified string
    marks = real.page.locator(".md-search-result__list mark").all_inner_texts()
    assert "产业互联网" in marks
    real.type(HANT, "产业互联网")
    assert "湯道生：產業互聯網的第一年" in real.page.locator(".md-search-result__list h1").all_inner_texts()
    assert "產業互聯網" in real.page.locator(".md-search-result__list mark").all_inner_texts()
    assert real.meta() == "找到 %d 個符合的項目" % real.page.locator(".md-search-result__item").count()


def test_nothing_loads_before_the_box_is_focused(real):
    real.at = None
    real.watch.requests.clear()
    real.open(HANT + ARTICLE)
    assert [u for u in real.watch.requests if "/search/" in u] == []
    assert real.page.evaluate("typeof zhpress.search") == "function"
    real.page.locator("input.md-search__input").focus()
    real.page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() === '打字進行搜尋'")
    assert any(u.split("?")[0].endswith("/search/search.js") for u in real.watch.requests)
    assert not real.page.evaluate("'__zhpressIndex' in window") and real.page.evaluate(
        "!!document.querySelector('form[name=search]') === false")


def test_ime_composition_sends_no_query_before_it_ends(real):
    real.open(HANT + ARTICLE)
    page = real.page
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_timeout(200)
    page.evaluate("() => { window.__zh.searches = []; window.__zh.done = null; }")
    page.evaluate("""() => {
      const input = document.querySelector('input.md-search__input');
      input.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
      for (const typed of ['t', 'te', 'ten', 'teng', 'tengx', 'tengxun']) {
        input.value = typed;
        input.dispatchEvent(new CompositionEvent('compositionupdate', {data: typed}));
        input.dispatchEvent(new InputEvent('input', {data: typed, inputType: 'insertCompositionText', isComposing: true}));
      }
    }""")
    page.wait_for_timeout(400)  # longer than the debounce
    assert page.evaluate("window.__zh.searches") == []
    page.evaluate("""() => {
      const input = document.querySelector('input.md-search__input');
      input.value = '騰訊';
      input.dispatchEvent(new InputEvent('input', {data: '騰訊', inputType: 'insertCompositionText', isComposing: true}));
      input.dispatchEvent(new CompositionEvent('compositionend', {data: '騰訊'}));
    }""")
    page.wait_for_function("() => window.__zh.done === '騰訊'")
    assert page.evaluate("window.__zh.searches") == ["騰訊"]
    in_top_five(real, HANT, ARTICLE, "")


def test_keyboard_and_highlight_on_arrival(real):
    real.type(HANT, "腾讯集团")
    page = real.page
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Enter")  # the best result
    page.wait_for_url("**/" + HANT + ARTICLE + "**")
    real.at = "navigated"
    assert "h=" in page.url
    page.wait_for_selector("article mark[data-md-highlight]")
    assert "騰訊集團" in page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_escape_closes_the_search(real):
    real.type(HANT, "騰訊")
    assert real.page.evaluate("document.getElementById('__search').checked")
    real.page.keyboard.press("Escape")
    assert real.page.evaluate("document.getElementById('__search').checked") is False


def test_api_on_every_page(real):
    for path in (HANS + ARTICLE, HANT, "404.html"):
        real.at = None
        real.open(path)
        results = api(real.page, "數字廣東", {"limit": 3})
        assert 1 <= len(results) <= 3
        assert set(results[0]) >= {"url", "title", "snippet"}
        variant = HANS if path.startswith(HANS) else HANT
        assert all(urlsplit(r["url"]).path.lstrip("/").startswith(variant) for r in results)
        assert any("广东" in r["snippet"] if variant == HANS else "廣東" in r["snippet"] for r in results)


def test_snippets_read_as_the_simplified_page_reads(real):
    # 帶著 is 带着 on the Simplified page (by the phrase), 带著 character by
    # character: the snippet must show what the page shows, and no result
    # page is downloaded to make it.
    real.at = None
    real.open(HANS + ARTICLE)
    fetched = []
    real.page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    results = api(real.page, "数字化技术", {"limit": 5})
    snippets = " ".join(r["snippet"] for r in results)
    assert "带着数字化技术" in snippets and "带著" not in snippets
    assert not [path for path in fetched if path.endswith("/") or path.endswith(".html")]


# -- the fixture site ---------------------------------------------------------------

FIXTURE = [
    (HANT, "白日依山盡", "articles/verse/", "原詩"),
    (HANS, "白日依山尽", "articles/verse/", "原詩"),
    (HANT, "盡黃河", "articles/verse/", "原詩"),
    (HANT, "王之渙", "articles/verse/", ""),
    (HANT, "KPI", "articles/latin/", "指標"),
    (HANS, "kPi", "articles/latin/", "指標"),
    (HANT, "c to b", "articles/latin/", "指標"),
    (HANT, "the quick", "articles/latin/", "指標"),
    (HANT, "abc公司", "articles/latin/", "指標"),
    (HANT, "1999", "articles/latin/", "年份"),
    (HANT, "9.30", "articles/latin/", "年份"),  # 「9·30」: 9 and 30, apart
    (HANT, "看着", "articles/hans/", "廣東"),
    (HANT, "了解市場", "articles/hans/", "廣東"),
    (HANT, "數字廣東", "articles/hans/", "廣東"),
    (HANT, "產業 互聯網", "articles/apart/", "前段"),
]


@pytest.mark.parametrize("variant, query, page, anchor", FIXTURE)
def test_fixture_site_query(fixture, variant, query, page, anchor):
    fixture.type(variant, query)
    in_top_five(fixture, variant, page, anchor)


def test_ranking_title_then_headings_then_body_more_and_shorter_first(fixture):
    fixture.type(HANT, "雲端運算")
    found = [s for s in fixture.sections() if s[0] == HANT + "articles/ranking/"]
    assert found[:4] == [(HANT + "articles/ranking/", a) for a in ("", "雲端運算的歷史", "短段", "長段")]


def test_exact_means_adjacent(fixture):
    fixture.type(HANT, "產業互聯網")
    assert all(path != HANT + "articles/apart/" for path, _ in fixture.sections())


def test_contributor_text_stays_text(fixture):
    fixture.type(HANT, "pwned")
    page = fixture.page
    in_top_five(fixture, HANT, "articles/escape/", "程式碼")
    titles = page.locator(".md-search-result__list h1").all_inner_texts()
    assert "<img src=x onerror=alert(1)> 與 <b>標記</b>" in titles
    snippets = " ".join(page.locator(".md-search-result__list p").all_inner_texts())
    assert "<script>window.__pwned = 1</script>" in snippets
    assert page.locator(".md-search-result__list img, .md-search-result__list script, "
                        ".md-search-result__list b").count() == 0
    assert page.evaluate("window.__pwned === undefined")
