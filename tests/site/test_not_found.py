"""The 404 page in the reader's script: /zh-hant/404.html and
/zh-hans/404.html are full site pages whose links work from any depth (a
404 page is served at any missing URL); /404.html, which most hosts serve,
is the default variant's with a <head> script that picks the other. Built
with and without site_url, and with a site_url below the host's root."""
from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import build_site, copy_project

VARIANTS = ("zh-hant", "zh-hans")
LANG = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}
HEADING = {"zh-hant": "找不到這個頁面", "zh-hans": "找不到这个页面"}
SITE_NAME = {"zh-hant": "長文", "zh-hans": "长文"}
SEARCH = {"zh-hant": 'placeholder="搜尋"', "zh-hans": 'placeholder="搜索"'}
OTHER = {"zh-hant": "zh-hans", "zh-hans": "zh-hant"}

# site_url as written in mkdocs.yml -> the URL path the site is served under.
SITE_URLS = {"https://example.org/": "/", None: "/", "https://example.org/press/": "/press/"}


def set_site_url(project: Path, site_url: str | None) -> None:
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}" if site_url else "", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module", params=list(SITE_URLS), ids=["site_url", "no_site_url", "site_url_path"])
def built(request, tmp_path_factory) -> tuple[Path, str]:
    """(site dir, URL path of the site root)."""
    if request.param == "https://example.org/":
        return request.getfixturevalue("real_site"), "/"
    project = copy_project(tmp_path_factory.mktemp("notfound") / "project")
    set_site_url(project, request.param)
    return build_site(project), SITE_URLS[request.param]


class _Refs(html.parser.HTMLParser):
    """Every URL an element refers to (href, src), with the tag it is on,
    and the <a> elements of the page's content (<article>)."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, dict]] = []
        self.content_links: list[dict] = []
        self._article = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._article += 1
        for name in ("href", "src"):
            if attrs.get(name):
                self.refs.append((attrs[name], attrs))
        if tag == "a" and self._article:
            self.content_links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1


def refs(page_html: str) -> _Refs:
    parser = _Refs()
    parser.feed(page_html)
    return parser


def local_file(site: Path, base: str, url: str) -> Path:
    """The output file an absolute local URL names, for a site served under
    `base` (dot segments resolved as browsers do: MkDocs writes the home as "/.")."""
    path = unquote(urlsplit(urljoin("http://host/", url)).path)
    assert path.startswith(base), url
    target = site / path[len(base):]
    return target / "index.html" if path.endswith("/") else target


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith("#"))


@pytest.mark.parametrize("variant", VARIANTS)
def test_variant_404_is_a_site_page_in_its_script(built, variant):
    site, _ = built
    page = (site / variant / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{LANG[variant]}"' in page
    assert f"<h1>{HEADING[variant]}</h1>" in page
    assert HEADING[OTHER[variant]] not in page and "404 - Not found" not in page
    assert f"<title>{HEADING[variant]} - {SITE_NAME[variant]}</title>" in page
    assert re.search(r'class="md-header__topic">\s*<span class="md-ellipsis">\s*' + SITE_NAME[variant], page)
    assert SEARCH[variant] in page  # Material's interface in the variant's language


@pytest.mark.parametrize("variant", VARIANTS)
def test_variant_404_links_work_from_any_depth(built, variant):
    """Every local URL is absolute (from the site's path) and names a file of
    the output, so the page works at /zh-hans/a/b/c as at /zh-hans/404.html."""
    site, base = built
    page = (site / variant / "404.html").read_text(encoding="utf-8")
    found = refs(page)
    local = [url for url, _ in found.refs if is_local(url)]
    assert len(local) > 10
    for url in local:
        assert url.startswith(base), f"{variant}/404.html: {url} is relative"
        assert local_file(site, base, url).is_file(), f"{variant}/404.html: {url} names no file"
    # The content links to the variant's home and archive, and to the other script.
    links = {a["href"] for a in found.content_links}
    assert {f"{base}{variant}/", f"{base}{variant}/archive/"} <= links
    other = [a for a in found.content_links if a.get("hreflang") == LANG[OTHER[variant]]]
    assert [a["href"] for a in other] == [f"{base}{OTHER[variant]}/"]
    # The search box searches the variant, from the site's root.
    box = json.loads(re.search(r"data-zhpress-search='([^']*)'", page).group(1))
    assert box["variant"] == variant and box["base"] == base
    assert box["engine"].startswith(base) and box["index"].startswith(base)


def test_root_404_is_the_default_variant_with_a_head_script(built):
    site, base = built
    root = (site / "404.html").read_text(encoding="utf-8")
    hant = (site / "zh-hant" / "404.html").read_text(encoding="utf-8")
    head = root[:root.index("</head>")]
    scripts = re.findall(r"<script>.*?</script>", head, re.S)
    picker = next(s for s in scripts if "zh-hans/" in s)
    # Without script the reader gets the default variant's page as it is.
    assert root.replace("\n" + picker, "", 1) == hant
    # The picker knows where the site lives and what the Simplified page says.
    assert json.dumps(base + "zh-hans/") in picker
    assert "localStorage" in picker and "zhpress.variant" in picker
    assert HEADING["zh-hans"] in picker
    # Its embedded page cannot end the <script> early.
    assert "</" not in picker[len("<script>"):-len("</script>")]
    assert root.index(picker) < root.index("<title>")


def test_without_variants_the_404_is_in_the_configured_language(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - zhpress/variants\n", "  - zhpress/variants:\n      enabled: false\n", 1), encoding="utf-8")
    site = build_site(project)
    page = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-TW"' in page
    assert f"<h1>{HEADING['zh-hant']}</h1>" in page and "404 - Not found" not in page
    assert not (site / "zh-hant").exists()
    for url, _ in refs(page).refs:
        if is_local(url):
            assert url.startswith("/") and local_file(site, "/", url).is_file(), url
