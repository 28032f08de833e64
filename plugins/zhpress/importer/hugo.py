"""Hugo: every Markdown file in a section of `content/` is a post (`_index.md`
list pages and files at the top of content/ are pages); a folder with an
index.md is a page bundle whose other files belong to the post; `static/`
and `content/` are served as they are; addresses come from `permalinks`
(default /<section>/<slug or file name>/), front matter `url`, `slug` and
`aliases`, lower case unless `disablePathToLower`. Front matter in YAML,
TOML or JSON. Shortcodes: ref, relref, figure, img/image, youtube, vimeo,
bilibili, gist, tweet, highlight, notice-like and details-like blocks;
`{{</* x */>}}` is the literal `{{< x >}}`; any other is reported."""
from __future__ import annotations

import json
import posixpath
import re
import tomllib
from pathlib import Path

import yaml

from ..core.dates import PartialDate
from .mapping import Keys, first_text
from .report import Finding
from .sources import SourcePost, SourceSite, files_under, is_markdown, read_post, skip, tz_name
from .syntax import (
    Block, Body, arguments, code_fence, convert_blocks, destination, image, link, substitute, video_link,
)

NAME = "Hugo"
KEYS = Keys(cover=("cover", "images", "featured_image", "featuredImage", "image", "thumbnail", "feature"),
            summary=("description", "summary", "excerpt", "abstract"),
            updated=("lastmod", "updated", "modified", "last_modified"),
            date=("date", "publishDate", "publishdate", "pubDate"),
            tags=("categories", "category", "tags", "tag", "series"))
SHORTCODE = re.compile(r"\{\{([<%])-?\s*(/?[\w./-]+)(?:\s+(.*?))?\s*-?([>%])\}\}")
ESCAPED = re.compile(r"\{\{([<%])/\*\s*(.*?)\s*\*/([>%])\}\}")
_ADMONITIONS = {"notice", "admonition", "alert", "callout", "hint", "note", "tip", "info", "warning", "caution",
                "danger", "error", "important"}
_DETAILS = {"details", "spoiler", "collapse", "expand", "toggle"}
_REPEATS_FRONT_MATTER = {"featuredimage", "featured-image", "featured_image"}
_CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                 "config.json")


def _load(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError):
        return {}
    return _lower_keys(data) if isinstance(data, dict) else {}


def _lower_keys(value):
    """Hugo's configuration keys are case-insensitive."""
    if isinstance(value, dict):
        return {str(k).lower(): _lower_keys(v) for k, v in value.items()}
    return value


def read_config(root: Path) -> dict:
    config: dict = {}
    for name in _CONFIG_NAMES:
        if (root / name).is_file():
            config.update(_load(root / name))
            break
    default = root / "config" / "_default"
    for path in sorted(default.glob("*")) if default.is_dir() else []:
        if path.suffix not in (".toml", ".yaml", ".yml", ".json"):
            continue
        data = _load(path)
        if path.stem in ("hugo", "config"):
            config.update(data)
        else:
            config.setdefault(path.stem.split(".")[0], {}).update(data)
    return config


def looks_like(root: Path) -> bool:
    return (root / "content").is_dir() and (any((root / n).is_file() for n in _CONFIG_NAMES)
                                            or (root / "config").is_dir() or (root / "archetypes").is_dir())


def read_site(root: Path, shown_root: str) -> SourceSite:
    config = read_config(root)
    site = SourceSite("hugo", root, shown_root, config, timezone=tz_name(config.get("timezone")))
    site.served_at(config.get("baseurl"))
    content = root / str(config.get("contentdir") or "content")
    site.static = [("/", root / str(config.get("staticdir") or "static")), ("/", content)]
    goldmark = (config.get("markup") or {}).get("goldmark") or {}
    site.line_breaks = bool((goldmark.get("renderer") or {}).get("hardwraps"))
    site.linkify = (goldmark.get("extensions") or {}).get("linkify", True) is not False  # Goldmark's default
    language = str(config.get("defaultcontentlanguage") or "")
    prefix = f"/{language}" if language and config.get("defaultcontentlanguageinsubdir") else ""
    lower = not config.get("disablepathtolower")
    permalinks = {str(k): str(v) for k, v in (config.get("permalinks") or {}).items() if isinstance(v, str)}
    bundles = {path.parent for path in files_under(content) if path.name in ("index.md", "index.markdown")}
    for path in files_under(content):
        if not is_markdown(path):
            continue
        relative = path.relative_to(content)
        if path.stem == "_index":
            continue
        if len(relative.parts) == 1:
            skip(site, path, "a page at the top of content/, not a post: not imported",
                 "copy what readers need into content/ by hand")
            continue
        if any(parent in bundles for parent in path.parents if parent != path.parent) or (
                path.parent in bundles and path.stem != "index"):
            continue  # a Markdown resource of a page bundle
        bundle = path.parent if path.stem == "index" else None
        name = bundle.name if bundle else re.sub(r"\.[a-z]{2}(-[a-z]{2,4})?$", "", path.stem, flags=re.I)
        post = read_post(site, path, name, assets=bundle)
        if post is None:
            continue
        if post.meta.get("draft") is True:
            skip(site, path, "draft: true: a draft, not imported", "publish it (draft: false) and import again")
            continue
        if post.meta.get("headless") is True:
            continue
        post.old_urls = old_urls(post, relative, permalinks, prefix, lower)
        site.posts.append(post)
    return site


