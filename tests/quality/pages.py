"""Every page type a reader opens, by name, for the quality checks."""
from __future__ import annotations

from pathlib import Path

VARIANTS = ("zh-hant", "zh-hans")
ARTICLE = "articles/tang-daosheng-csig-first-year/"


def _first(site: Path, pattern: str) -> str | None:
    """The URL path (relative to the site root) of the first page matching `pattern`."""
    for path in sorted(site.glob(pattern)):
        if path.name == "index.html":
            return str(path.parent.relative_to(site)) + "/"
    return None


def page_types(site: Path) -> dict[str, str]:
    """name -> URL path of one page of each type, in both scripts; types a
    site does not have (a second archive page on a one-article site) are left out."""
    pages = {"root": "", "404": "404.html"}
    for variant in VARIANTS:
        candidates = {
            "home": f"{variant}/",
            "article": _first(site, f"{variant}/articles/*/index.html"),
            "archive": f"{variant}/archive/",
            "archive page 2": _first(site, f"{variant}/archive/page/2/index.html"),
            "tag index": f"{variant}/tags/",
            "tag": _first(site, f"{variant}/tags/*/index.html"),
            "glossary": _first(site, f"{variant}/glossary/index.html"),
            "entity": _first(site, f"{variant}/entities/*/index.html"),
        }
        if (site / variant / "404.html").exists():
            pages[f"404 ({variant})"] = f"{variant}/404.html"
        for name, path in candidates.items():
            if path is not None and (site / path / "index.html").exists():
                pages[f"{name} ({variant})"] = path
    return pages
