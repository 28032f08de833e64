"""The pieces of zhpress/check on their own (pure, fast), and the tag pages
zhpress/article makes with core.tags: C++ and C# do not share a page, a tag
of punctuation only gets one."""
from __future__ import annotations

import json
from html import unescape

import markdown
import pytest

from conftest import REPO, build_site, copy_project
from zhpress.check.escape import escape_search_index
from zhpress.text.markdown_scan import scan
from zhpress.check.sanitize import sanitize_html
from zhpress.core.tags import tag_slug
from zhpress.text.slug import slugify

# --- anchors: the scanner finds the ids Python-Markdown's toc gives ------------------------

HEADINGS = """# 組織變革之後

## HTML 的 `<details>` 元素

## 一樣的標題

## 一樣的標題

### 帶 [連結](x.md) 與 **粗體** 的 *標題*

## 自訂 {#custom-id}

## 騰訊雲 & 產業互聯網：9·30 之後？

Setext 標題
-----------

## <img src=x onerror=alert(1)> 原始 HTML

## 雲與云 CSIG (To B)
"""


def test_heading_anchors_match_python_markdown():
    md = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": {"slugify": slugify}})
    md.convert(HEADINGS)
    real = set()

    def walk(tokens):
        for token in tokens:
            real.add(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)
    assert scan(HEADINGS).anchors(slugify) == real


def test_links_images_and_prose_have_their_columns():
    text = "見[文章](a.md#x)與![圖](p.png \"t\")，<a href=\"b.md\">b</a> `[不是](c.md)`\n\n[r]: <d.md>\n"
    found = scan(text, first_line=5)
    first = text.split("\n")[0]
    column = {dest: first.index(dest) + 1 for dest in ("a.md#x", "p.png", "b.md")}
    assert [(l.line, l.column, l.dest, l.image) for l in found.links] == [
        (5, column["b.md"], "b.md", False), (5, column["a.md#x"], "a.md#x", False),
        (5, column["p.png"], "p.png", True), (7, 7, "d.md", False)]
    prose = "".join(piece.text for piece in found.prose[0])
    assert "c.md" not in prose and "a.md" not in prose and "文章" in prose


def test_code_is_never_prose():
    found = scan("```\nx,y\n```\n\n    縮排,程式碼\n\n正文,有`行內,程式碼`\n")
    texts = [piece.text for pieces in found.prose for piece in pieces]
    assert texts == ["正文,有"]


# --- the safe raw-HTML policy ------------------------------------------------------------------

@pytest.mark.parametrize("dirty, clean", [
    ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    ("<img src=x onerror=alert(1)>", '<img src="x">'),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "<a>x</a>"),
    ('<a href=" JAVASCRIPT:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="vbscript:x">x</a>', "<a>x</a>"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img>"),
    ('<img src="data:image/png;base64,iVBORw0KGgo=">', '<img src="data:image/png;base64,iVBORw0KGgo=">'),
    ("<svg onload=alert(1)>hi</svg>", "hi"),
    ('<iframe src="https://example.org"></iframe>', ""),
    ("<style>p{}</style><p>x</p>", "<p>x</p>"),
    ("<div>a</div></div></article><p>b", "<div>a</div><p>b</p>"),
    ('<p style="text-align: center;">c</p>', '<p style="text-align: center;">c</p>'),
    ('<p style="background:url(javascript:x)">c</p>', "<p>c</p>"),
    ('<p onclick="x" class="a" data-x="1" aria-label="l">t</p>', '<p class="a" data-x="1" aria-label="l">t</p>'),
    ("<!-- <script>alert(1)</script> -->ok", "ok"),
    ('<p id="__config">{"search": "data:,x"}</p>', '<p>{"search": "data:,x"}</p>'),
    ('<a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a>',
     '<a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a>'),
    ("&lt;script&gt; &amp; &para;", "&lt;script&gt; &amp; ¶"),
    ('<a href="https://example.org/?a=1&b=2" title="&quot;>">x</a>',
     '<a href="https://example.org/?a=1&amp;b=2" title="&quot;&gt;">x</a>'),
    ('<a href="#fn:1">1</a><a href="../x/">x</a><a href="mailto:a@b.c">m</a>',
     '<a href="#fn:1">1</a><a href="../x/">x</a><a href="mailto:a@b.c">m</a>'),
])
def test_sanitize(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_sanitize_keeps_what_markdown_and_its_extensions_make():
    md = markdown.Markdown(extensions=["footnotes", "tables", "admonition", "attr_list", "toc", "abbr",
                                       "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight"],
                           extension_configs={"toc": {"permalink": True}})
    html = md.convert("# 標題\n\n文字[^1]\n\n| a | b |\n|:-:|--|\n| 1 | 2 |\n\n!!! note \"注意\"\n    內容\n\n"
                      "??? tip\n    摺疊\n\n```python\nx = 1\n```\n\n*[HTML]: Hyper Text\n\nHTML\n\n[^1]: 註。\n")
    # The same elements, attributes and text (entities may be written differently).
    assert unescape(sanitize_html(html)) == unescape(html.replace(" />", ">"))


# --- tags ----------------------------------------------------------------------------------------

def test_tags_that_differ_get_their_own_folder():
    slugs = [tag_slug(t) for t in ("C", "C++", "C#", "R&D", "RD", "？？", "!!")]
    assert len(set(slugs)) == len(slugs) and all(slugs)
    assert tag_slug("雲計算") == tag_slug("云计算") == tag_slug(" 雲計算 ")  # one tag in two scripts
    assert tag_slug("AI") == tag_slug("ai")


def test_tag_pages_do_not_collide(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    for name, tags in (("a", "[C++]"), ("b", "[C#]"), ("c", "['？？']")):
        (content / "articles" / f"{name}.md").write_text(
            f"---\ntitle: 文章{name}\ndate: 2020\ntags: {tags}\n---\n\n正文。\n", encoding="utf-8")
    site = build_site(copy_project(tmp_path / "project", content))
    for slug, title in (("c-plus-plus", "文章a"), ("c-sharp", "文章b"), ("u-ff1f-u-ff1f", "文章c")):
        page = (site / "zh-hant" / "tags" / slug / "index.html").read_text(encoding="utf-8")
        assert title in page
        others = {"文章a", "文章b", "文章c"} - {title}
        assert not any(f">{other}<" in page for other in others), slug


# --- Material's search index -------------------------------------------------------------------

def test_material_search_index_titles_and_tags_are_escaped_once(tmp_path):
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    docs = [{"location": "a/", "title": "<svg onload=alert(1)>", "text": "", "tags": ["<img src=x>"]},
            {"location": "a/#h", "title": "&lt;b&gt; heading", "text": ""}]
    index.write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    assert escape_search_index(str(tmp_path))
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert docs[0]["title"] == "&lt;svg onload=alert(1)&gt;" and docs[0]["tags"] == ["&lt;img src=x&gt;"]
    assert docs[1]["title"] == "&lt;b&gt; heading"  # a section title is HTML already
    assert not escape_search_index(str(tmp_path / "nothing"))


def test_repo_fixture_paths_exist():
    assert (REPO / "tests" / "fixtures" / "check" / "expected.txt").is_file()
