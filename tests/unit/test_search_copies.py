"""zhpress.search.copies, inbox and worker: a page's two copies meet in the
indexing worker, in whatever order and through whichever channel they
come, and make the same index."""
from __future__ import annotations

import itertools

import pytest

from search_index_reader import Index
from zhpress.search.copies import Copies, PageText, aligned
from zhpress.search.extract import Section
from zhpress.search.inbox import Inbox, Outbox
from zhpress.search.worker import SECOND_PROCESS_ENDED, SECOND_PROCESS_RUNNING, Indexer


def page(*blocks: str, anchors=("",)) -> PageText:
    return PageText("題", [Section(anchor, anchor, list(blocks)) for anchor in anchors])


def test_copies_are_aligned_when_cut_alike():
    assert aligned(page("甲", "乙"), page("甲", "乙"))
    assert not aligned(page("甲", "乙"), page("甲"))
    assert not aligned(page("甲", anchors=("", "a")), page("甲", anchors=("", "b")))
    assert not aligned(page("甲", anchors=("", "a")), page("甲"))


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_pairs_come_in_the_first_copies_order_whatever_the_arrival(order):
    arrivals = [(0, "a/", page("甲")), (1, "a/", page("甲")), (0, "b/", page("乙")), (1, "b/", page("乙"))]
    copies, paired = Copies(), []
    for index in order:
        copies.add(*arrivals[index])
        paired += [url for url, _, _ in copies.ready()]
    first_copies = [arrivals[i][1] for i in order if arrivals[i][0] == 0]
    assert [url for url, _, _ in copies.rest()] == first_copies[len(paired):]
    assert paired == first_copies[:len(paired)]


def test_what_never_met_its_counterpart_comes_at_the_end():
    copies = Copies()
    copies.add(1, "z/", page("丙"))
    copies.add(0, "a/", page("甲"))
    copies.add(1, "y/", None)  # a copy with no text still answers
    copies.add(0, "y/", page("乙"))
    copies.add(1, "b/", page("丁"))
    assert list(copies.ready()) == []  # a/ waits
    assert [(url, first is not None, second is not None) for url, first, second in copies.rest()] == [
        ("a/", True, False), ("y/", True, False), ("b/", False, True), ("z/", False, True)]


def test_inbox_reads_whole_records_only(tmp_path):
    path = str(tmp_path / "pages")
    open(path, "wb").close()
    outbox, inbox = Outbox(path), Inbox(path)
    outbox.send((1, "a/", "<p>甲</p>", "題"))
    data = open(path, "rb").read()
    with open(path, "wb") as file:  # the reader comes mid-write
        file.write(data[:-3])
    assert inbox.read() == []
    with open(path, "ab") as file:
        file.write(data[-3:])
    assert inbox.read() == [(1, "a/", "<p>甲</p>", "題")]
    outbox.send((1, "b/", "<p>乙</p>", "題"))
    outbox.close()
    assert inbox.read() == [(1, "b/", "<p>乙</p>", "題")] and inbox.ended
    assert inbox.read() == []


SETTINGS = {"readings": ["tw2s", "s2tw"], "exclude": [], "jieba": False}
HANT = {"a/": "<h1>原型鍊</h1><p>看著 v4 #18</p>", "b/": "<h1>標題</h1><p>乾淨</p>"}
HANS = {"a/": "<h1>原型链</h1><p>看着 v4 #18</p>", "b/": "<h1>标题</h1><p>干净</p>"}


def index_of(tmp_path, name: str, feed) -> Index:
    settings = dict(SETTINGS, inbox=str(tmp_path / f"{name}.pages"))
    open(settings["inbox"], "wb").close()
    indexer = Indexer(settings)
    second_process = feed(indexer, settings["inbox"])
    out = tmp_path / name
    out.mkdir()
    indexer.finish(str(out), None, False, ["zh-hant", "zh-hans"], second_process)
    return Index(out)


def files(index: Index) -> dict:
    return {str(p.relative_to(index.folder)): p.read_bytes() for p in sorted(index.folder.rglob("*"))
            if p.is_file()}


def test_a_split_build_makes_the_index_of_one_process(tmp_path):
    def one_process(indexer, _):
        for url in HANT:
            indexer.take(0, url, HANT[url], "")
            indexer.take(1, url, HANS[url], "")

    def split(indexer, inbox):
        outbox = Outbox(inbox)
        for url in reversed(list(HANS)):  # the second process may run ahead
            outbox.send((1, url, HANS[url], ""))
        indexer.idle()
        for url in HANT:
            indexer.take(0, url, HANT[url], "")
        outbox.close()
        return SECOND_PROCESS_RUNNING

    whole, halves = index_of(tmp_path, "whole", one_process), index_of(tmp_path, "split", split)
    assert files(whole) == files(halves)
    assert whole.find("原型链", 1) == {("a/", "")} and whole.find("v418", 1) == set()
    assert whole.text(0, 1) == [("", ["原型链", "看着 v4 #18"])]


def test_a_second_process_that_never_said_it_ended_is_an_error(tmp_path):
    def unfinished(indexer, inbox):
        Outbox(inbox).send((1, "a/", HANS["a/"], ""))
        return SECOND_PROCESS_ENDED

    with pytest.raises(RuntimeError, match="without sending its last pages"):
        index_of(tmp_path, "unfinished", unfinished)
