"""zhpress.variants.navigation: the nav of mkdocs.yml pointed into a variant,
one Navigation per variant, and the page being read added to it. Real
Navigation objects, made by MkDocs' get_navigation from Files of both variants."""
from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section, get_navigation
from mkdocs.structure.pages import Page

from zhpress.core.variants import HANS, HANT, VARIANTS
from zhpress.variants.navigation import prefix_nav_config, variant_navigation, with_current_page

NAV = [
    {"首頁": "index.md"},
    {"文章": "archive/index.md"},
    {"專題": [{"標籤": "tags/index.md"}, {"關於": "about.md"}]},
    {"原始碼": "https://example.org/source"},
]
PAGES = ["index.md", "archive/index.md", "tags/index.md", "about.md", "articles/a.md"]
# A stand-in conversion, so these tests do not depend on OpenCC.
TO_HANS = {"首頁": "首页", "專題": "专题", "標籤": "标签", "關於": "关于", "原始碼": "原始码"}


def to_hans(text: str) -> str:
    return TO_HANS.get(text, text)


def make_config(tmp_path: Path, nav) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "長文", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site"), "nav": nav})
    errors, _ = config.validate()
    assert errors == []
    return config


def make_files(config: MkDocsConfig, uris: list[str]) -> Files:
    return Files([File(uri, config.docs_dir, config.site_dir, use_directory_urls=True) for uri in uris])


@pytest.fixture
def site(tmp_path):
    """(config, files, nav of the default variant) as zhpress/variants sees them in on_nav."""
    config = make_config(tmp_path, prefix_nav_config(NAV, HANT))
    files = make_files(config, [f"{v.prefix}/{uri}" for v in VARIANTS for uri in PAGES])
    return config, files, get_navigation(files, config)


# --- prefix_nav_config ------------------------------------------------------------

def test_prefix_nav_config_points_every_page_into_the_variant():
    assert prefix_nav_config(NAV, HANS) == [
        {"首頁": "zh-hans/index.md"},
        {"文章": "zh-hans/archive/index.md"},
        {"專題": [{"標籤": "zh-hans/tags/index.md"}, {"關於": "zh-hans/about.md"}]},
        {"原始碼": "https://example.org/source"},
    ]
    assert prefix_nav_config(["index.md", "about.md"], HANT) == ["zh-hant/index.md", "zh-hant/about.md"]


def test_prefix_nav_config_leaves_links_and_other_values_alone():
    nav = [{"站外": "https://example.org/"}, {"根": "/feed.xml"}, {"空": None}, 3]
    assert prefix_nav_config(nav, HANT) == nav
    assert prefix_nav_config(NAV, HANT) is not NAV and NAV[0] == {"首頁": "index.md"}  # a copy


def test_prefix_nav_config_leaves_links_of_any_scheme_alone():
    nav = [{"聯絡": "mailto:editor@example.org"}]
    assert prefix_nav_config(nav, HANT) == nav


# --- variant_navigation -------------------------------------------------------------

def titles(items) -> list:
    return [(i.title, titles(i.children)) if isinstance(i, Section) else i.title for i in items]


def test_variant_navigation_holds_the_variants_pages_with_converted_titles(site):
    _, files, nav = site
    hans = variant_navigation(nav, HANS, files, to_hans)
    assert isinstance(hans, Navigation)
    assert [p.file.src_uri for p in hans.pages] == [
        "zh-hans/index.md", "zh-hans/archive/index.md", "zh-hans/tags/index.md", "zh-hans/about.md"]
    assert all(p is files.get_file_from_path(p.file.src_uri).page for p in hans.pages)
    assert titles(hans.items) == ["首页", "文章", ("专题", ["标签", "关于"]), "原始码"]
    # The default variant's navigation is not touched.
    assert titles(nav.items) == ["首頁", "文章", ("專題", ["標籤", "關於"]), "原始碼"]
    assert [p.file.src_uri for p in nav.pages][0] == "zh-hant/index.md"


def test_variant_navigation_sections_links_and_parents(site):
    _, files, nav = site
    hans = variant_navigation(nav, HANS, files, to_hans)
    section, link = hans.items[2], hans.items[3]
    assert isinstance(section, Section) and section is not nav.items[2]
    assert all(child.parent is section for child in section.children)
    assert section.parent is None and hans.items[0].parent is None
    assert isinstance(link, Link) and link.url == "https://example.org/source" and link.parent is None


def test_variant_navigation_links_neighbours_in_nav_order(site):
    _, files, nav = site
    pages = variant_navigation(nav, HANS, files, to_hans).pages
    assert pages[0].previous_page is None and pages[-1].next_page is None
    for previous, current in zip(pages, pages[1:]):
        assert current.previous_page is previous and previous.next_page is current
    assert nav.pages[1].previous_page is nav.pages[0]  # the Traditional chain is its own


def test_variant_navigation_homepage_is_the_variants_index(site):
    _, files, nav = site
    assert variant_navigation(nav, HANS, files, to_hans).homepage.file.src_uri == "zh-hans/index.md"
    assert variant_navigation(nav, HANT, files, lambda t: t).homepage.file.src_uri == "zh-hant/index.md"


def test_variant_navigation_of_a_nav_without_index_has_no_homepage(tmp_path):
    config = make_config(tmp_path, [{"關於": "zh-hant/about.md"}])
    files = make_files(config, [f"{v.prefix}/about.md" for v in VARIANTS])
    hans = variant_navigation(get_navigation(files, config), HANS, files, to_hans)
    assert hans.homepage is None and [p.title for p in hans.pages] == ["关于"]


# --- with_current_page --------------------------------------------------------------

def test_with_current_page_returns_the_nav_itself_for_a_page_it_holds(site):
    _, files, nav = site
    assert with_current_page(nav, nav.pages[1]) is nav


def test_with_current_page_adds_the_page_being_read_and_nothing_else(site):
    _, files, nav = site
    hans = variant_navigation(nav, HANS, files, to_hans)
    article = files.get_file_from_path("zh-hans/articles/a.md").page
    assert isinstance(article, Page) and article not in hans.pages
    current = with_current_page(hans, article)
    assert current is not hans
    assert current.items == [*hans.items, article]
    assert current.pages == hans.pages  # neighbours stay those of the sections
    assert current.homepage is hans.homepage
    assert article not in hans.items and len(hans.items) == 4  # the variant's nav is kept as it was
