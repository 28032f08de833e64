"""Search: zhpress/search against stock Material (lunr + jieba) and Pagefind 1.6.0.

For each size, one generated corpus (bench/corpus.py) is built

- ours:     with this repo's mkdocs.yml (its search plugin), and once more
            without any search plugin (the baseline for extra time and
            memory, and the site Pagefind indexes);
- material: stock Material, search `lang: zh` with jieba (as bench/build.py),
            and once more without search;
- pagefind: `pagefind --site <ours without search>` (npm pagefind@1.6.0 in
            bench/node_modules): the Traditional variant's articles, main
            content only, with Pagefind's Default UI added to the article
            page measured;

then every site is served gzip-encoded by a small static server and read in
headless Chromium: cold page views timed to the first result, and the 30
queries through each system's API against a grep of the pages. Prints one
Markdown table (bench/README.md, "search.py", explains every column) and
writes bench/results/search-<timestamp>.json.

  python bench/search.py                          # sizes 1000 10000
  python bench/search.py 1000                     # or --sizes 1000,10000
  python bench/search.py 300 --only pagefind,material --keep /tmp/sb
  python bench/search.py 1000 --keep /tmp/sb --reuse --rebuild ours   # reuse what --keep holds
  python bench/search.py 1000 10000 --write-readme     # also update bench/README.md
  python bench/search.py --render bench/results/search-X.json   # the table of an earlier run
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version as dist_version
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import build  # noqa: E402  (bench/build.py: stock configuration, jieba, environment)
import corpus  # noqa: E402
from search_support import configs, queries as querymod, text as textmod  # noqa: E402
from search_support.server import GZIP_LEVEL, MIN_GZIP_BYTES, StaticServer  # noqa: E402

REPO = BENCH.parent
RESULTS_DIR = BENCH / "results"
PAGEFIND = BENCH / "node_modules" / ".bin" / "pagefind"
PAGEFIND_VERSION = "1.6.0"
PAGEFIND_ROOT = "article.md-content__inner"
PAGEFIND_EXCLUDE = "[hidden], .headerlink, .zhpress-byline__reading"   # what the grep leaves out too
DEFAULT_SIZES = [1000, 10000]
SYSTEMS = ("ours", "pagefind", "material")
TIMED_BUILD = BENCH / "search_support" / "timed_build.py"
SEARCH_HOOKS = ["zhpress/search", "material/search", "search"]
ARTICLE = "a00001"
MB, KB = 1024 * 1024, 1024
README_START = "<!-- search-table:start -->"
README_END = "<!-- search-table:end -->"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- running and measuring a child process ------------------------------------------

SAMPLE_SECONDS = 0.2


def _tree(root: int) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo += [int(child) for child in f.read().split()]
        except OSError:
            pass
    return pids


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in KB; PSS shares copy-on-write pages between a parent and its forks."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class TreeSampler(threading.Thread):
    """Peak of the summed PSS (and RSS) of a process and its descendants, sampled every 0.2 s:
    an index built by a forked worker beside the build counts with the build."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_pss, self.peak_rss, self.done = pid, 0, 0, threading.Event()

    def run(self):
        while not self.done.is_set():
            pss = rss = 0
            for pid in _tree(self.pid):
                p, r = _memory_kb(pid)
                pss, rss = pss + p, rss + r
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            self.done.wait(SAMPLE_SECONDS)


