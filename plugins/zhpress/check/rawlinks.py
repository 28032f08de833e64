"""Raw HTML links and images in a page body, resolved like Markdown links.

MkDocs rewrites the links and images Markdown makes (`[x](other.md)`) into
addresses of the published page, and warns about the ones that lead
nowhere; it never sees an `<a href>` or `<img src>` written as HTML, which
is published as written and breaks under /zh-hant/ and /zh-hans/. Here
each such address is resolved by the same rule `zhpress check` applies
(core.links: a path relative to the source file), rewritten into the page's
address of its target, its anchor handed to MkDocs' own anchor validation,
and a target that is missing reported at the level `validation.links` sets
for Markdown links.
"""
from __future__ import annotations

import logging

from ..core.links import ABSOLUTE, FOUND, NOT_FOUND, SAME_PAGE, UNRECOGNIZED, resolve
from ..text.html import rewrite_url_attributes
from ..text.markdown_scan import scan

log = logging.getLogger("mkdocs.plugins.zhpress.check")

_RAW_TAG_HINT = ("<a ", "<a\n", "<img", "<source", "<video", "<audio", "<A ", "<IMG")


def raw_html_addresses(markdown: str) -> set[str]:
    """The addresses written in raw HTML tags of a Markdown body (not in code)."""
    if not markdown or not any(hint in markdown for hint in _RAW_TAG_HINT):
        return set()
    return {link.dest for link in scan(markdown).links if link.html}


def rewrite_raw_links(html: str, page, config, files, addresses: set[str]) -> str:
    """`html` with the raw HTML addresses of `page` (`addresses`) rewritten."""
    if not addresses:
        return html
    src_uri = page.file.src_uri
    levels = config.validation.links

    def rewrite(tag: str, attribute: str, value: str) -> str | None:
        written = value.strip()
        if written not in addresses:
            return None
        target = resolve(written, src_uri, lambda uri: files.get_file_from_path(uri) is not None)
        if target.kind == FOUND:
            found = files.get_file_from_path(target.target)
            if target.fragment:
                _note_anchor(page, found, target.fragment, written)
            return target.address(found.url_relative_to(page.file))
        if target.kind == SAME_PAGE:
            if target.fragment:
                _note_anchor(page, page.file, target.fragment, written)
            return None
        if target.kind == NOT_FOUND:
            log.log(levels.not_found, f"Doc file '{src_uri}' contains a raw HTML {attribute} '{written}', "
                                      f"but the target '{target.target}' is not found among documentation files.")
        elif target.kind == UNRECOGNIZED:
            log.log(levels.unrecognized_links,
                    f"Doc file '{src_uri}' contains an unrecognized relative raw HTML {attribute} '{written}', "
                    "it was left as is. Links name source files (other-post.md), in HTML as in Markdown.")
        elif target.kind == ABSOLUTE:
            log.log(levels.absolute_links,
                    f"Doc file '{src_uri}' contains an absolute raw HTML {attribute} '{written}', it was left as is.")
        return None

    return rewrite_url_attributes(html, rewrite)


def _note_anchor(page, target_file, anchor: str, written: str) -> None:
    """Hands the anchor to MkDocs' validation of anchors (`validation.links.
    anchors`), which compares it with the ids of the rendered target page."""
    links = page.links_to_anchors
    if links is not None:
        links.setdefault(target_file, {}).setdefault(anchor, written)
