"""zhpress/styles: no stylesheet request.

Every HTML page carries, in a <style> of its head, the CSS rules it can use:
those its markup can match and those the site's scripts can make match
later (search results, tooltips, states). The first paint needs no request
after the page itself (on a slow line the largest part of the wait), and no
stylesheet arrives later to restyle the whole page. Works on the final
HTML, so it serves any theme and plugin.

Choosing a page's rules and rewriting it takes as long as rendering a
third of it, and needs nothing of MkDocs: when the build has a core to
spare, the pages MkDocs writes are finished in a process of their own
(core.background) while MkDocs renders the next ones, and the build waits
for the last of them before any step reads the written pages. When both
cores render pages already (a build split by variant, core.split) or with
`parallel: false`, each page is inlined as it leaves its template: a third
of the work of reading back and rewriting every written page.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..core import pipeline, split
from ..core.background import Background, BackgroundError
from .config import StylesConfig
from .critical import script_words
from .inline import StylesheetInliner, WrittenPageInliner


class StylesPlugin(BasePlugin[StylesConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.inliner: StylesheetInliner | None = None
        self.worker: Background | None = None
        self.written: tuple[str, str] | None = None  # the page MkDocs writes after its on_post_page

    def on_env(self, env, config, files):
        """Priority: default (the site's final files: theme, plugins' assets)."""
        self.abort()
        self.inliner = None
        if not (self.config.enabled and self.config.inline_critical):
            return env
        stylesheets = {f.dest_uri: f.content_bytes.decode("utf-8") for f in files if f.dest_uri.endswith(".css")}
        settings = {"stylesheets": stylesheets, "site_path": urlsplit(config.site_url or "").path or "/",
                    "script_words": script_words([f for f in files if f.dest_uri.endswith(".js")])}
        self.inliner = StylesheetInliner(stylesheets.get, settings["site_path"], settings["script_words"])
        if self.config.parallel and split.current() is None:
            self.worker = Background("zhpress/styles: inlining", WrittenPageInliner, settings)
            if not self.worker.parallel:  # no second process to be had
                self.worker = None
        return env

    @event_priority(pipeline.INLINE_STYLES)
    def on_post_page(self, output, page, config):
        """Priority: INLINE_STYLES (inlined here, or noted here and finished
        beside the build once written: MkDocs writes it after the last
        on_post_page)."""
        if self.worker is None:
            return self.inliner.inline(output, page.url) if self.inliner is not None else output
        self._hand_over()
        if output.strip():  # MkDocs writes no empty page
            self.written = (page.file.abs_dest_path, page.url)
        return output

    def _hand_over(self) -> None:
        if self.written is not None:
            self.worker.take(*self.written)
            self.written = None

    @event_priority(pipeline.FINISH_PAGES)
    def on_post_build(self, config):
        """Priority: FINISH_PAGES (every page is finished before a later step
        reads the written pages)."""
        if self.worker is None:
            return
        self._hand_over()
        worker, self.worker = self.worker, None
        try:
            worker.finish()
        except BackgroundError as error:
            raise PluginError(str(error)) from error

    def on_post_template(self, output_content, template_name, config):
        """Priority: default (404.html and other theme pages, at the site root)."""
        if self.inliner is not None and template_name.endswith(".html"):
            return self.inliner.inline(output_content, template_name)
        return output_content

    def on_build_error(self, error):
        """Priority: default (a failed build stops the worker)."""
        self.abort()

    def on_shutdown(self):
        """Priority: default (no worker outlives MkDocs)."""
        self.abort()

    def abort(self) -> None:
        if self.worker is not None:
            self.worker.abort()
        self.worker, self.written = None, None
