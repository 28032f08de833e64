"""Unit tests of zhpress.article.readtime: length in 字 and reading time."""
from __future__ import annotations

import html
import unicodedata
from fractions import Fraction

import pytest

from conftest import seed_lines
from zhpress.article.readtime import (
    TextLength,
    count_text,
    reading_minutes,
    text_from_html,
)


# --- an independent count, written without the module's regexes ----------------

def ideographs(text: str) -> int:
    """CJK ideographs by their Unicode names; punctuation has other names."""
    return sum(unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH") for ch in text)


def latin_words(text: str) -> int:
    """Runs of ASCII letters and digits; ' . - between two of them keep one word."""
    count, i = 0, 0
    alnum = lambda c: c.isascii() and c.isalnum()  # noqa: E731
    while i < len(text):
        if not alnum(text[i]):
            i += 1
            continue
        count += 1
        while i < len(text) and (alnum(text[i]) or (
                text[i] in "'.-" and i + 1 < len(text) and alnum(text[i + 1]) and alnum(text[i - 1]))):
            i += 1
    return count


def test_seed_counts_match_an_independent_count():
    seed = "\n".join(seed_lines())
    expected = TextLength(ideographs(seed), latin_words(seed))
    assert count_text(seed) == expected
    # Sanity: the interview is about 2,800 characters with a few dozen Latin words (To B, CSIG, KPI ...).
    assert 2500 < expected.cjk_chars < 3200 and 40 < expected.latin_words < 90


def test_seed_reading_time_and_label():
    seed = "\n".join(seed_lines())
    cjk, words = ideographs(seed), latin_words(seed)
    exact = Fraction(cjk, 400) + Fraction(words, 200)
    minutes = max(1, -(-exact.numerator // exact.denominator))
    length = count_text(seed)
    assert reading_minutes(length) == minutes
    assert length.total == cjk + words


def test_seed_body_as_html_counts_like_the_text():
    body = seed_lines()[1:-1]
    fragment = "\n".join(f"<p>{html.escape(line)}</p>" for line in body)
    fragment += '<pre><code class="language-python">print("不算 not counted")</code></pre>'
    text = "\n".join(body)
    assert count_text(text_from_html(fragment)) == TextLength(ideographs(text), latin_words(text))


def test_punctuation_and_symbols_are_not_counted():
    assert count_text("，。、；：？！「」『』（）“”‘’…—·《》〈〉 ,.;:?!()[]") == TextLength(0, 0)


@pytest.mark.parametrize("text, words", [
    ("To B", 2), ("CSIG", 1), ("1999年", 1), ("9·30", 2), ("1,000", 2), ("3.5", 1),
    ("Node.js", 1), ("don't", 1), ("e-mail", 1), ("end.", 1), ("-x-", 1), ("a--b", 2),
    ("ＫＰＩ", 1), ("２０１９", 1), ("C端", 1), ("", 0),
])
def test_latin_words_and_numbers(text, words):
    assert count_text(text).latin_words == words


def test_cjk_characters_are_counted_one_each():
    assert count_text("騰訊雲 To B").cjk_chars == 3
    assert count_text("𠀀〇").cjk_chars == 2  # Extension B and the ideographic zero


@pytest.mark.parametrize("cjk, words, minutes", [
    (0, 0, 1), (1, 0, 1), (400, 0, 1), (401, 0, 2), (0, 200, 1), (0, 201, 2),
    (200, 100, 1), (3200, 0, 8), (3201, 0, 9), (2813, 59, 8),
])
def test_reading_minutes_round_up_and_are_at_least_one(cjk, words, minutes):
    assert reading_minutes(TextLength(cjk, words)) == minutes


def test_reading_speeds_can_be_changed_and_must_be_positive():
    assert reading_minutes(TextLength(600, 0), cjk_per_minute=300) == 2
    assert reading_minutes(TextLength(0, 300), words_per_minute=100) == 3
    with pytest.raises(ValueError):
        reading_minutes(TextLength(1, 1), cjk_per_minute=0)


def test_total_counts_characters_and_words():
    assert TextLength(3, 4).total == 7


def test_text_from_html_drops_tags_code_and_unescapes():
    fragment = (
        '<h2 id="a">組織<a class="headerlink" href="#a">¶</a></h2>'
        "<p>騰訊&amp;<strong>雲</strong>&lt;CSIG&gt;&#x4E00;&nbsp;To&nbsp;B</p>"
        "<pre><code>for i in range(3): 中文</code></pre>"
        "<p>用 <code>pip install</code> 安裝</p>"
        "<script>var s = '<p>腳本</p>';</script><style>p::before{content:'樣式'}</style>"
        "<!-- 註解 -->"
    )
    text = text_from_html(fragment)
    assert "騰訊&雲<CSIG>一\xa0To\xa0B" in text
    for gone in ("<", "range", "中文", "pip", "腳本", "樣式", "註解", "headerlink"):
        assert gone not in text.replace("<CSIG>", "")
    assert count_text(text) == TextLength(cjk_chars=9, latin_words=3)


def test_block_tags_separate_words_and_inline_tags_do_not():
    assert count_text(text_from_html("<p>alpha</p><p>beta</p><li>gamma</li>")).latin_words == 3
    assert count_text(text_from_html("al<em>pha</em><br>beta")).latin_words == 2


def test_nested_code_is_dropped_until_its_last_end_tag():
    assert text_from_html("<pre><code>x</code> y</pre>z<code></code>w") == "zw"


def test_code_is_read_as_a_browser_reads_it():
    # `<code/>` opens code in HTML (the slash means nothing): `w` is code.
    assert text_from_html("z<code/>w") == "z"
