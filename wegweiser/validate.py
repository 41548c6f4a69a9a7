"""Load every data file, check it against the model, and report every problem at once.

Order of checks, as in mkdocs/catalog's ``check_projects.py``: first each file on its own
(syntax, keys, types, formats), then the allowed values are declared (taxonomy.yaml and the
ids of institutions and facts), then every reference is checked against them. Nothing stops
at the first problem: all of them are collected and returned together.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from . import yamlsource
from .config import SiteConfig
from .model import Models, build_models
from .yamlsource import Position, SourceFile

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

    def format(self, language: str = "both") -> str:
        """``file:line:col entry › field: message`` in English, German or both."""
        where = f"{self.position} {self.entry + ' › ' if self.entry else ''}{self.field or '(file)'}"
        en = self.en + (f" ({self.hint_en})" if self.hint_en else "")
        de = self.de + (f" ({self.hint_de})" if self.hint_de else "")
        if language == "en":
            return f"{where}: {en}"
        if language == "de":
            return f"{where}: {de}"
        return f"{where}: {en}\n    DE: {de}"


class DataError(Exception):
    """Raised when the data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = "\n".join(problem.format() for problem in problems)
        super().__init__(f"{count} problem(s) in the data / {count} Problem(e) in den Daten:\n{lines}")


# ---- Loaded data ----


@dataclass
class Data:
    """The validated data of the site, ready to be rendered."""

    site: SiteConfig
    taxonomy: Any
    institutions: list
    steps: list
    facts: dict
    terms: dict
    labels: dict
    settings: Any
    sources: dict[str, SourceFile] = field(default_factory=dict)

    def institution(self, ident: str):
        for institution in self.institutions:
            if institution.id == ident:
                return institution
        raise KeyError(ident)


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
    "greater_than_equal": ("number too small", "Zahl zu klein"),
    "literal_error": ("not an allowed value", "kein erlaubter Wert"),
    "slug": (
        "not a valid id (lowercase letters a-z, digits and hyphens)",
        "keine gültige ID (Kleinbuchstaben a-z, Ziffern und Bindestriche)",
    ),
    "email": ("is not an e-mail address", "ist keine E-Mail-Adresse"),
    "phone": ("is not a valid phone number", "ist keine gültige Telefonnummer"),
    "postcode": ("is not a German postcode (5 digits, in quotes)", "ist keine Postleitzahl (5 Ziffern, in Anführungszeichen)"),
    "date": ("is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", "ist kein Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT)"),
    "future_date": ("lies in the future", "liegt in der Zukunft"),
    "url": ("is not an http(s) link", "ist kein http(s)-Link"),
}


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


def _model_fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at ``loc`` (used to suggest the key that was meant)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = getattr(current, "model_fields", {}).get(part)
        current = _inner_model(info.annotation) if info else None
    return list(getattr(current, "model_fields", {}).keys())


def _inner_model(annotation: Any) -> Any:
    """The BaseModel class inside ``Optional[list[X]]`` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _problems_from(error: ValidationError, source: SourceFile, model: type[BaseModel], languages: tuple) -> list[Problem]:
    """Translate pydantic's errors into Problems with positions and hints."""
    problems: list[Problem] = []
    for item in error.errors():
        loc = tuple(item["loc"])
        kind = item["type"]
        # Values like Optional[list[...]] add tags such as 'list[...]' to loc; drop them.
        loc = tuple(part for part in loc if not (isinstance(part, str) and ("[" in part or part.startswith("function-"))))
        en, de = _MESSAGES.get(kind, (item["msg"], item["msg"]))
        hint_en = hint_de = ""
        value = item.get("input")
        if kind in ("email", "phone", "postcode", "date", "url", "slug", "future_date"):
            en, de = f'"{value}" {en}', f'"{value}" {de}'
        if kind == "extra_forbidden":
            name = loc[-1]
            allowed = [key for key in _model_fields_at(model, loc[:-1])]
            close = difflib.get_close_matches(str(name), allowed, n=1)
            en, de = f'unknown field "{name}"', f'unbekanntes Feld "{name}"'
            if close:
                hint_en, hint_de = f'did you mean "{close[0]}"?', f'meinten Sie "{close[0]}"?'
            else:
                hint_en = "allowed: " + ", ".join(allowed)
                hint_de = "erlaubt: " + ", ".join(allowed)
        if kind == "missing" and loc and loc[-1] in languages:
            en, de = f'missing translation "{loc[-1]}"', f'Übersetzung "{loc[-1]}" fehlt'
            hint_en = hint_de = "languages: " + ", ".join(languages)
            hint_de = "Sprachen: " + ", ".join(languages)
        if kind == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            hint_en, hint_de = f"allowed: {expected}", f"erlaubt: {expected}"
        where = source.where_key(loc) if kind == "extra_forbidden" else source.where(loc)
        problems.append(
            Problem(where, _entry_id(source.data, loc), _field_path(loc), en, de, hint_en, hint_de)
        )
    return _merge_missing_translations(problems)


