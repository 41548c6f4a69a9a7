"""Open data: the directory as JSON and CSV, with field names close to Open Referral HSDS.

HSDS (Human Services Data Specification) names: organization ``id``/``name``/``description``/
``email``/``url``; ``phones[].number``; ``location.address_1``/``city``/``postal_code``/
``state_province``/``country``; ``languages``; ``assured_date`` (when the data was last
checked). Wegweiser's own fields (``kind``, ``topics``, ``free``, ``source``) keep their names.
"""

from __future__ import annotations

import csv
import io
import json

from .validate import Data

CSV_FIELDS = [
    "id", "name", "kind", "topics", "address_1", "postal_code", "city", "state_province", "country",
    "phone", "email", "url", "contact", "languages", "free", "assured_date", "source",
]


def records(data: Data) -> list[dict]:
    """One HSDS-like record per institution, descriptions in every site language."""
    out = []
    for item in data.institutions:
        address = item.address
        out.append({
            "id": item.id,
            "name": item.name,
            "kind": item.kind,
            "topics": list(item.topics),
            "description": {code: getattr(item.description, code) for code in data.site.codes
                            if getattr(item.description, code, None)},
            "email": item.email,
            "url": item.website,
            "phones": [{"number": item.phone}] if item.phone else [],
            "location": {
                "address_1": address.street,
                "postal_code": address.postcode,
                "city": address.city,
                "state_province": address.state,
                "country": "DE",
            },
            "contact": item.contact,
            "languages": list(item.languages or []),
            "free": item.free,
            "assured_date": item.checked,
            "source": item.source,
        })
    return out


def to_json(data: Data) -> str:
    payload = {
        "description": "Wegweiser directory: institutions, networks and training centres for people "
                       "with a migration background starting a business in Germany.",
        "fields": "close to Open Referral HSDS (organization, location, phones, assured_date)",
        "organizations": records(data),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_csv(data: Data) -> str:
    """A flat table: lists joined with ';', one description column per language."""
    columns = CSV_FIELDS + [f"description_{code}" for code in data.site.codes]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records(data):
        location = record["location"]
        row = {
            "id": record["id"], "name": record["name"], "kind": record["kind"],
            "topics": ";".join(record["topics"]),
            "address_1": location["address_1"] or "", "postal_code": location["postal_code"] or "",
            "city": location["city"] or "", "state_province": location["state_province"], "country": "DE",
            "phone": record["phones"][0]["number"] if record["phones"] else "",
            "email": record["email"] or "", "url": record["url"] or "", "contact": record["contact"] or "",
            "languages": ";".join(record["languages"]),
            "free": "" if record["free"] is None else str(record["free"]).lower(),
            "assured_date": record["assured_date"], "source": record["source"],
        }
        for code in data.site.codes:
            row[f"description_{code}"] = record["description"].get(code, "")
        writer.writerow(row)
    return buffer.getvalue()
