"""`zhpress import jekyll`: dated post files, drafts, pretty permalinks
under a baseurl, Liquid links and filters, static assets."""
from __future__ import annotations

import pytest

from importer_tree import front, lines_of, project_in, run_import, write_tree

CONFIG = """\
title: 部落格
url: https://me.github.io
baseurl: /blog
permalink: pretty
timezone: Asia/Taipei
"""

FIRST = """\
---
layout: post
title: 第一篇
categories: 筆記 工具
tags: jekyll 部落格
image:
  path: /assets/cover.png
excerpt: 一句話的摘要。
---

第一篇的內容。

## 設定

文字。
"""

SECOND = """\
---
layout: post
title: 第二篇
date: 2019-02-01 08:30:00 +0800
author:
  name: 王小明
---

見[第一篇]({% link _posts/2019-01-01-first.md %})、[同一篇]({% post_url 2019-01-01-first %}#設定)。

![圖]({{ site.baseurl }}/assets/img.png) ![圖二]({{ "/assets/img.png" | relative_url }})
[舊網址](https://me.github.io/blog/2019/01/01/first/) [外站](https://other.example.org/x/)

{% highlight ruby %}
puts "{{ not liquid }}"
{% endhighlight %}

{% raw %}
寫 `{{ page.title }}` 可以拿到標題。
{% endraw %}

{% include footer.html %}
"""


@pytest.fixture
def imported(tmp_path):
    source = write_tree(tmp_path / "blog", {
        "_config.yml": CONFIG,
        "_posts/2019-01-01-first.md": FIRST,
        "_posts/2019-02-01-second.markdown": SECOND,
        "_drafts/idea.md": "---\ntitle: 點子\n---\n\n還沒寫。\n",
        "about.md": "---\ntitle: 關於\n---\n\n我。\n",
        "README.md": "# repo\n",
        "assets/img.png": b"IMG",
        "assets/cover.png": b"COVER",
    })
    return run_import("jekyll", source, project_in(tmp_path / "site"))


def test_dated_file_names_give_the_slug_and_the_date(imported):
    plan, _ = imported
    assert sorted(plan.texts) == ["articles/first.md", "articles/second.md"]
    assert front(plan.texts["articles/first.md"]) == (
        "title: 第一篇\nsummary: 一句話的摘要。\ndate: 2019-01-01\ntags: [筆記, 工具, jekyll, 部落格]\n"
        "cover: ../assets/cover.png\n")
    assert front(plan.texts["articles/second.md"]) == (
        "title: 第二篇\nauthor: 王小明\ndate: 2019-02-01 08:30:00 +0800\n")


def test_liquid_links_filters_and_blocks(imported):
    plan, _ = imported
    text = plan.texts["articles/second.md"]
    assert "見[第一篇](first.md)、[同一篇](first.md#設定)。" in text
    assert "![圖](../assets/img.png) ![圖二](../assets/img.png)" in text
    assert "[舊網址](first.md) [外站](https://other.example.org/x/)" in text
    assert '```ruby\nputs "{{ not liquid }}"\n```' in text
    assert "\n\n寫 `{{ page.title }}` 可以拿到標題。\n\n" in text
    assert {path: file.read_bytes() for path, file in plan.copies.items()} == {
        "assets/img.png": b"IMG", "assets/cover.png": b"COVER"}


def test_drafts_pages_and_unknown_tags_are_reported(imported):
    _, report = imported
    lines = lines_of(report)
    assert "blog/_drafts/idea.md:1:1: warning: a draft (_drafts), not imported. Fix: move it to _posts/ and " \
           "import again." in lines
    assert any(line.startswith("blog/about.md:1:1: warning: a page, not a post") for line in lines)
    assert not any("README" in line for line in lines)
    assert any(line.startswith("content/articles/second.md:20:1: warning: Liquid tag '{% include footer.html %}'")
               for line in lines)
