"""A rendered page's stylesheets, replaced by one <style> with the rules
the page can use (critical.py): the rules its markup can match, and those
its scripts can make match later (every word of the site's scripts counts as
present: search results, tooltips, states). Nothing else is fetched, so no
stylesheet blocks the first paint and none arrives later to restyle (and
re-lay out) the whole page while the reader starts reading."""
from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urlsplit

from .critical import CriticalCss

# <link rel="stylesheet" href="..."> as Material's and our templates write it.
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"\s*/?>')
_HEAD_END = "</head>"


_by_text: dict[str, CriticalCss] = {}


def compiled(css: str) -> CriticalCss:
    """`css` parsed once per process: `mkdocs serve` rebuilds (and test
    builds) with the same stylesheets skip the parse (~0.1 s)."""
    critical = _by_text.get(css)
    if critical is None:
        if len(_by_text) >= 4:
            _by_text.clear()
        critical = _by_text[css] = CriticalCss(css)
    return critical


class StylesheetInliner:
    """`inline(output, page_url)`: the page with its stylesheets inlined.
    `read(path)` gives a stylesheet's text by its path in the site (None:
    not one of the site's files, left as it is)."""

    def __init__(self, read, site_path: str = "/", script_words: frozenset[str] = frozenset()):
        self._read = read
        self._script_words = script_words
        self._site_path = site_path if site_path.endswith("/") else site_path + "/"
        self._compiled: dict[tuple[str, ...], CriticalCss] = {}

    def _site_file(self, href: str, page_url: str) -> str | None:
        parts = urlsplit(html.unescape(href))
        if parts.scheme or parts.netloc:
            return None  # another host's, or site_url spelled out: left as is
        path = parts.path
        if path.startswith("/"):
            if not path.startswith(self._site_path):
                return None
            path = path[len(self._site_path):]
        else:
            folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
            path = posixpath.normpath(posixpath.join(folder, path))
        return None if path.startswith("..") else path

    def inline(self, output: str, page_url: str) -> str:
        head_end = output.find(_HEAD_END)
        if head_end < 0:
            return output
        head = output[:head_end]
        links = [(m, self._site_file(m.group(1), page_url)) for m in _STYLESHEET.finditer(head)]
        links = [(m, path) for m, path in links if path is not None]
        if not links:
            return output
        paths = tuple(path for _, path in links)
        critical = self._compiled.get(paths)
        if critical is None:
            texts = [self._read(path) for path in paths]
            if any(text is None for text in texts):
                return output
            critical = self._compiled[paths] = compiled("\n".join(texts))
        style = critical.for_page(output, self._script_words)
        pieces, last = [], 0
        for index, (match, _) in enumerate(links):
            pieces.append(head[last:match.start()])
            if index == 0:
                pieces.append(f"<style>{style}</style>")
            last = match.end()
        pieces.append(head[last:])
        return "".join(pieces) + output[head_end:]


class WrittenPageInliner:
    """The handler of the plugin's core.background.Background: inlines the
    stylesheets of pages MkDocs has written, in place. It reads each page as
    written, so it sees what every plugin's on_post_page made of it.

    `settings`: the site's stylesheets by path, the site's path, the
    scripts' words (plain data: under spawn they are pickled)."""

    def __init__(self, settings: dict):
        self.inliner = StylesheetInliner(settings["stylesheets"].get, settings["site_path"],
                                         settings["script_words"])
        self.pages = 0

    def take(self, path: str, page_url: str) -> None:
        with open(path, encoding="utf-8") as file:
            written = file.read()
        inlined = self.inliner.inline(written, page_url)
        if inlined is not written:
            with open(path, "wb") as file:
                file.write(inlined.encode("utf-8", errors="xmlcharrefreplace"))
            self.pages += 1

    def finish(self) -> int:
        return self.pages
