"""Reader experience of the built site, page type by page type, with the
pinned tools of package.json (Lighthouse, axe-core, the Nu HTML Checker) and
headless Chromium.

Sites: "real" (this checkout's mkdocs.yml, content/, theme/, site_config/)
and generated archives of N articles (bench/corpus.py, built with this
project's configuration as bench/build.py builds "ours"); each built with
`mkdocs build --strict` in a temporary folder and served by
tests/quality/static_server.py (gzip, long cache headers, on 127.0.0.1).
For every page type of tests/quality/pages.py: Lighthouse's four category
scores (mobile preset, best of --runs runs per category) and LCP, axe-core
violations in the light and the dark scheme, Nu HTML Checker errors of that
HTML file (one vnu run over the whole site), bytes transferred from
navigation to network idle (cold cache, 412 px wide), requests that left
127.0.0.1, and sitemap or search files fetched before the reader searched.
Prints one Markdown table per site and writes bench/results/quality-<timestamp>.json.

  python bench/quality.py                          # --sites real,1000 --runs 3
  python bench/quality.py --sites real --runs 1
  python bench/quality.py --sites 1000 --keep /tmp/quality
  python bench/quality.py --write-readme           # also replace the table in bench/README.md
  python bench/quality.py --render bench/results/quality-<timestamp>.json [--write-readme]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
# tests/quality is a namespace package, which this file's own name (quality.py)
# would shadow while bench/ is on sys.path: import it with bench/ left out.
_path = sys.path[:]
sys.path[:] = [str(REPO / "tests")] + [p for p in _path if Path(p or ".").resolve() != BENCH]
from quality.pages import page_types  # noqa: E402
from quality.static_server import serve_static  # noqa: E402
from quality.tools import (  # noqa: E402
    CATEGORIES, CHROME_FLAGS, CHROMIUM, NODE_MODULES, axe_violations, lighthouse, missing_tools, nu_errors,
)
sys.path[:] = [str(BENCH)] + _path
import build  # noqa: E402  (bench/build.py: preparing and building "ours")

RESULTS_DIR = BENCH / "results"
README_START = "<!-- quality-table:start -->"
README_END = "<!-- quality-table:end -->"
DEFAULT_SITES = "real,1000"
REAL_COPIED = ("mkdocs.yml", "content", "theme", "site_config")
CATEGORY_HEADS = {"performance": "perf", "accessibility": "a11y", "best-practices": "best practices", "seo": "SEO"}
SCHEMES = {"light": "default", "dark": "slate"}  # colour scheme asked -> Material's data-md-color-scheme
AXE_VIEWPORT = {"width": 1280, "height": 900}  # as tests/browser/test_quality.py
TRANSFER_VIEWPORT = {"width": 412, "height": 900}  # Lighthouse's mobile width, as transferred() there
LOCAL_HOSTS = ("127.0.0.1",)
KB = 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- building ---------------------------------------------------------------------

def prepare_real(workdir: Path) -> None:
    build.copy_from_repo(workdir, REAL_COPIED)


def build_site(name: str, workdir: Path, seed: int) -> dict:
    """Copies the project (real) or generates the corpus (N) into workdir and
    builds it strictly, in its own `mkdocs build` subprocess."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    if name == "real":
        prepare_real(workdir)
    else:
        build.prepare_ours(workdir, int(name), seed)
    site_dir, log_path = workdir / "site", workdir / "build.log"
    result = build.run_measured(build.build_command(site_dir, strict=True), workdir, build.build_env("ours"),
                                log_path)
    result["site"] = str(site_dir)
    result["articles"] = len(list((workdir / "content" / "articles").glob("*.md")))
    if result["returncode"] != 0:
        result["log_tail"] = build.log_tail(log_path)
    return result


# --- measuring ----------------------------------------------------------------------

def page_url(base: str, path: str) -> str:
    return base + quote(path)


def html_file(path: str) -> str:
    """The HTML file (relative to the site) a page type's URL path serves."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def display_seconds(value: str | None) -> float:
    """Lighthouse's display value ("1.8 s", "950 ms") in seconds; inf if unreadable."""
    match = re.match(r"\s*([\d.,]+)\s*(ms|s)\b", value or "")
    if not match:
        return float("inf")
    number = float(match.group(1).replace(",", ""))
    return number / 1000 if match.group(2) == "ms" else number


