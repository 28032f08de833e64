"""Under `mkdocs serve`: the problems of a failed rebuild, on the page.

zhpress/output stages every rebuild, so a failed one leaves the last good
build in the served folder. MkDocs' server would then hold every request
until a rebuild succeeds; while a rebuild has failed, this middleware (set
with the WSGI server's own set_app) serves the last good build itself, each
HTML page with the problems over it and a script that reloads the page once
a rebuild succeeds (it asks MkDocs' /livereload/ endpoint, as MkDocs' own
script does). When the rebuild succeeds, requests go to MkDocs' server again.
"""
from __future__ import annotations

import html
import mimetypes
import os
import posixpath
from urllib.parse import unquote, urlsplit

BANNER = """<div id="zhpress-problems" role="alert" style="position:fixed;left:0;right:0;bottom:0;z-index:10000;\
max-height:50vh;overflow:auto;margin:0;padding:1em 1.5em;background:#fff4f4;color:#5c0000;\
border-top:4px solid #c62828;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap">\
<strong>{title}</strong>
{lines}</div>
<script>(function(){{var seen=null;function poll(){{fetch('/livereload/'+(seen===null?0:seen)+'/'+Date.now())\
.then(function(r){{return r.text()}}).then(function(t){{var n=parseInt(t,10);if(seen===null){{seen=n;poll()}}\
else if(n>seen){{location.reload()}}else{{poll()}}}}).catch(function(){{setTimeout(poll,2000)}})}}poll()}})();</script>
"""


class ProblemsOverlay:
    """What the latest build said, and the middleware that shows it."""

    def __init__(self):
        self.command: str | None = None
        self.problems: list[str] = []
        self.failed = False

    def clear(self) -> None:
        self.problems, self.failed = [], False

    def start(self) -> None:
        """A (re)build begins: its own problems; the last failure still shows."""
        self.problems = []

    def show(self, lines: list[str]) -> None:
        self.problems = list(lines)

    def fail(self, error: BaseException) -> None:
        self.failed = True
        if not self.problems:
            self.problems = [str(error) or type(error).__name__]

    def succeed(self) -> None:
        self.clear()

    def banner(self) -> bytes:
        title = "The last rebuild failed: this is the last good build. Fix these, and the page reloads:"
        lines = "\n".join(html.escape(line) for line in self.problems)
        return BANNER.format(title=html.escape(title), lines=lines).encode("utf-8")

    def attach(self, server, site_dir: str, mount_path: str) -> None:
        inner = server.get_app()
        overlay = self

        def app(environ, start_response):
            path = environ.get("PATH_INFO", "/")
            if not overlay.failed or path.startswith("/livereload/"):
                return inner(environ, start_response)
            return overlay._serve(path, site_dir, mount_path, start_response)

        server.set_app(app)

    def _serve(self, path: str, site_dir: str, mount_path: str, start_response):
        path = unquote(path.encode("latin-1").decode("utf-8", "ignore"))
        mount = mount_path if mount_path.endswith("/") else mount_path + "/"
        if not (path + "/").startswith(mount):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"404 Not Found"]
        relative = path[len(mount):]
        if path.endswith("/"):
            relative += "index.html"
        relative = posixpath.normpath("/" + relative).lstrip("/")
        file_path = os.path.join(site_dir, relative)
        if os.path.isdir(file_path):
            file_path = os.path.join(file_path, "index.html")
        try:
            with open(file_path, "rb") as stream:
                content = stream.read()
        except OSError:
            content = self.banner() if file_path.endswith(".html") or "." not in relative else b"404 Not Found"
            start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8")])
            return [content]
        kind = mimetypes.guess_type(file_path)[0] or "application/octet-stream"
        if file_path.endswith(".html"):
            end = content.rfind(b"</body>")
            end = len(content) if end < 0 else end
            content = content[:end] + self.banner() + content[end:]
            kind = "text/html; charset=utf-8"
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(content))),
                                  ("Cache-Control", "no-store")])
        return [content]


def mount_path_of(config) -> str:
    return urlsplit(config.site_url or "/").path or "/"
