"""Load every data file, check it against the model, and report every problem at once.

Order of checks, as in mkdocs/catalog's ``check_projects.py``: first each file on its own
(syntax, keys, types, formats), then the allowed values are declared (``model.DECLARATIONS``:
taxonomy values and the ids of institutions, steps, facts and terms), then every reference –
each field the model marks with ``Ref`` – is checked against them. Nothing stops at the first
problem: all of them are collected and returned together, in English and German, each with a
hint a maintainer who is not a programmer can act on.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from pydantic import BaseModel, ValidationError

from . import yamlsource
from .config import SiteConfig
from .model import DECLARATIONS, FILES, Data, Ref
from .yamlsource import Position, SourceFile

# ---- Showing values safely (terminal, CI log, GitHub annotations) ----

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(value: Any, limit: int = 80) -> str:
    """A data value as it may appear in a message: quoted, control characters written as
    ``\\u001b``, long values shortened. Data can never start a terminal escape or a CI command."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return '"' + _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + '"'


def _safe(text: str) -> str:
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# ---- Problems ----


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, said in English and German, with where it is."""

    position: Position
    entry: Optional[str]
    field: str
    en: str
    de: str
    hint_en: str = ""
    hint_de: str = ""

    def where(self) -> str:
        entry = _safe(self.entry) + " › " if self.entry else ""
        return f"{self.position} {entry}{_safe(self.field) or '(file)'}"

    def message(self, language: str) -> str:
        if language == "de":
            return _safe(self.de + (f" ({self.hint_de})" if self.hint_de else ""))
        return _safe(self.en + (f" ({self.hint_en})" if self.hint_en else ""))

    def format(self, language: str = "both") -> str:
        """``file:line:col entry › field: message`` in English, German or both."""
        if language in ("en", "de"):
            return f"{self.where()}: {self.message(language)}"
        return f"{self.where()}: {self.message('en')}\n    DE: {self.message('de')}"

    def github(self) -> str:
        """A GitHub Actions annotation: shown on the pull request's diff at the line."""
        def prop(text: str) -> str:
            return _gh_escape(text).replace(":", "%3A").replace(",", "%2C")
        entry = _safe(self.entry) + " › " if self.entry else ""
        title = f"{entry}{_safe(self.field) or 'file'}"
        body = f"{self.message('en')}\nDE: {self.message('de')}"
        return (f"::error file={prop(self.position.file)},line={self.position.line},col={self.position.column},"
                f"title={prop(title)}::{_gh_escape(body)}")


