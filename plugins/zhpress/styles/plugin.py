"""zhpress/styles: no stylesheet request.

Every HTML page carries, in a <style> of its head, the CSS rules it can use:
those its markup can match and those the site's scripts can make match
later (search results, tooltips, states). The first paint needs no request
after the page itself (on a slow line the largest part of the wait), and no
stylesheet arrives later to restyle the whole page. Works on the final
HTML, so it serves any theme and plugin.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.plugins import BasePlugin, event_priority

from ..core import pipeline
from .config import StylesConfig
from .critical import script_words
from .inline import StylesheetInliner


class StylesPlugin(BasePlugin[StylesConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.inliner: StylesheetInliner | None = None

    def _active(self) -> bool:
        return self.config.enabled and self.config.inline_critical and self.inliner is not None

    def on_env(self, env, config, files):
        """Priority: default (the site's final files: theme, plugins' assets)."""
        self.inliner = None
        if not (self.config.enabled and self.config.inline_critical):
            return env
        stylesheets = {f.dest_uri: f for f in files if f.dest_uri.endswith(".css")}
        scripts = [f for f in files if f.dest_uri.endswith(".js")]

        def read(path: str) -> str | None:
            file = stylesheets.get(path)
            return file.content_bytes.decode("utf-8") if file is not None else None

        self.inliner = StylesheetInliner(read, urlsplit(config.site_url or "").path or "/", script_words(scripts))
        return env

    @event_priority(pipeline.INLINE_STYLES)
    def on_post_page(self, output, page, config):
        """Priority: INLINE_STYLES (the page's final markup decides its rules)."""
        return self.inliner.inline(output, page.url) if self._active() else output

    def on_post_template(self, output_content, template_name, config):
        """Priority: default (404.html and other theme pages, at the site root)."""
        if self._active() and template_name.endswith(".html"):
            return self.inliner.inline(output_content, template_name)
        return output_content
