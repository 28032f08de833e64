"""Build into a staging folder; publish it only when the build is good."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

# The loggers of the tools that run our plugins: MkDocs and ProperDocs count
# strict-mode warnings on their own. ProperDocs makes 'mkdocs' a child of
# 'properdocs', so one record may reach both handlers: it is counted once.
TOOL_LOGGERS = ("mkdocs", "properdocs")


class WarningCounter(logging.Handler):
    """Counts the warnings and errors logged under the tools' loggers."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0
        self.attached = False

    def emit(self, record: logging.LogRecord) -> None:
        # Marked on the record itself (ids of freed records are reused), by
        # every counter that saw it: a counter an earlier build left attached
        # must not make this one count a record twice.
        counted_by = record.__dict__.setdefault("_zhpress_counted_by", set())
        if id(self) not in counted_by:
            counted_by.add(id(self))
            self.count += 1

    def attach(self) -> None:
        self.count = 0
        if not self.attached:
            for name in TOOL_LOGGERS:
                logging.getLogger(name).addHandler(self)
            self.attached = True

    def detach(self) -> None:
        for name in TOOL_LOGGERS:
            logging.getLogger(name).removeHandler(self)
        self.attached = False


class StagedOutput:
    def __init__(self, site_dir: str):
        self.target = Path(site_dir)
        self.staging = self.target.with_name(f".{self.target.name}.building")

    def begin(self) -> str:
        if self.staging.exists():
            shutil.rmtree(self.staging)
        return str(self.staging)

    def publish(self) -> None:
        """Swaps the staged site in; the old one is removed only afterwards."""
        old = self.target.with_name(f".{self.target.name}.previous")
        if old.exists():
            shutil.rmtree(old)
        if self.target.exists():
            os.replace(self.target, old)
        os.replace(self.staging, self.target)
        if old.exists():
            shutil.rmtree(old)

    def discard(self) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging)
