"""zhpress/glossary in real builds: the seed's terms defined where they are
first used and its names linked to their own pages, in both scripts; the
entity pages; the glossary page in each script's order; bad site_config
stopping the build with the last site untouched; suggestions; escaping;
pagination; the plugin with every other zhpress plugin off, and the site
without it."""
from __future__ import annotations

import html
import html.parser
import logging
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import REPO, build_site, copy_project, seed_lines
from zhpress.siteconfig import site_config_of
from zhpress.text.convert import fold_to_simplified

ARTICLE = "articles/tang-daosheng-csig-first-year/index.html"
FIXTURES = REPO / "tests" / "fixtures" / "glossary"
SITE = site_config_of(REPO)
# The lists: abbreviations and concepts are glossary terms, names are entities.
TERMS = ["CSIG", "BG", "To B", "To C", "To G", "C To B", "GMV", "CRM", "KPI", "IT",
         "產業互聯網", "智慧零售", "數字政務", "科技向善", "9·30"]
NAMES_IN_TEXT = ["騰訊", "京東", "拍拍", "廣東省政府", "數字廣東", "粵省事", "微信", "企業微信", "微信支付",
                 "微信紅包", "小程序", "微信開放平臺", "英雄聯盟"]


class Marks(html.parser.HTMLParser):
    """Text runs of a page with the mark each is in (a term's button or an
    entity's link), and every tooltip by id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, dict | None]] = []
        self.tips: dict[str, str] = {}
        self.tip_hidden: dict[str, bool] = {}
        self._mark: dict | None = None
        self._tip: str | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "zhpress-term" in classes or "zhpress-entity" in classes:
            self._mark = {"tag": tag, **attrs}
        if "zhpress-tip" in classes:
            self._tip, self._depth = attrs["id"], 0
            self.tips[self._tip] = ""
            self.tip_hidden[self._tip] = "hidden" in attrs
        elif self._tip is not None and tag not in ("br",):
            self._depth += 1

    def handle_endtag(self, tag):
        if self._mark is not None and tag == self._mark["tag"]:
            self._mark = None
        if self._tip is not None:
            if self._depth == 0:
                self._tip = None
            else:
                self._depth -= 1

    def handle_data(self, data):
        if self._tip is not None:
            self.tips[self._tip] += data
        else:
            self.runs.append((data, self._mark))


def body_of(page: str) -> str:
    start = page.index('<div class="zhpress-article__body">')
    return page[start:page.index("</article>", start)]


def parse(fragment: str) -> Marks:
    parser = Marks()
    parser.feed(fragment)
    return parser


def first_use(marks: Marks, surface: str):
    """The mark around the first place `surface` is read, or None."""
    for text, mark in marks.runs:
        if surface in text:
            return mark
    raise AssertionError(f"{surface} is not in the text")


def read(site: Path, variant: str, path: str) -> str:
    return (site / variant / path).read_text(encoding="utf-8")


def in_hans(text: str) -> str:
    return fold_to_simplified(text).replace("「", "“").replace("」", "”").replace("『", "‘").replace("』", "’")


# --- the seed --------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_every_listed_term_is_defined_where_it_is_first_used(real_site, variant):
    page = read(real_site, variant, ARTICLE)
    marks = parse(body_of(page))
    tips = parse(page[page.index('<div class="zhpress-tips">'):]).tips
    for term in TERMS:
        surface = term if variant == "zh-hant" else in_hans(term)
        mark = first_use(marks, surface)
        assert mark is not None and mark.get("aria-describedby"), f"{term}: not marked where first used"
        entry = SITE.find(term)
        assert mark["aria-describedby"] == f"zhpress-tip-{entry.id}"
        definition = tips[mark["aria-describedby"]]
        expected = entry.definition if variant == "zh-hant" else in_hans(entry.definition)
        assert expected in definition, (term, definition)
        if entry.is_term:
            assert mark["tag"] == "button" and mark["type"] == "button"
        else:  # CSIG is an organisation: its first mention links to its page and is described too
            assert mark["tag"] == "a" and mark["href"].endswith(f"entities/{entry.id}/")
    # Marks keep the text: the article reads the same with or without them.
    assert "GMV（平臺總交易量）" in re.sub(r"<[^>]+>", "", body_of(read(real_site, "zh-hant", ARTICLE)))


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_names_link_to_their_own_pages_longest_name_first(real_site, variant):
    marks = parse(body_of(read(real_site, variant, ARTICLE)))
    links = {}
    for text, mark in marks.runs:
        if mark and mark["tag"] == "a":
            links.setdefault(text, set()).add(mark["href"])
    convert = (lambda t: t) if variant == "zh-hant" else in_hans
    assert links[convert("企業微信")] == {"../../entities/wecom/"}
    assert links[convert("微信支付")] == {"../../entities/wechat-pay/"}
    assert links[convert("微信")] == {"../../entities/wechat/"}
    for name in NAMES_IN_TEXT:
        entry = SITE.entities.find(name)
        assert any(href == f"../../entities/{entry.id}/" for href in links.get(convert(name), ())), name
        assert (real_site / variant / "entities" / entry.id / "index.html").exists()
    # First mention per section only: 騰訊 appears dozens of times, linked once per section.
    sections = body_of(read(real_site, variant, ARTICLE)).count("<h2")
    linked = [text for text, mark in marks.runs if mark and mark.get("href", "").endswith("entities/tencent/")]
    assert len(linked) == sections and set(linked) == {convert("騰訊"), convert("騰訊集團")}


def standalone_wechat_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs naming 微信 itself, not only inside a longer name."""
    longer = re.compile("企業微信|微信支付|微信紅包|微信開放平[臺台]")
    return [line for line in lines if "微信" in longer.sub("", line)]


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_the_wechat_page_lists_each_paragraph_that_names_wechat(real_site, variant):
    seed = standalone_wechat_paragraphs(seed_lines())
    assert len(seed) == 3  # counted in the seed: 比如，微信擁有… / …包括微信在內… / 微信，是騰訊…
    page = read(real_site, variant, "entities/wechat/index.html")
    quoted = re.findall(r'<li><a href="([^"]+)">(.*?)</a></li>', page[page.index("zhpress-mentions"):])
    assert len(quoted) == len(seed) == 3
    article = read(real_site, variant, ARTICLE)
    wechat = "微信"
    for href, snippet in quoted:
        assert href.startswith("../../articles/tang-daosheng-csig-first-year/#p-")
        assert f"<mark>{wechat}</mark>" in snippet
        anchor = href.split("#")[1]
        paragraph = re.search(rf'<p id="{anchor}">(.*?)</p>', article).group(1)
        text = re.sub(r"<[^>]+>", "", paragraph)
        assert wechat in re.sub("企業微信|企业微信|微信支付|微信紅包|微信红包|微信開放平臺|微信开放平台", "", text)
    # Each quoted sentence is a sentence of one of the seed's paragraphs.
    for (_, snippet), line in zip(quoted, seed):
        words = html.unescape(re.sub(r"<[^>]+>", "", snippet)).strip("…")
        if variant == "zh-hant":
            assert words[:6] in line.replace(",", "，").replace("“", "「").replace("”", "」")
    assert "企業微信服務" not in page and "企业微信服务" not in page
    # The article is listed once, with its title and date.
    assert page.count("tang-daosheng-csig-first-year/\">") == 1
    assert "2019年" in page


