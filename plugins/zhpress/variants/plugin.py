"""zhpress/variants: one source, two complete sites (zh-Hant and zh-Hans).

Every page and every file of docs_dir is published twice, under /zh-hant/ and
/zh-hans/. Page text is converted after Markdown rendering, on the HTML, so
code, URLs and attributes are never touched. Each variant gets its own
navigation, interface language, hreflang alternates and a switch that keeps
the reader's place.
"""
from __future__ import annotations

import gzip
import logging
import os
import zlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import TableOfContents

from ..core import pipeline, split
from ..core.context import VARIANT
from ..core.page_config import PerPageConfig
from ..core.published import FEEDS, SITEMAP, SITEMAP_GZ
from ..core.script import came_through_conversion, install_template_helpers, site_script
from ..core.variants import BY_KEY, VARIANTS, Variant, split_variant, variant_of, variant_uri
from ..siteconfig import project_dir
from ..text.detect import looks_mechanically_converted
from ..text.frontmatter import split_front_matter
from ..text.html import transform_html
from .config import VariantsConfig
from .messages import name_sources
from .navigation import prefix_nav_config, variant_navigation, with_current_page
from .not_found import NAME as NOT_FOUND, render_not_found, root_not_found_html, site_path
from .reuse import RenderedPage
from .root import root_home_html, root_redirect_html
from .sitemaps import merge_sitemaps, variant_sitemap

log = logging.getLogger("mkdocs.plugins.zhpress.variants")


class SharedStaticFile(File):
    """A variant's copy of a static file another copy writes: the same
    address, so nothing to copy."""

    def copy_file(self, dirty: bool = False) -> None:
        return None

# Front matter values that are identifiers, not text for readers.
TECHNICAL_META_KEYS = frozenset(
    {"template", "hide", "search", "status", "icon", "cover", "slug", "date", "updated", "script",
     "mechanical_conversion"}
)


