"""The glossary's own pages, planned before any page is read.

- <glossary_dir>/index.md: every term, in each script's order;
- <entities_dir>/index.md: every entity, by kind;
- <entities_dir>/<id>/index.md (page/2/index.md ...): one entity, every
  article that mentions it with each paragraph and the sentence around the
  mention, `per_page` articles a page.

Which articles mention an entity, and in how many paragraphs, is known
before rendering from their sources (text and front matter, folded to one
script), so the pages are fixed when the files are: an entity page holds at
most `per_page` articles and about `paragraphs_per_page` quoted paragraphs,
newest first; no page grows with the archive.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..siteconfig.model import SiteConfig
from .matcher import NameMatcher

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def page_uri(directory: str, number: int) -> str:
    return f"{directory}/index.md" if number == 1 else f"{directory}/page/{number}/index.md"


@dataclass(frozen=True)
class PlannedPage:
    kind: str  # "glossary", "entities", "entity"
    title: str  # in Traditional, as front matter
    entity: str | None = None
    number: int = 1
    count: int = 1
    articles: tuple[str, ...] = ()  # entity pages: src_uris of the articles listed here
    start: int = 1  # number of the first of them in the entity's whole list


@dataclass
class Plan:
    glossary_uri: str
    index_uri: str
    entities_dir: str
    pages: dict[str, PlannedPage] = field(default_factory=dict)  # src_uri -> page
    articles: dict[str, list[str]] = field(default_factory=dict)  # entity id -> src_uris, newest first

    def entity_uri(self, entity_id: str, number: int = 1) -> str:
        return page_uri(f"{self.entities_dir}/{entity_id}", number)


@dataclass
class Source:
    """What planning needs of one Markdown source."""

    src_uri: str
    date: str  # as written in front matter ("" when undated)
    paragraphs: dict[str, int]  # entity id -> paragraphs (blocks of the source) naming it


_DATE = re.compile(r"""^date:[ \t]*["']?([^"'\s#]+)""", re.M)
_MECHANICAL = re.compile(r"""^mechanical_conversion:[ \t]*["']?(true|false)\b""", re.M | re.I)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def scan_source(src_uri: str, source: str, matcher: NameMatcher, ids: re.Pattern | None,
                mechanical: bool = False) -> Source:
    """The entities a Markdown source names (text and front matter; front
    matter may also give an entity's id), with the number of its paragraphs
    naming each. Names are found as the pages find them: in the source's
    own script, or in its Simplified fold where the source came through a
    mechanical conversion (its `mechanical_conversion:`, else `mechanical`)."""
    front = FRONT_MATTER.match(source)
    date = ""
    if front:
        found = _DATE.search(front.group(1))
        date = found.group(1) if found else ""
        flag = _MECHANICAL.search(front.group(1))
        if flag:
            mechanical = flag.group(1).lower() == "true"
    starts = [0] + [m.end() for m in _BLANK_LINE.finditer(source)]
    blocks: dict[str, set[int]] = {}
    for match in matcher.find_in(source, matcher.fold(source) if mechanical else source):
        if not match.entry.is_term:
            blocks.setdefault(match.entry.id, set()).add(bisect_right(starts, match.start))
    if front and ids is not None:
        for entity_id in ids.findall(front.group(1)):
            blocks.setdefault(entity_id, {0})
    return Source(src_uri, date, {entity_id: len(found) for entity_id, found in blocks.items()})


def newest_first(sources: list[Source]) -> list[Source]:
    """Newest first, undated last, then by address."""
    dated = sorted((s for s in sources if s.date), key=lambda s: s.src_uri)
    dated.sort(key=lambda s: s.date, reverse=True)
    return dated + sorted((s for s in sources if not s.date), key=lambda s: s.src_uri)


def chunk(sources: list[Source], entity_id: str, per_page: int, paragraphs_per_page: int) -> list[list[Source]]:
    """Pages of articles: at most `per_page` articles and, past the first
    article of a page, at most `paragraphs_per_page` quoted paragraphs."""
    pages: list[list[Source]] = []
    current: list[Source] = []
    weight = 0
    for source in sources:
        paragraphs = max(1, source.paragraphs[entity_id])
        if current and (len(current) >= per_page or weight + paragraphs > paragraphs_per_page):
            pages.append(current)
            current, weight = [], 0
        current.append(source)
        weight += paragraphs
    if current or not pages:
        pages.append(current)
    return pages


def id_pattern(site: SiteConfig) -> re.Pattern | None:
    ids = sorted((e.id for e in site.entities), key=len, reverse=True)
    if not ids:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])")


def plan_pages(site: SiteConfig, sources: list[Source], glossary_dir: str, entities_dir: str,
               per_page: int, paragraphs_per_page: int, titles: dict[str, str]) -> Plan:
    """Every page of the glossary, from what the sources name."""
    plan = Plan(f"{glossary_dir}/index.md", f"{entities_dir}/index.md", entities_dir)
    if len(site.glossary):
        plan.pages[plan.glossary_uri] = PlannedPage("glossary", titles["glossary"])
    if len(site.entities):
        plan.pages[plan.index_uri] = PlannedPage("entities", titles["entities"])
    naming: dict[str, list[Source]] = {}
    for source in sources:
        for entity_id in source.paragraphs:
            naming.setdefault(entity_id, []).append(source)
    for entity in site.entities:
        ordered = newest_first(naming.get(entity.id, []))
        plan.articles[entity.id] = [s.src_uri for s in ordered]
        pages = chunk(ordered, entity.id, per_page, paragraphs_per_page)
        start = 1
        for number, articles in enumerate(pages, start=1):
            title = entity.name if number == 1 else entity.name + titles["page_suffix"] % number
            plan.pages[plan.entity_uri(entity.id, number)] = PlannedPage(
                "entity", title, entity.id, number, len(pages), tuple(s.src_uri for s in articles), start)
            start += len(articles)
    return plan
