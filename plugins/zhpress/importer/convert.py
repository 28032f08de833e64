"""One post, from its generator's source to our Markdown: template syntax
to Markdown, links and images made relative, front matter mapped, and each
thing a human must look at reported at its line in the imported file."""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..text.markdown_scan import scan
from ..core.frontmatter import validate_front_matter
from .links import LinkRewriter
from .mapping import ENGINE_KEYS, date_text, dump, first_text, flatten_tags, people, summary_text
from .plan import Plan
from .report import Finding, Report
from .resolve import Resolver
from .script import script_of
from .sources import SourcePost, SourceSite
from .syntax import (
    Body, join_spaced_destinations, keep_line_breaks, leftovers, linkify, normalise_fences, remove_more,
    uncited_footnotes,
)

_WORDS = {"hexo": "Hexo tag", "hugo": "Hugo shortcode", "jekyll": "Liquid tag"}


@dataclass
class Project:
    """The zhpress project the posts go into."""
    root: Path
    docs_dir: Path
    articles_dir: str
    source_script: str  # "hant" or "hans": what an article without `script:` is read as
    slugify: Callable[[str], str]

    def shown(self, path: str) -> str:
        """A path under docs_dir as the user opens it from where the command
        ran (content/articles/x.md in the project folder)."""
        return Path(os.path.relpath(self.docs_dir / path)).as_posix()


