"""Build into a staging folder; publish it only when the build is good."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path


class WarningCounter(logging.Handler):
    """Counts warnings and errors logged under `mkdocs` during one build."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


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
