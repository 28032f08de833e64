"""Headless Chromium runs for bench/search.py (Python Playwright, system Chromium).

Two kinds of run, each against a StaticServer:

- view_and_query: a reader's cold page view. A fresh browser context (empty
  cache), the article page loaded until the network is idle, a click in the
  search box, a pause (the reader composing the word in an input method),
  then the query committed at once as an IME commits it (CDP Input.insertText,
  then the key release). Measured: from the last keystroke (the later of that
  input event and key release, `event.timeStamp`) to the first result element
  in the DOM, plus one animation frame (on screen); and the bytes the server
  sent for requests that arrived from navigation to that moment.
- run_api: every query through the system's page-level API, all results
  (recall and precision), in one context.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class UI:
    input: str
    result: str     # an element that is a result with its link, as it shows


UIS = {
    "ours": UI(".md-search__input", ".md-search-result__item"),
    "material": UI(".md-search__input", ".md-search-result__item"),
    "pagefind": UI(".pagefind-ui__search-input", ".pagefind-ui__result-link"),
}

INIT_SCRIPT = """
window.__bench = {inputs: [], keyups: [], firstDom: null, firstFrame: null, firstWall: null, emptyAt: null};
addEventListener('input', e => window.__bench.inputs.push(e.timeStamp), true);
addEventListener('keyup', e => window.__bench.keyups.push(e.timeStamp), true);
"""

WATCH_SCRIPT = """
(selector) => {
  const b = window.__bench;
  const visible = el => !el.hasAttribute('data-bench-old') && el.getClientRects().length > 0;
  for (const el of document.querySelectorAll(selector)) el.setAttribute('data-bench-old', '');
  const empty = /沒有|没有|找不到|未找到|無結果|无结果|No results|no matching/i;
  const check = () => {
    if (b.firstDom !== null) return;
    const meta = document.querySelector(
      '.md-search-result__meta:not(.zhpress-search__fallback), .pagefind-ui__message');
    const none = meta && empty.test(meta.textContent || '');
    if (none && b.emptyAt === null) b.emptyAt = performance.now();
    if (!none) b.emptyAt = null;
    const el = [...document.querySelectorAll(selector)].find(visible);
    if (!el) return;
    b.firstDom = performance.now();
    b.firstText = (el.textContent || '').trim().slice(0, 80);
    requestAnimationFrame(() => {
      b.firstFrame = performance.now();
      b.firstWall = performance.timeOrigin + b.firstFrame;
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  b.observer = observer;
}
"""


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def view_and_query(browser, server, page_url: str, system: str, query: str,
                   think_ms: int = 1000, timeout_ms: int = 20000) -> dict:
    ui = UIS[system]
    context = browser.new_context(viewport=VIEWPORT, locale="zh-TW")
    try:
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        crashed = []
        page.on("crash", lambda *_: crashed.append(time.time()))
        cdp = context.new_cdp_session(page)
        server.reset_log()
        t_nav = time.time()
        page.goto(page_url, wait_until="load")
        page.wait_for_load_state("networkidle")
        t_focus = time.time()
        page.click(ui.input)
        page.wait_for_timeout(think_ms)
        page.evaluate(WATCH_SCRIPT, ui.result)
        cdp.send("Input.insertText", {"text": query})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Shift", "code": "ShiftLeft",
                                            "windowsVirtualKeyCode": 16, "nativeVirtualKeyCode": 16})
        try:
            # A result, or the empty state ("no results") held for 2 s.
            page.wait_for_function("window.__bench.firstWall !== null || (window.__bench.emptyAt !== null"
                                   " && performance.now() - window.__bench.emptyAt > 2000)",
                                   timeout=timeout_ms, polling=20)
        except Exception:
            pass
        answered = page.evaluate("window.__bench.firstWall !== null")
        if crashed:
            raise RuntimeError("the page crashed")
        bench = page.evaluate("(() => { const b = window.__bench; return {inputs: b.inputs, keyups: b.keyups,"
                              " firstDom: b.firstDom, firstFrame: b.firstFrame, firstWall: b.firstWall,"
                              " firstText: b.firstText || null, empty: b.emptyAt !== null}; })()")
    finally:
        context.close()
    responses = server.responses()
    cutoff = bench["firstWall"] / 1000 if answered else time.time()
    counted = [r for r in responses if r.t_received <= cutoff]
    before_focus = [r for r in counted if r.t_received < t_focus]
    last_key = max(bench["inputs"][-1:] + bench["keyups"][-1:]) if (bench["inputs"] or bench["keyups"]) else None
    return {
        "query": query,
        "answered": answered,
        "latency_ms": bench["firstFrame"] - last_key if answered and last_key is not None else None,
        "latency_dom_ms": bench["firstDom"] - last_key if answered and last_key is not None else None,
        "bytes": sum(r.bytes for r in counted),
        "bytes_page": sum(r.bytes for r in before_focus),
        "bytes_search": sum(r.bytes for r in counted) - sum(r.bytes for r in before_focus),
        "requests": len(counted),
        "requests_search": len(counted) - len(before_focus),
        "requests_after": len(responses) - len(counted),
        "responses": [[r.path, r.bytes, round(r.t_received - t_nav, 3)] for r in counted],
        "first_text": bench.get("firstText"),
        "empty_state": bool(bench.get("empty")) and not answered,
        "load_s": t_focus - t_nav,
        "loadavg": os.getloadavg()[0],
    }


# --- page-level APIs --------------------------------------------------------------

OURS_API = """
async ([queries, limit]) => {
  if (!(window.zhpress && typeof window.zhpress.search === 'function')) return null;
  const out = {};
  for (const q of queries) {
    const t = performance.now();
    try {
      const results = await window.zhpress.search(q, {limit});
      out[q] = {urls: results.map(r => new URL(r.url, location).href), ms: performance.now() - t};
    } catch (e) {
      out[q] = {error: String(e), urls: [], ms: performance.now() - t};
    }
  }
  return out;
}
"""

MATERIAL_CONFIG = """
() => {
  const node = document.getElementById('__config');
  if (!node) return null;
  const config = JSON.parse(node.textContent);
  if (!config.search) return null;
  const base = new URL(config.base.replace(/\\/?$/, '/'), location);
  return {worker: new URL(config.search, location).pathname, index: new URL('search/search_index.json', base).href,
          base: base.href};
}
"""

# Material's own worker, loaded by a two-line wrapper that fetches and parses the
# index inside the worker: the page's way (parse in the page, copy to the worker)
# crashes the tab at 10,000 articles. The worker then answers Material's messages.
MATERIAL_WRAPPER = """importScripts(%s);
fetch(new URLSearchParams(location.search).get("index")).then(r => r.json()).then(index =>
  dispatchEvent(new MessageEvent("message", {data: {type: 0, data: {config: index.config, docs: index.docs,
                                                                    options: {suggest: false}}}})));
"""
WRAPPER_NAME = "bench-wrapper.js"
BLANK_NAME = "bench-blank.html"

MATERIAL_API = """
async ([queries, wrapper, index, base]) => {
  const worker = new Worker(wrapper + '?index=' + encodeURIComponent(index));
  let resolveNext;
  worker.onmessage = event => resolveNext(event.data);
  const next = () => new Promise(resolve => { resolveNext = resolve; });
  const ready = await next();   // READY, after the setup the wrapper sent
  const send = message => { const reply = next(); worker.postMessage(message); return reply; };
  const out = {};
  for (const q of queries) {
    const t = performance.now();
    const reply = await send({type: 2, data: q});
    const items = (reply.data && reply.data.items) || [];
    out[q] = {urls: items.flat().map(d => new URL(d.location, base).href), ms: performance.now() - t};
  }
  worker.terminate();
  return out;
}
"""

PAGEFIND_API = """
async (queries) => {
  const pagefind = await import('/pagefind/pagefind.js');
  if (pagefind.init) await pagefind.init();
  const out = {};
  for (const q of queries) {
    const t = performance.now();
    const search = await pagefind.search(q);
    const results = (search && search.results) || [];
    out[q] = {ids: results.map(r => r.id), ms: performance.now() - t};
  }
  return out;
}
"""

PAGEFIND_DATA = """
async ([queries, wanted]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const need = new Set(wanted);
  const out = {};
  for (const q of queries) {
    const search = await pagefind.search(q);
    for (const r of (search && search.results) || []) {
      if (need.has(r.id) && !(r.id in out)) out[r.id] = new URL((await r.data()).url, location).href;
    }
  }
  return out;
}
"""


def run_api(browser, site_dir, page_url: str, system: str, queries: list[str], limit: int = 100000,
            timeout_ms: int = 1800000) -> tuple[str, dict] | tuple[None, None]:
    """(level, {query: {urls|ids, ms}}) through the system's API; (None, None) if it has none."""
    context = browser.new_context(viewport=VIEWPORT, locale="zh-TW")
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        page.goto(page_url, wait_until="load")
        page.wait_for_load_state("networkidle")
        if system == "ours":
            out = page.evaluate(OURS_API, [queries, limit])
            if out is not None:
                return "section", out
        if system in ("ours", "material"):   # ours: the interim search, Material's worker
            found = page.evaluate(MATERIAL_CONFIG)
            if found is None:
                return None, None
            worker = site_dir / found["worker"].lstrip("/")
            wrapper = worker.parent / WRAPPER_NAME
            wrapper.write_text(MATERIAL_WRAPPER % json.dumps(worker.name), encoding="utf-8")
            wrapper_url = found["worker"].rsplit("/", 1)[0] + "/" + WRAPPER_NAME
            # From a blank page of the same site: the article page would start Material's own
            # worker too, and two copies of a 200 MB index crash the tab.
            (site_dir / BLANK_NAME).write_text("<!doctype html><title>bench</title>", encoding="utf-8")
            page.goto(urljoin(page_url, "/" + BLANK_NAME), wait_until="load")
            return "page", page.evaluate(MATERIAL_API, [queries, wrapper_url, found["index"], found["base"]])
        if system == "pagefind":
            return "page", page.evaluate(PAGEFIND_API, queries)
        raise ValueError(system)
    finally:
        context.close()


def split_url(url: str) -> tuple[str, str]:
    """(path, anchor) of a result URL."""
    parts = urlsplit(url)
    return unquote(parts.path), unquote(parts.fragment)
