"""Small blog trees written in temporary folders, imported with the
importer's own functions (no MkDocs): what the unit tests of `zhpress
import` read."""
from __future__ import annotations

import contextlib
from pathlib import Path

from zhpress.importer.command import GENERATORS, import_site
from zhpress.importer.convert import Project
from zhpress.importer.plan import Plan
from zhpress.importer.report import Report
from zhpress.text.slug import slugify


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def project_in(root: Path, source_script: str = "hant") -> Project:
    docs = root / "content"
    (docs / "articles").mkdir(parents=True, exist_ok=True)
    return Project(root=root, docs_dir=docs, articles_dir="articles", source_script=source_script, slugify=slugify)


def run_import(generator: str, source: Path, project: Project, folder: str = "",
               breaks: str = "auto") -> tuple[Plan, Report]:
    report = Report()
    with contextlib.chdir(project.root):  # reports name paths from where the command runs
        plan = import_site(GENERATORS[generator], source, "blog", project, folder, report, breaks)
    return plan, report


def lines_of(report: Report) -> list[str]:
    return report.text().splitlines()


def front(text: str) -> str:
    """The front matter block of an imported file, without its --- lines."""
    return text.split("---\n")[1]
