"""zhpress.output.staging: a staged site is published or discarded, leaving
exactly one of the old and the new site; warnings are counted once per
record, under MkDocs' logger and ProperDocs' alike."""
from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import pytest

from zhpress.output.staging import TOOL_LOGGERS, StagedOutput, WarningCounter


def write_site(folder: Path, marker: str) -> None:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(marker, encoding="utf-8")
    (folder / "sub" / "page.html").write_text(marker + " page", encoding="utf-8")


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def siblings(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir())


# --- StagedOutput ----------------------------------------------------------------------

def test_begin_gives_a_staging_folder_beside_the_site(tmp_path):
    staged = StagedOutput(str(tmp_path / "site"))
    assert staged.begin() == str(tmp_path / ".site.building")
    assert staged.target == tmp_path / "site"


def test_begin_removes_a_stale_staging_folder(tmp_path):
    write_site(tmp_path / ".site.building", "stale")
    staged = StagedOutput(str(tmp_path / "site"))
    staged.begin()
    assert not (tmp_path / ".site.building").exists()


def test_publish_leaves_only_the_new_site(tmp_path):
    write_site(tmp_path / "site", "old")
    (tmp_path / "site" / "gone.html").write_text("only in the old site", encoding="utf-8")
    staged = StagedOutput(str(tmp_path / "site"))
    write_site(Path(staged.begin()), "new")
    staged.publish()
    assert tree(tmp_path / "site") == {"index.html": "new", "sub/page.html": "new page"}
    assert siblings(tmp_path) == ["site"]


def test_publish_without_a_previous_site(tmp_path):
    staged = StagedOutput(str(tmp_path / "site"))
    write_site(Path(staged.begin()), "new")
    staged.publish()
    assert tree(tmp_path / "site")["index.html"] == "new"
    assert siblings(tmp_path) == ["site"]


def test_publish_clears_a_leftover_previous_folder(tmp_path):
    write_site(tmp_path / ".site.previous", "left by a crash")
    write_site(tmp_path / "site", "old")
    staged = StagedOutput(str(tmp_path / "site"))
    write_site(Path(staged.begin()), "new")
    staged.publish()
    assert tree(tmp_path / "site")["index.html"] == "new"
    assert siblings(tmp_path) == ["site"]


def test_discard_leaves_only_the_old_site(tmp_path):
    write_site(tmp_path / "site", "old")
    before = tree(tmp_path / "site")
    staged = StagedOutput(str(tmp_path / "site"))
    write_site(Path(staged.begin()), "new")
    staged.discard()
    assert tree(tmp_path / "site") == before
    assert siblings(tmp_path) == ["site"]
    staged.discard()  # twice: harmless (on_build_error, then on_shutdown)
    assert siblings(tmp_path) == ["site"]


def test_discard_before_anything_was_written(tmp_path):
    staged = StagedOutput(str(tmp_path / "site"))
    staged.begin()
    staged.discard()
    assert siblings(tmp_path) == []


def test_a_site_dir_given_with_a_trailing_slash(tmp_path):
    write_site(tmp_path / "site", "old")
    staged = StagedOutput(str(tmp_path / "site") + "/")
    write_site(Path(staged.begin()), "new")
    staged.publish()
    assert tree(tmp_path / "site")["index.html"] == "new"
    assert siblings(tmp_path) == ["site"]


# --- WarningCounter ----------------------------------------------------------------------

@pytest.fixture
def counter():
    counter = WarningCounter()
    counter.attach()
    yield counter
    counter.detach()


@contextlib.contextmanager
def properdocs_logging():
    """The loggers as ProperDocs' command line sets them up: 'mkdocs' is a
    child of 'properdocs', which does not propagate to the root. Entered in
    the test's body: pytest keeps every record of a logger that does not
    propagate when the test starts, so a record's id would never be reused."""
    mkdocs, properdocs = logging.getLogger("mkdocs"), logging.getLogger("properdocs")
    saved = mkdocs.parent, mkdocs.propagate, properdocs.propagate
    mkdocs.parent, mkdocs.propagate, properdocs.propagate = properdocs, True, False
    try:
        yield
    finally:
        mkdocs.parent, mkdocs.propagate, properdocs.propagate = saved


@contextlib.contextmanager
def mkdocs_logging():
    """The 'mkdocs' logger as MkDocs' command line sets it up: no propagation
    to the root, where pytest's capture keeps every record."""
    mkdocs = logging.getLogger("mkdocs")
    saved = mkdocs.propagate
    mkdocs.propagate = False
    try:
        yield
    finally:
        mkdocs.propagate = saved


def test_the_tools_loggers():
    assert TOOL_LOGGERS == ("mkdocs", "properdocs")


def test_counts_warnings_and_errors_of_both_tools(counter):
    logging.getLogger("mkdocs.plugins.zhpress.article").warning("one")
    logging.getLogger("properdocs.commands.build").error("two")
    logging.getLogger("mkdocs").info("not counted")
    logging.getLogger("other").warning("not a tool's")
    assert counter.count == 2


def test_a_record_both_loggers_see_is_counted_once(counter):
    with properdocs_logging():
        logging.getLogger("mkdocs.plugins.zhpress.article").warning("seen by 'mkdocs' and by 'properdocs'")
        assert counter.count == 1
        logging.getLogger("properdocs.structure.pages").warning("seen by 'properdocs' only")
        assert counter.count == 2


def test_counters_of_two_builds_each_count_a_record_once(counter):
    # A build that never reached on_shutdown (a test building in-process)
    # leaves its counter attached: each counter still counts once.
    other = WarningCounter()
    other.attach()
    try:
        with properdocs_logging():
            logging.getLogger("mkdocs.plugins.zhpress.article").warning("seen by both counters, on both loggers")
        assert (counter.count, other.count) == (1, 1)
    finally:
        other.detach()


def test_attach_starts_a_new_count_and_detach_stops_counting(counter):
    logging.getLogger("mkdocs").warning("before")
    assert counter.count == 1 and counter.attached
    counter.attach()  # a new build: attached once, counting from zero
    assert counter.count == 0
    assert logging.getLogger("mkdocs").handlers.count(counter) == 1
    counter.detach()
    logging.getLogger("mkdocs").warning("after")
    assert counter.count == 0 and not counter.attached
    assert all(counter not in logging.getLogger(name).handlers for name in TOOL_LOGGERS)


REUSED_IDS = (
    "WarningCounter counts distinct id(record): once a record is freed, the next one may get its id, "
    "so warnings logged one after another with no handler keeping the records (MkDocs' and ProperDocs' "
    "command lines keep none) count as fewer than they are; the strict-mode message then reports too "
    "few warnings")


def record(n: int) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.plugins.zhpress.article", logging.WARNING, __file__, 1, "warning %d",
                             (n,), None)


def test_one_record_handled_twice_is_counted_once():
    counter = WarningCounter()
    kept = record(0)
    counter.handle(kept)
    counter.handle(kept)
    assert counter.count == 1


def test_every_record_handled_is_counted():
    counter = WarningCounter()
    for n in range(20):
        counter.handle(record(n))  # each record is freed once handled
    assert counter.count == 20


def test_every_warning_is_counted_under_mkdocs_logging(counter):
    with mkdocs_logging():
        for n in range(20):
            logging.getLogger("mkdocs.plugins.zhpress.article").warning("warning %d", n)
    assert counter.count == 20


def test_every_warning_is_counted_under_properdocs_logging(counter):
    with properdocs_logging():
        for n in range(20):
            logging.getLogger("mkdocs.plugins.zhpress.article").warning("warning %d", n)
    assert counter.count == 20
