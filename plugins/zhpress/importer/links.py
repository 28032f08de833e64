"""Every link and image of an imported post, in Markdown and in raw HTML
(`<a href>`, `<img src>`), written relative to the article file, so MkDocs
validates it and it works in both scripts.

Links are found with the scanner `zhpress check` reads them with
(text/markdown_scan.py), so what is rewritten here is exactly what is checked
there. A link the old site resolved but we cannot is never left relative
(MkDocs and the check would refuse the tree): it leads to the old site, and
a human is told.
"""
from __future__ import annotations

import posixpath
import re
from typing import Callable
from urllib.parse import unquote, urlsplit

from ..text.markdown_scan import scan
from ..text.convert import fold_to_traditional
from .report import Finding
from .resolve import Resolver
from .sources import SourcePost, SourceSite
from .syntax import destination


class LinkRewriter:
    def __init__(self, site: SourceSite, resolver: Resolver, anchors: Callable[[SourcePost], set[str]],
                 copies: dict[str, object]):
        self.site = site
        self.resolver = resolver
        self.anchors = anchors  # ids a link into a post may name
        self.copies = copies  # dest under docs_dir -> source file: every file a post uses

    def rewrite(self, body: str, post: SourcePost) -> tuple[str, list[Finding]]:
        lines = body.split("\n")
        findings: list[Finding] = []
        edits: dict[int, list[tuple[int, int, str]]] = {}
        for link in scan(body, 1).links:
            index, start = link.line - 1, link.column - 1
            line = lines[index]
            if not line.startswith(link.dest, start):
                continue  # written with escapes: left as it is (the check reads it the same way)
            new, finding = self._rewrite_one(link.dest, link.image, post)
            if finding is not None:
                findings.append(Finding(index, link.column, *finding))
            if new is not None and new != link.dest:
                if link.html:
                    new = new.replace('"', "%22").replace("'", "%27")
                edits.setdefault(index, []).append((start, start + len(link.dest), new))
        shifted: list[Finding] = []
        for finding in findings:
            # Columns as they are in the rewritten line.
            delta = sum(len(new) - (end - start) for start, end, new in edits.get(finding.index, ())
                        if end <= finding.column - 1)
            shifted.append(Finding(finding.index, finding.column + delta, finding.message, finding.fix))
        for index, changes in edits.items():
            line = lines[index]
            for start, end, new in sorted(changes, reverse=True):
                line = line[:start] + new + line[end:]
            lines[index] = line
        return "\n".join(lines), shifted

    def _rewrite_one(self, dest: str, image: bool, post: SourcePost) -> tuple[str | None, tuple | None]:
        what = "image" if image else "link"
        here = self.resolver.post_dest(post)
        url, _, fragment = dest.strip().partition("#")
        if not url:
            if not fragment:
                return "#", (f"empty {what} target: the {what} now leads to the top of the page",
                             f"write the {what}'s address, or delete it")
            anchor = translate_anchor(fragment, self.anchors(post))
            if anchor is None:
                return "#", (f"anchor '#{fragment}' is not a heading or id of this post: the link now leads to "
                             "the top of the page", "link a heading's id (shown by its ¶ link on the built page)")
            return "#" + anchor, None
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None, None  # mailto:, data:, tel: ...
        absolute = bool(parts.scheme or parts.netloc or url.startswith("/"))
        if absolute and self.site.site_path(url) is None:
            return None, None  # another site
        target = self.resolver.resolve(url, post)
        if target is None or (image and target.post is not None):
            return self._unresolved(dest, url, fragment, image, post)
        relative = posixpath.relpath(target.dest, posixpath.dirname(here))
        if target.file is not None:
            self.copies[target.dest] = target.file
        new = destination(relative)
        if fragment and target.post is not None:
            anchor = translate_anchor(fragment, self.anchors(target.post))
            if anchor is None:
                return new, (f"anchor '#{fragment}' is not a heading or id of {relative}: the link now leads to "
                             "the top of that page", "link a heading's id (shown by its ¶ link on the built page)")
            new += "#" + anchor
        elif fragment:
            new += "#" + fragment
        return new, None

    def _unresolved(self, dest: str, url: str, fragment: str, image: bool, post: SourcePost):
        """Never left relative: a relative address the strict build cannot find stops it."""
        parts = urlsplit(url)
        relative = not (parts.scheme or parts.netloc or url.startswith("/"))
        address = _ADDRESS_INSIDE.search(url) or _BARE_DOMAIN.match(url)
        if relative and address:
            # www.example.org or "see:https://...": an address written without its scheme, or with a stray
            # character before it; on the old site a relative link that led nowhere.
            start = address.start(1) if address.re is _ADDRESS_INSIDE else 0
            new = ("" if address.re is _ADDRESS_INSIDE else "https://") + dest[start:]
            return new, (f"{'image' if image else 'link'} '{dest}' is an address without https:// (or with a "
                         f"stray character before it): written as {new}", "check the address")
        if parts.scheme or parts.netloc:
            path = self.site.site_path(url) or url
            absolute = url
        elif url.startswith("/"):
            path = url
            absolute = self._old_site(url)
        else:
            base = post.old_urls[0] if post.old_urls else "/"
            path = posixpath.normpath(posixpath.join(base if base.endswith("/") else base + "/", unquote(url)))
            absolute = self._old_site(path)
        if image:
            # An image from another host would break "no host but the site's own": keep the site path.
            new = path if not (parts.scheme or parts.netloc) else dest
            if new != dest and fragment:
                new += "#" + fragment
            return new, (f"image '{dest}' is not in {self.site.shown_root}: not imported",
                         "put the image in content/ and link it relative to this file, or delete it")
        if not absolute.startswith("http"):
            # The old site's address is unknown (no `url` in its config): a
            # site-absolute path would lead nowhere on this site.
            return "#", (f"link '{dest}' names no post or file of {self.site.shown_root}, and the old site's "
                         "address is unknown: the link now leads to the top of the page",
                         "link the page relative to this file, or write the full address it had")
        new = absolute + ("#" + fragment if fragment else "")
        return new, (f"link '{dest}' names no post or file of {self.site.shown_root}: it now leads to the old "
                     f"site ({absolute})", "link the page relative to this file, or an address that stays")

    def _old_site(self, path: str) -> str:
        if not self.site.base_url:
            return path
        base = self.site.base_url.rstrip("/") + "/" + self.site.base_path.strip("/")
        return base.rstrip("/") + "/" + path.lstrip("/")


_NOT_WORD = re.compile(r"[\W_]+")
_BARE_DOMAIN = re.compile(r"^(?:www\.[\w-]+(?:\.[\w-]+)*|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|tw|cn|hk|"
                          r"jp|dev|me|info|co|app|us|uk))(?:[/:?#]|$)", re.IGNORECASE)
_ADDRESS_INSIDE = re.compile(r"^[^/]{1,3}?(https?://\S+)$")


def translate_anchor(fragment: str, anchors: set[str]) -> str | None:
    """Our id for an old heading id: the same id, or the one made from the
    same words (the old generator's slug rules differ from ours: 中文-標題,
    中文標題, %E4%B8%AD...). None when no heading matches."""
    wanted = unquote(fragment)
    if wanted in anchors:
        return wanted
    key = _anchor_key(wanted)
    if not key:
        return None
    matches = [anchor for anchor in sorted(anchors) if _anchor_key(anchor) == key]
    return matches[0] if matches else None


def _anchor_key(text: str) -> str:
    return _NOT_WORD.sub("", fold_to_traditional(text).lower())
