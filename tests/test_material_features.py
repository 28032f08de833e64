"""Material's own features still work around our plugins and templates."""
from __future__ import annotations

ARTICLE = "zh-hant/articles/tang-daosheng-csig-first-year/"


def test_search_box_finds_chinese(real_site, open_site):
    page, watch, base = open_site(real_site)
    page.goto(base + ARTICLE, wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    for query, title in (("騰訊", "湯道生：產業互聯網的第一年"),):
        box.fill(query)
        box.press("End")  # Material searches on key events
        # Results replace the previous query's: wait until this query's title is listed.
        page.wait_for_function(
            "t => (document.querySelector('.md-search-result') || {}).innerText.includes(t)",
            arg=title, timeout=10_000)
        assert page.locator(".md-search-result__item").count() >= 1
    assert watch.foreign_requests == [] and watch.errors == []


def test_light_and_dark_scheme_toggle(real_site, open_site):
    page, watch, base = open_site(real_site, color_scheme="light")
    page.goto(base + ARTICLE, wait_until="networkidle")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label.md-header__button[for^='__palette']").first.click()
    page.wait_for_function(f"{scheme} === 'slate'")
    page.reload(wait_until="networkidle")
    assert page.evaluate(scheme) == "slate"  # remembered across pages
    assert watch.errors == []


def test_header_shows_site_name_in_page_script(real_site, open_site):
    page, watch, base = open_site(real_site)
    page.goto(base + "zh-hans/", wait_until="networkidle")
    assert page.locator(".md-header__topic").first.inner_text().strip() == "长文"
    assert page.locator("nav.md-nav--primary").inner_text().count("文章") == 1
    page.goto(base + "zh-hant/", wait_until="networkidle")
    assert page.locator(".md-header__topic").first.inner_text().strip() == "長文"
