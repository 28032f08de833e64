"""zhpress/check: the contributor's safety net.

For now: a failed build loses nothing. The site is built into a staging
folder beside site_dir and swapped in only when the build completed and, under
--strict, logged no warning; otherwise the previous site stays as it was and
the staging folder is removed.
"""
from __future__ import annotations

import logging

from mkdocs.plugins import BasePlugin, event_priority

from .config import CheckConfig
from .staging import StagedOutput, WarningCounter

log = logging.getLogger("mkdocs.plugins.zhpress.check")


class CheckPlugin(BasePlugin[CheckConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.staged: StagedOutput | None = None
        self.counter = WarningCounter()

    @event_priority(-1000)  # after every other plugin has seen the real site_dir
    def on_config(self, config):
        self.staged = None
        if self.config.enabled and self.config.safe_output:
            self.staged = StagedOutput(config.site_dir)
            config.site_dir = self.staged.begin()
        return config

    def on_pre_build(self, config):
        self.counter.count = 0
        logging.getLogger("mkdocs").addHandler(self.counter)

    @event_priority(-1000)  # last: everything is written
    def on_post_build(self, config):
        if self.staged is None:
            return
        if config.strict and self.counter.count:
            # MkDocs aborts right after this event; keep the last good site.
            log.error(f"{self.counter.count} warning(s) in strict mode: the previous site in "
                      f"'{self.staged.target}' is kept unchanged.")
            self.staged.discard()
        else:
            self.staged.publish()
        config.site_dir = str(self.staged.target)

    def on_build_error(self, error):
        if self.staged is not None:
            self.staged.discard()
            log.error(f"Build failed: the previous site in '{self.staged.target}' is kept unchanged.")

    def on_shutdown(self):
        logging.getLogger("mkdocs").removeHandler(self.counter)
