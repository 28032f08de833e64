"""Hexo: `source/_posts/**.md` are posts (`source/_drafts/` drafts, any other
Markdown under `source/` a page); `source/` is served as it is (folders
starting with _ excepted), each post's asset folder `_posts/<name>/` beside
it; addresses come from `permalink` (default `:year/:month/:day/:title/`)
under `root`. Tag plugins: post_link, post_path, asset_img, asset_link,
asset_path, img, link, codeblock, blockquote, pullquote, note, raw,
youtube, vimeo, bilibili; any other is reported."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from ..core.dates import PartialDate
from .mapping import Keys
from .report import Finding
from .sources import SourcePost, SourceSite, files_under, is_markdown, read_post, skip, tz_name
from .syntax import (
    Block, Body, arguments, code_fence, convert_blocks, destination, drop_inline_raw, image, link, substitute,
    unwrap_raw, video_link,
)

NAME = "Hexo"
KEYS = Keys(cover=("cover", "thumbnail", "banner", "top_img", "index_img", "photos", "image", "featured_image"))
TAG = re.compile(r"\{%-?\s*(\w+)(?:\s+(.*?))?\s*-?%\}")
_NOTE_TYPES = {"default": "note", "primary": "note", "info": "info", "success": "success", "warning": "warning",
               "danger": "danger"}


def read_config(root: Path) -> dict:
    path = root / "_config.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (yaml.YAMLError, UnicodeDecodeError):
        data = {}
    return data if isinstance(data, dict) else {}


def looks_like(root: Path) -> bool:
    return (root / "source" / "_posts").is_dir() or (root / read_config(root).get("source_dir", "source") / "_posts").is_dir()


def read_site(root: Path, shown_root: str) -> SourceSite:
    config = read_config(root)
    site = SourceSite("hexo", root, shown_root, config, timezone=tz_name(config.get("timezone")))
    site.served_at(config.get("url"), config.get("root"))
    source = root / str(config.get("source_dir") or "source")
    site.static = [("/", source)]
    site.line_breaks = _renderer_option(config, "breaks")
    site.linkify = _renderer_option(config, "linkify") is not False
    posts_dir = source / "_posts"
    for path in files_under(posts_dir):
        if not is_markdown(path):
            continue
        relative = path.relative_to(posts_dir).with_suffix("").as_posix()
        asset_folder = path.with_suffix("")
        post = read_post(site, path, relative, headless=True,
                         assets=asset_folder if asset_folder.is_dir() else None)
        if post is None:
            continue
        if post.meta.get("published") is False:
            skip(site, path, "published: false: a draft, not imported", "publish it (remove the line) and import again")
            continue
        post.old_urls = old_urls(post, config)
        site.posts.append(post)
    for path in files_under(source / "_drafts"):
        if is_markdown(path):
            skip(site, path, "a draft (source/_drafts), not imported", "publish it (hexo publish) and import again")
    for path in files_under(source):
        relative = path.relative_to(source)
        if is_markdown(path) and not relative.parts[0].startswith("_"):
            skip(site, path, "a page, not a post: not imported",
                 "copy what readers need into content/ by hand (a zhpress page is any Markdown file outside articles/)")
    return site


def _renderer_option(config: dict, name: str) -> bool | None:
    """A Markdown option as Hexo's renderers read it: hexo-renderer-marked
    (`marked:`, breaks and GFM autolinks on by default) or
    hexo-renderer-markdown-it (`markdown:`, `markdown.render:`). None when
    the configuration names both and they disagree: the renderer installed
    (package.json) decides, and it may not be in the tree."""
    marked = config.get("marked") if isinstance(config.get("marked"), dict) else None
    markdown = config.get("markdown") if isinstance(config.get("markdown"), dict) else None
    said = []
    if marked is not None:
        said.append(bool(marked.get(name, True) if name == "breaks" else marked.get("gfm", True)))
    if markdown is not None:
        render = markdown.get("render") if isinstance(markdown.get("render"), dict) else markdown
        said.append(bool(render.get(name, False)))
    if not said:
        return True  # Hexo's default renderer is hexo-renderer-marked
    return said[0] if len(set(said)) == 1 else None


def old_urls(post: SourcePost, config: dict) -> list[str]:
    """The addresses Hexo published the post at (without root)."""
    permalink = post.meta.get("permalink")
    if isinstance(permalink, str) and permalink.strip():
        return ["/" + permalink.strip().lstrip("/")]
    pattern = str(config.get("permalink") or ":year/:month/:day/:title/")
    try:
        date = PartialDate.parse(post.meta.get("date")) if post.meta.get("date") is not None else None
    except ValueError:
        date = None
    if date is None and re.search(r":(year|month|day|i_month|i_day|hour|minute|second)", pattern):
        return []
    categories = post.meta.get("categories") or post.meta.get("category") or config.get("default_category") or ""
    if isinstance(categories, list):
        categories = "/".join(str(c[-1] if isinstance(c, list) and c else c) for c in categories[:1])
    values = {
        "year": f"{date.year:04d}" if date else "", "month": f"{date.month:02d}" if date else "",
        "day": f"{date.day:02d}" if date else "", "i_month": str(date.month) if date else "",
        "i_day": str(date.day) if date else "", "hour": f"{max(date.hour, 0):02d}" if date else "",
        "minute": f"{date.minute:02d}" if date else "", "second": f"{date.second:02d}" if date else "",
        "title": post.name, "name": posixpath.basename(post.name), "post_title": str(post.meta.get("title") or ""),
        "category": str(categories).replace(" ", "-"), "id": "", "hash": "",
    }
    url = re.sub(r":(i_month|i_day|post_title|year|month|day|hour|minute|second|title|name|category|id|hash)",
                 lambda m: values[m.group(1)], pattern)
    return ["/" + url.lstrip("/")]


# --- tag plugins ---------------------------------------------------------------

def _blockquote(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    positional, _ = arguments(opened.group(2) or "")
    quoted = [("> " + line) if line.strip() else ">" for line in content]
    words = [w for w in positional if not re.match(r"^https?://", w)]
    source = " ".join(words)
    return "", quoted, f"> —— {source}" if source else ""


def _codeblock(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    language = re.search(r"\blang:(\S+)", opened.group(2) or "")
    fence = code_fence(content)
    return fence + (language.group(1) if language else ""), content, fence


def _pullquote(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    return "", [("> " + line) if line.strip() else ">" for line in content], ""


def _note(opened: re.Match, content: list[str]) -> tuple[str, list[str], str]:
    positional, _ = arguments(opened.group(2) or "")
    kind = next((_NOTE_TYPES[w] for w in positional if w in _NOTE_TYPES), "note")
    return f"!!! {kind}", [("    " + line) if line.strip() else "" for line in content], ""


BLOCKS = [
    Block(re.compile(r"\{%-?\s*(codeblock|code)(?:\s+(.*?))?\s*-?%\}$"),
          re.compile(r"\{%-?\s*end(codeblock|code)\s*-?%\}$"), _codeblock, code=True),
    Block(re.compile(r"\{%-?\s*(blockquote|quote)(?:\s+(.*?))?\s*-?%\}$"),
          re.compile(r"\{%-?\s*end(blockquote|quote)\s*-?%\}$"), _blockquote),
    Block(re.compile(r"\{%-?\s*(pullquote)(?:\s+(.*?))?\s*-?%\}$"),
          re.compile(r"\{%-?\s*endpullquote\s*-?%\}$"), _pullquote),
    Block(re.compile(r"\{%-?\s*(note)(?:\s+(.*?))?\s*-?%\}$"), re.compile(r"\{%-?\s*endnote\s*-?%\}$"), _note),
]


def convert_syntax(body: Body, post: SourcePost, resolver) -> list:
    """Hexo's tag plugins to Markdown; returns findings for references to
    posts that do not exist."""
    findings: list = []
    unwrap_raw(body)
    convert_blocks(body, BLOCKS)

    def replace(match: re.Match, index: int) -> str:
        name, text = match.group(1), match.group(2) or ""
        positional, _ = arguments(text)
        if name in ("post_link", "post_path") and positional:
            target = resolver.post_named(positional[0])
            if target is None or not target.old_urls:
                findings.append(Finding(index, match.start() + 1, f"{name} '{positional[0]}' names no post of "
                                        f"{resolver.site.shown_root}: left as written",
                                        "link the article relative to this file, e.g. [title](other-post.md)"))
                return match.group(0)
            if name == "post_path":
                return destination(target.old_urls[0])
            title = " ".join(positional[1:]).removesuffix(" true").removesuffix(" false").strip() \
                or str(target.meta.get("title") or target.name)
            return link(title, target.old_urls[0])
        if name in ("asset_img", "asset_link", "asset_path") and positional:
            return _asset(name, positional, post)
        if name == "img" and positional:
            return _img(positional)
        if name == "link" and len(positional) >= 2:
            at = next((i for i, w in enumerate(positional) if re.match(r"^(https?:|/|\.)", w)), len(positional) - 1)
            return link(" ".join(positional[:at]) or positional[at], positional[at])
        if name in ("youtube", "vimeo", "bilibili") and positional:
            return video_link(name, positional[0])
        return match.group(0)

    substitute(body, TAG, replace)
    drop_inline_raw(body)
    return findings


def _asset(name: str, positional: list[str], post: SourcePost) -> str:
    """An asset of the post's folder, named from the post's source file."""
    words = [w for w in positional if not re.fullmatch(r"\d+(px|%)?", w)]
    slug = words[0]
    path = posixpath.join(posixpath.basename(post.name), slug) if post.assets is not None else slug
    if name == "asset_path":
        return destination(path)
    title = " ".join(words[1:]).strip("\"'")
    if name == "asset_link":
        return link(title or slug, path)
    return image(title or "", path, title)


def _img(positional: list[str]) -> str:
    """{% img [class names] /path/to/image [width] [height] [title text [alt text]] %}"""
    at = next((i for i, w in enumerate(positional) if re.match(r"^(https?:|/|\.|[\w-]+\.\w+)", w) and
               ("/" in w or "." in w)), 0)
    src = positional[at]
    rest = [w for w in positional[at + 1:] if not re.fullmatch(r"\d+(px|%)?", w)]
    title = rest[0] if rest else ""
    alt = rest[1] if len(rest) > 1 else title
    return image(alt, src, title)
