"""The files an import writes, decided in full before any is written: a
file the project already holds with other bytes is never overwritten
without --force, so a re-run writes nothing new and a clash writes nothing
at all."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Plan:
    texts: dict[str, str] = field(default_factory=dict)  # path under docs_dir -> Markdown
    copies: dict[str, Path] = field(default_factory=dict)  # path under docs_dir -> file to copy

    def paths(self) -> list[str]:
        return sorted({*self.texts, *self.copies})

    def content(self, path: str) -> bytes:
        if path in self.texts:
            return self.texts[path].encode("utf-8")
        return self.copies[path].read_bytes()


def clashes(plan: Plan, docs_dir: Path) -> list[str]:
    """Paths the project already holds with other content."""
    found = []
    for path in plan.paths():
        target = docs_dir / path
        if target.is_dir() or (target.exists() and target.read_bytes() != plan.content(path)):
            found.append(path)
    return found


def write(plan: Plan, docs_dir: Path) -> tuple[int, int]:
    """(files written, files already there as planned)."""
    written = unchanged = 0
    for path in plan.paths():
        target = docs_dir / path
        data = plan.content(path)
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.importing")
        if path in plan.copies:
            shutil.copyfile(plan.copies[path], partial)
        else:
            partial.write_bytes(data)
        os.replace(partial, target)  # never a half-written file
        written += 1
    return written, unchanged
