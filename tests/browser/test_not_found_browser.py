"""A missing page, opened in headless Chromium on a static host: GitHub
Pages' way (every missing path gets /404.html, whose <head> script picks the
script) and Cloudflare Pages' way (the nearest 404.html up the tree: the
variant's own page, served deep below where it was written). Sites built
with site_url, without it, and with a site_url below the host's root."""
from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import PageWatcher, build_site, copy_project
from quality.static_server import serve_static
from quality.tools import AXE, axe_violations

HEADING = {"zh-hant": "找不到這個頁面", "zh-hans": "找不到这个页面"}
LANG = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}
SITE_NAME = {"zh-hant": "長文", "zh-hans": "长文"}
HOME = {"zh-hant": "首頁", "zh-hans": "首页"}
MISSING = "no/such/page/"
DOCUMENT_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"

# The text of every <h1> that enters the document, from the first byte on,
# each once: a page that showed the other script's heading first lists it.
RECORD_HEADINGS = """
window.__headings = [];
new MutationObserver(records => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.nodeType === 1) {
      for (const h of [node, ...node.querySelectorAll('h1')]) {
        const text = h.tagName === 'H1' && h.textContent.trim();
        if (text && !window.__headings.includes(text)) window.__headings.push(text);
      }
    }
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture(scope="module")
def hosts(real_site, tmp_path_factory):
    """hosts(site_url_path, not_found) -> base URL of the site, built with
    that site_url path ("/", "/press/" or None for no site_url) and served
    under it; missing pages get the root's or the nearest 404.html."""
    sites: dict[str | None, Path] = {"/": real_site}
    servers: dict[tuple, tuple[str, object]] = {}

    def host(path: str | None = "/", not_found: str = "root") -> str:
        if path not in sites:
            root = tmp_path_factory.mktemp("notfound")
            project = copy_project(root / "project")
            config = project / "mkdocs.yml"
            site_url = f"site_url: https://example.org{path}" if path else ""
            config.write_text("\n".join(site_url if line.startswith("site_url:") else line
                                        for line in config.read_text(encoding="utf-8").split("\n")),
                              encoding="utf-8")
            sites[path] = build_site(project)
        if (path, not_found) not in servers:
            served = sites[path]
            if path and path != "/":
                # A project site (user.github.io/press/): the host serves the
                # site's 404.html for any missing path below it.
                served = tmp_path_factory.mktemp("host")
                shutil.copytree(sites[path], served / path.strip("/"))
                shutil.copy(sites[path] / "404.html", served / "404.html")
            servers[(path, not_found)] = serve_static(served, not_found=not_found)
        return servers[(path, not_found)][0] + (path or "/").lstrip("/")

    yield host
    for _, server in servers.values():
        server.shutdown()


@pytest.fixture
def tab(browser):
    """tab(**context_options) -> a page recording headings, requests and errors."""
    contexts = []

    def make(**options):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        contexts.append(context)
        context.add_init_script(RECORD_HEADINGS)
        page = context.new_page()
        failed = []
        page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
                and failed.append(r.url))
        page.failed = failed
        return page

    yield make
    for context in contexts:
        context.close()


def shown(page) -> dict:
    return page.evaluate("""() => ({
      lang: document.documentElement.lang,
      heading: document.querySelector('.md-content h1').textContent.trim(),
      site: document.querySelector('.md-header__topic .md-ellipsis').textContent.trim(),
      title: document.title,
      styled: getComputedStyle(document.querySelector('.md-header')).position,
      headings: window.__headings,
      links: [...document.querySelectorAll('.md-content a')].map(a => a.href),
    })""")


def open_missing(page, base: str, path: str) -> dict:
    """Opens base + path, a missing page; what it shows, once every request settled."""
    host = urlsplit(base)
    watch = PageWatcher(page, f"{host.scheme}://{host.netloc}/")
    response = page.goto(base + path, wait_until="networkidle")
    assert response.status == 404
    result = shown(page)
    # Chromium logs the page's own status as an error; failed assets are page.failed.
    assert [e for e in watch.errors if e != DOCUMENT_404] == [] and watch.foreign_requests == []
    assert page.failed == []  # every stylesheet, script and icon loaded, at any depth
    assert result["styled"] == "sticky"  # Material's stylesheet applies
    return result


