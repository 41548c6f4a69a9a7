"""Maintainers' reports list what they should for fixture data."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

from conftest import ROOT
from wegweiser.config import load_site_config
from wegweiser.reports import directory_figures, stale_entries, translation_status
from wegweiser.validate import load


def test_stale_entries_oldest_first(site_config):
    data = load(site_config)
    stale = stale_entries(data, today=dt.date(2026, 11, 22))
    assert [entry.id for entry in stale] == ["beratung-bremen"]          # 2010-03; netz-stade 2026-06 is fresh
    assert stale[0].months == (2026 - 2010) * 12 + (11 - 3)
    assert [e.id for e in stale_entries(data, today=dt.date(2027, 12, 1))] == ["beratung-bremen", "netz-stade"]


def git(folder, *args, when: str):
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=env)


def test_translation_status_finds_missing_and_outdated_pages(site_copy):
    for language in ("de", "tr", "ru"):
        (site_copy / "docs" / language).mkdir(parents=True)
        (site_copy / "docs" / language / "a.md").write_text(f"# A {language}\n", encoding="utf-8")
    (site_copy / "docs" / "de" / "b.md").write_text("# B\n", encoding="utf-8")
    (site_copy / "docs" / "tr" / "b.md").write_text("# B tr\n", encoding="utf-8")
    git(site_copy, "init", "-q", when="2026-01-01T10:00:00")
    git(site_copy, "add", "-A", when="2026-01-01T10:00:00")
    git(site_copy, "commit", "-qm", "first", when="2026-01-01T10:00:00")
    (site_copy / "docs" / "de" / "a.md").write_text("# A, neu\n", encoding="utf-8")
    git(site_copy, "commit", "-qam", "German changed", when="2026-03-01T10:00:00")
    site = load_site_config(site_copy / "mkdocs.yml")
    gaps = {(gap.language, gap.kind, gap.where) for gap in translation_status(site)}
    assert gaps == {
        ("tr", "outdated-page", "docs/tr/a.md"),
        ("ru", "outdated-page", "docs/ru/a.md"),
        ("ru", "missing-page", "docs/ru/b.md"),
    }


def test_report_commands_run(site_copy):
    def report(*args):
        result = subprocess.run([sys.executable, "-m", "wegweiser", "--config", str(site_copy / "mkdocs.yml"), "report", *args],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.splitlines()
    assert report("stale")[0].split()[:4] == ["2010-03", report("stale")[0].split()[1], "months", "beratung-bremen"]
    figures = report("directory")
    assert "current entries (active, a source dated 2022 or later): 0" in figures     # the fixture's sources are undated
    assert "current with counselling in tr: 0" in figures


def test_directory_figures_count_what_issue_nine_asks_for(site_config):
    path = site_config.data_dir / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '      - title: Testquelle\n    checked: "2010-03"', '      - title: Testquelle\n        date: "2023-04"\n    checked: "2010-03"'),
        encoding="utf-8")
    figures = directory_figures(load(site_config))
    assert figures["current"] == 1 and figures["languages"]["tr"] == 1 and figures["languages"]["ru"] == 0
    assert {row["id"]: row["current"] for row in figures["per_state"]}["bremen"] == 1
    assert figures["states_with_two"] == 0
