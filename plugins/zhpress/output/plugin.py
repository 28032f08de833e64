"""zhpress/output: staged, atomic output for every build.

The site is built into a staging folder beside site_dir and swapped in only
when the tool running the build (MkDocs or ProperDocs) declares it good: no
error and, under --strict, no warning from any stage, configuration
included. Otherwise the previous site stays byte for byte as it was and the
staging folder is removed. Under `serve` too: a rebuild that fails leaves the
last good build in the served folder (zhpress/check shows the problems on
its pages); only `--dirtyreload`, which rebuilds into the previous output,
is not staged.

Run from the command line, the tool calls on_build_error for every failure
(its strict-mode abort included) and on_shutdown afterwards, so the verdict is
the tool's own; a build started through the API without on_startup, and each
rebuild of `serve`, is judged in on_post_build by counting warnings on the
tools' loggers.
"""
from __future__ import annotations

import logging

from mkdocs.plugins import BasePlugin, event_priority

from ..core import pipeline
from ..core.shutdown import skip_final_collection
from .config import OutputConfig
from .staging import StagedOutput, WarningCounter

log = logging.getLogger("mkdocs.plugins.zhpress.output")


class OutputPlugin(BasePlugin[OutputConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command: str | None = None
        self.dirty = False
        self.staged: StagedOutput | None = None
        self.counter = WarningCounter()
        self.failed = False
        self.complete = False
        self.target: str | None = None  # the real site_dir, noted before any plugin can fail

    def on_startup(self, command, dirty):
        """Priority: default (count warnings from the very start, as the tool does)."""
        self.command = command
        self.dirty = dirty
        self.counter.attach()
        skip_final_collection()  # the tool's process ends with its build: a quick exit

    @event_priority(pipeline.NOTE_OUTPUT)
    def on_config(self, config):
        """Priority: NOTE_OUTPUT (first: a build that fails in any plugin's
        on_config, before anything is staged, still says which site it kept)."""
        self.staged, self.failed, self.complete = None, False, False
        self.target = config.site_dir if self.config.enabled else None
        self.counter.attach()  # this build's warnings, from its configuration on

    @event_priority(pipeline.STAGE_OUTPUT)
    def on_pre_build(self, config):
        """Priority: STAGE_OUTPUT (every plugin has read the real site_dir in
        on_config; MkDocs cleans and fills the staging folder from here on)."""
        if self.config.enabled and self.config.staged and not (self.command == "serve" and self.dirty):
            self.staged = StagedOutput(config.site_dir)
            config.site_dir = self.staged.begin()

    @event_priority(pipeline.STAGE_OUTPUT)
    def on_post_build(self, config):
        """Priority: STAGE_OUTPUT (last: everything is written)."""
        if self.staged is None:
            return
        config.site_dir = str(self.staged.target)
        self.complete = True
        if self.command in (None, "serve"):  # no on_shutdown comes after this build: judge now
            self._finish(strict=config.strict)

    def on_build_error(self, error):
        """Priority: default (any failure: nothing is published)."""
        self.failed = True
        if self.staged is not None:
            self.staged.discard()
            log.error(f"Build failed: nothing was published; the previous site in "
                      f"'{self.staged.target}' is unchanged.")
            self.staged = None
        elif self.target is not None:  # failed before staging: nothing was written at all
            log.error(f"Build failed before anything was written: nothing was published; the previous "
                      f"site in '{self.target}' is unchanged.")
        self.target = None

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
