"""zhpress/styles on the real site: no HTML page requests a stylesheet; each
carries the rules its markup and the site's scripts can use, and no others."""
from __future__ import annotations

import re

from conftest import build_site, copy_project, edit_config

STYLESHEET = re.compile(r"<link [^>]*rel=\"stylesheet\"[^>]*>")
ARTICLE = "zh-hant/articles/tang-daosheng-csig-first-year/index.html"


def head(path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[:text.index("</head>")]


def test_no_html_page_requests_a_stylesheet(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = head(page)
        assert STYLESHEET.findall(text) == [], page
        assert text.count("<style>") == 1, page


def test_the_article_carries_the_rules_it_can_use_and_not_the_others(real_site):
    style = re.search(r"<style>(.*?)</style>", head(real_site / ARTICLE), re.S).group(1)
    assert ".md-header{" in style and ".md-typeset" in style
    assert "[data-md-color-scheme=slate]" in style  # the dark scheme paints first too
    assert ".md-search-result__item" in style  # added by the search script, not in the markup
    assert ".zhpress-tip" in style
    assert ".admonition" not in style  # no admonition on the page, none made by a script
    assert "[data-md-color-primary=indigo]" not in style  # not the configured palette
    assert "--md-clipboard-icon" not in style  # a property no kept rule reads
    assert 40_000 < len(style) < 120_000


def test_disabled_the_theme_links_its_stylesheets_as_it_does(tmp_path):
    project = copy_project(tmp_path)
    edit_config(project, "  - zhpress/styles\n", "  - zhpress/styles:\n      enabled: false\n")
    site = build_site(project)
    text = head(site / ARTICLE)
    assert "<style>" not in text
    assert any("main." in link for link in STYLESHEET.findall(text))


LATE_HOOK = '''
from mkdocs.plugins import event_priority

@event_priority(-100)
def on_post_page(output, page, config):
    """Another plugin's last word on the page, after zhpress/styles noted it."""
    return output.replace("</body>", "<!-- late hook --></body>")
'''


def test_pages_are_finished_as_written_with_every_plugin_s_changes(tmp_path):
    """The second process inlines the page MkDocs wrote, so a hook that runs
    after zhpress/styles keeps its change, and every page still gets its
    rules (none is overwritten by an earlier version)."""
    project = copy_project(tmp_path)
    (project / "late_hook.py").write_text(LATE_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - late_hook.py\n", encoding="utf-8")
    site = build_site(project)
    pages = [page for page in sorted(site.rglob("*.html")) if page.parent != site and page.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert STYLESHEET.findall(head(page)) == [], page
        assert "<!-- late hook -->" in text[text.index("</head>"):], page


def test_in_the_build_s_own_process_the_site_is_byte_identical(real_site, tmp_path):
    project = copy_project(tmp_path)
    edit_config(project, "  - zhpress/styles\n", "  - zhpress/styles:\n      parallel: false\n")
    site = build_site(project)
    files = sorted(path.relative_to(real_site) for path in real_site.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(site) for path in site.rglob("*") if path.is_file())
    different = [str(path) for path in files if (site / path).read_bytes() != (real_site / path).read_bytes()]
    assert different == []