def lighthouse_best(url: str, runs: int) -> dict:
    """`runs` Lighthouse runs (fewer if one scores 100 everywhere): the best
    score per category, the failing audits of the run that gave it, and the
    LCP of the run with the best performance score."""
    done, errors = [], []
    for _ in range(runs):
        try:
            done.append(lighthouse(url))
        except (subprocess.SubprocessError, OSError, ValueError, KeyError) as error:
            detail = getattr(error, "stderr", "") or ""
            errors.append(f"{type(error).__name__}: {error} {detail[-400:]}".strip())
            continue
        if all(v == 100 for v in done[-1]["scores"].values()):
            break
    if not done:
        return {"runs": 0, "errors": errors}
    best, failing = {}, []
    for category in CATEGORIES:
        top = max(done, key=lambda r: r["scores"].get(category, -1))
        best[category] = top["scores"].get(category)
        failing += [f for f in top["failing"] if f.startswith(category + ":")]
    fastest = max(done, key=lambda r: (r["scores"].get("performance", -1),
                                       -display_seconds(r["metrics"].get("largest-contentful-paint"))))
    return {"runs": len(done), "scores": best, "failing": failing,
            "lcp": fastest["metrics"].get("largest-contentful-paint"), "metrics": fastest["metrics"],
            "all_scores": [r["scores"] for r in done], "errors": errors}


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


def is_search_or_sitemap(url: str) -> bool:
    segments = [s.lower() for s in unquote(urlsplit(url).path).split("/") if s]
    return any("sitemap" in s or "search" in s for s in segments)


def transferred(browser, url: str) -> dict:
    """Bytes on the wire (gzip: headers and encoded bodies) from navigation to
    network idle, cold cache; every request made, off-site ones and search or
    sitemap files among them (the page's own document request aside)."""
    context = browser.new_context(viewport=TRANSFER_VIEWPORT)
    try:
        page = context.new_page()
        requested, finished, failed = [], [], []
        page.on("request", lambda request: requested.append(request))
        page.on("requestfinished", lambda request: finished.append(request))
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
        total, sizes = 0, []
        for request in finished:
            size = request.sizes()
            count = size["responseBodySize"] + size["responseHeadersSize"]
            total += count
            sizes.append({"url": request.url, "bytes": count})
        urls = [r.url for r in requested]
        early = [r.url for r in requested if not r.is_navigation_request() and is_search_or_sitemap(r.url)]
        return {"bytes": total, "requests": len(urls), "sizes": sizes, "failed": failed,
                "off_site": [u for u in urls if not is_local(u)], "search_or_sitemap": early}
    finally:
        context.close()


def axe_pass(browser, base: str, pages: dict[str, str], color_scheme: str) -> dict[str, dict]:
    """axe-core on every page type in one colour scheme (one context, as the tests do)."""
    context = browser.new_context(color_scheme=color_scheme, viewport=AXE_VIEWPORT)
    found = {}
    try:
        page = context.new_page()
        for name, path in pages.items():
            try:
                page.goto(page_url(base, path), wait_until="networkidle")
                scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
                found[name] = {"violations": axe_violations(page), "scheme": scheme}
            except Exception as error:  # one page's failure must not hide the others
                found[name] = {"error": f"{type(error).__name__}: {error}"[:500]}
    finally:
        context.close()
    return found


def browse(base: str, pages: dict[str, str]) -> tuple[dict, dict, str]:
    """axe in both schemes and transfer of every page type; Chromium's version."""
    from playwright.sync_api import sync_playwright

    axe, transfer = {}, {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split(), headless=True)
        try:
            for scheme in SCHEMES:
                log(f"  axe-core, {scheme} scheme ...")
                axe[scheme] = axe_pass(browser, base, pages, scheme)
            log("  bytes transferred ...")
            for name, path in pages.items():
                try:
                    transfer[name] = transferred(browser, page_url(base, path))
                except Exception as error:
                    transfer[name] = {"error": f"{type(error).__name__}: {error}"[:500]}
            version = browser.version
        finally:
            browser.close()
    return axe, transfer, version


def nu_by_file(site: Path) -> tuple[dict[str, list[dict]], int]:
    """The Nu HTML Checker's errors over the whole site, by HTML file (relative
    to the site), and the number of HTML files checked."""
    site = site.resolve()
    by_file: dict[str, list[dict]] = {}
    for error in nu_errors(site):
        name = unquote(error["file"] or "")
        for prefix in ("file:" + str(site), str(site)):
            if name.startswith(prefix):
                name = name[len(prefix):]
        by_file.setdefault(name.lstrip("/"), []).append(error)
    return by_file, sum(1 for _ in site.rglob("*.html"))


