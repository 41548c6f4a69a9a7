"""The open-data export round-trips to the same entries."""

from __future__ import annotations

import csv
import io
import json

import yaml

from conftest import ROOT
from wegweiser.export import to_csv, to_json
from wegweiser.validate import load


def test_json_and_csv_round_trip_to_the_data(site_config):
    data = load(site_config)
    raw = yaml.safe_load((site_config.data_dir / "institutions.yaml").read_text(encoding="utf-8"))["institutions"]
    organizations = json.loads(to_json(data))["organizations"]
    rows = list(csv.DictReader(io.StringIO(to_csv(data))))
    assert [o["id"] for o in organizations] == [r["id"] for r in rows] == [e["id"] for e in raw]
    for entry, organization, row in zip(raw, organizations, rows):
        assert organization["name"] == row["name"] == entry["name"]
        assert organization["email"] == entry.get("email") and row["email"] == (entry.get("email") or "")
        assert organization["location"]["postal_code"] == entry["address"].get("postcode")
        assert row["postal_code"] == (entry["address"].get("postcode") or "")
        assert organization["topics"] == entry["topics"] and row["topics"].split(";") == entry["topics"]
        assert organization["assured_date"] == row["assured_date"] == entry["checked"]
        for code in ("de", "tr", "ru"):
            assert organization["description"][code] == row[f"description_{code}"] == entry["description"][code]


def test_the_built_site_offers_the_export(built_site):
    exported = json.loads((built_site / "data" / "institutions.json").read_text(encoding="utf-8"))
    raw = yaml.safe_load((ROOT / "data" / "institutions.yaml").read_text(encoding="utf-8"))["institutions"]
    assert len(exported["organizations"]) == len(raw)
    assert (built_site / "data" / "institutions.csv").read_text(encoding="utf-8").count("\n") >= len(raw) + 1
