"""Wegweiser's core: load, validate and render the guide's data.

Plain Python (PyYAML, pydantic, Jinja): nothing here imports MkDocs, so the hooks stay thin
adapters and a later move to another generator keeps this package as it is.
"""

from __future__ import annotations

import gc
from pathlib import Path

from .config import SiteConfig, load_site_config
from .model import FILES, Data
from .validate import DataError, Problem, load

__all__ = ["Data", "DataError", "Problem", "SiteConfig", "load_cached", "load_site_config"]

_cache: dict[tuple, Data | DataError] = {}


def load_cached(site: SiteConfig, data_dir: Path | None = None) -> Data:
    """Load the data once per state of the files: the three language builds share one load,
    and ``mkdocs serve`` reloads as soon as a data file changes."""
    data_dir = Path(data_dir or site.data_dir)
    stamp = tuple((name, (data_dir / name).stat().st_mtime_ns if (data_dir / name).exists() else None) for name in FILES)
    key = (site, str(data_dir), stamp)
    if key not in _cache:
        if _cache:
            gc.unfreeze()   # the data of before may go now
        _cache.clear()
        # Loading builds hundreds of thousands of small objects that all stay: Python's cyclic
        # garbage collector would walk them again and again (5,000 entries: 17 s instead of 3).
        # It is paused while they are built, and they are then moved out of its sight
        # (gc.freeze), so the rest of the build does not walk them on every collection either.
        enabled = gc.isenabled()
        gc.disable()
        try:
            _cache[key] = load(site, data_dir)
        except DataError as error:
            _cache[key] = error   # the same problems for every page until a file changes
        finally:
            if enabled:
                gc.enable()
        gc.freeze()
    found = _cache[key]
    if isinstance(found, DataError):
        raise found
    return found
