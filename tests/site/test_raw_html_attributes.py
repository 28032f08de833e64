"""Raw HTML in an article, which Markdown allows and contributors write,
comes out of conversion and typesetting whole in both scripts: a `>` inside a
quoted attribute value does not end the tag, readable attributes (quoted or
not) are converted, every other attribute is kept as written.

The built pages are read with Python's HTML parser; the walker's output on
the generated fragments of tests/unit/test_text_html_property.py is read
with Chromium's, which is what readers' browsers do."""
from __future__ import annotations

import functools
import importlib.util
import json
from html.parser import HTMLParser

import pytest

from conftest import REPO, build_site, copy_project
from zhpress.text.convert import default_converter
from zhpress.text.html import READABLE_ATTRIBUTES, transform_html

TRADITIONAL_SOURCE = """---
title: 原始 HTML 的屬性
date: 2020-01-02
tags:
  - 測試
summary: 雲端與本地的縮寫。
---

## 屬性

縮寫<abbr id="q-abbr" title="雲端 > 本地">雲</abbr>在前,資料<span id="q-data" data-x="a>b" class="後">後台</span>在後。

<p id="u-title" title=後>後來的段落</p>

<p id="s-title" title='雲"端' data-note="雲>後">單引號的屬性</p>

行內程式碼<code id="code" title="雲">雲</code>與<span id="no" translate="no" title="雲">雲</span>不轉換。
"""

SIMPLIFIED_SOURCE = """---
title: 简体原文
date: 2020-01-03
script: hans
tags:
  - 测试
summary: 云端与本地。
---

## 属性

缩写<abbr id="q-abbr" title="云端 > 本地">云</abbr>在前,数据<span id="q-data" data-x="a>b">发现</span>在后。

<p id="u-title" title=后>后来的段落</p>
"""


