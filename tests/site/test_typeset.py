"""CJK typography in built pages and in the browser."""
from __future__ import annotations

import re

import pytest

from conftest import REPO, seed_lines
from zhpress.text.punctuation import CJK_CHARS

ARTICLE = "articles/tang-daosheng-csig-first-year/index.html"
HALF_NEXT_TO_CJK = re.compile(rf"[{CJK_CHARS}][,;:?!()]|[,;:?!()][{CJK_CHARS}]")


def visible_text(html: str) -> str:
    """Text a reader sees, without code, scripts, styles and tags."""
    html = re.sub(r"<(pre|code|script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    # Inline elements (links, glossary marks) join their text; others separate it.
    html = re.sub(r"</?(?:a|span|button|em|strong|b|i|abbr|mark|small|sup|sub|dfn)\b[^>]*>", "", html)
    html = re.sub(r"<[^>]+>", " ", html)
    return html


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_no_halfwidth_punctuation_next_to_cjk(real_site, variant):
    for page in (real_site / variant).rglob("*.html"):
        text = visible_text(page.read_text(encoding="utf-8"))
        assert HALF_NEXT_TO_CJK.findall(text) == [], page
    html = (real_site / variant / ARTICLE).read_text(encoding="utf-8")
    # Headings, the table of contents, the page title and attributes too.
    assert "To C（" in visible_text(html) and "GMV（" in visible_text(html)
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert ":" not in title and "：" in title


def test_quotes_follow_each_script(real_site):
    seed = "\n".join(seed_lines())
    assert seed.count("“") >= 4
    hant = visible_text((real_site / "zh-hant" / ARTICLE).read_text(encoding="utf-8"))
    hans = visible_text((real_site / "zh-hans" / ARTICLE).read_text(encoding="utf-8"))
    assert "「9·30」" in hant and "「科技向善」" in hant and "「數字廣東」" in hant
    assert "“" not in hant and "”" not in hant
    assert "“9·30”组织变革后" in hans and "“科技向善”" in hans and "“数字广东”" in hans


def test_source_stays_as_written():
    from conftest import REPO
    source = (REPO / "content/articles/tang-daosheng-csig-first-year.md").read_text(encoding="utf-8")
    assert "去年9月30日,騰訊" in source and "To B(企業)" in source


def test_copy_paste_has_no_inserted_spaces(real_site, open_site, tmp_path):
    page, watch, base = open_site(real_site)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page.goto(base + "zh-hant/" + ARTICLE.removesuffix("index.html"), wait_until="networkidle")
    paragraph = page.locator(".zhpress-article__body p").first
    expected = paragraph.evaluate("p => p.textContent")
    assert "To C" in expected
    paragraph.evaluate("""p => {
        const range = document.createRange(); range.selectNodeContents(p);
        const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
    }""")
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == expected.strip()
    assert "去年9月30日，騰訊" in copied and "重點佈局To B（企業）" in copied
    assert not re.search(rf"[{CJK_CHARS}] [{CJK_CHARS}]", copied)
    assert not re.search(rf"[{CJK_CHARS}] [A-Za-z0-9]|[A-Za-z0-9] [{CJK_CHARS}]", copied)
    # The gap between 年 and 9 is drawn by CSS, not typed: it shows in layout only.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).textAutospace") == "normal"
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(tmp_path / f"typeset-{width}.png"), full_page=False)
    assert watch.errors == []


def test_simplified_pages_use_curly_quotes_even_for_corner_brackets(real_site):
    # The summary is written with 「」 in the source.
    source = (REPO / "content/articles/tang-daosheng-csig-first-year.md").read_text(encoding="utf-8")
    assert "summary: 「9·30」" in source
    hans = (real_site / "zh-hans" / ARTICLE).read_text(encoding="utf-8")
    hant = (real_site / "zh-hant" / ARTICLE).read_text(encoding="utf-8")
    assert "“9·30”组织架构调整一年后" in hans and "「" not in visible_text(hans)
    assert "「9·30」組織架構調整一年後" in hant