def old_urls(post: SourcePost, relative: Path, permalinks: dict[str, str], prefix: str, lower: bool) -> list[str]:
    meta = post.meta
    section = relative.parts[0]
    slug = first_text(meta.get("slug")) or post.name
    urls = []
    if first_text(meta.get("url")):
        urls.append("/" + first_text(meta.get("url")).lstrip("/"))
    else:
        pattern = permalinks.get(section) or permalinks.get("page") or ""
        if pattern:
            urls.append(_expand(pattern, post, section, slug, relative))
        else:
            # The page's folder in content/ (a bundle's: the folder holding it), then its slug.
            folder = (relative.parent.parent if post.assets else relative.parent).as_posix()
            urls.append(posixpath.join("/", folder, slug) + "/")
    aliases = meta.get("aliases") or []
    urls += ["/" + str(alias).lstrip("/") for alias in (aliases if isinstance(aliases, list) else [aliases])]
    if lower:
        urls = [url.lower() for url in urls]
    return [prefix + url for url in urls] + (urls if prefix else [])


def _expand(pattern: str, post: SourcePost, section: str, slug: str, relative: Path) -> str:
    try:
        date = PartialDate.parse(post.meta.get("date")) if post.meta.get("date") is not None else None
    except ValueError:
        date = None
    title = re.sub(r"\s+", "-", first_text(post.meta.get("title")).lower())
    values = {
        "year": f"{date.year:04d}" if date else "", "month": f"{date.month:02d}" if date else "",
        "day": f"{date.day:02d}" if date else "", "section": section, "sections": "/".join(relative.parent.parts),
        "title": title, "slug": slug, "filename": post.name, "slugorfilename": slug, "contentbasename": post.name,
    }
    url = re.sub(r":(slugorfilename|contentbasename|filename|sections|section|year|month|day|title|slug)",
                 lambda m: values[m.group(1)], pattern)
    return "/" + url.lstrip("/")


# --- shortcodes ----------------------------------------------------------------

def _admonition(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    name = opened.group(1).lower()
    positional, named = arguments(opened.group(2) or "")
    kind = (positional[0] if positional and name in ("notice", "admonition", "alert", "callout", "hint")
            else name if name not in ("notice", "admonition", "alert", "callout", "hint") else "note").lower()
    kind = {"error": "danger", "caution": "warning", "important": "warning"}.get(kind, kind)
    title = named.get("title") or (positional[1] if len(positional) > 1 else "")
    head = f'!!! {re.sub(r"[^a-z]", "", kind) or "note"}' + (f' "{title}"' if title and '"' not in title else "")
    return head, [("    " + line) if line.strip() else "" for line in content], ""


def _details(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    positional, named = arguments(opened.group(2) or "")
    title = named.get("summary") or named.get("title") or (positional[0] if positional else "") or opened.group(1)
    head = "??? note" + (f' "{title}"' if '"' not in title else "")
    return head, [("    " + line) if line.strip() else "" for line in content], ""


def _highlight(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    positional, _ = arguments(opened.group(2) or "")
    fence = code_fence(content)
    return fence + (positional[0] if positional else ""), content, fence


def _block(names: set[str], convert, code: bool = False) -> Block:
    group = "|".join(sorted(names))
    return Block(re.compile(rf"\{{\{{[<%]-?\s*({group})(?:\s+(.*?))?\s*-?[>%]\}}\}}$", re.IGNORECASE),
                 re.compile(rf"\{{\{{[<%]-?\s*/({group})\s*-?[>%]\}}\}}$", re.IGNORECASE), convert, code)


BLOCKS = [_block({"highlight"}, _highlight, code=True), _block(_ADMONITIONS, _admonition),
          _block(_DETAILS, _details)]


def convert_syntax(body: Body, post: SourcePost, resolver) -> list:
    findings: list = []
    # Hugo reads shortcodes inside code too: there the escaped form shows the shortcode itself.
    substitute(body, ESCAPED, lambda m, i: "{{" + m.group(1) + " " + m.group(2) + " " + m.group(3) + "}}",
               liquid_in_code=True)
    convert_blocks(body, BLOCKS)

    def replace(match: re.Match, index: int) -> str:
        name = match.group(2).lower()
        positional, named = arguments(match.group(3) or "")
        if name in ("ref", "relref"):
            reference = positional[0] if positional else named.get("path", "")
            path, _, anchor = reference.partition("#")
            target = resolver.post_named(path) if path else post
            if target is None or not target.old_urls:
                findings.append(Finding(index, match.start() + 1, f"{name} '{reference}' names no post of "
                                        f"{resolver.site.shown_root}: left as written",
                                        "link the article relative to this file, e.g. other-post.md"))
                return match.group(0)
            return destination(target.old_urls[0] if path else "") + (f"#{anchor}" if anchor else "")
        if name in ("figure", "img", "image") and (named.get("src") or positional):
            src = named.get("src") or positional[0]
            alt = named.get("alt") or named.get("caption") or named.get("title") or ""
            markdown = image(alt, src, named.get("title", ""))
            return f"[{markdown}]({destination(named['link'])})" if named.get("link") else markdown
        if name in ("youtube", "vimeo", "bilibili") and (positional or named.get("id")):
            return video_link(name, named.get("id") or positional[0])
        if name == "gist" and len(positional) >= 2:
            return link(f"gist {positional[1]}", f"https://gist.github.com/{positional[0]}/{positional[1]}")
        if name == "tweet" and (named.get("id") or positional):
            user = named.get("user", "i/web")
            return link("tweet", f"https://twitter.com/{user}/status/{named.get('id') or positional[-1]}")
        if name in _REPEATS_FRONT_MATTER:
            return ""  # the cover shows what it showed
        return match.group(0)

    substitute(body, SHORTCODE, replace)
    return findings
