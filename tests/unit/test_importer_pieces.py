"""The pieces every generator of `zhpress import` shares: front matter
forms, file names, script detection, anchors, Markdown repairs the strict
build needs, and the plan that never overwrites a different file."""
from __future__ import annotations

import datetime as dt

import pytest

from importer_tree import project_in, run_import, write_tree
from zhpress.importer.frontmatter import read_front_matter
from zhpress.importer.links import translate_anchor
from zhpress.importer.plan import Plan, clashes, write
from zhpress.importer.script import script_of
from zhpress.importer.sources import file_slug
from zhpress.importer.syntax import (
    Body, join_spaced_destinations, keep_line_breaks, normalise_fences, uncited_footnotes,
)


def test_front_matter_forms_generators_accept():
    yaml_front = read_front_matter("---\ntitle: a\ndate: 2018-12-29 22:10\n---\n\nbody\n")
    assert yaml_front.meta == {"title": "a", "date": "2018-12-29 22:10"} and yaml_front.body_line == 5
    assert yaml_front.lines == {"title": 2, "date": 3}
    timestamp = read_front_matter("---\ndate: 2021-02-19 00:16:13\n---\n")
    assert timestamp.meta["date"] == dt.datetime(2021, 2, 19, 0, 16, 13)
    assert timestamp.written["date"] == "2021-02-19 00:16:13"  # as written, for our front matter
    toml = read_front_matter('+++\ntitle = "b"\ndate = 2020-01-01\n+++\nbody\n')
    assert toml.meta == {"title": "b", "date": dt.date(2020, 1, 1)} and toml.lines["date"] == 3
    json_front = read_front_matter('{\n  "title": "c"\n}\nbody\n')
    assert json_front.meta == {"title": "c"} and json_front.body.strip() == "body"
    tabs = read_front_matter("---\ntags:\n\t- a\n\t- b\n---\n")
    assert tabs.meta == {"tags": ["a", "b"]} and tabs.tabs
    assert read_front_matter("title: d\n---\nbody\n", headless=True).meta == {"title": "d"}
    assert read_front_matter("title: d\n---\nbody\n").meta == {}  # only Hexo reads that
    broken = read_front_matter("---\ntitle: [a\n---\n")
    assert broken.error and broken.error[0] == 2


@pytest.mark.parametrize("name, slug", [
    ("hello-world", "hello-world"), ("Tabbed Post", "tabbed-post"), ("中文標題", "中文標題"),
    ("Javascript，征服世界是可能的嗎？ ", "javascript-征服世界是可能的嗎"),
    ("AppInventor-愛無赦-（台客舞App開發心得）", "appinventor-愛無赦-台客舞app開發心得"), ("???", "post"),
])
def test_file_names_are_addresses_in_both_scripts(name, slug):
    assert file_slug(name) == slug


def test_script_of_a_post():
    assert script_of("今天为大家带来一个专为程序员设计的字体") == "hans"
    assert script_of("我剛剛準備好了這週聚會分享的投影片") == "hant"
    assert script_of("中文") is None  # nothing tells
    code = "```\n这个发现后来\n```\n"
    assert script_of(code + "我們的網站與專題，還有這個。") == "hant"  # code does not count


def test_old_heading_ids_become_ours():
    anchors = {"使用-chocolatey-安裝", "附錄", "github-上的設置"}
    assert translate_anchor("附录", anchors) == "附錄"
    assert translate_anchor("%E9%99%84%E5%BD%95", anchors) == "附錄"
    assert translate_anchor("GitHub 上的设置", anchors) == "github-上的設置"
    assert translate_anchor("使用-Chocolatey-安装", anchors) == "使用-chocolatey-安裝"
    assert translate_anchor("Start", anchors) is None


def test_fences_superfences_would_not_read():
    body = Body.of("```yml:.travis.yml\nx\n```\n\n```./mix.exs\ny\n```\n\n```python\nz\n```")
    assert normalise_fences(body) == 2
    assert body.lines[0] == '```yml title=".travis.yml"' and body.lines[4] == '``` title="./mix.exs"'
    assert body.lines[8] == "```python"


def test_addresses_with_spaces_are_written_in_one_piece():
    body = Body.of('[跳过](#GitHub 上的设置) [原图](<https://a.org/r/ASF> 速查表.png) [ok](x.md "标题")')
    assert join_spaced_destinations(body) == 2
    assert body.text == '[跳过](#GitHub%20上的设置) [原图](https://a.org/r/ASF%20速查表.png) [ok](x.md "标题")'


def test_uncited_footnotes_become_plain_lines():
    body = Body.of("正文[^1]。\n\n[^1]: 有人引用。\n[^4]: 沒人引用。")
    assert uncited_footnotes(body) == [(3, "4")]
    assert body.lines[2:] == ["[^1]: 有人引用。", "\\[4\\] 沒人引用。"]


def test_line_breaks_kept_only_inside_paragraphs():
    body = Body.of("\n".join([
        "遥念嫦娥天一方，", "不忍复视空惶惶。", "", "## 标题", "正文", "- 一项", "- 二项", "  续行", "",
        "```", "code", "more code", "```", "> 引文", "> 第二行", ">", "> 第三行", "<!--", "注释", "-->",
        "末行  ", "真末行",
    ]))
    assert keep_line_breaks(body) == 3
    assert body.lines[:2] == ["遥念嫦娥天一方，<br>", "不忍复视空惶惶。"]
    assert body.lines[3:8] == ["## 标题", "正文", "- 一项", "- 二项<br>", "  续行"]
    assert body.lines[9:13] == ["```", "code", "more code", "```"]
    assert body.lines[13:17] == ["> 引文<br>", "> 第二行", ">", "> 第三行"]
    assert body.lines[17:20] == ["<!--", "注释", "-->"]
    assert body.lines[20] == "末行  "  # already a hard break


def test_links_repaired_and_reported(tmp_path):
    post = ("---\ntitle: 連結\ndate: 2019-01-01\n---\n\n"
            "[a](www.example.org) [b]() [c](#沒有這節) [d](ㄒhttps://x.org/y) [e](../nowhere/)\n")
    source = write_tree(tmp_path / "blog", {"_config.yml": "url: https://me.example\n", "source/_posts/p.md": post})
    plan, report = run_import("hexo", source, project_in(tmp_path / "site"))
    assert ("[a](https://www.example.org) [b](#) [c](#) [d](https://x.org/y) "
            "[e](https://me.example/2019/01/01/nowhere)") in plan.texts["articles/p.md"]
    messages = [p.message for p in report.problems]
    assert any("is an address without https://" in m for m in messages)
    assert any(m.startswith("empty link target") for m in messages)
    assert any(m.startswith("anchor '#沒有這節' is not a heading") for m in messages)
    assert any("it now leads to the old site" in m for m in messages)


def test_the_plan_never_overwrites_a_different_file(tmp_path):
    docs = tmp_path / "content"
    source = tmp_path / "a.png"
    source.write_bytes(b"A")
    plan = Plan(texts={"articles/x.md": "---\ntitle: x\n---\n\nx\n"}, copies={"img/a.png": source})
    assert clashes(plan, docs) == []
    assert write(plan, docs) == (2, 0)
    assert write(plan, docs) == (0, 2)  # a re-run writes nothing
    (docs / "articles/x.md").write_text("edited by hand", encoding="utf-8")
    assert clashes(plan, docs) == ["articles/x.md"]
    assert not list(docs.rglob(".*.importing"))
