"""Checks of each Markdown page and across pages: front matter (core's
schema), templates, empty articles, bylines naming unknown entities,
duplicate titles, tags that share a page, half-width punctuation in Chinese
text and acronyms without a glossary entry."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from yaml.nodes import ScalarNode, SequenceNode

from ..core.frontmatter import PEOPLE_KEYS, read_front_matter
from ..core.problems import SUGGESTION, WARNING, Problem
from ..core.tags import tag_slug
from ..text.convert import default_converter
from ..text.punctuation import find_halfwidth
from ..text.markdown_scan import Prose, Scan, prose_runs, scan
from .project import Project
from .sources import Source

ID_SHAPED = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
ACRONYM = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?![A-Za-z0-9_])")
_TEXT_META = ("title", "subtitle", "summary")


@dataclass
class Document:
    """One page as the checks read it."""
    source: Source
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line of the body's first line
    nodes: dict = field(default_factory=dict)  # front matter key -> yaml node (lines of values)
    scan: Scan | None = None
    _anchors: set[str] | None = None

    def anchors(self, project: Project) -> set[str]:
        if self._anchors is None:
            self._anchors = self.scan.anchors(project.slugify) if self.scan else set()
        return self._anchors


def read_document(source: Source) -> tuple[Document, list[Problem]]:
    """Front matter checked (articles: every key; other pages: page keys), body scanned."""
    front = read_front_matter(source.shown, source.text, kind=source.kind)
    document = Document(source, front.meta, front.body, front.body_line, front.nodes)
    document.scan = scan(document.body, document.body_line)
    return document, front.problems


def _at(document: Document, key: str, fallback_line: int = 1) -> tuple[int, int]:
    """(line, column) of a front matter value (the front matter starts on line 1)."""
    node = document.nodes.get(key)
    if node is None:
        return fallback_line, 1
    return node.start_mark.line + 2, node.start_mark.column + 1


def page_problems(document: Document, project: Project, site) -> list[Problem]:
    """Problems of one page on its own (site: siteconfig.SiteConfig or None)."""
    problems: list[Problem] = []
    source, meta = document.source, document.meta
    if source.kind == "article" and not document.body.strip() and "title" in meta:
        problems.append(Problem(source.shown, document.body_line, "the article has no text after its front matter",
                                "write the article below the closing ---, or remove the file", column=1,
                                code="empty"))
    template = meta.get("template")
    if isinstance(template, str) and template.endswith(".html") and not any(
            (folder / template).is_file() for folder in project.template_dirs):
        line, column = _at(document, "template")
        problems.append(Problem(source.shown, line, f"template '{template}' does not exist in the theme",
                                "delete the line (articles and pages get the right template), or add the file "
                                "to theme/", column=column, code="template"))
    cover = meta.get("cover")
    if isinstance(cover, str) and cover.strip() and "://" not in cover:
        target = (source.path.parent / cover).resolve()
        if not target.is_file():
            line, column = _at(document, "cover")
            problems.append(Problem(source.shown, line, f"cover image '{cover}' not found",
                                    "give the image's path relative to this file", column=column, code="image"))
    if site is not None and source.kind == "article":
        problems += _entity_references(document, site)
    return problems


def _entity_references(document: Document, site) -> list[Problem]:
    """A byline may be any name (`author: gasolin` is shown as written); one
    written like an id that is one edit from a real id is likely a typo."""
    problems = []
    ids = [entity.id for entity in site.entities]
    for key in PEOPLE_KEYS:
        node = document.nodes.get(key)
        if node is None:
            continue
        items = node.value if isinstance(node, SequenceNode) else [node]
        for item in items:
            if not isinstance(item, ScalarNode) or not ID_SHAPED.match(str(item.value)):
                continue
            value = str(item.value)
            if site.entities.find(value) is not None:
                continue
            close = difflib.get_close_matches(value, ids, n=1, cutoff=0.8)
            if close:
                problems.append(Problem(document.source.shown, item.start_mark.line + 2,
                                        f"{key} '{value}' is shown as written: no entity has this id or name",
                                        f"did you mean '{close[0]}'?", column=item.start_mark.column + 1,
                                        severity=SUGGESTION, code="entity"))
    return problems


def text_problems(document: Document, known_terms: set[str], repair_default: bool = False) -> list[Problem]:
    """Half-width punctuation in Chinese text (warnings) and acronyms no
    glossary entry explains (suggestions, once per page). The punctuation
    rules are the build's (zhpress/typeset): `repair_default` is the site's
    `mechanical_conversion`, which the page's own front matter overrides."""
    value = document.meta.get("mechanical_conversion") if isinstance(document.meta, dict) else None
    repair = repair_default if value is None else bool(value)
    problems: list[Problem] = []
    shown = document.source.shown
    runs = list(prose_runs(document.scan)) if document.scan else []
    for key in _TEXT_META:
        node = document.nodes.get(key)
        if isinstance(node, ScalarNode) and node.style in (None, "'", '"') and node.start_mark.line == node.end_mark.line:
            column = node.start_mark.column + 1 + (1 if node.style else 0)
            runs.insert(0, (Prose(node.start_mark.line + 2, column, str(node.value)), "", ""))
    seen: set[str] = set()
    for piece, before, after in runs:
        for issue in find_halfwidth(piece.text, before, after, repair=repair):
            problems.append(Problem(shown, piece.line, issue.message.split(";")[0],
                                    f"write '{issue.replacement}'",
                                    column=piece.column + issue.offset, severity=WARNING, code="punctuation"))
        for match in ACRONYM.finditer(piece.text):
            word = match.group(0)
            if word in seen or word in known_terms or word.casefold() in known_terms:
                continue
            seen.add(word)
            problems.append(Problem(shown, piece.line, f"'{word}' has no glossary entry",
                                    "add it to site_config/glossary.yml (term, expansion, definition) so readers "
                                    "get its meaning, or ignore this", column=piece.column + match.start(),
                                    severity=SUGGESTION, code="acronym"))
    return problems


