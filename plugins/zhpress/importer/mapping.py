"""A generator's front matter mapped to ours (README's keys: title,
subtitle, summary, author, date, updated, tags, cover, script).

Each generator says which of its keys carry what (`Keys`); everything else
is left out, as the schema refuses unknown keys: keys that only steered the
old site (layout, comments, permalink ...) silently, others with one report
line each, so what readers need can be moved by hand.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from ..core.dates import PartialDate, zone
from .sources import SourcePost, SourceSite

# Keys that steered the old site's engine, theme or address: nothing for readers.
ENGINE_KEYS = frozenset("""
layout comments comment toc toc_number tocLevels showToc sticky top weight hidden sidebar reward donate share
copyright keywords permalink slug url aliases redirect_from id uuid abbrlink type draft published isCJKLanguage
lang language mathjax math katex mermaid highlight lightgallery disqus disqus_identifier output outputs
categories_path excerpt_separator menu linkTitle nocomment no_comment sitemap robots canonical
""".split())


@dataclass(frozen=True)
class Keys:
    """Which source keys carry each of ours, in order of preference."""
    cover: tuple[str, ...]
    summary: tuple[str, ...] = ("description", "excerpt", "summary", "abstract")
    updated: tuple[str, ...] = ("updated", "lastmod", "last_modified_at", "modified", "last_modified")
    date: tuple[str, ...] = ("date",)
    tags: tuple[str, ...] = ("categories", "category", "tags", "tag")
    author: tuple[str, ...] = ("author", "authors")
    split_tag_text: bool = False  # "tags: a b c" is three tags (Jekyll)
    engine: frozenset = field(default=ENGINE_KEYS)


def first_text(value) -> str:
    """A value as one line of text (lists: the first item)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("image") or value.get("path") or value.get("src") or ""
    return " ".join(str(value).split()) if value not in (None, "") else ""


def people(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = [first_text(item) for item in items]
    return [name for name in names if name]


def flatten_tags(values: list, split_text: bool) -> list[str]:
    tags: list[str] = []
    for value in values:
        if isinstance(value, list):
            tags += flatten_tags(value, split_text)
        elif isinstance(value, dict):
            tags += flatten_tags(list(value.values()), split_text)
        elif value not in (None, ""):
            text = str(value).strip()
            tags += text.split() if split_text and isinstance(value, str) else [text]
    seen: set[str] = set()
    return [t for t in tags if t and not (t in seen or seen.add(t))]


def date_text(post: SourcePost, key: str, site: SourceSite) -> str | None:
    """The date as written when our schema reads it (2018-12-29 22:10),
    else as PyYAML or TOML built it; with the old site's UTC offset added to
    a time written without one. None when it is no date."""
    value = post.meta.get(key)
    written = post.front.written.get(key)
    text = None
    for candidate in (written, value):
        if candidate is None or candidate == "":
            continue
        try:
            date = PartialDate.parse(candidate)
        except ValueError:
            continue
        text = candidate.strip() if isinstance(candidate, str) else _format(candidate, date)
        break
    if text is None:
        return None
    date = PartialDate.parse(text)
    if date.has_time and date.offset is None and site.timezone:
        try:
            with_offset = date.in_zone(zone(site.timezone))
        except ValueError:
            return text
        text += with_offset.iso()[-6:] if with_offset.offset else "Z"
    return text


def _format(value, date: PartialDate) -> str:
    if isinstance(value, dt.datetime) or date.has_time:
        return date.iso().replace("T", " ")
    return date.iso()


def summary_text(text: str) -> str:
    """A summary is plain text on one line: HTML tags and Markdown emphasis go."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*{1,3}|_{2,3})(\S.*?\S|\S)\1", r"\2", text)
    return " ".join(text.split())


def dump(meta: dict) -> str:
    """Our front matter block: one key a line, dates plain, lists in brackets."""
    out = []
    for key, value in meta.items():
        if key in ("date", "updated"):
            out.append(f"{key}: {value}")
        else:
            text = yaml.safe_dump(value, allow_unicode=True, width=10_000, default_flow_style=True)
            out.append(f"{key}: {text.removesuffix(chr(10) + '...' + chr(10)).rstrip(chr(10))}")
    return "---\n" + "\n".join(out) + "\n---\n"
