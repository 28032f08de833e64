"""Build time, memory and output size: zhpress against stock Material.

For each size, generates the same synthetic corpus (bench/corpus.py) and builds
it (a) with this project's mkdocs.yml, theme/ and site_config/ and (b) with
stock Material (one script, its own search with jieba, full navigation on every
page), each `mkdocs build` in its own subprocess. Prints Markdown tables and
writes bench/results/build-<timestamp>.json.

  python bench/build.py                  # sizes 100 1000 4000
  python bench/build.py 20 50 --only stock
  python bench/build.py --sizes 100,1000,10000 --keep /tmp/bench --profile
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS_DIR = Path(__file__).resolve().parent / "results"
DEFAULT_SIZES = [100, 1000, 4000]
REAL = -1  # the size of the real archive: its articles are counted when imported
SYSTEMS = ("ours", "stock")
OURS_COPIED = ("mkdocs.yml", "theme", "site_config")
# The first generated article, else (the real blogs) the first article in a blog's folder.
ARTICLE_GLOBS = ("**/articles/a00001/index.html", "**/articles/a00001.html", "zh-hant/articles/*/*/index.html",
                 "articles/*/*/index.html")
FALLBACK_EXTENSIONS = [{"toc": {"permalink": True}}, "admonition", "pymdownx.superfences"]
PROFILE_LINES = 70
MB = 1024 * 1024
KB = 1024


# --- reading the repo's mkdocs.yml ------------------------------------------

class Unsupported(str):
    """A value behind a !!python/... or !ENV-like tag, which stock cannot reuse."""


class TolerantLoader(yaml.SafeLoader):
    pass


def _unsupported(loader, tag_suffix, node):
    return Unsupported(tag_suffix)


TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unsupported)
TolerantLoader.add_multi_constructor("!", _unsupported)


def load_yaml_tolerant(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=TolerantLoader) or {}


def contains_unsupported(value) -> bool:
    if isinstance(value, Unsupported):
        return True
    if isinstance(value, dict):
        return any(contains_unsupported(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_unsupported(v) for v in value)
    return False


def stock_extension(entry):
    """The repo's extension entry without options stock cannot load; None to leave it out."""
    name, config = (entry, None) if isinstance(entry, str) else next(iter(entry.items()))
    if name.startswith("zhpress"):
        return None
    if not isinstance(config, dict):
        return name
    config = {key: value for key, value in config.items() if not contains_unsupported(value)}
    return {name: config} if config else name


def stock_extensions(repo_config_path: Path) -> list:
    """The repo's markdown_extensions minus what stock cannot load."""
    try:
        entries = load_yaml_tolerant(repo_config_path).get("markdown_extensions") or []
    except (OSError, yaml.YAMLError):
        return FALLBACK_EXTENSIONS
    kept = [stock_extension(entry) for entry in entries]
    return [entry for entry in kept if entry is not None] or FALLBACK_EXTENSIONS


# --- preparing the two projects ---------------------------------------------

def copy_from_repo(workdir: Path, names) -> None:
    """Copies these files and folders of the checkout into workdir (those that exist)."""
    for name in names:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, workdir / name)
        elif source.is_file():
            shutil.copy2(source, workdir / name)


REAL_ARCHIVES = REPO / "tests" / "fixtures" / "real"


def real_content(dest: Path) -> int:
    """The real blogs of tests/fixtures/real imported as our tests import them
    (`zhpress import <generator> DIR`, the generator named by the folder's
    suffix) into `dest` (a docs dir); returns the number of articles."""
    with tempfile.TemporaryDirectory(prefix="zhpress-import-") as tmp:
        project = Path(tmp)
        copy_from_repo(project, OURS_COPIED)
        shutil.rmtree(project / "content", ignore_errors=True)
        (project / "content").mkdir()
        shutil.copy2(REPO / "content" / "index.md", project / "content" / "index.md")
        env = build_env("ours")
        for archive in sorted(p for p in REAL_ARCHIVES.iterdir() if p.is_dir()):
            generator = archive.name.rsplit("-", 1)[-1]
            subprocess.run([sys.executable, "-m", "zhpress", "import", generator, str(archive),
                            "--into", str(project), "--folder", archive.name],
                           env=env, check=True, capture_output=True)
        shutil.copytree(project / "content", dest)
    return len(list((dest / "articles").rglob("*.md")))


