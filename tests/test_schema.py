"""The editors' JSON Schemas come from the validator's model and must be current."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import PROJECT, ROOT
from wegweiser.config import load_site_config
from wegweiser.schema import build_schemas, stale_schemas, write_schemas


@pytest.mark.realdata
def test_committed_schemas_are_current():
    site = load_site_config(PROJECT / "mkdocs.yml")
    assert stale_schemas(site) == [], "run: .venv/bin/python -m wegweiser schema"


def test_a_new_kind_makes_the_schema_stale(site_copy):
    site = load_site_config(site_copy / "mkdocs.yml")
    write_schemas(site)
    assert stale_schemas(site) == []
    taxonomy = site_copy / "data" / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        "kinds:\n", "kinds:\n  - {id: chamber, name: {de: Kammer, tr: Oda, ru: Палата}}\n", 1), encoding="utf-8")
    assert [path.name for path in stale_schemas(site)] == ["institutions.schema.json", "steps.schema.json"]


def test_schema_offers_allowed_values_and_rejects_unknown_keys(site_copy):
    site = load_site_config(site_copy / "mkdocs.yml")
    schema = build_schemas(site)["institutions.yaml"]
    institution = schema["$defs"]["Institution"]
    assert institution["additionalProperties"] is False
    assert institution["properties"]["kind"]["enum"] == ["counselling", "network"]
    assert "bremen" in schema["$defs"]["Address"]["properties"]["state"]["enum"]
    assert set(schema["$defs"]["Localized"]["required"]) == {"de", "tr", "ru"}


def test_every_data_file_names_its_schema():
    for path in sorted((PROJECT / "data").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{path.stem}.schema.json", path.name