def known_terms(site) -> set[str]:
    """Every surface form of every glossary term and entity, as written and case-folded."""
    terms: set[str] = set()
    if site is None:
        return terms
    for entry in site.entries:
        for form in entry.forms:
            for word in (form, *re.findall(r"[A-Za-z0-9]+", form)):
                terms.add(word)
                terms.add(word.casefold())
    return terms


def site_problems(documents: list[Document]) -> list[Problem]:
    """Across pages: the same title twice, tags that would share a page."""
    problems: list[Problem] = []
    titles: dict[str, Document] = {}
    for document in documents:
        title = document.meta.get("title")
        if document.source.kind != "article" or not isinstance(title, str) or not title.strip():
            continue
        key = " ".join(default_converter().to_traditional(title).split())
        first = titles.setdefault(key, document)
        if first is not document:
            line, column = _at(document, "title")
            problems.append(Problem(document.source.shown, line, f"the title '{title}' is also the title of "
                                    f"{first.source.shown}", "give each article its own title: readers tell "
                                    "them apart in lists, feeds and search", column=column, severity=WARNING,
                                    code="duplicate-title"))
    spellings: dict[str, tuple[str, Document, int, int]] = {}
    for document in documents:
        node = document.nodes.get("tags")
        if document.source.kind != "article" or not isinstance(node, SequenceNode):
            continue
        for item in node.value:
            if not isinstance(item, ScalarNode) or not str(item.value).strip():
                continue
            tag = str(item.value)
            slug = tag_slug(tag)
            line, column = item.start_mark.line + 2, item.start_mark.column + 1
            first = spellings.setdefault(slug, (tag, document, line, column))
            if first[0] == tag or _same_tag(first[0], tag):
                continue
            problems.append(Problem(document.source.shown, line, f"tag '{tag}' shares the page tags/{slug}/ "
                                    f"with '{first[0]}' ({first[1].source.shown}:{first[2]}), which names it",
                                    f"write the tag '{first[0]}' in both articles, or make the two tags differ "
                                    "by more than case or punctuation", column=column, severity=WARNING,
                                    code="tag-collision"))
    return problems


def _same_tag(a: str, b: str) -> bool:
    """Spellings of one tag in the two scripts: the Simplified article's 云计算 is 雲計算."""
    convert = default_converter().to_traditional
    return convert(a) == convert(b)