def run_measured(command: list[str], cwd: Path, env: dict, log_path: Path) -> dict:
    """Wall seconds; CPU seconds of the child and its waited-for descendants (os.wait4); peak
    memory of the process tree (sampled PSS sum), and the largest single process's peak RSS."""
    load_before = os.getloadavg()[0]
    with open(log_path, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
    return {
        "returncode": os.waitstatus_to_exitcode(status),
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": max(sampler.peak_pss / 1024, usage.ru_maxrss / 1024),
        "tree_pss_mb": sampler.peak_pss / 1024,
        "tree_rss_mb": sampler.peak_rss / 1024,
        "max_process_rss_mb": usage.ru_maxrss / 1024,
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg()[0],
    }


def mkdocs_build(project: Path, config: str, site: str, env: dict, strict: bool, tag: str) -> dict:
    report = project / f"hooks-{tag}.json"
    command = [sys.executable, str(TIMED_BUILD), "--report", str(report)]
    for name in SEARCH_HOOKS:
        command += ["--plugin", name]
    command += ["--", "build", "-f", config, "--site-dir", site] + (["--strict"] if strict else [])
    log_path = project / f"build-{tag}.log"
    result = run_measured(command, project, env, log_path)
    if result["returncode"] != 0:
        lines = [line for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines()
                 if not line.startswith("  - ")]   # MkDocs' list of pages outside the nav
        tail = "\n".join(lines[-25:])
        raise RuntimeError(f"{project.name}: {tag} build failed (exit {result['returncode']}):\n{tail}")
    hooks = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    result["search_hooks"] = hooks
    return result


def files_of(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*") if p.is_file()}


def gzip_size(path: Path) -> int:
    """Bytes as StaticServer sends the file: gzip -6 when that makes it smaller."""
    raw = path.read_bytes()
    if len(raw) < MIN_GZIP_BYTES:
        return len(raw)
    return min(len(raw), len(gzip.compress(raw, GZIP_LEVEL, mtime=0)))


def index_files(site: Path, names: list[str]) -> dict:
    sizes = [(site / name).stat().st_size for name in names]
    return {
        "index_names": sorted(names),
        "index_files": len(names),
        "index_mb": sum(sizes) / MB,
        "index_gzip_mb": sum(gzip_size(site / name) for name in names) / MB,
        "index_sample": sorted(names)[:8],
    }


def reusing(args, system: str) -> bool:
    return args.reuse and system not in args.rebuild


FRESH: set[str] = set()   # systems built in this run (their browser results are redone)


def cached(path: Path, reuse: bool, make):
    """make() and save its JSON to path; with reuse, read path when it exists."""
    if reuse and path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    FRESH.add(path.stem)
    value = make()
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    return value


# --- the three systems ---------------------------------------------------------------

def variant_prefix(site: Path) -> str:
    for prefix in ("zh-hant", ""):
        if (site / prefix / "articles" / ARTICLE / "index.html").exists():
            return prefix
    raise FileNotFoundError(f"no articles/{ARTICLE}/index.html under {site}")


def source_state() -> dict:
    """The checkout ours is copied from: commit, and whether plugins/theme/config differ from it."""
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=normal", "plugins", "theme",
                             "mkdocs.yml", "site_config"], cwd=REPO, capture_output=True, text=True)
    return {"commit": commit.stdout.strip()[:10] or None, "uncommitted": bool(status.stdout.strip()),
            "copied": time.strftime("%Y-%m-%d %H:%M")}


def prepare_ours(project: Path, n: int, seed: int) -> None:
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    build.copy_from_repo(project, build.OURS_COPIED)
    corpus.generate(project / "content", n, seed)


def build_ours(project: Path, n: int, args) -> dict:
    def make():
        source = source_state()
        prepare_ours(project, n, args.seed)
        configs.write_ours_nosearch(project)
        env = build.build_env("ours")
        log(f"[ours n={n}] building without search ...")
        bare = mkdocs_build(project, "mkdocs-nosearch.yml", "site-nosearch", env, args.strict, "nosearch")
        log(f"[ours n={n}] {bare['seconds']:.1f} s, {bare['peak_mb']:.0f} MB; building with search ...")
        full = mkdocs_build(project, "mkdocs.yml", "site", env, args.strict, "search")
        new = sorted(set(files_of(project / "site")) - set(files_of(project / "site-nosearch")))
        result = {"plugins": configs.search_plugins(project / "mkdocs.yml"), "build": full, "baseline": bare,
                  "source": source}
        result.update(index_files(project / "site", new))
        log(f"[ours n={n}] {full['seconds']:.1f} s, {full['peak_mb']:.0f} MB, search hooks "
            f"{full['search_hooks'].get('wall', 0):.1f} s, index {result['index_mb']:.1f} MB")
        return result
    return cached(project.parent / "ours.json", reusing(args, "ours") and (project / "site").exists(), make)


def build_material(project: Path, n: int, args) -> dict:
    def make():
        if project.exists():
            shutil.rmtree(project)
        project.mkdir(parents=True)
        corpus.generate(project / "content", n, args.seed)
        full_nav = n <= args.stock_full_nav_max
        extensions = build.stock_extensions(REPO / "mkdocs.yml")
        configs.write_stock(project, extensions, True, full_nav, "mkdocs.yml")
        configs.write_stock(project, extensions, False, full_nav, "mkdocs-nosearch.yml")
        env = build.build_env("stock")
        log(f"[material n={n}] building without search{'' if full_nav else ' (nav: home only)'} ...")
        bare = mkdocs_build(project, "mkdocs-nosearch.yml", "site-nosearch", env, False, "nosearch")
        log(f"[material n={n}] {bare['seconds']:.1f} s, {bare['peak_mb']:.0f} MB; building with search ...")
        full = mkdocs_build(project, "mkdocs.yml", "site", env, False, "search")
        new = sorted(set(files_of(project / "site")) - set(files_of(project / "site-nosearch")))
        result = {"full_nav": full_nav, "build": full, "baseline": bare}
        result.update(index_files(project / "site", new))
        log(f"[material n={n}] {full['seconds']:.1f} s, {full['peak_mb']:.0f} MB, search hooks "
            f"{full['search_hooks'].get('wall', 0):.1f} s, index {result['index_mb']:.1f} MB")
        shutil.rmtree(project / "site-nosearch")
        return result
    return cached(project.parent / "material.json", reusing(args, "material") and (project / "site").exists(),
                  make)


