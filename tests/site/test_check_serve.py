"""`mkdocs serve` keeps serving the last good build when a rebuild fails,
shows the problems in the terminal and over every page, and serves the new
build again once the tree is fixed."""
from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project

ARTICLE = "content/articles/tang-daosheng-csig-first-year.md"
PROBLEM = "content/articles/tang-daosheng-csig-first-year.md:2:1: unknown key 'titel'"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tool: str, project: Path):
        self.port = free_port()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", tool, "serve", "-a", f"127.0.0.1:{self.port}", "-f", "mkdocs.yml"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.log.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 120) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for i, line in enumerate(self.log[after:], start=after):
                if text in line:
                    return i + 1
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"{text!r} not logged:\n{''.join(self.log[-60:])}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_serve_keeps_the_last_good_build_and_shows_the_problems(tmp_path, tool):
    project = copy_project(tmp_path / "project")
    server = Server(tool, project)
    try:
        seen = server.wait_for("Serving on")
        page = server.get("zh-hant/")
        assert "湯道生" in page and "zhpress-problems" not in page

        source = project / ARTICLE
        good = source.read_text(encoding="utf-8")
        source.write_text(good.replace("title: ", "titel: ", 1), encoding="utf-8")
        seen = server.wait_for("An error happened during the rebuild", after=seen)
        assert any(PROBLEM in line for line in server.log), "".join(server.log[-40:])  # in the terminal
        page = server.get("zh-hant/")
        assert "湯道生" in page  # the last good build, not an emptied folder
        assert 'id="zhpress-problems"' in page and html.escape(PROBLEM) in page  # and on the page

        source.write_text(good.replace("正在拓展深化", "正在拓展與深化", 1), encoding="utf-8")
        server.wait_for("Published the new site", after=seen)
        article = server.get("zh-hant/articles/tang-daosheng-csig-first-year/")
        assert "zhpress-problems" not in article and "拓展與深化" in article
    finally:
        server.stop()
