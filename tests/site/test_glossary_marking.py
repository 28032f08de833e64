"""zhpress/glossary's helpers, without a build: names found in either script,
longest first, on Latin word edges; marks never inside code, links,
headings, attributes or another mark; first use per section; mentions with
their sentence and anchor; each script's order; suggestions."""
from __future__ import annotations

import re

import pytest

from conftest import REPO
from zhpress.glossary.collate import group_of, sort_key
from zhpress.glossary.marking import SKIP, MarkWriter, add_anchors, decide, read_page, sentence_around
from zhpress.glossary.matcher import NameMatcher
from zhpress.glossary.suggest import suggestions
from zhpress.siteconfig import site_config_of
from zhpress.text.html import Step, transform_html

SITE = site_config_of(REPO)
MATCHER = NameMatcher(SITE.entries)


def names(text: str, mixed: bool = False) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entry.id) for m in MATCHER.find(text, mixed=mixed)]


def render(mark, text: str) -> str:
    kind = "term" if mark.entry.is_term else "entity"
    return f'<i data-{kind}="{mark.entry.id}">{text}</i>'


def mark(fragment: str, **options):
    marks = decide(read_page(fragment), MATCHER, **options)
    out = transform_html(fragment, Step(MarkWriter(marks.runs, render), context=False, skip=SKIP,
                                        attributes=False))
    return add_anchors(out, marks.anchors), marks


def marked(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<i data-(?:term|entity)="([^"]+)">([^<]*)</i>', html)


# --- finding names ------------------------------------------------------------


def test_the_longest_name_wins():
    assert names("企業微信服務於公務員") == [("企業微信", "wecom")]
    assert names("諸如微信支付、微信紅包和微信開放平臺的小程序") == [
        ("微信支付", "wechat-pay"), ("微信紅包", "wechat-red-packet"),
        ("微信開放平臺", "wechat-open-platform"), ("小程序", "mini-programs")]
    assert names("騰訊進入產業互聯網，有人是互聯網偏某一類服務") == [
        ("騰訊", "tencent"), ("產業互聯網", "industrial-internet"), ("互聯網", "internet")]
    assert names("我們在C To B的戰略上") == [("C To B", "c-to-b")]


def test_names_are_found_in_either_script_and_in_mechanically_converted_text():
    assert names("企业微信和微信支付") == [("企业微信", "wecom"), ("微信支付", "wechat-pay")]
    assert names("新成立的云與智慧產業事業群", mixed=True) == [("云與智慧產業事業群", "csig")]
    # A page's text is in one script: a mixed form is no form pages show.
    assert names("新成立的云與智慧產業事業群") == []
    assert names("腾讯云与智慧产业事业群") == [("腾讯云与智慧产业事业群", "csig")]
    assert names("微信开放平台") == [("微信开放平台", "wechat-open-platform")]


@pytest.mark.parametrize("text, found", [
    ("把IT技術用在某個行業", [("IT", "it")]),
    ("財經線的IT把我們的需求", [("IT", "it")]),
    ("ITEM 與 item 與 it 與 BIT", []),
    ("To B業務", [("To B", "to-b")]),
    ("To Be or not", []),
    ("To Bee", []),
    ("GMV(平臺總交易量)", [("GMV", "gmv")]),
    ("SGMV 與 GMVs", []),
    ("To\u00a0B 業務", [("To\u00a0B", "to-b")]),
    ("「9·30」組織變革", [("9·30", "nine-thirty")]),
])
def test_latin_names_match_whole_words_in_their_case(text, found):
    assert names(text) == found


def test_latin_edges_look_across_inline_tags():
    html, _ = mark("<p><em>S</em>IT 與 IT<b>EM</b> 與 IT</p>")
    assert marked(html) == [("it", "IT")]
    assert html.endswith('與 <i data-term="it">IT</i></p>')


# --- where names are marked ---------------------------------------------------