def prepare_content(workdir: Path, n: int, seed: int) -> None:
    if n == REAL:
        count = real_content(workdir / "content")
        (workdir / "articles.txt").write_text(str(count))
    else:
        corpus.generate(workdir / "content", n, seed)


def prepare_ours(workdir: Path, n: int, seed: int) -> None:
    copy_from_repo(workdir, OURS_COPIED)
    shutil.rmtree(workdir / "content", ignore_errors=True)
    prepare_content(workdir, n, seed)


def prepare_stock(workdir: Path, n: int, seed: int, extensions: list) -> None:
    config = {
        "site_name": "zhpress bench (stock Material)",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "zh"},
        "plugins": [{"search": {"lang": "zh"}}],
        "markdown_extensions": extensions,
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (workdir / "mkdocs.yml").write_text(text, encoding="utf-8")
    prepare_content(workdir, n, seed)


# --- building and measuring ---------------------------------------------------

STOCK_DEPS = Path(__file__).resolve().parent / ".deps" / "stock"
JIEBA = "jieba==0.42.1"


def stock_deps() -> Path:
    """jieba for stock Material's search, kept out of our environment: Material
    segments with jieba whenever it can import it, and we ship no jieba."""
    if not (STOCK_DEPS / "jieba").is_dir():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", str(STOCK_DEPS), JIEBA],
                       check=True)
    return STOCK_DEPS


def build_env(system: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="0")
    # ours: benchmark this checkout's plugins, whatever is installed; stock: with jieba.
    extra = REPO / "plugins" if system == "ours" else stock_deps()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra), env.get("PYTHONPATH")]))
    return env


def build_command(site_dir: Path, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    return command + (["--strict"] if strict else [])


def run_measured(command: list[str], cwd: Path, env: dict, log_path: Path) -> dict:
    """Run one build; wall seconds, CPU seconds (user + system, the build's
    process and the worker processes it waited for) and the build process's
    own peak RSS (os.wait4)."""
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"returncode": process.returncode, "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss * 1024 / MB}


def article_page(site_dir: Path) -> Path | None:
    for pattern in ARTICLE_GLOBS:
        matches = sorted(site_dir.glob(pattern))
        if matches:
            return matches[0]
    return None


def measure_site(site_dir: Path) -> dict:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    page = article_page(site_dir)
    html = page.read_bytes() if page else b""
    return {
        "output_mb": sum(p.stat().st_size for p in files) / MB,
        "files": len(files),
        "article_page": str(page.relative_to(site_dir)) if page else None,
        "article_kb": len(html) / KB if page else None,
        "article_gzip_kb": len(gzip.compress(html, 9)) / KB if page else None,
    }


def log_tail(log_path: Path, lines: int = 25) -> str:
    text = log_path.read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def bench_one(system: str, n: int, workdir: Path, args, extensions: list) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    if system == "ours":
        prepare_ours(workdir, n, args.seed)
    else:
        prepare_stock(workdir, n, args.seed, extensions)
    strict = system == "ours" and args.strict
    site_dir, log_path = workdir / "site", workdir / "build.log"
    result = {"system": system, "articles": n, "strict": strict}
    if n == REAL:  # the real blogs: as many articles as were imported
        result.update(articles=int((workdir / "articles.txt").read_text()), corpus="real")
    result.update(run_measured(build_command(site_dir, strict), workdir, build_env(system), log_path))
    if result["returncode"] == 0:
        result.update(measure_site(site_dir))
    else:
        result["log_tail"] = log_tail(log_path)
    return result


def progress(result: dict) -> None:
    head = f"[{result['system']} n={result['articles']}]"
    if result["returncode"] != 0:
        print(f"{head} FAILED (exit {result['returncode']}) after {result['seconds']:.1f} s:\n"
              f"{result['log_tail']}", file=sys.stderr)
        return
    print(f"{head} {result['seconds']:.1f} s, {result['peak_mb']:.0f} MB peak, "
          f"{result['output_mb']:.1f} MB in {result['files']} files, "
          f"{result['article_page']} {fmt(result['article_kb'], 0)} KB", file=sys.stderr, flush=True)


def run_all(args, workroot: Path) -> list[dict]:
    extensions = stock_extensions(REPO / "mkdocs.yml")
    results = []
    for n in args.sizes:
        for system in args.systems:
            print(f"[{system} n={n}] building ...", file=sys.stderr, flush=True)
            workdir = workroot / f"{system}-{n}"
            if workdir.exists():
                shutil.rmtree(workdir)
            result = bench_one(system, n, workdir, args, extensions)
            progress(result)
            results.append(result)
            if not args.keep:
                shutil.rmtree(workdir)
    return results


# --- profiling ------------------------------------------------------------------

def profiler_command(mkdocs_args: list[str], report: Path) -> tuple[list[str], bool]:
    """Command to profile a build, and whether it writes the report itself (pyinstrument)."""
    if importlib.util.find_spec("pyinstrument"):
        options = ["-r", "text", "--no-color", "-o", str(report), "--show", "*/site-packages/*",
                   "-p", "processor_options.filter_threshold=0.02"]
        return [sys.executable, "-m", "pyinstrument", *options, *mkdocs_args], True
    return [sys.executable, "-m", "cProfile", "-s", "cumulative", *mkdocs_args], False


def profile_ours(n: int, args, workroot: Path) -> str:
    """Build ours once more under a profiler (not timed); the profiler's report."""
    workdir = workroot / f"profile-ours-{n}"
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    prepare_ours(workdir, n, args.seed)
    mkdocs_args = build_command(workdir / "site", args.strict)[1:]  # ["-m", "mkdocs", ...]
    report = workdir / "profile.txt"
    command, writes_report = profiler_command(mkdocs_args, report)
    run_measured(command, workdir, build_env("ours"), workdir / "build.log" if writes_report else report)
    text = report.read_text(encoding="utf-8") if report.exists() else log_tail(workdir / "build.log")
    if not args.keep:
        shutil.rmtree(workdir)
    return text


# --- reporting ------------------------------------------------------------------

def fit_exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) against log(n)."""
    points = [(math.log(n), math.log(y)) for n, y in points if n > 0 and y and y > 0]
    if len({x for x, _ in points}) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den


def fmt(value, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def label(result: dict) -> str:
    """A run's articles, and `(real)` for the real blogs."""
    return f"{result['articles']:,}" + (" (real)" if result.get("corpus") == "real" else "")


