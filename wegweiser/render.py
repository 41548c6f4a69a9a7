"""Render pages: Markdown with Jinja macros fed by the data, in one language.

Python here only shapes data (what to list, in which order, which text in which language);
the markup is in ``templates/*.html``. Autoescaping is on, so every data string is escaped.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import jinja2
import phonenumbers
from markupsafe import Markup

from .model import months_since
from .validate import Data

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Safe link schemes for anything that ends up in an href.
_SAFE_SCHEMES = ("http://", "https://", "tel:", "mailto:", "geo:")


class RenderError(Exception):
    """A page calls a macro wrongly (unknown id, unknown label)."""


# ---- Language helpers ----


def plural_index(language: str, n: float, forms: int) -> int:
    """Which plural form to use for ``n`` (Russian: one/few/many, others: one/other)."""
    if forms == 1:
        return 0
    whole = int(n) == n
    if language in ("ru", "uk") and forms >= 3:
        if not whole:
            return 1
        n = int(n)
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


def format_number(language: str, value: float, money: bool = False) -> str:
    """12500 → '12.500' (de, tr), '12 500' (ru); 1248.33 → '1.248,33'; 3.5 → '3,5';
    money keeps two decimals (2.2 → '2,20')."""
    whole = float(value).is_integer()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if not whole and not money:
        text = text.rstrip("0")
    thousands = "\u202f" if language in ("ru", "uk", "fr") else ("," if language == "en" else ".")
    decimal = "." if language == "en" else ","
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def lower(language: str, text: str) -> str:
    """Lower-case with the language's rules (Turkish: I → ı, İ → i)."""
    if language in ("tr", "az"):
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


# ---- Shaping data for templates ----


