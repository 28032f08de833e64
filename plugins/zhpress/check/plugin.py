"""zhpress/check: the contributors' safety net in the build.

Before anything reads the sources, every problem of the tree is reported at
once, as `zhpress check` reports it (engine.check_tree): errors stop the
build with each problem at its file, line and column; warnings and
suggestions are logged at INFO, so a --strict build fails only on what
mkdocs.yml says must stop it (`severity:`, `fail_on:`). The checks of the
text itself (punctuation, acronyms) run in a build only when they can stop
it; `zhpress check` always lists them. Files from outside content/ and the
theme are refused with the rest.

It also keeps contributor text inert: templates escape by default
(escape.py), Material's search index is escaped where its script reads
HTML, and with `raw_html: safe` page bodies are sanitised (sanitize.py).
Under `mkdocs serve`, the problems of a failed rebuild are shown on every
page served (serve.py) while the last good build stays served.
"""
from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..core import pipeline
from ..core.problems import ERROR, WARNING
from . import report
from .config import CheckConfig
from .engine import CHECKS, TEXT_CHECKS, SeverityError, check_tree, counts, failing, severities
from .escape import RenderedMarkup, escape_by_default, escape_search_index, plain_titles
from .project import Project
from .rawlinks import raw_html_addresses, rewrite_raw_links
from .sanitize import sanitize_html
from .serve import ProblemsOverlay, mount_path_of
from .sources import files_from_outside, project_files

log = logging.getLogger("mkdocs.plugins.zhpress.check")


class CheckPlugin(BasePlugin[CheckConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.levels: dict[str, str] = {}
        self.rendered = RenderedMarkup()
        self.overlay = ProblemsOverlay()

    def on_startup(self, command, dirty):
        """Priority: default (makes the plugin live as long as `mkdocs serve`,
        so the page shows the problems of the latest rebuild)."""
        self.overlay.command = command

    @event_priority(pipeline.CHECK_SOURCES)
    def on_config(self, config):
        """Priority: CHECK_SOURCES (every problem of the tree at once, before
        any plugin reads site_config or the sources and stops at its first
        problem; before output is staged, so nothing is touched)."""
        try:
            self.levels = severities(self.config.severity)
        except SeverityError as error:
            raise PluginError(str(error)) from error
        self.overlay.start()
        files = project_files(config)
        if not self.config.enabled:
            # Checks off; files from outside the project are still refused.
            refused = files_from_outside(Project.of(config), files)
            self.overlay.show([report.line(p) for p in refused])
            for problem in refused:
                log.error(report.line(problem))
            if refused:
                raise PluginError(f"zhpress/check: {len(refused)} file(s) from outside the project refused; "
                                  "each is listed above.")
            return config
        stops = (ERROR,) if self.config.fail_on == ERROR else (ERROR, WARNING)
        skip = tuple(code for code in TEXT_CHECKS if self.levels.get(code, CHECKS[code][0]) not in stops)
        problems = check_tree(Project.of(config), config, files, self.levels, self.config.raw_html, skip)
        stopping = failing(problems, self.config.fail_on)
        self.overlay.show([report.line(p) for p in stopping])
        listed = 0
        for problem in problems:
            if problem in stopping:
                log.error(report.line(problem))
            elif listed < self.config.listed:
                log.info(report.line(problem))
                listed += 1
            else:
                log.debug(report.line(problem))
        tally = counts(problems)
        if listed < len(problems) - len(stopping):
            log.info(f"zhpress check: {len(problems) - len(stopping) - listed} more warning(s) and suggestion(s); "
                     "run `zhpress check` to list them all.")
        if skip:
            log.debug(f"zhpress check: {', '.join(skip)} are checked by `zhpress check` (they stop no build).")
        if stopping:
            kinds = ", ".join(f"{n} {level}(s)" for level, n in tally.items() if n)
            raise PluginError(f"zhpress/check: {len(stopping)} problem(s) stop the build ({kinds}); each is "
                              "listed above with its file, line and fix.")
        return config

    @event_priority(pipeline.SANITIZE_HTML)
    def on_page_content(self, html, page, config, files):
        """Priority: SANITIZE_HTML (the body as Markdown rendered it, before
        plugins add their own markup): raw HTML links and images resolved
        like Markdown's, then the raw_html policy."""
        html = rewrite_raw_links(html, page, config, files, raw_html_addresses(page.markdown))
        if self.config.raw_html == "safe":
            return sanitize_html(html)
        return html

    def on_env(self, env, config, files):
        """Priority: default (every page is rendered: titles are final)."""
        escape_by_default(env)
        plain_titles(files)
        return env

    @event_priority(pipeline.MARK_RENDERED_HTML)
    def on_page_context(self, context, page, config, nav):
        """Priority: MARK_RENDERED_HTML (every plugin has read the body as a
        string; only templates follow)."""
        self.rendered.mark(page)
        return context

    @event_priority(pipeline.RESTORE_CONFIG)
    def on_post_page(self, output, page, config):
        """Priority: RESTORE_CONFIG (the page is written: its HTML is a plain
        string again for feeds and indexes)."""
        self.rendered.restore()
        return output

    @event_priority(pipeline.ESCAPE_SEARCH_INDEX)
    def on_post_build(self, config):
        """Priority: ESCAPE_SEARCH_INDEX (after Material's search writes its index)."""
        escape_search_index(config.site_dir)
        self.overlay.succeed()

    def on_build_error(self, error):
        """Priority: default (leave pages as they were; under serve, show why)."""
        self.rendered.restore()
        self.overlay.fail(error)

    def on_serve(self, server, config, builder):
        """Priority: default (while a rebuild has failed, the last good build
        is served with its problems over every page)."""
        self.overlay.attach(server, config.site_dir, mount_path_of(config))
        return server

