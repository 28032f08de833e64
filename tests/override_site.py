"""A small site whose pages show one word written three ways: 原型鍊 (which
OpenCC's tw2s makes 原型炼, and the shipped phrase 原型鍊/原型链 makes
原型链), 原型鏈 and, in a Simplified source, 原型链; a site's own phrase
override (雪梨/悉尼); and numbers that are two tokens (v4 #18) beside one
(v418). For the search tests of both tiers."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, build_site, copy_project

ARTICLES = {
    # Traditional sources: tw2s writes 原型炼; the shipped phrase fixes the page.
    "a": ("JS 的原型鍊", "hant", "每個物件都有原型鍊。物件 v4 #18 版起支援。"),
    "b": ("再談原型鍊", "hant", "沿著原型鍊往上找屬性。"),
    "c": ("原型鍊與類別", "hant", "類別只是原型鍊的語法糖。"),
    # written 鏈: 链 character by character
    "d": ("原型鏈", "hant", "原型鏈的盡頭是 null。"),
    # a Simplified source, published as written
    "e": ("原型链入门", "hans", "每个对象都有原型链。版本号 v418 发布了。"),
    # a site's own phrase override (site_config/variants.yml), both directions
    "f": ("開發雪梨", "hant", "在雪梨談原型鍊。"),
    # none of it
    "g": ("鏈條", "hant", "這是一條鐵鍊。"),
}
SHOWS_WORD = {f"articles/{slug}/" for slug in "abcdef"}  # the pages that show 原型链 on zh-Hans


def build_override_site(root: Path) -> Path:
    """Builds the site under `root`; returns its site folder."""
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(REPO / "content" / "index.md", content / "index.md")
    for slug, (title, script, body) in ARTICLES.items():
        (content / "articles" / f"{slug}.md").write_text(
            f"---\ntitle: {title}\nscript: {script}\n---\n\n{body}\n", encoding="utf-8")
    project = copy_project(root / "project", content)
    overrides = project / "site_config" / "variants.yml"
    overrides.write_text(overrides.read_text(encoding="utf-8") + "  - hant: 雪梨\n    hans: 悉尼\n",
                         encoding="utf-8")
    return build_site(project)
