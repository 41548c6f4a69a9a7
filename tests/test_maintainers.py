"""What maintainers meet: a correct pull request is always green, a published build needs the
operator, and CI speaks on the pull request."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import FIXTURE_DATA, ROOT
from helpers import build, project_copy

STATES = ["baden-wuerttemberg", "bayern", "berlin", "brandenburg", "bremen", "hamburg", "hessen",
          "mecklenburg-vorpommern", "niedersachsen", "nordrhein-westfalen", "rheinland-pfalz", "saarland",
          "sachsen", "sachsen-anhalt", "schleswig-holstein", "thueringen", "bundesweit"]


def valid_entry(state: str, number: int) -> str:
    """A correct new entry as a maintainer would add it: counselling in Turkish and Russian."""
    return f"""
  - id: neue-beratung-{state}
    name: Neue Gründungsberatung {number}
    kind: counselling
    status: active
    topics: [start-up, recognition]
    address:
      street: Hauptstraße {number}
      postcode: "{10000 + number * 1111:05d}"
      city: Neustadt {number}
      state: {state}
    phones:
      - number: "0421 33600{number:02d}"
        label: counselling
    email: beratung{number}@example.org
    website: https://example.org/{state}/
    languages: [de, tr, ru, uk]
    free: true
    description:
      de: Neue Beratung für Gründerinnen und Gründer.
      tr: Kendi işini kuranlar için yeni danışmanlık.
      ru: Новая консультация для начинающих предпринимателей.
    sources:
      - title: Seite der Beratung
        url: https://example.org/{state}/
        date: "2026-10"
    checked: "2026-11"
"""


def test_valid_additions_in_every_state_keep_the_suite_green(tmp_path):
    """A copy of the real project with a correct new entry in each state (and nationwide),
    counselling in tr and ru: validation passes and every test that reads the real data
    (marked realdata) stays green on it."""
    project = project_copy(tmp_path / "project")
    path = project / "data" / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n"
                    + "".join(valid_entry(state, number) for number, state in enumerate(STATES, 1)), encoding="utf-8")
    assert len(yaml.safe_load(path.read_text(encoding="utf-8"))["institutions"]) > len(STATES)
    result = subprocess.run([sys.executable, "-m", "wegweiser", "--config", str(project / "mkdocs.yml"), "validate"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    env = {**os.environ, "WEGWEISER_PROJECT": str(project), "WEGWEISER_DOWNLOAD": "false"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "realdata", "-p", "no:cacheprovider",
                             "--basetemp", str(tmp_path / "inner")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout) and "failed" not in result.stdout


def test_a_published_build_needs_the_operator(tmp_path):
    project = project_copy(tmp_path)
    shutil.copy(FIXTURE_DATA / "site.yaml", project / "data" / "site.yaml")   # no operator
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEGWEISER_DOWNLOAD": "false",
           "WEGWEISER_SITE_URL": "https://wegweiser.example.org/"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "data/site.yaml: operator is missing" in result.stdout + result.stderr
    # a preview (no public address) builds and shows the note instead
    env.pop("WEGWEISER_SITE_URL")
    build(project, tmp_path / "preview", download=False, env={"WEGWEISER_SITE_URL": ""})
    assert "⚠" in (tmp_path / "preview" / "impressum" / "index.html").read_text(encoding="utf-8")


def test_under_github_actions_problems_become_annotations(site_copy):
    path = site_copy / "data" / "institutions.yaml"
    text = path.read_text(encoding="utf-8").replace("info@example.org", "info@example", 1).replace("kind: network", "kind: netzwerk")
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "wegweiser", "--config", str(site_copy / "mkdocs.yml"), "validate"],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(lines) == 2, result.stdout
    email_line = next(n for n, line in enumerate(text.splitlines(), 1) if "info@example" in line)
    assert lines[0].startswith(f"::error file=data/institutions.yaml,line={email_line},col=12,title=beratung-bremen › email::")
    assert '"info@example" is not an e-mail address' in lines[0] and "%0ADE: " in lines[0]
    assert 'unknown kind \\"netzwerk\\"' in lines[1] or 'unknown kind "netzwerk"' in lines[1]