def _merge_missing_translations(problems: list[Problem]) -> list[Problem]:
    """Report 'missing translation tr' and 'ru' of one field as one problem naming both."""
    merged: dict[tuple, Problem] = {}
    result: list[Problem] = []
    for problem in problems:
        if problem.en.startswith("missing translation"):
            parent = problem.field.rsplit(".", 1)[0] if "." in problem.field else ""
            key = (problem.position, problem.entry, parent)
            lang = problem.en.split('"')[1]
            if key in merged:
                old = merged[key]
                langs = old.en.split('"')[1] + ", " + lang
                new = Problem(old.position, old.entry, parent, f'missing translation "{langs}"',
                              f'Übersetzung "{langs}" fehlt', old.hint_en, old.hint_de)
                result[result.index(old)] = new
                merged[key] = new
                continue
            problem = Problem(problem.position, problem.entry, parent, problem.en, problem.de, problem.hint_en, problem.hint_de)
            merged[key] = problem
        result.append(problem)
    return result


def _check_file(path: Path, model: type[BaseModel], languages: tuple, shown: str):
    """Parse and validate one file; return (SourceFile or None, object or None, problems)."""
    if not path.exists():
        position = Position(shown, 1, 1)
        return None, None, [Problem(position, None, "", "file is missing", "Datei fehlt")]
    try:
        source = yamlsource.read(path, shown)
    except yamlsource.YamlProblem as problem:
        return None, None, [Problem(problem.position, None, "", problem.message, problem.message.replace("YAML syntax", "YAML-Syntax"))]
    try:
        return source, model.model_validate(source.data if source.data is not None else {}), []
    except ValidationError as error:
        return source, None, _problems_from(error, source, model, languages)


# ---- Checking references ----


class _References:
    """Declared allowed values and the checks of every reference against them."""

    def __init__(self):
        self.allowed: dict[str, dict[str, str]] = {}
        self.problems: list[Problem] = []

    def declare(self, what: str, source: Optional[SourceFile], items: Any, path: tuple, id_field: str = "id"):
        """Declare the ids of ``items`` (raw entries); a second use of an id is a problem naming the first."""
        first: dict[str, Position] = {}
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
                    where, ident, id_field,
                    f'duplicate id "{ident}"', f'doppelte ID "{ident}"',
                    f"first used at {first[ident]}", f"zuerst verwendet in {first[ident]}",
                ))
            else:
                first[ident] = where
        self.allowed[what] = {ident: str(pos) for ident, pos in first.items()}

    def check_list(self, what: str, values: Any, source: SourceFile, path: tuple, entry: Optional[str]):
        """Each text in the list ``values`` must be one of the declared ``what``."""
        if isinstance(values, list):
            for position, value in enumerate(values):
                self.check_value(what, value, source, path + (position,), entry)

    def check_value(self, what: str, value: Any, source: SourceFile, path: tuple, entry: Optional[str]):
        """``value`` must be one of the declared ``what`` (values of the wrong type are reported elsewhere)."""
        allowed = self.allowed.get(what, {})
        if not isinstance(value, str) or value in allowed:
            return
        close = difflib.get_close_matches(value, list(allowed), n=1)
        names = {
            "kinds": ("kind", "Art"), "topics": ("topic", "Thema"), "states": ("state", "Bundesland"),
            "languages": ("language", "Sprache"), "institutions": ("institution", "Einrichtung"),
            "facts": ("fact", "Fakt"),
        }[what]
        hint_en = f'did you mean "{close[0]}"? ' if close else ""
        hint_de = f'meinten Sie "{close[0]}"? ' if close else ""
        hint_en += "allowed: " + ", ".join(sorted(allowed))
        hint_de += "erlaubt: " + ", ".join(sorted(allowed))
        self.problems.append(Problem(
            source.where(path), entry, _field_path(path),
            f'unknown {names[0]} "{value}"', f'unbekannte {names[1]} "{value}"', hint_en, hint_de,
        ))


