"""`zhpress import hexo`: posts, drafts and pages of a Hexo tree; front
matter mapped; tag plugins, links and images rewritten; what needs a human
reported at its line."""
from __future__ import annotations

import pytest

from importer_tree import front, lines_of, project_in, run_import, write_tree

CONFIG = """\
title: 部落格
url: https://blog.example.tw
root: /
permalink: :year/:month/:day/:title/
timezone: Asia/Taipei
marked:
  breaks: true
"""

HELLO = """\
---
title: 你好，世界
date: 2018-12-29 22:10
updated: 2019-01-02 08:00:00
author: gasolin
description: 第一篇<b>文章</b>的導言
tags: [前端, 2019]
categories:
  - [技術, JavaScript]
  - 生活
cover: /images/cover.png
layout: post
comments: true
mood: 開心
---

第一段的第一行
第一段的第二行

<!-- more -->

## 小節

見[第二篇](/2019/01/05/second/)、{% post_link second %}與<a href="/2019/01/05/second/#細節">細節</a>。

![封面](/images/cover.png) <img src="/images/cover.png" alt="封面"> ![遺失](/images/none.png)

```js
{% post_link nowhere %}
```

{% youtube dQw4w9WgXcQ %} {% unknown_tag x %} 見 https://example.org/x 。
"""

SECOND = """\
---
title: 第二篇
date: 2019-01-05
tags: 前端
---

{% asset_img pic.png 一張圖 %}

## 細節

{% codeblock lang:python %}
print("{% raw %}")
{% endcodeblock %}

{% blockquote 魯迅, 吶喊 %}
我家門前有兩棵樹
{% endblockquote %}
"""

TABBED = "---\ntitle: 有 tab 的文章\ntags:\n\t- 工具\n\t- 編輯器\n---\n\n正文。\n"
SIMPLIFIED = "---\ntitle: 简体文章\ndate: 2020-03-01\n---\n\n这是一篇用简体字写的文章，说明后来的发展。\n"
HEADLESS = "title: 沒有開頭的前言\ndate: 2017-05-01\n---\n\n正文。\n"


@pytest.fixture
def imported(tmp_path):
    source = write_tree(tmp_path / "blog", {
        "_config.yml": CONFIG,
        "source/_posts/hello-world.md": HELLO,
        "source/_posts/second.md": SECOND,
        "source/_posts/second/pic.png": b"PNG",
        "source/_posts/Tabbed Post.md": TABBED,
        "source/_posts/简体.md": SIMPLIFIED,
        "source/_posts/headless.md": HEADLESS,
        "source/_posts/hidden.md": "---\ntitle: 未發表\npublished: false\n---\n\n草稿。\n",
        "source/_drafts/draft.md": "---\ntitle: 草稿\n---\n\n還沒寫完。\n",
        "source/about/index.md": "---\ntitle: 關於\n---\n\n我。\n",
        "source/images/cover.png": b"COVER",
    })
    project = project_in(tmp_path / "site")
    plan, report = run_import("hexo", source, project)
    return plan, report


def test_posts_land_in_articles_with_file_names_made_addresses(imported):
    plan, _ = imported
    assert sorted(plan.texts) == ["articles/headless.md", "articles/hello-world.md", "articles/second.md",
                                  "articles/tabbed-post.md", "articles/简体.md"]


def test_front_matter_is_mapped_to_ours(imported):
    plan, report = imported
    assert front(plan.texts["articles/hello-world.md"]) == (
        "title: 你好，世界\n"
        "summary: 第一篇文章的導言\n"
        "author: gasolin\n"
        "date: 2018-12-29 22:10+08:00\n"  # the old site's time zone, made explicit
        "updated: 2019-01-02 08:00:00+08:00\n"
        "tags: [技術, JavaScript, 生活, 前端, '2019']\n"
        "cover: ../images/cover.png\n"
    )
    assert "tags: [前端]" in plan.texts["articles/second.md"]  # a tag written as text
    assert plan.copies["images/cover.png"].read_bytes() == b"COVER"
    # Keys that only steered Hexo are left out quietly; others once, at their line.
    assert "blog/source/_posts/hello-world.md:14:1: warning: front matter key 'mood' has no place on this site" \
           in report.text()
    assert "layout" in report.dropped and "'layout'" not in report.text()


def test_script_tabs_and_headless_front_matter(imported):
    plan, _ = imported
    assert "script: hans" in plan.texts["articles/简体.md"]
    assert "script:" not in plan.texts["articles/hello-world.md"]
    assert "tags: [工具, 編輯器]" in plan.texts["articles/tabbed-post.md"]
    assert "title: 沒有開頭的前言" in plan.texts["articles/headless.md"]


def test_links_images_and_tag_plugins_become_relative_markdown(imported):
    plan, _ = imported
    hello = plan.texts["articles/hello-world.md"]
    assert "見[第二篇](second.md)、[第二篇](second.md)與<a href=\"second.md#細節\">細節</a>。" in hello
    assert "![封面](../images/cover.png) <img src=\"../images/cover.png\" alt=\"封面\">" in hello
    assert "{% post_link nowhere %}" in hello  # inside code: as written
    assert "[YouTube: dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in hello
    assert "<https://example.org/x>" in hello  # GFM's autolink, written out
    assert "<!-- more -->" not in hello
    second = plan.texts["articles/second.md"]
    assert "![一張圖](second/pic.png \"一張圖\")" in second
    assert plan.copies["articles/second/pic.png"].read_bytes() == b"PNG"
    assert '```python\nprint("{% raw %}")\n```' in second  # code stays as written
    assert "> 我家門前有兩棵樹<br>\n> —— 魯迅, 吶喊" in second


def test_line_breaks_the_old_site_showed_are_kept(imported):
    plan, _ = imported
    assert "第一段的第一行<br>\n第一段的第二行\n" in plan.texts["articles/hello-world.md"]


def test_what_needs_a_human_is_reported_at_its_line(imported):
    _, report = imported
    lines = lines_of(report)
    hello = "content/articles/hello-world.md"
    # Lines and columns of the imported file, as `zhpress check` would give them.
    assert f"{hello}:20:75: warning: image '/images/none.png' is not in blog: not imported. Fix: put the image " \
           "in content/ and link it relative to this file, or delete it." in lines
    assert any(line.startswith(f"{hello}:26:69: warning: Hexo tag '{{% unknown_tag x %}}' left as written")
               for line in lines)
    assert "blog/source/_drafts/draft.md:1:1: warning: a draft (source/_drafts), not imported. Fix: publish it " \
           "(hexo publish) and import again." in lines
    assert any(line.startswith("blog/source/about/index.md:1:1: warning: a page, not a post") for line in lines)
    assert any(line.startswith("blog/source/_posts/hidden.md:1:1: warning: published: false") for line in lines)
    assert not report.failed


def test_breaks_join_leaves_lines_as_markdown_reads_them(tmp_path):
    source = write_tree(tmp_path / "blog", {"_config.yml": CONFIG, "source/_posts/a.md": HELLO})
    plan, _ = run_import("hexo", source, project_in(tmp_path / "site"), breaks="join")
    assert "第一段的第一行\n第一段的第二行" in plan.texts["articles/a.md"]
