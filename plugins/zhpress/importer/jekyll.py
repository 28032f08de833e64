"""Jekyll: `_posts/YYYY-MM-DD-name.md` (also under a category folder,
`blog/_posts/`) are posts, `_drafts/` drafts, other Markdown pages; the
site's own folder is served as it is (names starting with _ or . and
`exclude:` left out); addresses come from `permalink` (date, pretty,
ordinal, none or a pattern; default date) under `baseurl`, front matter
`permalink` and `redirect_from`. Liquid: link, post_url, site.baseurl,
site.url, relative_url, absolute_url, highlight, raw; any other tag is
reported."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..core.dates import PartialDate
from .mapping import Keys, first_text
from .report import Finding
from .sources import SourcePost, SourceSite, files_under, is_markdown, read_post, skip, tz_name
from .syntax import (
    Block, Body, code_fence, convert_blocks, destination, drop_inline_raw, substitute, unwrap_raw,
)

NAME = "Jekyll"
KEYS = Keys(cover=("image", "cover", "header.image", "header.overlay_image", "header.teaser", "thumbnail",
                   "feature_image", "featured_image"),
            updated=("last_modified_at", "updated", "modified", "lastmod"),
            split_tag_text=True)
_DATED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
LINK = re.compile(r"\{%-?\s*(link|post_url)\s+(\S+?)\s*-?%\}")
# {{ site.baseurl }}, {{ site.url }}{{ site.baseurl }}: the site's own address, now relative links.
SITE_URL = re.compile(r"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}")
# {{ "/x.png" | relative_url }}, {{ '/x' | prepend: site.baseurl }}
FILTERED = re.compile(r"\{\{-?\s*([\"'])(.*?)\1\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:url|baseurl))"
                      r"(?:\s*\|\s*prepend:\s*site\.(?:url|baseurl))*\s*-?\}\}")


def read_config(root: Path) -> dict:
    try:
        data = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = {}
    return data if isinstance(data, dict) else {}


def looks_like(root: Path) -> bool:
    return (root / "_posts").is_dir() or any(root.glob("*/_posts"))


def read_site(root: Path, shown_root: str) -> SourceSite:
    config = read_config(root)
    site = SourceSite("jekyll", root, shown_root, config, timezone=tz_name(config.get("timezone")))
    site.served_at(config.get("url"), config.get("baseurl"))
    site.liquid_in_code = True
    kramdown = config.get("kramdown") or {}
    site.line_breaks = isinstance(kramdown, dict) and kramdown.get("hard_wrap") is True
    excluded = {str(e).strip("/") for e in config.get("exclude") or []} | {"node_modules", "vendor"}
    site.static = [("/", root)]  # files and folders starting with _ or . are never served (resolve.py)
    permalink = str(config.get("permalink") or "date")
    for posts_dir in sorted([root / "_posts", *root.glob("*/_posts")]):
        category = posts_dir.parent.name if posts_dir.parent != root else ""
        for path in files_under(posts_dir):
            if not is_markdown(path):
                continue
            dated = _DATED.match(path.stem)
            post = read_post(site, path, dated.group(4) if dated else path.stem)
            if post is None:
                continue
            if post.meta.get("published") is False:
                skip(site, path, "published: false: a draft, not imported", "publish it and import again")
                continue
            if post.meta.get("date") is None and dated:
                post.meta["date"] = "-".join(dated.group(i) for i in (1, 2, 3))
            post.old_urls = old_urls(post, permalink, category)
            site.posts.append(post)
    for path in files_under(root / "_drafts"):
        if is_markdown(path):
            skip(site, path, "a draft (_drafts), not imported", "move it to _posts/ and import again")
    for path in files_under(root):
        relative = path.relative_to(root)
        if is_markdown(path) and not relative.parts[0].startswith("_") and relative.parts[0] not in excluded \
                and path.stem.lower() not in ("readme", "license", "changelog"):
            skip(site, path, "a page, not a post: not imported", "copy what readers need into content/ by hand")
    return site


def old_urls(post: SourcePost, permalink: str, folder_category: str) -> list[str]:
    meta = post.meta
    urls = []
    if first_text(meta.get("permalink")):
        urls.append("/" + first_text(meta.get("permalink")).lstrip("/"))
    try:
        date = PartialDate.parse(meta.get("date")) if meta.get("date") is not None else None
    except ValueError:
        date = None
    categories = meta.get("categories", meta.get("category")) or []
    if isinstance(categories, str):
        categories = categories.split()
    categories = [folder_category] * bool(folder_category) + [str(c) for c in categories]
    pattern = _STYLES.get(permalink, permalink)
    values = {
        "categories": "/".join(c.lower().replace(" ", "-") for c in categories),
        "year": f"{date.year:04d}" if date else "", "month": f"{date.month:02d}" if date else "",
        "day": f"{date.day:02d}" if date else "", "i_month": str(date.month) if date else "",
        "i_day": str(date.day) if date else "", "short_year": f"{date.year % 100:02d}" if date else "",
        "title": first_text(meta.get("slug")) or post.name, "slug": first_text(meta.get("slug")) or post.name,
        "output_ext": ".html", "y_day": "", "week": "", "short_day": "",
    }
    url = re.sub(r":(categories|short_year|i_month|i_day|output_ext|y_day|short_day|year|month|day|title|slug|week)",
                 lambda m: values[m.group(1)], pattern)
    urls.append("/" + re.sub(r"/{2,}", "/", url).lstrip("/"))
    redirects = meta.get("redirect_from") or []
    urls += ["/" + str(r).lstrip("/") for r in (redirects if isinstance(redirects, list) else [redirects])]
    return urls


def _highlight(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    fence = code_fence(content)
    return fence + (opened.group(1) or ""), content, fence


BLOCKS = [Block(re.compile(r"\{%-?\s*highlight\s+([\w+#-]+)?.*?-?%\}$"),
                re.compile(r"\{%-?\s*endhighlight\s*-?%\}$"), _highlight, code=True)]


def convert_syntax(body: Body, post: SourcePost, resolver) -> list:
    findings: list = []
    unwrap_raw(body)
    convert_blocks(body, BLOCKS)

    def replace_link(match: re.Match, index: int) -> str:
        reference = match.group(2)
        target = resolver.post_named(reference)
        if target is None or not target.old_urls:
            findings.append(Finding(index, match.start() + 1, f"{match.group(1)} '{reference}' names no post of "
                                    f"{resolver.site.shown_root}: left as written",
                                    "link the article relative to this file, e.g. other-post.md"))
            return match.group(0)
        return destination(target.old_urls[0])

    # Liquid runs before Markdown: its tags are read in code too.
    substitute(body, LINK, replace_link, liquid_in_code=True)
    substitute(body, FILTERED, lambda m, i: destination(m.group(2)), liquid_in_code=True)
    substitute(body, SITE_URL, lambda m, i: "", liquid_in_code=True)
    drop_inline_raw(body, liquid_in_code=True)
    return findings