def test_never_inside_code_links_headings_attributes_or_another_mark():
    fragment = (
        '<h2 id="gmv">GMV 與微信</h2>\n'
        '<p><code>GMV</code> <a href="x/">微信</a> <abbr title="GMV">GMV</abbr> <dfn>KPI</dfn> '
        '<img alt="微信 GMV" src="a.png"> <span title="GMV">文字</span> <kbd>IT</kbd></p>\n'
        '<pre><code>微信 GMV</code></pre>\n'
        '<p translate="no">微信</p>\n'
        '<p>然後是GMV與微信。</p>'
    )
    html, marks = mark(fragment)
    assert marked(html) == [("gmv", "GMV"), ("wechat", "微信")]
    assert '<img alt="微信 GMV" src="a.png">' in html and '<span title="GMV">' in html
    assert '<h2 id="gmv">GMV 與微信</h2>' in html and "<pre><code>微信 GMV</code></pre>" in html
    # Running the result again marks nothing more: marks are never nested.
    again, _ = mark(html)
    assert marked(again) == marked(html)


def test_terms_and_entities_are_marked_on_first_use_in_each_section():
    fragment = (
        "<p>騰訊談GMV，再談GMV與騰訊。</p><p>騰訊的GMV。</p>"
        '<h2 id="two">二</h2><p>GMV與騰訊。</p><ul><li>騰訊</li></ul>'
        '<h3 id="three">三</h3><ul><li>騰訊與<strong>GMV</strong></li></ul>'
    )
    html, marks = mark(fragment)
    assert marked(html) == [("tencent", "騰訊"), ("gmv", "GMV"), ("gmv", "GMV"), ("tencent", "騰訊"),
                            ("tencent", "騰訊"), ("gmv", "GMV")]
    assert [e.id for e in marks.tips] == ["tencent", "gmv"]
    # Every block naming the entity is recorded once, with an anchor.
    assert [(m.entry_id, m.anchor) for m in marks.mentions] == [
        ("tencent", "p-1"), ("tencent", "p-2"), ("tencent", "p-3"), ("tencent", "p-4"), ("tencent", "p-5")]
    assert '<p id="p-1">' in html and '<li id="p-4">' in html and '<li id="p-5">' in html
    assert '<ul id' not in html


def test_options_turn_marks_off_but_keep_mentions():
    html, marks = mark("<p>騰訊談GMV。</p>", define_terms=False, link_entities=False)
    assert marked(html) == [] and [m.entry_id for m in marks.mentions] == ["tencent"]


def test_an_existing_id_is_the_anchor():
    html, marks = mark('<p id="intro">微信是工具。</p><p>沒有。</p><p>企業微信不算微信：<code>x</code></p>')
    assert [(m.entry_id, m.anchor) for m in marks.mentions] == [
        ("wechat", "intro"), ("wecom", "p-3"), ("wechat", "p-3")]
    assert html.count("id=") == 2 and '<p id="p-3">' in html


def test_mentions_quote_the_sentence_around_them():
    text = "第一句。比如，微信擁有龐大的生態，這是騰訊的獨特優勢！最後一句"
    start = text.index("微信")
    assert sentence_around(text, start, start + 2) == ("比如，", "微信", "擁有龐大的生態，這是騰訊的獨特優勢！")
    long = "甲" * 100 + "微信" + "乙" * 100
    before, name, after = sentence_around(long, 100, 102, limit=40)
    assert before == "…" + "甲" * 20 and name == "微信" and after == "乙" * 20 + "…"
    assert sentence_around("「引言。」微信說", 5, 7) == ("", "微信", "說")


def test_text_around_marks_stays_escaped():
    html, _ = mark("<p>A &amp; B &lt;微信&gt; 與 GMV</p>")
    assert html == '<p id="p-1">A &amp; B &lt;<i data-entity="wechat">微信</i>&gt; 與 <i data-term="gmv">GMV</i></p>'


def test_a_run_read_differently_is_left_unmarked_not_misplaced():
    writer = MarkWriter([("不在頁面上的文字", ())], render)
    assert writer("別的文字") == "別的文字"


# --- order of the glossary page ------------------------------------------------


