"""Which imported file an old link names, and where each file lands.

A link may name a post by any address the old site served it at (its
permalink, `/2019/01/01/slug/`, `.../index.html`, its `aliases`), by its
source file (`../other.md`, `{{< ref "other.md" >}}`), or, as a last
resort, by its old slug alone when exactly one post has it. Files are found
in the post's own folder (Hexo asset folder, Hugo page bundle) and in the
folders the old site served as they are (Hexo `source/`, Hugo `static/`,
Jekyll's site root).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .sources import SourcePost, SourceSite, file_slug, files_under, is_markdown


# Folders of the old sites' generated lists, never a post.
LIST_FOLDERS = {"tags", "tag", "categories", "category", "archives", "archive", "page", "series", "search"}


@dataclass(frozen=True)
class Target:
    dest: str  # path under docs_dir: articles/x.md, img/a.png
    post: SourcePost | None = None  # a post, else a file to copy
    file: Path | None = None


def url_key(path: str) -> str:
    """An old site path in the form every address of one page shares."""
    path = unquote(path).split("#", 1)[0].split("?", 1)[0]
    path = re.sub(r"/index\.html?$", "/", path)
    path = re.sub(r"\.html?$", "", path)
    return "/" + path.strip("/").lower()


class Resolver:
    def __init__(self, site: SourceSite, articles_dir: str, folder: str = ""):
        self.site = site
        self.articles = posixpath.join(articles_dir, folder) if folder else articles_dir
        self.static_root = folder  # static files land in docs_dir/<folder>/<site path>
        self.by_url: dict[str, SourcePost] = {}
        self.by_path: dict[Path, SourcePost] = {}
        self.by_name: dict[str, list[SourcePost]] = {}
        self.assets: dict[str, tuple[SourcePost, Path]] = {}  # url key -> (post, file)
        for post in site.posts:
            self.by_path[post.path.resolve()] = post
            base = posixpath.basename(post.name)
            for name in {post.name.lower(), base.lower(), post.slug.lower(), file_slug(base)}:
                self.by_name.setdefault(name, []).append(post)
            for url in post.old_urls:
                self.by_url.setdefault(url_key(url), post)
            if post.assets is not None:
                for file in files_under(post.assets):
                    relative = file.relative_to(post.assets).as_posix()
                    for url in post.old_urls:
                        self.assets.setdefault(url_key(posixpath.join(url, relative)), (post, file))

    # --- where things land ---------------------------------------------------

    def post_dest(self, post: SourcePost) -> str:
        return f"{self.articles}/{post.slug}.md"

    def asset_dest(self, post: SourcePost, file: Path) -> str:
        return f"{self.articles}/{post.slug}/{file.relative_to(post.assets).as_posix()}"

    def static_dest(self, site_path: str) -> str:
        return posixpath.normpath(posixpath.join(self.static_root, site_path.lstrip("/")))

    # --- what a link names ---------------------------------------------------

    def resolve(self, url: str, post: SourcePost) -> Target | None:
        """The imported file `url` (written in `post`) names, or None."""
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if not parts.scheme and not parts.netloc and not parts.path.startswith("/") and parts.path:
            found = self._source_file(post.path.parent / unquote(parts.path), post)
            if found:
                return found
            base = post.old_urls[0] if post.old_urls else "/"
            path = posixpath.normpath(posixpath.join(base if base.endswith("/") else base + "/", unquote(parts.path)))
            return self._site_path(path, post)
        path = self.site.site_path(url)
        return self._site_path(path, post) if path else None

    def post_named(self, reference: str) -> SourcePost | None:
        """A post by the reference a template tag gives: its slug, its file
        name, or its path in the content folder (with or without .md)."""
        reference = unquote(reference.strip().strip("/"))
        stem = posixpath.basename(reference)
        for suffix in (".md", ".markdown"):
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
        if stem == "index" and "/" in reference:
            stem = posixpath.basename(posixpath.dirname(reference))
        stem = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}-", "", stem)  # Jekyll's dated file names
        candidates = self.by_name.get(stem.lower()) or self.by_name.get(file_slug(stem)) or []
        return candidates[0] if len(candidates) == 1 else None

    def _source_file(self, path: Path, post: SourcePost) -> Target | None:
        try:
            path = path.resolve()
        except OSError:
            return None
        target = self.by_path.get(path)
        if target is not None:
            return Target(self.post_dest(target), post=target)
        if not path.is_file():
            return None
        if post.assets is not None and _within(path, post.assets):
            return Target(self.asset_dest(post, path), file=path)
        for prefix, folder in self.site.static:
            if _within(path, folder.resolve()) and not is_markdown(path) and \
                    _served(path.relative_to(folder.resolve()).as_posix()):
                site_path = posixpath.join(prefix, path.relative_to(folder.resolve()).as_posix())
                return Target(self.static_dest(site_path), file=path)
        return None

    def _site_path(self, path: str, post: SourcePost) -> Target | None:
        key = url_key(path)
        target = self.by_url.get(key)
        if target is not None:
            return Target(self.post_dest(target), post=target)
        asset = self.assets.get(key)
        if asset is not None:
            owner, file = asset
            return Target(self.asset_dest(owner, file), file=file)
        for prefix, folder in self.site.static:
            if not path.startswith(prefix):
                continue
            relative = unquote(path[len(prefix):]).lstrip("/")
            candidate = folder / relative
            if relative and _served(relative) and candidate.is_file() and not is_markdown(candidate):
                return Target(self.static_dest(posixpath.join(prefix, relative)), file=candidate)
        # The old slug alone, when one post has it: permalinks we could not
        # rebuild (never a list page's: /tags/python/ is no post "python").
        if path.strip("/").split("/", 1)[0].lower() in LIST_FOLDERS:
            return None
        last = re.sub(r"\.html?$", "", posixpath.basename(path.rstrip("/")))
        if last and "." not in last:
            named = self.post_named(last)
            if named is not None:
                return Target(self.post_dest(named), post=named)
        if is_markdown(Path(last)):
            named = self.post_named(last)
            if named is not None:
                return Target(self.post_dest(named), post=named)
        return None


def _served(relative: str) -> bool:
    """Generators publish no file or folder whose name starts with _ or ."""
    return not any(part.startswith(("_", ".")) for part in relative.split("/"))


def _within(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
