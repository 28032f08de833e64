"""Every check of the tree, in one run: the same for `zhpress check` and for
the build (zhpress/check's on_files)."""
from __future__ import annotations

import difflib
import os
from dataclasses import replace

from ..core.problems import ERROR, OFF, SEVERITIES, SUGGESTION, WARNING, Problem
from ..core.script import ScriptSettings
from .documents import known_terms, page_problems, read_document, site_problems, text_problems
from .links import link_problems
from .project import Project
from .sitedata import config_problems, site_config
from .sources import read_sources

# Every check, its default level and what it looks at (README, --list).
CHECKS: dict[str, tuple[str, str]] = {
    "config": (ERROR, "mkdocs.yml as MkDocs itself validates it"),
    "front-matter": (ERROR, "front matter: YAML, unknown and misspelled keys, values, dates, tags"),
    "encoding": (ERROR, "files that are not UTF-8 text"),
    "symlink": (ERROR, "symbolic links that lead out of content/ and the theme"),
    "source-kind": (ERROR, "files with a Markdown extension MkDocs would publish as raw files (x.MD)"),
    "folder": (ERROR, "pages in a misspelled articles folder"),
    "collision": (ERROR, "two sources published at one address (x.md and x/index.md)"),
    "file-name": (WARNING, "file names: .markdown instead of .md, article names with spaces, upper case or URL marks"),
    "empty": (ERROR, "articles with no text"),
    "template": (ERROR, "templates a page asks for that the theme does not have"),
    "entity": (SUGGESTION, "bylines that look like a misspelled entity id (any other name is shown as written)"),
    "link": (ERROR, "links to files that do not exist, or to folders"),
    "anchor": (ERROR, "links to anchors that are no heading or id of the page"),
    "image": (ERROR, "images and covers that do not exist"),
    "absolute-link": (WARNING, "links starting with /, which leave the reader's script"),
    "unsafe-link": (WARNING, "javascript:, vbscript: and data: links"),
    "site-config": (ERROR, "site_config/*.yml: YAML, unknown keys, ids, names, phrases, unread files"),
    "missing-file": (ERROR, "files mkdocs.yml names that do not exist"),
    "duplicate-title": (WARNING, "two articles with one title"),
    "tag-collision": (WARNING, "tags written differently that share one page"),
    "punctuation": (WARNING, "half-width punctuation in Chinese text"),
    "acronym": (SUGGESTION, "upper-case acronyms without a glossary entry"),
}


class SeverityError(ValueError):
    pass


def severities(overrides: dict) -> dict[str, str]:
    """mkdocs.yml's `severity:` checked: levels by check, for the checks it names."""
    levels: dict[str, str] = {}
    for code, level in (overrides or {}).items():
        if code not in CHECKS:
            close = difflib.get_close_matches(str(code), list(CHECKS), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(CHECKS)}"
            raise SeverityError(f"zhpress/check: 'severity' names no check '{code}'. Fix: {hint}")
        if level not in (*SEVERITIES, OFF):
            raise SeverityError(f"zhpress/check: severity of '{code}' must be error, warning, suggestion or off, "
                                f"not '{level}'")
        levels[code] = level
    return levels


# Checks of the text itself: half a second per 1,000 articles and, in a build,
# nothing it needs (the build sets punctuation; zhpress/glossary suggests
# terms): a build runs them only when mkdocs.yml makes them stop it.
TEXT_CHECKS = ("punctuation", "acronym")


def check_tree(project: Project, config, files, levels: dict[str, str] | None = None,
               raw_html: str = "allow", skip: tuple[str, ...] = ()) -> list[Problem]:
    """Every problem of the tree, sorted by file, line and column (but those
    of the checks in `skip`)."""
    levels = levels or {}
    sources, problems = read_sources(project, files)
    site, found = site_config(project)
    problems += found
    problems += config_problems(project, config)
    documents = []
    terms = known_terms(site)
    repair_default = ScriptSettings.of(config).mechanical_conversion if config is not None else False
    for source in sources:
        if source.text is None:
            continue
        document, found = read_document(source)
        problems += found
        problems += page_problems(document, project, site)
        if not all(code in skip for code in TEXT_CHECKS):
            problems += [p for p in text_problems(document, terms, repair_default)
                         if p.code not in skip]
        documents.append(document)
    problems += site_problems(documents)
    uris = {f.src_uri for f in files if f.abs_src_path and f.src_dir and
            _same(f.src_dir, project.docs_dir)}
    problems += link_problems(documents, uris, project, raw_html)
    leveled = []
    for problem in problems:
        if problem.code in skip:
            continue
        level = levels.get(problem.code, problem.severity)
        if level != problem.severity:
            problem = replace(problem, severity=level)
        if problem.severity != OFF:
            leveled.append(problem)
    return sorted(set(leveled), key=Problem.sort_key)


def _same(a, b) -> bool:
    return os.path.abspath(a) == os.path.abspath(b)


def counts(problems: list[Problem]) -> dict[str, int]:
    return {level: sum(1 for p in problems if p.severity == level) for level in SEVERITIES}


def failing(problems: list[Problem], fail_on: str = ERROR) -> list[Problem]:
    stops = (ERROR,) if fail_on == ERROR else (ERROR, WARNING)
    return [p for p in problems if p.severity in stops]
