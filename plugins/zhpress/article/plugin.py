"""zhpress/article: front matter to publication.

Validates and reads every article's front matter once (on_files), plans the
paginated home, archive and tag pages, links articles to their neighbours in
date order, measures reading length, and writes share metadata and feeds.
Rendering lives in templates/zhpress/.
"""
from __future__ import annotations

import logging
import os

import yaml
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..siteconfig import project_dir
from ..siteconfig.entities import EntitiesError, load_entities
from ..core import pipeline, split
from ..core.parallel import map_in_two
from ..core.context import FEEDS as FEEDS_NAME
from ..core.dates import zone
from ..core.published import FEEDS
from ..core.script import in_script, in_source_script, install_template_helpers
from ..core.strings import ui_strings
from ..core.tags import tag_slug
from ..core.variants import VARIANTS, split_variant, variant_of, variant_uri
from .config import ArticleConfig
from .listing import ListingPage, page_uri, plan_listings
from .publish import as_list, feed_entry, share_head, write_feeds
from .readtime import count_text, reading_minutes, text_from_html
from .records import ArticleRecord, PartialDate, record_from_meta, sort_articles
from .schema import PEOPLE_KEYS, Problem, validate_front_matter

log = logging.getLogger("mkdocs.plugins.zhpress.article")

TEMPLATES_DIR = os.path.join(os.path.dirname(__file__), "templates")
# What MkDocs reads as Markdown (mkdocs.utils.markdown_extensions).
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


