"""What each kind of error in the data gets said: the message and a hint a maintainer can act
on, in English and German (``validate`` finds the errors; this module words them)."""

from __future__ import annotations

import difflib
import re
import typing
from dataclasses import dataclass
from typing import Any, Callable, Optional

from pydantic import BaseModel

# ---- Showing values safely (terminal, CI log, GitHub annotations) ----

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(value: Any, limit: int = 80) -> str:
    """A data value as it may appear in a message: quoted, control characters written as
    ``\\u001b``, long values shortened. Data can never start a terminal escape or a CI command."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return '"' + _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + '"'


def safe_text(text: str) -> str:
    """Text with control characters written as ``\\u001b``."""
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# ---- The message for each kind of error ----

MESSAGES = {
    # pydantic error type: (English, German)
    "missing": ("required field is missing", "Pflichtfeld fehlt"),
    "extra_forbidden": ("unknown field", "unbekanntes Feld"),
    "string_type": ("expected text", "Text erwartet"),
    "int_type": ("expected a whole number", "ganze Zahl erwartet"),
    "float_type": ("expected a number", "Zahl erwartet"),
    "bool_type": ("expected true or false", "true oder false erwartet"),
    "list_type": ("expected a list (lines starting with '- ')", "Liste erwartet (Zeilen mit '- ')"),
    "dict_type": ("expected a mapping (key: value)", "Zuordnung erwartet (Schlüssel: Wert)"),
    "model_type": ("expected a mapping (key: value)", "Zuordnung erwartet (Schlüssel: Wert)"),
    "model_attributes_type": ("expected a mapping (key: value)", "Zuordnung erwartet (Schlüssel: Wert)"),
    "string_too_short": ("must not be empty", "darf nicht leer sein"),
    "too_short": ("must not be empty", "darf nicht leer sein"),
    "string_too_long": ("is too long", "ist zu lang"),
    "too_long": ("has too many entries", "hat zu viele Einträge"),
    "greater_than_equal": ("number too small", "Zahl zu klein"),
    "literal_error": ("not an allowed value", "kein erlaubter Wert"),
    "slug": (
        "is not a valid id",
        "ist keine gültige ID",
    ),
    "email": ("is not an e-mail address", "ist keine E-Mail-Adresse"),
    "phone": ("is not a usable phone number", "ist keine brauchbare Telefonnummer"),
    "postcode": ("is not a German postcode", "ist keine Postleitzahl"),
    "date": ("is not a date", "ist kein Datum"),
    "future_date": ("lies in the future", "liegt in der Zukunft"),
    "url": ("is not an http(s) link", "ist kein http(s)-Link"),
    "control_character": ("contains an invisible control character", "enthält ein unsichtbares Steuerzeichen"),
}

# Field names maintainers write in German (or as they would say them), and what the model calls them.
_GERMAN_KEYS = {
    "strasse": "street", "straße": "street", "str": "street", "adresse": "address", "anschrift": "address",
    "plz": "postcode", "postleitzahl": "postcode", "ort": "city", "stadt": "city", "bundesland": "state",
    "land": "state", "telefon": "phones", "tel": "phones", "phone": "phones", "telefonnummer": "phones",
    "nummer": "number", "mail": "email", "e-mail": "email", "webseite": "website", "internetseite": "website",
    "homepage": "website", "url": "website", "beschreibung": "description", "quelle": "sources",
    "quellen": "sources", "source": "sources", "geprueft": "checked", "geprüft": "checked", "stand": "checked",
    "datum": "date", "titel": "title", "sprachen": "languages", "sprache": "languages", "themen": "topics",
    "thema": "topics", "art": "kind", "typ": "kind", "kostenlos": "free", "gratis": "free", "partner": "partners",
    "kontakt": "contact", "ansprechpartner": "contact", "nachfolger": "successor", "zustand": "status",
}

_QUOTE_EN = "write it in quotes"
_QUOTE_DE = "in Anführungszeichen schreiben"
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _model_at(model: Any, loc: tuple) -> Any:
    """The model class that holds the field at ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None:
            return None
        info = fields.get(part)
        current = _inner_model(info.annotation) if info else None
    return current