class VariantsPlugin(BasePlugin[VariantsConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.per_page = PerPageConfig()
        self.bare = PerPageConfig()  # the Markdown extensions, off while a handed-over copy renders
        self.navs: dict = {}
        self._rendered: dict[str, RenderedPage] = {}
        self.env = None  # the theme's environment, for the 404 pages after the build
        self.command: str | None = None
        self.split: split.Split | None = None
        self.skip_templates = False  # in a split build's second process: MkDocs' own templates

    def on_startup(self, command, dirty):
        """Priority: default (a split build is for `mkdocs build` only: serve
        rebuilds a few pages at a time, in one process)."""
        self.command = command

    def on_config(self, config):
        """Priority: default (reads only its own options and nav)."""
        if not self.config.enabled:
            return
        self.site = site_script(config)
        self.default = BY_KEY[self.config.default]
        docs = Path(config.docs_dir)
        try:
            shown = os.path.relpath(docs, project_dir(config))
        except ValueError:
            shown = str(docs)
        name_sources(Path(shown).as_posix())
        if config.nav is not None:
            config.nav = prefix_nav_config(config.nav, self.default)
        self.navs = {}

    def convert(self, text: str, variant: Variant, source: str | None = None, repair: bool = False) -> str:
        return self.site.convert(text, variant, source, repair)

    def needs_repair(self, page) -> bool:
        """The page's Traditional text came through a mechanical conversion:
        its `mechanical_conversion:` front matter, else the site option."""
        return came_through_conversion(page.meta, self.site.config)

    def source_script(self, page) -> str:
        """A page's `script:` front matter, else the configured source_script."""
        script = page.meta.get("script", self.config.source_script)
        if script not in ("hant", "hans"):
            raise PluginError(
                f"{page.file.src_path}: front matter 'script: {script}' is not a script. "
                "Fix: write 'script: hant' (Traditional) or 'script: hans' (Simplified)."
            )
        return script

    @event_priority(pipeline.PUBLISH_COPIES)
    def on_files(self, files: Files, config):
        """Priority: PUBLISH_COPIES (after every other plugin's on_files, so
        generated pages are published once per variant too)."""
        if not self.config.enabled:
            return files
        published = []
        for file in files:
            if not self._belongs_to_docs(file, config):
                published.append(file)
                continue
            page = file.is_documentation_page()
            for variant in VARIANTS:
                uri = variant_uri(variant, file.src_uri)
                # A static file (image, download) is published once, at its
                # own address: each variant has a copy that links resolve
                # against, and the first one writes it.
                kind = File if page or variant is VARIANTS[0] else SharedStaticFile
                if file.abs_src_path:
                    copy = kind.generated(config, uri, abs_src_path=file.abs_src_path)
                else:
                    copy = kind.generated(config, uri, content=file.content_bytes)
                if not page:
                    copy.dest_uri = file.dest_uri
                copy.inclusion = file.inclusion
                published.append(copy)
        return Files(published)

    @staticmethod
    def _belongs_to_docs(file: File, config) -> bool:
        if file.is_documentation_page():
            return True
        if file.src_dir is None:
            return False
        return os.path.normpath(file.src_dir) == os.path.normpath(config.docs_dir)

    def _make_navs(self, nav, config, files):
        """Priority: default (one navigation per variant, from the site's)."""
        if not self.config.enabled:
            return nav
        self._files = files
        for variant in VARIANTS:
            self.navs[variant.key] = variant_navigation(
                nav, variant, files, lambda text, v=variant: self.convert(text, v)
            )
        return self.navs[self.default.key]

    @event_priority(pipeline.SPLIT_VARIANTS)
    def _split_build(self, nav, config, files):
        """Priority: SPLIT_VARIANTS (every plugin's navigation is made, no page
        is read yet: from here each process reads and renders its variants)."""
        self.split = None
        if self._can_split(config, files):
            self.split = split.Split.start(files, mine=(VARIANTS[0], None), theirs=VARIANTS[1:],
                                           variant_of_file=lambda f: split_variant(f.src_uri)[0])
            self.skip_templates = self.split is not None and self.split.is_child
        return nav

    on_nav = CombinedEvent(_make_navs, _split_build)

    def _can_split(self, config, files) -> bool:
        """Two cores, `mkdocs build`, and no plugin but zhpress's own: a plugin
        that collects from every page would see only one variant's in each
        process, so any other plugin (hooks included) keeps the build whole."""
        if not self.config.enabled or split.current() is not None:
            return False
        if not any(split_variant(f.src_uri)[0] is VARIANTS[-1] for f in files.documentation_pages()):
            return False
        # Never silently: the log says why both scripts share one process.
        why = None
        if not self.config.parallel:
            why = "parallel: false"
        elif self.command == "serve":
            why = "under serve, which rebuilds in one process"
        elif (os.cpu_count() or 1) < 2:
            why = "one core"
        else:
            foreign = sorted(name for name, plugin in config.plugins.items()
                             if not type(plugin).__module__.startswith("zhpress."))
            if foreign:
                why = (f"{', '.join(foreign)} would see only one script's pages in each process, "
                       "so they run in one")
        if why:
            log.info(f"zhpress/variants: both scripts built in one process ({why})")
            return False
        return True

    def on_pre_build(self, config):
        """Priority: default (a new build reuses nothing of the last one)."""
        self._rendered = {}
        self.per_page.restore()

    @event_priority(pipeline.CONVERT_SCRIPT)
    def _convert_metadata(self, markdown, page, config, files):
        """Priority: CONVERT_SCRIPT (front matter in the reader's script
        before typesetting and templates read it)."""
        variant = self._variant_of(page)
        if variant is None:
            return markdown
        source, repair = self.source_script(page), self.needs_repair(page)
        if variant == self._suggesting_variant(page) and source == "hant" and not repair:
            self._suggest_repair(page, config)
        page.meta = {key: self._convert_value(key, value, variant, source, repair)
                     for key, value in page.meta.items()}
        return markdown

    @event_priority(pipeline.RENDER_BARE)
    def _render_bare(self, markdown, page, config, files):
        """Priority: RENDER_BARE (a copy whose HTML is handed over, and that
        no plugin gave a body since, is rendered without Markdown extensions:
        building them is most of what MkDocs does for an empty page)."""
        if not markdown.strip() and self._handed_over(page):
            self.bare.set(config, "markdown_extensions", [])
        return markdown

    on_page_markdown = CombinedEvent(_convert_metadata, _render_bare)

    def _handed_over(self, page) -> bool:
        variant = self._variant_of(page)
        return (variant is not None and variant != VARIANTS[0]
                and split_variant(page.file.src_uri)[1] in self._rendered)

    def _suggesting_variant(self, page) -> Variant:
        """The copy whose source is read for the repair hint, once per source:
        in a split build half the sources in each process (by a checksum of
        the path, so each build splits them alike)."""
        if self.split is None:
            return VARIANTS[0]
        return VARIANTS[zlib.crc32(split_variant(page.file.src_uri)[1].encode("utf-8")) % len(VARIANTS)]

    def _suggest_repair(self, page, config) -> None:
        """A suggestion, not a warning: correct text must build under --strict.
        Read from the source file, so lines are the file's lines."""
        front, body = split_front_matter(page.file.content_string)
        verdict = looks_mechanically_converted(body, first_line=front.count("\n") + 1)
        if verdict.flagged:
            shown = (os.path.relpath(page.file.abs_src_path, project_dir(config))
                     if page.file.abs_src_path else page.file.src_path)
            first = verdict.spans[0]
            log.info(
                f"{shown}:{first.line}:{first.column}: suggestion: {verdict.summary(3)}. "
                "Fix: if this text came through a mechanical Simplified-to-Traditional conversion, "
                "add 'mechanical_conversion: true' to its front matter (it is then repaired when "
                "built); if it is correct as written, ignore this."
            )

    def _convert_value(self, key, value, variant, source, repair):
        if key in TECHNICAL_META_KEYS or key.startswith("zhpress_"):
            return value
        if isinstance(value, str):
            return self.convert(value, variant, source, repair)
        if isinstance(value, list):
            return [self._convert_value(key, item, variant, source, repair) for item in value]
        if isinstance(value, dict):
            return {k: self._convert_value(k, v, variant, source, repair) for k, v in value.items()}
        return value

    # Markdown is rendered once per source: the first variant's copy renders
    # it, the others reuse that HTML (and its table of contents) and only
    # convert the text. MkDocs populates the copies of one file one after the
    # other, and a copy that finds nothing to reuse simply renders itself. In
    # a split build the first process hands each page's HTML to the second
    # as it is made (core.split.share), and the second waits for it.
    def on_page_read_source(self, page, config):
        """Priority: default (only this plugin supplies page sources)."""
        variant = self._variant_of(page)
        if variant is None or variant == VARIANTS[0]:
            return None
        base = split_variant(page.file.src_uri)[1]
        if base not in self._rendered:
            rendered = split.shared(base)  # a split build: the first process renders the Markdown
            if rendered is None:
                return None
            self._rendered[base] = rendered
        front, _ = split_front_matter(page.file.content_string)
        return front  # front matter only: metadata as usual, no body to render

    @event_priority(pipeline.CONVERT_SCRIPT)
    def on_page_content(self, html, page, config, files):
        """Priority: CONVERT_SCRIPT (later on_page_content hooks see the
        reader's script)."""
        self.bare.restore()
        variant = self._variant_of(page)
        if variant is None:
            return html
        base = split_variant(page.file.src_uri)[1]
        if variant == VARIANTS[0]:
            if any(split.renders(other) for other in VARIANTS[1:]):
                self._rendered[base] = RenderedPage(html, page)
            else:  # a split build: the second process renders the other variants
                split.share(base, RenderedPage(html, page))
        elif not page.markdown.strip() and base in self._rendered:
            html = self._rendered[base].apply_to(page)
            if variant == VARIANTS[-1]:
                del self._rendered[base]
        source, repair = self.source_script(page), self.needs_repair(page)
        self._convert_toc(page.toc, variant, source, repair)
        if "title" not in page.meta and page.title:  # a title taken from the first heading
            page.title = self.convert(page.title, variant, source, repair)
        return transform_html(
            html, lambda text, before, after: self.convert(text, variant, source, repair), context=False
        )

    def _convert_toc(self, toc: TableOfContents, variant: Variant, source: str, repair: bool) -> None:
        for item in toc:
            item.title = self.convert(item.title, variant, source, repair)
            self._convert_toc(item.children, variant, source, repair)

    def on_env(self, env, config, files):
        """Priority: default (template helpers from core; pages outside the
        variants, such as 404, switch between the variant roots)."""
        if not self.config.enabled:
            return env
        split.end_sharing()  # every page is read
        install_template_helpers(env, config)
        config.extra["alternate"] = [self._alternate(v, f"{v.prefix}/") for v in VARIANTS]
        env.globals["zhpress_default_variant"] = self.default
        self.env = env
        return env

    @event_priority(pipeline.PAGE_SETUP)
    def on_page_context(self, context, page, config, nav):
        """Priority: PAGE_SETUP (variant, navigation and per-page config
        before any plugin builds its own context)."""
        variant = self._variant_of(page)
        if variant is None:
            return context
        context["nav"] = with_current_page(self.navs[variant.key], page)
        context["zhpress_variant"] = variant
        _, base = split_variant(page.file.src_uri)
        alternates = []
        for other in VARIANTS:
            counterpart = self._files.get_file_from_path(variant_uri(other, base))
            alternates.append(self._alternate(other, counterpart.url if counterpart else f"{other.prefix}/"))
        # Material renders config.extra.alternate as hreflang links and the
        # header switch.
        self.per_page.set(config.extra, "alternate", alternates)
        self._use_variant_names(config, variant)
        return context

    def _use_variant_names(self, config, variant: Variant) -> None:
        """Material renders config.site_name in the header and <title>,
        config.site_description in <meta> and each palette toggle's name as
        its label and tooltip: in `variant`'s script until restored."""
        self.per_page.set(config, "site_name", self.convert(config.site_name, variant))
        if config.site_description:
            self.per_page.set(config, "site_description", self.convert(config.site_description, variant))
        palette = config.theme.get("palette")
        for option in palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []:
            toggle = option.get("toggle") if isinstance(option, dict) else None
            if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
                self.per_page.set(toggle, "name", self.convert(toggle["name"], variant))

    @event_priority(pipeline.RESTORE_CONFIG)
    def on_post_page(self, output, page, config):
        """Priority: RESTORE_CONFIG (the page is rendered: undo its config)."""
        self.per_page.restore()
        return output

    @event_priority(pipeline.SKIP_TEMPLATES)
    def on_post_template(self, output_content, template_name, config):
        """Priority: SKIP_TEMPLATES (the second process of a split build
        writes none of MkDocs' templates: the first one does; its sitemap,
        of this process's pages, goes to the first one)."""
        if not self.skip_templates:
            return output_content
        if template_name == SITEMAP:
            split.hand_over(SITEMAP, output_content)
        self.split.skip_template(template_name)
        return ""

    @event_priority(pipeline.STOP_SPLIT)
    def on_build_error(self, error):
        """Priority: STOP_SPLIT (a split build's second process reports the
        error and stops, before any plugin cleans up the first one's
        output; the first one stops the second); the config as configured."""
        self.per_page.restore()
        self.bare.restore()
        running, self.split = self.split, None
        if running is not None:
            if running.is_child:
                running.fail_child(error)
            running.abort()
        split.end()

    def on_shutdown(self):
        """Priority: default (no second process outlives the build)."""
        if self.split is not None and not self.split.is_child:
            self.on_build_error(None)

    @event_priority(pipeline.WRITE_VARIANT_FILES)
    def _write_variant_files(self, config):
        """Priority: WRITE_VARIANT_FILES (each variant's 404 page, in the
        process that rendered the variant's pages and so its navigation)."""
        if not self.config.enabled:
            return
        self.skip_templates = False
        self.per_page.restore()
        site = Path(config.site_dir)
        for variant in VARIANTS:
            if split.renders(variant):
                self._use_variant_names(config, variant)
                try:
                    page = render_not_found(self.env, config, self._files, self.navs[variant.key], {VARIANT: variant})
                finally:
                    self.per_page.restore()
                (site / variant.prefix / NOT_FOUND).write_text(page, encoding="utf-8")

    @event_priority(pipeline.JOIN_VARIANTS)
    def _join_variants(self, config):
        """Priority: JOIN_VARIANTS (a split build is whole again before any
        site-wide step: the second process stops, the first waits for it)."""
        if self.split is None:
            return
        if self.split.is_child:
            self.split.end_child()
        cpu, waited = self.split.join()
        log.info("zhpress/variants: %s built in a second process (%.1f s of CPU); this one waited %.1f s for it",
                 ", ".join(v.name for v in self.split.there if v is not None), cpu, waited)

    @event_priority(pipeline.WRITE_SITE_FILES)
    def _write_site_files(self, config):
        """Priority: WRITE_SITE_FILES (after feeds are written: the root page
        links the feeds that exist)."""
        try:
            if self.config.enabled:
                self._write_root_files(config)
        finally:
            self.split = None
            split.end()

    on_post_build = CombinedEvent(_write_variant_files, _join_variants, _write_site_files)

    def _write_root_files(self, config) -> None:
        self.per_page.restore()
        site = Path(config.site_dir)
        pages = {v: (site / v.prefix / NOT_FOUND).read_text(encoding="utf-8") for v in VARIANTS}
        (site / NOT_FOUND).write_text(root_not_found_html(pages, self.default, site_path(config)), encoding="utf-8")
        home = site / self.default.prefix / "index.html"
        if home.exists():
            root = root_home_html(home.read_text(encoding="utf-8"), self.default)
        else:
            feeds = {v.prefix: [f for f in FEEDS if (site / v.prefix / f.file).exists()] for v in VARIANTS}
            root = root_redirect_html(config.site_name, self.default, feeds)
        (site / "index.html").write_text(root, encoding="utf-8")
        # One sitemap per variant beside the site-wide one: search engines may
        # take either, and Material's script looks for one beside each feed.
        sitemap = site / SITEMAP
        if sitemap.exists():
            text = sitemap.read_text(encoding="utf-8")
            others = split.handed_over(SITEMAP)
            if others:  # the second process's pages, in the order MkDocs lists every page
                text = merge_sitemaps([text, *others], self._files, config.site_url or "")
                sitemap.write_text(text, encoding="utf-8")
            # MkDocs stamps the build date into the gzip header: two builds of
            # one commit on different days would differ. Stamp nothing.
            (site / SITEMAP_GZ).write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
            for variant in VARIANTS:
                (site / variant.prefix / SITEMAP).write_text(
                    variant_sitemap(text, config.site_url or "", variant), encoding="utf-8")

    def _variant_of(self, page) -> Variant | None:
        return variant_of(page) if self.config.enabled else None

    @staticmethod
    def _alternate(variant: Variant, link: str) -> dict:
        return {
            "name": variant.name,
            "label": variant.label,
            "lang": variant.lang,
            "link": link,
            "prefix": variant.prefix,
        }
