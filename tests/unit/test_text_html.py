"""The HTML walker of the text layer: it changes text, never markup."""
from __future__ import annotations

import pytest
from markupsafe import Markup

from zhpress.text import html as walker
from zhpress.text.convert import default_converter
from zhpress.text.html import Step, clear_cache, compose, transform_html
from zhpress.text.typography import typesetter

CONVERTER = default_converter()


def hans(text, before="", after=""):
    return CONVERTER.convert(text, "hans")


def hant(text, before="", after=""):
    """A Simplified source in Traditional."""
    return CONVERTER.convert(text, "hant", "hans")


def identity(text, before, after):
    return text


def upper(text, before="", after=""):
    return text.upper()


@pytest.fixture(autouse=True)
def fresh_cache():
    clear_cache()
    yield
    clear_cache()


# The cases of issue 21, in both scripts ------------------------------------

@pytest.mark.parametrize("source, simplified, traditional", [
    ('<abbr title="雲端 > 本地">雲</abbr>',
     '<abbr title="云端 &gt; 本地">云</abbr>', '<abbr title="雲端 > 本地">雲</abbr>'),
    ('<span data-x="a>b">雲</span>', '<span data-x="a>b">云</span>', '<span data-x="a>b">雲</span>'),
    ("<p title=後>後</p>", "<p title=后>后</p>", "<p title=後>後</p>"),
    ("<p title=云>云</p>", "<p title=云>云</p>", "<p title=雲>雲</p>"),
    ("<p title='雲\"端'>雲</p>", "<p title='云\"端'>云</p>", "<p title='雲\"端'>雲</p>"),
    ('<img alt="雲" src="雲.png" title=\'後\'>', '<img alt="云" src="雲.png" title=\'后\'>',
     '<img alt="雲" src="雲.png" title=\'後\'>'),
    ('<input placeholder=搜尋 aria-label="搜尋全站">', '<input placeholder=搜寻 aria-label="搜寻全站">',
     '<input placeholder=搜尋 aria-label="搜尋全站">'),
])
def test_markup_kept_text_and_readable_attributes_converted(source, simplified, traditional):
    assert transform_html(source, hans, context=False) == simplified
    assert transform_html(source, hant, context=False) == traditional


def test_gt_inside_a_quoted_attribute_does_not_end_the_tag():
    html = '<p>前<abbr title="雲端 > 本地" data-x=\'a>b\'>雲</abbr>後</p>'
    seen = []
    transform_html(html, lambda t, b, a: seen.append((t, b, a)) or t)
    assert seen == [("前", "", "雲"), ("雲", "前", "後"), ("後", "雲", ""),
                    ("雲端 > 本地", "", "")]


# Today's contract ------------------------------------------------------------

def test_context_crosses_inline_tags_and_block_tags_end_it():
    seen = []
    transform_html("<p><strong>騰訊</strong>,公司<br>雲</p><p>,b</p>",
                   lambda t, b, a: seen.append((t, b, a)) or t)
    assert seen == [("騰訊", "", ","), (",公司", "訊", ""), ("雲", "", ""), (",b", "", "")]


def test_context_false_gives_no_neighbours():
    seen = []
    transform_html("<p><b>騰訊</b>,公司</p>", lambda t, b, a: seen.append((b, a)) or t, context=False)
    assert seen == [("", ""), ("", "")]


def test_typesetting_uses_context_across_inline_tags():
    out = transform_html("<p><strong>騰訊</strong>,公司(<em>企業</em>)</p><pre><code>a,騰訊(b)</code></pre>",
                         typesetter())
    assert out.startswith("<p><strong>騰訊</strong>，公司")
    assert out.endswith("<pre><code>a,騰訊(b)</code></pre>")


def test_later_runs_see_the_changed_text_as_context():
    seen = []

    def fn(text, before, after):
        seen.append(before)
        return text.replace("a", "雲")

    transform_html("<p>a<b>x</b></p>", fn)
    assert seen == ["", "雲"]


def test_entities_are_unescaped_for_the_function_and_escaped_back():
    seen = []
    out = transform_html("<p>騰訊&amp;阿里,&lt;雲&gt;&#x96F2;&copy;</p>",
                         lambda t, b, a: seen.append(t) or t.replace(",", "，"))
    assert seen == ["騰訊&阿里,<雲>雲©"]
    assert out == "<p>騰訊&amp;阿里，&lt;雲&gt;雲©</p>"


def test_unchanged_runs_keep_their_entities_as_written_changed_runs_are_escaped_anew():
    html = "<p>&#x41;&amp;&AMP;&nbsp;&copy x</p><p>&#x5F8C;&AMP;&nbsp;&copy 後&gt;</p>"
    assert transform_html(html, hans, context=False) == (
        "<p>&#x41;&amp;&AMP;&nbsp;&copy x</p><p>后&amp;\xa0© 后&gt;</p>")


