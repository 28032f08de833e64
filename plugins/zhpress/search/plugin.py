"""zhpress/search: exact Chinese search in either script, in Material's box.

Replaces Material's search plugin. Each page written in Markdown is read
as readers get it: the final HTML of each of its copies, zh-Hant and
zh-Hans (of the page when zhpress/variants is off); pages a template makes
from nothing (lists, directories) and later pages of paginated lists are
left out. Both copies make one entry of the index (copies.py): cut into
sections at its h2 and h3 anchors and indexed by character and pair of
characters (index.py), the second copy's text at the same places; after
the build the index is written in pieces, with the browser engine beside
it (assets/search.js). The search box is Material's markup
(templates/partials/), the engine ours: it loads when a reader focuses the
box, never before.
"""
from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..core import pipeline, split
from ..core.background import Background, BackgroundError
from ..core.script import ScriptSettings, install_template_helpers, site_script
from ..core.variants import VARIANTS, split_variant, variant_of
from ..siteconfig import project_dir
from ..text.convert import STANDARDS
from .config import SearchConfig
from .extract import content_region
from .inbox import Outbox
from .worker import SECOND_PROCESS_ENDED, SECOND_PROCESS_RUNNING, Indexer

log = logging.getLogger("mkdocs.plugins.zhpress.search")

HERE = Path(__file__).parent
TEMPLATES_DIR = str(HERE / "templates")
ENGINE = HERE / "assets" / "search.js"


