"""The `zhpress` console command: one command per tool, each in its own
package (`zhpress check`: check/cli.py; `zhpress import`:
importer/command.py). It lives here, outside every plugin, so no plugin
imports another package to offer a command."""
from __future__ import annotations

import argparse
import sys

from .check import cli as check
from .importer import command as importer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhpress", description="Tools for a zhpress site.")
    commands = parser.add_subparsers(dest="command", required=True)
    check.add_parser(commands)
    importer.add_parser(commands)
    args = parser.parse_args(argv)
    return importer.run(args) if args.command == "import" else check.run(args)


if __name__ == "__main__":
    sys.exit(main())
