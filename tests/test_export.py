"""The open-data export round-trips to the same entries, follows HSDS 3 where it claims to, and
its CSV is safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from conftest import FIXTURE_SITE
from wegweiser import layout
from wegweiser.export import to_csv, to_json
from wegweiser.validate import DataError, load


def test_json_and_csv_round_trip_to_the_data(site_config):
    data = load(site_config)
    raw = yaml.safe_load((site_config.data_dir / "institutions.yaml").read_text(encoding="utf-8"))["institutions"]
    organizations = json.loads(to_json(data))["organizations"]
    rows = list(csv.DictReader(io.StringIO(to_csv(data), newline="")))
    assert [o["id"] for o in organizations] == [r["id"] for r in rows] == [e["id"] for e in raw]
    for entry, organization, row in zip(raw, organizations, rows):
        assert organization["name"] == row["name"] == entry["name"]
        assert organization["email"] == entry.get("email") and row["email"] == (entry.get("email") or "")
        assert organization["website"] == entry.get("website")
        address = organization["locations"][0]["addresses"][0]
        assert address["postal_code"] == entry["address"].get("postcode")
        assert row["postal_code"] == (entry["address"].get("postcode") or "")
        assert organization["x_wegweiser"]["topics"] == entry["topics"] and row["topics"].split(";") == entry["topics"]
        service = organization["services"][0]
        assert service["assured_date"] == row["assured_date"] == entry["checked"]
        assert service["status"] == row["status"] == entry["status"]
        assert [phone["number"] for phone in organization["phones"]] == [p["number"] for p in entry.get("phones", [])]
        for code in ("de", "tr", "ru"):
            assert organization["description"][code] == row[f"description_{code}"] == entry["description"][code]


def _with(data, ident, **changes):
    """The data with one entry changed past validation (the CSV must be safe on its own)."""
    data.institutions[ident] = data.institutions[ident].model_copy(update=changes)
    return data


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://evil","Call")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "＝1+1"])
def test_csv_cells_that_look_like_formulas_are_neutralised(site_config, formula):
    data = _with(load(site_config), "netz-stade", name=formula, contact=formula)
    rows = list(csv.reader(io.StringIO(to_csv(data), newline="")))
    assert len(rows) == 3, "a value split a row"
    for column in ("name", "contact"):
        value = rows[2][rows[0].index(column)]
        assert value == "'" + formula, value


def test_a_line_break_in_a_value_stays_in_its_row(site_config):
    data = load(site_config)
    description = data.institutions["netz-stade"].description
    text = "Zeile eins\rZeile zwei\nZeile drei\u2028vier"
    _with(data, "netz-stade", name="\rx", description=description.model_copy(update={"root": {**description.root, "de": text}}))
    output = to_csv(data)
    assert output.count("\r\n") == 3 and "\r" not in output.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(output, newline="")))
    assert len(rows) == 3 and "Zeile eins Zeile zwei Zeile drei vier" in rows[2]
    assert rows[2][rows[0].index("name")] == "' x" or rows[2][rows[0].index("name")] == " x"


def test_the_validator_already_refuses_control_characters(site_config):
    path = site_config.data_dir / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Netz Stade", 'name: "Netz\\rStade"'), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(site_config)
    assert "control character (U+000D)" in caught.value.problems[0].format("en")


def test_the_built_site_offers_the_export(built_site):
    exported = json.loads((built_site / layout.EXPORT_JSON).read_text(encoding="utf-8"))
    raw = yaml.safe_load((FIXTURE_SITE / "institutions.yaml").read_text(encoding="utf-8"))["institutions"]
    assert [o["id"] for o in exported["organizations"]] == [entry["id"] for entry in raw]
    rows = list(csv.reader(io.StringIO((built_site / layout.EXPORT_CSV).read_bytes().decode("utf-8"), newline="")))
    assert len(rows) == len(raw) + 1