# ---- Entry point ----


FILES = ("taxonomy.yaml", "institutions.yaml", "steps.yaml", "facts.yaml", "glossary.yaml", "labels.yaml", "site.yaml")


def models_for(site: SiteConfig) -> Models:
    """The data model for the site's languages."""
    return build_models(site.codes, site.required_codes)


def load(site: SiteConfig, data_dir: Path | None = None) -> Data:
    """Load and validate all data; raise DataError listing every problem."""
    data_dir = Path(data_dir or site.data_dir)
    models = models_for(site)
    problems: list[Problem] = []
    sources: dict[str, SourceFile] = {}
    objects: dict[str, Any] = {}
    for name in FILES:
        shown = _display(data_dir / name, site.root)
        source, obj, found = _check_file(data_dir / name, models.files[name], models.languages, shown)
        problems += found
        if source is not None:
            sources[name] = source
        objects[name] = obj

    refs = _References()
    raw = {name: (source.data if isinstance(source.data, dict) else {}) for name, source in sources.items()}
    for what in ("kinds", "topics", "states", "languages"):
        refs.declare(what, sources.get("taxonomy.yaml"), raw.get("taxonomy.yaml", {}).get(what), (what,))
    refs.declare("institutions", sources.get("institutions.yaml"), raw.get("institutions.yaml", {}).get("institutions"), ("institutions",))
    refs.declare("facts", sources.get("facts.yaml"), raw.get("facts.yaml", {}).get("facts"), ("facts",))
    refs.declare("terms", sources.get("glossary.yaml"), raw.get("glossary.yaml", {}).get("terms"), ("terms",))
    refs.declare("steps", sources.get("steps.yaml"), raw.get("steps.yaml", {}).get("steps"), ("steps",))
    refs.declare("order", sources.get("steps.yaml"), raw.get("steps.yaml", {}).get("steps"), ("steps",), id_field="order")

    # References are checked on the raw entries, so an entry with another problem still has
    # its references checked, and nothing waits for a second run to be found.
    if "institutions.yaml" in sources and "taxonomy.yaml" in sources:
        source = sources["institutions.yaml"]
        for index, item in _entries(raw["institutions.yaml"], "institutions"):
            base, ident = ("institutions", index), item.get("id")
            refs.check_value("kinds", item.get("kind"), source, base + ("kind",), ident)
            refs.check_value("states", (item.get("address") or {}).get("state") if isinstance(item.get("address"), dict) else None,
                             source, base + ("address", "state"), ident)
            refs.check_list("topics", item.get("topics"), source, base + ("topics",), ident)
            refs.check_list("languages", item.get("languages"), source, base + ("languages",), ident)
    if "steps.yaml" in sources:
        source = sources["steps.yaml"]
        for index, step in _entries(raw["steps.yaml"], "steps"):
            base, ident = ("steps", index), step.get("id")
            helped = step.get("helped_by") if isinstance(step.get("helped_by"), dict) else {}
            if "taxonomy.yaml" in sources:
                refs.check_list("kinds", helped.get("kinds"), source, base + ("helped_by", "kinds"), ident)
                refs.check_list("topics", helped.get("topics"), source, base + ("helped_by", "topics"), ident)
            if "institutions.yaml" in sources:
                refs.check_list("institutions", helped.get("institutions"), source, base + ("helped_by", "institutions"), ident)
            if "facts.yaml" in sources:
                for key in ("cost_facts", "duration_facts"):
                    refs.check_list("facts", step.get(key), source, base + (key,), ident)
    taxonomy = objects["taxonomy.yaml"]
    institutions = objects["institutions.yaml"]
    facts = objects["facts.yaml"]
    steps = objects["steps.yaml"]
    glossary = objects["glossary.yaml"]
    problems += refs.problems
    if problems:
        raise DataError(problems)
    return Data(
        site=site,
        taxonomy=taxonomy,
        institutions=institutions.institutions,
        steps=sorted(steps.steps, key=lambda step: step.order),
        facts={fact.id: fact for fact in facts.facts},
        terms={term.id: term for term in glossary.terms},
        labels=objects["labels.yaml"].labels,
        settings=objects["site.yaml"],
        sources=sources,
    )


def _entries(raw: dict, key: str):
    """(index, entry) for the mapping entries of the list ``raw[key]``."""
    items = raw.get(key)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def _display(path: Path, root: Path) -> str:
    """A path as a maintainer sees it in the repository: ``data/institutions.yaml``."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