PAGEFIND_UI_HEAD = ('<link href="/pagefind/pagefind-ui.css" rel="stylesheet">'
                    '<script src="/pagefind/pagefind-ui.js"></script>')
PAGEFIND_UI_BODY = ('<div id="pagefind-search"></div><script>window.addEventListener("DOMContentLoaded",'
                    ' () => { new PagefindUI({element: "#pagefind-search"}); });</script>')


def pagefind_ids(bundle: Path) -> dict[str, str]:
    """Fragment id -> page URL, read from the bundle (gzip, 'pagefind_dcd' + JSON)."""
    urls = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        if data.startswith(b"pagefind_dcd"):
            data = data[len(b"pagefind_dcd"):]
        try:
            payload = json.loads(data)
        except ValueError:
            continue
        if isinstance(payload, dict) and "url" in payload:
            urls[path.stem] = payload["url"]
    return urls


def build_pagefind(ours_project: Path, n: int, args) -> dict:
    site = ours_project / "site-nosearch"
    bundle = site / "pagefind"

    def make():
        if bundle.exists():
            shutil.rmtree(bundle)
        prefix = variant_prefix(site)
        command = [str(PAGEFIND), "--site", str(site), "--root-selector", PAGEFIND_ROOT,
                   "--exclude-selectors", PAGEFIND_EXCLUDE]
        command += ["--glob", f"{prefix}/articles/**/*.html" if prefix else "articles/**/*.html"]
        log(f"[pagefind n={n}] indexing {site} ...")
        result = run_measured(command, ours_project, dict(os.environ), ours_project / "pagefind.log")
        if result["returncode"] != 0:
            raise RuntimeError((ours_project / "pagefind.log").read_text(encoding="utf-8", errors="replace"))
        result["command"] = command[1:]
        result["log_tail"] = (ours_project / "pagefind.log").read_text(encoding="utf-8").splitlines()[-12:]
        names = [str(p.relative_to(site)) for p in bundle.rglob("*") if p.is_file()]
        out = {"build": result, "prefix": prefix}
        out.update(index_files(site, names))
        page = site / prefix / "articles" / ARTICLE / "index.html"
        html = page.read_text(encoding="utf-8")
        if PAGEFIND_UI_HEAD in html:   # a page measured before
            html = html.replace(PAGEFIND_UI_HEAD, "").replace(PAGEFIND_UI_BODY, "")
        html = html.replace("</head>", PAGEFIND_UI_HEAD + "</head>", 1)
        html = re.sub(r'(<div class="md-content"[^>]*>)', lambda m: m.group(1) + PAGEFIND_UI_BODY, html, count=1)
        page.write_text(html, encoding="utf-8")
        log(f"[pagefind n={n}] {result['seconds']:.1f} s, {result['peak_mb']:.0f} MB, index {out['index_mb']:.1f} MB")
        return out
    reuse = reusing(args, "pagefind") and reusing(args, "ours") and bundle.exists()
    return cached(ours_project.parent / "pagefind.json", reuse, make)


# --- browser runs -------------------------------------------------------------------

def page_url(server: StaticServer, prefix: str) -> str:
    return server.url + (f"{prefix}/" if prefix else "") + f"articles/{ARTICLE}/"


def score(level: str, truth_site: textmod.SiteText, prefix: str, query: str, urls: list[str]) -> dict:
    """Compare one query's results with the grep, at section or page level."""
    from search_support.browser import split_url

    truth = truth_site.grep(query)
    if level == "page":
        truth = {page for page, _ in truth}
    found, wrong_variant, ignored = set(), 0, 0
    for url in urls:
        path, anchor = split_url(url)
        key = textmod.article_key(path.lstrip("/"))
        if key is None:
            ignored += 1     # home, archive, tag pages: outside the corpus' articles
            continue
        if prefix and not path.lstrip("/").startswith(prefix + "/"):
            wrong_variant += 1
            found.add(("other variant", path, anchor))
            continue
        found.add(key if level == "page" else (key, anchor))
    hits = found & truth
    return {
        "query": query, "truth": len(truth), "found": len(found), "hits": len(hits),
        "exact": found == truth, "wrong_variant": wrong_variant, "not_articles": ignored,
        "missed": sorted(map(str, truth - found))[:5], "extra": sorted(map(str, found - truth))[:5],
    }


