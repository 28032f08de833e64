"""zhpress.search.extract: a page's final HTML to sections of blocks."""
from __future__ import annotations

import re
from pathlib import Path

from zhpress.search import extract
from zhpress.search.config import DEFAULT_EXCLUDE_CLASSES
from zhpress.search.extract import content_region, extract_sections

EXCLUDE = frozenset(DEFAULT_EXCLUDE_CLASSES)


def sections(html: str):
    title, found = extract_sections(html, EXCLUDE)
    return title, [(s.anchor, s.heading, s.blocks) for s in found]


def test_h2_and_h3_with_ids_start_sections_and_h1_is_the_title():
    title, found = sections(
        "<h1>標題<a class='headerlink' href='#x'>¶</a></h1><p>導言</p>"
        "<h2 id='one'>第一節<a class='headerlink' href='#one'>¶</a></h2><p>甲</p><h4>小標</h4><p>乙</p>"
        "<h3 id='two'>第二節</h3><ul><li>丙</li><li>丁</li></ul><h2>沒有錨點</h2><p>戊</p>")
    assert title == "標題"
    assert found == [("", "", ["導言"]), ("one", "第一節", ["甲", "小標", "乙"]),
                     ("two", "第二節", ["丙", "丁", "沒有錨點", "戊"])]


def test_inline_markup_never_breaks_a_block_and_blocks_never_join():
    _, found = sections(
        "<p><strong>騰訊</strong>雲與<a href='x'>智慧</a><button class='zhpress-term'>產業</button></p>"
        "<p>白日依山盡<br>黃河入海流</p><pre><code>line one\nline two</code></pre>")
    assert found == [("", "", ["騰訊雲與智慧產業", "白日依山盡", "黃河入海流", "line one", "line two"])]


def test_what_is_left_out():
    _, found = sections(
        "<p>看得見<sup id='fnref:1'><a class='footnote-ref' href='#fn:1'>1</a></sup>的字</p>"
        "<script>var a = '<p>no</p>';</script><style>p{}</style><svg><text>no</text></svg>"
        "<nav class='zhpress-pager'>較新文章</nav><div hidden><p>tooltip</p></div>"
        "<p data-search-exclude>excluded</p><ol class='zhpress-list'><li><p>listing</p></li></ol>"
        "<p aria-hidden='true'>shown</p><p class='md-hidden-not'>shown too</p>")
    assert found == [("", "", ["看得見的字", "shown", "shown too"])]


def test_entities_are_text():
    _, found = sections("<p>A &amp; B &lt;script&gt; 騰&#35338;</p><h2 id='a&amp;b'>x</h2>")
    assert found == [("", "", ["A & B <script> 騰訊"]), ("a&b", "x", [])]


def test_content_region_is_materials_article_with_nested_articles():
    page = ("<html><body><header>站名</header><div class='md-content'>"
            "<article class=\"md-content__inner md-typeset\"><article class='zhpress-article'>"
            "<h1>T</h1><p>body</p></article></article><footer>foot</footer></body></html>")
    region = content_region(page)
    assert "站名" not in region and "foot" not in region
    assert sections(region) == ("T", [("", "", ["body"])])
    assert content_region("<p>no Material</p>") is None


def test_embedded_content_sits_in_its_line_and_its_fallback_is_not_text():
    _, found = sections(
        "<p>進入安裝畫面\n<img alt='install' src='a.jpg' />\n選擇中文</p>"
        "<p>按 <input type='checkbox'> 同意<iframe src='x'>no frames</iframe>後<video>no video</video>繼續</p>")
    assert found == [("", "", ["進入安裝畫面 選擇中文", "按 同意後繼續"])]


def test_the_browser_cuts_blocks_as_the_index_does():
    # assets/search.js highlights a page's matches block by block: its lists are these.
    engine = (Path(extract.__file__).parent / "assets" / "search.js").read_text(encoding="utf-8")
    for name, expected in (("INLINE", extract.INLINE), ("SKIPPED", extract.SKIPPED)):
        listed = re.search(rf"var {name} = new Set\(\[(.*?)\]\);", engine, re.S).group(1)
        assert set(re.findall(r'"([a-z]+)"', listed)) == expected, name
