"""`mkdocs serve` as a contributor lives it: how long from saving a file to
the served page showing the edit, and how much memory the server holds.

```sh
.venv/bin/python bench/serve.py                 # 1,000 generated articles
.venv/bin/python bench/serve.py 200 1000        # several sizes
.venv/bin/python bench/serve.py 1000 --edits body,title --rounds 3
```

For each size, bench/corpus.py's articles are served with the repo's
`mkdocs.yml`, `theme/` and `site_config/` (this checkout's plugins first on
PYTHONPATH), by `mkdocs serve --livereload` on a free port. Then, one at a
time, each edit is saved and the page it shows on is fetched every 50 ms
until it holds the edit (what the browser shows once live reload fires):

- body: a new paragraph at the end of article a00001 (its page);
- title: article a00001's title (its page);
- tags: a new tag on article a00001 (its page);
- site_config: a new glossary term (the glossary page).

`first build` is from the start of `mkdocs serve` to the first page served.
`RSS` is the resident memory of the server and its worker processes
(/proc), the largest seen while it ran. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

COPIED = ("mkdocs.yml", "theme", "site_config")
EDITS = ("body", "title", "tags", "site_config")
ARTICLE = "zh-hant/articles/a00001/"
GLOSSARY = "zh-hant/glossary/"
POLL = 0.05
TIMEOUT = 600.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, marker: str | None, deadline: float, sample) -> float:
    """Seconds until `url` answers (and holds `marker`)."""
    start = time.perf_counter()
    while time.perf_counter() - start < deadline:
        page = fetch(url)
        sample()
        if page is not None and (marker is None or marker in page):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {marker!r} within {deadline:.0f} s")


def tree_rss_mb(root_pid: int) -> float:
    """Resident memory of a process and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    family, grew = {root_pid}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    total = 0
    for pid in family:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def edit(project: Path, kind: str, marker: str) -> str:
    """Saves one edit; returns the page (relative URL) that shows it."""
    article = project / "content" / "articles" / "a00001.md"
    if kind == "body":
        text = article.read_text(encoding="utf-8")
        article.write_text(text.rstrip("\n") + f"\n\n新的一段{marker}。\n", encoding="utf-8")
        return ARTICLE
    if kind == "title":
        text = article.read_text(encoding="utf-8")
        lines = text.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        lines[at] = f"title: 改過的標題{marker}"
        article.write_text("\n".join(lines), encoding="utf-8")
        return ARTICLE
    if kind == "tags":
        text = article.read_text(encoding="utf-8")
        lines = text.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("tags:"))
        if lines[at].rstrip().endswith("]"):
            lines[at] = lines[at].rstrip()[:-1] + f", 標籤{marker}]"
        else:
            lines.insert(at + 1, f"  - 標籤{marker}")
        article.write_text("\n".join(lines), encoding="utf-8")
        return ARTICLE
    glossary = project / "site_config" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.rstrip("\n") + f"\n  - id: bench-{marker.lower()}\n    term: 術語{marker}\n"
                        f"    definition: 測試用的術語{marker}，只為量測而加。\n", encoding="utf-8")
    return GLOSSARY


def bench_size(n: int, edits: list[str], rounds: int, keep: Path | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="zhpress-serve-", dir=keep))
    project = work / "project"
    project.mkdir()
    for name in COPIED:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    corpus.generate(project / "content", n)
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "plugins"), os.environ.get("PYTHONPATH")])))
    log = open(work / "serve.log", "wb")
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    peak = [0.0]

    def sample():
        peak[0] = max(peak[0], tree_rss_mb(server.pid))

    base = f"http://127.0.0.1:{port}/"
    result = {"articles": n, "edits": {}}
    try:
        wait_for(base + ARTICLE, None, TIMEOUT, sample)
        result["first_build"] = time.perf_counter() - start
        for round_ in range(rounds):
            for kind in edits:
                marker = f"Q{round_}{kind[:2].upper()}{int(time.time() * 1000) % 100000}"
                page = edit(project, kind, marker)
                result["edits"].setdefault(kind, []).append(wait_for(base + page, marker, TIMEOUT, sample))
                time.sleep(1.0)  # let the server settle before the next save
        result["rss_mb"] = peak[0]
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return result


def table(results: list[dict], edits: list[str]) -> str:
    head = "| articles | first build s | " + " | ".join(f"{kind} s" for kind in edits) + " | peak RSS MB |"
    lines = [head, "| ---: | ---: | " + " | ".join("---:" for _ in edits) + " | ---: |"]
    for r in results:
        cells = []
        for kind in edits:
            times = sorted(r["edits"].get(kind, []))
            cells.append(f"{times[len(times) // 2]:.1f}" + (f" ({times[0]:.1f}-{times[-1]:.1f})" if len(times) > 1 else ""))
        lines.append(f"| {r['articles']:,} | {r['first_build']:.1f} | " + " | ".join(cells) + f" | {r['rss_mb']:,.0f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Edit-to-page time and memory of mkdocs serve.")
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--edits", default=",".join(EDITS), help=f"comma-separated, of {', '.join(EDITS)}")
    parser.add_argument("--rounds", type=int, default=1, help="times each edit is made (the median is shown)")
    parser.add_argument("--keep", type=Path, help="keep the projects and logs under this folder")
    args = parser.parse_args(argv)
    edits = [e for e in args.edits.split(",") if e]
    results = []
    for n in args.sizes:
        print(f"[serve n={n}] ...", file=sys.stderr, flush=True)
        results.append(bench_size(n, edits, args.rounds, args.keep))
        print(f"[serve n={n}] {results[-1]}", file=sys.stderr, flush=True)
    load = os.getloadavg()
    print(f"Load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {os.cpu_count()} CPUs\n")
    print(table(results, edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
