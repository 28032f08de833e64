"""A tiny static server that sends what a static host sends: gzip and long cache.

Every response that gzip (level 6) makes smaller is sent gzip-encoded, whatever
its type (a host that compresses every compressible response); every response
carries `Cache-Control: public, max-age=31536000, immutable`. HTTP/1.1 with
keep-alive, one thread per connection. Each response is logged with the wall
time its request arrived and the bytes written (status line, headers and body),
so a benchmark can sum what one page view transferred up to any moment.

  with StaticServer(site_dir) as server:
      server.url          # http://127.0.0.1:PORT/
      server.reset_log()  # before a page view
      server.log          # [Response(t_received, path, status, bytes, encoded)]
"""

from __future__ import annotations

import gzip
import mimetypes
import posixpath
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6
MIN_GZIP_BYTES = 256
CACHE_CONTROL = "public, max-age=31536000, immutable"
EXTRA_TYPES = {
    ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
    ".wasm": "application/wasm", ".svg": "image/svg+xml", ".xml": "application/xml",
    ".webmanifest": "application/manifest+json", ".map": "application/json",
}


@dataclass
class Response:
    t_received: float   # time.time() when the request line was read
    path: str
    status: int
    bytes: int          # status line + headers + body as written
    encoded: bool       # body sent gzip-encoded


class _Body:
    """A file's bytes and their gzip form (None when gzip does not make it smaller)."""

    __slots__ = ("mtime", "raw", "gz")

    def __init__(self, mtime: float, raw: bytes):
        self.mtime, self.raw = mtime, raw
        packed = gzip.compress(raw, GZIP_LEVEL, mtime=0) if len(raw) >= MIN_GZIP_BYTES else None
        self.gz = packed if packed is not None and len(packed) < len(raw) else None


class StaticServer:
    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0):
        self.root = Path(root).resolve()
        self.log: list[Response] = []
        self._lock = threading.Lock()
        self._cache: dict[Path, _Body] = {}
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> "StaticServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset_log(self) -> None:
        with self._lock:
            self.log = []

    def responses(self) -> list[Response]:
        with self._lock:
            return list(self.log)

    def warm(self, relative_paths) -> None:
        """Compress these files ahead, as a host serving precompressed files would."""
        for rel in relative_paths:
            path = self.root / rel
            if path.is_file():
                self._body(path)

    # --- internals ---------------------------------------------------------

    def _record(self, response: Response) -> None:
        with self._lock:
            self.log.append(response)

    def _body(self, path: Path) -> _Body:
        mtime = path.stat().st_mtime
        body = self._cache.get(path)
        if body is None or body.mtime != mtime:
            body = _Body(mtime, path.read_bytes())
            self._cache[path] = body
        return body

    def _resolve(self, url_path: str) -> Path | None:
        clean = posixpath.normpath(unquote(url_path))
        parts = [p for p in clean.split("/") if p and p not in (".", "..")]
        path = self.root.joinpath(*parts)
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "bench-static"
            sys_version = ""

            def log_message(self, *args):  # quiet
                pass

            def do_HEAD(self):
                self._serve(head=True)

            def do_GET(self):
                self._serve(head=False)

            def _serve(self, head: bool):
                t_received = time.time()
                url_path = urlsplit(self.path).path
                path = server._resolve(url_path)
                status = 200
                if path is None:
                    status, path = 404, server._resolve("/404.html")
                body = server._body(path) if path is not None else _Body(0, b"Not found\n")
                accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
                encoded = accepts_gzip and body.gz is not None
                payload = body.gz if encoded else body.raw
                ctype = (EXTRA_TYPES.get(path.suffix.lower()) if path else None) \
                    or (mimetypes.guess_type(path.name)[0] if path else None) or "application/octet-stream"
                if ctype.startswith("text/") or ctype in ("application/json", "application/xml"):
                    ctype += "; charset=utf-8"
                headers = [
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Not Found'}",
                    f"Content-Type: {ctype}",
                    f"Content-Length: {len(payload)}",
                    f"Cache-Control: {CACHE_CONTROL}",
                    "Vary: Accept-Encoding",
                ]
                if encoded:
                    headers.append("Content-Encoding: gzip")
                head_bytes = ("\r\n".join(headers) + "\r\n\r\n").encode("latin-1")
                data = head_bytes if head else head_bytes + payload
                try:
                    self.wfile.write(data)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass
                server._record(Response(t_received, url_path, status, len(data), encoded))

        return Handler
