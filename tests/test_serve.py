"""`mkdocs serve`: a data change rebuilds the preview; broken data is shown, not fatal."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import FIXTURE_SITE, ROOT
from helpers import project_copy


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.time() + seconds
    last = ""
    while time.time() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not shown at {url} within {seconds}s; last page: {last[:300]}")


def test_serve_shows_data_problems_and_recovers(tmp_path):
    project_copy(tmp_path)
    data = tmp_path / "data" / "institutions.yaml"
    good = (FIXTURE_SITE / "institutions.yaml").read_text(encoding="utf-8")
    bad = good.replace("info@example.org", "c.montfort@awo", 1)
    assert bad != good
    data.write_text(bad, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        page = wait_for(f"http://127.0.0.1:{port}/tr/directory/", "Daten prüfen")
        assert "c.montfort@awo" in page and "is not an e-mail address" in page
        data.write_text(good, encoding="utf-8")   # the maintainer fixes the file
        page = wait_for(f"http://127.0.0.1:{port}/tr/directory/", 'id="beratung-bremen"')
        assert "Daten prüfen" not in page
    except AssertionError:
        server.terminate()
        raise AssertionError(server.communicate(timeout=20)[0][-3000:]) from None
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=20)
