"""Problems in site_config files, each at its file and line, and the YAML
reading that keeps those lines.

Files are read with `yaml.compose`: the node tree keeps where every key and
value was written, duplicate keys stay visible (a plain YAML load keeps the
last one silently), and scalars stay as written (`name: NO` is the acronym
NO, not False).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Problem:
    path: str  # as the contributor sees it: site_config/glossary.yml
    line: int  # 1-based
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}. Fix: {self.fix}"


class SiteConfigError(ValueError):
    """Every problem of the site_config files read together, at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def shown_path(path: Path) -> str:
    """`path` relative to the project folder (the nearest folder above it
    holding mkdocs.yml or properdocs.yml), as a contributor opens it."""
    path = Path(path)
    absolute = path.resolve()
    for folder in absolute.parents:
        if (folder / "mkdocs.yml").exists() or (folder / "properdocs.yml").exists():
            return absolute.relative_to(folder).as_posix()
    return str(path)


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def compose(path: Path, shown: str) -> yaml.Node | None:
    """The node tree of the YAML file at `path`; None when it is empty."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SiteConfigError([Problem(shown, 1, f"not UTF-8 text ({error.reason})",
                                       "save the file as UTF-8")]) from error
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise SiteConfigError([Problem(
            shown, line, f"not valid YAML: {what}",
            "check the indentation and quoting on this line and the one before "
            "(a value holding ': ' or starting with a bracket needs quotes)",
        )]) from error
    except yaml.YAMLError as error:
        raise SiteConfigError([Problem(shown, 1, f"not valid YAML: {error}", "check the file's syntax")]) from error


def scalar(node: yaml.Node) -> str | None:
    """A scalar as written (None for an empty value or ~); not for other nodes."""
    if node.tag == NULL_TAG:
        return None
    return str(node.value)
