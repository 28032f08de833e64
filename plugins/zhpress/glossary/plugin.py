"""zhpress/glossary: terms explained where they are read, a page for every
person, organisation and product.

Reads site_config/entities.yml and glossary.yml once (zhpress.siteconfig:
every problem stops the build with its file and line). In every page, the
first use of a glossary term in each section gets its definition (a button
described by a popover: hover, keyboard focus, tap; Escape closes it) and
the first mention of an entity links to the entity's page; every mention is
recorded there with the sentence around it. Adds the glossary page, the list
of entities and one page per entity (paginated), in both scripts through
zhpress/variants. Reports terms the glossary could have as suggestions.
The work is in matcher, marking, pages, views, collate and suggest.
"""
from __future__ import annotations

import logging
import os

import yaml
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..core import pipeline
from ..core.parallel import map_in_two
from ..core.script import ScriptSettings, install_template_helpers
from ..core.variants import split_variant, variant_of
from ..siteconfig import SiteConfigError, load_site_config, project_dir
from ..text.html import Step, transform_html
from .config import GlossaryConfig
from .marking import SKIP, MarkWriter, add_anchors, decide, read_page
from .matcher import NameMatcher
from .pages import id_pattern, plan_pages, scan_source
from .suggest import suggestions
from .views import Views, quotes_html, tip_id

log = logging.getLogger("mkdocs.plugins.zhpress.glossary")