def measure_site(name: str, site: Path, runs: int) -> dict:
    pages = page_types(site)
    base, server = serve_static(site)
    rows = {n: {"path": p} for n, p in pages.items()}
    try:
        for i, (page, path) in enumerate(pages.items(), 1):
            load = os.getloadavg()[0]
            started = time.perf_counter()
            result = lighthouse_best(page_url(base, path), runs)
            rows[page]["lighthouse"] = result
            rows[page]["loadavg"] = load
            scores = result.get("scores") or {}
            log(f"  [{i}/{len(pages)}] {page}: Lighthouse " + (" / ".join(
                f"{scores.get(c)}" for c in CATEGORIES) + f", LCP {result.get('lcp')}" if scores else
                "FAILED") + f" ({result['runs']} run(s), {time.perf_counter() - started:.0f} s)")
        axe, transfer, chromium = browse(base, pages)
    finally:
        server.shutdown()
    for page in pages:
        rows[page]["axe"] = {scheme: axe[scheme][page] for scheme in SCHEMES}
        rows[page]["transfer"] = transfer[page]
    log("  Nu HTML Checker over the whole site ...")
    nu, html_files = nu_by_file(site)
    for page, path in pages.items():
        rows[page]["html_file"] = html_file(path)
        rows[page]["nu"] = nu.get(html_file(path), [])
    shown = {html_file(p) for p in pages.values()}
    return {"pages": rows, "nu_other_files": {f: e for f, e in nu.items() if f not in shown},
            "nu_total": sum(len(e) for e in nu.values()), "html_files": html_files, "chromium": chromium}


# --- reporting ------------------------------------------------------------------------

def site_title(site: dict) -> str:
    if site["name"] == "real":
        n = site["build"].get("articles")
        return f"Real site (content/, {n} article{'s' if n != 1 else ''})"
    return f"Generated site ({int(site['name']):,} articles, bench/corpus.py seed {site['seed']})"


def axe_note(violation: dict) -> str:
    """An axe violation's id, impact and first element."""
    first = violation["nodes"][0] if violation["nodes"] else None
    where = " ".join(first) if isinstance(first, list) else first
    return f"{violation['id']} ({violation['impact']}" + (f", e.g. `{where}`)" if where else ")")


def cell_axe(entry: dict) -> str:
    if "error" in entry:
        return "error"
    return str(len(entry["violations"]))


def kb(value) -> str:
    return "-" if value is None else f"{value / KB:,.1f}"


def table(site: dict) -> str:
    heads = [CATEGORY_HEADS[c] for c in CATEGORIES]
    more = ["LCP", "axe light", "axe dark", "Nu errors", "KB transferred", "requests", "off-site requests",
            "sitemap/search fetched"]
    lines = ["| page | " + " | ".join(heads + more) + " |",
             "| --- | " + " | ".join("---:" for _ in heads + more) + " |"]
    for name, row in site["pages"].items():
        scores = row["lighthouse"].get("scores") or {}
        score_cells = [str(scores[c]) if scores.get(c) is not None else "error" for c in CATEGORIES]
        t = row["transfer"]
        transfer_cells = (["error"] * 4 if "error" in t else [
            kb(t["bytes"]), str(t["requests"]), str(len(t["off_site"])), str(len(t["search_or_sitemap"]))])
        lcp = (row["lighthouse"].get("lcp") or "-").replace("\xa0", " ")
        lines.append(f"| {name} | " + " | ".join(score_cells) + f" | {lcp} | "
                     f"{cell_axe(row['axe']['light'])} | {cell_axe(row['axe']['dark'])} | {len(row['nu'])} | "
                     + " | ".join(transfer_cells) + " |")
    return "\n".join(lines)


def summary(site: dict) -> dict:
    rows = site["pages"].values()
    minimum = {}
    for category in CATEGORIES:
        values = [r["lighthouse"]["scores"][category] for r in rows
                  if (r["lighthouse"].get("scores") or {}).get(category) is not None]
        minimum[category] = min(values) if values else None
    articles = [r["transfer"]["bytes"] for n, r in site["pages"].items()
                if n.startswith("article (") and "bytes" in r["transfer"]]
    axe = {scheme: sum(len(r["axe"][scheme].get("violations", [])) for r in rows) for scheme in SCHEMES}
    return {
        "min_scores": minimum,
        "max_article_kb": max(articles) / KB if articles else None,
        "nu_errors": site["nu_total"],
        "html_files": site["html_files"],
        "axe_violations": axe,
        "off_site_requests": sum(len(r["transfer"].get("off_site", [])) for r in rows),
        "search_or_sitemap_requests": sum(len(r["transfer"].get("search_or_sitemap", [])) for r in rows),
        "errors": sum(bool(r["lighthouse"].get("errors")) + ("error" in r["transfer"])
                      + sum("error" in r["axe"][s] for s in SCHEMES) for r in rows),
    }


