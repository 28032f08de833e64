"""`zhpress import hugo`: sections and page bundles, YAML/TOML front
matter, permalinks and aliases, shortcodes, static files."""
from __future__ import annotations

import pytest

from importer_tree import front, lines_of, project_in, run_import, write_tree

CONFIG = """\
baseURL = "https://hugo.example.org/"
title = "博客"
timeZone = "Asia/Shanghai"

[permalinks]
  posts = "/:year/:month/:slug/"

[markup.goldmark.renderer]
  hardWraps = false
"""

BUNDLE = """\
---
title: "页面包"
date: 2019-05-01T10:00:00+08:00
lastmod: 2019-05-02T09:00:00+08:00
slug: bundle-post
categories: ["技术"]
tags: ["Hugo", "Go"]
series: ["建站"]
images: ["cover.jpg"]
draft: false
toc: true
---

![图](img.png) 和 [TOML 文章]({{< ref "toml-post.md#第二节" >}}) 和 [别名](/old/toml/)

{{< figure src="/images/x.png" alt="静态图" title="标题" >}}

{{< highlight go >}}
fmt.Println("{{< x >}}")
{{< /highlight >}}

{{< notice warning "注意" >}}
小心。
{{< /notice >}}

{{< spoiler >}}剧透{{< /spoiler >}}

```
{{</* spoiler */>}}
```
"""

TOML_POST = """\
+++
title = "TOML 文章"
date = 2020-02-02T20:20:00
description = "用 TOML 写的"
aliases = ["/old/toml/"]
+++

前言

## 第二节

回到[页面包]({{< relref "bundle" >}})。
"""


@pytest.fixture
def imported(tmp_path):
    source = write_tree(tmp_path / "blog", {
        "config.toml": CONFIG,
        "content/_index.md": "---\ntitle: 首页\n---\n",
        "content/about.md": "---\ntitle: 关于\n---\n\n我。\n",
        "content/posts/_index.md": "---\ntitle: 文章\n---\n",
        "content/posts/bundle/index.md": BUNDLE,
        "content/posts/bundle/img.png": b"IMG",
        "content/posts/bundle/cover.jpg": b"JPG",
        "content/posts/toml-post.md": TOML_POST,
        "content/posts/draft.md": "---\ntitle: 草稿\ndraft: true\n---\n\n还没写完。\n",
        "static/images/x.png": b"X",
    })
    return run_import("hugo", source, project_in(tmp_path / "site"))


def test_sections_and_bundles_are_posts_and_list_pages_are_not(imported):
    plan, report = imported
    assert sorted(plan.texts) == ["articles/bundle.md", "articles/toml-post.md"]
    lines = lines_of(report)
    assert any(line.startswith("blog/content/about.md:1:1: warning: a page at the top of content/") for line in lines)
    assert any(line.startswith("blog/content/posts/draft.md:1:1: warning: draft: true: a draft") for line in lines)


def test_front_matter_yaml_and_toml(imported):
    plan, _ = imported
    assert front(plan.texts["articles/bundle.md"]) == (
        "title: 页面包\n"
        "date: 2019-05-01T10:00:00+08:00\n"
        "updated: 2019-05-02T09:00:00+08:00\n"
        "tags: [技术, Hugo, Go, 建站]\n"
        "cover: bundle/cover.jpg\n"
        "script: hans\n"
    )
    # TOML builds a datetime: written back in our form, with the site's offset. Too few characters
    # tell its script (页 alone): the project's default stands.
    assert front(plan.texts["articles/toml-post.md"]) == (
        "title: TOML 文章\nsummary: 用 TOML 写的\ndate: 2020-02-02 20:20:00+08:00\n")


def test_shortcodes_links_and_bundle_files(imported):
    plan, _ = imported
    text = plan.texts["articles/bundle.md"]
    assert "![图](bundle/img.png) 和 [TOML 文章](toml-post.md#第二節) 和 [别名](toml-post.md)" in text
    assert '![静态图](../images/x.png "标题")' in text
    assert '```go\nfmt.Println("{{< x >}}")\n```' in text
    assert '!!! warning "注意"\n    小心。\n' in text
    assert "```\n{{< spoiler >}}\n```" in text  # the escaped form is the shortcode shown as text
    assert "[页面包](bundle.md)" in plan.texts["articles/toml-post.md"]
    assert {path: file.read_bytes() for path, file in plan.copies.items()} == {
        "articles/bundle/img.png": b"IMG", "articles/bundle/cover.jpg": b"JPG", "images/x.png": b"X"}


def test_unknown_shortcodes_are_left_and_reported_once_per_pair(imported):
    plan, report = imported
    assert "{{< spoiler >}}剧透{{< /spoiler >}}" in plan.texts["articles/bundle.md"]
    left = [line for line in lines_of(report) if "left as written" in line]
    assert left == ["content/articles/bundle.md:22:1: warning: Hugo shortcode '{{< spoiler >}}' left as written: "
                    "readers would see it as text. Fix: write what it showed as Markdown or HTML, or delete it."]
