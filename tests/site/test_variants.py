"""繁/简 variants: two complete sites from one source."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from conftest import build_site, copy_project

ARTICLE = "articles/tang-daosheng-csig-first-year/index.html"
VARIANTS = ("zh-hant", "zh-hans")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_simplified_article(real_site):
    html = read(real_site, f"zh-hans/{ARTICLE}")
    for text in ("腾讯", "云与智慧产业事业群", "这么"):
        assert text in html
    assert "騰訊" not in html
    assert '<html lang="zh-Hans"' in html


def test_traditional_article(real_site):
    html = read(real_site, f"zh-hant/{ARTICLE}")
    for text in ("雲與智慧產業事業群", "這麼", "並且", "標誌"):
        assert text in html
    assert "云與智慧" not in html
    assert '<html lang="zh-Hant"' in html


def heading_ids(html: str) -> list[str]:
    return re.findall(r'<h[1-6][^>]* id="([^"]+)"', html)


def test_anchors_match_across_variants(real_site):
    hant, hans = (heading_ids(read(real_site, f"{v}/{ARTICLE}")) for v in VARIANTS)
    assert len(hant) >= 7
    assert hant == hans


def test_hreflang_both_ways(real_site):
    for variant, other in (VARIANTS, VARIANTS[::-1]):
        html = read(real_site, f"{variant}/{ARTICLE}")
        lang = "zh-Hans" if other == "zh-hans" else "zh-Hant"
        assert f'<link rel="alternate" href="../../../{other}/articles/tang-daosheng-csig-first-year/" hreflang="{lang}">' in html
    sitemap = read(real_site, "sitemap.xml")
    for variant in VARIANTS:
        assert f"<loc>https://example.org/{variant}/articles/tang-daosheng-csig-first-year/</loc>" in sitemap


def test_palette_toggle_is_labelled_in_each_script(real_site):
    # mkdocs.yml names the toggles in Traditional; Simplified readers get them in theirs.
    hant, hans = (read(real_site, f"{v}/{ARTICLE}") for v in VARIANTS)
    assert 'aria-label="切換到深色模式"' in hant and 'title="切換到深色模式"' in hant
    assert 'aria-label="切换到深色模式"' in hans and 'title="切换到深色模式"' in hans
    assert "切換到" not in hans


def test_skip_link_and_heading_anchors_say_what_they_do_in_each_script(real_site):
    for variant, anchor in (("zh-hant", "連到本節"), ("zh-hans", "连到本节")):
        html = read(real_site, f"{variant}/{ARTICLE}")
        assert re.search(r'class="md-skip">\s*跳到正文\s*</a>', html)
        titles = re.findall(r'<a class="headerlink" href="[^"]*" title="([^"]*)"', html)
        assert len(titles) >= 7 and set(titles) == {anchor}, set(titles)
        assert "Permanent link" not in html


def test_interface_strings_in_each_script(real_site):
    hant, hans = (read(real_site, f"{v}/{ARTICLE}") for v in VARIANTS)
    assert 'placeholder="搜尋"' in hant and 'placeholder="搜索"' in hans
    assert ">受訪<" in hant and ">受访<" in hans
    assert "<title>湯道生：產業互聯網的第一年" in hant and "<title>汤道生：产业互联网的第一年" in hans


HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>')


def test_internal_links_stay_inside_their_variant(real_site):
    checked = 0
    for variant in VARIANTS:
        for page in (real_site / variant).rglob("*.html"):
            url = "http://site/" + str(page.relative_to(real_site)).removesuffix("index.html")
            for tag in re.findall(r"<a\s[^>]*>", page.read_text(encoding="utf-8")):
                if "data-zhpress-variant" in tag:  # the switch leads to the other script on purpose
                    continue
                href = re.search(r'href="([^"]*)"', tag)
                if not href or re.match(r"[a-z]+:", href.group(1)) or href.group(1).startswith("#"):
                    continue
                target = unquote(urljoin(url, href.group(1)))
                assert target.startswith(f"http://site/{variant}/"), (page, href.group(1))
                checked += 1
    assert checked > 50


def test_root_page_is_the_default_home_without_a_redirect(real_site):
    root = read(real_site, "index.html")
    home = read(real_site, "zh-hant/index.html")
    assert '<base href="zh-hant/">' in root
    assert root.replace(root[root.index("\n<base"):root.index("</script>") + len("</script>")], "") == home
    assert '<link rel="canonical" href="https://example.org/zh-hant/">' in root
    assert "localStorage" in root and "navigator.languages" in root


FIXTURE_ARTICLE = '''---
title: 雲端的程式碼
tags: [雲計算]
---

## 雲與代碼

騰訊雲的文件在 [騰訊雲網站](https://cloud.tencent.com/document/云/product?q=騰訊) 上，
見 `print("騰訊雲")` 與 <https://example.com/騰訊/后台>。

```python
# 後台：騰訊雲與智慧產業
name = "云與智慧產業事業群"  # 并且
```

![騰訊雲的標志](images/騰訊雲.png "騰訊雲的標志")

<span title="雲與智慧" data-note="雲與智慧">雲與智慧</span>

周杰倫的演唱會。
'''

SIMPLIFIED_ARTICLE = '''---
title: 简体写成的文章
script: hans
---

## 云计算

这么多的云与智慧产业。

周杰伦的演唱会。
'''


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("variants")
    content = root / "content"
    (content / "articles" / "images").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    (content / "articles" / "code.md").write_text(FIXTURE_ARTICLE, encoding="utf-8")
    (content / "articles" / "simplified.md").write_text(SIMPLIFIED_ARTICLE, encoding="utf-8")
    (content / "articles" / "images" / "騰訊雲.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project = copy_project(root / "project", content)
    (project / "site_config" / "variants.yml").write_text(
        "phrases:\n  - hant: 周傑倫\n    hans: 周杰伦\n", encoding="utf-8")
    return build_site(project)


def code_blocks(html: str) -> list[str]:
    return re.findall(r"<pre.*?</pre>|<code.*?</code>", html, re.S)


def test_code_blocks_are_byte_identical(fixture_site):
    hant, hans = (read(fixture_site, f"{v}/articles/code/index.html") for v in VARIANTS)
    assert code_blocks(hant) == code_blocks(hans)
    assert len(code_blocks(hant)) >= 2
    joined = "".join(code_blocks(hant))
    assert "云與智慧產業事業群" in joined and "并且" in joined and "騰訊雲" in joined


def test_urls_and_technical_attributes_are_not_converted(fixture_site):
    hans = read(fixture_site, "zh-hans/articles/code/index.html")
    assert 'href="https://cloud.tencent.com/document/云/product?q=騰訊"' in hans
    assert "https://example.com/騰訊/后台" in hans
    assert 'data-note="雲與智慧"' in hans  # not a human-readable attribute
    assert 'title="云与智慧"' in hans and ">云与智慧</span>" in hans
    assert 'alt="腾讯云的标志"' in hans
    assert "images/%E9%A8%B0%E8%A8%8A%E9%9B%B2.png" in hans  # the file name as written
    # Published once, at its own address, for both scripts.
    assert (fixture_site / "articles/images/騰訊雲.png").exists()
    assert not (fixture_site / "zh-hans/articles/images/騰訊雲.png").exists()
    assert not (fixture_site / "zh-hant/articles/images/騰訊雲.png").exists()
    assert "../../../articles/images/%E9%A8%B0%E8%A8%8A%E9%9B%B2.png" in hans


def test_faithful_text_and_override_in_a_built_page(fixture_site):
    hant, hans = (re.sub(r"</?(?:a|span|button)\b[^>]*>", "", read(fixture_site, f"{v}/articles/code/index.html"))
                  for v in VARIANTS)  # glossary marks and links join their text
    assert "騰訊雲的文件" in hant and "腾讯云的文件" in hans
    # Unmarked Traditional text is published as written, even a spelling
    # the override does not list (周杰倫 is neither of its forms).
    assert "周杰倫的演唱會" in hant and "周杰伦的演唱会" in hans
    # A Simplified source: OpenCC alone writes 周杰倫, the override 周傑倫.
    hant = read(fixture_site, "zh-hant/articles/simplified/index.html")
    assert "周傑倫的演唱會" in hant


def test_simplified_source(fixture_site):
    hant, hans = (read(fixture_site, f"{v}/articles/simplified/index.html") for v in VARIANTS)
    assert "這麼多的雲與智慧產業" in hant and "<h1>簡體寫成的文章</h1>" in hant
    assert "这么多的云与智慧产业" in hans


def test_switch_keeps_the_section_and_is_remembered(real_site, open_site, tmp_path):
    page, watch, base = open_site(real_site)
    page.goto(base + "zh-hant/" + ARTICLE.removesuffix("index.html"), wait_until="networkidle")
    third = page.locator(".zhpress-article__body h2").nth(2)
    third_id = third.get_attribute("id")
    # Scroll as a reader does (no click on the table of contents, no #hash yet).
    page.evaluate("id => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - 60)", third_id)
    page.wait_for_timeout(300)
    page.locator("a[data-zhpress-variant='zh-hans']").click()
    page.wait_for_url("**/zh-hans/articles/tang-daosheng-csig-first-year/**")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.evaluate("decodeURIComponent(location.hash)") == "#" + third_id
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", third_id)
    assert 0 <= top < 200  # the same section is on screen
    assert page.locator(f"[id='{third_id}']").inner_text().startswith("用好 C 端的优势")
    page.screenshot(path=str(tmp_path / "switched.png"))

    # The choice is remembered: the root now opens the Simplified site.
    page.goto(base, wait_until="networkidle")
    assert page.url == base + "zh-hans/"
    assert watch.foreign_requests == [] and watch.errors == []


@pytest.mark.parametrize("locale, expected", [("zh-CN", "zh-hans"), ("zh-TW", "zh-hant"), ("zh-HK", "zh-hant"),
                                              ("en-US", "zh-hant")])
def test_root_follows_browser_language(real_site, open_site, locale, expected):
    page, watch, base = open_site(real_site, locale=locale)
    page.goto(base, wait_until="networkidle")
    # The default script is served at the root itself; the other one is a step away.
    assert page.url == base + ("" if expected == "zh-hant" else expected + "/")
    assert page.evaluate("document.documentElement.lang") == {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}[expected]
    # Links of the root page lead into the variant.
    href = page.evaluate("document.querySelector('.zhpress-list a, .md-content a[href*=articles]').href")
    assert href.startswith(base + expected + "/articles/")
    assert watch.errors == []