class ArticlePlugin(BasePlugin[ArticleConfig]):
    supports_multiple_instances = False

    @event_priority(pipeline.READ_METADATA)
    def on_config(self, config):
        """Priority: READ_METADATA (the default nav is set before
        zhpress/variants points it into each variant)."""
        if not self.config.enabled:
            return
        for option in ("per_page", "cjk_per_minute", "words_per_minute", "feed_items"):
            if self.config[option] < 1:
                raise PluginError(f"zhpress/article: '{option}' must be at least 1")
        try:
            self.zone = zone(self.config.timezone)
        except ValueError as error:
            raise PluginError(f"zhpress/article: {error}. Fix: write e.g. 'timezone: Asia/Taipei' or "
                              "'timezone: +08:00' under zhpress/article in mkdocs.yml") from None
        config.theme.dirs.append(TEMPLATES_DIR)
        try:
            self.entities = load_entities(project_dir(config) / self.config.entities)
        except EntitiesError as error:
            raise PluginError(f"zhpress/article: {error}") from error
        # Generated titles and the default nav are converted like the
        # sources, so they are written in the sources' script.
        strings = ui_strings(config)
        self.t = lambda key: in_source_script(strings(key), config)
        if config.nav is None:
            # MkDocs' automatic nav lists every article on every page: the
            # build would grow with the square of the archive. Sections only.
            config.nav = [
                {self.t("zhpress.home"): "index.md"},
                {self.t("zhpress.archive"): f"{self.config.archive_dir.strip('/')}/index.md"},
                {self.t("zhpress.tags"): f"{self.config.tags_dir.strip('/')}/index.md"},
            ]
        self.articles: list[ArticleRecord] = []
        self.position: dict[str, int] = {}
        self.listings: dict[str, ListingPage] = {}
        self.reading: dict[str, dict] = {}

    def is_article(self, base_uri: str) -> bool:
        """A Markdown page (any extension MkDocs reads: .md, .markdown ...)
        inside the articles folder."""
        return (base_uri.startswith(self.config.articles_dir.strip("/") + "/")
                and base_uri.lower().endswith(MARKDOWN_EXTENSIONS))

    # --- reading the archive -------------------------------------------------

    @event_priority(pipeline.READ_METADATA)
    def on_files(self, files: Files, config):
        """Priority: READ_METADATA (every front matter problem at once, and
        list pages added before copies are published per variant)."""
        if not self.config.enabled:
            return files
        records, problems = [], []
        self.reading = {}

        def read(file) -> tuple[object, list[Problem]]:
            try:
                source = file.content_string
            except UnicodeDecodeError as error:
                return None, [Problem(self._shown_path(file, config), 1, f"not UTF-8 text ({error.reason} "
                                      f"at byte {error.start})", "save the file as UTF-8", column=1)]
            meta, found = validate_front_matter(self._shown_path(file, config), source)
            return (None, found) if found else (record_from_meta(file.src_uri, meta), [])

        articles = [file for file in files.documentation_pages() if self.is_article(file.src_uri)]
        for record, found in map_in_two(read, articles):  # both cores: nothing else runs yet
            problems += found
            if record is not None:
                records.append(record)
        if problems:
            for problem in problems:
                log.error(str(problem))
            raise PluginError(
                f"zhpress/article: {len(problems)} front matter problem(s) in "
                f"{len({p.path for p in problems})} file(s); each is listed above with its line and fix."
            )
        self.articles = sort_articles(records)
        self.position = {a.src_uri: i for i, a in enumerate(self.articles)}
        self.listings = plan_listings(
            self.articles, self.config.per_page, self.config.archive_dir.strip("/"),
            self.config.tags_dir.strip("/"), self.t,
        )
        for uri, listing in self.listings.items():
            if files.get_file_from_path(uri) is None:
                front = yaml.safe_dump({"title": listing.title}, allow_unicode=True)
                files.append(File.generated(config, uri, content=f"---\n{front}---\n"))
        return files

    @staticmethod
    def _shown_path(file: File, config) -> str:
        """The path a contributor can open from the project folder: content/articles/x.md."""
        if not file.abs_src_path:
            return file.src_path
        return os.path.relpath(file.abs_src_path, project_dir(config))

    def on_nav(self, nav, config, files):
        """Priority: default (keeps the files to resolve neighbours)."""
        self.files = files
        return nav

    @event_priority(pipeline.READ_METADATA)
    def on_page_markdown(self, markdown, page, config, files):
        """Priority: READ_METADATA (templates and bylines chosen from the
        front matter as written, before it is converted)."""
        if not self.config.enabled:
            return markdown
        _, base = split_variant(page.file.src_uri)
        if base in self.listings:
            page.meta.setdefault("template", "zhpress/listing.html")
        elif base in self.position:
            page.meta.setdefault("template", "zhpress/article.html")
            self._name_entities(page.meta)
        return markdown

    def _name_entities(self, meta: dict) -> None:
        """A byline may give an entity's id or any alias: show its name."""
        for key in PEOPLE_KEYS:
            if key in meta:
                names = [self._entity_name(value) for value in as_list(meta[key])]
                meta[key] = names if isinstance(meta[key], list) else names[0]

    def _entity_name(self, value) -> str:
        entity = self.entities.find(str(value))
        return entity.name if entity else str(value)

    @event_priority(pipeline.READ_TEXT)
    def on_page_content(self, html, page, config, files):
        """Priority: READ_TEXT (the text is final: converted and typeset;
        marks add none; code does not count; every variant of a page has the
        same length)."""
        base = split_variant(page.file.src_uri)[1]
        if self.config.enabled and base in self.position:
            if base not in self.reading:
                length = count_text(text_from_html(html))
                minutes = reading_minutes(length, self.config.cjk_per_minute, self.config.words_per_minute)
                self.reading[base] = {
                    "minutes": minutes, "cjk_chars": length.cjk_chars,
                    "latin_words": length.latin_words, "total": f"{length.total:,}",
                }
            page.meta["zhpress_reading"] = self.reading[base]
        return html

    # --- rendering -----------------------------------------------------------

    def _resolver(self, page):
        variant, _ = split_variant(page.file.src_uri)

        def resolve(uri: str | None):
            if uri is None:
                return None
            file = self.files.get_file_from_path(variant_uri(variant, uri) if variant else uri)
            return file.page if file else None

        return resolve

    @event_priority(pipeline.PAGE_CONTEXT)
    def on_page_context(self, context, page, config, nav):
        """Priority: PAGE_CONTEXT (after the page's variant is set up)."""
        if not self.config.enabled:
            return context
        _, base = split_variant(page.file.src_uri)
        resolve = self._resolver(page)
        if base in self.position:
            self._article_context(context, page, config, base, resolve)
        listing = self.listings.get(base)
        if listing is not None:
            page.previous_page = resolve(listing.previous)
            page.next_page = resolve(listing.next)
            context["zhpress_listing"] = {
                "page": listing,
                "entries": [resolve(uri) for uri in listing.entries],
                "previous": page.previous_page,
                "next": page.next_page,
                "archive": resolve(f"{self.config.archive_dir.strip('/')}/index.md"),
                "tags": [(name, resolve(uri), count) for name, uri, count in listing.tag_index],
                "start": (listing.number - 1) * self.config.per_page + 1,
            }
        return context

    def _article_context(self, context, page, config, base, resolve):
        index = self.position[base]
        # Neighbours in list order: "next" is the next article down the archive (older).
        page.previous_page = resolve(self.articles[index - 1].src_uri) if index > 0 else None
        page.next_page = resolve(self.articles[index + 1].src_uri) if index + 1 < len(self.articles) else None
        tags_dir = self.config.tags_dir.strip("/")
        context["zhpress_tag_links"] = [
            (tag, link)
            for tag in as_list(page.meta.get("tags"))
            if (link := resolve(page_uri(f"{tags_dir}/{tag_slug(tag)}", 1))) is not None
        ]
        cover = self._cover_file(page)
        context["zhpress_cover"] = cover
        variant = variant_of(page)
        language = variant.lang if variant else "zh-Hant"
        context["zhpress_share"] = Markup(share_head(
            page, site_name=config.site_name,
            site_url=config.site_url or "", language=language,
            other_languages=[v.lang for v in VARIANTS if v.lang != language] if variant else [],
            cover_url=cover.url if cover else None, zone=self.zone,
        ))  # every value is escaped for where it lands (share.py)

    def _cover_file(self, page) -> File | None:
        cover = page.meta.get("cover")
        if not cover:
            return None
        path = os.path.normpath(os.path.join(os.path.dirname(page.file.src_uri), str(cover))).replace(os.sep, "/")
        file = self.files.get_file_from_path(path)
        if file is None:
            log.warning(f"{page.file.src_path}: cover image '{cover}' not found (looked for {path}). "
                        "Fix: give the image's path relative to the article file.")
        return file

    def on_env(self, env, config, files):
        """Priority: default (template helpers from core)."""
        install_template_helpers(env, config)
        if self.config.enabled:
            env.globals[FEEDS_NAME] = FEEDS
        env.filters["zh_date"] = format_date
        env.filters["iso_date"] = iso_date
        env.filters["as_list"] = as_list
        return env

    # --- feeds -----------------------------------------------------------------

    @event_priority(pipeline.WRITE_VARIANT_FILES)
    def on_post_build(self, config):
        """Priority: WRITE_VARIANT_FILES (a variant's feeds are made of its
        pages' text: written by the process that rendered them, before
        site-wide files that link them)."""
        if not self.config.enabled:
            return
        newest = self.articles[: self.config.feed_items]
        # Per variant when the pages are published per variant (the home
        # page, which this plugin always plans, then has variant copies).
        per_variant = self.files.get_file_from_path(variant_uri(VARIANTS[0], "index.md")) is not None
        variants = VARIANTS if per_variant else (None,)
        for variant in variants:
            if not split.renders(variant):
                continue
            pages = []
            for record in newest:
                file = self.files.get_file_from_path(variant_uri(variant, record.src_uri) if variant else record.src_uri)
                if file and file.page:
                    pages.append(file.page)
            entries = [feed_entry(p, config.site_url or "", self.zone) for p in pages]
            title = in_script(config.site_name, variant, config)
            write_feeds(
                config.site_dir, variant.prefix if variant else "", entries, title=title,
                site_url=config.site_url or "", language=variant.lang if variant else "zh-Hant",
                description=in_script(config.site_description or config.site_name, variant, config),
                full_text=self.config.feed_full_text,
            )


def format_date(value) -> str:
    """2019 -> 2019年, 2019-10 -> 2019年10月, 2019-10-08 -> 2019年10月8日,
    2019-10-08 22:10 -> 2019年10月8日 22:10."""
    if value is None or value == "":
        return ""
    try:
        return PartialDate.parse(value).chinese()
    except ValueError:
        return str(value)


def iso_date(value) -> str:
    """A front matter date for <time datetime>: 2019-10, 2019-10-08T22:10:00+08:00."""
    if value is None or value == "":
        return ""
    try:
        return PartialDate.parse(value).iso()
    except ValueError:
        return str(value)