@pytest.mark.parametrize("element", sorted(walker.SKIP_ELEMENTS))
def test_skipped_elements_keep_content_and_attributes(element):
    html = f'<p>雲<{element} title="雲">雲<a title="雲">雲</a></{element}>雲</p>'
    out = transform_html(html, hans, context=False)
    assert out == f'<p>云<{element} title="雲">雲<a title="雲">雲</a></{element}>云</p>'


@pytest.mark.parametrize("html, expected", [
    # An HTML element such as <span> or <p> ends SVG and MathML for a browser...
    ("<svg><text>雲</text><span>雲</span>雲</svg>雲", "<svg><text>雲</text><span>云</span>云</svg>云"),
    ("<math><mi>雲</mi></p>雲</math>", "<math><mi>雲</mi></p>云</math>"),
    ('<svg><font color="red">雲</font></svg>', '<svg><font color="red">云</font></svg>'),
    ("<svg><code/>雲</svg>雲</code>雲", "<svg><code/>雲</svg>雲</code>云"),
    # ...except inside an integration point, and <font> without attributes.
    ("<svg><foreignObject><p>雲</p></foreignObject><text>雲</text></svg>雲",
     "<svg><foreignObject><p>雲</p></foreignObject><text>雲</text></svg>云"),
    ("<math><mi><b>雲</b></mi>雲</math>雲", "<math><mi><b>雲</b></mi>雲</math>云"),
    ("<svg><font>雲</font></svg>雲", "<svg><font>雲</font></svg>云"),
    # `<x/>` closes x in SVG, not in HTML.
    ("<svg><svg/><text>雲</text></svg>雲", "<svg><svg/><text>雲</text></svg>云"),
    # CDATA is a section in SVG, a bogus comment in HTML.
    ("<svg><![CDATA[</svg>雲]]></svg>雲", "<svg><![CDATA[</svg>雲]]></svg>云"),
    ("<![CDATA[x>雲<code>]]>雲</code>雲", "<![CDATA[x>云<code>]]>雲</code>云"),
])
def test_svg_and_mathml_as_a_browser_reads_them(html, expected):
    assert transform_html(html, hans, context=False) == expected


@pytest.mark.parametrize("marker", ['translate="no"', "translate=NO", "data-zhpress-skip",
                                    'data-zhpress-skip=""'])
def test_elements_marked_not_to_translate_are_skipped(marker):
    html = f'<p {marker} title="雲">雲<b>雲</b></p><p>雲</p><img {marker} alt="雲">'
    out = transform_html(html, hans, context=False)
    assert out == f'<p {marker} title="雲">雲<b>雲</b></p><p>云</p><img {marker} alt="雲">'


def test_translate_yes_is_converted():
    assert transform_html('<p translate="yes">雲</p>', hans) == '<p translate="yes">云</p>'


def test_nested_skipped_element_of_the_same_name():
    html = "<div translate=no><div>雲</div>雲</div>雲<code><code>雲</code>雲</code>雲"
    assert transform_html(html, hans, context=False) == (
        "<div translate=no><div>雲</div>雲</div>云<code><code>雲</code>雲</code>云")


def test_script_and_style_content_is_raw_text():
    html = '<script>if (a<b) x = "<p title=雲>雲</p>";</script><style>p::after{content:"雲>"}</style>雲'
    out = transform_html(html, hans, context=False)
    assert out == html[:-1] + "云"


def test_other_attributes_and_urls_are_never_touched():
    html = '<a href="/雲/?a=1&amp;b=雲" class="雲" id=雲 data-title="雲" TITLE="雲">雲</a>'
    assert transform_html(html, hans) == '<a href="/雲/?a=1&amp;b=雲" class="雲" id=雲 data-title="雲" TITLE="云">云</a>'


def test_attribute_quote_style_is_kept_and_values_escaped_for_it():
    def fn(text, before, after):
        return text.replace("雲", "<雲 & \"'>")

    assert transform_html("<p title='雲'>", fn) == "<p title='&lt;雲 &amp; \"&#39;&gt;'>"
    assert transform_html('<p title="雲">', fn) == "<p title=\"&lt;雲 &amp; &quot;'&gt;\">"
    assert transform_html("<p title=雲>", fn) == "<p title=\"&lt;雲 &amp; &quot;'&gt;\">"
    assert transform_html("<p title=雲>", lambda t, b, a: "云端") == "<p title=云端>"
    assert transform_html("<p title=雲>", lambda t, b, a: "") == '<p title="">'
    assert transform_html("<p title = 雲 class=x>", lambda t, b, a: "云 端") == '<p title = "云 端" class=x>'


