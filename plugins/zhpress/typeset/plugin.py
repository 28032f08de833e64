"""zhpress/typeset: CJK typography at render time; the source stays as written.

Full-width punctuation in Chinese context, quotes as each script's readers
write them (「」 in Traditional, “” in Simplified pages) and no Latin spaces
inside CJK runs, applied to body text, headings, the table
of contents, page titles and tooltips (so search snippets and feeds get them
too). Spacing between CJK and Latin is left to CSS (`text-autospace`), so
nothing is inserted into the text: copying a paragraph pastes what was written.
"""
from __future__ import annotations

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.toc import TableOfContents

from ..text.html import transform_html
from ..text.typography import typesetter
from ..core import pipeline
from ..core.script import came_through_conversion
from ..core.variants import HANS, HANT, variant_of
from .config import TypesetConfig

# Front matter values readers see as text.
TEXT_META_KEYS = ("title", "subtitle", "summary")


class TypesetPlugin(BasePlugin[TypesetConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        """Priority: default (reads only its own options)."""
        self.config_ = config
        options = dict(punctuation=self.config.punctuation, drop_spaces=self.config.drop_cjk_spaces,
                       join_lines=self.config.join_cjk_lines)
        # (variant, repair) -> text function; repair: the source says it came
        # through a mechanical conversion, so its half-width marks are the
        # converter's, not the author's.
        self.typesetters = {}
        for repair in (False, True):
            self.typesetters[None, repair] = typesetter(repair=repair, **options)
            self.typesetters[HANT, repair] = typesetter(corner_quotes=self.config.corner_quotes,
                                                        repair=repair, **options)
            self.typesetters[HANS, repair] = typesetter(curly_quotes=self.config.curly_quotes,
                                                        repair=repair, **options)

    def _typeset_for(self, page):
        variant = variant_of(page)
        return self.typesetters[variant if variant in (HANT, HANS) else None,
                                came_through_conversion(page.meta, self.config_)]

    @event_priority(pipeline.TYPESET)
    def on_page_markdown(self, markdown, page, config, files):
        """Priority: TYPESET (front matter text is in its final script)."""
        if self.config.enabled:
            fix = self._typeset_for(page)
            for key in TEXT_META_KEYS:
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = fix(page.meta[key])
        return markdown

    @event_priority(pipeline.TYPESET)
    def on_page_content(self, html, page, config, files):
        """Priority: TYPESET (after script conversion, before terms are
        marked and the page is measured)."""
        if not self.config.enabled:
            return html
        fix = self._typeset_for(page)
        self._fix_toc(page.toc, fix)
        if "title" not in page.meta and page.title:
            page.title = fix(page.title)
        return transform_html(html, fix)

    def _fix_toc(self, toc: TableOfContents, fix) -> None:
        for item in toc:
            item.title = fix(item.title)
            self._fix_toc(item.children, fix)