def results_table(results: list[dict]) -> str:
    lines = [
        "| system | articles | seconds | CPU seconds | peak MB | output MB | files | article page KB | article page gzip KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        if r["returncode"] != 0:
            lines.append(f"| {r['system']} | {label(r)} | FAILED | | | | | | |")
            continue
        lines.append(
            f"| {r['system']} | {label(r)} | {fmt(r['seconds'], 2)} | {fmt(r.get('cpu_seconds'), 1)} "
            f"| {fmt(r['peak_mb'], 0)} "
            f"| {fmt(r['output_mb'])} | {r['files']:,} | {fmt(r['article_kb'])} | {fmt(r['article_gzip_kb'])} |"
        )
    return "\n".join(lines)


def ok(results: list[dict], system: str) -> dict[int, dict]:
    return {r["articles"]: r for r in results if r["system"] == system and r["returncode"] == 0}


def exponents(results: list[dict]) -> dict[str, dict]:
    fits = {}
    for system in SYSTEMS:
        runs = [r for r in ok(results, system).values() if r.get("corpus") != "real"]
        fits[system] = {
            "time": fit_exponent([(r["articles"], r["seconds"]) for r in runs]),
            "output": fit_exponent([(r["articles"], r["output_mb"]) for r in runs]),
        }
    return fits


def exponents_table(fits: dict[str, dict]) -> str:
    lines = ["| system | time exponent | output exponent |", "| --- | ---: | ---: |"]
    for system, fit in fits.items():
        if fit["time"] is not None:
            lines.append(f"| {system} | {fmt(fit['time'], 2)} | {fmt(fit['output'], 2)} |")
    return "\n".join(lines) if len(lines) > 2 else ""


def ratios(results: list[dict]) -> list[dict]:
    ours, stock = ok(results, "ours"), ok(results, "stock")
    return [
        {
            "articles": n,
            "corpus": ours[n].get("corpus", "generated"),
            "time": ours[n]["seconds"] / stock[n]["seconds"],
            "output": ours[n]["output_mb"] / stock[n]["output_mb"],
        }
        for n in sorted(set(ours) & set(stock))
    ]


def ratios_table(rows: list[dict]) -> str:
    if not rows:
        return ""
    lines = ["| articles | time ours/stock | output ours/stock |", "| ---: | ---: | ---: |"]
    lines += [f"| {label(r)} | {fmt(r['time'], 2)} | {fmt(r['output'], 2)} |" for r in rows]
    return "\n".join(lines)


def environment() -> dict:
    from importlib.metadata import version

    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return {
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": commit.stdout.strip() or None,
    }


def write_json(report: dict) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"build-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_readme_section(start: str, end: str, block: str) -> bool:
    """Replaces what stands between the markers `start` and `end` of
    bench/README.md with `block`; False when the README lacks them."""
    readme = Path(__file__).resolve().parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    if start not in text or end not in text:
        return False
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{block}\n{end}{tail}", encoding="utf-8")
    return True


# --- command line ---------------------------------------------------------------

def parse_sizes(values: list[str]) -> list[int]:
    """Article counts; `real` is the real blogs of tests/fixtures/real."""
    return [REAL if part.strip() == "real" else int(part)
            for value in values for part in value.split(",") if part.strip()]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark zhpress against stock Material.")
    parser.add_argument("sizes", nargs="*", help=f"article counts (default {' '.join(map(str, DEFAULT_SIZES))}); "
                                                 "'real': the real blogs of tests/fixtures/real, imported")
    parser.add_argument("--sizes", dest="sizes_option", help="comma-separated article counts")
    parser.add_argument("--only", choices=SYSTEMS, help="build only one system")
    parser.add_argument("--keep", type=Path, help="keep the work dirs (sources and sites) under this dir")
    parser.add_argument("--profile", action="store_true", help="profile our build at the first size")
    parser.add_argument("--no-strict", dest="strict", action="store_false", help="build ours without --strict")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--write-readme", action="store_true",
                        help="put the tables in bench/README.md (between its build-table markers)")
    parser.add_argument("--render", type=Path, metavar="JSON",
                        help="print (and with --write-readme, write) the tables of an earlier results file")
    args = parser.parse_args(argv)
    args.sizes = parse_sizes(args.sizes + ([args.sizes_option] if args.sizes_option else [])) or DEFAULT_SIZES
    args.systems = [args.only] if args.only else list(SYSTEMS)
    return args


