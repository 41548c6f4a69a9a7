"""The one model of Wegweiser's data.

The validator (``wegweiser.validate``), the JSON Schemas for editors (``wegweiser.schema``), the
exports and the templates all follow the classes declared here. The classes are plain
module-level pydantic models; what depends on the site is passed in as *validation context*:

- ``languages`` and ``required``: the site's languages (from mkdocs.yml). A ``Localized`` text
  must have every required language and no other; a missing translation is one structured error.
- ``today``: dates may not lie after it (so validity never depends on the machine's clock).

A field that refers to a declared value says so once, with ``Ref("kinds")`` and the like; both the
reference check and the schema's allowed values are driven by these markers.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, Union
from urllib.parse import urlsplit

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, RootModel, StrictFloat, StrictInt,
                      ValidationInfo, model_validator)
from pydantic_core import PydanticCustomError

from . import phones

if TYPE_CHECKING:  # pragma: no cover
    from .config import SiteConfig
    from .yamlsource import SourceFile

# ---- Limits: what a data file may hold (a pull request must not be able to bloat every page) ----

MAX_TEXT = 4000          # characters in one text (a description is a few hundred)
MAX_LINE = 300           # characters in a one-line value (name, street, title …)
MAX_ENTRIES = 20000      # entries in one list

# ---- Value types ----

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_POSTCODE = re.compile(r"[0-9]{5}")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Control characters and Unicode line/paragraph separators: never inside a value (they split
# vCard lines, CSV rows and terminal output). Multi-line texts may contain plain line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _today(info: Optional[ValidationInfo]) -> _dt.date:
    context = (info.context if info is not None else None) or {}
    return context.get("today") or _dt.date.today()


def _clean(value: str, pattern: re.Pattern = _CONTROL) -> str:
    found = pattern.search(value)
    if found:
        raise PydanticCustomError("control_character", "contains an invisible control character {char}",
                                  {"char": f"U+{ord(found.group()):04X}"})
    return value


def _line(value: str) -> str:
    return _clean(value, _CONTROL_LINE)


def _text(value: str) -> str:
    return _clean(value)


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise PydanticCustomError("slug", "not a valid id", {"value": value})
    return value


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise PydanticCustomError("email", "not an e-mail address", {"value": value})
    return value


def _phone(value: str) -> str:
    problem = phones.problem(value)
    if problem:
        raise PydanticCustomError("phone", "not a valid phone number", {"value": value, "reason": problem})
    return value


def _postcode(value: str) -> str:
    if not _POSTCODE.fullmatch(value):
        raise PydanticCustomError("postcode", "not a German postcode", {"value": value})
    return value


def parse_date(value: str) -> Optional[_dt.date]:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD text can mean; None when it is no date."""
    match = _DATE.fullmatch(value)
    if not match:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _date(value: str, info: ValidationInfo) -> str:
    parsed = parse_date(value)
    if parsed is None:
        raise PydanticCustomError("date", "not a date", {"value": value})
    if parsed > _today(info):
        raise PydanticCustomError("future_date", "date lies in the future", {"value": value})
    return value


def _web_url(value: str) -> str:
    parts = urlsplit(value)
    if (parts.scheme not in ("http", "https") or not parts.netloc or not value.isprintable()
            or any(char.isspace() for char in value)):
        raise PydanticCustomError("url", "not an http(s) link", {"value": value})
    return value


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value must be one of the declared ``what`` (``kinds``, ``facts`` …).

    The validator checks every marked value against the declarations; the JSON Schema carries
    the marker as ``x-ref`` so ``wegweiser.schema`` can list the allowed values for editors."""

    what: str

    def __get_pydantic_json_schema__(self, core_schema, handler):
        schema = handler(core_schema)
        schema["x-ref"] = self.what
        return schema


Line = Annotated[str, Field(min_length=1, max_length=MAX_LINE), AfterValidator(_line)]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_text)]
Slug = Annotated[str, Field(max_length=80), AfterValidator(_slug), Field(json_schema_extra={"pattern": "^" + _SLUG.pattern + "$"})]
Email = Annotated[str, Field(max_length=MAX_LINE), AfterValidator(_email), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, Field(max_length=60), AfterValidator(_phone),
                  Field(json_schema_extra={"examples": ["0421 33 77 173", "+49 421 3377173"]})]
Postcode = Annotated[str, AfterValidator(_postcode), Field(json_schema_extra={"pattern": "^" + _POSTCODE.pattern + "$"})]
DateText = Annotated[
    str,
    AfterValidator(_date),
    Field(json_schema_extra={"pattern": "^" + _DATE.pattern + "$", "examples": ["2025-10", "2010-03", "2026-01-15"]}),
]
WebUrl = Annotated[str, Field(max_length=2000), AfterValidator(_web_url), Field(json_schema_extra={"pattern": "^https?://"})]
Number = Union[StrictInt, StrictFloat]


# Ids that must be declared (taxonomy values, institutions, facts): each kind of reference once.
# No pattern of their own: the reference check refuses every value that is not declared, and says
# more ("Bremen": did you mean "bremen"? and the allowed values) than "not a valid id" would.
KindRef = Annotated[str, Field(max_length=80), Ref("kinds")]
TopicRef = Annotated[str, Field(max_length=80), Ref("topics")]
StateRef = Annotated[str, Field(max_length=80), Ref("states")]
LanguageRef = Annotated[str, Field(max_length=80), Ref("languages")]
PhoneLabelRef = Annotated[str, Field(max_length=80), Ref("phone_labels")]
InstitutionRef = Annotated[str, Field(max_length=80), Ref("institutions")]
FactRef = Annotated[str, Field(max_length=80), Ref("facts")]
TermRef = Annotated[str, Field(max_length=80), Ref("terms")]


UNITS = (
    "eur",
    "eur-per-month",
    "eur-per-year",
    "eur-per-hour",
    "eur-per-lesson",
    "percent",
    "days",
    "weeks",
    "months",
    "years",
    "age",
    "hours-per-week",
    "units",
    "year",
)
Unit = Literal[UNITS]  # type: ignore[valid-type]
STATUSES = ("active", "inactive", "defunct")
Status = Literal["active", "inactive", "defunct"]


class _Strict(BaseModel):
    """Every data class rejects unknown keys (a typo must not pass) and coerces nothing."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# A translation not written yet: `tr: pending`. The page shows the German text with a note, and
