"""`zhpress check`: every problem of a tree in one run, without building it.

    zhpress check                 # the project in this folder (mkdocs.yml)
    zhpress check path/to/project --format json
    zhpress check -f properdocs.yml --strict

Exit status: 0 when nothing stops a build (warnings and suggestions are
listed), 1 when something does (errors; warnings too with --strict or
`fail_on: warning`), 2 when the configuration cannot be read at all.
"""
from __future__ import annotations

import argparse
import difflib
import logging
import os
import re
import sys
import time
from pathlib import Path

from ..core.problems import ERROR, WARNING, Problem
from . import report
from .engine import CHECKS, SeverityError, check_tree, counts, failing, severities
from .project import Project, explicit_options
from .sources import project_files

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhpress", description="Tools for a zhpress site.")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))


def add_parser(commands) -> None:
    """`zhpress check`, as one command of the `zhpress` console command (zhpress/cli.py)."""
    check = commands.add_parser("check", help="report every problem of the tree, each with its file and line")
    check.add_argument("project", nargs="?", default=".", help="project folder or its mkdocs.yml (default: .)")
    check.add_argument("-f", "--config-file", help="the configuration file (default: mkdocs.yml in the project)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--list", action="store_true", help="list the checks and their levels, then stop")


def run(args) -> int:
    if args.list:
        for code, (level, what) in CHECKS.items():
            print(f"{code:16} {level:10} {what}")
        return 0
    return run_check(args)


def find_config(project: str, config_file: str | None) -> Path | None:
    if config_file:
        return Path(config_file)
    path = Path(project)
    if path.is_file():
        return path
    for name in CONFIG_NAMES:
        if (path / name).is_file():
            return path / name
    return None


def run_check(args) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    start = time.monotonic()
    config_path = find_config(args.project, args.config_file)
    if config_path is None:
        print(f"zhpress check: no mkdocs.yml in {os.path.abspath(args.project)}", file=sys.stderr)
        return 2
    config, problems = load(config_path)
    if config is None:
        _print(args, problems, 0, start)
        return 2
    check_plugin = config.plugins.get("zhpress/check")
    options = check_plugin.config if check_plugin is not None else {}
    try:
        levels = severities(options.get("severity", {}))
    except SeverityError as error:
        print(str(error), file=sys.stderr)
        return 2
    project = Project.of(config)
    files = project_files(config)
    problems += check_tree(project, config, files, levels, options.get("raw_html", "allow"))
    problems = sorted(set(problems), key=Problem.sort_key)
    checked = sum(1 for f in files if f.src_dir and os.path.abspath(f.src_dir) == str(project.docs_dir))
    _print(args, problems, checked, start)
    fail_on = WARNING if args.strict else options.get("fail_on", ERROR)
    return 1 if failing(problems, fail_on) else 0


def _print(args, problems: list[Problem], checked: int, start: float) -> None:
    tally = counts(problems)
    if args.format == "json":
        sys.stdout.write(report.as_json(problems, tally, checked))
    else:
        sys.stdout.write(report.as_text(problems))
    print(report.summary(tally, checked, time.monotonic() - start), file=sys.stderr)


def load(config_path: Path):
    """(MkDocs config or None, problems MkDocs found in it, at their lines)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous = logger.propagate
    logger.propagate = False  # reported below, at their lines
    config = None
    try:
        # Not strict here: its warnings are reported below with everything else.
        config = load_config(str(config_path), strict=False)
    except (Abort, ConfigurationError, OSError) as error:
        if not collect.records:
            collect.records.append(logging.makeLogRecord({"msg": str(error), "levelno": logging.ERROR}))
    finally:
        logger.removeHandler(collect)
        logger.propagate = previous
    where = explicit_options(config_path.resolve())
    shown = config_path.name
    problems = []
    for record in collect.records:
        message = record.getMessage().strip()
        if message.startswith("Aborted with"):
            continue
        for text in message.split("\n"):
            line, column = _config_line(text, where)
            # A configuration warning fails the strict build CI runs: an error here.
            severity = ERROR
            problems.append(Problem(shown, line, text.strip(), _config_fix(text, config),
                                    column=column, severity=severity, code="config"))
    return config, problems


def _config_fix(message: str, config) -> str:
    unknown = re.search(r"Plugin '([^']+)' option '([^']+)': Unrecognised configuration name", message)
    if unknown and config is not None and config.plugins and unknown.group(1) in config.plugins:
        options = [name for name, _ in config.plugins[unknown.group(1)].config_scheme]
        close = difflib.get_close_matches(unknown.group(2), options, n=1)
        if close:
            return f"did you mean '{close[0]}'?"
        return f"{unknown.group(1)} has these options: {', '.join(options)}"
    return "see the configuration reference of MkDocs, Material or the plugin"


def _config_line(message: str, where: dict) -> tuple[int, int]:
    plugin = re.search(r"Plugin '([^']+)' option '([^']+)'", message)
    if plugin and (plugin.group(1), plugin.group(2)) in where:
        return _split(where[(plugin.group(1), plugin.group(2))])
    if plugin and (plugin.group(1), "") in where:
        return _split(where[(plugin.group(1), "")])
    key = re.search(r"Config value '([^']+)'", message)
    if key and ("", key.group(1)) in where:
        return _split(where[("", key.group(1))])
    return 1, 1


def _split(text: str) -> tuple[int, int]:
    line, column = text.split(":")
    return int(line), int(column)


if __name__ == "__main__":
    sys.exit(main())
