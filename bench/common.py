"""What the benchmarks share: building the project, serving a built site on localhost, the
browser's arguments, gzip sizes."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def gz(data: bytes) -> int:
    """Bytes after gzip at level 6, as a web server would send them."""
    return len(gzip.compress(data, compresslevel=6))


def build(target: Path, download: bool = True) -> None:
    """``mkdocs build`` of the project into ``target`` (with or without the file:// download)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if not download:
        environment["WEGWEISER_DOWNLOAD"] = "false"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(target)],
                   cwd=ROOT, check=True, env=environment)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``folder`` on localhost in a thread; the server and its address (ending in /)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"