def _gh_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class DataError(Exception):
    """Raised when the data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = "\n".join(problem.format() for problem in problems)
        super().__init__(f"{count} problem(s) in the data / {count} Problem(e) in den Daten:\n{lines}")


# ---- Checking one file ----


_MESSAGES = {
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


def _entry_id(data: Any, loc: tuple) -> Optional[str]:
    """The id of the entry a path points into (``institutions[3]`` → its id)."""
    if len(loc) >= 2 and isinstance(data, dict):
        items = data.get(loc[0])
        if isinstance(items, list) and isinstance(loc[1], int) and loc[1] < len(items):
            item = items[loc[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return item["id"]
            return f"{loc[0]}[{loc[1] + 1}]"
        if isinstance(items, dict) and isinstance(loc[1], str):
            return loc[1]
    return None


def _field_path(loc: tuple) -> str:
    """The field part of a path, after the entry: ``address.postcode``, ``bring[2].tr``."""
    rest = loc[2:] if len(loc) >= 2 else loc
    text = ""
    for part in rest:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


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


def _problems_from(error: ValidationError, source: SourceFile, model: type[BaseModel]) -> list[Problem]:
    """Translate pydantic's errors into Problems with positions and hints."""
    problems: list[Problem] = []
    missing: dict[tuple, Problem] = {}   # a required field that is missing, by its place
    meant_for: set[tuple] = set()        # places an unknown field was probably meant for
    for item in error.errors():
        loc = tuple(item["loc"])
        kind = item["type"]
        # Values like Optional[list[...]] add tags such as 'list[...]' to loc; drop them.
        loc = tuple(part for part in loc if not (isinstance(part, str) and ("[" in part or part.startswith("function-"))))
        en, de = _MESSAGES.get(kind, (item["msg"], item["msg"]))
        hint_en = hint_de = ""
        value = item.get("input")
        ctx = item.get("ctx") or {}
        written = source.written(loc)
        if kind in ("email", "phone", "postcode", "date", "url", "slug", "future_date"):
            en, de = f"{shown(value)} {en}", f"{shown(value)} {de}"
        if kind == "phone" and isinstance(ctx.get("reason"), tuple):
            hint_en, hint_de = ctx["reason"]
        if kind == "url" and isinstance(value, str) and re.match(r"^(www\.|[\w-]+\.[a-z]{2,})", value):
            hint_en, hint_de = f'did you mean "https://{value}"?', f'meinten Sie "https://{value}"?'
        if kind == "date":
            hint_en = 'write year-month-day: "2025", "2025-03" or "2025-03-31"'
            hint_de = 'Jahr-Monat-Tag schreiben: "2025", "2025-03" oder "2025-03-31"'
        german_date = _GERMAN_DATE.fullmatch(value.strip()) if kind == "date" and isinstance(value, str) else None
        if german_date:
            day, month, year = german_date.groups()
            iso = f"{year}-{int(month):02d}-{int(day):02d}"
            hint_en, hint_de = f'write dates as year-month-day: "{iso}"', f'Datum als Jahr-Monat-Tag schreiben: "{iso}"'
        if kind == "postcode":
            hint_en, hint_de = '5 digits, in quotes: "28195"', '5 Ziffern, in Anführungszeichen: "28195"'
        if kind == "slug":
            hint_en = "lowercase letters a-z, digits and hyphens"
            hint_de = "Kleinbuchstaben a-z, Ziffern und Bindestriche"
            suggestion = _slugify(value) if isinstance(value, str) else ""
            if suggestion and suggestion != value:
                hint_en, hint_de = f'{hint_en}, for example "{suggestion}"', f'{hint_de}, zum Beispiel "{suggestion}"'
        if kind == "control_character":
            en = f"{en} ({ctx.get('char', '')})"
            de = f"{de} ({ctx.get('char', '')})"
            hint_en, hint_de = "retype the text; it often comes from copying out of a PDF", \
                "Text neu tippen; das Zeichen kommt oft beim Kopieren aus einem PDF"
        if kind in ("string_type", "bool_type"):
            hint_en, hint_de = _hints_for_wrong_type(kind, written, value)
        if kind in ("string_too_long",):
            limit = ctx.get("max_length")
            hint_en, hint_de = f"at most {limit} characters", f"höchstens {limit} Zeichen"
        if kind == "extra_forbidden":
            name = str(loc[-1])
            holder = _model_at(model, loc[:-1])
            allowed = list(getattr(holder, "model_fields", {}).keys())
            en, de = f"unknown field {shown(name)}", f"unbekanntes Feld {shown(name)}"
            mapped = _GERMAN_KEYS.get(name.lower().strip())
            meant, under = (mapped, None) if mapped in allowed else (None, _field_home(holder, mapped))
            if meant is None and under is None:
                close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
                meant = close[0] if close else None
            if meant:
                meant_for.add(loc[:-1] + (meant,))
            if meant == "phones":
                hint_en = 'did you mean "phones"? Write it as a list: phones: and on the next line   - number: "0421 3377173"'
                hint_de = 'meinten Sie "phones"? Als Liste schreiben: phones: und in der nächsten Zeile   - number: "0421 3377173"'
            elif under:
                hint_en = f'did you mean "{mapped}"? It belongs under "{under}:"'
                hint_de = f'meinten Sie "{mapped}"? Es gehört unter "{under}:"'
            elif meant:
                hint_en, hint_de = f'did you mean "{meant}"?', f'meinten Sie "{meant}"?'
            else:
                hint_en = "allowed: " + ", ".join(allowed)
                hint_de = "erlaubt: " + ", ".join(allowed)
        if kind == "pending_default":
            en, de = f"the {ctx['default']} text cannot be pending", f"der Text auf {ctx['default']} kann nicht „pending“ sein"
            hint_en, hint_de = "it is the text the translations follow", "nach ihm richten sich die Übersetzungen"
        if kind == "missing_translation":
            en, de = f'missing translation "{ctx["missing"]}"', f'Übersetzung "{ctx["missing"]}" fehlt'
            hint_en = f"languages: {ctx['languages']}; not translated yet? write: pending"
            hint_de = f"Sprachen: {ctx['languages']}; noch nicht übersetzt? schreiben Sie: pending"
        if kind == "unknown_language":
            en, de = f'unknown language "{ctx["unknown"]}"', f'unbekannte Sprache "{ctx["unknown"]}"'
            hint_en, hint_de = f"the site's languages: {ctx['languages']}", f"Sprachen der Seite: {ctx['languages']}"
        if kind == "literal_error":
            expected = ctx.get("expected", "")
            hint_en, hint_de = f"allowed: {expected}", f"erlaubt: {expected}"
        if kind == "missing" and loc and loc[-1] in ("status",):
            hint_en = "active (runs today), inactive (paused) or defunct (ended)"
            hint_de = "active (läuft heute), inactive (pausiert) oder defunct (beendet)"
        where = source.where_key(loc) if kind == "extra_forbidden" else source.where(loc)
        problems.append(Problem(where, _entry_id(source.data, loc), _field_path(loc), en, de, hint_en, hint_de))
        if kind == "missing":
            missing[loc] = problems[-1]
    # "description: required field is missing" says nothing new beside "unknown field
    # beschreibung (did you mean description?)", so only the second is shown.
    shadowed = [missing[loc] for loc in meant_for if loc in missing]
    return [problem for problem in problems if not any(problem is other for other in shadowed)]


