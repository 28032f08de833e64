"""The typography pipeline of the text layer and the HTML walker it runs in."""
from __future__ import annotations

import pytest

from zhpress.text.html import transform_html
from zhpress.text.punctuation import to_curly_quotes
from zhpress.text.typography import drop_cjk_spaces, typesetter


@pytest.mark.parametrize("text, expected", [
    ("騰訊 的 雲", "騰訊的雲"),
    ("To B 業務", "To B 業務"),  # a space between Latin and CJK is the author's
    ("騰訊  雲", "騰訊雲"),
    ("Hello world", "Hello world"),
    ("。 我們", "。我們"),
])
def test_drop_cjk_spaces(text, expected):
    assert drop_cjk_spaces(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("「9·30」組織", "“9·30”組織"),
    ("「他說『好』」", "“他說‘好’”"),
    ("沒有引號", "沒有引號"),
])
def test_curly_quotes(text, expected):
    assert to_curly_quotes(text) == expected


def test_typesetter_per_script():
    hant = typesetter(corner_quotes=True)
    hans = typesetter(curly_quotes=True)
    assert hant("“科技向善”作為使命,并且") == "「科技向善」作為使命，并且"
    assert hans("「科技向善」作为使命,并且") == "“科技向善”作为使命，并且"


def test_typeset_in_html_uses_context_across_inline_tags():
    fix = typesetter()
    html = "<p><strong>騰訊</strong>,公司(<em>企業</em>)</p><pre><code>a,騰訊(b)</code></pre>"
    out = transform_html(html, fix)
    assert out.startswith("<p><strong>騰訊</strong>，公司")
    assert "<pre><code>a,騰訊(b)</code></pre>" in out  # code untouched


def test_block_tags_end_the_context():
    seen = []
    transform_html("<p>騰訊</p><p>,b</p>", lambda t, b, a: seen.append((t, b, a)) or t)
    assert seen == [("騰訊", "", ""), (",b", "", "")]


def test_entities_are_unescaped_for_the_function_and_escaped_back():
    out = transform_html("<p>騰訊&amp;阿里, &lt;雲&gt;</p>", typesetter())
    assert out == "<p>騰訊&amp;阿里，&lt;雲&gt;</p>"


def test_readable_attributes_only():
    out = transform_html('<abbr title="企業(B端)" data-x="企業(B端)">B</abbr>', typesetter())
    assert 'title="企業（B端）"' in out and 'data-x="企業(B端)"' in out
