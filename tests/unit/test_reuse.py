"""zhpress.variants.reuse: what the first variant's render of a page hands to
the others (HTML, table of contents, anchors, title), as independent copies:
each variant converts its own table of contents and title afterwards."""
from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from zhpress.variants.reuse import RenderedPage

MARKDOWN = """# 組織變革之後 {#top}

<span id="raw-anchor"></span>

## 第一節 {#one}

### 細節 {#detail}

## 第二節 {#two}
"""


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "長文", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                      "plugins": [], "markdown_extensions": ["toc", "attr_list", "md_in_html"]})
    errors, _ = config.validate()
    assert errors == []
    return config


def make_page(config: MkDocsConfig, uri: str, markdown: str, meta: dict | None = None) -> tuple[Page, Files]:
    file = File(uri, config.docs_dir, config.site_dir, use_directory_urls=True)
    files = Files([file])
    page = Page(None, file, config)
    page.markdown, page.meta = markdown, dict(meta or {})
    return page, files


@pytest.fixture
def rendered(config):
    """The first variant's page, rendered, and what it hands on."""
    page, files = make_page(config, "zh-hant/a.md", MARKDOWN)
    page.render(config, files)
    return page, RenderedPage(page.content, page)


def outline(toc) -> list:
    return [(link.title, link.id, link.level, outline(link.children)) for link in toc]


EXPECTED = [("組織變革之後", "top", 1, [
    ("第一節", "one", 2, [("細節", "detail", 3, [])]),
    ("第二節", "two", 2, []),
])]


def test_rendered_page_keeps_html_toc_anchors_and_title(rendered):
    page, kept = rendered
    assert kept.html == page.content and "<h2" in kept.html
    assert outline(kept.toc) == outline(page.toc) == EXPECTED
    assert kept.anchors == page.present_anchor_ids
    assert {"top", "one", "detail", "two", "raw-anchor"} <= kept.anchors
    assert kept.title == page.title == "組織變革之後"


def test_rendered_page_is_a_copy_of_the_page_it_was_made_from(rendered):
    page, kept = rendered
    # zhpress/variants converts the first variant's own table of contents afterwards.
    top = page.toc.items[0]
    top.title = "组织变革之后"
    top.children[0].children[0].title = "细节"
    top.children.pop()
    page.present_anchor_ids.add("later")
    assert outline(kept.toc) == EXPECTED
    assert "later" not in kept.anchors


def test_apply_to_gives_another_variant_the_html_toc_anchors_and_title(config, rendered):
    _, kept = rendered
    other, _ = make_page(config, "zh-hans/a.md", "")  # front matter only: nothing rendered
    assert kept.apply_to(other) == kept.html
    assert isinstance(other.toc, TableOfContents)
    assert outline(other.toc) == EXPECTED
    assert other.present_anchor_ids == kept.anchors and other.present_anchor_ids is not kept.anchors
    assert other.title == "組織變革之後"  # the caller converts it to the page's script


def test_apply_to_hands_out_independent_copies(config, rendered):
    _, kept = rendered
    one, _ = make_page(config, "zh-hans/a.md", "")
    two, _ = make_page(config, "zh-hant/b.md", "")
    kept.apply_to(one)
    kept.apply_to(two)
    top = one.toc.items[0]
    top.children[1].title = "第二节"
    top.children.pop(0)
    one.present_anchor_ids.clear()
    assert outline(two.toc) == outline(kept.toc) == EXPECTED
    assert "raw-anchor" in two.present_anchor_ids and "raw-anchor" in kept.anchors


def test_apply_to_keeps_a_title_given_in_front_matter(config, rendered):
    _, kept = rendered
    other, _ = make_page(config, "zh-hans/a.md", "", meta={"title": "前言裡的標題"})
    kept.apply_to(other)
    assert other.title == "前言裡的標題"


def test_a_page_without_headings_hands_on_an_empty_toc(config):
    page, files = make_page(config, "zh-hant/plain.md", "只有一段。\n", meta={"title": "無標題"})
    page.render(config, files)
    kept = RenderedPage(page.content, page)
    other, _ = make_page(config, "zh-hans/plain.md", "", meta={"title": "无标题"})
    assert kept.apply_to(other) == "<p>只有一段。</p>"
    assert list(other.toc) == [] and other.present_anchor_ids == set()
    assert other.title == "无标题"
