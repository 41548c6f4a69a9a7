"""Hook: ``mkdocs serve`` rebuilds when a data file or a template changes.

MkDocs watches docs/ and mkdocs.yml on its own; the YAML data in data/ and the core with its
Jinja templates (wegweiser/templates/) live outside them."""

from __future__ import annotations

from pathlib import Path

# ---- Hooks ----


def on_serve(server, config, builder, **kwargs):
    root = Path(config.config_file_path).parent
    for folder in ("data", "wegweiser"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server
