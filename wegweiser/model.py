"""The one model of Wegweiser's data.

Both the validator (``wegweiser.validate``) and the JSON Schemas for editors
(``wegweiser.schema``) come from the classes built here. Texts that readers see are
``Localized``: one field per site language, so the list of languages decides which
translations are required.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal, Optional, Union
from urllib.parse import urlsplit

import phonenumbers
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictFloat, StrictInt, create_model
from pydantic_core import PydanticCustomError

# ---- Value types ----

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_POSTCODE = re.compile(r"^[0-9]{5}$")
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise PydanticCustomError("slug", "not a valid id", {"value": value})
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError("email", "not an e-mail address", {"value": value})
    return value


def _phone(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "DE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise PydanticCustomError("phone", "not a valid phone number", {"value": value})
    return value


def _postcode(value: str) -> str:
    if not _POSTCODE.match(value):
        raise PydanticCustomError("postcode", "not a German postcode", {"value": value})
    return value


def _date(value: str) -> str:
    match = _DATE.match(value)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(part) if part else 1 for part in match.groups())
        parsed = _dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError("date", "not a date", {"value": value}) from None
    if parsed > _dt.date.today():
        raise PydanticCustomError("future_date", "date lies in the future", {"value": value})
    return value


def _web_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise PydanticCustomError("url", "not an http(s) link", {"value": value})
    return value


Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": _SLUG.pattern})]
Email = Annotated[str, AfterValidator(_email), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, AfterValidator(_phone), Field(json_schema_extra={"examples": ["0421 33 77 173", "+49 421 3377173"]})]
Postcode = Annotated[str, AfterValidator(_postcode), Field(json_schema_extra={"pattern": _POSTCODE.pattern})]
DateText = Annotated[
    str,
    AfterValidator(_date),
    Field(json_schema_extra={"pattern": _DATE.pattern, "examples": ["2025-10", "2010-03", "2026-01-15"]}),
]
WebUrl = Annotated[str, AfterValidator(_web_url), Field(json_schema_extra={"pattern": "^https?://"})]
Text = Annotated[str, Field(min_length=1)]
Number = Union[StrictInt, StrictFloat]

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


class _Strict(BaseModel):
    """Every data class rejects unknown keys (a typo must not pass) and coerces nothing."""

    model_config = ConfigDict(strict=True, extra="forbid")


class Source(_Strict):
    """A page, document or law text that confirms an entry or a figure."""

    title: Text = Field(description="Site and page title, or the document's name")
    url: Optional[WebUrl] = None
    date: Optional[DateText] = Field(None, description="The date the source itself shows (YYYY, YYYY-MM or YYYY-MM-DD)")


# ---- The model, built for a list of languages ----


@dataclass(frozen=True)
class Models:
    """The classes of one data model; ``files`` maps each data file to its root class."""

    languages: tuple[str, ...]
    localized: type[BaseModel]
    files: dict[str, type[BaseModel]]


@lru_cache(maxsize=8)
def build_models(languages: tuple[str, ...], required: tuple[str, ...] | None = None) -> Models:
    """Build the data classes for ``languages``; translations into ``required`` must exist."""
    required = languages if required is None else required
    Localized = create_model(  # noqa: N806 - a class
        "Localized",
        __base__=_Strict,
        **{
            lang: ((Text, ...) if lang in required else (Optional[Text], None))
            for lang in languages
        },
    )
    Localized.__doc__ = "A text in every language of the site."

    class Named(_Strict):
        """An allowed value (kind, topic, state, language) with its name in every language."""

        id: Slug
        name: Localized  # type: ignore[valid-type]

    class Topic(Named):
        """A field of action; institutions and steps refer to it by id."""

        description: Optional[Localized] = None  # type: ignore[valid-type]

    class Taxonomy(_Strict):
        """The allowed values, declared before anything refers to them."""

        kinds: list[Named]
        topics: list[Topic]
        states: list[Named]
        languages: list[Named]

    class Address(_Strict):
        """Where an office is; only what the source gives."""

        street: Optional[Text] = None
        postcode: Optional[Postcode] = None
        city: Optional[Text] = None
        state: Slug

    class Institution(_Strict):
        """An institution, network or training centre of the directory."""

        id: Slug = Field(description="Stable id used in links, e.g. qnet-awo-bremen")
        name: Text = Field(description="Official name, not translated")
        kind: Slug = Field(description="One of the kinds in taxonomy.yaml")
        topics: list[Slug] = Field(min_length=1, description="Topics from taxonomy.yaml")
        address: Address
        phone: Optional[Phone] = None
        email: Optional[Email] = None
        website: Optional[WebUrl] = None
        contact: Optional[Text] = None
        languages: Optional[list[Slug]] = Field(None, description="Languages counselling is offered in")
        free: Optional[bool] = Field(None, description="true when the service costs nothing")
        partners: Optional[list[Text]] = None
        description: Localized  # type: ignore[valid-type]
        source: Text = Field(description="Where the data comes from")
        checked: DateText = Field(description="When the data was last confirmed (YYYY, YYYY-MM or YYYY-MM-DD)")

    class Institutions(_Strict):
        """data/institutions.yaml"""

        institutions: list[Institution]

    class HelpedBy(_Strict):
        """Who helps with a step: kinds of institution, topics, or named institutions."""

        kinds: list[Slug] = []
        topics: list[Slug] = []
        institutions: list[Slug] = []

    class Step(_Strict):
        """One step of starting a business."""

        id: Slug
        order: StrictInt = Field(ge=1)
        title: Localized  # type: ignore[valid-type]
        summary: Localized  # type: ignore[valid-type]
        bring: list[Localized] = []  # type: ignore[valid-type]
        cost: Localized  # type: ignore[valid-type]
        cost_facts: list[Slug] = []
        duration: Localized  # type: ignore[valid-type]
        duration_facts: list[Slug] = []
        helped_by: HelpedBy
        chapter: Optional[Slug] = None

    class Steps(_Strict):
        """data/steps.yaml"""

        steps: list[Step]

    class Fact(_Strict):
        """A figure that changes (amount, limit, fee, deadline), kept once with its sources."""

        id: Slug
        value: Number
        unit: Unit
        label: Localized  # type: ignore[valid-type]
        sources: list[Source] = Field(min_length=1, description="Where the figure was read: title, url, date")
        as_of: DateText
        doubt: Optional[Localized] = None  # type: ignore[valid-type]

    class Facts(_Strict):
        """data/facts.yaml"""

        facts: list[Fact]

    class Term(_Strict):
        """A German office term, explained in every language."""

        id: Slug
        term: Text
        meaning: Localized  # type: ignore[valid-type]

    class Glossary(_Strict):
        """data/glossary.yaml"""

        terms: list[Term]

    class Labels(_Strict):
        """data/labels.yaml: the interface words of the site."""

        labels: dict[Slug, Localized]  # type: ignore[valid-type]

    class Operator(_Strict):
        """Who runs the site, for the Impressum and the privacy notice."""

        name: Text
        street: Text
        postcode: Postcode
        city: Text
        email: Email
        phone: Optional[Phone] = None
        responsible: Text

    class Site(_Strict):
        """data/site.yaml: settings that appear on pages."""

        operator: Optional[Operator] = None
        stale_after_months: StrictInt = Field(ge=1, description="Entries checked longer ago than this are marked as old")

    files = {
        "taxonomy.yaml": Taxonomy,
        "institutions.yaml": Institutions,
        "steps.yaml": Steps,
        "facts.yaml": Facts,
        "glossary.yaml": Glossary,
        "labels.yaml": Labels,
        "site.yaml": Site,
    }
    return Models(languages=languages, localized=Localized, files=files)


def months_since(checked: str, today: _dt.date) -> int:
    """Whole months from a ``checked``/``as_of`` date (YYYY, YYYY-MM or YYYY-MM-DD) to ``today``;
    a bare year counts from its December, so it is never made older than it may be."""
    year, month = (int(part) for part in (checked.split("-") + ["12"])[:2])
    return (today.year - year) * 12 + (today.month - month)