class SearchPlugin(BasePlugin[SearchConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.worker: Background | None = None
        self.variants_on = False
        self.version = ""
        self.readings: list[str] = []
        self.phrases: list[tuple[str, str]] = []
        self.inbox: str | None = None  # the file a split build's second process sends its pages through
        self.outbox: Outbox | None = None
        self.deferred: tuple | None = None  # arguments of a finish that waits for the join

    def on_config(self, config):
        """Priority: default (reads its own options; puts its templates
        between the site's custom_dir and Material's)."""
        if not self.config.enabled:
            return
        if "material/search" in config.plugins:
            raise PluginError(
                "zhpress/search replaces Material's search plugin; both are configured. "
                "Fix: remove '- search' from plugins in mkdocs.yml.")
        folder = PurePosixPath(self.config.dir)
        if folder.is_absolute() or ".." in folder.parts or not folder.parts:
            raise PluginError(f"zhpress/search: 'dir: {self.config.dir}' must be a folder inside the site. "
                              "Fix: write a relative path such as 'dir: search'.")
        self.folder = str(folder)
        self._add_templates(config)
        self.version = hashlib.sha1(ENGINE.read_bytes()).hexdigest()[:10]
        # The other script's reading of a copy indexed alone, for matching:
        # the OpenCC conversions the site makes each script with; and the
        # words it converts as phrases (folds.py).
        standard = ScriptSettings.of(config).traditional
        self.readings = list(STANDARDS.get(standard, STANDARDS["tw"]))
        converter = site_script(config).converter
        self.phrases = [(p.hant, p.hans) for p in converter.overrides + converter.defaults]

    @staticmethod
    def _add_templates(config) -> None:
        dirs = config.theme.dirs
        if TEMPLATES_DIR in dirs:
            return
        custom = os.path.normpath(config.theme.custom_dir) if config.theme.custom_dir else None
        for index, folder in enumerate(dirs):
            if os.path.normpath(folder) == custom:
                continue
            if os.path.isfile(os.path.join(folder, "partials", "header.html")):
                dirs.insert(index, TEMPLATES_DIR)
                return
        dirs.append(TEMPLATES_DIR)

    def on_pre_build(self, config):
        """Priority: default (a new build indexes from scratch, beside the build)."""
        self._stop_worker()
        if self.config.enabled:
            fd, self.inbox = tempfile.mkstemp(prefix="zhpress-search-", suffix=".pages")
            os.close(fd)
            settings = {"readings": self.readings, "phrases": self.phrases,
                        "exclude": sorted(self.config.exclude_classes),
                        "jieba": self.config.jieba, "chunk_sections": self.config.chunk_sections,
                        "inbox": self.inbox}
            self.worker = Background("zhpress/search: indexing", Indexer, settings, self.config.parallel)
        self.spent = 0.0  # seconds the build spent handing pages over
        self.out: Path | None = None  # where the worker writes the index, once told to

    def on_files(self, files, config):
        """Priority: default (nothing of the site may live where the index goes)."""
        if not self.config.enabled:
            return files
        prefix = self.folder + "/"
        for file in files:
            if file.dest_uri.startswith(prefix):
                raise PluginError(
                    f"zhpress/search writes its index to {prefix}, where the site already has "
                    f"{file.dest_uri}. Fix: rename that file, or set 'dir:' of zhpress/search.")
        return files

    def on_nav(self, nav, config, files):
        """Priority: default (every file is published by now: are there variants?)."""
        if self.config.enabled:
            self.variants_on = any(split_variant(f.src_uri)[0] for f in files.documentation_pages())
        return nav

    def on_env(self, env, config, files):
        """Priority: default (the search partial's settings and the `zh` filter)."""
        if self.config.enabled:
            install_template_helpers(env, config)
            env.globals["zhpress_search"] = {"dir": self.folder, "version": self.version}
        return env

    @event_priority(pipeline.MEASURE)
    def on_post_page(self, output, page, config):
        """Priority: MEASURE (the page as readers get it: converted, typeset,
        terms marked, in its template)."""
        if self.worker is None:
            return output
        variant = variant_of(page)
        if (variant is None) if self.variants_on else (variant is not None):
            return output
        options = page.meta.get("search")
        if isinstance(options, dict) and options.get("exclude"):
            return output
        if not (page.content or "").strip():
            return output  # no text of its own: a list or a directory made by a template
        url = page.url
        if variant is not None and url.startswith(variant.prefix + "/"):
            url = url[len(variant.prefix) + 1:]
        if any(fnmatch.fnmatchcase(url, pattern) for pattern in self.config.exclude_pages):
            return output
        started = time.perf_counter()
        region = content_region(output)
        if region is not None:
            message = (VARIANTS.index(variant) if variant is not None else None, url, region, page.title or "")
            if split.in_child():  # the worker is the first process's
                if self.outbox is None:
                    self.outbox = Outbox(self.inbox)
                self.outbox.send(message)
            else:
                self.worker.take(*message)
        self.spent += time.perf_counter() - started
        return output

    @event_priority(pipeline.FINISH_PAGES)
    def _start_writing(self, config):
        """Priority: FINISH_PAGES (every page of this process is handed over:
        a split build's second process says it is done; in the first one the
        worker writes the index as soon as the second one's last pages are
        in, while the first process waits for it)."""
        if self.worker is None:
            return
        if split.in_child():
            (self.outbox or Outbox(self.inbox)).close()
            self.outbox = None
            return
        self.out = Path(config.site_dir) / self.folder
        if self.out.exists():
            shutil.rmtree(self.out)
        self.out.mkdir(parents=True)
        variants = [v.prefix for v in VARIANTS] if self.variants_on else None
        site_config = project_dir(config) / self.config.site_config
        arguments = (str(self.out), str(site_config), self.config.jieba, variants)
        if split.current() is None:
            self.worker.start_finish(*arguments)
        elif self.worker.parallel:
            self.worker.start_finish(*arguments, SECOND_PROCESS_RUNNING)
        else:  # indexing in this process: only once the second one has ended
            self.deferred = (*arguments, SECOND_PROCESS_ENDED)

    @event_priority(pipeline.WRITE_DERIVED)
    def _collect_index(self, config):
        """Priority: WRITE_DERIVED (the index is derived from every page)."""
        if self.worker is None or self.out is None:
            return
        worker, self.worker = self.worker, None
        started = time.perf_counter()
        try:
            if self.deferred is not None:
                deferred, self.deferred = self.deferred, None
                worker.start_finish(*deferred)
            stats = worker.result()
        except BackgroundError as error:
            raise PluginError(str(error)) from error
        finally:
            self._remove_inbox()
        shutil.copyfile(ENGINE, self.out / "search.js")
        log.info("zhpress/search: %d pages, %d sections: %.1f MB in %d files; indexing took "
                 "%.1f s of CPU beside the build, which spent %.1f s handing pages over and %.1f s "
                 "waiting for the files", stats["pages"], stats["sections"], stats["bytes"] / 2**20,
                 stats["files"], stats["cpu"], self.spent, time.perf_counter() - started)

    on_post_build = CombinedEvent(_start_writing, _collect_index)

    def on_build_error(self, error):
        """Priority: default (a failed build keeps no half-built index)."""
        self._stop_worker()

    def on_shutdown(self):
        """Priority: default (no indexing process outlives MkDocs)."""
        self._stop_worker()

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.abort()
            self.worker = None
        self.deferred = None
        self.outbox = None
        self._remove_inbox()

    def _remove_inbox(self) -> None:
        if self.inbox is not None:
            try:
                os.unlink(self.inbox)
            except FileNotFoundError:
                pass
            self.inbox = None
