"""The pinned quality tools of package.json, run on a built site:
Lighthouse (category scores, mobile preset), axe-core (accessibility, in
headless Chromium through Playwright) and the Nu HTML Checker (vnu-jar)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def missing_tools() -> list[str]:
    """Tools that are not installed (`npm ci` installs them; `bash dev test` runs it)."""
    missing = [str(p.relative_to(REPO)) for p in (LIGHTHOUSE, AXE, VNU) if not p.exists()]
    if not shutil.which("java"):
        missing.append("java (for vnu.jar)")
    if not Path(CHROMIUM).exists():
        missing.append(CHROMIUM)
    return missing


def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile preset, simulated throttling): {"scores":
    {category: 0-100}, "failing": [audit ids scoring below 1 that count]}."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
             "--max-wait-for-load=30000"],
            check=True, capture_output=True, text=True, timeout=300,
            env=dict(os.environ, CHROME_PATH=CHROMIUM, TMPDIR=tmp),
        )
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {key: round((cat["score"] or 0) * 100) for key, cat in report["categories"].items()}
    failing = []
    for key, cat in report["categories"].items():
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{key}:{ref['id']}={audit['score']:.2f}")
    metrics = {k: report["audits"][k].get("displayValue", "") for k in
               ("largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
               if k in report["audits"]}
    return {"scores": scores, "failing": failing, "metrics": metrics}


def best_lighthouse(url: str, runs: int = 3) -> dict:
    """Best score per category over `runs` runs: the performance score moves
    a few points between runs on a shared machine; the others do not."""
    best: dict | None = None
    for _ in range(runs):
        result = lighthouse(url)
        if best is None:
            best = result
        else:
            for key, value in result["scores"].items():
                best["scores"][key] = max(best["scores"][key], value)
        if all(v == 100 for v in best["scores"].values()):
            break
    return best


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page open in Playwright `page`."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


def nu_errors(site: Path, files: list[Path] | None = None) -> list[dict]:
    """The Nu HTML Checker's errors on every HTML file of `site` (or `files`)."""
    targets = [str(f) for f in files] if files else [str(site)]
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", *targets],
        capture_output=True, text=True, timeout=1800,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [{"file": m.get("url", "").replace("file:" + str(site), ""), "line": m.get("lastLine"),
             "message": m.get("message")} for m in messages if m.get("type") == "error"]