README_START, README_END = "<!-- build-table:start -->", "<!-- build-table:end -->"


def tables(report: dict) -> str:
    env = report["environment"]
    when = report.get("measured") or "?"
    heading = (f"Measured {when}, commit {str(env.get('commit'))[:7]}, {env.get('cpus')} CPUs, "
               f"MkDocs {env.get('mkdocs')}, Material {env.get('mkdocs-material')}, one run per system:")
    return "\n\n".join(filter(None, [heading, results_table(report["results"]),
                                     exponents_table(report["exponents"]), ratios_table(report["ratios"])]))


def render(path: Path, write: bool) -> int:
    report = json.loads(path.read_text(encoding="utf-8"))
    stamp = path.stem.removeprefix("build-")  # YYYYmmdd-HHMMSS
    report.setdefault("measured", f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}")
    text = tables(report)
    print(text)
    if write and not write_readme_section(README_START, README_END, text):
        print("bench/README.md has no build-table markers", file=sys.stderr)
        return 1
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.render:
        return render(args.render, args.write_readme)
    with tempfile.TemporaryDirectory(prefix="zhpress-bench-") as tmp:
        workroot = args.keep.resolve() if args.keep else Path(tmp)
        results = run_all(args, workroot)
        profile = profile_ours(args.sizes[0], args, workroot) if args.profile and "ours" in args.systems else None
    fits, rows = exponents(results), ratios(results)
    print("\n\n".join(filter(None, [results_table(results), exponents_table(fits), ratios_table(rows)])))
    report = {"environment": environment(), "measured": time.strftime("%Y-%m-%d %H:%M"), "sizes": args.sizes,
              "seed": args.seed, "results": results, "exponents": fits, "ratios": rows}
    if args.write_readme and not write_readme_section(README_START, README_END, tables(report)):
        print("bench/README.md has no build-table markers", file=sys.stderr)
    if profile is not None:
        report["profile"] = profile
        print(f"\nProfile of ours at {args.sizes[0]} articles (top {PROFILE_LINES} lines):\n")
        print("\n".join(profile.splitlines()[:PROFILE_LINES]))
    print(f"\nResults: {write_json(report).relative_to(REPO)}", file=sys.stderr)
    return 0 if all(r["returncode"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
