"""A test per config option of zhpress's plugins (article, typeset, variants,
output): each option changed in a small real build, and its visible effect in
the output; plus the documented defaults, loaded from the real mkdocs.yml.
(Options of zhpress/search, glossary and check are tested with those plugins.)

Four small builds of three short articles serve every test: the defaults,
every option changed at once (options whose effects do not interfere), and
two builds with plugins disabled. Only these four plugins are built: no
option here concerns the others, and Material's search is most of a small
build's time.
"""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.utils import yaml_load

from conftest import REPO, build_site, copy_project

ZHPRESS = ("zhpress/article", "zhpress/typeset", "zhpress/variants", "zhpress/output")

INDEX = "# 你好\n\n这里是腾讯。\n"  # no `script:`: written in the configured source_script
ARTICLES = {
    # Traditional: typography, quotes, a phrase override, a mechanical 云 for 雲.
    "a1": (
        "---\ntitle: 第一篇\nscript: hant\nspeaker: tang-daosheng\ndate: 2019-03-01\n"
        "tags: [騰訊, 訪談]\nsummary: 摘要一。\n---\n\n"
        "## 開頭\n\n你好,世界。“騰訊”與「騰訊」。你好 世界。甲乙丙。騰訊云。編輯器折行的\n第二行。\n"
    ),
    # Simplified: 这里 is 這裡 in Taiwan's standard, 這裏 in Hong Kong's.
    "a2": "---\ntitle: 第二篇\nscript: hans\ndate: 2019-02-01\ntags: [腾讯]\n---\n\n这里是腾讯。\n",
    # Latin words only: its reading time depends on words_per_minute alone.
    "a3": "---\ntitle: 第三篇\ndate: 2019-01-01\n---\n\nalpha beta gamma delta.\n",
}
PHRASES = "phrases:\n  - hant: 甲乙丙\n    hans: 丁戊己\n"  # no OpenCC conversion gives these
PEOPLE = "people:\n  - id: tang-daosheng\n    name: 湯先生\n"

CHANGED = {
    "zhpress/article": {
        "articles_dir": "essays", "per_page": 2, "archive_dir": "all", "entities": "data/people.yml",
        "tags_dir": "topics", "cjk_per_minute": 2, "words_per_minute": 1, "feed_items": 2,
        "feed_full_text": False,
    },
    # curly_quotes and drop_cjk_spaces stay on here: each option acts alone.
    "zhpress/typeset": {"punctuation": False, "corner_quotes": False},
    "zhpress/variants": {
        "source_script": "hans", "mechanical_conversion": True, "traditional": "hk",
        "default": "hans", "overrides": "data/phrases.yml",
    },
    "zhpress/output": {"staged": False},
}
ARTICLE_AND_OUTPUT_OFF = {
    "zhpress/article": {"enabled": False},
    "zhpress/output": {"enabled": False},
    "zhpress/typeset": {"curly_quotes": False, "drop_cjk_spaces": False, "join_cjk_lines": False},
}
VARIANTS_AND_TYPESET_OFF = {"zhpress/variants": {"enabled": False}, "zhpress/typeset": {"enabled": False}}


def plugins_with(options: dict[str, dict]) -> list:
    """The four plugins of the real mkdocs.yml these tests cover, as
    configured there, with `options` set."""
    real = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    plugins = []
    for entry in real:
        name, given = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name in ZHPRESS:
            plugins.append({name: dict(given or {}, **options.get(name, {}))})
    assert sorted(next(iter(p)) for p in plugins) == sorted(ZHPRESS)
    return plugins


def make_project(root: Path, articles_dir: str = "articles") -> Path:
    content = root / "content"
    (content / articles_dir).mkdir(parents=True)
    (content / "index.md").write_text(INDEX, encoding="utf-8")
    for slug, text in ARTICLES.items():
        (content / articles_dir / f"{slug}.md").write_text(text, encoding="utf-8")
    if articles_dir != "articles":  # a page in the default folder that is no article now
        (content / "articles").mkdir()
        (content / "articles" / "plain.md").write_text("# 普通頁\n\n正文。\n", encoding="utf-8")
    project = copy_project(root / "project", content)
    (project / "data").mkdir()
    (project / "data" / "phrases.yml").write_text(PHRASES, encoding="utf-8")
    (project / "data" / "people.yml").write_text(PEOPLE, encoding="utf-8")
    return project


