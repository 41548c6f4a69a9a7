"""Hook: the directory as open data in the built site (data/institutions.json and .csv),
so others can reuse it. Written once, during the default language's build."""

from __future__ import annotations

from pathlib import Path

from wegweiser import DataError, layout, load_cached, load_site_config
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
    site_dir = Path(config.site_dir)
    (site_dir / layout.EXPORT_JSON).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / layout.EXPORT_JSON).write_text(to_json(data), encoding="utf-8")
    # newline="" keeps the CSV's CRLF row ends as they are
    with open(site_dir / layout.EXPORT_CSV, "w", encoding="utf-8", newline="") as handle:
        handle.write(to_csv(data))