def test_attribute_values_unescaped_as_a_browser_reads_them():
    seen = []
    transform_html('<p title="a&copyb &copy; &amp;&#x41;" alt="&copy=1">',
                   lambda t, b, a: seen.append(t) or t)
    assert seen == ["a&copyb © &A", "&copy=1"]


def test_a_function_sees_every_run_once():
    seen = []
    transform_html("<p>a</p>\n<p>b<!-- c -->d</p>", lambda t, b, a: seen.append(t) or t)
    assert seen == ["a", "\n", "b", "d"]


# Byte for byte -------------------------------------------------------------

ODD_INPUTS = [
    "",
    "純文字,沒有標籤",
    "<p>",
    "</p>",
    "<!DOCTYPE html>\r\n<html lang=zh><head><meta charset=utf-8></head><body>雲</body></html>",
    "<p>a < b > c & d &amp e &#; &#x; &#xZZ; &unknown; 1<2</p>",
    "<P CLASS=X>雲</P  >",
    "<p\ntitle=\"雲\"\n>雲</p\n>",
    "<!--雲--><!----><!-- a -- b --><!---->雲<!-->雲<!--->雲",
    "<![CDATA[雲 > <b>雲</b> ]]>雲",
    "<?php echo '雲>'; ?>雲",
    "<br><br/><br /><img src=a.png alt=雲 /><hr/><wbr>",
    "<span/>雲</span>",
    "<svg><path d='M0 0'/><text>雲</text><![CDATA[雲]]></svg>雲",
    "<math><mi>雲</mi></math>雲",
    "<textarea><p>雲</p></textarea>雲",
    "<p title=\"unclosed>雲",
    "<p>雲 <a title='x",
    "a &#x",
    "<p>&#x</p><p>雲</p>",
    "</ p>雲<code>雲</ code>雲</code>雲",
    "<p>雲</p title=\">\">雲",
    "<!-- a -- >雲 -->雲",
    "<a b=\"c\" =\">\">雲",
    "<p>雲</>雲</3>雲",
    "<ｐ>雲</ｐ>",
    "<p title=雲\u3000端>雲</p>",
]


@pytest.mark.parametrize("html", ODD_INPUTS)
def test_identity_is_byte_for_byte(html):
    assert transform_html(html, identity) == html
    assert transform_html(html, identity, context=False) == html


@pytest.mark.parametrize("html", ODD_INPUTS)
def test_a_function_that_changes_nothing_returns_the_input_object(html):
    assert transform_html(html, lambda t, b, a: str(t)) is html


def test_newlines_read_as_a_browser_reads_them():
    seen = []
    html = "<p title = '雲\r\n端' >\r\n\t雲 \r&#13;\r\n</p>\r\n"
    out = transform_html(html, lambda t, b, a: seen.append(t) or hans(t))
    assert seen == ["\n\t雲 \n\r\n", "\n", "雲\n端"]
    # CR LF kept where nothing changed; LF and &#13; where the text was written anew.
    assert out == "<p title = '云\n端' >\n\t云 \n&#13;\n</p>\r\n"


def test_a_document_title_is_converted_head_markup_is_not():
    html = ('<!doctype html><html><head><title>雲&amp;後</title><meta name="description" content="雲">'
            "</head><body><h1>雲</h1></body></html>")
    assert transform_html(html, hans) == html.replace("<title>雲&amp;後", "<title>云&amp;后").replace(
        "<h1>雲", "<h1>云")


# Where Python's tokenizer is more lenient than a browser's --------------------

@pytest.mark.parametrize("html, expected", [
    # `</ code>` is a comment to a browser: the code element goes on.
    ("</ p>雲<code>雲</ code>雲</code>雲", "</ p>云<code>雲</ code>雲</code>云"),
    # A browser's comment ends at `-->`, not at `-- >`.
    ("<!-- a -- >雲 -->", "<!-- a -- >雲 -->"),
    # An end tag's quoted attribute value holds `>`.
    ('<p>x</p title=">雲">', '<p>x</p title=">雲">'),
    # Python < 3.13 reads everything after `&#` (no `;` later) as one text.
    ("<p>&#x</p><p>雲</p>", None),
])
def test_what_a_browser_reads_as_markup_is_left_alone(html, expected):
    out = transform_html(html, hans)
    if expected is not None:
        assert out == expected
    assert out.count("<") == html.count("<") and out.count(">") == html.count(">")


def test_a_browser_and_python_agree_where_an_attribute_name_starts_with_equals():
    # Chromium: <a b="c" =">"> is the tag (attribute `="`), `">雲` is text.
    assert transform_html('<a b="c" =">">雲', hans) == '<a b="c" =">"&gt;云'


def test_text_after_a_lenient_construct_is_converted_again():
    out = transform_html("<!-- a -- >雲 -->雲<p>雲</p>", hans)
    assert out == "<!-- a -- >雲 -->云<p>云</p>"