def build(root: Path, options: dict, articles_dir: str = "articles") -> Path:
    project = make_project(root, articles_dir)
    build_site(project, plugins=plugins_with(options))
    return project


@pytest.fixture(scope="module")
def default(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("default"), {}) / "site"


@pytest.fixture(scope="module")
def default_project(default) -> Path:
    return default.parent


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("changed"), CHANGED, articles_dir="essays") / "site"


@pytest.fixture(scope="module")
def article_off(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("article_off"), ARTICLE_AND_OUTPUT_OFF) / "site"


@pytest.fixture(scope="module")
def variants_off(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("variants_off"), VARIANTS_AND_TYPESET_OFF) / "site"


# --- reading the output --------------------------------------------------------

def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def body(html: str) -> str:
    """The rendered Markdown of a page (an article's body, else Material's content)."""
    found = re.search(r'<div class="zhpress-article__body">(.*?)\n  </div>', html, re.S)
    if found is None:
        found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    return found.group(1)


def byline(html: str) -> str:
    return re.search(r'<p class="zhpress-byline">(.*?)</p>', html, re.S).group(1)


def reading(html: str) -> tuple[int, int]:
    """(minutes, length in 字) of the byline's 「約 N 分鐘 · M 字」."""
    found = re.search(r'zhpress-byline__reading">\D*(\d+) 分[鐘钟] · ([\d,]+) 字<', html)
    return int(found.group(1)), int(found.group(2).replace(",", ""))


