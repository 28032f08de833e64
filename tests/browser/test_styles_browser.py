"""zhpress/styles in Chromium: the first paint needs no stylesheet request,
and what it paints is what the full stylesheets paint. Each page type is
laid out twice, once with the stylesheets and once with every stylesheet
request refused (only the inline critical rules), after Material's and our
scripts have run: every element must have the same box."""
from __future__ import annotations

import pytest

from quality.pages import page_types

BOXES = """() => Array.from(document.querySelectorAll('body *')).map(e => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return [e.tagName, e.className && e.className.baseVal === undefined ? e.className : '',
          Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height),
          s.color, s.backgroundColor, s.fontSize, s.display];
})"""


def layout(page, url: str, block_stylesheets: bool):
    if block_stylesheets:
        page.route("**/*.css", lambda route: route.abort())
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(200)
    boxes = page.evaluate(BOXES)
    page.unroute("**/*.css")
    return boxes


# Each script in one scheme and width: the two share templates and rules.
@pytest.mark.parametrize("variant, scheme, width", [("zh-hant", "light", 1280), ("zh-hans", "dark", 412)])
def test_first_paint_matches_the_full_stylesheets(real_site, open_site, variant, scheme, width):
    page, _, base = open_site(real_site, width=width, color_scheme=scheme)
    differences = {}
    for name, path in page_types(real_site).items():
        if name == "root" or ("(" in name and variant not in name):
            continue
        full = layout(page, base + path, block_stylesheets=False)
        critical = layout(page, base + path, block_stylesheets=True)
        if full != critical:
            changed = [(a, b) for a, b in zip(full, critical) if a != b]
            differences[name] = (len(full), len(critical), changed[:3])
    assert differences == {}