# the translation report lists it. Only the default language's text can never be pending.
PENDING = "pending"


class Localized(RootModel[dict[str, Text]]):
    """A text in every language of the site (``{de: …, tr: …, ru: …}``).

    Which languages are required comes from the validation context: a missing translation is
    one error naming every missing language. ``pending`` stands for a translation to come."""

    model_config = ConfigDict(strict=True, frozen=True)

    @model_validator(mode="after")
    def _languages(self, info: ValidationInfo) -> "Localized":
        context = info.context or {}
        languages = tuple(context.get("languages") or ())
        required = tuple(context.get("required") or languages)
        if languages:
            unknown = [code for code in self.root if code not in languages]
            if unknown:
                raise PydanticCustomError("unknown_language", "unknown language {unknown}",
                                          {"unknown": ", ".join(unknown), "languages": ", ".join(languages)})
        default = context.get("default") or (languages[0] if languages else None)
        if default and self.root.get(default, "").strip().lower() == PENDING:
            raise PydanticCustomError("pending_default", "the text in {default} cannot be pending", {"default": default})
        missing = [code for code in required if not self.root.get(code)]
        if missing:
            raise PydanticCustomError("missing_translation", "missing translation {missing}",
                                      {"missing": ", ".join(missing), "languages": ", ".join(languages or required)})
        return self

    def get(self, language: str) -> Optional[str]:
        """The text in ``language``, or None (also while its translation is pending)."""
        text = self.root.get(language)
        return None if text is None or text.strip().lower() == PENDING else text


class Source(_Strict):
    """A page, document or law text that confirms an entry or a figure."""

    title: Line = Field(description="Site and page title, or the document's name")
    url: Optional[WebUrl] = None
    date: Optional[DateText] = Field(None, description="The date the source itself shows (YYYY, YYYY-MM or YYYY-MM-DD)")


# ---- taxonomy.yaml ----


class Named(_Strict):
    """An allowed value (kind, topic, state, language) with its name in every language."""

    id: Slug
    name: Localized


class Topic(Named):
    """A field of action; institutions and steps refer to it by id."""

    description: Optional[Localized] = None


class Taxonomy(_Strict):
    """The allowed values, declared before anything refers to them."""

    kinds: list[Named] = Field(max_length=MAX_ENTRIES)
    topics: list[Topic] = Field(max_length=MAX_ENTRIES)
    states: list[Named] = Field(max_length=MAX_ENTRIES)
    languages: list[Named] = Field(max_length=MAX_ENTRIES)
    phone_labels: list[Named] = Field(default_factory=list, max_length=MAX_ENTRIES)


# ---- institutions.yaml ----


class Address(_Strict):
    """Where an office is; only what the source gives."""

    street: Optional[Line] = None
    postcode: Optional[Postcode] = None
    city: Optional[Line] = None
    state: StateRef = Field(description="A state id from taxonomy.yaml, or bundesweit")


class PhoneNumber(_Strict):
    """One phone number, with what it is for."""

    number: Phone = Field(description="With area code: 0421 3377173 or +49 421 3377173")
    label: Optional[PhoneLabelRef] = Field(None, description="What the line is for (taxonomy.yaml › phone_labels)")