class Elements(HTMLParser):
    """Elements with an id: tag, attributes in order, text inside; and the
    count of start and end tags of each name."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.by_id: dict[str, dict] = {}
        self.open: list[dict] = []
        self.starts: dict[str, int] = {}
        self.ends: dict[str, int] = {}
        self.text = ""  # all the text, tags left out
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.starts[tag] = self.starts.get(tag, 0) + 1
        element = {"tag": tag, "attrs": attrs, "text": ""}
        if dict(attrs).get("id"):
            self.by_id[dict(attrs)["id"]] = element
        if tag not in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            self.open.append(element)

    def handle_endtag(self, tag):
        self.ends[tag] = self.ends.get(tag, 0) + 1
        for k in range(len(self.open) - 1, -1, -1):
            if self.open[k]["tag"] == tag:
                del self.open[k:]
                break

    def handle_data(self, data):
        self.text += data
        for element in self.open:
            element["text"] += data


@pytest.fixture(scope="module")
def raw_html_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("raw-html"))
    (project / "content/articles/raw-html-attributes.md").write_text(TRADITIONAL_SOURCE, encoding="utf-8")
    (project / "content/articles/raw-html-simplified.md").write_text(SIMPLIFIED_SOURCE, encoding="utf-8")
    return build_site(project)


def page(site, variant: str, slug: str) -> tuple[str, Elements]:
    html = (site / variant / "articles" / slug / "index.html").read_text(encoding="utf-8")
    return html, Elements(html)


EXPECTED = {
    # (article, variant): {id: (tag, attributes, text)}
    ("raw-html-attributes", "zh-hant"): {
        "q-abbr": ("abbr", [("id", "q-abbr"), ("title", "雲端 > 本地")], "雲"),
        "q-data": ("span", [("id", "q-data"), ("data-x", "a>b"), ("class", "後")], "後台"),
        "u-title": ("p", [("id", "u-title"), ("title", "後")], "後來的段落"),
        "s-title": ("p", [("id", "s-title"), ("title", '雲"端'), ("data-note", "雲>後")], "單引號的屬性"),
        "code": ("code", [("id", "code"), ("title", "雲")], "雲"),
        "no": ("span", [("id", "no"), ("translate", "no"), ("title", "雲")], "雲"),
    },
    ("raw-html-attributes", "zh-hans"): {
        "q-abbr": ("abbr", [("id", "q-abbr"), ("title", "云端 > 本地")], "云"),
        "q-data": ("span", [("id", "q-data"), ("data-x", "a>b"), ("class", "後")], "后台"),
        "u-title": ("p", [("id", "u-title"), ("title", "后")], "后来的段落"),
        "s-title": ("p", [("id", "s-title"), ("title", '云"端'), ("data-note", "雲>後")], "单引号的属性"),
        "code": ("code", [("id", "code"), ("title", "雲")], "雲"),
        "no": ("span", [("id", "no"), ("translate", "no"), ("title", "雲")], "雲"),
    },
    ("raw-html-simplified", "zh-hant"): {
        "q-abbr": ("abbr", [("id", "q-abbr"), ("title", "雲端 > 本地")], "雲"),
        "q-data": ("span", [("id", "q-data"), ("data-x", "a>b")], "發現"),
        "u-title": ("p", [("id", "u-title"), ("title", "後")], "後來的段落"),
    },
    ("raw-html-simplified", "zh-hans"): {
        "q-abbr": ("abbr", [("id", "q-abbr"), ("title", "云端 > 本地")], "云"),
        "q-data": ("span", [("id", "q-data"), ("data-x", "a>b")], "发现"),
        "u-title": ("p", [("id", "u-title"), ("title", "后")], "后来的段落"),
    },
}


@pytest.mark.parametrize("article, variant", sorted(EXPECTED))
def test_raw_html_elements_are_whole_and_readable_attributes_converted(raw_html_site, article, variant):
    html, elements = page(raw_html_site, variant, article)
    for element_id, (tag, attributes, text) in EXPECTED[(article, variant)].items():
        found = elements.by_id[element_id]
        assert (found["tag"], found["attrs"], found["text"]) == (tag, attributes, text), element_id
    # No tag was cut short and escaped into the text (`title="雲端 > 本地"&gt;雲`).
    assert elements.starts["abbr"] == elements.ends["abbr"]
    assert "&gt;云</abbr>" not in html and "&gt;雲</abbr>" not in html
    assert 'data-x="a>b"' in html


def test_typesetting_ran_around_the_raw_html(raw_html_site):
    for variant, expected in (("zh-hant", "縮寫雲在前，資料後台在後。"), ("zh-hans", "缩写云在前，资料后台在后。")):
        _, elements = page(raw_html_site, variant, "raw-html-attributes")
        # The comma sees 前 across the inline tags around it.
        assert expected in elements.text


# The walker's output as Chromium reads it -------------------------------------

@functools.lru_cache(maxsize=None)
def _generated_fragments():
    path = REPO / "tests/unit/test_text_html_property.py"
    spec = importlib.util.spec_from_file_location("generated_fragments", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


READ_TREES = """fragments => fragments.map(html => {
  const template = document.createElement('template');
  template.innerHTML = html;
  const read = node => node.nodeType === 1
    ? [node.localName, [...node.attributes].map(a => [a.name, a.value]),
       [...(node.localName === 'template' && node.content || node).childNodes].map(read)]
    : node.nodeType === 3 ? node.data : ['#' + node.nodeType, node.data];
  return [...template.content.childNodes].map(read);
})"""

SKIP = {"code", "pre", "kbd", "samp", "var", "script", "style", "math", "svg", "textarea", "template"}


def _compare(old, new, fn, skipped, where: list) -> None:
    """Browser trees `old` and `new` are one tree with text and readable
    attribute values as `fn` made them (or as written). `skipped` is None
    for malformed fragments: where a browser's tree construction moves text
    in or out of a skipped element (an unclosed <p> in <samp> makes it ignore
    `</samp>`), the walker may convert it or not, but never touches markup."""
    assert type(old) is type(new), where
    if isinstance(old, str):  # a text node
        if skipped:
            assert new == old, where
        else:
            assert new in (old, fn(old)) or _pieced(old, new, fn), where
        return
    assert len(old) == len(new), where
    if old[0].startswith("#"):  # comment and the like
        assert old == new, where
        return
    (name, attributes, children), (new_name, new_attributes, new_children) = old, new
    assert name == new_name and len(children) == len(new_children), where
    marked = skipped is not None and (skipped or name in SKIP or any(
        k == "data-zhpress-skip" or (k == "translate" and v.lower() == "no") for k, v in attributes))
    assert [k for k, _ in attributes] == [k for k, _ in new_attributes], where
    for (key, value), (_, new_value) in zip(attributes, new_attributes):
        if key in READABLE_ATTRIBUTES and not marked:
            assert new_value in (value, fn(value)), where + [key]
        else:
            assert new_value == value, where + [key]
    for index, (child, new_child) in enumerate(zip(children, new_children)):
        _compare(child, new_child, fn, None if skipped is None else marked, where + [name, index])


def _pieced(old: str, new: str, fn) -> bool:
    # A browser's text node may join runs the walker kept apart (around `</>`, a
    # bogus comment Chromium drops...): each run made by fn or as written.
    return _generated_fragments().pieced(old, new, fn, range(len(old) + 1))


def test_chromium_reads_the_same_markup_after_conversion(browser):
    generated = _generated_fragments()
    converter = default_converter()

    def t2s(text, before="", after=""):
        return converter.convert(text, "hans")

    sources = [html for _, html in generated.CASES]
    outputs = [transform_html(html, t2s, context=False) for html in sources]
    page_ = browser.new_page()
    try:
        page_.set_content("<!doctype html><title>fragments</title>")
        old_trees = page_.evaluate(READ_TREES, sources)
        new_trees = page_.evaluate(READ_TREES, outputs)
    finally:
        page_.close()
    changed = 0
    for (seed, source), output, old, new in zip(generated.CASES, outputs, old_trees, new_trees):
        where = [f"seed {seed}", json.dumps(source, ensure_ascii=False)]
        assert len(old) == len(new), where
        well_formed = seed < 100_000
        for index, (a, b) in enumerate(zip(old, new)):
            _compare(a, b, t2s, False if well_formed else None, where + [index])
        changed += output != source
    assert len(sources) >= 2000 and changed > len(sources) / 2
