"""Shared fixtures: the tiny data set, a copy of the project, one built fixture site, a browser.

Behaviour is tested on fixtures, never on today's real directory: the built site the browser
tests use has the real pages, steps, facts and glossary, but the institutions of
``tests/fixtures/site/institutions.yaml``. The real data is checked only for what holds for any
valid data (tests marked ``realdata``), so a maintainer's correct addition never turns CI red.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The project whose real data the `realdata` tests read (another copy when proving that valid
# additions keep the suite green, see test_maintainers.py).
PROJECT = Path(os.environ.get("WEGWEISER_PROJECT", ROOT)).resolve()
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import build, chromium_path, project_copy, serve  # noqa: E402
from wegweiser.config import load_site_config  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}


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
def fixture_project(tmp_path_factory):
    """The project with the fixture directory in place of the real one."""
    folder = project_copy(tmp_path_factory.mktemp("project"), PROJECT)
    for name in ("institutions.yaml", "site.yaml"):
        shutil.copy(FIXTURE_SITE / name, folder / "data" / name)
    return folder


@pytest.fixture(scope="session")
def built_site(fixture_project):
    """The fixture project, built once per test run with `mkdocs build --strict` (with the
    offline download, as the README's build command makes it)."""
    return build(fixture_project, fixture_project / "site")


@pytest.fixture(scope="session")
def offline_site(built_site, tmp_path_factory):
    """The download for use from disk, unpacked from the built site's own zip (not built again)."""
    from wegweiser import layout

    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / layout.DOWNLOAD_ZIP) as archive:
        archive.extractall(out)
    return out / "wegweiser"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real project as it is, built strictly: for checks that hold for any valid data."""
    return build(PROJECT, tmp_path_factory.mktemp("real-site"), download=False)


# ---- Browser (Debian chromium through Playwright) ----


@pytest.fixture(scope="session")
def server(built_site):
    httpd, address = serve(built_site)
    yield address
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


def wait_until_saved(page, language: str) -> None:
    """Wait until the service worker says every page of ``language`` is in its cache."""
    page.wait_for_selector(f"html[data-offline-ready='{language}']", state="attached", timeout=60000)


def saved_visit(browser, url: str, language: str):
    """A reader's first visit on a phone, until the pages of ``language`` are saved for offline
    use; returns the browser context and the page."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    wait_until_saved(page, language)
    return context, page


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
