"""Helpers for the tests: copying the project, building a site, finding the browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What a built copy of the project needs (the core, wegweiser/, is imported from the install).
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "schema", "CHEATSHEET.md")


def project_copy(target: Path, source: Path = ROOT) -> Path:
    """A copy of the project's site parts in ``target`` (the one way tests copy the project)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)
        elif (source / name).exists():
            shutil.copy(source / name, target / name)
    return target


def build(project: Path, out: Path, download: bool = True, env: dict | None = None) -> Path:
    """``mkdocs build --strict`` of ``project`` into ``out``; fails the test with the log."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if not download:
        environment["WEGWEISER_DOWNLOAD"] = "false"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project, capture_output=True, text=True, env=environment,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def chromium_path() -> str | None:
    """The browser: WEGWEISER_BROWSER (e.g. a CI runner's Chrome), else Debian's chromium.
    Browser tests must run (not skip) under CI=true."""
    configured = os.environ.get("WEGWEISER_BROWSER")
    if configured:
        return configured
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None and os.environ.get("CI") == "true":
        pytest.fail("chromium is missing: browser tests must run in CI (apt-get install -y chromium)")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a tab closed while a file was still being sent: not a failure, not worth a traceback


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``folder`` on localhost in a thread; returns the server and its address."""
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def problems_after(site_config, filename: str, old: str, new: str, language: str = "en") -> list[str]:
    """Change one text in one data file of a test copy, load, and return the formatted problems
    (the test fails if the data still loads)."""
    from wegweiser.validate import DataError, load

    path = site_config.data_dir / filename
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(site_config)
    return [problem.format(language) for problem in caught.value.problems]