class PostConverter:
    def __init__(self, site: SourceSite, generator, project: Project, resolver: Resolver, report: Report,
                 plan: Plan, keep_breaks: bool = False):
        self.site = site
        self.keep_breaks = keep_breaks  # each line break inside a paragraph becomes a <br>
        self.generator = generator
        self.keys = generator.KEYS
        self.project = project
        self.resolver = resolver
        self.report = report
        self.plan = plan
        self.rewriter = LinkRewriter(site, resolver, self.anchors, plan.copies)
        self._anchors: dict[Path, set[str]] = {}
        self._unknown_seen: set[str] = set()

    def anchors(self, post: SourcePost) -> set[str]:
        """The ids of a post's headings as our build makes them (and its explicit ids)."""
        if post.path not in self._anchors:
            self._anchors[post.path] = scan(post.front.body, 1).anchors(self.project.slugify)
        return self._anchors[post.path]

    def convert(self, post: SourcePost) -> None:
        dest = self.resolver.post_dest(post)
        shown = self.project.shown(dest)
        text, findings = self.body(post)
        meta = self._schema_clean(shown, self.front_matter(post, text), text)
        document, first_line = self._assemble(meta, text)
        self.plan.texts[dest] = document
        self.report.body_findings(shown, first_line, findings)
        self.report.counts["posts imported"] += 1

    def body(self, post: SourcePost) -> tuple[str, list[Finding]]:
        """The post's Markdown as MkDocs will read it, and what needs a human
        (by line of the body). Every step keeps the line count."""
        body = Body.of(post.front.body)
        count = self.report.counts
        findings: list[Finding] = self.generator.convert_syntax(body, post, self.resolver)
        remove_more(body)
        count["code fences given a title superfences reads"] += normalise_fences(body)
        count["link addresses with spaces written in one piece"] += join_spaced_destinations(body)
        for index, label in uncited_footnotes(body):
            findings.append(Finding(index, 1, f"footnote [^{label}] is cited nowhere: written as a plain line",
                                    f"cite it with [^{label}] where it belongs, or delete it"))
        if self.site.linkify:
            count["bare addresses made links"] += linkify(body)
        text, found = self.rewriter.rewrite(body.text, post)
        findings += found
        final = Body(text.split("\n"), body.protected)
        if self.keep_breaks:
            count["line breaks kept as <br>"] += keep_line_breaks(final)
        word = _WORDS[self.site.generator]
        for index, column, syntax, _name in leftovers(final):
            findings.append(Finding(index, column, f"{word} '{_short(syntax)}' left as written: readers would see "
                                    "it as text", "write what it showed as Markdown or HTML, or delete it"))
        return final.text, findings

    @staticmethod
    def _assemble(meta: dict, text: str) -> tuple[str, int]:
        """(the file, its line of the body's first line)."""
        head = dump(meta)
        stripped = text.lstrip("\n")
        leading = text[: len(text) - len(stripped)].count("\n")
        body = stripped.rstrip() + "\n"
        return head + "\n" + body, head.count("\n") + 2 - leading

    def _schema_clean(self, shown: str, meta: dict, text: str) -> dict:
        """What our schema would still refuse (updated before date ...) is
        left out and reported: the tree must pass `zhpress check`."""
        document = self._assemble(meta, text)[0]
        for _ in range(len(meta)):
            problems = validate_front_matter(shown, document)[1]
            if not problems:
                break
            keys = list(meta)
            problem = problems[0]
            key = keys[problem.line - 2] if 0 <= problem.line - 2 < len(keys) else None
            if key is None or key == "title" or problem.code != "front-matter":
                self.report.warn(shown, problem.line, problem.message, problem.fix, problem.column)
                break
            self.report.warn(shown, 1, f"{problem.message}: '{key}' left out", f"{problem.fix}, then add it back")
            meta = {k: v for k, v in meta.items() if k != key}
            document = self._assemble(meta, text)[0]
        return meta

    # --- front matter ------------------------------------------------------------

    def front_matter(self, post: SourcePost, body: str) -> dict:
        source, keys, lines = post.meta, self.keys, post.front.lines
        meta: dict = {}
        title = first_text(source.get("title"))
        if not title:
            title = post.name
            self.report.warn(post.shown, 1, "no title: the file name is the headline", "write a title in "
                             f"{self.project.shown(self.resolver.post_dest(post))}")
        meta["title"] = title
        if first_text(source.get("subtitle")):
            meta["subtitle"] = first_text(source.get("subtitle"))
        summary = next((summary_text(first_text(source[k])) for k in keys.summary if first_text(source.get(k))), "")
        if summary:
            meta["summary"] = summary
        authors = next((people(source[k]) for k in keys.author if people(source.get(k))), [])
        if authors:
            meta["author"] = authors[0] if len(authors) == 1 else authors
        for ours, theirs in (("date", keys.date), ("updated", keys.updated)):
            key = next((k for k in theirs if source.get(k) not in (None, "")), None)
            if key is None:
                continue
            value = date_text(post, key, self.site)
            if value is None:
                self.report.warn(post.shown, lines.get(key, 1), f"{key} '{source[key]}' is not a date: left out",
                                 "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM in the imported file")
            else:
                meta[ours] = value
        tags = flatten_tags([source[k] for k in keys.tags if k in source], keys.split_tag_text)
        if tags:
            meta["tags"] = tags
        cover = self.cover(post)
        if cover:
            meta["cover"] = cover
        script = script_of(title + "\n" + body)
        if script and script != self.project.source_script:
            meta["script"] = script
        self._left_out(post)
        return meta

    def cover(self, post: SourcePost) -> str | None:
        for key in self.keys.cover:
            value = first_text(_dotted(post.meta, key))
            if not value:
                continue
            line = post.front.lines.get(key.split(".")[0], 1)
            if re.match(r"^(https?:)?//", value) and self.site.site_path(value) is None:
                self.report.warn(post.shown, line, f"cover image '{value}' is on another host: left out (pages "
                                 "load nothing from other hosts)", "download it beside the article and write "
                                 "its path as cover:")
                return None
            target = self.resolver.resolve(value, post)
            if target is None or target.file is None:
                self.report.warn(post.shown, line, f"cover image '{value}' is not in {self.site.shown_root}: "
                                 "left out", "put the image beside the article and write its path as cover:")
                return None
            self.plan.copies[target.dest] = target.file
            return posixpath.relpath(target.dest, posixpath.dirname(self.resolver.post_dest(post)))
        return None

    def _left_out(self, post: SourcePost) -> None:
        keys = self.keys
        used = {"title", "subtitle", "draft", "published", *keys.summary, *keys.author, *keys.date, *keys.updated, *keys.tags,
                *(k.split(".")[0] for k in keys.cover)}
        for key in post.meta:
            if key in used:
                continue
            self.report.dropped.setdefault(key, []).append(post.shown)
            if key in ENGINE_KEYS or key in keys.engine or key in self._unknown_seen:
                continue
            self._unknown_seen.add(key)
            self.report.warn(post.shown, post.front.lines.get(key, 1), f"front matter key '{key}' has no place on "
                             "this site: left out of every post that has it", "move what readers need into "
                             "the text or the summary")


def _dotted(meta: dict, key: str):
    value = meta
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _short(syntax: str) -> str:
    return syntax if len(syntax) <= 60 else syntax[:57] + "..."
