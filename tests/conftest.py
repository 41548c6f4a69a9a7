"""Shared helpers: the fixture data set, the site's languages, a built copy of the real site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
sys.path.insert(0, str(ROOT))

from wegweiser.config import load_site_config  # noqa: E402


@pytest.fixture
def site_copy(tmp_path):
    """A folder with the real mkdocs.yml and a copy of the tiny fixture data in data/."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path


@pytest.fixture
def site_config(site_copy):
    return load_site_config(site_copy / "mkdocs.yml")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once per test run with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The download for use from disk: built with WEGWEISER_OFFLINE=true (Material's offline
    plugin: file:// links, search without a server)."""
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "WEGWEISER_OFFLINE": "true"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def chromium_path() -> str | None:
    """Debian's chromium; browser tests must run (not skip) under CI=true."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None and os.environ.get("CI") == "true":
        pytest.fail("chromium is missing: browser tests must run in CI (apt-get install -y chromium)")
    return path


# ---- Browser (Debian chromium through Playwright) ----

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.requests = []
    context.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


def search(page, query: str) -> list[dict]:
    """Open search, type like a person, and return the results (title and link)."""
    page.locator("label[for=__search]").first.click()
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")  # Material listens to keyup; fill() alone sends no key for ı, ş or Cyrillic
    # Material shows its placeholder until the worker answers, then a count or "no results"
    try:
        page.wait_for_selector(".md-search-result__item", timeout=15000)
    except Exception:  # noqa: BLE001 - no result at all: the assertions say so
        return []
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(
        ".md-search-result__item > a",
        "els => els.map(a => ({href: a.href, title: a.querySelector('h1,h2').textContent}))",
    )


