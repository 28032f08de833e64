"""Work over every source on both cores, before the build splits.

Until zhpress/variants splits the build (core.split, at the end of on_nav),
MkDocs runs on one core, and plugins read every source there: the
glossary's scan for names, the article records. Each reads sources one by
one with a pure function (the tree check does too, but its documents cost
more to send back than to read: it stays in one process). `map_in_two(fn, items)` is
`[fn(item) for item in items]`, the second half computed in a forked
process while this one computes the first: the same results, in order, in
about half the time.

`fn` must be pure: it may read the items (the fork shares them, nothing is
sent) and must return picklable values; it must not log, nor change state a
later step reads (the child's changes are lost). If the child fails in any
way, this process computes its half too, so an error is raised here, with
its own traceback. One process where there is no fork, one core, or few
items.
"""
from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

FEWEST = 64  # items below which a fork costs more than it saves


def fork_frozen(*fds: int) -> int | None:
    """os.fork() with the collector frozen: what exists now is shared by both
    processes, and neither one's collector scans it again (nor copies the
    pages it lies on); the first process thaws it (gc.unfreeze) once the
    child is done. None where the process cannot fork: nothing frozen, and
    `fds` (the pipes made for the child) closed."""
    gc.freeze()
    try:
        return os.fork()
    except OSError:
        gc.unfreeze()
        for fd in fds:
            os.close(fd)
        return None


def map_in_two(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    if len(items) < FEWEST or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return [fn(item) for item in items]
    half = (len(items) + 1) // 2
    readable, writable = os.pipe()
    pid = fork_frozen(readable, writable)
    if pid is None:
        return [fn(item) for item in items]
    if pid == 0:  # the child: the second half, sent back whole, then gone
        os.close(readable)
        status = 0
        try:
            gc.disable()
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            logging.disable(logging.CRITICAL)  # nothing it does is reported twice
            data = pickle.dumps([fn(item) for item in items[half:]], pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writable, "wb") as pipe:
                pipe.write(data)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(writable)
    pipe = os.fdopen(readable, "rb")
    try:
        first = [fn(item) for item in items[:half]]
        data = pipe.read()
        _, status = os.waitpid(pid, 0)
    except BaseException:
        _stop(pid)
        raise
    finally:
        pipe.close()
        gc.unfreeze()
    if os.waitstatus_to_exitcode(status) == 0 and data:
        try:
            return first + pickle.loads(data)
        except Exception:  # noqa: BLE001 - computed here instead
            pass
    return first + [fn(item) for item in items[half:]]


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):  # already gone and reaped
        pass
