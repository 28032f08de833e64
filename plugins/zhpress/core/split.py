"""One build, two processes: each variant's pages rendered on a core of its own.

MkDocs renders pages one at a time on one core, and a two-script site has
twice the pages. Once every page is known (the end of on_nav) and before any
page is read, zhpress/variants may split the build: `Split.start()` forks,
and each process excludes from its copy of `Files` the pages the other one
renders (`File.inclusion`, MkDocs' public way to leave a file out). MkDocs'
loop then reads, renders and writes only this process's pages, with every
plugin's page events, in each process. The second process ("the child")
renders whole variants: every page of them, and so everything collected
from them (a variant's feeds, entity pages, reading times) is complete in it.

The child writes into the same (staged) site folder. It does not write
files the first process writes (static files, theme templates); plugins that
write per-variant files after the pages ask `renders(variant)`, and the
site-wide steps run in the first process only, after `join()`. What the child
logs goes to the first process, which logs it through its own handlers when
it joins: warnings count under --strict as if logged there, and an error
in the child stops the build in the first process with the same message.
Plugins hand small results to the first process with `hand_over(key, value)`
and read them there with `handed_over(key)`.

Without a split (one core, `mkdocs serve`, a plugin not known to support it,
`parallel: false`), `renders()` is true for every variant and nothing else
changes: the site is byte-identical either way.
"""
from __future__ import annotations

import gc
import logging
import os
import pickle
import re
import signal
import sys
import tempfile
import threading
import time
import traceback

from mkdocs.exceptions import BuildError, PluginError
from mkdocs.structure.files import InclusionLevel

from .parallel import fork_frozen

_current: "Split | None" = None

# The first process also feeds the workers beside the build (search indexing),
# whose last step waits for its last page: the child yields them the cores
# a little, so all end together rather than the index last.
CHILD_NICENESS = 2

# MkDocs' notes about files this process leaves out on purpose.
_SKIPPED_TEMPLATE = re.compile(r"Template skipped: '(.+)' generated empty output\.$")
_EXCLUDED_LINK = re.compile(r"contains a link to '(.+)' which is excluded from the built site\.$")


def renders(variant) -> bool:
    """Whether this process renders the pages of `variant` (a Variant, or
    None for pages outside the variants)."""
    return _current is None or variant in _current.here


def in_child() -> bool:
    """Whether this is the second process of a split build."""
    return _current is not None and _current.is_child


def hand_over(key: str, value) -> None:
    """In the child: give `value` (picklable) to the first process, where
    `handed_over(key)` returns it after the join. Elsewhere: nothing."""
    if in_child():
        _current._send(("value", key, value))


def share(key: str, value) -> None:
    """In the first process: give `value` (picklable) to the child, where
    `shared(key)` returns it, as soon as it is made. Elsewhere: nothing."""
    if _current is not None and not _current.is_child:
        _current._share(key, value)


def end_sharing() -> None:
    """In the first process: nothing more will be shared."""
    if _current is not None and not _current.is_child:
        _current._end_sharing()


def shared(key: str):
    """In the child: the value the first process shares under `key`, waiting
    for it while the first process may still share it; None once it has
    ended sharing without it, and outside a child."""
    return _current._shared(key) if in_child() else None


def handed_over(key: str) -> list:
    """The values the child handed over under `key` (after the join)."""
    return list(_current.received.get(key, ())) if _current is not None else []


class _Shipper(logging.Handler):
    """In the child: every record a handler of the first process would have
    had, sent there instead (each once, however many loggers it reaches)."""

    def __init__(self, split: "Split", level: int, drop):
        super().__init__(level)
        self.split, self.drop = split, drop

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "_zhpress_shipped", False):
            return
        record._zhpress_shipped = True
        message = record.getMessage()
        if not self.drop(message):
            self.split._send(("log", record.name, record.levelno, message, record.pathname, record.lineno))


