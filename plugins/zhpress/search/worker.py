"""Indexing beside the build: a process of its own reads the pages while
MkDocs renders the next ones, so the index costs the build little more than
writing its files at the end.

Reading a page for search (cutting its HTML into sections, normalising,
counting every character and pair) needs nothing of MkDocs but the page's
HTML: the plugin hands each page's content to core.background and asks for
the files at the end. With `parallel: false` (or where no second process can
be had) the same work is done in the build's own process.
"""
from __future__ import annotations

import time
from pathlib import Path

from ..text.convert import opencc_converter
from .dictionary import build_dictionary, jieba_words
from .extract import extract_sections
from .index import IndexBuilder, group_words


class Indexer:
    """Reads pages into an IndexBuilder and writes the index: the handler of
    the plugin's core.background.Background."""

    def __init__(self, settings: dict):
        convert = settings.get("convert")
        self.builder = IndexBuilder(opencc_converter(convert).convert if convert else None,
                                    settings.get("chunk_sections", 0))
        self.exclude = frozenset(settings.get("exclude", ()))
        self.started = time.process_time()
        self.jieba = None
        if settings.get("jieba"):  # read and grouped while the first pages render
            self.jieba = group_words(jieba_words())

    def take(self, url: str, region: str, title: str) -> None:
        found, sections = extract_sections(region, self.exclude)
        if any(section.blocks for section in sections):  # else a title and nothing of its own
            self.builder.add_page(url, found or title, sections)

    def finish(self, out_dir: str, site_config: str | None, jieba: bool, variants) -> dict:
        site = build_dictionary(Path(site_config) if site_config else None, use_jieba=False)
        if jieba and self.jieba is None:
            self.jieba = group_words(jieba_words())
        words = group_words(site, self.jieba if jieba else None)
        stats = self.builder.write(Path(out_dir), words, variants, sorted(self.exclude))
        stats["cpu"] = time.process_time() - self.started
        return stats

    def idle(self) -> None:
        """No page waiting: index what is held now, not all at the end."""
        self.builder.flush()