def summarise_recall(rows: list[dict]) -> dict:
    truth = sum(r["truth"] for r in rows)
    found = sum(r["found"] for r in rows)
    hits = sum(r["hits"] for r in rows)
    return {
        "recall": hits / truth if truth else None,
        "precision": hits / found if found else None,
        "exact_queries": sum(r["exact"] for r in rows),
    }


def safe_view(br, chromium, server, url, name, query, args) -> dict:
    try:
        return br.view_and_query(chromium, server, url, name, query, args.think_ms, args.timeout_ms)
    except Exception as error:   # a crashed tab, a page that never loads
        return {"query": query, "answered": False, "error": f"{type(error).__name__}: {error}"[:300],
                "latency_ms": None, "bytes": sum(r.bytes for r in server.responses()), "bytes_page": 0,
                "bytes_search": 0, "requests": len(server.responses()), "responses": []}


def api_results(br, chromium, n, name, spec, url, server, query_set) -> dict:
    all_queries = [q.text for q in query_set]
    log(f"[browser n={n}] {name}: {len(all_queries)} queries through its API ...")
    start = time.perf_counter()
    try:
        level, results = br.run_api(chromium, spec["site"], url, name, all_queries)
    except Exception as error:
        log(f"[browser n={n}] {name}: the API run failed: {error}")
        return {"level": None, "error": f"{type(error).__name__}: {error}"[:300],
                "seconds": time.perf_counter() - start}
    seconds = time.perf_counter() - start
    if results is None:
        return {"level": None, "error": "no search API on the page"}
    if name == "pagefind":
        ids = pagefind_ids(spec["site"] / "pagefind")
        unknown = sorted({i for r in results.values() for i in r["ids"] if i not in ids})
        if unknown:
            ids.update(br_pagefind_data(chromium, url, all_queries, unknown))
        missing = sorted({i for r in results.values() for i in r["ids"] if i not in ids})
        if missing:
            log(f"[browser n={n}] pagefind: {len(missing)} result ids without a URL, e.g. {missing[:3]}")
        for r in results.values():
            r["urls"] = [server.url.rstrip("/") + ids[i] for i in r["ids"] if i in ids]
    api_name = "zhpress.search" if name == "ours" and level == "section" else {
        "ours": "Material worker (interim search)", "material": "Material worker",
        "pagefind": "pagefind.search"}[name]
    rows = []
    for q in query_set:
        r = results[q.text]
        row = score(level, spec["truth"], spec["prefix"], q.text, r.get("urls", []))
        row.update({"script": q.script, "kind": q.kind, "ms": r.get("ms"), "error": r.get("error")})
        rows.append(row)
    api = {"level": level, "api": api_name, "seconds": seconds, **summarise_recall(rows), "queries": rows}
    log(f"[browser n={n}] {name}: recall {fmt_pct(api['recall'])}, precision {fmt_pct(api['precision'])}, "
        f"exact {api['exact_queries']}/{len(rows)} ({level} level, {seconds:.0f} s)")
    for row in [r for r in rows if not r["exact"]][:8]:
        log(f"    {row['query']} ({row['script']}, {row['kind']}): {row['hits']} of {row['truth']} found,"
            f" {row['found'] - row['hits']} extra; missed {row['missed'][:2]} extra {row['extra'][:2]}")
    return api


def browse(n: int, systems: dict, query_set: list, args, sizeroot: Path) -> dict:
    """Cold page views and API runs; each system's results kept in sizeroot/browse-<system>.json."""
    from playwright.sync_api import sync_playwright

    from search_support import browser as br

    latency_queries = [q.text for q in query_set if q.script == "as written"][: args.latency_queries]
    out = {}
    todo = {}
    for name, spec in systems.items():
        path = sizeroot / f"browse-{name}.json"
        if reusing(args, name) and name not in FRESH and name not in args.rebrowse and path.exists():
            out[name] = json.loads(path.read_text(encoding="utf-8"))
            log(f"[browser n={n}] {name}: reusing {path}")
        else:
            todo[name] = spec
            out[name] = {"views": [], "api": None}
    if not todo:
        return out
    with sync_playwright() as playwright:
        chromium = br.launch(playwright)
        servers = {name: StaticServer(spec["site"]).__enter__() for name, spec in todo.items()}
        try:
            urls = {name: page_url(servers[name], spec["prefix"]) for name, spec in todo.items()}
            for name in todo:   # untimed: warms the server's gzip cache and the disk cache
                safe_view(br, chromium, servers[name], urls[name], name, latency_queries[0], args)
            for i, query in enumerate(latency_queries):
                for name in todo:
                    out[name]["views"].append(safe_view(br, chromium, servers[name], urls[name], name, query, args))
                log(f"[browser n={n}] {i + 1}/{len(latency_queries)} {query}: " + ", ".join(
                    f"{name} {fmt(out[name]['views'][-1]['latency_ms'], 0)} ms "
                    f"{out[name]['views'][-1]['bytes'] / KB:,.0f} KB"
                    + (" (" + out[name]['views'][-1]['error'][:60] + ")" if out[name]['views'][-1].get('error') else "")
                    for name in todo))
            for name, spec in todo.items():
                out[name]["api"] = api_results(br, chromium, n, name, spec, urls[name], servers[name], query_set)
                out[name]["chromium"] = chromium.version
                path = sizeroot / f"browse-{name}.json"
                path.write_text(json.dumps(out[name], ensure_ascii=False, indent=1), encoding="utf-8")
        finally:
            for server in servers.values():
                server.__exit__(None, None, None)
            chromium.close()
    return out


