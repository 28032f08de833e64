"""core.background: work handed to a second process gives the same result
as in the build's own process, and a failure there stops the build with
its cause."""
from __future__ import annotations

import os

import pytest

from zhpress.core.background import Background, BackgroundError


class Collect:
    """A handler: keeps what it takes, answers with it and its process."""

    def __init__(self, settings):
        self.prefix = settings["prefix"]
        self.taken: list[str] = []
        self.idled = 0

    def take(self, word: str, number: int) -> None:
        if word == "boom":
            raise ValueError("the handler refused 'boom'")
        self.taken.append(f"{self.prefix}{word}{number}")

    def idle(self) -> None:
        self.idled += 1

    def finish(self, suffix: str):
        return {"taken": [word + suffix for word in self.taken], "pid": os.getpid()}


@pytest.mark.parametrize("parallel", [True, False])
def test_every_message_is_taken_in_order_and_the_result_comes_back(parallel):
    worker = Background("test: collect", Collect, {"prefix": "p-"}, parallel)
    for number, word in enumerate(["雲", "云", "kpi"]):
        worker.take(word, number)
    result = worker.finish("!")
    assert result["taken"] == ["p-雲0!", "p-云1!", "p-kpi2!"]
    if parallel and (os.cpu_count() or 1) > 1:
        assert result["pid"] != os.getpid()  # it ran beside the build
    else:
        assert result["pid"] == os.getpid()


@pytest.mark.parametrize("parallel", [True, False])
def test_a_failing_handler_stops_with_its_cause(parallel):
    worker = Background("test: collect", Collect, {"prefix": ""}, parallel)
    worker.take("fine", 1)
    if not worker.parallel:
        with pytest.raises(ValueError, match="refused 'boom'"):
            worker.take("boom", 2)
        return
    worker.take("boom", 2)
    with pytest.raises(BackgroundError) as caught:
        worker.finish("")
    assert "test: collect failed" in str(caught.value)
    assert "refused 'boom'" in str(caught.value)  # the worker's traceback, for the contributor


def test_an_aborted_worker_leaves_no_process():
    worker = Background("test: collect", Collect, {"prefix": ""}, True)
    process = worker.process
    worker.take("a", 1)
    worker.abort()
    assert worker.process is None
    if process is not None:
        process.join(timeout=5)
        assert not process.is_alive()
    with pytest.raises(BackgroundError, match="finished twice"):
        worker.finish("")


@pytest.mark.parametrize("parallel", [True, False])
def test_finish_can_start_before_its_result_is_needed(parallel):
    worker = Background("test: collect", Collect, {"prefix": ""}, parallel)
    worker.take("a", 1)
    worker.start_finish("?")
    with pytest.raises(BackgroundError, match="finished twice"):
        worker.start_finish("?")
    assert worker.result()["taken"] == ["a1?"]
    with pytest.raises(BackgroundError, match="not finishing"):
        worker.result()