HERE = os.path.dirname(__file__)
TEMPLATES_DIR = os.path.join(HERE, "templates")
STRINGS = "zhpress/glossary/strings.html"
ASSETS = {  # published file -> file of this package
    "assets/zhpress/glossary.css": os.path.join(HERE, "assets", "glossary.css"),
    "assets/zhpress/glossary.js": os.path.join(HERE, "assets", "glossary.js"),
}
SHOWN_SUGGESTIONS = 30  # at INFO; the rest at DEBUG


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.site = None  # siteconfig.SiteConfig
        self.matcher: NameMatcher | None = None
        self.plan = None  # pages.Plan
        self.views: Views | None = None
        self.env = None
        # (variant key, entity id) -> {article src_uri: its quotes (views.quotes_html)}
        self.quotes: dict[tuple[str, str], dict[str, str]] = {}
        self.tips: dict[str, list] = {}  # page src_uri -> entries it shows definitions of

    # --- configuration and files ----------------------------------------------

    @event_priority(pipeline.READ_METADATA)
    def on_config(self, config):
        """Priority: READ_METADATA (site_config is checked before any page is
        read or any output staged: a bad file stops the build with nothing
        written)."""
        if not self.config.enabled:
            return
        for option, least in (("per_page", 1), ("paragraphs_per_page", 1), ("snippet_chars", 20)):
            if self.config[option] < least:
                raise PluginError(f"zhpress/glossary: '{option}' must be at least {least}")
        project = project_dir(config)
        try:
            self.site = load_site_config(project / self.config.entities, project / self.config.glossary)
        except SiteConfigError as error:
            raise PluginError(
                f"zhpress/glossary: {len(error.problems)} problem(s) in site_config, each with its line "
                f"and fix:\n{error}"
            ) from error
        self.matcher = NameMatcher(self.site.entries)
        self.quotes, self.tips, self.views, self.env = {}, {}, None, None
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        css, js = list(ASSETS)
        if css not in config.extra_css:
            config.extra_css.append(css)
        if js not in [str(s) for s in config.extra_javascript]:
            script = ExtraScriptValue(js)
            script.defer = True
            config.extra_javascript.append(script)

    @event_priority(pipeline.MARK_TERMS)
    def on_files(self, files: Files, config):
        """Priority: MARK_TERMS (after zhpress/article has added its pages at
        READ_METADATA and before PUBLISH_COPIES publishes every page per
        variant; no other plugin adds files at this priority, so mkdocs.yml
        order never changes the order of files)."""
        if not self.config.enabled:
            return files
        ids = id_pattern(self.site)
        root = project_dir(config)
        mechanical = ScriptSettings.of(config).mechanical_conversion

        def scan(file) -> tuple[object, list[str]]:
            source = file.content_string
            scanned = scan_source(file.src_uri, source, self.matcher, ids, mechanical)
            if not self.config.suggest:
                return scanned, []
            shown = os.path.relpath(file.abs_src_path, root) if file.abs_src_path else file.src_path
            return scanned, [s.format(shown.replace(os.sep, "/")) for s in suggestions(source, self._known)]

        sources, found = [], []
        read = [file for file in files.documentation_pages() if file.generated_by is None]
        for source, suggested in map_in_two(scan, read):  # both cores: nothing else runs yet
            sources.append(source)
            found += suggested
        self._report(found)
        t = self._strings(config)
        titles = {"glossary": t("glossary.title"), "entities": t("glossary.entities"),
                  "page_suffix": t("glossary.page_suffix")}
        self.plan = plan_pages(self.site, sources, self.config.glossary_dir.strip("/"),
                               self.config.entities_dir.strip("/"), self.config.per_page,
                               self.config.paragraphs_per_page, titles)
        for uri, planned in self.plan.pages.items():
            if files.get_file_from_path(uri) is None:
                front = {"title": planned.title}
                if planned.kind != "glossary":  # the glossary is page content: searchable
                    front["template"] = f"zhpress/glossary/{planned.kind}.html"
                text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
                files.append(File.generated(config, uri, content=f"---\n{text}---\n"))
        for uri, path in ASSETS.items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=path))
        return files

    def _known(self, term: str) -> bool:
        return self.site.find(term) is not None

    @staticmethod
    def _report(found: list[str]) -> None:
        for line in found[:SHOWN_SUGGESTIONS]:
            log.info(f"suggestion: {line}")
        for line in found[SHOWN_SUGGESTIONS:]:
            log.debug(f"suggestion: {line}")
        if len(found) > SHOWN_SUGGESTIONS:
            log.info(f"{len(found) - SHOWN_SUGGESTIONS} more glossary suggestions (run with --verbose to see them)")

    @staticmethod
    def _strings(config):
        module = config.theme.get_env().get_template(STRINGS).module
        return lambda key: str(module.t(key)).strip()

    def on_nav(self, nav, config, files):
        """Priority: default (keeps the files: pages are found per variant)."""
        if self.config.enabled:
            self.views = Views(self.site, self.plan, config, files, self.quotes)
        return nav

    def on_env(self, env, config, files):
        """Priority: default (template helpers from core)."""
        install_template_helpers(env, config)
        return env

    # --- pages ----------------------------------------------------------------

    @event_priority(pipeline.MARK_TERMS)
    def on_page_content(self, html, page, config, files):
        """Priority: MARK_TERMS (the text is final: in the reader's script and
        typeset; marks are in place before the page is measured and indexed)."""
        if not self.config.enabled:
            return html
        base = split_variant(page.file.src_uri)[1]
        variant = variant_of(page)
        planned = self.plan.pages.get(base)
        if planned is not None:
            if planned.kind == "glossary":
                return html + self._render("zhpress/glossary/glossary.html", page, config,
                                           zhpress_glossary=self.views.glossary(page, variant))
            return html
        if not html or html.isspace():
            return html
        marks = decide(read_page(html), self.matcher, define_terms=self.config.define_terms,
                       link_entities=self.config.link_entities, snippet_chars=self.config.snippet_chars)
        if marks.runs:
            render = self._mark_renderer(page, variant)
            html = transform_html(html, Step(MarkWriter(marks.runs, render), context=False, skip=SKIP,
                                             attributes=False))
        html = add_anchors(html, marks.anchors)
        key = variant.key if variant is not None else ""
        by_entity: dict[str, list] = {}
        for mention in marks.mentions:
            by_entity.setdefault(mention.entry_id, []).append(mention)
        for entity_id, mentions in by_entity.items():
            self.quotes.setdefault((key, entity_id), {})[base] = quotes_html(mentions)
        if marks.tips:
            self.tips[page.file.src_uri] = marks.tips
        return html

    def _mark_renderer(self, page, variant):
        links: dict[str, str | None] = {}

        def render(mark, text: str) -> str:
            entry = mark.entry
            described = f' aria-describedby="{tip_id(entry)}"' if entry.description else ""
            if entry.is_term:
                return f'<button type="button" class="zhpress-term"{described}>{text}</button>'
            if entry.id not in links:
                links[entry.id] = self.views.href(entry, variant, page.url)
            href = links[entry.id]
            if href is None:
                return text
            return f'<a class="zhpress-entity" href="{_attribute(href)}"{described}>{text}</a>'

        return render

    def _render(self, template: str, page, config, **context) -> str:
        """A template rendered while pages are read (MkDocs makes its own
        environment only after every page is read)."""
        if self.env is None:
            self.env = config.theme.get_env()
            install_template_helpers(self.env, config)
        return self.env.get_template(template).render(
            page=page, config=config, base_url=get_relative_url(".", page.url),
            zhpress_variant=variant_of(page), **context,
        )

    @event_priority(pipeline.PAGE_CONTEXT)
    def on_page_context(self, context, page, config, nav):
        """Priority: PAGE_CONTEXT (after the page's variant is set up; every
        page's mentions were recorded in on_page_content)."""
        if not self.config.enabled:
            return context
        planned = self.plan.pages.get(split_variant(page.file.src_uri)[1])
        if planned is None:
            return context
        variant = variant_of(page)
        if planned.kind == "entity":
            view = self.views.entity(page, variant, planned)
            context["zhpress_entity"] = view
            page.previous_page, page.next_page = view["previous"], view["next"]
        elif planned.kind == "entities":
            context["zhpress_entities"] = self.views.index(page, variant)
            page.previous_page = page.next_page = None
        return context

    def on_post_page(self, output, page, config):
        """Priority: default (the page is rendered: its marks' definitions go
        in after the text that feeds, search and reading time use)."""
        entries = self.tips.pop(page.file.src_uri, None)
        if not entries:
            return output
        tips = self.views.tips_html(entries, variant_of(page))
        for closing in ("</article>", "</main>", "</body>"):
            at = output.rfind(closing)
            if at >= 0:
                return output[:at] + tips + output[at:]
        return output + tips


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
