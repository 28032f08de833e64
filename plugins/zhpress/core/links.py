"""How a link in a source names its target: one rule for `zhpress check`
and the build, for Markdown links and raw HTML `href` / `src` alike.

It is MkDocs' own rule for Markdown links (mkdocs.structure.pages, the
documented behaviour of `validation.links`): an address with a scheme or a
host is external; one starting with `/` is absolute; a path is unquoted and
resolved against the source file's folder; a target that is no file is
"unrecognized" when its last part has no extension (`../other-post/`),
else "not found". Anchors are compared as written, as MkDocs compares them
(`#iframe-%E7%9A%84-csp` is not the heading `iframe-的-csp`).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

EXTERNAL, ABSOLUTE, SAME_PAGE, FOUND, NOT_FOUND, UNRECOGNIZED = (
    "external", "absolute", "same-page", "found", "not-found", "unrecognized")


@dataclass(frozen=True)
class Target:
    kind: str  # one of the names above
    dest: str  # as written
    path: str = ""  # unquoted path part
    target: str = ""  # the src_uri it resolves to (FOUND, NOT_FOUND, UNRECOGNIZED)
    query: str = ""
    fragment: str = ""  # as written

    def address(self, relative_url: str) -> str:
        """The published address: `relative_url` with this link's query and anchor."""
        return urlunsplit(("", "", relative_url, self.query, self.fragment))


def resolve(dest: str, src_uri: str, exists) -> Target:
    """What `dest`, written in the source `src_uri`, links to. `exists(uri)`:
    is there a file of docs_dir (page or other) at that src_uri?"""
    scheme, netloc, path, query, fragment = urlsplit(dest)
    if scheme or netloc:
        return Target(EXTERNAL, dest)
    if dest.startswith(("/", "\\")):
        return Target(ABSOLUTE, dest, path=unquote(path), query=query, fragment=fragment)
    if not path:
        return Target(SAME_PAGE, dest, target=src_uri, query=query, fragment=fragment)
    path = unquote(path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path).lstrip("/"))
    if exists(target):
        return Target(FOUND, dest, path, target, query, fragment)
    kind = UNRECOGNIZED if not posixpath.splitext(path)[-1] else NOT_FOUND
    return Target(kind, dest, path, target, query, fragment)


class PageAddresses:
    """Where MkDocs publishes each Markdown source, looked up backwards: the
    source whose page a URL-style link (`../other-post/`, relative to the
    page as published) reaches, for a fix that names it. Made once per tree."""

    def __init__(self, sources, use_directory_urls: bool = True):
        self._url_of: dict[str, str] = {}
        self._source_at: dict[str, str] = {}
        for uri in sources:
            url = self._url_of[uri] = source_url(uri, use_directory_urls)
            self._source_at.setdefault(url.rstrip("/"), uri)

    def source_reached(self, dest_path: str, src_uri: str) -> str | None:
        page_url = self._url_of.get(src_uri)
        if page_url is None:
            return None
        base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
        wanted = posixpath.normpath(posixpath.join(base, dest_path)).lstrip("./")
        return self._source_at.get(wanted.rstrip("/"))


def source_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs publishes a Markdown source at (relative to the site)."""
    stem, _ = posixpath.splitext(src_uri)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    if not use_directory_urls:
        return f"{stem}.html"
    return f"{stem}/"