class Institution(_Strict):
    """An institution, network or training centre of the directory."""

    id: Slug = Field(description="Stable id used in links: name and city, e.g. iq-netzwerk-bremen")
    name: Line = Field(description="Official name, not translated")
    kind: KindRef = Field(description="One of the kinds in taxonomy.yaml")
    status: Status = Field(description="active: runs today; inactive: paused; defunct: ended (kept as history)")
    topics: list[TopicRef] = Field(min_length=1, max_length=50, description="Topics from taxonomy.yaml")
    address: Address
    phones: list[PhoneNumber] = Field(default_factory=list, max_length=20)
    email: Optional[Email] = None
    website: Optional[WebUrl] = None
    contact: Optional[Line] = None
    languages: list[LanguageRef] = Field(default_factory=list, max_length=100,
                                              description="Languages counselling is offered in (only what a source says)")
    free: Optional[bool] = Field(None, description="true only when the source says it costs nothing for everyone")
    partners: list[Line] = Field(default_factory=list, max_length=200)
    description: Localized
    sources: list[Source] = Field(min_length=1, max_length=50, description="Every page the entry comes from")
    checked: DateText = Field(description="When a maintainer last confirmed the entry (YYYY, YYYY-MM or YYYY-MM-DD)")
    successor: Optional[InstitutionRef] = Field(
        None, description="For an ended entry: the id of the entry that does this work today")

    def newest_source_date(self) -> Optional[str]:
        """The newest date any source shows (None when no source is dated)."""
        dated = [source.date for source in self.sources if source.date]
        return max(dated, key=lambda text: parse_date(text) or _dt.date.min) if dated else None

    def is_current(self, since: _dt.date = _dt.date(2022, 1, 1)) -> bool:
        """Active, and at least one source dated ``since`` or later confirms it."""
        newest = self.newest_source_date()
        return self.status == "active" and newest is not None and (parse_date(newest) or _dt.date.min) >= since


class Institutions(_Strict):
    """data/institutions.yaml"""

    institutions: list[Institution] = Field(max_length=MAX_ENTRIES)


# ---- steps.yaml ----


class HelpedBy(_Strict):
    """Who helps with a step: kinds of institution, topics, or named institutions."""

    kinds: list[KindRef] = []
    topics: list[TopicRef] = []
    institutions: list[InstitutionRef] = []


class Step(_Strict):
    """One step of starting a business."""

    id: Slug
    order: StrictInt = Field(ge=1)
    title: Localized
    summary: Localized
    bring: list[Localized] = []
    cost: Localized
    cost_facts: list[FactRef] = []
    duration: Localized
    duration_facts: list[FactRef] = []
    helped_by: HelpedBy
    chapter: Optional[Slug] = None


class Steps(_Strict):
    """data/steps.yaml"""

    steps: list[Step] = Field(max_length=MAX_ENTRIES)


# ---- facts.yaml ----


class Fact(_Strict):
    """A figure that changes (amount, limit, fee, deadline), kept once with its sources."""

    id: Slug
    value: Number
    unit: Unit
    label: Localized
    sources: list[Source] = Field(min_length=1, max_length=50, description="Where the figure was read: title, url, date")
    as_of: DateText
    doubt: Optional[Localized] = None


class Facts(_Strict):
    """data/facts.yaml"""

    facts: list[Fact] = Field(max_length=MAX_ENTRIES)


# ---- glossary.yaml ----


class Term(_Strict):
    """A German office term, explained in every language."""

    id: Slug
    term: Line
    meaning: Localized


class Glossary(_Strict):
    """data/glossary.yaml"""

    terms: list[Term] = Field(max_length=MAX_ENTRIES)


# ---- labels.yaml and site.yaml ----


class Labels(_Strict):
    """data/labels.yaml: the interface words of the site."""

    labels: dict[Slug, Localized]


class Operator(_Strict):
    """Who runs the site, for the Impressum and the privacy notice."""

    name: Line
    street: Line
    postcode: Postcode
    city: Line
    email: Email
    phone: Optional[Phone] = None
    responsible: Line


class Settings(_Strict):
    """data/site.yaml: settings that appear on pages."""

    operator: Optional[Operator] = None
    stale_after_months: StrictInt = Field(ge=1, description="Entries checked longer ago than this are marked as old")
    directory_page_size: StrictInt = Field(
        150, ge=2, le=1000,
        description="Entries on one directory page: a larger directory gets a page per state, a larger state a page per city")


# ---- search.yaml ----

# Besides the site's languages, search words may be given in English: readers type English
# words ("health insurance") on every language's site.
SEARCH_EXTRA_LANGUAGES = ("en",)
_SEARCH_WORD = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*\.?")


def _search_word(value: str) -> str:
    """One word as readers type it: letters and digits, inner hyphens or dots allowed."""
    if not _SEARCH_WORD.fullmatch(value):
        raise PydanticCustomError("search_word", "not one word (letters and digits, no spaces)", {"value": value})
    return value