def test_entity_pages_name_roles_related_entries_and_link_back(real_site):
    page = read(real_site, "zh-hant", "entities/tang-daosheng/index.html")
    assert "<h1>湯道生</h1>" in page and "受訪" in page and "又稱：汤道生、Dowson Tong" not in page
    assert "又稱：Dowson Tong" in page
    assert '<a href="../tencent/">騰訊</a>' in page and '<a href="../csig/">雲與智慧產業事業群</a>' in page
    hans = read(real_site, "zh-hans", "entities/tang-daosheng/index.html")
    assert "<h1>汤道生</h1>" in hans and "受访" in hans
    index = read(real_site, "zh-hant", "entities/index.html")
    assert '<a href="wechat/">微信</a>' in index and "人物" in index and "產品" in index
    assert '<a href="../glossary/">詞彙表</a>' in index


@pytest.mark.parametrize("variant, expected", [
    # Zhuyin (ㄅㄆㄇㄈ) for zh-Hant, Latin and digits first.
    ("zh-hant", ["9·30 變革", "BG", "B 端", "CRM", "C To B", "C 端", "GMV", "IT", "KPI", "To B", "To C",
                 "To G", "內部賽馬", "科技向善", "互聯網", "智慧零售", "產業互聯網", "數字政務", "掃碼購"]),
    # Pinyin for zh-Hans, Latin names among the letters.
    ("zh-hans", ["9·30 变革", "B 端", "BG", "C 端", "CRM", "C To B", "产业互联网", "GMV", "互联网", "IT",
                 "KPI", "科技向善", "内部赛马", "扫码购", "数字政务", "To B", "To C", "To G", "智慧零售"]),
])
def test_the_glossary_page_lists_every_term_in_its_scripts_order(real_site, variant, expected):
    page = read(real_site, variant, "glossary/index.html")
    assert re.findall(r"<dt id=\"[^\"]+\"><dfn>([^<]+)</dfn>", page) == expected
    groups = re.findall(r'<h2 id="group-\d+" class="zhpress-glossary__group">([^<]+)</h2>', page)
    assert groups[:2] == ["#", "B"]
    assert groups[-1] == ("ㄙ" if variant == "zh-hant" else "Z")
    # The definitions are the page's content: searchable, in the page's script.
    gmv = SITE.glossary.get("gmv").definition
    assert (gmv if variant == "zh-hant" else in_hans(gmv)) in page
    assert '<dt id="gmv"><dfn>GMV</dfn> <span class="zhpress-glossary__expansion" lang="en">' \
           'Gross Merchandise Volume</span></dt>' in page


