"""Shared helpers: the fixture data set, the site's languages, a built copy of the real site."""

from __future__ import annotations

import os
import shutil
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
