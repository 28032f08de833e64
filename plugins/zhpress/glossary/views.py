"""What the glossary's pages and popovers show, in the reader's script.

Entries are written in Traditional in site_config; here they are converted
to the page's script (names by their own pairs, texts by the site's
converter), typeset like the rest of the page when zhpress/typeset is on,
and laid out for the templates. Every piece of contributor text leaves this
module as plain text; templates and `tips_html` escape it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from ..core.script import in_script
from ..core.variants import Variant, variant_uri
from ..siteconfig.model import Entry, SiteConfig, has_cjk, normalise
from ..text.typography import typesetter
from .collate import group_of, group_order, sort_key
from .marking import Mention
from .pages import Plan, PlannedPage

TYPESET_PLUGIN = "zhpress/typeset"
# Front matter keys of a byline (zhpress/article's schema, read as page metadata).
BYLINE_KEYS = ("speaker", "author", "interviewer", "editor")


def script_of(variant: Variant | None) -> str:
    return variant.key if variant is not None else "hant"


def tip_id(entry: Entry) -> str:
    return f"zhpress-tip-{entry.id}"


# Where the address of the quoting page's article goes in stored quotes.
HREF = "\x00"


def quotes_html(mentions: list[Mention]) -> str:
    """An article's quoted sentences about one entity, as list items linking
    to their paragraphs (the article's address left as HREF).

    Written once, when the article is read, and kept as one string: a dense
    archive quotes some 30 paragraphs an article, and one string costs half
    the memory of the pieces. Every piece of text is escaped here."""
    out = []
    for m in mentions:
        fragment = f"#{escape(m.anchor)}" if m.anchor else ""
        out.append(f'<li><a href="{HREF}{fragment}">{_text(m.before)}<mark>{_text(m.text)}</mark>'
                   f"{_text(m.after)}</a></li>")
    return "".join(out)


def _text(text: str) -> str:
    return str(escape(text.replace(HREF, "")))


@dataclass
class MentionedIn:
    """One article on an entity's page."""

    page: object  # mkdocs Page
    href: str  # its address from the entity's page
    date: str = ""
    roles: list[str] = field(default_factory=list)  # byline keys naming the entity
    stored: str = ""  # quotes_html of its mentions

    @property
    def quotes(self) -> Markup:
        return Markup(self.stored.replace(HREF, str(escape(self.href))))


def format_date(value) -> str:
    """2019 -> 2019年, 2019-10 -> 2019年10月, 2019-10-08 -> 2019年10月8日."""
    if value is None or value == "":
        return ""
    parts = str(value).split("-")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        return str(value)
    units = ("年", "月", "日")
    return "".join(f"{int(p) if i else p}{units[i]}" for i, p in enumerate(parts))


class Views:
    def __init__(self, site: SiteConfig, plan: Plan, config, files, quotes: dict):
        self.site, self.plan, self.config, self.files = site, plan, config, files
        self.quotes = quotes  # (variant key, entity id) -> {article src_uri: quotes_html}
        self._texts: dict[tuple[str, str], str] = {}
        self._typeset = self._typesetters(config)
        self._targets: dict[tuple[str, str], tuple[object, str] | None] = {}
        self._found: dict[str, object] = {}  # path -> File

    # -- text in the reader's script -----------------------------------------

    @staticmethod
    def _typesetters(config) -> dict[str, object]:
        plugin = config.plugins.get(TYPESET_PLUGIN)
        options = getattr(plugin, "config", None)
        if options is None or not options.get("enabled", True):
            return {}
        common = dict(punctuation=options.get("punctuation", True), drop_spaces=options.get("drop_cjk_spaces", True))
        return {
            "hant": typesetter(corner_quotes=options.get("corner_quotes", True), **common),
            "hans": typesetter(curly_quotes=options.get("curly_quotes", True), **common),
        }

    def text(self, text: str, variant: Variant | None) -> str:
        """A description or definition in the page's script, typeset."""
        if not text:
            return ""
        key = (text, script_of(variant))
        out = self._texts.get(key)
        if out is None:
            out = in_script(text, variant, self.config) if variant is not None else text
            fix = self._typeset.get(script_of(variant))
            out = fix(out) if fix else out
            self._texts[key] = out
        return out

    def name(self, entry: Entry, variant: Variant | None) -> str:
        return entry.name_in(script_of(variant))

    def aliases(self, entry: Entry, variant: Variant | None) -> list[str]:
        """The entry's other names as readers of the page's script write them."""
        column = 1 if script_of(variant) == "hans" else 0
        names = [pair[column] for pair in entry.phrase_pairs()]
        names += [normalise(f) for f in entry.forms if not has_cjk(f)]
        shown = self.name(entry, variant)
        out: list[str] = []
        for name in names:
            if name != shown and name not in out:
                out.append(name)
        return out

    # -- pages and links -------------------------------------------------------

    def page(self, uri: str, variant: Variant | None):
        path = variant_uri(variant, uri) if variant else uri
        file = self._found.get(path)
        if file is None:  # Files normalises every path it is asked: each is looked up once
            file = self.files.get_file_from_path(path)
            if file is not None:
                self._found[path] = file
        return file.page if file is not None else None

    def target(self, entry: Entry, variant: Variant | None) -> tuple[object, str] | None:
        """(page, fragment) where an entry is explained: its entity page, or
        its place on the glossary page."""
        key = (entry.id, script_of(variant) if variant else "")
        if key not in self._targets:
            self._targets[key] = self._target(entry, variant)
        return self._targets[key]

    def _target(self, entry: Entry, variant: Variant | None) -> tuple[object, str] | None:
        if entry.is_term:
            page = self.page(self.plan.glossary_uri, variant)
            return (page, entry.id) if page is not None else None
        page = self.page(self.plan.entity_uri(entry.id), variant)
        return (page, "") if page is not None else None

    def href(self, entry: Entry, variant: Variant | None, from_url: str) -> str | None:
        target = self.target(entry, variant)
        if target is None:
            return None
        page, fragment = target
        url = get_relative_url(page.url, from_url)
        return f"{url}#{fragment}" if fragment else url

    def related(self, entry: Entry, variant: Variant | None, from_url: str) -> list[tuple[str, str]]:
        links = []
        for entry_id in entry.related:
            other = self.site.get(entry_id)
            href = self.href(other, variant, from_url) if other is not None else None
            if href is not None:
                links.append((self.name(other, variant), href))
        return links

    # -- popovers ------------------------------------------------------------

    def tips_html(self, entries: list[Entry], variant: Variant | None) -> str:
        """The definitions a page's marks point to (aria-describedby), hidden
        until a reader hovers, focuses or taps a mark (assets/glossary.js)."""
        tips = []
        for entry in entries:
            expansion = ""
            if entry.expansion:
                lang = ' lang="en"' if entry.expansion.isascii() else ""
                expansion = f'<span class="zhpress-tip__expansion"{lang}>{escape(self.text(entry.expansion, variant))}</span> '
            tips.append(
                f'<div class="zhpress-tip" id="{tip_id(entry)}" role="tooltip" hidden>'
                f'{expansion}<span class="zhpress-tip__text">{escape(self.text(entry.description, variant))}</span></div>'
            )
        return '<div class="zhpress-tips">' + "".join(tips) + "</div>"

    # -- the glossary page -----------------------------------------------------

    def glossary(self, page, variant: Variant | None) -> dict:
        script = script_of(variant)
        groups: dict[str, list[dict]] = {}
        for entry in sorted(self.site.glossary, key=lambda e: sort_key(self.name(e, variant), script)):
            name = self.name(entry, variant)
            groups.setdefault(group_of(name, script), []).append({
                "id": entry.id,
                "name": name,
                "expansion": self.text(entry.expansion, variant),
                "expansion_lang": "en" if entry.expansion.isascii() else None,
                "definition": self.text(entry.description, variant),
                "aliases": self.aliases(entry, variant),
                "related": self.related(entry, variant, page.url),
            })
        ordered = sorted(groups.items(), key=lambda item: group_order(item[0], script))
        return {
            "groups": [{"label": label, "id": f"group-{i + 1}", "terms": terms}
                       for i, (label, terms) in enumerate(ordered)],
            "count": len(self.site.glossary),
            "entities": self.page(self.plan.index_uri, variant),
        }

    # -- the list of entities ------------------------------------------------

    def index(self, page, variant: Variant | None) -> dict:
        script = script_of(variant)
        kinds: dict[str, list[dict]] = {}
        for entry in self.site.entities:
            kinds.setdefault(entry.kind, []).append(entry)
        sections = []
        for kind in ("person", "organisation", "product", "place", "concept"):
            entries = sorted(kinds.get(kind, ()), key=lambda e: sort_key(self.name(e, variant), script))
            if entries:
                sections.append({"kind": kind, "entities": [{
                    "name": self.name(e, variant),
                    "page": self.page(self.plan.entity_uri(e.id), variant),
                    "description": self.text(e.description, variant),
                    "count": len(self.plan.articles.get(e.id, ())),
                } for e in entries]})
        return {"sections": sections, "count": len(self.site.entities),
                "glossary": self.page(self.plan.glossary_uri, variant)}

    # -- one entity ------------------------------------------------------------

    def entity(self, page, variant: Variant | None, planned: PlannedPage) -> dict:
        entry = self.site.get(planned.entity)
        quotes = self.quotes.get((script_of(variant) if variant else "", entry.id), {})
        items = []
        for uri in planned.articles:
            article = self.page(uri, variant)
            if article is None:
                continue
            items.append(MentionedIn(
                page=article,
                href=get_relative_url(article.url, page.url),
                date=format_date(article.meta.get("date")),
                roles=[key for key in BYLINE_KEYS if self._names(article.meta.get(key), entry)],
                stored=quotes.get(uri, ""),
            ))
        neighbour = lambda number: (self.page(self.plan.entity_uri(entry.id, number), variant)  # noqa: E731
                                    if 1 <= number <= planned.count else None)
        return {
            "id": entry.id,
            "kind": entry.kind,
            "name": self.name(entry, variant),
            "description": self.text(entry.description, variant),
            "aliases": self.aliases(entry, variant),
            "related": self.related(entry, variant, page.url),
            "total": len(self.plan.articles.get(entry.id, ())),
            "start": planned.start,
            "articles": items,
            "number": planned.number,
            "count": planned.count,
            "previous": neighbour(planned.number - 1),
            "next": neighbour(planned.number + 1),
            "index": self.page(self.plan.index_uri, variant),
            "glossary": self.page(self.plan.glossary_uri, variant),
        }

    def _names(self, value, entry: Entry) -> bool:
        values = value if isinstance(value, list) else [value] if value else []
        for item in values:
            found = self.site.entities.find(str(item))
            if found is not None and found.id == entry.id:
                return True
        return False