# --- bad site_config ----------------------------------------------------------


def tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def build_error(project: Path, site: Path, caplog) -> str:
    """The error a failed build logs (MkDocs logs a plugin's error and aborts)."""
    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises((Abort, PluginError)):
        build_site(project, site)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def test_a_malformed_glossary_fails_the_build_with_its_line_and_keeps_the_last_site(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    site = build_site(project, tmp_path / "site")
    before = tree(site)
    assert "zh-hant/glossary/index.html" in before
    shutil.copy(FIXTURES / "unknown_key.glossary.yml", project / "site_config" / "glossary.yml")
    error = build_error(project, tmp_path / "site", caplog)
    assert re.search(r"site_config/glossary\.yml:8(:\d+)?: unknown key 'defintion'\. Fix: ", error), error
    assert tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging left behind


def test_an_alias_claimed_twice_fails_the_build_with_nothing_published(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "alias_claimed.glossary.yml", project / "site_config" / "glossary.yml")
    error = build_error(project, tmp_path / "site", caplog)
    assert re.search(r"site_config/glossary\.yml:8(:\d+)?: '腾讯' names both 'tencent'", error), error
    assert not (tmp_path / "site").exists()


# --- small sites ----------------------------------------------------------------


def small_project(tmp_path: Path, articles: dict[str, str], entities: str | None = None,
                  glossary: str | None = None, options: str = "") -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    for name, text in articles.items():
        (content / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    for name, text in (("entities.yml", entities), ("glossary.yml", glossary)):
        if text is not None:
            (project / "site_config" / name).write_text(text, encoding="utf-8")
    if options:
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        assert "  - zhpress/glossary\n" in config
        (project / "mkdocs.yml").write_text(config.replace("  - zhpress/glossary\n", options), encoding="utf-8")
    return project


def test_suggestions_are_reported_with_file_and_line_and_strict_builds_pass(tmp_path, caplog):
    project = small_project(tmp_path, {"a": "---\ntitle: 新詞\n---\n\n第一段。\n\n騰訊的XYZ(新平臺)與ABC。\n"})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.zhpress.glossary"):
        build_site(project)  # strict: a warning would fail it
    lines = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.zhpress.glossary"]
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == "mkdocs.plugins.zhpress.glossary")
    assert any(line.startswith("suggestion: content/articles/a.md:7: 'XYZ' is defined in the text as '新平臺'")
               for line in lines), lines
    assert any(line.startswith("suggestion: content/articles/a.md:7: 'ABC' looks like an acronym") for line in lines)


HOSTILE_ENTITIES = """organisations:
  - id: att
    name: AT&T 公司
    aliases: [ATT]
    description: 一家公司 <img src=x onerror=alert(1)> "引號" & 其他
"""
HOSTILE_GLOSSARY = """terms:
  - id: xss
    term: XSS
    expansion: <b>Cross</b> "Site" Scripting
    definition: 在頁面執行 <script>alert(1)</script> 的攻擊 & 手法
"""


def test_contributor_text_is_escaped_everywhere(tmp_path):
    project = small_project(
        tmp_path, {"a": "---\ntitle: 安全\n---\n\nAT&T 公司談 XSS 與 ATT。\n"},
        entities=HOSTILE_ENTITIES, glossary=HOSTILE_GLOSSARY)
    site = build_site(project)
    for variant in ("zh-hant", "zh-hans"):
        pages = [read(site, variant, p) for p in ("articles/a/index.html", "glossary/index.html",
                                                  "entities/index.html", "entities/att/index.html")]
        for page in pages:
            assert "<script>alert" not in page and "<img src=x" not in page and "<b>Cross" not in page
        article, glossary, index, entity = pages
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article  # in the term's popover
        assert "&lt;img src=x onerror=alert(1)&gt;" in article  # in the entity's popover
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in glossary and "&lt;b&gt;Cross&lt;/b&gt;" in glossary
        assert "&lt;img src=x onerror=alert(1)&gt;" in index and "&lt;img src=x onerror=alert(1)&gt;" in entity
        assert "<h1>AT&amp;T 公司</h1>" in entity
        assert '>AT&amp;T 公司</a>' in article


PAGED = """---
title: 第 {n} 篇
date: 2020-01-{n:02d}
---

## 一

微信在第 {n} 篇。

## 二

微信又在第 {n} 篇，企業微信也在。
"""


def test_an_entity_with_many_articles_is_paginated_newest_first(tmp_path):
    articles = {f"a{n}": PAGED.format(n=n) for n in range(1, 6)}
    project = small_project(tmp_path, articles, options="  - zhpress/glossary:\n      per_page: 2\n")
    site = build_site(project)
    pages = [read(site, "zh-hant", p) for p in ("entities/wechat/index.html", "entities/wechat/page/2/index.html",
                                                "entities/wechat/page/3/index.html")]
    assert not (site / "zh-hant" / "entities" / "wechat" / "page" / "4").exists()
    listed = [re.findall(r'<a href="[^"]*articles/(a\d)/">', page) for page in pages]
    assert listed == [["a5", "a4"], ["a3", "a2"], ["a1"]]
    assert all(page.count("<mark>微信</mark>") == 2 * len(found) for page, found in zip(pages, listed))
    assert "第 1 頁，共 3 頁" in pages[0] and 'rel="next"' in pages[0]
    assert '<ol class="zhpress-mentions" start="3">' in pages[1]
    assert "第 3 頁，共 3 頁" in pages[2] and "较旧文章" not in pages[2]
    hans = read(site, "zh-hans", "entities/wechat/page/2/index.html")
    assert "第 2 页，共 3 页" in hans
    # 企業微信 has its own page, each article once.
    assert len(re.findall(r"<mark>企業微信</mark>", read(site, "zh-hant", "entities/wecom/index.html"))) == 2


# --- the plugin among the others ------------------------------------------------


def with_plugins(project: Path, options: dict[str, str]) -> None:
    """Sets `enabled: false` (or other options) of zhpress plugins in mkdocs.yml."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for name, option in options.items():
        line = f"  - {name}\n"
        assert line in config, name
        config = config.replace(line, f"  - {name}:\n      {option}\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.base = ""

    def handle_starttag(self, tag, attrs):
        if tag == "base":
            self.base = dict(attrs).get("href") or ""
            return
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def dangling(site: Path) -> list[tuple[str, str]]:
    missing = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            path = unquote(link.split("#")[0].split("?")[0])
            if not path or "://" in link or link.startswith(("mailto:", "data:")):
                continue
            folder = page.parent / unquote(parser.base) if parser.base else page.parent
            target = (site / path.lstrip("/") if path.startswith("/") else folder / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append((str(page.relative_to(site)), link))
    return missing


def test_the_glossary_builds_with_every_other_zhpress_plugin_off(tmp_path):
    project = copy_project(tmp_path / "project")
    with_plugins(project, {p: "enabled: false" for p in
                           ("zhpress/article", "zhpress/typeset", "zhpress/variants", "zhpress/output")})
    site = build_site(project)
    article = (site / ARTICLE).read_text(encoding="utf-8")
    assert 'aria-describedby="zhpress-tip-gmv">GMV</button>' in article
    assert '<a class="zhpress-entity" href="../../entities/wecom/"' in article
    assert '<div class="zhpress-tip" id="zhpress-tip-gmv" role="tooltip" hidden>' in article
    wechat = (site / "entities" / "wechat" / "index.html").read_text(encoding="utf-8")
    assert wechat.count("<mark>微信</mark>") == 3
    assert (site / "glossary" / "index.html").exists()
    assert dangling(site) == []


def test_the_site_builds_without_the_glossary(tmp_path):
    project = copy_project(tmp_path / "project")
    with_plugins(project, {"zhpress/glossary": "enabled: false"})
    site = build_site(project)
    article = read(site, "zh-hant", ARTICLE)
    assert "zhpress-term" not in article and "zhpress-tip" not in article and "glossary.js" not in article
    assert not (site / "zh-hant" / "entities").exists() and not (site / "zh-hant" / "glossary").exists()
    assert dangling(site) == []


def test_the_real_site_has_no_dangling_glossary_links(real_site):
    assert [m for m in dangling(real_site) if "entities" in m[0] or "glossary" in m[0] or "articles" in m[0]] == []


# --- moved from tests/test_entities.py -------------------------------------------

ENTITIES = """people:
  - id: tang-daosheng
    name: 湯道生
    aliases: [汤道生, Dowson Tong]
organisations:
  - id: tencent
    name: 騰訊
    aliases: [腾讯, Tencent]
"""


def test_byline_shows_the_entity_name_in_each_script(tmp_path):
    project = small_project(
        tmp_path, {"a": "---\ntitle: 訪談\nspeaker: tang-daosheng\ninterviewer: [某記者]\n---\n\n正文。\n"},
        entities=ENTITIES, glossary="")
    site = build_site(project)
    hant = read(site, "zh-hant", "articles/a/index.html")
    hans = read(site, "zh-hans", "articles/a/index.html")
    assert ">受訪</span>湯道生<" in hant and ">受访</span>汤道生<" in hans
    assert "tang-daosheng" not in hant.split("<body")[1].split("zhpress-article__body")[0]
    assert '"author": [{"@type": "Person", "name": "湯道生"}]' in hant
    assert ">採訪</span>某記者<" in hant
    # The entity's page lists the article by its byline, though the text never names him.
    entity = read(site, "zh-hant", "entities/tang-daosheng/index.html")
    assert "articles/a/" in entity and "受訪" in entity
