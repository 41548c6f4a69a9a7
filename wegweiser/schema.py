"""JSON Schemas for editors, generated from the same model the validator uses.

``python -m wegweiser schema`` writes ``schema/<file>.schema.json`` for every data file. Each
YAML file names its schema in its first line (``# yaml-language-server: $schema=…``), so VS
Code's YAML extension completes fields, offers the allowed values and flags errors while typing.
The allowed kinds, topics, states and languages are taken from data/taxonomy.yaml, so a
schema is stale when they change: a test compares the committed files with fresh ones. Ids of
institutions and facts are left out on purpose: adding an institution (often done in the
browser) must not require regenerating a schema; the validator checks those references.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import yamlsource
from .config import SiteConfig
from .validate import FILES, models_for

SCHEMA_DIR = "schema"


def _ids(data_dir: Path, filename: str, key: str) -> list[str]:
    """The ids declared in a data file, read leniently (a broken file gives none)."""
    try:
        raw = yamlsource.read(data_dir / filename).data or {}
    except (OSError, yamlsource.YamlProblem):
        return []
    items = raw.get(key) if isinstance(raw, dict) else None
    return sorted({item["id"] for item in items or [] if isinstance(item, dict) and isinstance(item.get("id"), str)})


def _restrict(schema: dict, definition: str, prop: str, values: list[str]) -> None:
    """Allow only ``values`` in ``definition.prop`` (a text or a list of texts)."""
    node = schema.get("$defs", {}).get(definition, schema if definition == "" else None)
    if node is None or not values:
        return
    target = node["properties"][prop]
    for option in target.get("anyOf", [target]):
        if option.get("type") == "array":
            option["items"] = {"type": "string", "enum": values}
        elif option.get("type") == "string":
            option["enum"] = values
            option.pop("pattern", None)


def build_schemas(site: SiteConfig, data_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """One JSON Schema per data file."""
    data_dir = Path(data_dir or site.data_dir)
    models = models_for(site)
    allowed = {what: _ids(data_dir, "taxonomy.yaml", what) for what in ("kinds", "topics", "states", "languages")}
    schemas = {}
    for name in FILES:
        schema = models.files[name].model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Wegweiser data/{name}"
        if name == "institutions.yaml":
            _restrict(schema, "Institution", "kind", allowed["kinds"])
            _restrict(schema, "Institution", "topics", allowed["topics"])
            _restrict(schema, "Institution", "languages", allowed["languages"])
            _restrict(schema, "Address", "state", allowed["states"])
        if name == "steps.yaml":
            _restrict(schema, "HelpedBy", "kinds", allowed["kinds"])
            _restrict(schema, "HelpedBy", "topics", allowed["topics"])
        schemas[name] = schema
    return schemas


def schema_path(site: SiteConfig, name: str) -> Path:
    return site.root / SCHEMA_DIR / name.replace(".yaml", ".schema.json")


def render_schema(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(site: SiteConfig) -> list[Path]:
    """Write every schema; return the paths written."""
    written = []
    for name, schema in build_schemas(site).items():
        path = schema_path(site, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_schema(schema), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(site: SiteConfig) -> list[Path]:
    """Committed schemas that differ from what the model and data give now."""
    return [
        schema_path(site, name)
        for name, schema in build_schemas(site).items()
        if not schema_path(site, name).exists()
        or schema_path(site, name).read_text(encoding="utf-8") != render_schema(schema)
    ]