def _slugify(text: str) -> str:
    """What an id for ``text`` would look like: lower case, ü → ue, hyphens."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")[:80]


def _check_file(path: Path, model: type[BaseModel], context: dict, shown_path: str):
    """Parse and validate one file; return (SourceFile or None, object or None, problems)."""
    if not path.exists():
        position = Position(shown_path, 1, 1)
        return None, None, [Problem(position, None, "", "file is missing", "Datei fehlt")]
    try:
        source = yamlsource.read(path, shown_path)
    except yamlsource.YamlProblem as problem:
        return None, None, [Problem(problem.position, None, "", problem.en, problem.de, problem.hint_en, problem.hint_de)]
    data = source.data if source.data is not None else {}
    try:
        return source, model.model_validate(data, context=context), []
    except ValidationError as error:
        return source, None, _problems_from(error, source, model)


# ---- Checking references ----

# name of a declared value → (English word, German word, German "unknown …")
_NAMES = {
    "kinds": ("kind", "Art", "unbekannte Art"),
    "topics": ("topic", "Thema", "unbekanntes Thema"),
    "states": ("state", "Bundesland", "unbekanntes Bundesland"),
    "languages": ("language", "Sprache", "unbekannte Sprache"),
    "phone_labels": ("phone label", "Telefon-Bezeichnung", "unbekannte Telefon-Bezeichnung"),
    "institutions": ("institution", "Einrichtung", "unbekannte Einrichtung"),
    "facts": ("fact", "Fakt", "unbekannter Fakt"),
    "steps": ("step", "Schritt", "unbekannter Schritt"),
    "terms": ("term", "Begriff", "unbekannter Begriff"),
}


def iter_refs(model: Any, raw: Any, path: tuple = ()) -> Iterator[tuple[str, Any, tuple]]:
    """(what, value, path) for every value in ``raw`` that the model marks with ``Ref(what)``.

    Walks the raw entries, so an entry with another problem still has its references checked."""
    fields = getattr(model, "model_fields", None)
    if fields is None or not isinstance(raw, dict):
        return
    for name, info in fields.items():
        if name in raw:
            yield from _walk(info.annotation, list(info.metadata), raw[name], path + (name,))


def _walk(annotation: Any, metadata: list, value: Any, path: tuple) -> Iterator[tuple[str, Any, tuple]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        yield from _walk(base, metadata + list(extra), value, path)
        return
    marker = next((item for item in metadata if isinstance(item, Ref)), None)
    if marker is not None and isinstance(value, str):
        yield marker.what, value, path
        return
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                yield from _walk(arg, metadata, value, path)
        return
    if origin is list and isinstance(value, list):
        (inner,) = typing.get_args(annotation) or (Any,)
        for index, item in enumerate(value):
            yield from _walk(inner, [], item, path + (index,))
        return
    if origin is dict and isinstance(value, dict):
        args = typing.get_args(annotation)
        inner = args[1] if len(args) == 2 else Any
        for key, item in value.items():
            yield from _walk(inner, [], item, path + (key,))
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from iter_refs(annotation, value, path)


class _References:
    """Declared allowed values and the checks of every reference against them."""

    def __init__(self, taxonomy_names: dict[str, dict[str, str]]):
        self.allowed: dict[str, dict[str, str]] = {}
        self.names = taxonomy_names   # what → {id: German name}, for hints
        self.problems: list[Problem] = []

    def declare(self, what: str, source: Optional[SourceFile], items: Any, path: tuple, id_field: str = "id"):
        """Declare the ids of ``items`` (raw entries); a second use of an id is a problem naming the first."""
        first: dict[Any, Position] = {}
        if source is None or not isinstance(items, list):
            self.allowed[what] = {}
            return
        for index, item in enumerate(items):
            ident = item.get(id_field) if isinstance(item, dict) else None
            if not isinstance(ident, (str, int)) or isinstance(ident, bool):
                continue
            where = source.where(path + (index, id_field))
            if ident in first:
                self.problems.append(Problem(
                    where, str(ident), id_field,
                    f"duplicate {id_field} {shown(ident)}", f"doppelte {'ID' if id_field == 'id' else id_field} {shown(ident)}",
                    f"first used at {first[ident]}", f"zuerst verwendet in {first[ident]}",
                ))
            else:
                first[ident] = where
        self.allowed[what] = {str(ident): str(pos) for ident, pos in first.items()}

    def check(self, what: str, value: str, source: SourceFile, path: tuple, entry: Optional[str]):
        """``value`` must be one of the declared ``what``."""
        allowed = self.allowed.get(what, {})
        if value in allowed:
            return
        english, german, unknown_de = _NAMES[what]
        close = difflib.get_close_matches(value, list(allowed), n=1)
        hint_en = f'did you mean "{close[0]}"? ' if close else ""
        hint_de = f'meinten Sie "{close[0]}"? ' if close else ""
        if what in self.names:
            listed = ", ".join(f"{ident} ({name})" if name and name != ident else ident
                               for ident, name in self.names[what].items())
            hint_en += f"allowed: {listed}; a new value is declared first in data/taxonomy.yaml under {what}"
            hint_de += f"erlaubt: {listed}; einen neuen Wert zuerst in data/taxonomy.yaml unter {what} eintragen"
            if what == "languages":
                hint_en += " (its ISO 639 code, e.g. prs for Dari, and its name in every language)"
                hint_de += " (mit ISO-639-Code, z. B. prs für Dari, und dem Namen in jeder Sprache)"
        else:
            hint_en += f"no {english} has this id"
            hint_de += f"keine {german} hat diese ID" if german in ("Einrichtung",) else f"kein {german} hat diese ID"
        self.problems.append(Problem(
            source.where(path), entry, _field_path(path),
            f"unknown {english} {shown(value)}", f"{unknown_de} {shown(value)}", hint_en.strip(), hint_de.strip(),
        ))


# ---- Entry point ----


def load(site: SiteConfig, data_dir: Path | None = None, today: Optional[_dt.date] = None) -> Data:
    """Load and validate all data; raise DataError listing every problem."""
    data_dir = Path(data_dir or site.data_dir)
    context = {"languages": site.codes, "required": site.required_codes, "default": site.default.code,
               "today": today or _dt.date.today()}
    problems: list[Problem] = []
    sources: dict[str, SourceFile] = {}
    objects: dict[str, Any] = {}
    for name, model in FILES.items():
        shown_path = _display(data_dir / name, site.root)
        source, obj, found = _check_file(data_dir / name, model, context, shown_path)
        problems += found
        if source is not None:
            sources[name] = source
        objects[name] = obj

    raw = {name: (source.data if isinstance(source.data, dict) else {}) for name, source in sources.items()}
    names = _taxonomy_names(raw.get("taxonomy.yaml", {}))
    refs = _References(names)
    for what, (filename, key) in DECLARATIONS.items():
        refs.declare(what, sources.get(filename), raw.get(filename, {}).get(key), (key,))
    refs.declare("order", sources.get("steps.yaml"), raw.get("steps.yaml", {}).get("steps"), ("steps",), id_field="order")

    # References are checked on the raw entries, so an entry with another problem still has
    # its references checked, and nothing waits for a second run to be found.
    for name, model in FILES.items():
        if name not in sources:
            continue
        for what, value, path in iter_refs(model, raw[name]):
            if DECLARATIONS[what][0] in sources:  # an unreadable file's ids are unknown, not wrong
                refs.check(what, value, sources[name], path, _entry_id(raw[name], path))
    # A reference problem says more than a malformed id at the same place ("Bremen": did you
    # mean "bremen"? and the allowed values), so it replaces that one.
    referenced = {(str(problem.position), problem.field) for problem in refs.problems}
    problems = [problem for problem in problems
                if not (problem.en.endswith("is not a valid id") and (str(problem.position), problem.field) in referenced)]
    problems += refs.problems
    problems += _successors(raw.get("institutions.yaml", {}), sources.get("institutions.yaml"))
    if problems:
        raise DataError(problems)
    steps = sorted(objects["steps.yaml"].steps, key=lambda step: step.order)
    return Data(
        config=site,
        taxonomy=objects["taxonomy.yaml"],
        institutions={item.id: item for item in objects["institutions.yaml"].institutions},
        steps={step.id: step for step in steps},
        facts={fact.id: fact for fact in objects["facts.yaml"].facts},
        terms={term.id: term for term in objects["glossary.yaml"].terms},
        labels=objects["labels.yaml"].labels,
        settings=objects["site.yaml"],
        search=objects["search.yaml"],
        sources=sources,
    )


def _successors(raw: dict, source: Optional[SourceFile]) -> list[Problem]:
    """A successor names the entry doing the work today: only ended entries have one, and it is active."""
    problems: list[Problem] = []
    items = raw.get("institutions") if isinstance(raw, dict) else None
    if source is None or not isinstance(items, list):
        return problems
    status = {item.get("id"): item.get("status") for item in items if isinstance(item, dict)}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("successor"), str):
            continue
        where = source.where(("institutions", index, "successor"))
        if item.get("status") == "active":
            problems.append(Problem(where, item.get("id"), "successor",
                                    "an active entry has no successor", "ein aktiver Eintrag hat keinen Nachfolger",
                                    "remove successor, or set status: defunct", "successor entfernen oder status: defunct setzen"))
        elif status.get(item["successor"]) not in (None, "active"):
            problems.append(Problem(where, item.get("id"), "successor",
                                    f"the successor {shown(item['successor'])} has ended too",
                                    f"der Nachfolger {shown(item['successor'])} ist ebenfalls beendet",
                                    "name the entry that does the work today", "den Eintrag nennen, der die Arbeit heute macht"))
    return problems


def _taxonomy_names(raw: dict) -> dict[str, dict[str, str]]:
    """For hints: each taxonomy value's German name (``start-up`` → ``Existenzgründung``)."""
    found: dict[str, dict[str, str]] = {}
    for what in ("kinds", "topics", "states", "languages", "phone_labels"):
        entries = raw.get(what) if isinstance(raw, dict) else None
        names = {}
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                name = entry.get("name")
                names[entry["id"]] = name.get("de", "") if isinstance(name, dict) and isinstance(name.get("de"), str) else ""
        found[what] = names
    return found


def _display(path: Path, root: Path) -> str:
    """A path as a maintainer sees it in the repository: ``data/institutions.yaml``."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
