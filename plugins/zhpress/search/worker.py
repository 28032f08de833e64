"""Indexing beside the build: a process of its own reads the pages while
MkDocs renders the next ones, so the index costs the build little more than
writing its files at the end.

MkDocs renders pages one at a time on one core; reading a page for search
(cutting its HTML into sections, normalising, counting every character and
pair) needs nothing of MkDocs but the page's HTML. The plugin queues each
page's content for the worker and asks for the files at the end; the
worker answers with what it wrote, or with the error that stopped it. With
`parallel: false` (or where no second process can be had) the same work is
done in the build's own process.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import time
import traceback
from pathlib import Path

from ..text.convert import opencc_converter
from .dictionary import build_dictionary, jieba_words
from .extract import extract_sections
from .index import IndexBuilder, group_words

IDLE = 0.01  # seconds without a page after which the worker indexes what it holds


class Indexer:
    """Reads pages into an IndexBuilder and writes the index."""

    def __init__(self, settings: dict):
        convert = settings.get("convert")
        self.builder = IndexBuilder(opencc_converter(convert).convert if convert else None,
                                    settings.get("chunk_sections", 0))
        self.exclude = frozenset(settings.get("exclude", ()))
        self.started = time.process_time()
        self.jieba = None
        if settings.get("jieba"):  # read and grouped while the first pages render
            self.jieba = group_words(jieba_words())

    def page(self, url: str, region: str, title: str) -> None:
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


def _serve(pages, answers, settings: dict) -> None:
    """The worker process: pages in, files out."""
    try:
        indexer = Indexer(settings)
        while True:
            try:
                message = pages.get(timeout=IDLE)
            except queue.Empty:
                indexer.builder.flush()  # nothing to read: index what waits, not at the end
                message = pages.get()
            if message[0] == "page":
                indexer.page(*message[1:])
            elif message[0] == "finish":
                answers.put(("done", indexer.finish(*message[1:])))
                return
            else:
                return
    except KeyboardInterrupt:
        return
    except BaseException:  # reported to the build, which stops with it
        answers.put(("error", traceback.format_exc()))


class IndexWorker:
    """The plugin's side: `page()` for each page, then `finish()` once.

    Pages go through a queue whose feeder thread writes them to the worker
    in the background: MkDocs never waits for the worker while it renders."""

    def __init__(self, settings: dict, parallel: bool = True):
        self.local: Indexer | None = None
        self.process = None
        if parallel and (os.cpu_count() or 1) > 1:
            try:
                methods = multiprocessing.get_all_start_methods()
                context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
                self.pages, self.answers = context.Queue(), context.Queue()
                self.process = context.Process(target=_serve, args=(self.pages, self.answers, settings),
                                               daemon=True, name="zhpress-search-index")
                self.process.start()
                return
            except OSError:
                self.process = None
        self.local = Indexer(settings)

    def page(self, url: str, region: str, title: str) -> None:
        if self.local is not None:
            self.local.page(url, region, title)
        else:
            self.pages.put(("page", url, region, title))

    def finish(self, out_dir: str, site_config: str | None, jieba: bool, variants) -> dict:
        if self.local is not None:
            return self.local.finish(out_dir, site_config, jieba, variants)
        self.pages.put(("finish", out_dir, site_config, jieba, variants))
        try:
            while True:
                try:
                    answer = self.answers.get(timeout=1)
                    break
                except queue.Empty:
                    if not self.process.is_alive():
                        raise RuntimeError("zhpress/search: the indexing process stopped "
                                           f"(exit code {self.process.exitcode})") from None
        finally:
            self._close()
        if answer[0] == "error":
            raise RuntimeError("zhpress/search: indexing failed:\n" + answer[1])
        return answer[1]

    def _close(self) -> None:
        if self.process is not None:
            self.process.join(timeout=10)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join(timeout=5)
            self.pages.close()
            self.answers.close()
            self.pages.cancel_join_thread()
            self.process = None

    def abort(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self._close()
        self.local = None
