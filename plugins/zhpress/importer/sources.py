"""What a blog's source tree holds, as every generator module describes it:
its posts (with the addresses the old site gave them), the folders it served
as they are, and what is left out (drafts, pages)."""
from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.problems import WARNING, Problem
from .frontmatter import FrontMatter, read_front_matter

MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


@dataclass
class SourcePost:
    path: Path  # the Markdown file
    shown: str  # as reported: SOURCE_DIR/source/_posts/x.md
    name: str  # the old slug: file name (Jekyll: without its date), or the bundle's folder
    front: FrontMatter
    assets: Path | None = None  # folder of files that belong to this post (asset folder, page bundle)
    old_urls: list[str] = field(default_factory=list)  # site paths the old site served it at
    slug: str = ""  # our file name, without .md (set once every post is known)
    title: str = ""

    @property
    def meta(self) -> dict:
        return self.front.meta


@dataclass
class SourceSite:
    generator: str  # "hexo", "hugo", "jekyll"
    root: Path
    shown_root: str  # SOURCE_DIR as the user wrote it
    config: dict
    base_url: str = ""  # https://blog.example.org (scheme and host), "" if unknown
    base_path: str = "/"  # the path the site was served under, with slashes: /blog/
    timezone: str | None = None  # the zone its dates without an offset were written in
    posts: list[SourcePost] = field(default_factory=list)
    static: list[tuple[str, Path]] = field(default_factory=list)  # (site path prefix, folder served there)
    skipped: list[Problem] = field(default_factory=list)  # drafts, pages: each with its reason
    line_breaks: bool | None = False  # the old renderer made every line break a <br> (None: cannot tell)
    linkify: bool = False  # the old renderer made every bare https://... a link
    liquid_in_code: bool = False  # the template language also ran inside code (Jekyll's Liquid)

    def shown(self, path: Path) -> str:
        return posixpath.join(self.shown_root, path.relative_to(self.root).as_posix())

    def served_at(self, url, served_under=None) -> None:
        """The old site's address (`url` from its config, "" if unknown) and
        the path it was served under (`served_under`, else the address's path)."""
        self.base_url = str(url or "")
        under = str(served_under or urlsplit(self.base_url).path or "").strip("/")
        self.base_path = f"/{under}/" if under else "/"

    def site_path(self, url: str) -> str | None:
        """A link's path on the old site, without the base path ("/2019/x/"),
        or None when it leads to another site."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            own = urlsplit(self.base_url)
            if not own.netloc or parts.netloc.lower() != own.netloc.lower() or parts.scheme not in ("", "http", "https"):
                return None
        path = unquote(parts.path)
        if not path.startswith("/"):
            return None
        base = self.base_path.rstrip("/")
        if base and (path == base or path.startswith(base + "/")):
            path = path[len(base):] or "/"
        return path


def read_post(site: SourceSite, path: Path, name: str, headless: bool = False,
              assets: Path | None = None) -> SourcePost | None:
    """A post read from its file; None (with a report line) when it cannot be read."""
    shown = site.shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        site.skipped.append(Problem(shown, 1, f"not UTF-8 text (byte {error.start}): not imported",
                                    "save the file as UTF-8 and import again", column=1, severity=WARNING,
                                    code="import"))
        return None
    front = read_front_matter(text, headless=headless)
    if front.error:
        line, what = front.error
        site.skipped.append(Problem(shown, line, f"{what}: not imported", "fix the front matter and import again",
                                    column=1, severity=WARNING, code="import"))
        return None
    return SourcePost(path, shown, name, front, assets)


def skip(site: SourceSite, path: Path, what: str, fix: str) -> None:
    site.skipped.append(Problem(site.shown(path), 1, what, fix, column=1, severity=WARNING, code="import"))


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN


def files_under(folder: Path) -> list[Path]:
    """Every file below `folder`, in a stable order, hidden ones left out."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))


_UNSAFE = re.compile(r"[^\w.-]+")


def file_slug(name: str) -> str:
    """Our file name for an old slug: lower case, every run of spaces and
    marks (full-width ones too) one hyphen; Chinese kept as written."""
    text = unicodedata.normalize("NFC", name).lower()
    text = _UNSAFE.sub("-", text).strip("-.")
    return re.sub(r"-{2,}", "-", text) or "post"


def tz_name(value) -> str | None:
    return str(value).strip() if value not in (None, "") else None
