"""What one variant's render of a page hands to the other variants."""
from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents


def _copy_links(links) -> list[AnchorLink]:
    copies = []
    for link in links:
        copy = AnchorLink(link.title, link.id, link.level)
        copy.children = _copy_links(link.children)
        copies.append(copy)
    return copies


class RenderedPage:
    """The HTML, table of contents, anchors and title of a page as rendered,
    before any script conversion."""

    def __init__(self, html: str, page: Page):
        self.html = html
        self.toc = _copy_links(page.toc)
        self.anchors = set(page.present_anchor_ids or ())
        self.title = page.title

    def apply_to(self, page: Page) -> str:
        page.toc = TableOfContents(_copy_links(self.toc))
        page.present_anchor_ids = set(self.anchors)
        # A title from the first heading; not one the nav gives (MkDocs sets
        # that on the page itself, and this copy's nav title is already in
        # its own script).
        if "title" not in page.meta and self.title and "title" not in vars(page):
            page.title = self.title  # the caller converts it to the page's script
        return self.html
