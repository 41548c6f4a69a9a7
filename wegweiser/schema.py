"""JSON Schemas for editors, generated from the same model the validator uses.

``python -m wegweiser schema`` writes ``schema/<file>.schema.json`` for every data file. Each
YAML file names its schema in its first line (``# yaml-language-server: $schema=…``), so VS
Code's YAML extension completes fields, offers the allowed values and flags errors while typing.

What depends on the site is filled in here, as the validator gets it as context: the languages
of every ``Localized`` text (from mkdocs.yml), and the allowed values of every field the model
marks with ``Ref`` to a taxonomy list (kinds, topics, states, languages, phone labels – from
data/taxonomy.yaml). A schema is therefore stale when these change: a test and ``validate``
compare the committed files with fresh ones. Ids of institutions and facts are left out on
purpose: adding an institution (often done in the browser) must not require a schema run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import yamlsource
from .config import SiteConfig
from .model import FILES

SCHEMA_DIR = "schema"
_TAXONOMY = ("kinds", "topics", "states", "languages", "phone_labels")


def _ids(data_dir: Path, filename: str, key: str) -> list[str]:
    """The ids declared in a data file, read leniently (a broken file gives none)."""
    try:
        raw = yamlsource.read(data_dir / filename).data or {}
    except (OSError, yamlsource.YamlProblem):
        return []
    items = raw.get(key) if isinstance(raw, dict) else None
    return sorted({item["id"] for item in items or [] if isinstance(item, dict) and isinstance(item.get("id"), str)})


def _fill(node: Any, allowed: dict[str, list[str]]) -> None:
    """Replace every ``x-ref`` marker: taxonomy references get their allowed values."""
    if isinstance(node, dict):
        what = node.pop("x-ref", None)
        if what in _TAXONOMY and allowed.get(what):
            node["enum"] = allowed[what]
            node.pop("pattern", None)
        for value in node.values():
            _fill(value, allowed)
    elif isinstance(node, list):
        for value in node:
            _fill(value, allowed)


def _localized(schema: dict, site: SiteConfig) -> None:
    """A Localized text has one property per site language; the required ones must be there."""
    node = schema.get("$defs", {}).get("Localized")
    if node is None:
        return
    text = node.get("additionalProperties", {"type": "string", "minLength": 1})
    node.clear()
    node.update({
        "type": "object",
        "description": "A text in every language of the site",
        "properties": {code: dict(text) for code in site.codes},
        "required": list(site.required_codes),
        "additionalProperties": False,
    })


def build_schemas(site: SiteConfig, data_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """One JSON Schema per data file."""
    data_dir = Path(data_dir or site.data_dir)
    allowed = {what: _ids(data_dir, "taxonomy.yaml", what) for what in _TAXONOMY}
    schemas = {}
    for name, model in FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Wegweiser data/{name}"
        _fill(schema, allowed)
        _localized(schema, site)
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


# ---- The maintainers' cheat sheet (generated from the taxonomy, like the schemas) ----

CHEATSHEET = "CHEATSHEET.md"
_SECTIONS = (
    ("kinds", "Arten (`kind`)", "Was für eine Stelle ist das?"),
    ("topics", "Themen (`topics`)", "Wobei hilft sie? Mehrere möglich."),
    ("states", "Bundesländer (`address.state`)", "`bundesweit` für Hotlines, Portale und Bundesämter."),
    ("languages", "Beratungssprachen (`languages`)", "Nur, wenn eine Quelle die Sprache nennt. ISO-639-1-Code; "
                                                     "gibt es keinen, ISO 639-3 (Dari: `prs`)."),
    ("phone_labels", "Telefon-Bezeichnungen (`phones › label`)", "Wofür die Nummer ist."),
)


def cheatsheet(site: SiteConfig, data_dir: Path | None = None) -> str:
    """One page with every allowed value and its names, for maintainers (CHEATSHEET.md)."""
    data_dir = Path(data_dir or site.data_dir)
    try:
        raw = yamlsource.read(data_dir / "taxonomy.yaml").data or {}
    except (OSError, yamlsource.YamlProblem):
        raw = {}
    codes = site.codes
    lines = [
        "# Spickzettel: erlaubte Werte",
        "",
        "<!-- Erzeugt aus data/taxonomy.yaml mit `python -m wegweiser schema` – nicht von Hand ändern. -->",
        "",
        "Jeder Wert steht mit seinem Namen in jeder Sprache der Seite. Einen neuen Wert tragen Sie "
        "zuerst in `data/taxonomy.yaml` ein (mit `id` und `name` in jeder Sprache), dann "
        "`python -m wegweiser schema` ausführen. Mehr in [CONTRIBUTING.md](CONTRIBUTING.md).",
        "",
        "Pflichtfelder eines Eintrags: `id`, `name`, `kind`, `status` (`active` läuft heute, `inactive` "
        "ruht, `defunct` beendet), `topics`, `address.state`, `description` (in jeder Sprache), "
        "`sources` (mindestens eine), `checked`.",
        "",
    ]
    for key, title, note in _SECTIONS:
        items = raw.get(key) if isinstance(raw, dict) else None
        lines += [f"## {title}", "", note, "", "| id | " + " | ".join(codes) + " |", "|---" * (len(codes) + 1) + "|"]
        for item in items or []:
            if isinstance(item, dict):
                found = item.get("name")
                name: dict = found if isinstance(found, dict) else {}
                cells = [str(name.get(code, "")).replace("|", "\\|") for code in codes]
                lines.append(f"| `{item.get('id')}` | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def stale_cheatsheet(site: SiteConfig) -> bool:
    path = site.root / CHEATSHEET
    return not path.exists() or path.read_text(encoding="utf-8") != cheatsheet(site)


def write_cheatsheet(site: SiteConfig) -> Path:
    path = site.root / CHEATSHEET
    path.write_text(cheatsheet(site), encoding="utf-8")
    return path
