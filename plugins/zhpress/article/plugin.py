"""zhpress/article: front matter to publication.

Reads every article's front matter once (on_files), plans the paginated home,
archive and tag pages, links articles to their neighbours in date order, and
renders articles and lists with the templates in templates/zhpress/.
"""
from __future__ import annotations

import logging
import os

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..variants.model import split_variant, variant_uri
from .config import ArticleConfig
from ..text.slug import slugify
from .listing import ListingPage, page_uri, plan_listings
from .records import ArticleRecord, PartialDate, record_from_source, sort_articles

log = logging.getLogger("mkdocs.plugins.zhpress.article")

TEMPLATES_DIR = os.path.join(os.path.dirname(__file__), "templates")


class ArticlePlugin(BasePlugin[ArticleConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        if not self.config.enabled:
            return
        if self.config.per_page < 1:
            raise PluginError("zhpress/article: per_page must be at least 1")
        config.theme.dirs.append(TEMPLATES_DIR)
        self.articles: list[ArticleRecord] = []
        self.position: dict[str, int] = {}
        self.listings: dict[str, ListingPage] = {}

    def is_article(self, base_uri: str) -> bool:
        return base_uri.startswith(self.config.articles_dir.strip("/") + "/") and base_uri.endswith(".md")

    def on_files(self, files: Files, config):
        if not self.config.enabled:
            return files
        records = []
        for file in files.documentation_pages():
            if self.is_article(file.src_uri):
                try:
                    records.append(record_from_source(file.src_uri, file.content_string))
                except (yaml.YAMLError, ValueError) as error:
                    raise PluginError(f"{file.src_path}: front matter: {error}") from error
        self.articles = sort_articles(records)
        self.position = {a.src_uri: i for i, a in enumerate(self.articles)}
        self.listings = plan_listings(
            self.articles, self.config.per_page, self.config.archive_dir.strip("/"),
            self.config.tags_dir.strip("/"),
        )
        for uri, listing in self.listings.items():
            if files.get_file_from_path(uri) is None:
                front = yaml.safe_dump({"title": listing.title}, allow_unicode=True)
                files.append(File.generated(config, uri, content=f"---\n{front}---\n"))
        return files

    def on_nav(self, nav, config, files):
        self.files = files
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        _, base = split_variant(page.file.src_uri)
        if base in self.listings:
            page.meta.setdefault("template", "zhpress/listing.html")
        elif base in self.position:
            page.meta.setdefault("template", "zhpress/article.html")
        return markdown

    def _resolver(self, page):
        variant, _ = split_variant(page.file.src_uri)

        def resolve(uri: str | None):
            if uri is None:
                return None
            file = self.files.get_file_from_path(variant_uri(variant, uri) if variant else uri)
            return file.page if file else None

        return resolve

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return context
        _, base = split_variant(page.file.src_uri)
        resolve = self._resolver(page)
        if base in self.position:
            index = self.position[base]
            # Neighbours in list order: "next" is the next article down the archive (older).
            page.previous_page = resolve(self.articles[index - 1].src_uri) if index > 0 else None
            page.next_page = (
                resolve(self.articles[index + 1].src_uri) if index + 1 < len(self.articles) else None
            )
            tags_dir = self.config.tags_dir.strip("/")
            context["zhpress_tag_links"] = [
                (tag, link)
                for tag in as_list(page.meta.get("tags"))
                if (link := resolve(page_uri(f"{tags_dir}/{slugify(str(tag))}", 1))) is not None
            ]
        listing = self.listings.get(base)
        if listing is not None:
            page.previous_page = resolve(listing.previous)
            page.next_page = resolve(listing.next)
            context["zhpress_listing"] = {
                "page": listing,
                "entries": [resolve(uri) for uri in listing.entries],
                "previous": page.previous_page,
                "next": page.next_page,
                "more": resolve(listing.more),
                "archive": resolve(f"{self.config.archive_dir.strip('/')}/index.md"),
                "tags": [(name, resolve(uri), count) for name, uri, count in listing.tag_index],
                "start": (listing.number - 1) * self.config.per_page + 1,
            }
        return context

    def on_env(self, env, config, files):
        env.filters.setdefault("zh", lambda text: text)  # zhpress/variants replaces it
        env.filters["zh_date"] = format_date
        env.filters["as_list"] = as_list
        return env


def format_date(value) -> str:
    """2019 -> 2019年, 2019-10 -> 2019年10月, 2019-10-08 -> 2019年10月8日."""
    if value is None or value == "":
        return ""
    try:
        return PartialDate.parse(value).chinese()
    except ValueError:
        return str(value)


def as_list(value) -> list:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]