def _search_phrase(value: str) -> str:
    """One to four words separated by single spaces."""
    parts = value.split(" ")
    if len(parts) > 4 or not all(_SEARCH_WORD.fullmatch(part) for part in parts):
        raise PydanticCustomError("search_phrase", "not a word or a phrase of up to four words", {"value": value})
    return value


SearchWord = Annotated[str, Field(min_length=1, max_length=60), AfterValidator(_search_word)]
SearchPhrase = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_search_phrase)]


class _PerLanguage(RootModel):
    """Lists by language: the site's languages and English (``en``); none is required."""

    model_config = ConfigDict(strict=True, frozen=True)

    @model_validator(mode="after")
    def _languages(self, info: ValidationInfo):
        context = info.context or {}
        languages = tuple(context.get("languages") or ())
        if languages:
            allowed = languages + SEARCH_EXTRA_LANGUAGES
            unknown = [code for code in self.root if code not in allowed]
            if unknown:
                raise PydanticCustomError("unknown_language", "unknown language {unknown}",
                                          {"unknown": ", ".join(unknown), "languages": ", ".join(allowed)})
        return self

    def get(self, language: str) -> list[str]:
        return list(self.root.get(language) or [])


class StopWords(_PerLanguage):
    """Question and filler words a search leaves out ("was", "brauche", "ne", "lazım", "что")."""

    root: dict[str, list[SearchWord]]


class SearchWords(_PerLanguage):
    """Words and phrases of one language that mean the same thing."""

    root: dict[str, list[SearchPhrase]]


class SynonymGroup(_Strict):
    """Words readers type for one thing, in every language; a search for one finds the others.

    ``term`` adds a glossary term's German word (data/glossary.yaml) to the group."""

    term: Optional[TermRef] = Field(None, description="Id of a glossary term whose German word belongs to the group")
    words: SearchWords = Field(description="Per language (de, tr, ru, and en for English): words and phrases of up to four words")


class Search(_Strict):
    """data/search.yaml: what the site search leaves out and what it treats as the same."""

    stop_words: StopWords = Field(description="Per language: words a search ignores (questions, fillers)")
    synonyms: list[SynonymGroup] = Field(default_factory=list, max_length=MAX_ENTRIES)


# ---- The data files and what they declare ----

FILES: dict[str, type[BaseModel]] = {
    "taxonomy.yaml": Taxonomy,
    "institutions.yaml": Institutions,
    "steps.yaml": Steps,
    "facts.yaml": Facts,
    "glossary.yaml": Glossary,
    "labels.yaml": Labels,
    "site.yaml": Settings,
    "search.yaml": Search,
}

# Allowed values, declared before anything refers to them: name → (file, list key).
DECLARATIONS: dict[str, tuple[str, str]] = {
    "kinds": ("taxonomy.yaml", "kinds"),
    "topics": ("taxonomy.yaml", "topics"),
    "states": ("taxonomy.yaml", "states"),
    "languages": ("taxonomy.yaml", "languages"),
    "phone_labels": ("taxonomy.yaml", "phone_labels"),
    "institutions": ("institutions.yaml", "institutions"),
    "steps": ("steps.yaml", "steps"),
    "facts": ("facts.yaml", "facts"),
    "terms": ("glossary.yaml", "terms"),
}


# ---- The loaded data ----


@dataclass
class Data:
    """The validated data of the site, ready to be rendered."""

    config: "SiteConfig"                       # the site (languages) from mkdocs.yml
    taxonomy: Taxonomy
    institutions: dict[str, Institution]       # by id, in file order
    steps: dict[str, Step]                     # by id, in the order of their `order`
    facts: dict[str, Fact]
    terms: dict[str, Term]
    labels: dict[str, Localized]
    settings: Settings                         # data/site.yaml
    search: Optional[Search] = None            # data/search.yaml
    sources: dict[str, "SourceFile"] = field(default_factory=dict)

    def institution(self, ident: str) -> Institution:
        return self.institutions[ident]

    def active(self) -> list[Institution]:
        """The entries a reader is sent to: active ones only (ended ones are history)."""
        return [item for item in self.institutions.values() if item.status == "active"]

    def history(self) -> list[Institution]:
        """Ended or paused entries, kept as history."""
        return [item for item in self.institutions.values() if item.status != "active"]


def months_since(checked: str, today: _dt.date) -> int:
    """Whole months from a ``checked``/``as_of`` date (YYYY, YYYY-MM or YYYY-MM-DD) to ``today``;
    a bare year counts from its December, so it is never made older than it may be."""
    year, month = (int(part) for part in (checked.split("-") + ["12"])[:2])
    return (today.year - year) * 12 + (today.month - month)
