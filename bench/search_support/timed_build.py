"""`mkdocs build` with the hooks of chosen plugins timed: the search index's share.

  python timed_build.py --report hooks.json --plugin zhpress/search -- build -d site

Before MkDocs loads its configuration, every `on_*` hook of the plugin
classes registered under the given entry point names (group mkdocs.plugins)
is wrapped to add its wall time (perf_counter) and CPU time (process_time)
to a total per hook; the totals are written to --report when the process
exits. Names that are not installed are skipped.
"""

from __future__ import annotations

import atexit
import functools
import json
import sys
import time
from importlib.metadata import entry_points


def _wrap(func, name: str, totals: dict):
    @functools.wraps(func)
    def timed(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            slot = totals.setdefault(name, {"calls": 0, "wall": 0.0, "cpu": 0.0})
            slot["calls"] += 1
            slot["wall"] += time.perf_counter() - wall
            slot["cpu"] += time.process_time() - cpu
    return timed


def patch(names: list[str], totals: dict) -> list[str]:
    from mkdocs.plugins import CombinedEvent

    patched = []
    eps = {ep.name: ep for ep in entry_points(group="mkdocs.plugins")}
    seen = set()
    for name in names:
        if name not in eps:
            continue
        try:
            cls = eps[name].load()
        except Exception as error:  # the plugin may not exist yet
            print(f"timed_build: cannot load {name}: {error}", file=sys.stderr)
            continue
        if cls in seen:
            continue
        seen.add(cls)
        for attr in [a for a in dir(cls) if a.startswith("on_")]:
            value = getattr(cls, attr)
            label = f"{name}.{attr}"
            if isinstance(value, CombinedEvent):
                value.methods = tuple(_wrap(m, label, totals) for m in value.methods)
            elif callable(value):
                setattr(cls, attr, _wrap(value, label, totals))
        patched.append(name)
    return patched


def main() -> None:
    argv = sys.argv[1:]
    split = argv.index("--")
    own, mkdocs_args = argv[:split], argv[split + 1:]
    report, plugins = None, []
    it = iter(own)
    for arg in it:
        if arg == "--report":
            report = next(it)
        elif arg == "--plugin":
            plugins.append(next(it))
    totals: dict = {}
    patched = patch(plugins, totals)

    def write():
        if report:
            wall = sum(v["wall"] for v in totals.values())
            cpu = sum(v["cpu"] for v in totals.values())
            with open(report, "w", encoding="utf-8") as f:
                json.dump({"plugins": patched, "wall": wall, "cpu": cpu, "hooks": totals}, f, indent=1)

    atexit.register(write)
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", *mkdocs_args]
    cli(prog_name="mkdocs")


if __name__ == "__main__":
    main()
