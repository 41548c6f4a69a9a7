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
from .explain import EXPLAIN, MESSAGES, Error, safe_text, shown
from .config import SiteConfig
from .model import DECLARATIONS, FILES, Data, Ref
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

    def where(self) -> str:
        entry = safe_text(self.entry) + " › " if self.entry else ""
        return f"{self.position} {entry}{safe_text(self.field) or '(file)'}"

    def message(self, language: str) -> str:
        if language == "de":
            return safe_text(self.de + (f" ({self.hint_de})" if self.hint_de else ""))
        return safe_text(self.en + (f" ({self.hint_en})" if self.hint_en else ""))

    def format(self, language: str = "both") -> str:
        """``file:line:col entry › field: message`` in English, German or both."""
        if language in ("en", "de"):
            return f"{self.where()}: {self.message(language)}"
        return f"{self.where()}: {self.message('en')}\n    DE: {self.message('de')}"

    def github(self) -> str:
        """A GitHub Actions annotation: shown on the pull request's diff at the line."""
        def prop(text: str) -> str:
            return _gh_escape(text).replace(":", "%3A").replace(",", "%2C")
        entry = safe_text(self.entry) + " › " if self.entry else ""
        title = f"{entry}{safe_text(self.field) or 'file'}"
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


def _problems_from(error: ValidationError, source: SourceFile, model: type[BaseModel]) -> list[Problem]:
    """Translate pydantic's errors into Problems with positions and hints (one explanation per
    kind of error, below)."""
    problems: list[Problem] = []
    missing: dict[tuple, Problem] = {}   # a required field that is missing, by its place
    meant_for: set[tuple] = set()        # places an unknown field was probably meant for
    for item in error.errors():
        kind = item["type"]
        # Values like Optional[list[...]] add tags such as 'list[...]' to loc; drop them.
        loc = tuple(part for part in item["loc"] if not (isinstance(part, str) and ("[" in part or part.startswith("function-"))))
        en, de = MESSAGES.get(kind, (item["msg"], item["msg"]))
        found = Error(kind, loc, item.get("input"), item.get("ctx") or {}, source.written(loc), model, en, de)
        if kind in ("email", "phone", "postcode", "date", "url", "slug", "future_date"):
            found.en, found.de = f"{shown(found.value)} {en}", f"{shown(found.value)} {de}"
        explain = EXPLAIN.get(kind)
        if explain:
            explain(found)
        if found.meant:
            meant_for.add(found.meant)
        where = source.where_key(loc) if kind == "extra_forbidden" else source.where(loc)
        problems.append(Problem(where, _entry_id(source.data, loc), _field_path(loc), found.en, found.de,
                                found.hint_en, found.hint_de))
        if kind == "missing":
            missing[loc] = problems[-1]
    # "description: required field is missing" says nothing new beside "unknown field
    # beschreibung (did you mean description?)", so only the second is shown.
    shadowed = [missing[loc] for loc in meant_for if loc in missing]
    return [problem for problem in problems if not any(problem is other for other in shadowed)]


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
                hint_en += ", with its ISO 639 code – e.g. prs for Dari – and its name in every language"
                hint_de += ", mit ISO-639-Code – z. B. prs für Dari – und dem Namen in jeder Sprache"
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
