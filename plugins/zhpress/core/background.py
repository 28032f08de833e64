"""Work beside the build: a process of its own for work that needs nothing of
MkDocs but what it is handed (a page's HTML, a path).

MkDocs renders pages one at a time on one core. A plugin whose per-page work
is a pure function of the page (indexing it for search, choosing its CSS)
hands each page to a `Background` and collects the result at the end, while
MkDocs renders the next pages on the build's own core. Messages go through
a queue whose feeder thread writes them in the background: the build never
waits for the worker while it renders. Where no second process can be had
(one core, `parallel: false`, no fork or spawn), the same handler runs in the
build's own process, so results never depend on it.

The handler is made by `factory(settings)` in the worker (a class or a
module-level function: under spawn it is pickled by name), and has
`take(*message)` for each message, `finish(*args)` once (its return value is
the result), and optionally `idle()`, called when no message has come for a
moment (work that can be done early, not at the end).
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import traceback

IDLE = 0.01  # seconds without a message after which the worker calls idle()


def _serve(factory, settings, messages, answers) -> None:
    """The worker process: messages in, one answer out."""
    try:
        handler = factory(settings)
        idle = getattr(handler, "idle", None)
        while True:
            if idle is None:
                message = messages.get()
            else:
                try:
                    message = messages.get(timeout=IDLE)
                except queue.Empty:
                    idle()
                    message = messages.get()
            if message[0] == "take":
                handler.take(*message[1:])
            elif message[0] == "finish":
                answers.put(("done", handler.finish(*message[1:])))
                return
            else:
                return
    except KeyboardInterrupt:
        return
    except BaseException:  # reported to the build, which stops with it
        answers.put(("error", traceback.format_exc()))


class BackgroundError(RuntimeError):
    """The worker stopped with an error (its traceback is the message)."""


class Background:
    """The plugin's side: `take()` for each message, then `finish()` once
    (or `abort()` when the build stops)."""

    def __init__(self, name: str, factory, settings, parallel: bool = True):
        self.name = name
        self.local = None
        self.process = None
        self._finishing: tuple | None = None
        if parallel and (os.cpu_count() or 1) > 1:
            try:
                methods = multiprocessing.get_all_start_methods()
                context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
                self.messages, self.answers = context.Queue(), context.Queue()
                self.process = context.Process(target=_serve, args=(factory, settings, self.messages, self.answers),
                                               daemon=True, name=name)
                self.process.start()
                return
            except OSError:
                self.process = None
        self.local = factory(settings)

    @property
    def parallel(self) -> bool:
        return self.process is not None

    def take(self, *message) -> None:
        if self.local is not None:
            self.local.take(*message)
        elif self.process is not None:
            self.messages.put(("take", *message))

    def finish(self, *args):
        """The handler's result; BackgroundError if the worker failed."""
        self.start_finish(*args)
        return self.result()

    def start_finish(self, *args) -> None:
        """Tells the worker to finish, without waiting: `result()` waits
        (meanwhile the build does other work)."""
        if self._finishing is not None:
            raise BackgroundError(f"{self.name}: finished twice")
        if self.local is not None:
            local, self.local = self.local, None
            self._finishing = ("local", local.finish(*args))
            return
        if self.process is None:
            raise BackgroundError(f"{self.name}: finished twice")
        self.messages.put(("finish", *args))
        self._finishing = ("process",)

    def result(self):
        """The result of the finish started by `start_finish`."""
        finishing, self._finishing = self._finishing, None
        if finishing is None:
            raise BackgroundError(f"{self.name}: not finishing")
        if finishing[0] == "local":
            return finishing[1]
        try:
            while True:
                try:
                    answer = self.answers.get(timeout=1)
                    break
                except queue.Empty:
                    if not self.process.is_alive():
                        raise BackgroundError(f"{self.name}: the process stopped "
                                              f"(exit code {self.process.exitcode})") from None
        finally:
            self._close()
        if answer[0] == "error":
            raise BackgroundError(f"{self.name} failed:\n{answer[1]}")
        return answer[1]

    def _close(self) -> None:
        if self.process is not None:
            self.process.join(timeout=10)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join(timeout=5)
            self.messages.close()
            self.answers.close()
            self.messages.cancel_join_thread()
            self.process = None

    def abort(self) -> None:
        """Stop without a result (a failed build)."""
        if self.process is not None:
            self.process.terminate()
            self._close()
        self.local = None
        self._finishing = None
