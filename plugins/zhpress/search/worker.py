"""Indexing beside the build: a process of its own reads the pages while
MkDocs renders the next ones, so the index costs the build little more than
writing its files at the end.

Reading a page for search (cutting its HTML into sections, normalising,
counting every character and pair) needs nothing of MkDocs but the page's
HTML: the plugin hands each copy of each page to core.background (or, from
a split build's second process, through inbox.py) and asks for the files at
the end. The two copies of a page are paired here (copies.py) and indexed
as one entry. With `parallel: false` (or where no second process can be
had) the same work is done in the build's own process.
"""
from __future__ import annotations

import time
from pathlib import Path

from ..text.convert import opencc_converter
from .copies import Copies, PageText, aligned
from .dictionary import build_dictionary, jieba_words
from .extract import extract_sections
from .folds import Folds
from .inbox import Inbox
from .index import IndexBuilder, group_words

# How often the worker looks for the second process's last pages, once the
# first process has handed over all of its own.
INBOX_POLL = 0.01
# What `finish` is told of a split build's second process.
NO_SECOND_PROCESS, SECOND_PROCESS_RUNNING, SECOND_PROCESS_ENDED = None, "running", "ended"


def _converter(name: str | None):
    return opencc_converter(name).convert if name else None


class Indexer:
    """Reads pages into an IndexBuilder and writes the index: the handler of
    the plugin's core.background.Background.

    Settings: "readings" (OpenCC configs making the other script's reading
    of a page indexed alone: [to Simplified, to Traditional]), "phrases"
    (the site's phrase overrides, (Traditional, Simplified) each: folds.py),
    "exclude", "jieba", "chunk_sections", and "inbox", the file a split
    build's second process sends its pages through."""

    def __init__(self, settings: dict):
        to_simplified, to_traditional = settings.get("readings") or (None, None)
        self.builder = IndexBuilder(_converter(to_simplified), settings.get("chunk_sections", 0),
                                    _converter(to_traditional), Folds(settings.get("phrases", ())))
        self.exclude = frozenset(settings.get("exclude", ()))
        self.copies = Copies()
        self.inbox = Inbox(settings["inbox"]) if settings.get("inbox") else None
        self.started = time.process_time()
        self.jieba = None
        if settings.get("jieba"):  # read and grouped while the first pages render
            self.jieba = group_words(jieba_words())

    def take(self, variant: int | None, url: str, region: str, title: str) -> None:
        """A page's copy in variant number `variant` (None: the site has no
        variants), as the content region of its HTML."""
        text = self._read(region, title)
        if variant is None:
            if text is not None:
                self.builder.add_page(url, text)
            return
        self.copies.add(variant, url, text)
        for pair in self.copies.ready():
            self._add(*pair)

    def _read(self, region: str, title: str) -> PageText | None:
        found, sections = extract_sections(region, self.exclude)
        if not any(section.blocks for section in sections):
            return None  # a title and nothing of its own
        return PageText(found or title, sections)

    def _add(self, url: str, first: PageText | None, second: PageText | None) -> None:
        if first is not None and second is not None and aligned(first, second):
            self.builder.add_page(url, first, second)
            return
        if first is not None:
            self.builder.add_page(url, first, only=0)
        if second is not None:
            self.builder.add_page(url, second, only=1)

    def _read_inbox(self) -> None:
        for message in self.inbox.read():
            self.take(*message)

    def idle(self) -> None:
        """No page waiting: read what the second process sent, and index
        what is held now, not all at the end."""
        if self.inbox is not None:
            self._read_inbox()
        self.builder.flush()

    def finish(self, out_dir: str, site_config: str | None, jieba: bool, variants,
               second_process: str | None = NO_SECOND_PROCESS) -> dict:
        """Writes the index once every page is here: with a split build's
        second process still running, as soon as it has sent its last page."""
        if second_process is not None:
            self._read_inbox()
            while not self.inbox.ended:
                if second_process == SECOND_PROCESS_ENDED:
                    raise RuntimeError("the second process of the build ended without sending its last "
                                       f"pages to the search index ({self.inbox.path})")
                time.sleep(INBOX_POLL)
                self._read_inbox()
        for pair in self.copies.rest():
            self._add(*pair)
        site = build_dictionary(Path(site_config) if site_config else None, use_jieba=False)
        if jieba and self.jieba is None:
            self.jieba = group_words(jieba_words())
        words = group_words(site, self.jieba if jieba else None)
        stats = self.builder.write(Path(out_dir), words, variants, sorted(self.exclude))
        stats["cpu"] = time.process_time() - self.started
        return stats