def br_pagefind_data(chromium, url: str, queries: list[str], unknown: list[str]) -> dict:
    from search_support import browser as br

    context = chromium.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(1800000)
        page.goto(url, wait_until="load")
        found = page.evaluate(br.PAGEFIND_DATA, [queries, unknown])
        return {k: re.sub(r"^https?://[^/]+", "", v) for k, v in found.items()}
    finally:
        context.close()


# --- summarising ----------------------------------------------------------------------

def fmt(value, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def fmt_pct(value) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def p90(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    return values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]


MATERIAL_SEARCH_ASSETS = re.compile(r"^assets/javascripts/(workers|lunr)/")


def search_bytes(name: str, built: dict, view: dict) -> int:
    """Bytes of the responses that belong to search: its index files, Material's worker and lunr."""
    names = set(built.get("index_names") or [])
    total = 0
    for path, size, _ in view.get("responses", []):
        rel = path.lstrip("/")
        if rel in names or (name != "pagefind" and MATERIAL_SEARCH_ASSETS.match(rel)):
            total += size
    return total


def summarise(n: int, name: str, built: dict, browsed: dict) -> dict:
    views = browsed.get("views", [])
    for view in views:
        view["bytes_search_files"] = search_bytes(name, built, view)
    api = browsed.get("api") or {}
    b = built["build"]
    if name == "pagefind":
        index_s, index_cpu, peak, extra = b["seconds"], b["cpu_seconds"], b["peak_mb"], None
    else:
        hooks = b.get("search_hooks") or {}
        index_s = hooks.get("wall")
        index_cpu = b["cpu_seconds"] - built["baseline"]["cpu_seconds"]
        peak, extra = b["peak_mb"], b["peak_mb"] - built["baseline"]["peak_mb"]
    answered = [v for v in views if v["answered"]]
    return {
        "articles": n, "system": name,
        "index_mb": built["index_mb"], "index_gzip_mb": built["index_gzip_mb"], "index_files": built["index_files"],
        "index_s": index_s, "index_cpu_s": index_cpu,
        "build_s": b["seconds"], "build_extra_s": b["seconds"] - built["baseline"]["seconds"] if "baseline" in built else None,
        "peak_mb": peak, "extra_mb": extra, "index_peak_mb": extra if extra is not None else peak,
        "transfer_kb": median([v["bytes"] / KB for v in answered]),
        "transfer_max_kb": max([v["bytes"] / KB for v in answered], default=None),
        "search_kb": median([v["bytes_search_files"] / KB for v in answered]),
        "after_focus_kb": median([v["bytes_search"] / KB for v in answered]),
        "page_kb": median([v["bytes_page"] / KB for v in views]),
        "latency_ms": median([v["latency_ms"] for v in answered]),
        "latency_p90_ms": p90([v["latency_ms"] for v in answered]),
        "answered": len(answered), "views": len(views),
        "recall": api.get("recall"), "precision": api.get("precision"),
        "exact_queries": api.get("exact_queries"), "queries": len(api.get("queries") or []),
        "level": api.get("level"), "api": api.get("api"),
        "full_nav": built.get("full_nav"),
    }


LABELS = {"ours": "ours (zhpress/search)", "pagefind": "Pagefind 1.6.0", "material": "Material + jieba"}
RATIO_KEYS = [("index_gzip_mb", "index gzip"), ("index_s", "index build s"), ("index_cpu_s", "index CPU s"),
              ("index_peak_mb", "index memory"),
              ("transfer_kb", "transfer"), ("latency_ms", "latency")]


def system_label(row: dict) -> str:
    label = LABELS[row["system"]]
    if row["system"] == "ours" and row.get("api") and row["api"] != "zhpress.search":
        label = "ours (interim Material search)"
    if row["system"] == "material" and row.get("full_nav") is False:
        label += " †"
    return label


def table(rows: list[dict]) -> str:
    head = ("| articles | system | index MB | index gzip MB | index build s | index build CPU s | index build memory MB "
            "| KB to first result (median / max) | of which search KB | ms to first result (median / p90) "
            "| answered | recall | precision | exact queries | level |")
    lines = [head, "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        memory = (f"{fmt(r['peak_mb'], 0)} (+{fmt(r['extra_mb'], 0)})" if r["extra_mb"] is not None
                  else fmt(r["peak_mb"], 0))
        lines.append(
            f"| {r['articles']:,} | {system_label(r)} | {fmt(r['index_mb'])} | {fmt(r['index_gzip_mb'], 2)} "
            f"| {fmt(r['index_s'])} | {fmt(r['index_cpu_s'])} | {memory} "
            f"| {fmt(r['transfer_kb'], 0)} / {fmt(r['transfer_max_kb'], 0)} | {fmt(r['search_kb'], 0)} "
            f"| {fmt(r['latency_ms'], 0)} / {fmt(r['latency_p90_ms'], 0)} | {r['answered']}/{r['views']} "
            f"| {fmt_pct(r['recall'])} | {fmt_pct(r['precision'])} "
            f"| {'-' if r['exact_queries'] is None else str(r['exact_queries']) + '/' + str(r['queries'])} "
            f"| {r['level'] or '-'} |")
    for n in sorted({r["articles"] for r in rows}):
        by = {r["system"]: r for r in rows if r["articles"] == n}
        if "ours" not in by:
            continue
        for other in ("pagefind", "material"):
            if other not in by:
                continue
            cells = {}
            for key, _ in RATIO_KEYS:
                a, b = by["ours"].get(key), by[other].get(key)
                cells[key] = f"{a / b:.2f}x" if a is not None and b not in (None, 0) else "-"
            lines.append(
                f"| {n:,} | ours / {LABELS[other].split(' ')[0]} | | {cells['index_gzip_mb']} | {cells['index_s']} "
                f"| {cells['index_cpu_s']} "
                f"| {cells['index_peak_mb']} | {cells['transfer_kb']} | | {cells['latency_ms']} | | | | | |")
    return "\n".join(lines)


def notes(rows: list[dict], query_notes: list[str], args, details: dict | None = None) -> str:
    lines = []
    if any(r["system"] == "material" and r.get("full_nav") is False for r in rows):
        lines.append(f"† Stock Material above {args.stock_full_nav_max:,} articles is built with a nav holding only the "
                     "home page: with its full navigation on every page the build is quadratic (about 40 minutes at "
                     "10,000 articles). The search plugin and its index are the same; its pages are lighter than "
                     "stock's real ones.")
    if any(r["system"] == "ours" and r.get("api") and r["api"] != "zhpress.search" for r in rows):
        lines.append("ours was measured with the interim search (Material's lunr, one term per Han character): "
                     "`zhpress.search` was not on the page.")
    lines += query_notes
    goals = goals_line(rows, details or {})
    if goals:
        lines.append(goals)
    loads = loadavgs(details or {})
    if loads:
        lines.append("Load average (1 min) of this 2-core machine, shared with other work, during the run: "
                     + "; ".join(f"{n:,} articles: " + ", ".join(
                         part for part in (b is not None and f"builds {b:.1f}", v is not None and f"page views {v:.1f}")
                         if part) for n, (b, v) in loads.items()) + ". Wall times grow with it; CPU seconds much less.")
    return "\n".join(f"- {line}" for line in lines)


GOAL_KB, GOAL_MS, GOAL_EXTRA_MB = 300, 300, 1024


def goals_line(rows: list[dict], details: dict) -> str | None:
    """Issue 17's goals, checked on ours at the largest size run."""
    ours = [r for r in rows if r["system"] == "ours" and r.get("api") == "zhpress.search"]
    if not ours:
        return None
    r = max(ours, key=lambda row: row["articles"])
    n = r["articles"]
    pagefind = next((x for x in rows if x["system"] == "pagefind" and x["articles"] == n), None)
    views = (details.get(n) or details.get(str(n)) or {}).get("browsed", {}).get("ours", {}).get("views", [])
    over = sum(1 for v in views if v.get("answered") and v["bytes"] / KB > GOAL_KB)
    mark = lambda ok: "met" if ok else "NOT met"   # noqa: E731
    parts = [
        f"transfer {mark(r['transfer_max_kb'] is not None and r['transfer_max_kb'] <= GOAL_KB)} "
        f"(median {fmt(r['transfer_kb'], 0)} KB, {over} of {len(views)} page views over {GOAL_KB} KB, "
        f"max {fmt(r['transfer_max_kb'], 0)} KB)",
        f"time to first result {mark(r['latency_p90_ms'] is not None and r['latency_p90_ms'] <= GOAL_MS and r['answered'] == r['views'])} "
        f"(median {fmt(r['latency_ms'], 0)} ms, p90 {fmt(r['latency_p90_ms'], 0)} ms)",
        f"recall and precision {mark(r['recall'] == 1 and r['precision'] == 1)} "
        f"({fmt_pct(r['recall'])}, {fmt_pct(r['precision'])})",
        f"extra build memory under 1 GB {mark(r['extra_mb'] is not None and r['extra_mb'] < GOAL_EXTRA_MB)} "
        f"(+{fmt(r['extra_mb'], 0)} MB)",
    ]
    if pagefind:
        small = r["index_gzip_mb"] <= pagefind["index_gzip_mb"] and r["index_mb"] <= pagefind["index_mb"]
        fast = r["index_s"] is not None and r["index_s"] <= pagefind["index_s"] and (
            r["index_cpu_s"] is None or r["index_cpu_s"] <= pagefind["index_cpu_s"])
        parts.append(f"index no larger than Pagefind's {mark(small)} ({fmt(r['index_mb'])} vs {fmt(pagefind['index_mb'])} MB)")
        parts.append(f"and no slower to build {mark(fast)} ({fmt(r['index_s'])} vs {fmt(pagefind['index_s'])} s wall, "
                     f"{fmt(r['index_cpu_s'])} vs {fmt(pagefind['index_cpu_s'])} s CPU)")
    return f"Goals of issue 17 at {n:,} articles: " + "; ".join(parts) + "."


def loadavgs(details: dict) -> dict:
    """Median load average during the builds and the page views, per size."""
    out = {}
    for n, detail in details.items():
        builds = [b.get(k) for sys_ in detail.get("built", {}).values()
                  for b in (sys_.get("build", {}), sys_.get("baseline") or {}) for k in ("loadavg_before", "loadavg_after")]
        views = [v.get("loadavg") for sys_ in detail.get("browsed", {}).values() if isinstance(sys_, dict)
                 for v in sys_.get("views", [])]
        b, v = median(builds), median(views)
        if b is not None or v is not None:
            out[int(n)] = (b, v)
    return out


def chromium_version(details: dict) -> str:
    for detail in details.values():
        for value in detail.get("browsed", {}).values():
            if isinstance(value, dict) and value.get("chromium"):
                return value["chromium"]
    return "-"


def environment() -> dict:
    env = build.environment()
    env["pagefind"] = PAGEFIND_VERSION
    try:
        env["playwright"] = dist_version("playwright")
    except Exception:
        pass
    return env


def write_readme(block: str) -> bool:
    return build.write_readme_section(README_START, README_END, block)


# --- command line -----------------------------------------------------------------------

def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark zhpress/search against stock Material and Pagefind.")
    parser.add_argument("sizes", nargs="*", help="article counts (default 1000 10000)")
    parser.add_argument("--sizes", dest="sizes_option", help="comma-separated article counts")
    parser.add_argument("--only", help="comma-separated systems among ours,pagefind,material")
    parser.add_argument("--keep", type=Path, help="keep projects and sites under this dir")
    parser.add_argument("--reuse", action="store_true", help="with --keep: reuse builds found there")
    parser.add_argument("--rebuild", default="", help="with --reuse: systems to build again (ours also redoes pagefind)")
    parser.add_argument("--rebrowse", default="", help="with --reuse: systems whose browser runs are redone")
    parser.add_argument("--seed", type=int, default=0, help="corpus and query seed")
    parser.add_argument("--latency-queries", type=int, default=20, help="cold page views timed (default 20)")
    parser.add_argument("--think-ms", type=int, default=1000,
                        help="pause between focusing the box and committing the query (default 1000)")
    parser.add_argument("--timeout-ms", type=int, default=90000, help="wait for a first result (default 90000)")
    parser.add_argument("--stock-full-nav-max", type=int, default=4000,
                        help="above this many articles stock Material's nav holds only the home page")
    parser.add_argument("--no-strict", dest="strict", action="store_false", help="build ours without --strict")
    parser.add_argument("--no-browser", action="store_true", help="builds and index sizes only")
    parser.add_argument("--write-readme", action="store_true", help="put the table into bench/README.md")
    parser.add_argument("--render", type=Path, help="print (and with --write-readme write) the table of a results file")
    args = parser.parse_args(argv)
    args.sizes = build.parse_sizes(args.sizes + ([args.sizes_option] if args.sizes_option else [])) or DEFAULT_SIZES
    args.systems = [s for s in SYSTEMS if not args.only or s in args.only.split(",")]
    args.rebuild = [s for s in args.rebuild.split(",") if s]
    args.rebrowse = [s for s in args.rebrowse.split(",") if s]
    if "pagefind" in args.systems and not PAGEFIND.exists():
        parser.error("Pagefind is not installed: run `npm ci` in bench/ (pagefind@1.6.0, bench only)")
    return args


def run_size(n: int, workroot: Path, query_set, args) -> tuple[list[dict], dict]:
    sizeroot = workroot / f"n{n}"
    sizeroot.mkdir(parents=True, exist_ok=True)
    built, systems = {}, {}
    if "ours" in args.systems or "pagefind" in args.systems:
        built["ours"] = build_ours(sizeroot / "ours", n, args)
    if "pagefind" in args.systems:
        built["pagefind"] = build_pagefind(sizeroot / "ours", n, args)
    if "material" in args.systems:
        built["material"] = build_material(sizeroot / "material", n, args)
    if "ours" not in args.systems:
        built.pop("ours", None)
    browsed = {}
    if not args.no_browser:
        log(f"[n={n}] reading the ground truth (sections of every article page) ...")
        for name in built:
            site = sizeroot / ("material" if name == "material" else "ours") / (
                "site-nosearch" if name == "pagefind" else "site")
            prefix = variant_prefix(site)
            systems[name] = {"site": site, "prefix": prefix, "truth": textmod.SiteText.load(site, prefix)}
        browsed = browse(n, systems, query_set, args, sizeroot)
    rows = [summarise(n, name, built[name], browsed.get(name, {})) for name in SYSTEMS if name in built]
    detail = {"built": {k: {key: value for key, value in v.items() if key != "index_names"}
                        for k, v in built.items()}, "browsed": browsed}
    return rows, detail


def render(path: Path, args) -> str:
    """The table block again from a results file (--render)."""
    report = json.loads(path.read_text(encoding="utf-8"))
    args.stock_full_nav_max = int(report["args"].get("stock_full_nav_max", args.stock_full_nav_max))
    details = report["details"]
    env = report["environment"]
    stamp = time.strftime("%Y-%m-%d", time.strptime(path.stem.split("-", 1)[1], "%Y%m%d-%H%M%S"))
    sizes = " ".join(map(str, report["sizes"]))
    return (f"{table(report['rows'])}\n\n{notes(report['rows'], report['query_notes'], args, details)}\n\n"
            + footer(stamp, env, details, sizes, report.get("minutes")))


def footer(stamp: str, env: dict, details: dict, sizes: str, minutes) -> str:
    sources = []
    for n, detail in details.items():
        source = (detail.get("built", {}).get("ours") or {}).get("source")
        if source:
            sources.append(f"{int(n):,}: {source['commit']}{' + uncommitted changes' if source['uncommitted'] else ''}"
                           f" as of {source['copied']}")
    built = f"ours built from the checkout at commit {'; '.join(sources)}" if sources else \
        f"commit {(env.get('commit') or '?')[:10]}"
    return (f"Run {stamp}, {built}; {env['cpus']} cores, Chromium {chromium_version(details)}: "
            f"`.venv/bin/python bench/search.py {sizes}`" + (f" ({minutes:.0f} min)." if minutes else "."))


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.render:
        block = render(args.render, args)
        print(block)
        if args.write_readme:
            log("bench/README.md updated" if write_readme(block) else "bench/README.md has no search table markers")
        return 0
    started = time.time()
    query_set, query_notes = querymod.build_queries(args.seed)
    log("queries: " + " ".join(q.text for q in query_set))
    rows, details = [], {}
    with tempfile.TemporaryDirectory(prefix="zhpress-search-bench-") as tmp:
        workroot = args.keep.resolve() if args.keep else Path(tmp)
        for n in args.sizes:
            t0 = time.time()
            size_rows, detail = run_size(n, workroot, query_set, args)
            detail["seconds"] = time.time() - t0
            log(f"[n={n}] done in {detail['seconds'] / 60:.1f} min")
            rows += size_rows
            details[n] = detail
    text_table = table(rows)
    note_text = notes(rows, query_notes, args, details)
    env = environment()
    stamp = time.strftime("%Y-%m-%d")
    block = (f"{text_table}\n\n{note_text}\n\n"
             + footer(stamp, env, details, " ".join(map(str, args.sizes)), (time.time() - started) / 60))
    print(block)
    report = {"environment": env, "sizes": args.sizes, "seed": args.seed, "args": {
        k: str(v) for k, v in vars(args).items()}, "queries": [q.to_dict() for q in query_set],
        "query_notes": query_notes, "rows": rows, "details": details, "minutes": (time.time() - started) / 60}
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"search-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    log(f"Results: {path.relative_to(REPO)}")
    if args.write_readme:
        log("bench/README.md updated" if write_readme(block) else "bench/README.md has no search table markers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
