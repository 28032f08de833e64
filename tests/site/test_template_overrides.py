"""A site's own template overrides show what they say, on every page: the
output made once for many pages (core.fragments) is never another page's."""
from __future__ import annotations

import re

from conftest import build_site, copy_project

ARTICLE = "---\ntitle: {title}\ndate: 2020-01-0{n}\n---\n\n## 一節\n\n內容{n}。\n"


def test_search_partial_override_that_prints_the_page_title(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    titles = {f"a{n}": f"第{n}篇文章" for n in range(1, 4)}
    for n, (slug, title) in enumerate(titles.items(), 1):
        (content / "articles" / f"{slug}.md").write_text(ARTICLE.format(title=title, n=n), encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    (project / "theme" / "partials").mkdir(parents=True, exist_ok=True)
    (project / "theme" / "partials" / "search.html").write_text(
        '<div class="probe">{{ page.title }}</div>\n', encoding="utf-8")
    site = build_site(project)
    for variant in ("zh-hant", "zh-hans"):
        for slug, title in titles.items():
            html = (site / variant / "articles" / slug / "index.html").read_text(encoding="utf-8")
            shown = re.findall(r'<div class="probe">([^<]*)</div>', html)
            # The same characters in both scripts: each page shows its own title.
            assert shown and shown == [title] * len(shown), (variant, slug, shown)
