"""zhpress/output: staged, atomic output for every build.

The site is built into a staging folder beside site_dir and swapped in only
when the tool running the build (MkDocs or ProperDocs) declares it good: no
error and, under --strict, no warning from any stage, configuration
included. Otherwise the previous site stays byte for byte as it was and the
staging folder is removed. `serve` builds into a temporary folder of its own:
nothing is staged there.

Run from the command line, the tool calls on_build_error for every failure
(its strict-mode abort included) and on_shutdown afterwards, so the verdict is
the tool's own; a build started through the API without on_startup is judged
in on_post_build by counting warnings on the tools' loggers.
"""
from __future__ import annotations

import logging

from mkdocs.plugins import BasePlugin, event_priority

from ..core import pipeline
from .config import OutputConfig
from .staging import StagedOutput, WarningCounter

log = logging.getLogger("mkdocs.plugins.zhpress.output")


class OutputPlugin(BasePlugin[OutputConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command: str | None = None
        self.staged: StagedOutput | None = None
        self.counter = WarningCounter()
        self.failed = False
        self.complete = False

    def on_startup(self, command, dirty):
        """Priority: default (count warnings from the very start, as the tool does)."""
        self.command = command
        self.counter.attach()

    @event_priority(pipeline.STAGE_OUTPUT)
    def on_config(self, config):
        """Priority: STAGE_OUTPUT (every other plugin has read the real site_dir)."""
        self.staged, self.failed, self.complete = None, False, False
        if not self.counter.attached:
            self.counter.attach()
        if self.config.enabled and self.config.staged and self.command != "serve":
            self.staged = StagedOutput(config.site_dir)
            config.site_dir = self.staged.begin()
        return config

    @event_priority(pipeline.STAGE_OUTPUT)
    def on_post_build(self, config):
        """Priority: STAGE_OUTPUT (last: everything is written)."""
        if self.staged is None:
            return
        config.site_dir = str(self.staged.target)
        self.complete = True
        if self.command is None:  # no on_shutdown will come: judge now
            self._finish(strict=config.strict)

    def on_build_error(self, error):
        """Priority: default (any failure: nothing is published)."""
        self.failed = True
        if self.staged is not None:
            self.staged.discard()
            log.error(f"Build failed: nothing was published; the previous site in "
                      f"'{self.staged.target}' is unchanged.")
            self.staged = None

    def on_shutdown(self):
        """Priority: default (the tool has given its verdict)."""
        if self.staged is not None:
            self._finish(strict=False)
        self.counter.detach()
        # MkDocs keeps plugin instances between configs of one process: the
        # next build may come through the API without on_startup.
        self.command = None

    def _finish(self, strict: bool) -> None:
        staged, self.staged = self.staged, None
        if self.failed or not self.complete or (strict and self.counter.count):
            staged.discard()
            log.error(f"Build failed ({self.counter.count} warning(s) in strict mode): nothing was "
                      f"published; the previous site in '{staged.target}' is unchanged.")
        else:
            staged.publish()
            log.info(f"Published the new site to '{staged.target}'.")
