"""Material's bundle starts at the reader's first interaction, not while the
page loads (theme/partials/javascripts/bundle.html): the page is painted as
Material paints it with script, its colour scheme toggle works from the
first paint, and once the reader scrolls, types or taps, Material's
components work as they always do."""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project, edit_config

ARTICLE = "zh-hant/articles/tang-daosheng-csig-first-year/"
STARTED = "!!document.querySelector('script[src*=\"/bundle.\"]')"
MOUNTED = "!document.documentElement.classList.contains('zhpress-pending')"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
SHOWN_TOGGLE = ("[...document.querySelectorAll('form[data-md-component=palette] label')]"
                ".filter(l => !l.hidden).map(l => l.getAttribute('for'))")


def loaded_without_interaction(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate(STARTED) is False
    assert page.evaluate(MOUNTED) is False


@pytest.mark.parametrize("width", [412, 1280])
def test_the_page_is_painted_as_with_script_before_material_starts(real_site, open_site, width):
    page, watch, base = open_site(real_site, width=width)
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    loaded_without_interaction(page, base + ARTICLE)
    page.wait_for_timeout(3500)  # Chromium warns of a preload left unused after a few seconds
    assert console == []
    fetched = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any("/bundle." in name for name in fetched)  # at hand for the first interaction
    classes = page.evaluate("document.documentElement.className").split()
    assert "js" in classes and "no-js" not in classes
    assert page.evaluate(SHOWN_TOGGLE) == ["__palette_1"]  # one scheme button, as Material shows it
    search = ".md-search" if width > 1000 else "label.md-header__button[for=__search]"
    assert page.locator(search).first.is_visible()
    if width > 1000:  # the sidebars are laid out, not collapsed to no height
        assert page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible()
    assert watch.errors == []


@pytest.mark.parametrize("interaction", ["wheel", "key", "tap"])
def test_the_first_interaction_starts_material(real_site, open_site, interaction):
    page, watch, base = open_site(real_site, width=412, has_touch=interaction == "tap")
    loaded_without_interaction(page, base + ARTICLE)
    if interaction == "wheel":
        page.mouse.wheel(0, 1500)
    elif interaction == "key":
        page.keyboard.press("Tab")
    else:
        page.touchscreen.tap(200, 600)
    page.wait_for_function(MOUNTED, timeout=10_000)
    page.mouse.wheel(0, 1500)
    # Material's components work: the header shows the page's title once its
    # heading is scrolled away, and back to top appears when scrolling up.
    page.wait_for_selector(".md-header__title--active", timeout=10_000)
    page.mouse.wheel(0, -400)
    page.wait_for_function("!document.querySelector('.md-top').hidden", timeout=10_000)
    assert watch.errors == []


@pytest.mark.parametrize("system, scheme, toggle", [("light", "default", "__palette_1"),
                                                   ("dark", "slate", "__palette_0")])
def test_the_system_s_scheme_is_painted_before_material_starts(real_site, open_site, system, scheme, toggle):
    page, watch, base = open_site(real_site, width=412, color_scheme=system)
    loaded_without_interaction(page, base + ARTICLE)
    assert page.evaluate(SCHEME) == scheme
    assert page.evaluate(SHOWN_TOGGLE) == [toggle]
    page.mouse.wheel(0, 300)
    page.wait_for_function(MOUNTED, timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate(SCHEME) == scheme and page.evaluate(SHOWN_TOGGLE) == [toggle]  # Material agrees
    assert watch.errors == []


def test_a_scheme_chosen_before_material_starts_is_kept(real_site, open_site):
    page, watch, base = open_site(real_site, width=412, color_scheme="light")
    loaded_without_interaction(page, base + ARTICLE)
    assert page.evaluate(SCHEME) == "default"
    page.locator("label.md-header__button[for=__palette_1]").click()  # the reader's first action
    page.wait_for_function(MOUNTED, timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate(SCHEME) == "slate"  # Material, started, kept the choice
    assert page.evaluate(SHOWN_TOGGLE) == ["__palette_0"]
    page.locator("label.md-header__button[for=__palette_0]").click()  # and Material switches back
    page.wait_for_function(f"{SCHEME} === 'default'")
    page.locator("label.md-header__button[for=__palette_1]").click()
    page.wait_for_function(f"{SCHEME} === 'slate'")
    page.reload(wait_until="networkidle")
    assert page.evaluate(STARTED) is False
    assert page.evaluate(SCHEME) == "slate" and page.evaluate(SHOWN_TOGGLE) == ["__palette_0"]
    assert watch.errors == []


def test_a_search_result_s_highlight_starts_material_at_once(real_site, open_site):
    page, watch, base = open_site(real_site)
    page.goto(base + ARTICLE + "?h=騰訊", wait_until="networkidle")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=10_000)
    assert watch.errors == []


COUNTER = """
window.zhpressTestHeard = 0;
document.addEventListener("DOMContentLoaded", function () { window.zhpressTestHeard += 1; });
"""


def test_other_scripts_hear_dom_content_loaded_once(tmp_path, open_site):
    """Material is given DOMContentLoaded when it starts; the site's other
    scripts, which heard the real one, do not hear it again."""
    project = copy_project(tmp_path / "project")
    (project / "theme" / "assets" / "javascripts" / "counter.js").write_text(COUNTER, encoding="utf-8")
    edit_config(project, "extra_javascript:\n", "extra_javascript:\n  - assets/javascripts/counter.js\n")
    site = build_site(project)
    page, watch, base = open_site(site)
    loaded_without_interaction(page, base + ARTICLE)
    assert page.evaluate("window.zhpressTestHeard") == 1
    page.mouse.wheel(0, 800)
    page.wait_for_function(MOUNTED, timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.zhpressTestHeard") == 1
    assert watch.errors == []
