"""Links, anchors and images, checked once against the source tree.

MkDocs checks them again in every published copy of a page (zh-hant/...,
zh-hans/...), naming the copy; here each is checked once and reported
against the file the contributor edits. Links into folders that plugins
fill with generated pages (archive/, tags/, glossary/, entities/) are left to
MkDocs' own check, which sees those pages.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from urllib.parse import unquote

from ..core.links import ABSOLUTE, FOUND, SAME_PAGE, UNRECOGNIZED, PageAddresses, resolve
from ..core.problems import WARNING, Problem
from .documents import Document
from .project import Project

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
SCHEME_HIDDEN = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-\x00-\x20\x7f]*:")


def link_problems(documents: list[Document], files: set[str], project: Project, raw_html: str) -> list[Problem]:
    """`files`: src_uri of every file of docs_dir (pages and others)."""
    pages = {d.source.uri: d for d in documents}
    problems: list[Problem] = []
    made: list[PageAddresses] = []

    def addresses() -> PageAddresses:
        # Made once, and only for a tree with a link to a page's address.
        if not made:
            made.append(PageAddresses(pages, project.use_directory_urls))
        return made[0]

    for document in documents:
        if document.scan is None:
            continue
        for link in document.scan.links:
            problem = _check(document, link, pages, files, project, raw_html, addresses)
            if problem:
                problems.append(problem)
    return problems


def _check(document, link, pages, files, project, raw_html, addresses) -> Problem | None:
    shown = document.source.shown
    # Browsers drop tabs and line breaks from addresses: "jav\tascript:" is "javascript:".
    dest = INVISIBLE.sub("", link.dest.strip()) if SCHEME_HIDDEN.match(link.dest.strip()) else link.dest.strip()
    what = "image" if link.image else "link"

    def problem(message: str, fix: str, code: str = "link", **kwargs) -> Problem:
        if link.image and code == "link":
            code = "image"
        return Problem(shown, link.line, message, fix, column=link.column, code=code, **kwargs)

    if not dest:
        return problem(f"empty {what} target", f"write the path of the {'image' if link.image else 'page'}, "
                                                "relative to this file")
    scheme = SCHEME.match(dest)
    if scheme:
        name = scheme.group(1).lower()
        if name in UNSAFE_SCHEMES and not (name == "data" and link.image):
            removed = ("the build removes it (raw_html: safe)" if raw_html == "safe"
                       else "it runs in readers' browsers")
            return problem(f"'{name}:' {what}: {removed}", "link to a page or an https:// address",
                           severity=WARNING, code="unsafe-link")
        return None
    if dest.startswith("//"):
        return None
    here = document.source.uri
    found_target = resolve(dest, here, lambda uri: uri in files)
    path, fragment = found_target.path, found_target.fragment
    if found_target.kind == ABSOLUTE:
        return problem(f"absolute {what} '{dest}': the site is published under /zh-hant/ and /zh-hans/, where "
                       "it leads out of the reader's script", "write the path relative to this file",
                       severity=WARNING, code="absolute-link")
    if found_target.kind == SAME_PAGE:
        if fragment:
            return _anchor_problem(problem, fragment, document, project, "this page")
        return None
    target = found_target.target
    if target.startswith("../") or target == "..":
        return problem(f"{what} '{dest}' leads out of {project.shown(project.docs_dir)}/: it is not published",
                       "link to a file inside " + project.shown(project.docs_dir) + "/")
    if found_target.kind == FOUND:
        page = pages.get(target)
        if page is not None and fragment:
            return _anchor_problem(problem, fragment, page, project, page.source.shown)
        return None
    top = target.split("/", 1)[0]
    if top in project.generated_dirs or target == ".":
        if path.endswith("/") or "." not in posixpath.basename(target):
            index = posixpath.join(path, "index.md")
            return problem(f"link to the folder '{dest}'", f"link the page itself: {index}")
        return None  # a generated page: MkDocs checks these
    folder_index = posixpath.join(target, "index.md")
    if folder_index in files:
        return problem(f"link to the folder '{dest}'", f"link the page itself: {posixpath.join(path, 'index.md')}")
    if found_target.kind == UNRECOGNIZED:
        # `../other-post/`: a page's address, not its source. Links name
        # sources (MkDocs rewrites them into addresses in both scripts).
        reached = addresses().source_reached(path, here)
        if reached is not None:
            suggestion = posixpath.relpath(reached, posixpath.dirname(here) or ".")
            return problem(f"{what} '{dest}' is a page's address, not its source file",
                           f"link the source: '{found_target.address(suggestion)}'")
        if path.endswith("/") or any(f.startswith(target + "/") for f in files):
            return problem(f"link to the folder '{dest}', which has no index.md", "link one of the pages in it")
    found = project.shown(project.docs_dir / target)
    pool = [f for f in files if f.lower().endswith(project.markdown_extensions) != link.image]
    candidates = [f for f in pool if posixpath.dirname(f) == posixpath.dirname(target)] or pool
    close = difflib.get_close_matches(target, candidates, n=1, cutoff=0.6)
    if close:
        suggestion = posixpath.relpath(close[0], posixpath.dirname(here) or ".")
        fix = f"did you mean '{suggestion}'?"
    else:
        fix = f"check the path: it is relative to {shown}"
    noun = "image" if link.image else "link target"
    return problem(f"{noun} '{path}' not found (looked for {found})", fix)


def _anchor_problem(problem, fragment: str, page: Document, project: Project, where: str) -> Problem | None:
    """Anchors as MkDocs compares them: as written. A percent-encoded anchor
    whose decoded form is an id is refused with that form as the fix."""
    anchors = page.anchors(project)
    if fragment in anchors:
        return None
    decoded = unquote(fragment)
    if decoded != fragment and decoded in anchors:
        return problem(f"anchor '#{fragment}' is percent-encoded: MkDocs compares anchors as written",
                       f"write '#{decoded}'", code="anchor")
    return problem(f"anchor '#{fragment}' is not a heading or id of {where}", _anchor_fix(fragment, anchors),
                   code="anchor")


def _anchor_fix(fragment: str, anchors: set[str]) -> str:
    close = difflib.get_close_matches(fragment, sorted(anchors), n=1, cutoff=0.5)
    if close:
        return f"did you mean '#{close[0]}'?"
    return "link a heading's id (shown by its ¶ link on the built page)"
