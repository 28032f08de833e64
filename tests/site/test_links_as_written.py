"""Links, images and text as real blogs write them: raw HTML links resolved
like Markdown's, static files published once, the check and the strict build
agreeing on every link, soft line breaks and Latin-context punctuation."""
from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import build_site, copy_project

VARIANTS = ("zh-hant", "zh-hans")

LINKING = """---
title: 連結的文章
date: 2021-02-19
---

## 原型鏈

見<a href="other.md">另一篇</a>與<a href="other.md#第二節">它的第二節</a>，
圖在這裡：<img src="img/figure.png" alt="示意圖">，Markdown 的圖：![圖](img/figure.png)。

<div class="gallery"><a href="other.md"><img src="img/figure.png" alt="圖"></a></div>

<a href="#原型鏈">回到本節</a>，外部：<a href="https://example.com/x.md">外站</a>。

這是編輯器折行的第一行的結尾
第二行接著寫，English words
stay apart.

用 Yahoo! 奇摩搜尋，再用 ::first-line 選取，利用 ! 這個運算子，文章 How attacks work? 很好。
騰訊,公司好嗎?是的。

```
程式碼裡的折行
保留,原樣
```
"""

OTHER = """---
title: 另一篇
date: 2021-02-18 22:10
---

## 第一節

內容。

## 第二節

內容。
"""


def make_project(root: Path, linking: str = LINKING) -> Path:
    content = root / "content"
    (content / "articles" / "img").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    (content / "articles" / "linking.md").write_text(linking, encoding="utf-8")
    (content / "articles" / "other.md").write_text(OTHER.replace("2021-02-18 22:10", "2021-02-18"),
                                                   encoding="utf-8")
    (content / "articles" / "img" / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    return copy_project(root / "project", content)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(make_project(tmp_path_factory.mktemp("links")))


def page(site: Path, variant: str) -> str:
    return (site / variant / "articles/linking/index.html").read_text(encoding="utf-8")


def body(html: str) -> str:
    return html.split('<article', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("variant", VARIANTS)
def test_raw_html_links_and_images_resolve_like_markdown(site, variant):
    html = body(page(site, variant))
    assert 'href="../other/"' in html and 'href="other.md"' not in html
    assert 'href="../other/#第二節"' in html or 'href="../other/#第二节"' in html
    assert 'src="img/figure.png"' not in html
    assert html.count('src="../../../articles/img/figure.png"') == 3  # raw, Markdown, inside a div
    assert 'href="https://example.com/x.md"' in html  # external: as written


def test_static_files_are_published_once(site):
    assert (site / "articles/img/figure.png").is_file()
    for variant in VARIANTS:
        assert not (site / variant / "articles/img").exists()


@pytest.mark.parametrize("variant", VARIANTS)
def test_soft_line_break_between_cjk_is_removed(site, variant):
    html = body(page(site, variant))
    assert "的結尾\n第二行" not in html and "的结尾\n第二行" not in html
    assert "的結尾第二行" in html or "的结尾第二行" in html
    assert "English words\nstay apart." in html  # Latin: the break reads as a space
    assert "程式碼裡的折行\n" in html and "保留,原樣\n" in html  # code is never touched


@pytest.mark.parametrize("variant", VARIANTS)
def test_latin_context_marks_stay_as_written(site, variant):
    html = re.sub(r"<[^>]+>", "", body(page(site, variant)))  # entity links join their text
    for kept in ("Yahoo! ", " ::first-line ", " ! ", "How attacks work? "):
        assert kept in html, kept
    assert "公司好嗎？是的" in html or "公司好吗？是的" in html
    assert "騰訊，公司" in html or "腾讯，公司" in html


def run_check(project: Path) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "zhpress", "check", "--format", "json"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]


# Each broken form, and a piece of its address that the build's warning names.
BROKEN = {
    "url-form": ('<a href="../other/">另一篇</a>', "'../other/'"),
    "missing": ('<a href="missing.md">不在</a>', "missing.md"),
    "missing-image": ('<img src="img/nothing.png" alt="無">', "img/nothing.png"),
    "encoded-anchor": ("[第二節](other.md#%E7%AC%AC%E4%BA%8C%E7%AF%80)", "other.md#%E7%AC%AC%E4%BA%8C%E7%AF%80'"),
    "raw-encoded-anchor": ('<a href="other.md#%E7%AC%AC%E4%B8%80%E7%AF%80">第一節</a>',
                           "#%E7%AC%AC%E4%B8%80%E7%AF%80"),
    "markdown-url-form": ("[另一篇](../other/#第一節)", "'../other/#第一節'"),
    # MkDocs reads a destination up to its closing parenthesis, spaces and all.
    "anchor-with-space": ("[設定](#GitHub 上的设置)", "#GitHub 上的设置"),
    "angle-and-more": ("[速查表](<cheat.png> 命令速查表.png)", "命令速查表.png"),
    # superfences reads ```yml:x as text, so the link under it is a link.
    "not-a-fence": ("```yml:.travis.yml\n[不在](gone.md)\n```\n程式\n```", "gone.md"),
}


class Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_check_and_strict_build_refuse_the_same_links(tmp_path):
    """Every broken form at once: `zhpress check` reports each at its line,
    and the strict build, with the check's link rules off, refuses each on
    its own (MkDocs for Markdown links, the raw-link rewriting for HTML)."""
    body, lines = LINKING, {}
    for case, (written, _) in BROKEN.items():
        first = body.count("\n") + 2
        offset = next(i for i, text in enumerate(written.split("\n")) if "](" in text or "=" in text)
        lines[case] = first + offset
        body += "\n" + written + "\n"
    project = make_project(tmp_path, body)
    reported = {e["line"] for e in run_check(project)}
    missed = [case for case, line in lines.items() if line not in reported]
    assert missed == [], "zhpress check passed links the strict build refuses"
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "  - zhpress/check\n", "  - zhpress/check:\n      severity: {link: \"off\", anchor: \"off\", image: \"off\"}\n"),
        encoding="utf-8")
    warnings = Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        with pytest.raises((Abort, PluginError)):
            build_site(project)
    finally:
        logger.removeHandler(warnings)
    unrefused = [case for case, (_, named) in BROKEN.items()
                 if not any(named in message for message in warnings.messages)]
    assert unrefused == [], warnings.messages


def test_check_and_build_accept_the_working_forms(site):
    # The module's site built strictly; `zhpress check` on its project agrees.
    assert run_check(site.parent) == []