# New: skip, Markup, composition ------------------------------------------------

def test_skip_names_more_elements():
    html = '<h2 title="雲">雲</h2><p>雲<a href="#" title="雲">雲<b>雲</b></a>雲<abbr title="雲">雲</abbr></p>'
    out = transform_html(html, hans, skip={"a", "h2", "abbr"})
    assert out == '<h2 title="雲">雲</h2><p>云<a href="#" title="雲">雲<b>雲</b></a>云<abbr title="雲">雲</abbr></p>'


def test_skip_is_per_function_in_a_pipeline():
    out = transform_html("<p>x雲<a>y雲</a></p>", compose(Step(upper, skip=frozenset({"a"})), hans))
    assert out == "<p>X云<a>y云</a></p>"
    out = transform_html("<p>x<a>y</a></p>", compose(Step(upper, skip=frozenset({"a"})), upper))
    assert out == "<p>X<a>Y</a></p>"


def test_markup_is_inserted_as_html():
    def mark(text, before, after):
        if "雲" in text:
            return Markup(text.replace("雲", '<a class="term" href="#雲">雲</a>').replace("&", "&amp;"))
        return text

    html = "<p>雲端&amp;雲</p><p title=雲>x</p>"
    out = transform_html(html, Step(mark, attributes=False))
    assert out == '<p><a class="term" href="#雲">雲</a>端&amp;<a class="term" href="#雲">雲</a></p><p title=雲>x</p>'


def test_markup_runs_keep_their_text_as_context_and_later_functions_skip_them():
    seen = []

    def mark(text, before, after):
        return Markup("<b>雲</b>") if text == "雲" else text

    def record(text, before, after):
        seen.append((text, before, after))
        return text

    transform_html("<p>前<i>雲</i>後</p>", compose(Step(mark, attributes=False), record))
    assert seen == [("前", "", "雲"), ("後", "雲", "")]


def test_markup_for_an_attribute_is_an_error():
    with pytest.raises(TypeError, match="attributes=False"):
        transform_html("<p title=雲>x</p>", lambda t, b, a: Markup("<b>雲</b>") if t == "雲" else t)


def test_one_walk_equals_two():
    html = ('<h2 title="雲(端)">雲,端</h2><p>“科技向善”,<b>騰訊</b>(雲)<code>a,b</code>'
            '<img alt="後(台)">“後”</p>')
    fix = typesetter(curly_quotes=True)
    two = transform_html(transform_html(html, hans, context=False), fix)
    clear_cache()
    one = transform_html(html, compose(Step(hans, context=False), fix))
    assert one == two
    clear_cache()
    assert transform_html(html, [Step(hans, context=False), fix]) == two


def test_plugins_passing_context_false_still_compose():
    out = transform_html("<p>雲</p>", compose(hans, upper), False)
    assert out == "<p>云</p>"


def test_a_pipeline_applies_to_plain_text():
    assert compose(hans, typesetter())("雲,端") == "云，端"
    assert Step(lambda t, b, a: t + b + a, context=False)("x", "b", "a") == "x"


def test_the_output_is_tokenised_once():
    html = "<p title=雲>雲<b>後</b></p>" * 3
    first = transform_html(html, hans)
    assert first in walker._CACHE
    again = transform_html(first, upper)
    clear_cache()
    assert transform_html(first, upper) == again


def test_remembered_output_with_emptied_runs():
    first = transform_html("<p>a<b>x</b>b</p>", lambda t, b, a: "" if t == "x" else t)
    assert first == "<p>a<b></b>b</p>"
    seen = []
    transform_html(first, lambda t, b, a: seen.append((t, b, a)) or t)
    assert seen == [("a", "", "b"), ("b", "a", "")]


def test_text_runs_are_the_runs_functions_see():
    html = '<h2 id="x">雲</h2>\n<p>騰訊<a href="#">雲</a>&amp;<code>x</code></p>'
    runs = walker.text_runs(html)
    assert [(r.text, r.skipped, r.elements) for r in runs] == [
        ("雲", False, ("h2",)), ("\n", False, ()), ("騰訊", False, ("p",)), ("雲", False, ("p", "a")),
        ("&", False, ("p",)), ("x", True, ("p", "code"))]
    assert len({r.block for r in runs[2:]}) == 1 and runs[0].block != runs[2].block
    seen = []
    transform_html(html, lambda t, b, a: seen.append(t) or t)
    assert seen == [r.text for r in runs if not r.skipped]
    assert walker.text_runs("") == []


def test_step_skip_accepts_any_iterable():
    assert Step(upper, skip={"a"}).skip == frozenset({"a"})
    assert Step(upper, skip=["a", "h2"]).skip == frozenset({"a", "h2"})