def _field_home(model: Any, name: Optional[str]) -> Optional[str]:
    """The sub-mapping of ``model`` that has a field ``name`` (``street`` → ``address``)."""
    if not name:
        return None
    for field_name, info in getattr(model, "model_fields", {}).items():
        inner = _inner_model(info.annotation)
        if inner is not None and name in inner.model_fields:
            return field_name
    return None


def _inner_model(annotation: Any) -> Any:
    """The BaseModel class inside ``Optional[list[X]]`` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _hints_for_wrong_type(kind: str, written: Optional[str], value: Any) -> tuple[str, str]:
    """Hints for the usual slips: yes/no, numbers and leading zeros where text belongs."""
    if kind == "string_type":
        if isinstance(value, bool):
            return (f'YAML reads {written or value} as true/false; {_QUOTE_EN}: "{written or value}"',
                    f'YAML liest {written or value} als wahr/falsch; {_QUOTE_DE}: "{written or value}"')
        if isinstance(value, (int, float)):
            text = written if written is not None else str(value)
            extra_en = " – otherwise the leading 0 is lost" if text.startswith("0") else ""
            extra_de = " – sonst geht die führende 0 verloren" if text.startswith("0") else ""
            return f'{_QUOTE_EN}: "{text}"{extra_en}', f'{_QUOTE_DE}: "{text}"{extra_de}'
        if value is None:
            return "the value is empty: write text after the colon", "der Wert ist leer: nach dem Doppelpunkt Text schreiben"
    if kind == "bool_type" and isinstance(value, str):
        return "write true or false, without quotes", "true oder false schreiben, ohne Anführungszeichen"
    return "", ""


@dataclass
class Error:
    """One of pydantic's errors, with what the explanations below need to know about it."""

    kind: str
    loc: tuple
    value: Any
    ctx: dict
    written: Optional[str]
    model: type[BaseModel]
    en: str
    de: str
    hint_en: str = ""
    hint_de: str = ""
    meant: Optional[tuple] = None   # the place an unknown field was probably meant for


# ---- What each kind of error gets said (hints in English and German) ----


def _hint(found: Error, en: str, de: str) -> None:
    found.hint_en, found.hint_de = en, de


def _explain_phone(found: Error) -> None:
    if isinstance(found.ctx.get("reason"), tuple):
        _hint(found, *found.ctx["reason"])


def _explain_url(found: Error) -> None:
    if isinstance(found.value, str) and re.match(r"^(www\.|[\w-]+\.[a-z]{2,})", found.value):
        _hint(found, f'did you mean "https://{found.value}"?', f'meinten Sie "https://{found.value}"?')


def _explain_date(found: Error) -> None:
    _hint(found, 'write year-month-day: "2025", "2025-03" or "2025-03-31"',
          'Jahr-Monat-Tag schreiben: "2025", "2025-03" oder "2025-03-31"')
    german = _GERMAN_DATE.fullmatch(found.value.strip()) if isinstance(found.value, str) else None
    if german:
        day, month, year = german.groups()
        iso = f"{year}-{int(month):02d}-{int(day):02d}"
        _hint(found, f'write dates as year-month-day: "{iso}"', f'Datum als Jahr-Monat-Tag schreiben: "{iso}"')


def _explain_postcode(found: Error) -> None:
    _hint(found, '5 digits, in quotes: "28195"', '5 Ziffern, in Anführungszeichen: "28195"')


def _explain_slug(found: Error) -> None:
    en, de = "lowercase letters a-z, digits and hyphens", "Kleinbuchstaben a-z, Ziffern und Bindestriche"
    suggestion = _slugify(found.value) if isinstance(found.value, str) else ""
    if suggestion and suggestion != found.value:
        en, de = f'{en}, for example "{suggestion}"', f'{de}, zum Beispiel "{suggestion}"'
    _hint(found, en, de)