def summary_line(site: dict) -> str:
    s = site["summary"]
    scores = ", ".join(f"{CATEGORY_HEADS[c]} {s['min_scores'][c] if s['min_scores'][c] is not None else '-'}"
                       for c in CATEGORIES)
    axe = s["axe_violations"]
    article = "-" if s["max_article_kb"] is None else f"{s['max_article_kb']:,.1f}"
    return (f"**Summary**: lowest score {scores}; largest article page {article} KB transferred; "
            f"{s['nu_errors']} Nu error(s) in {s['html_files']:,} HTML files; "
            f"{axe['light'] + axe['dark']} axe violation(s) ({axe['light']} light, {axe['dark']} dark); "
            f"{s['off_site_requests']} off-site request(s); {s['search_or_sitemap_requests']} sitemap/search "
            f"file(s) fetched before searching.")


def grouped_nu(errors: list[dict]) -> str:
    counts = Counter(e["message"] for e in errors)
    lines = {}
    for e in errors:
        lines.setdefault(e["message"], []).append(str(e["line"]))
    return "; ".join(f"{counts[m]}x \u201c{m}\u201d (line {', '.join(lines[m][:5])}"
                     f"{', ...' if len(lines[m]) > 5 else ''})" for m in counts)


def notes(site: dict, runs: int, lighthouse_version: str) -> str:
    out = [f"- Lighthouse {lighthouse_version} (mobile preset, simulated throttling): best score per "
           f"category over {runs} run{'s' if runs != 1 else ''} (fewer when a run scores 100 in all four; "
           "performance moves a few points between runs on this shared machine); LCP of the run with the best "
           "performance score. KB transferred: cold cache, 412 px wide, navigation to network idle, "
           "headers and gzip bodies; KB = 1,024 bytes."]
    rows = site["pages"]
    failing = {n: r["lighthouse"]["failing"] for n, r in rows.items() if r["lighthouse"].get("failing")}
    if failing:
        out.append("- Lighthouse audits below 1 (in the run that gave the best score): "
                   + "; ".join(f"{n}: {', '.join(f)}" for n, f in failing.items()))
    for n, r in rows.items():
        for error in r["lighthouse"].get("errors", []):
            out.append(f"- Lighthouse failed on {n}: {error[:300]}")
    for scheme in SCHEMES:
        found = {n: r["axe"][scheme]["violations"] for n, r in rows.items() if r["axe"][scheme].get("violations")}
        if found:
            out.append(f"- axe-core violations, {scheme} scheme: " + "; ".join(
                f"{n}: " + ", ".join(axe_note(v) for v in violations) for n, violations in found.items()))
        errors = {n: r["axe"][scheme]["error"] for n, r in rows.items() if "error" in r["axe"][scheme]}
        out += [f"- axe-core failed on {n} ({scheme}): {e[:300]}" for n, e in errors.items()]
        wrong = [n for n, r in rows.items() if r["axe"][scheme].get("scheme") not in (None, SCHEMES[scheme])]
        if wrong:
            out.append(f"- {scheme} scheme not applied (data-md-color-scheme) on: {', '.join(wrong)}")
    for n, r in rows.items():
        if r["nu"]:
            out.append(f"- Nu errors in {r['html_file']} ({n}): {grouped_nu(r['nu'])}")
    other = site["nu_other_files"]
    if other:
        total = sum(len(e) for e in other.values())
        messages = Counter(e["message"] for errors in other.values() for e in errors)
        out.append(f"- Nu errors in other HTML files: {total} in {len(other)} files (first: {sorted(other)[0]}); "
                   + "; ".join(f"{c}x \u201c{m}\u201d" for m, c in messages.most_common(5)))
    for n, r in rows.items():
        t = r["transfer"]
        if "error" in t:
            out.append(f"- transfer of {n} failed: {t['error'][:300]}")
            continue
        if t["off_site"]:
            out.append(f"- {n} requested off-site: {', '.join(t['off_site'][:5])}")
        if t["search_or_sitemap"]:
            out.append(f"- {n} fetched before any search: {', '.join(t['search_or_sitemap'][:5])}")
    loads = [r["loadavg"] for r in rows.values()]
    out.append(f"- Load average (1 min) of this {os.cpu_count()}-core machine at the start of each page's Lighthouse "
               f"runs: {min(loads):.1f}-{max(loads):.1f}.")
    return "\n".join(out)


