"""Pages from a split build's second process to the indexing worker.

In a build split by variant (core.split) the second process renders the
second variant's pages, while the indexing worker was started by the first.
The second process appends each page to a file of the build's (`Outbox`),
the worker reads what has come whenever it is idle (`Inbox`), and knows
the second process is done from a last record. A file, not a pipe: the
second process never waits for the worker, and if it stops early the first
process learns it at the join and stops the worker.

A record is its length (4 bytes) then a pickle, written in one call, so a
reader that comes mid-write keeps the incomplete tail for later.
"""
from __future__ import annotations

import pickle
import struct

_LENGTH = struct.Struct("<I")
END = ("end",)


class Outbox:
    """The second process's end: `send` each page, `close` once at the end."""

    def __init__(self, path: str):
        self.path = path
        self._file = None

    def send(self, message: tuple) -> None:
        if self._file is None:
            self._file = open(self.path, "ab", buffering=0)
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(_LENGTH.pack(len(data)) + data)

    def close(self) -> None:
        """Every page is sent: says so, and closes the file."""
        self.send(END)
        self._file.close()
        self._file = None


class Inbox:
    """The worker's end: `read()` returns the records that have come since."""

    def __init__(self, path: str):
        self.path = path
        self.ended = False
        self._file = None
        self._tail = b""

    def read(self) -> list[tuple]:
        if self.ended:
            return []
        if self._file is None:
            self._file = open(self.path, "rb")
        data = self._tail + self._file.read()
        messages, at = [], 0
        while at + _LENGTH.size <= len(data):
            (length,) = _LENGTH.unpack_from(data, at)
            if at + _LENGTH.size + length > len(data):
                break
            message = pickle.loads(data[at + _LENGTH.size:at + _LENGTH.size + length])
            at += _LENGTH.size + length
            if message == END:
                self.ended = True
                self.close()
                break
            messages.append(message)
        self._tail = data[at:]
        return messages

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
