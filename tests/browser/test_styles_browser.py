"""zhpress/styles in Chromium: a page painted with its inline rules only is
the page the theme's own stylesheets paint. The real site is built a second
time with zhpress/styles off (the theme's <link>s); each page type is laid
out in both after the scripts have run, then with the search results open
and with a definition shown: every element has the same box, colour, size
and display."""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project, edit_config, serve
from quality.pages import page_types

BOXES = """() => Array.from(document.querySelectorAll('body *')).filter(e => !e.closest('script')).map(e => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  // focus-visible: a state Material's script sets on the focused field depending on when
  // its bundle started, not a style (seen once under CI load): left out.
  return [e.tagName, typeof e.className === 'string' ? e.className.replace(/(^| )focus-visible( |$)/, ' ').trim() : '',
          Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height),
          s.color, s.backgroundColor, s.fontSize, s.display, s.visibility];
})"""
ARTICLE = "zh-hant/articles/tang-daosheng-csig-first-year/"


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory):
    """The real site with zhpress/styles off: the theme links its stylesheets."""
    project = copy_project(tmp_path_factory.mktemp("linked") / "project")
    edit_config(project, "  - zhpress/styles\n", "  - zhpress/styles:\n      enabled: false\n")
    return build_site(project)


@pytest.fixture(scope="module")
def two_sites(real_site, linked_site, browser):
    (inline_base, one), (linked_base, two) = serve(real_site), serve(linked_site)
    yield inline_base, linked_base
    one.shutdown()
    two.shutdown()


def compare(browser, two_sites, scheme, width, path, act=None):
    found = []
    for base in two_sites:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            page = context.new_page()
            requested = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(base + path, wait_until="networkidle")
            if act:
                act(page)
            page.wait_for_timeout(300)
            found.append((page.evaluate(BOXES), [u for u in requested if u.endswith(".css")]))
        finally:
            context.close()
    (inline, inline_css), (linked, linked_css) = found
    assert inline_css == [] and linked_css, (inline_css, linked_css)
    return [(a, b) for a, b in zip(inline, linked) if a != b][:3] + (
        [("elements", len(inline), len(linked))] if len(inline) != len(linked) else [])


# Each script in one scheme and width: the two share templates and rules.
@pytest.mark.parametrize("variant, scheme, width", [("zh-hant", "light", 1280), ("zh-hans", "dark", 412)])
def test_every_page_type_looks_as_the_stylesheets_make_it(real_site, browser, two_sites, variant, scheme, width):
    differences = {}
    for name, path in page_types(real_site).items():
        if name == "root" or ("(" in name and variant not in name):
            continue
        changed = compare(browser, two_sites, scheme, width, path)
        if changed:
            differences[name] = changed
    assert differences == {}


def search(page):
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("產業互聯網")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)


def show_definition(page):
    page.locator(".zhpress-term").first.hover()
    page.wait_for_selector(".zhpress-tip:not([hidden])", timeout=5_000)


@pytest.mark.parametrize("act", [search, show_definition], ids=["search results", "a definition"])
def test_what_scripts_add_looks_as_the_stylesheets_make_it(browser, two_sites, act):
    assert compare(browser, two_sites, "light", 1280, ARTICLE, act) == []
