"""Open data: the directory as JSON and CSV, following Open Referral HSDS 3 where it claims to.

HSDS 3 (Human Services Data Specification) fields used: organization ``id``, ``name``,
``description``, ``email``, ``website``, ``phones[].number`` (with ``description``),
``locations[].addresses[]`` (``address_1``, ``city``, ``state_province``, ``postal_code``,
``country``), ``languages``; a service per organisation with ``status`` (active / inactive /
defunct) and ``assured_date`` (when a maintainer last checked it). Wegweiser's own fields keep
their names under ``x_wegweiser`` (kind, topics, free, sources, successor).

The CSV is safe to open in a spreadsheet: a cell that starts like a formula (= + - @, tab, CR)
gets a leading apostrophe (OWASP's advice), line breaks inside a cell become spaces, and rows end
in CRLF with every field quoted.
"""

from __future__ import annotations

import csv
import io
import json
import re

from .model import Data

CSV_FIELDS = [
    "id", "name", "status", "kind", "topics", "address_1", "postal_code", "city", "state_province", "country",
    "phones", "email", "website", "contact", "languages", "free", "assured_date", "newest_source_date", "sources",
    "successor",
]
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def records(data: Data) -> list[dict]:
    """One HSDS organisation (with its one service and location) per institution."""
    out = []
    for item in data.institutions.values():
        address = item.address
        out.append({
            "id": item.id,
            "name": item.name,
            "description": {code: item.description.get(code) for code in data.config.codes if item.description.get(code)},
            "email": item.email,
            "website": item.website,
            "phones": [{"number": phone.number, "description": phone.label} for phone in item.phones],
            "locations": [{
                "addresses": [{
                    "address_1": address.street,
                    "postal_code": address.postcode,
                    "city": address.city,
                    "state_province": address.state,
                    "country": "DE",
                }],
            }],
            "languages": list(item.languages),
            "services": [{"id": item.id + "-service", "name": item.name, "status": item.status,
                          "assured_date": item.checked}],
            "x_wegweiser": {
                "kind": item.kind,
                "topics": list(item.topics),
                "free": item.free,
                "contact": item.contact,
                "sources": [source.model_dump(exclude_none=True) for source in item.sources],
                "newest_source_date": item.newest_source_date(),
                "successor": item.successor,
            },
        })
    return out


def to_json(data: Data) -> str:
    payload = {
        "description": "Wegweiser directory: institutions, networks and training centres for people "
                       "with a migration background starting a business in Germany.",
        "fields": "Open Referral HSDS 3: organization, services[].status/assured_date, locations[].addresses[], "
                  "phones[]; Wegweiser's own fields under x_wegweiser",
        "organizations": records(data),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def cell(value: object) -> str:
    """A value as a CSV cell no spreadsheet runs: no formula, no line break."""
    text = "" if value is None else str(value)
    text = _BREAKS.sub(" ", text)
    if text.startswith(_FORMULA):
        text = "'" + text
    return text


def to_csv(data: Data) -> str:
    """A flat table: lists joined with ';', one description column per language."""
    columns = CSV_FIELDS + [f"description_{code}" for code in data.config.codes]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    for record in records(data):
        address = record["locations"][0]["addresses"][0]
        own = record["x_wegweiser"]
        service = record["services"][0]
        row = {
            "id": record["id"], "name": record["name"], "status": service["status"], "kind": own["kind"],
            "topics": ";".join(own["topics"]),
            "address_1": address["address_1"], "postal_code": address["postal_code"],
            "city": address["city"], "state_province": address["state_province"], "country": "DE",
            "phones": ";".join(phone["number"] for phone in record["phones"]),
            "email": record["email"], "website": record["website"], "contact": own["contact"],
            "languages": ";".join(record["languages"]),
            "free": "" if own["free"] is None else str(own["free"]).lower(),
            "assured_date": service["assured_date"], "newest_source_date": own["newest_source_date"],
            "sources": "; ".join(source["title"] + (f" <{source['url']}>" if source.get("url") else "")
                                 + (f" ({source['date']})" if source.get("date") else "") for source in own["sources"]),
            "successor": own["successor"],
        }
        for code in data.config.codes:
            row[f"description_{code}"] = record["description"].get(code, "")
        writer.writerow([cell(row[column]) for column in columns])
    return buffer.getvalue()
