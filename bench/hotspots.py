"""Where our build's time goes: per plugin hook and per template.

Builds a generated corpus of N articles (default 1,000) with this project's
configuration under cProfile, in this process, and prints two tables:
cumulative seconds per plugin event handler (every `on_*` method of every
plugin, ours and Material's) and per template (the root render function of
each Jinja template, which includes the templates it extends or includes).
cProfile slows Python down about twofold, so read shares, not seconds.

  python bench/hotspots.py            # 1,000 articles
  python bench/hotspots.py 300 --top 25
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def profile_build(n: int) -> tuple[pstats.Stats, float]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for name in ("mkdocs.yml", "theme", "site_config"):
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
        corpus.generate(work / "content", n)
        config = load_config(str(work / "mkdocs.yml"), site_dir=str(work / "site"))
        profiler = cProfile.Profile()
        profiler.enable()
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
        profiler.disable()
    stats = pstats.Stats(profiler)
    return stats, stats.total_tt


def rows(stats: pstats.Stats, keep) -> list[tuple[float, int, str]]:
    found = []
    for (path, line, name), (_, calls, _, cumulative, _) in stats.stats.items():
        label = keep(path, name)
        if label:
            found.append((cumulative, calls, label))
    return sorted(found, reverse=True)


def hook_label(path: str, name: str) -> str | None:
    if not name.startswith("on_") or "plugin" not in Path(path).name:
        return None
    parts = Path(path).parts
    owner = "/".join(parts[parts.index("plugins") + 1:-1]) if "plugins" in parts else Path(path).parent.name
    if "mkdocs" in parts and "material" not in parts and "zhpress" not in parts:
        return None  # MkDocs' PluginCollection dispatchers: every hook, counted once already
    return f"{owner}.{name}"


def template_label(path: str, name: str) -> str | None:
    if name != "root" or not path.endswith((".html", ".xml")):
        return None
    parts = Path(path).parts
    for anchor in ("templates", "theme"):
        if anchor in parts:
            return "/".join(parts[len(parts) - 1 - parts[::-1].index(anchor):])
    return path


def print_table(title: str, found, total: float, top: int) -> None:
    print(f"\n| {title} | calls | seconds | share |\n| --- | ---: | ---: | ---: |")
    for cumulative, calls, label in found[:top]:
        print(f"| {label} | {calls:,} | {cumulative:.2f} | {cumulative / total:.0%} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    stats, total = profile_build(args.articles)
    print(f"{args.articles} articles, {total:.1f} s under cProfile")
    print_table("plugin hook", rows(stats, hook_label), total, args.top)
    print_table("template (inclusive)", rows(stats, template_label), total, args.top)


if __name__ == "__main__":
    main()
