"""zhpress.core.parallel.map_in_two: a list comprehension computed on two
cores, the same results in the same order, whatever happens to the child."""
from __future__ import annotations

import os

import pytest

from zhpress.core.parallel import FEWEST, map_in_two

needs_two_cores = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
                                     reason="the second half is computed in a fork")


@needs_two_cores
def test_the_second_half_is_computed_in_another_process_in_order():
    parent = os.getpid()
    found = map_in_two(lambda n: (n * n, os.getpid() == parent), list(range(200)))
    assert [value for value, _ in found] == [n * n for n in range(200)]
    assert [here for _, here in found] == [True] * 100 + [False] * 100


def test_few_items_stay_here():
    parent = os.getpid()
    assert map_in_two(lambda n: os.getpid() == parent, list(range(FEWEST - 1))) == [True] * (FEWEST - 1)


@needs_two_cores
def test_a_child_that_fails_leaves_its_half_to_this_process():
    parent = os.getpid()

    def only_here(n):
        if os.getpid() != parent:
            raise RuntimeError("not in the child")
        return n + 1

    assert map_in_two(only_here, list(range(100))) == list(range(1, 101))


@needs_two_cores
def test_an_error_here_is_raised_with_its_own_message_and_no_child_is_left():
    def failing(n):
        if n == 3:
            raise ValueError("item 3")
        return n

    before = children()
    with pytest.raises(ValueError, match="item 3"):
        map_in_two(failing, list(range(100)))
    assert children() == before  # the child was stopped and reaped


def children() -> set[int]:
    """This process's children, zombies included (Linux /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                found.add(int(entry))
    return found


@needs_two_cores
def test_results_that_cannot_be_pickled_are_computed_here():
    found = map_in_two(lambda n: (lambda: n), list(range(100)))
    assert [make() for make in found] == list(range(100))