def render_site(site: dict, runs: int, lighthouse_version: str) -> str:
    head = f"### {site_title(site)}"
    if site["build"]["returncode"] != 0:
        return f"{head}\n\nBuild FAILED (exit {site['build']['returncode']}):\n\n```\n{site['build']['log_tail']}\n```"
    return f"{head}\n\n{table(site)}\n\n{notes(site, runs, lighthouse_version)}\n\n{summary_line(site)}"


def footer(report: dict) -> str:
    env = report["environment"]
    commit = (env.get("commit") or "?")[:7] + (" + uncommitted changes" if env.get("uncommitted") else "")
    chromium = next((s.get("chromium") for s in report["sites"] if s.get("chromium")), "-")
    return (f"Run {report['started']}, commit {commit}; {env['cpus']} cores, Chromium {chromium}, "
            f"Lighthouse {env['lighthouse']}, axe-core {env['axe-core']}, vnu {env['vnu-jar']}: "
            f"`{report['command']}` ({report['minutes']:.0f} min).")


def render(report: dict) -> str:
    """Every site's table, notes and summary, and the footer: what is printed and put in the README."""
    sites = [render_site(site, report["runs"], report["environment"]["lighthouse"]) for site in report["sites"]]
    return "\n\n".join(sites + [footer(report)])


# --- environment and output -------------------------------------------------------------

def tool_version(package: str) -> str:
    try:
        return json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def environment() -> dict:
    from importlib.metadata import version

    env = build.environment()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                            capture_output=True, text=True)
    env["uncommitted"] = bool(status.stdout.strip())
    for package in ("lighthouse", "axe-core", "vnu-jar"):
        env[package] = tool_version(package)
    try:
        env["playwright"] = version("playwright")
    except Exception:
        pass
    return env


def write_json(report: dict) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"quality-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return path


def write_readme(block: str) -> bool:
    return build.write_readme_section(README_START, README_END, block)


# --- command line ---------------------------------------------------------------------

def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Lighthouse, axe-core, Nu HTML Checker and page weight "
                                                 "on every page type of the real site and of generated ones.")
    parser.add_argument("--sites", default=DEFAULT_SITES,
                        help=f"comma-separated: 'real' and/or article counts (default {DEFAULT_SITES})")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page, best per category (default 3)")
    parser.add_argument("--keep", type=Path, help="keep the projects and built sites under this dir")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed of generated sites")
    parser.add_argument("--write-readme", action="store_true", help="put the tables into bench/README.md")
    parser.add_argument("--render", type=Path, metavar="JSON",
                        help="print (and with --write-readme write) the tables of a results file; measure nothing")
    args = parser.parse_args(argv)
    args.sites = [s.strip() for s in args.sites.split(",") if s.strip()]
    for site in args.sites:
        if site != "real" and not (site.isdigit() and int(site) > 0):
            parser.error(f"--sites: {site!r} is neither 'real' nor a number of articles")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def update_readme(block: str) -> None:
    log("bench/README.md updated" if write_readme(block) else "bench/README.md has no quality table markers")


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.render:
        block = render(json.loads(args.render.read_text(encoding="utf-8")))
        print(block)
        if args.write_readme:
            update_readme(block)
        return 0
    missing = missing_tools()
    if missing:
        log(f"missing tools: {', '.join(missing)} (run `npm ci` at the repository root)")
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = time.time()
    command = f".venv/bin/python bench/quality.py --sites {','.join(args.sites)} --runs {args.runs}"
    report = {"started": time.strftime("%Y-%m-%d %H:%M"), "command": command, "runs": args.runs,
              "environment": environment(), "args": {k: str(v) for k, v in vars(args).items()}, "sites": []}
    with tempfile.TemporaryDirectory(prefix="zhpress-quality-") as tmp:
        workroot = args.keep.resolve() if args.keep else Path(tmp)
        for name in args.sites:
            workdir = workroot / (name if name == "real" else f"n{name}")
            log(f"[{name}] building in {workdir} ...")
            built = build_site(name, workdir, args.seed)
            site = {"name": name, "seed": args.seed, "build": built}
            if built["returncode"] != 0:
                log(f"[{name}] build FAILED (exit {built['returncode']}):\n{built['log_tail']}")
            else:
                log(f"[{name}] built in {built['seconds']:.1f} s; measuring ...")
                site.update(measure_site(name, Path(built["site"]), args.runs))
                site["summary"] = summary(site)
            report["sites"].append(site)
    report["minutes"] = (time.time() - started) / 60
    block = render(report)
    print(block)
    log(f"Results: {write_json(report).relative_to(REPO)}")
    if args.write_readme:
        update_readme(block)
    failed = any(s["build"]["returncode"] != 0 or s["summary"]["errors"] for s in report["sites"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
