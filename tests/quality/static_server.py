"""A static host as readers meet one: gzip for text, long cache headers for
assets, 404.html for missing pages. For Lighthouse, axe and page-weight
measurements (Python's SimpleHTTPRequestHandler does neither).

A missing page gets /404.html with status 404, as GitHub Pages and most
hosts do; with not_found="nearest", the nearest 404.html up the tree, as
Cloudflare Pages does (/zh-hans/a/b gets /zh-hans/404.html)."""
from __future__ import annotations

import gzip
import http.server
import mimetypes
import socketserver
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest", ".bin")
LONG_CACHE = "public, max-age=31536000, immutable"


class _Handler(http.server.BaseHTTPRequestHandler):
    root: Path
    cache: dict[Path, bytes]
    not_found: str  # "root" or "nearest"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self._serve(body=False)

    def do_GET(self):
        self._serve(body=True)

    def _resolve(self) -> tuple[int, Path | None]:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if self.root not in target.parents and target != self.root:
            return 404, None
        if target.is_dir():
            if not path.endswith("/"):
                return 301, target
            target = target / "index.html"
        if target.is_file():
            return 200, target
        return 404, self._not_found_page(target)

    def _not_found_page(self, missing: Path) -> Path:
        if self.not_found == "nearest":
            for folder in missing.parents:
                if (folder / "404.html").is_file() or folder == self.root:
                    return folder / "404.html"
        return self.root / "404.html"

    def _serve(self, body: bool):
        status, target = self._resolve()
        if status == 301:
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.end_headers()
            return
        if target is None or not target.is_file():
            self.send_error(404)
            return
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json", "application/xml"):
            kind += "; charset=utf-8"
        gzipped = target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            key = target
            if key not in self.cache:
                self.cache[key] = gzip.compress(data, 6, mtime=0)
            data = self.cache[key]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        html = target.suffix == ".html"
        self.send_header("Cache-Control", "no-cache" if html else LONG_CACHE)
        self.end_headers()
        if body:
            self.wfile.write(data)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve_static(root: Path, port: int = 0, not_found: str = "root"):
    """Serves `root` on 127.0.0.1; returns (base_url, server). server.shutdown() stops it.
    `not_found`: which 404.html a missing page gets, "root" or "nearest"."""
    if not_found not in ("root", "nearest"):
        raise ValueError(f"not_found must be 'root' or 'nearest', not {not_found!r}")
    handler = type("Handler", (_Handler,), {"root": Path(root).resolve(), "cache": {}, "not_found": not_found})
    server = _Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