def test_simplified_order_is_pinyin_and_traditional_order_is_zhuyin():
    terms = ["產業互聯網", "GMV", "科技向善", "數字政務", "智慧零售", "互聯網", "BG", "9·30 變革", "內部賽馬"]
    hans = sorted(terms, key=lambda t: sort_key(t, "hans"))
    assert hans == ["9·30 變革", "BG", "產業互聯網", "GMV", "互聯網", "科技向善", "內部賽馬", "數字政務", "智慧零售"]
    assert [group_of(t, "hans") for t in hans] == ["#", "B", "C", "G", "H", "K", "N", "S", "Z"]
    hant = sorted(terms, key=lambda t: sort_key(t, "hant"))
    # Latin and digits first, then ㄅㄆㄇㄈ order: 內 ㄋ, 科 ㄎ, 互 ㄏ, 智 ㄓ, 產 ㄔ, 數 ㄕ.
    assert hant == ["9·30 變革", "BG", "GMV", "內部賽馬", "科技向善", "互聯網", "智慧零售", "產業互聯網", "數字政務"]
    assert [group_of(t, "hant") for t in hant] == ["#", "B", "G", "ㄋ", "ㄎ", "ㄏ", "ㄓ", "ㄔ", "ㄕ"]
    # Tones order syllables that read the same: 馬 mǎ (ㄇㄚˇ) before 罵 mà (ㄇㄚˋ).
    assert sorted(["罵人", "馬克"], key=lambda t: sort_key(t, "hant")) == ["馬克", "罵人"]
    assert sorted(["罵人", "馬克"], key=lambda t: sort_key(t, "hans")) == ["馬克", "罵人"]
    # Readings come from the phrase: 銀行 is yín háng.
    assert sorted(["銀行", "銀杏"], key=lambda t: sort_key(t, "hans")) == ["銀行", "銀杏"]


# --- suggestions ----------------------------------------------------------------


def test_suggestions_find_parenthetical_definitions_and_acronyms_without_entries():
    source = (
        "---\ntitle: ABC 的故事\n# a comment (云 for 雲)\n---\n\n"
        "騰訊在XYZ(新詞)上，GMV(平臺總交易量)與新成立的某某事業部(MMO)。\n"
        "`QQQ` 與 [連結](https://RRR.example/) 與 ZZZ 與 ZZZ。\n"
        "```\nCODE\n```\n"
        "See the conversion (in English) and To C(消費者) and Foo Bar(某物).\n"
    )
    found = suggestions(source, lambda term: SITE.find(term) is not None)
    assert [(s.line, s.term) for s in found] == [(2, "ABC"), (6, "XYZ"), (6, "MMO"), (7, "ZZZ"), (11, "Foo Bar")]
    assert "defined in the text as '新詞'" in found[1].message
    assert found[1].format("content/a.md").startswith("content/a.md:6: 'XYZ' is defined in the text as '新詞'")
    assert "Fix: add it to site_config/glossary.yml" in found[1].format("a.md")


def test_the_seed_needs_no_suggestion():
    seed = (REPO / "content" / "articles" / "tang-daosheng-csig-first-year.md").read_text(encoding="utf-8")
    assert suggestions(seed, lambda term: SITE.find(term) is not None) == []


def test_a_name_and_its_abbreviation_in_brackets_are_one_mark():
    html, marks = mark("<p>新成立的雲與智慧產業事業群（CSIG）與BG（事業群）化的作戰，CSIG 再提。</p>")
    assert marked(html) == [("csig", "雲與智慧產業事業群（CSIG）"), ("bg", "BG（事業群）")]
    assert [m.text for m in marks.mentions] == ["雲與智慧產業事業群（CSIG）"]
    # Another entry's name in brackets stays its own mark.
    html, _ = mark("<p>騰訊（微信）</p>")
    assert marked(html) == [("tencent", "騰訊"), ("wechat", "微信")]


def test_entity_pages_hold_a_bounded_number_of_articles_and_paragraphs():
    from zhpress.glossary.pages import Source, chunk, newest_first

    sources = [Source(f"a{n}.md", date, {"wechat": paragraphs})
               for n, (date, paragraphs) in enumerate([("2020", 2), ("2021-05", 9), ("", 1), ("2019-01-02", 1),
                                                      ("2021-05", 1), ("2018", 4)])]
    ordered = newest_first(sources)
    assert [s.src_uri for s in ordered] == ["a1.md", "a4.md", "a0.md", "a3.md", "a5.md", "a2.md"]
    pages = chunk(ordered, "wechat", per_page=3, paragraphs_per_page=10)
    # An article heavier than a page still gets one; articles stay whole.
    assert [[s.src_uri for s in page] for page in pages] == [["a1.md", "a4.md"], ["a0.md", "a3.md", "a5.md"],
                                                              ["a2.md"]]
    assert chunk([], "wechat", 3, 10) == [[]]
