"""Reports maintainers need: translation status, stale entries, and (with network) dead links.

Plain Python: the command line (``python -m wegweiser report …``) and the maintainers' page
of the site (macro ``maintenance_report()``) use the same functions.
"""

from __future__ import annotations

import datetime as _dt
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .config import SiteConfig
from .model import PENDING, months_since
from .validate import Data


@dataclass(frozen=True)
class TranslationGap:
    """A page or data text that a language lacks, or whose German changed after translation."""

    language: str
    kind: str        # "missing-page" | "missing-text" | "outdated-page"
    where: str       # docs path, or data file › entry › field
    detail: str = ""


def _last_commit_time(root: Path, path: Path) -> Optional[int]:
    """Unix time of the last commit that touched ``path`` (None without git history)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=root,
                                capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    text = result.stdout.strip()
    return int(text) if result.returncode == 0 and text.isdigit() else None


def _commit_times(root: Path, folder: str) -> Optional[dict[str, int]]:
    """Unix time of the last commit of every file under ``folder`` (paths from ``root``), in one
    ``git log`` instead of one per file; None without git history."""
    try:
        result = subprocess.run(["git", "-c", "core.quotepath=off", "log", "--format=%x00%ct", "--name-only", "--relative",
                                 "--", folder], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    times: dict[str, int] = {}
    for commit in result.stdout.split("\0")[1:]:
        stamp, _, names = commit.partition("\n")
        for name in names.split("\n"):
            if name.strip() and stamp.strip().isdigit():
                times.setdefault(name.strip(), int(stamp.strip()))
    return times


def translation_status(site: SiteConfig, data: Optional[Data] = None) -> list[TranslationGap]:
    """Pages missing in a language, data texts missing (where a language may fall back to the
    default), and pages whose default-language text was committed after the translation."""
    docs = site.root / "docs"
    default = site.default.code
    gaps: list[TranslationGap] = []
    pages = sorted(p.relative_to(docs / default) for p in (docs / default).rglob("*.md"))
    times = _commit_times(site.root, "docs")

    def last_commit(path: Path) -> Optional[int]:
        if times is None:
            return None
        return times.get(path.relative_to(site.root).as_posix())

    for language in site.codes:
        if language == default:
            continue
        for page in pages:
            own = docs / language / page
            if not own.exists():
                gaps.append(TranslationGap(language, "missing-page", f"docs/{language}/{page.as_posix()}"))
                continue
            german, translated = last_commit(docs / default / page), last_commit(own)
            if german and translated and german > translated:
                changed = _dt.datetime.fromtimestamp(german, _dt.timezone.utc).date().isoformat()
                gaps.append(TranslationGap(language, "outdated-page", f"docs/{language}/{page.as_posix()}",
                                           f"docs/{default}/{page.as_posix()} changed {changed}"))
    if data is not None:
        for language in site.codes:
            for name, source in data.sources.items():
                for where in _missing_texts(source.data, language, site.codes, default):
                    gaps.append(TranslationGap(language, "missing-text", f"data/{name} › {where}"))
    return gaps


def _missing_texts(raw, language: str, codes: tuple, default: str, path: str = ""):
    """Paths of localized texts (mappings with the default language) that lack ``language``."""
    if isinstance(raw, dict):
        keys = set(raw)
        if default in keys and keys <= set(codes):
            value = raw.get(language)
            if not value or (isinstance(value, str) and value.strip().lower() == PENDING):
                yield path
            return
        for key, value in raw.items():
            yield from _missing_texts(value, language, codes, default, f"{path}.{key}" if path else str(key))
    elif isinstance(raw, list):
        for index, value in enumerate(raw):
            ident = value.get("id") if isinstance(value, dict) else None
            label = ident if isinstance(ident, str) else f"[{index + 1}]"
            yield from _missing_texts(value, language, codes, default, f"{path} › {label}" if path else label)


@dataclass(frozen=True)
class StaleEntry:
    id: str
    name: str
    checked: str
    months: int


def stale_entries(data: Data, today: Optional[_dt.date] = None, months: Optional[int] = None) -> list[StaleEntry]:
    """Active entries whose ``checked`` is older than ``months`` (default: the site's setting),
    oldest first. Ended entries are history and need no check."""
    today = today or _dt.date.today()
    limit = months if months is not None else data.settings.stale_after_months
    found = []
    for item in data.active():
        age = months_since(item.checked, today)
        if age > limit:
            found.append(StaleEntry(item.id, item.name, item.checked, age))
    return sorted(found, key=lambda entry: (entry.checked, entry.id))


def directory_figures(data: Data) -> dict:
    """The directory's coverage as issue 9 counts it: current entries (active, a source dated 2022
    or later), per state, nationwide, and with counselling in each site language."""
    current = [item for item in data.institutions.values() if item.is_current()]
    states = [state.id for state in data.taxonomy.states if state.id != "bundesweit"]
    per_state: list[dict[str, Any]] = [{"id": state, "current": sum(item.address.state == state for item in current)}
                                       for state in states]
    return {
        "current": len(current),
        "active": len(data.active()),
        "history": len(data.history()),
        "nationwide": sum(item.address.state == "bundesweit" for item in current),
        "states_total": len(states),
        "states_with_two": sum(row["current"] >= 2 for row in per_state),
        "per_state": per_state,
        "languages": {code: sum(code in item.languages for item in current) for code in data.config.codes},
    }


def check_links(data: Data, timeout: float = 10.0) -> list[tuple[str, str, str]]:
    """(id, url, problem) for every website that does not answer with success. Needs network;
    never part of the tests."""
    problems = []
    for item in data.institutions.values():
        if not item.website:
            continue
        request = urllib.request.Request(item.website, method="HEAD", headers={"User-Agent": "Wegweiser link check"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status >= 400:
                    problems.append((item.id, item.website, f"HTTP {response.status}"))
        except urllib.error.HTTPError as error:
            problems.append((item.id, item.website, f"HTTP {error.code}"))
        except (urllib.error.URLError, OSError) as error:
            problems.append((item.id, item.website, str(getattr(error, "reason", error))))
    return problems
