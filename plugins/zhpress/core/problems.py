"""A problem of the tree, where the contributor fixes it.

Every check (front matter, site_config, links, sources) reports the same
record, shown as `path:line:column: what is wrong. Fix: how.`: the path as
the contributor opens it from the project folder (content/articles/x.md,
never a variant copy), line and column 1-based (column 0: the whole line).
"""
from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, SUGGESTION = "error", "warning", "suggestion"
SEVERITIES = (ERROR, WARNING, SUGGESTION)
OFF = "off"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str = ""
    column: int = 0
    severity: str = ERROR
    code: str = ""  # which check: "front-matter", "link", "punctuation" ...

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column}" if self.column else f"{self.path}:{self.line}"

    def __str__(self) -> str:
        text = f"{self.where}: {sentence(self.message)}"
        return f"{text} Fix: {sentence(self.fix)}" if self.fix else text

    def reported(self) -> str:
        """As `zhpress check` and the import print it: warnings and
        suggestions say so after the position."""
        label = "" if self.severity == ERROR else f"{self.severity}: "
        text = f"{self.where}: {label}{sentence(self.message)}"
        return f"{text} Fix: {sentence(self.fix)}" if self.fix else text

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, SEVERITIES.index(self.severity)
                if self.severity in SEVERITIES else 9, self.message)


def sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!", "。", "？", "！")) else text + "."