def test_static_server_serves_404_html_for_missing_paths(real_site, hosts):
    for mode, expected in (("root", "404.html"), ("nearest", "zh-hans/404.html")):
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(hosts("/", mode) + "zh-hans/" + MISSING)
        assert missing.value.code == 404
        assert missing.value.read() == (real_site / expected).read_bytes()


@pytest.mark.parametrize("site_url", ["/", None, "/press/"], ids=["site_url", "no_site_url", "site_url_path"])
@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_missing_page_shows_its_variants_script(hosts, tab, site_url, variant):
    """GitHub Pages: /404.html for /zh-hans/no/such/page/ reads Simplified
    from the first paint; for /zh-hant/... Traditional."""
    base = hosts(site_url)
    page = tab()
    result = open_missing(page, base, f"{variant}/{MISSING}")
    assert result["lang"] == LANG[variant]
    assert result["heading"] == HEADING[variant] and result["site"] == SITE_NAME[variant]
    assert result["title"] == f"{HEADING[variant]} - {SITE_NAME[variant]}"
    assert result["headings"] == [HEADING[variant]]  # no other heading was ever in the page
    assert base + f"{variant}/archive/" in result["links"]
    page.locator(".md-content a", has_text=HOME[variant]).click()
    page.wait_for_load_state("networkidle")
    assert page.url == base + f"{variant}/"
    assert page.evaluate("document.documentElement.lang") == LANG[variant]


def test_outside_the_variants_the_remembered_choice_wins(hosts, tab):
    base = hosts("/")
    page = tab()
    assert open_missing(page, base, MISSING)["lang"] == "zh-Hant"  # nothing remembered: the default
    page.goto(base + "zh-hant/", wait_until="networkidle")
    page.locator("a.zhpress-switch__link[data-zhpress-variant='zh-hans']").click()  # remembers zh-hans
    page.wait_for_load_state("networkidle")
    result = open_missing(page, base, MISSING)
    assert (result["lang"], result["heading"]) == ("zh-Hans", HEADING["zh-hans"])
    assert result["headings"] == [HEADING["zh-hans"]]
    # A path inside a variant says which script the reader was reading.
    assert open_missing(page, base, "zh-hant/" + MISSING)["heading"] == HEADING["zh-hant"]


def test_browser_language_picks_the_script_as_the_root_does(hosts, tab):
    result = open_missing(tab(locale="zh-CN"), hosts("/"), MISSING)
    assert result["lang"] == "zh-Hans"


def test_without_script_the_default_page_links_the_other_script(hosts, tab):
    base = hosts("/")
    page = tab(java_script_enabled=False)
    response = page.goto(base + "zh-hans/" + MISSING)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.locator(".md-content h1").inner_text() == HEADING["zh-hant"]
    other = page.locator(".md-content a[hreflang='zh-Hans']")
    assert other.get_attribute("href") == "/zh-hans/"
    assert other.inner_text() == "简体中文"


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_nearest_404_is_the_variants_own_page(hosts, tab, variant):
    """Cloudflare Pages: /zh-hans/a/b/c/ gets /zh-hans/404.html, written for
    /zh-hans/ and served three folders deeper: it still works."""
    base = hosts("/", "nearest")
    page = tab()
    result = open_missing(page, base, f"{variant}/a/b/c/")
    assert (result["lang"], result["heading"]) == (LANG[variant], HEADING[variant])
    page.locator(f".md-content a[href='/{variant}/archive/']").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base + f"{variant}/archive/"


def test_search_box_works_on_a_deep_404(hosts, tab):
    base = hosts("/")
    page = tab()
    open_missing(page, base, "zh-hans/" + MISSING)
    page.evaluate("""() => { window.__done = null;
      document.querySelector('[data-zhpress-search]')
        .addEventListener('zhpress:results', e => { window.__done = e.detail.query; }); }""")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("产业互联网")
    page.wait_for_function("() => window.__done === '产业互联网'", timeout=15_000)
    first = page.locator(".md-search-result__list a").first
    assert urlsplit(first.get_attribute("href")).path.startswith("/zh-hans/articles/")
    first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(base + "zh-hans/articles/") and page.failed == []


@pytest.mark.skipif(not AXE.exists(), reason="run `npm ci` first: axe-core is missing")
@pytest.mark.parametrize("path", ["zh-hans/" + MISSING, "zh-hant/" + MISSING])
def test_picked_404_is_axe_clean(hosts, tab, path):
    """test_quality checks /404.html as written; this, the page the script picked."""
    page = tab()
    open_missing(page, hosts("/"), path)
    assert axe_violations(page) == []
