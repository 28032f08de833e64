"""zhpress.styles.critical: which rules a page's markup can use."""
from __future__ import annotations

from zhpress.styles.critical import CriticalCss, page_words

CSS = """
:root{--used:red;--chain:var(--used);--unused-icon:url("data:x");--other:1px}
.md-header{color:var(--chain);background:var(--md-primary-fg-color)}
.md-typeset table{border:0}
.md-typeset .admonition,.md-typeset details{margin:1em}
a:not(.absent):hover{color:blue}
[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}
[data-md-color-primary=white]{--md-primary-fg-color:#fff}
#__search{display:none}
@media screen and (min-width:76em){.md-sidebar{width:12rem}.md-tabs{display:block}}
@media print{.md-header{display:none}}
@keyframes spin{to{transform:rotate(1turn)}}
*{box-sizing:border-box}
"""

PAGE = """<html><head></head><body data-md-color-primary="white">
<header class="md-header"><input id="__search"></header>
<div class="md-sidebar"></div><article class="md-typeset"><p><a href="#">x</a></p><details></details></article>
</body></html>"""


def test_page_words_are_read_from_tags_only():
    words = page_words('<p class="a b" data-x="y">text-word</p>')
    assert {"p", "class", "a", "b", "data-x", "y"} <= words
    assert "text-word" not in words


def test_rules_are_kept_when_their_selector_can_match():
    css = CriticalCss(CSS).for_page(PAGE)
    assert ".md-header{color:var(--chain);background:var(--md-primary-fg-color)}" in css
    assert "details{margin:1em}" in css  # one selector of the list matches
    assert "a:not(.absent):hover" in css  # what :not() names is not required
    assert "#__search{display:none}" in css
    assert "*{box-sizing:border-box}" in css
    assert "@keyframes spin" in css
    assert "@media screen and (min-width:76em){.md-sidebar{width:12rem}}" in css
    assert "@media print{.md-header{display:none}}" in css
    assert "[data-md-color-primary=white]{--md-primary-fg-color:#fff}" in css


def test_rules_for_markup_the_page_lacks_are_dropped():
    css = CriticalCss(CSS).for_page(PAGE)
    assert "table" not in css  # the page has no table
    assert "admonition" not in css
    assert ".md-tabs" not in css
    assert "indigo" not in css


def test_custom_properties_are_kept_only_when_read():
    css = CriticalCss(CSS).for_page(PAGE)
    assert "--used:red" in css and "--chain:var(--used)" in css  # read through another property
    assert "--unused-icon" not in css and "--other" not in css


def test_pages_with_the_same_words_share_one_result():
    critical = CriticalCss(CSS)
    assert critical.for_page(PAGE) is critical.for_page(PAGE.replace("x</a>", "y</a>"))