def entries(html: str) -> list[str]:
    """Links of the articles a list page shows, in order."""
    return re.findall(r'<h2 class="zhpress-entry__title"><a href="([^"]+)">', html)


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def nav_titles(html: str) -> list[str]:
    return [t.strip() for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', html, re.S)]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- documented defaults ---------------------------------------------------------

def test_default_config_of_each_plugin_is_exactly_as_documented():
    config = load_config(str(REPO / "mkdocs.yml"))
    expected = {
        "zhpress/article": {
            "enabled": True, "articles_dir": "articles", "per_page": 20, "archive_dir": "archive",
            "entities": "site_config/entities.yml", "tags_dir": "tags", "cjk_per_minute": 400,
            "words_per_minute": 200, "feed_items": 50, "feed_full_text": True, "timezone": "UTC",
        },
        "zhpress/typeset": {
            "enabled": True, "punctuation": True, "corner_quotes": True, "curly_quotes": True,
            "drop_cjk_spaces": True, "join_cjk_lines": True,
        },
        "zhpress/variants": {
            "enabled": True, "source_script": "hant", "mechanical_conversion": False, "traditional": "tw",
            "default": "hant", "overrides": "site_config/variants.yml", "parallel": True,
        },
        "zhpress/output": {"enabled": True, "staged": True},
    }
    assert {name: dict(config.plugins[name].config) for name in ZHPRESS} == expected


# --- zhpress/article ---------------------------------------------------------------

def test_article_enabled_false_publishes_no_article_pages_lists_or_feeds(default, article_off):
    assert "zhpress-byline" in page(default, "zh-hant/articles/a1")
    assert (default / "zh-hant" / "archive" / "index.html").exists()
    for variant in ("zh-hant", "zh-hans"):
        html = page(article_off, f"{variant}/articles/a1")
        assert "zhpress-article" not in html and "zhpress-byline" not in html
        assert "你好，世界" in html  # still built, typeset and converted
        for name in ("archive", "tags", "feed.xml", "atom.xml", "feed.json"):
            assert not (article_off / variant / name).exists(), name
    for file in html_files(article_off):
        text = file.read_text(encoding="utf-8")
        assert "application/rss+xml" not in text and "feed.json" not in text, file


def test_article_articles_dir_decides_which_pages_are_articles(default, changed):
    assert entries(page(default, "zh-hant")) == ["articles/a1/", "articles/a2/", "articles/a3/"]
    assert entries(page(changed, "zh-hant")) == ["essays/a1/", "essays/a2/"]
    assert "zhpress-byline" in page(changed, "zh-hant/essays/a3")
    plain = page(changed, "zh-hant/articles/plain")
    assert "zhpress-byline" not in plain and "zhpress-article" not in plain
    listed = [link for n in ("all", "all/page/2") for link in entries(page(changed, f"zh-hant/{n}"))]
    assert listed == ["../essays/a1/", "../essays/a2/", "../../../essays/a3/"]


def test_article_per_page_paginates_home_archive_and_tags(default, changed):
    assert entries(page(default, "zh-hant/archive")) == ["../articles/a1/", "../articles/a2/", "../articles/a3/"]
    assert not (default / "zh-hant" / "archive" / "page").exists()
    assert len(entries(page(changed, "zh-hant"))) == 2  # the home page shows one page of them
    first, second = page(changed, "zh-hans/all"), page(changed, "zh-hans/all/page/2")
    assert len(entries(first)) == 2 and len(entries(second)) == 1
    assert not (changed / "zh-hans" / "all" / "page" / "3").exists()
    assert 'class="zhpress-pager__next" href="page/2/" rel="next"' in first
    assert 'class="zhpress-pager__previous" href="../../" rel="prev"' in second
    assert "第 2 页，共 2 页" in second  # in the page's script
    assert len(entries(page(changed, "zh-hant/topics/騰訊"))) == 2


def test_article_archive_dir_moves_the_archive(default, changed):
    assert 'href="archive/"' in page(default, "zh-hant")
    for variant in ("zh-hant", "zh-hans"):
        assert (changed / variant / "all" / "index.html").exists()
        assert not (changed / variant / "archive").exists()
        assert re.search(r'<p class="zhpress-more"><a href="all/">', page(changed, variant))


def test_article_entities_file_names_the_byline(default, changed):
    assert "湯道生" in byline(page(default, "zh-hant/articles/a1"))
    assert "汤道生" in byline(page(default, "zh-hans/articles/a1"))
    hant, hans = byline(page(changed, "zh-hant/essays/a1")), byline(page(changed, "zh-hans/essays/a1"))
    assert "湯先生" in hant and "汤先生" in hans
    assert "道生" not in hant + hans and "tang-daosheng" not in hant + hans


def test_article_tags_dir_moves_tag_pages_and_tag_links(default, changed):
    assert (default / "zh-hant" / "tags" / "騰訊" / "index.html").exists()
    for variant in ("zh-hant", "zh-hans"):
        assert not (changed / variant / "tags").exists()
        index = page(changed, f"{variant}/topics")
        assert 'href="騰訊/"' in index or 'href="%E9%A8%B0%E8%A8%8A/"' in index
        assert (changed / variant / "topics" / "訪談" / "index.html").exists()
        assert 'href="../../topics/%E9%A8%B0%E8%A8%8A/" rel="tag"' in page(changed, f"{variant}/essays/a1")


def test_article_cjk_per_minute_sets_the_reading_time_of_chinese(default, changed):
    minutes, length = reading(page(default, "zh-hant/articles/a1"))
    assert minutes == 1 and length > 10  # CJK characters only
    assert reading(page(changed, "zh-hant/essays/a1")) == (-(-length // 2), length)  # 2 a minute
    assert reading(page(changed, "zh-hans/essays/a1")) == (-(-length // 2), length)


def test_article_words_per_minute_sets_the_reading_time_of_latin(default, changed):
    assert reading(page(default, "zh-hant/articles/a3")) == (1, 4)  # four Latin words
    assert reading(page(changed, "zh-hant/essays/a3")) == (4, 4)  # 1 a minute


def feed_items(site: Path, variant: str) -> tuple[list, list, list]:
    rss = ET.parse(site / variant / "feed.xml").getroot().findall("channel/item")
    atom = ET.parse(site / variant / "atom.xml").getroot().findall("{http://www.w3.org/2005/Atom}entry")
    items = json.loads((site / variant / "feed.json").read_text(encoding="utf-8"))["items"]
    return rss, atom, items


def test_article_feed_items_keeps_the_newest(default, changed):
    rss, atom, items = feed_items(default, "zh-hant")
    assert len(rss) == len(atom) == len(items) == 3
    for variant in ("zh-hant", "zh-hans"):
        rss, atom, items = feed_items(changed, variant)
        assert [i.findtext("title") for i in rss] == ["第一篇", "第二篇"]
        assert len(atom) == 2
        assert [i["url"].rsplit("/", 2)[-2] for i in items] == ["a1", "a2"]


CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def test_article_feed_full_text_false_leaves_out_the_body(default, changed):
    rss, atom, items = feed_items(default, "zh-hans")
    assert "你好，世界" in rss[0].findtext(CONTENT)
    assert atom[0].find("{http://www.w3.org/2005/Atom}content") is not None
    assert "content_html" in items[0]
    rss, atom, items = feed_items(changed, "zh-hans")
    assert all(i.find(CONTENT) is None for i in rss)
    assert all(e.find("{http://www.w3.org/2005/Atom}content") is None for e in atom)
    assert not any("content_html" in i for i in items)
    assert rss[0].findtext("description") == "摘要一。"  # the summary stands in


# --- zhpress/typeset ----------------------------------------------------------------

def test_typeset_enabled_false_leaves_the_text_as_written(default, variants_off):
    assert "你好，世界。「騰訊」與「騰訊」。你好世界。" in body(page(default, "zh-hant/articles/a1"))
    assert "你好,世界。“騰訊”與「騰訊」。你好 世界。" in body(page(variants_off, "articles/a1"))


def test_typeset_punctuation_false_keeps_halfwidth_marks(default, changed):
    for variant in ("zh-hant", "zh-hans"):
        assert "你好，世界" in body(page(default, f"{variant}/articles/a1"))
        text = body(page(changed, f"{variant}/essays/a1"))
        assert "你好,世界" in text and "，" not in text
        assert "你好世界" in text  # spaces are still dropped


def test_typeset_corner_quotes_false_keeps_curly_quotes_in_traditional(default, changed):
    assert "「騰訊」與「騰訊」" in body(page(default, "zh-hant/articles/a1"))
    assert "“騰訊”與「騰訊」" in body(page(changed, "zh-hant/essays/a1"))
    assert "“腾讯”与“腾讯”" in body(page(changed, "zh-hans/essays/a1"))  # curly_quotes still on


def test_typeset_curly_quotes_false_keeps_corner_quotes_in_simplified(default, article_off):
    assert "“腾讯”与“腾讯”" in body(page(default, "zh-hans/articles/a1"))
    assert "“腾讯”与「腾讯」" in body(page(article_off, "zh-hans/articles/a1"))
    assert "「騰訊」與「騰訊」" in body(page(article_off, "zh-hant/articles/a1"))  # corner_quotes still on


def test_typeset_drop_cjk_spaces_false_keeps_spaces_between_cjk(default, article_off):
    for variant in ("zh-hant", "zh-hans"):
        assert "你好世界" in body(page(default, f"{variant}/articles/a1"))
        text = body(page(article_off, f"{variant}/articles/a1"))
        assert "你好 世界" in text and "你好，世界" in text  # punctuation still on


def test_typeset_join_cjk_lines_false_keeps_soft_line_breaks(default, article_off):
    for variant in ("zh-hant", "zh-hans"):
        assert "折行的第二行" in body(page(default, f"{variant}/articles/a1"))
        assert "折行的\n第二行" in body(page(article_off, f"{variant}/articles/a1"))


# --- zhpress/variants -----------------------------------------------------------------

def test_variants_enabled_false_publishes_one_site_at_the_root(default, variants_off):
    assert (default / "zh-hans" / "articles" / "a1" / "index.html").exists()
    assert not (variants_off / "zh-hant").exists() and not (variants_off / "zh-hans").exists()
    assert "zhpress-byline" in page(variants_off, "articles/a1")
    home = (variants_off / "index.html").read_text(encoding="utf-8")
    assert entries(home) == ["articles/a1/", "articles/a2/", "articles/a3/"]  # the home page itself
    assert "location.replace" not in home
    for name in ("feed.xml", "atom.xml", "feed.json"):
        assert (variants_off / name).exists()
    for file in html_files(variants_off):
        text = file.read_text(encoding="utf-8")
        assert "zh-hans" not in text and "zhpress-switch__link" not in text, file


def test_variants_source_script_decides_how_unmarked_sources_are_read(default, changed):
    # Taken as Traditional, the Simplified text is published as written (but
    # for 騰訊, an entity of site_config: names are written as their entry
    # says); taken as Simplified, the Traditional site gets it converted.
    assert "这里是騰訊" in body(page(default, "zh-hant"))
    assert "这里是腾讯" in body(page(default, "zh-hans"))
    assert "這裏是騰訊" in body(page(changed, "zh-hant"))
    assert "这里是腾讯" in body(page(changed, "zh-hans"))


def test_variants_source_script_hans_keeps_interface_strings_in_each_script(default, changed):
    assert "标签：腾讯" in title(page(default, "zh-hans/tags/騰訊"))
    assert "标签" in title(page(changed, "zh-hans/topics"))
    assert "（第 2 页）" in title(page(changed, "zh-hans/all/page/2"))
    assert "首页" in nav_titles(page(default, "zh-hans"))
    assert "首页" in nav_titles(page(changed, "zh-hans"))


def test_variants_mechanical_conversion_repairs_traditional_sources(default, changed):
    assert "騰訊云" in body(page(default, "zh-hant/articles/a1"))
    assert "騰訊雲" in body(page(changed, "zh-hant/essays/a1"))
    assert "腾讯云" in body(page(changed, "zh-hans/essays/a1"))


def test_variants_traditional_picks_the_traditional_standard(default, changed):
    assert "這裡是騰訊" in body(page(default, "zh-hant/articles/a2"))
    assert "這裏是騰訊" in body(page(changed, "zh-hant/essays/a2"))
    assert "这里是腾讯" in body(page(changed, "zh-hans/essays/a2"))


def root_default(site: Path) -> str:
    script = (site / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r',d=("[^"]*")', script).group(1))


def test_variants_default_is_the_root_pages_fallback(default, changed):
    assert root_default(default) == "zh-hant"
    assert root_default(changed) == "zh-hans"
    assert 'href="/zh-hans/topics/"' in (changed / "404.html").read_text(encoding="utf-8")


def test_variants_default_is_what_pages_outside_the_variants_link(changed):
    html = (changed / "404.html").read_text(encoding="utf-8")
    feeds = re.findall(r'<link rel="alternate" type="application/[a-z+]+" [^>]*href="([^"]+)"', html)
    assert len(feeds) == 3 and all(f.startswith("/zh-hans/") for f in feeds)


def test_variants_overrides_file_is_read_in_both_directions(default, changed):
    assert "甲乙丙" in body(page(default, "zh-hans/articles/a1"))
    assert "丁戊己" in body(page(changed, "zh-hans/essays/a1"))
    assert "甲乙丙" in body(page(changed, "zh-hant/essays/a1"))


# --- zhpress/output -------------------------------------------------------------------

def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("output, staged", [
    ({}, True),
    ({"staged": False}, False),
    ({"enabled": False}, False),
], ids=["default", "staged_false", "enabled_false"])
def test_output_staged_and_enabled_decide_whether_a_failed_build_touches_the_site(
        default_project, tmp_path, output, staged):
    project = tmp_path / "project"
    shutil.copytree(default_project, project)
    before = snapshot(project / "site")
    (project / "content" / "broken.md").write_text("# 壞\n\n[壞連結](missing.md)\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, plugins=plugins_with({"zhpress/output": output}))
    assert not (project / ".site.building").exists()
    if staged:
        assert snapshot(project / "site") == before
    else:  # built in place: the failed build's pages are there
        assert (project / "site" / "zh-hant" / "broken" / "index.html").exists()
