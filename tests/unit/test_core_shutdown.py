"""zhpress.core.shutdown: a process that built a site exits without running
the collector over what the build left, and only at exit."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import atexit, gc
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs after ours
from zhpress.core.shutdown import skip_final_collection
skip_final_collection()
skip_final_collection()  # once per process
kept = [[n] for n in range(1000)]
print("frozen before exit:", gc.get_freeze_count() > 0)
"""


def test_objects_are_frozen_at_exit_only():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["frozen before exit: False", "frozen at exit: True"]