def _explain_control_character(found: Error) -> None:
    found.en = f"{found.en} ({found.ctx.get('char', '')})"
    found.de = f"{found.de} ({found.ctx.get('char', '')})"
    _hint(found, "retype the text; it often comes from copying out of a PDF",
          "Text neu tippen; das Zeichen kommt oft beim Kopieren aus einem PDF")


def _explain_wrong_type(found: Error) -> None:
    _hint(found, *_hints_for_wrong_type(found.kind, found.written, found.value))


def _explain_too_long(found: Error) -> None:
    limit = found.ctx.get("max_length")
    _hint(found, f"at most {limit} characters", f"höchstens {limit} Zeichen")


def _explain_unknown_field(found: Error) -> None:
    name = str(found.loc[-1])
    holder = _model_at(found.model, found.loc[:-1])
    allowed = list(getattr(holder, "model_fields", {}).keys())
    found.en, found.de = f"unknown field {shown(name)}", f"unbekanntes Feld {shown(name)}"
    mapped = _GERMAN_KEYS.get(name.lower().strip())
    meant, under = (mapped, None) if mapped in allowed else (None, _field_home(holder, mapped))
    if meant is None and under is None:
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
        meant = close[0] if close else None
    if meant:
        found.meant = found.loc[:-1] + (meant,)
    if meant == "phones":
        _hint(found, 'did you mean "phones"? Write it as a list: phones: and on the next line   - number: "0421 3377173"',
              'meinten Sie "phones"? Als Liste schreiben: phones: und in der nächsten Zeile   - number: "0421 3377173"')
    elif under:
        _hint(found, f'did you mean "{mapped}"? It belongs under "{under}:"', f'meinten Sie "{mapped}"? Es gehört unter "{under}:"')
    elif meant:
        _hint(found, f'did you mean "{meant}"?', f'meinten Sie "{meant}"?')
    else:
        _hint(found, "allowed: " + ", ".join(allowed), "erlaubt: " + ", ".join(allowed))


def _explain_pending_default(found: Error) -> None:
    default = found.ctx["default"]
    found.en, found.de = f"the {default} text cannot be pending", f"der Text auf {default} kann nicht „pending“ sein"
    _hint(found, "it is the text the translations follow", "nach ihm richten sich die Übersetzungen")


def _explain_missing_translation(found: Error) -> None:
    missing, languages = found.ctx["missing"], found.ctx["languages"]
    found.en, found.de = f'missing translation "{missing}"', f'Übersetzung "{missing}" fehlt'
    _hint(found, f"languages: {languages}; not translated yet? write: pending",
          f"Sprachen: {languages}; noch nicht übersetzt? schreiben Sie: pending")


def _explain_unknown_language(found: Error) -> None:
    unknown, languages = found.ctx["unknown"], found.ctx["languages"]
    found.en, found.de = f'unknown language "{unknown}"', f'unbekannte Sprache "{unknown}"'
    _hint(found, f"the site's languages: {languages}", f"Sprachen der Seite: {languages}")


def _explain_literal(found: Error) -> None:
    expected = found.ctx.get("expected", "")
    _hint(found, f"allowed: {expected}", f"erlaubt: {expected}")


def _explain_missing(found: Error) -> None:
    if found.loc and found.loc[-1] == "status":
        _hint(found, "active (runs today), inactive (paused) or defunct (ended)",
              "active (läuft heute), inactive (pausiert) oder defunct (beendet)")


EXPLAIN: dict[str, Callable[[Error], None]] = {
    "phone": _explain_phone, "url": _explain_url, "date": _explain_date, "postcode": _explain_postcode,
    "slug": _explain_slug, "control_character": _explain_control_character,
    "string_type": _explain_wrong_type, "bool_type": _explain_wrong_type, "string_too_long": _explain_too_long,
    "extra_forbidden": _explain_unknown_field, "pending_default": _explain_pending_default,
    "missing_translation": _explain_missing_translation, "unknown_language": _explain_unknown_language,
    "literal_error": _explain_literal, "missing": _explain_missing,
}


def _slugify(text: str) -> str:
    """What an id for ``text`` would look like: lower case, ü → ue, hyphens."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")[:80]