@dataclass
class Renderer:
    """Renders the macros of one language."""

    data: Data
    language: str
    link: Callable[[str], str] = lambda target: target  # language-local page path → relative URL
    asset: Callable[[str], str] = lambda path: path      # path from the site root → relative URL
    today: Optional[_dt.date] = None
    download: Optional[str] = "download/wegweiser-offline.zip"  # None in the download itself

    def __post_init__(self):
        self.env = _environment()
        self.env.globals.update(
            institution=self.institution,
            directory=self.directory,
            directory_filter=self.directory_filter,
            steps_overview=self.steps_overview,
            step=self.step,
            fact=self.fact,
            facts_table=self.facts_table,
            term=self.term,
            glossary=self.glossary,
            label=self.label,
            data_overview=self.data_overview,
            offline_download=self.offline_download,
            open_data=self.open_data,
            operator=self.operator,
            maintenance_report=self.maintenance_report,
        )
        self.default_language = self.data.site.default.code

    # ---- Texts ----

    def text(self, localized: Any) -> str:
        """The text in this language; falls back to the default language when allowed."""
        value = getattr(localized, self.language, None)
        if value:
            return value
        return getattr(localized, self.default_language)

    def is_fallback(self, localized: Any) -> bool:
        return not getattr(localized, self.language, None)

    def label(self, key: str) -> str:
        try:
            return self.text(self.data.labels[key])
        except KeyError:
            raise RenderError(f'unknown label "{key}" (data/labels.yaml)') from None

    def _named(self, group: str, ident: str) -> str:
        for item in getattr(self.data.taxonomy, group):
            if item.id == ident:
                return self.text(item.name)
        return ident

    # ---- Institutions ----

    def _card(self, item) -> dict:
        """Everything the card template shows about one institution, already in this language."""
        phone_href = None
        if item.phone:
            number = phonenumbers.parse(item.phone, "DE")
            phone_href = "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        address = item.address
        place = " ".join(part for part in (address.postcode, address.city) if part)
        map_query = ", ".join(part for part in (address.street, place) if part)
        return {
            "id": item.id,
            "name": item.name,
            "kind": self._named("kinds", item.kind),
            "topics": [{"id": topic, "name": self._named("topics", topic)} for topic in item.topics],
            "street": address.street,
            "city": address.city,
            "place": place,
            "state": self._named("states", address.state),
            "map_href": safe_href("geo:0,0?q=" + _query(map_query + ", Deutschland")) if address.street else None,
            "phone": item.phone,
            "phone_href": safe_href(phone_href),
            "email": item.email,
            "email_href": safe_href("mailto:" + item.email) if item.email else None,
            "website": item.website,
            "website_href": safe_href(item.website),
            "contact": item.contact,
            "languages": [self._named("languages", code) for code in item.languages or []],
            "language_ids": list(item.languages or []),
            "free": item.free,
            "partners": item.partners or [],
            "description": self.text(item.description),
            "description_fallback": self.is_fallback(item.description),
            "fallback_lang": self.default_language,
            "source": item.source,
            "checked": item.checked,
            "stale": self.is_stale(item.checked),
            "vcard_href": self.asset(f"vcards/{item.id}.vcf"),
        }

    def vcard(self, ident: str) -> str:
        """The vCard file of one institution (text, CRLF line ends as vCard requires)."""
        card = self._card(self.data.institution(ident))
        card["postcode"] = self.data.institution(ident).address.postcode
        card["note"] = f"{self.label('source')}: {card['source']} ({self.label('checked')}: {card['checked']})"
        text = self.env.get_template("vcard.vcf").render(card=card)
        return "\r\n".join(line for line in text.splitlines() if line.strip()) + "\r\n"

    def is_stale(self, checked: str) -> bool:
        """True when ``checked`` lies further back than the site's stale_after_months."""
        today = self.today or _dt.date.today()
        return months_since(checked, today) > self.data.settings.stale_after_months

    def institution(self, ident: str) -> Markup:
        """One institution's card."""
        try:
            item = self.data.institution(ident)
        except KeyError:
            raise RenderError(f'unknown institution "{ident}"') from None
        return self._render("institution.html", card=self._card(item), heading=3)

    def _select(self, topic=None, kind=None, state=None, city=None, ids=None) -> list:
        for name, value, group in (("topic", topic, "topics"), ("kind", kind, "kinds"), ("state", state, "states")):
            if value is not None and value not in {item.id for item in getattr(self.data.taxonomy, group)}:
                raise RenderError(f'directory(): unknown {name} "{value}"')
        chosen = []
        for item in self.data.institutions:
            if topic and topic not in item.topics:
                continue
            if kind and item.kind != kind:
                continue
            if state and item.address.state != state:
                continue
            if city and (item.address.city or "") != city:
                continue
            if ids is not None and item.id not in ids:
                continue
            chosen.append(item)
        return chosen

    def directory(self, topic=None, kind=None, state=None, city=None, group: str = "place", compact: bool = False) -> Markup:
        """A listing of institutions, filtered, grouped by place (state → city) or by topic."""
        items = self._select(topic, kind, state, city)
        key = lambda item: lower(self.language, item.name)  # noqa: E731
        groups = []
        if group == "topic":
            for entry in self.data.taxonomy.topics:
                members = [item for item in items if entry.id in item.topics]
                if members:
                    groups.append({"id": "topic-" + entry.id, "title": self.text(entry.name), "subgroups": [
                        {"id": None, "title": None, "cards": [self._card(item) for item in sorted(members, key=key)]}
                    ]})
        elif group == "place":
            for entry in sorted(self.data.taxonomy.states, key=lambda state: self.text(state.name)):
                members = [item for item in items if item.address.state == entry.id]
                if not members:
                    continue
                cities = sorted({item.address.city or "" for item in members}, key=lambda name: (name == "", name))
                groups.append({"id": "state-" + entry.id, "title": self.text(entry.name), "subgroups": [
                    {
                        "id": "city-" + _slug(city) if city else "no-city-" + entry.id,
                        "title": city or self.label("no-city"),
                        "cards": [self._card(item) for item in sorted(members, key=key) if (item.address.city or "") == city],
                    }
                    for city in cities
                ]})
        else:
            groups.append({"id": None, "title": None, "subgroups": [
                {"id": None, "title": None, "cards": [self._card(item) for item in sorted(items, key=key)]}
            ]})
        return self._render("directory.html", markdown=True, groups=groups, count=len(items), compact=compact,
                            anchors=not compact,
                            directory_href=self.link("directory/index.md") if compact else None)

    def directory_filter(self) -> Markup:
        """Filters (topic, city, counselling language) for a directory listing on the same page."""
        items = self.data.institutions
        used_topics = {topic for item in items for topic in item.topics}
        used_languages = {code for item in items for code in item.languages or []}
        return self._render(
            "directory_filter.html",
            topics=[{"id": t.id, "name": self.text(t.name)} for t in self.data.taxonomy.topics if t.id in used_topics],
            cities=[{"id": city, "name": city} for city in sorted({item.address.city for item in items if item.address.city})],
            languages=[{"id": l.id, "name": self.text(l.name)} for l in self.data.taxonomy.languages if l.id in used_languages],
            count_text=self.count_text(len(items)),
        )

    def count_text(self, n: int) -> str:
        """'1 Eintrag', '5 Einträge', '21 запись' – the plural form the language needs."""
        forms = self.label("entries-count").split("|")
        return forms[plural_index(self.language, n, len(forms))].replace("{n}", str(n))

    # ---- Steps ----

    def _step(self, step) -> dict:
        helpers = [item for item in self.data.institutions
                   if item.kind in step.helped_by.kinds
                   or set(item.topics) & set(step.helped_by.topics)
                   or item.id in step.helped_by.institutions]
        return {
            "id": step.id,
            "fallback": any(self.is_fallback(text) for text in (step.title, step.summary, step.cost, step.duration)),
            "order": step.order,
            "title": self.text(step.title),
            "summary": self.text(step.summary),
            "bring": [self.text(thing) for thing in step.bring],
            "cost": self.text(step.cost),
            "cost_facts": [self._fact(ident) for ident in step.cost_facts],
            "duration": self.text(step.duration),
            "duration_facts": [self._fact(ident) for ident in step.duration_facts],
            "kinds": [self._named("kinds", kind) for kind in step.helped_by.kinds],
            "helpers": sorted(helpers, key=lambda item: lower(self.language, item.name)),
            "chapter_href": self.link(f"guide/{step.chapter}.md") if step.chapter else None,
            "overview_href": self.link("steps.md"),
        }

    def steps_overview(self) -> Markup:
        """All steps in order, each with a link to its chapter."""
        return self._render("steps_overview.html", steps=[self._step(step) for step in self.data.steps])

    def step(self, ident: str) -> Markup:
        """One step with what to bring, cost, duration and who helps."""
        for step in self.data.steps:
            if step.id == ident:
                shaped = self._step(step)
                shaped["helper_cards"] = [
                    {"id": item.id, "name": item.name, "place": item.address.city or self._named("states", item.address.state),
                     "href": self.link("directory/index.md") + "#" + item.id}
                    for item in shaped.pop("helpers")
                ]
                return self._render("step.html", step=shaped)
        raise RenderError(f'unknown step "{ident}"')

    # ---- Facts and terms ----

    def _fact(self, ident: str) -> dict:
        try:
            fact = self.data.facts[ident]
        except KeyError:
            raise RenderError(f'unknown fact "{ident}" (data/facts.yaml)') from None
        forms = self.label("unit-" + fact.unit).split("|")
        pattern = forms[plural_index(self.language, fact.value, len(forms))]
        return {
            "id": fact.id,
            "value": pattern.replace("{n}", str(fact.value) if fact.unit == "year"
                                     else format_number(self.language, fact.value, money=fact.unit.startswith("eur"))),
            "label": self.text(fact.label),
            "source": "; ".join(source.title + (f" ({source.date})" if source.date else "") for source in fact.sources),
            "as_of": fact.as_of,
            "doubt": self.text(fact.doubt) if fact.doubt else None,
        }

    def fact(self, ident: str) -> Markup:
        """A figure from data/facts.yaml, formatted for this language, with its date and source."""
        return self._render("fact.html", fact=self._fact(ident)).strip()

    def facts_table(self, *idents: str) -> Markup:
        """A table of figures with source and date (all figures when no ids are given)."""
        chosen = idents or tuple(self.data.facts)
        return self._render("facts_table.html", facts=[self._fact(ident) for ident in chosen])

    def _term(self, ident: str) -> dict:
        try:
            term = self.data.terms[ident]
        except KeyError:
            raise RenderError(f'unknown term "{ident}" (data/glossary.yaml)') from None
        return {"id": term.id, "term": term.term, "meaning": self.text(term.meaning),
                "href": self.link("guide/glossary.md") + "#term-" + term.id}

    def term(self, ident: str, text: Optional[str] = None) -> Markup:
        """A German office term, kept in German, explained in this language on hover, tap and print.

        ``term("finanzamt")`` shows the German word; ``term("finanzamt", "vergi dairesine")`` shows
        the reader's words with the German in brackets: "vergi dairesine (Finanzamt)"."""
        return self._render("term.html", term=self._term(ident), text=text).strip()

    def glossary(self) -> Markup:
        """All terms, alphabetically by the German term."""
        terms = sorted((self._term(ident) for ident in self.data.terms), key=lambda term: lower("de", term["term"]))
        return self._render("glossary.html", terms=terms)

    def data_overview(self) -> Markup:
        """How old the data is: entries per source and check date, oldest first."""
        rows: dict[tuple, int] = {}
        for item in self.data.institutions:
            rows[(item.checked, item.source)] = rows.get((item.checked, item.source), 0) + 1
        table = [{"checked": checked, "source": source, "count": count, "stale": self.is_stale(checked)}
                 for (checked, source), count in sorted(rows.items())]
        return self._render("data_overview.html", rows=table, total=len(self.data.institutions),
                            facts=len(self.data.facts), terms=len(self.data.terms), steps=len(self.data.steps))

    def maintenance_report(self) -> Markup:
        """Translation status and stale entries, for the maintainers' page."""
        from .reports import stale_entries, translation_status

        gaps = translation_status(self.data.site, self.data)
        stale = stale_entries(self.data, today=self.today)
        return self._render("maintenance_report.html", gaps=gaps, stale=stale,
                            directory_href=self.link("directory/index.md"))

    def operator(self) -> Markup:
        """Who runs the site (data/site.yaml › operator), for the Impressum."""
        return self._render("operator.html", operator=self.data.settings.operator)

    def open_data(self) -> Markup:
        """Links to the directory as JSON and CSV."""
        return self._render("open_data.html", json_href=self.asset("data/institutions.json"),
                            csv_href=self.asset("data/institutions.csv"))

    def offline_download(self) -> Markup:
        """A link to the zipped site that works from disk (nothing inside that copy itself)."""
        if not self.download:
            return Markup("")
        return self._render("download.html", href=self.asset(self.download))

    # ---- Pages ----

    def _render(self, template: str, markdown: bool = False, **context) -> Markup:
        html = self.env.get_template(template).render(lang=self.language, **context)
        if markdown:
            # Headings in Markdown, cards in HTML blocks: keep blank lines, but never two in a row.
            return Markup(re.sub(r"\n\s*\n(\s*\n)+", "\n\n", "\n" + html + "\n"))
        # Markdown treats blank lines as the end of an HTML block: keep the block in one piece.
        return Markup("\n".join(line for line in html.splitlines() if line.strip()))

    def render_markdown(self, markdown: str, name: str = "page") -> str:
        """Expand the macros in one page's Markdown."""
        try:
            return self.env.from_string(markdown).render()
        except jinja2.TemplateSyntaxError as error:
            raise RenderError(f"{name}:{error.lineno}: {error.message}") from None
        except jinja2.UndefinedError as error:
            raise RenderError(f"{name}: {error.message}") from None


# ---- Helper functions ----


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        # HTML is escaped for HTML; a vCard is escaped for vCard (the "vcard" filter).
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md_escape"] = md_escape
    env.filters["vcard"] = vcard_escape
    return env


def vcard_escape(text: str) -> str:
    """Escape a vCard value: backslash, comma, semicolon and line breaks."""
    text = str(text).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return re.sub(r"\r\n|\r|\n", "\\\\n", text)


def md_escape(text: str) -> Markup:
    """HTML-escape ``text`` and backslash-escape Markdown syntax, for data inside Markdown."""
    escaped = str(Markup.escape(text))
    return Markup(re.sub(r"([\\`*_{}\[\]()+\-!|])", r"\\\1", escaped))


def safe_href(url: Optional[str]) -> Optional[str]:
    """Only http(s), tel, mailto and geo links reach a page; anything else is dropped."""
    if url and url.strip().lower().startswith(_SAFE_SCHEMES):
        return url.strip()
    return None


def _query(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


def _slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")
