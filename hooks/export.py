"""Hook: the directory as open data in the built site (data/institutions.json and .csv),
so others can reuse it. Written once, during the default language's build."""

from __future__ import annotations

from pathlib import Path

from wegweiser import DataError, load_cached, load_site_config
from wegweiser.export import to_csv, to_json

# ---- Hooks ----


def on_post_build(config, **kwargs):
    site = load_site_config(Path(config.config_file_path))
    if config.plugins["i18n"].current_language != site.default.code:
        return
    try:
        data = load_cached(site)
    except DataError:
        return  # reported by hooks/macros.py
    folder = Path(config.site_dir) / "data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "institutions.json").write_text(to_json(data), encoding="utf-8")
    (folder / "institutions.csv").write_text(to_csv(data), encoding="utf-8")
