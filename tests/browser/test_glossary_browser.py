"""zhpress/glossary in headless Chromium: a term's definition on hover, on
keyboard focus and on tap, closed with Escape; axe-core finds no violation
on the article with definitions shown, in both colour schemes.

axe-core is pinned in tests/browser/package.json (install: npm ci --prefix
tests/browser); the accessibility test is skipped, saying so, without it."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO

ARTICLE = "zh-hant/articles/tang-daosheng-csig-first-year/"
AXE = [
       REPO / "node_modules" / "axe-core" / "axe.min.js"]
TERM = "button.zhpress-term[aria-describedby='zhpress-tip-gmv']"
TIP = "#zhpress-tip-gmv"


def tab_to(page, selector: str) -> None:
    """Focuses the element before `selector` in tab order, then presses Tab:
    the element gets keyboard focus the way a reader gives it."""
    page.evaluate(
        """selector => {
          const target = document.querySelector(selector);
          const all = [...document.querySelectorAll('a[href], button, input, [tabindex]')]
            .filter(el => el.tabIndex >= 0 && !el.disabled && el.offsetParent !== null);
          const at = all.indexOf(target);
          document.activeElement && document.activeElement.blur();
          if (at > 0) all[at - 1].focus(); else document.body.focus();
        }""",
        selector,
    )
    page.keyboard.press("Tab")
    assert page.evaluate("s => document.activeElement === document.querySelector(s)", selector)


def visible(page, selector: str) -> bool:
    return page.locator(selector).is_visible()


def test_hover_then_tab_show_the_definition_and_escape_hides_it(real_site, open_site, tmp_path):
    page, watch, base = open_site(real_site)
    page.goto(base + ARTICLE)
    page.wait_for_load_state("load")
    term, tip = page.locator(TERM).first, page.locator(TIP)
    assert not visible(page, TIP)
    term.scroll_into_view_if_needed()

    term.hover()
    tip.wait_for(state="visible")
    box, mark = tip.bounding_box(), term.bounding_box()
    assert box["y"] >= mark["y"] + mark["height"] - 1 or box["y"] + box["height"] <= mark["y"] + 1
    assert "平臺總交易量" in tip.inner_text() and "Gross Merchandise Volume" in tip.inner_text()
    page.screenshot(path=str(tmp_path / "hover.png"))
    # The pointer may move onto the definition without losing it (WCAG 1.4.13).
    page.mouse.move(box["x"] + 10, box["y"] + 10, steps=5)
    page.wait_for_timeout(400)
    assert visible(page, TIP)
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")

    tab_to(page, TERM)
    tip.wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "focus.png"))
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate("s => document.activeElement === document.querySelector(s)", TERM)  # focus stays

    # Hovered and focused at once: Escape still closes it.
    term.hover()
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert watch.errors == [] and watch.foreign_requests == []


def test_screen_readers_get_the_definition_with_the_term(real_site, open_site):
    page, _, base = open_site(real_site)
    page.goto(base + ARTICLE)
    snapshot = page.locator(TERM).first.evaluate(
        """el => ({role: el.type, name: el.textContent,
                  described: document.getElementById(el.getAttribute('aria-describedby')).textContent,
                  tipRole: document.getElementById(el.getAttribute('aria-describedby')).getAttribute('role')})""")
    assert snapshot["role"] == "button" and snapshot["name"] == "GMV" and snapshot["tipRole"] == "tooltip"
    assert "平臺總交易量" in snapshot["described"]


def test_a_tap_shows_the_definition_on_a_small_screen(real_site, open_site, tmp_path):
    page, watch, base = open_site(real_site, width=375, height=740, has_touch=True, is_mobile=True)
    page.goto(base + ARTICLE)
    page.wait_for_load_state("load")
    term, tip = page.locator(TERM).first, page.locator(TIP)
    term.scroll_into_view_if_needed()
    term.tap()
    tip.wait_for(state="visible")
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375  # within the screen
    page.wait_for_timeout(400)
    assert visible(page, TIP)  # a tap pins it: no hover to keep it open
    page.screenshot(path=str(tmp_path / "tap.png"))
    page.locator("h1").first.tap()  # a tap elsewhere closes it
    tip.wait_for(state="hidden")
    term.tap()
    tip.wait_for(state="visible")
    term.tap()  # a second tap on the term closes it too
    tip.wait_for(state="hidden")
    assert watch.errors == []


def axe_path() -> Path:
    for path in AXE:
        if path.exists():
            return path
    pytest.skip("axe-core is not installed: run `npm ci --prefix tests/browser` (pinned in tests/browser/package.json)")


# What the glossary writes: its marks and definitions in articles, its own pages.
OURS = ".zhpress-article__body, .zhpress-tips, .zhpress-entity-page, .zhpress-glossary, .md-content"
MARKUP = ("zhpress-term", "zhpress-entity", "zhpress-tip", "zhpress-glossary", "zhpress-mentions")


def axe_violations(page, context) -> list:
    found = page.evaluate(
        "async context => (await axe.run(context, {resultTypes: ['violations']})).violations", context)
    return [(v["id"], v["impact"], [(n["target"], n["html"][:120]) for n in v["nodes"]][:5]) for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_definitions_shown(real_site, open_site, scheme):
    """The article's text with its marks, a definition shown, every
    definition, an entity's page and the glossary page: no violation. The
    whole page is checked too, for any violation touching our markup (the
    rest of the page, header and footer, is the theme's)."""
    axe = axe_path()
    page, _, base = open_site(real_site, color_scheme=scheme)
    for path, context in ((ARTICLE, ".zhpress-article__body"),
                          ("zh-hans/articles/tang-daosheng-csig-first-year/", ".zhpress-article__body"),
                          ("zh-hant/entities/wechat/", ".md-content"),
                          ("zh-hans/glossary/", ".md-content")):
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.add_script_tag(path=str(axe))
        if "articles/" in path:
            tab_to(page, TERM)
            page.locator(TIP).wait_for(state="visible")
            page.wait_for_timeout(500)  # the header's own transitions after scrolling
            assert axe_violations(page, {"include": [[context], [TIP]]}) == [], path
            # Every definition of the page shown at once.
            assert page.evaluate("document.querySelectorAll('.zhpress-tip').length") > 20
            page.evaluate("() => document.querySelectorAll('.zhpress-tip').forEach(t => { t.hidden = false })")
            assert axe_violations(page, ".zhpress-tips") == [], path
        else:
            assert axe_violations(page, context) == [], path
        anywhere = axe_violations(page, "html")
        assert [v for v in anywhere if any(m in html for _, html in v[2] for m in MARKUP)] == [], path