class Split:
    """A build split in two: `here` are the variants this process renders."""

    def __init__(self, here: tuple, there: tuple, is_child: bool, pid: int, path: str):
        self.here, self.there, self.is_child, self.pid, self.path = here, there, is_child, pid, path
        self.received: dict[str, list] = {}
        self._excluded: list = []
        self._excluded_uris: set[str] = set()
        self._skipped_templates: set[str] = set()
        self._out = None
        self._sharing = None  # the first process: the pipe's writing end
        self._inbox: dict = {}  # the child: what the first process shared
        self._inbox_ended = False
        self._inbox_changed = threading.Condition()

    @classmethod
    def start(cls, files, mine: tuple, theirs: tuple, variant_of_file) -> "Split | None":
        """Forks. This process keeps the pages of `mine` (and every file that
        is not a page of `theirs`); the child renders the pages of `theirs`
        and nothing else. `variant_of_file(file)` is a page's variant.
        None if the process cannot fork."""
        global _current
        if not hasattr(os, "fork"):
            return None
        fd, path = tempfile.mkstemp(prefix="zhpress-split-")
        os.close(fd)
        readable, writable = os.pipe()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = fork_frozen(readable, writable)  # what exists now lasts the build; thawed at the join
        if pid is None:
            os.unlink(path)
            return None
        if pid == 0:
            os.close(writable)
            split = cls(tuple(theirs), tuple(mine), True, os.getpid(), path)
            threading.Thread(target=split._read_shared, args=(readable,), daemon=True).start()
            split._out = open(path, "ab", buffering=0)
            # Ctrl-C reaches both processes: the child just stops (the first
            # one reports it); nothing of the parent's exit handling runs here.
            signal.signal(signal.SIGINT, lambda *_: os._exit(130))
            try:
                os.nice(CHILD_NICENESS)
            except OSError:
                pass
            split._ship_logs()
            split._exclude(files, lambda f: f.is_documentation_page() and variant_of_file(f) in theirs)
        else:
            os.close(readable)
            split = cls(tuple(mine), tuple(theirs), False, pid, path)
            split._sharing = os.fdopen(writable, "wb")
            split._exclude(files, lambda f: not (f.is_documentation_page() and variant_of_file(f) in theirs))
        _current = split
        return split

    def _exclude(self, files, keep) -> None:
        for file in files:
            if not keep(file) and file.inclusion.is_included():
                self._excluded.append((file, file.inclusion))
                self._excluded_uris.add(file.src_uri)
                file.inclusion = InclusionLevel.EXCLUDED

    def skip_template(self, name: str) -> None:
        """The child writes no `name` (the first process does): MkDocs' note
        that it was skipped is not passed on."""
        self._skipped_templates.add(name)

    def _says_only_what_split_left_out(self, message: str) -> bool:
        template = _SKIPPED_TEMPLATE.match(message)
        if template:
            return template.group(1) in self._skipped_templates
        link = _EXCLUDED_LINK.search(message)
        return bool(link) and link.group(1) in self._excluded_uris

    def _ship_logs(self) -> None:
        drop = self._says_only_what_split_left_out
        for logger in self._loggers_with_handlers():
            level = min(handler.level for handler in logger.handlers)
            logger.handlers = [_Shipper(self, level, drop)]

    @staticmethod
    def _loggers_with_handlers() -> list[logging.Logger]:
        loggers = [logging.getLogger()] + [
            logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)]
        return [logger for logger in loggers if logger.handlers]

    # --- from the first process to the child, while both render ---------------

    def _share(self, key: str, value) -> None:
        if self._sharing is None:
            return
        try:
            pickle.dump((key, value), self._sharing)
            self._sharing.flush()
        except (BrokenPipeError, OSError):  # the child has stopped: join() says why
            self._end_sharing()

    def _end_sharing(self) -> None:
        sharing, self._sharing = self._sharing, None
        if sharing is not None:
            try:
                sharing.close()
            except OSError:
                pass

    def _read_shared(self, readable: int) -> None:
        """The child's reader: takes everything shared as it comes, so the
        first process never waits on a full pipe."""
        with os.fdopen(readable, "rb") as pipe:
            while True:
                try:
                    key, value = pickle.load(pipe)
                except Exception:  # EOF: sharing ended (or the first process stopped)
                    break
                with self._inbox_changed:
                    self._inbox[key] = value
                    self._inbox_changed.notify_all()
        with self._inbox_changed:
            self._inbox_ended = True
            self._inbox_changed.notify_all()

    def _shared(self, key: str):
        with self._inbox_changed:
            while key not in self._inbox and not self._inbox_ended:
                self._inbox_changed.wait()
            return self._inbox.pop(key, None)

    def _send(self, message) -> None:
        pickle.dump(message, self._out)

    # --- the child ------------------------------------------------------------

    def end_child(self) -> None:
        """The child's pages are written and its results handed over: stop
        here (no site-wide step runs twice)."""
        self._send(("done", time.process_time()))
        self._exit(0)

    def fail_child(self, error: BaseException) -> None:
        """The child's build failed: report why to the first process, stop."""
        if isinstance(error, BuildError):
            self._send(("error", str(error)))
        else:
            self._send(("error", "".join(traceback.format_exception(error)).rstrip()))
        self._exit(1)

    def _exit(self, code: int) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        self._out.close()
        os._exit(code)

    # --- the first process ----------------------------------------------------

    def join(self) -> tuple[float, float]:
        """Waits for the child, logs what it logged, takes what it handed
        over; PluginError if it failed. The pages it left out are included
        again. Returns the child's CPU seconds and the seconds waited."""
        started = time.perf_counter()
        try:
            _, status = os.waitpid(self.pid, 0)
            messages = self._read()
        finally:
            self._close()
        waited = time.perf_counter() - started
        error, done, cpu = None, False, 0.0
        for message in messages:
            kind = message[0]
            if kind == "log":
                _, name, level, text, pathname, lineno = message
                logging.getLogger(name).handle(logging.makeLogRecord(
                    {"name": name, "levelno": level, "levelname": logging.getLevelName(level), "msg": text,
                     "pathname": pathname, "lineno": lineno}))
            elif kind == "value":
                self.received.setdefault(message[1], []).append(message[2])
            elif kind == "error":
                error = message[1]
            elif kind == "done":
                done, cpu = True, message[1]
        names = ", ".join(getattr(v, "name", str(v)) for v in self.there)
        if error is not None:
            raise PluginError(error)
        if not done or os.waitstatus_to_exitcode(status) != 0:
            raise PluginError(f"The process building {names} stopped before it finished "
                              f"(exit status {os.waitstatus_to_exitcode(status)}).")
        return cpu, waited

    def abort(self) -> None:
        """The build failed here: stop the child, without waiting for its pages."""
        global _current
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self._close()
        _current = None

    def _read(self) -> list:
        messages = []
        with open(self.path, "rb") as file:
            while True:
                try:
                    messages.append(pickle.load(file))
                except EOFError:
                    return messages
                except pickle.UnpicklingError:  # a message cut short by a crash
                    return messages

    def _close(self) -> None:
        gc.unfreeze()
        self._end_sharing()
        for file, inclusion in self._excluded:
            file.inclusion = inclusion
        self._excluded = []
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


def current() -> Split | None:
    return _current


def end() -> None:
    """Forget the split (after the first process joined or aborted it)."""
    global _current
    _current = None
