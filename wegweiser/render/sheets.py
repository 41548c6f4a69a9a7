"""The sheets family: printable handouts a counsellor gives a client (see templates/sheet_*.html).

- ``checklist``: the steps of founding with tick boxes – what to bring, cost, time – and the
  offices of the reader's state with phone and e-mail;
- ``contact_sheet``: one sheet per state (and per city with several entries): the active
  offices grouped by topic, with full contacts;
- ``business_plan_sheet``: the outline of a business plan with room to write, the German
  section names beside the translated ones (banks and advisers expect the German);
- ``sheets_index``: every sheet of the site in this language.

``pair="tr"`` sets German beside that language in two columns (a bilingual handout).

A sheet page holds every state, each in its own section with its own address, QR code and check
date. ``?state=…`` (and ``&city=…``) shows only that section before printing (the page's script);
without the script every state prints, each starting on a new page. Paper cannot filter at print
time, so the choice is made on the screen first.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import unquote, urlencode

from markupsafe import Markup

from .. import layout, printing
from ..model import Institution
from .context import RenderContext, RenderError
from .directory import NATIONWIDE, _short, _state_order, sort_key
from .locale import lower
from .macros import MacroSet
from .steps import basics, helpers

macros = MacroSet("sheets")

# The checklist is a handout of at most two pages: it names this many offices of the state (those
# that help with most steps); the contact sheet of the state lists them all.
CHECKLIST_OFFICES = 6

# The outline of a business plan: label keys (section name, and "<key>-hint" for what goes there)
# and the lines of writing space each section gets.
BUSINESS_PLAN = (
    ("bp-summary", 5), ("bp-founder", 4), ("bp-offer", 5), ("bp-market", 5), ("bp-marketing", 4),
    ("bp-organisation", 4), ("bp-schedule", 4), ("bp-capital", 5), ("bp-financing", 5),
    ("bp-profitability", 4), ("bp-liquidity", 4), ("bp-risks", 4), ("bp-appendix", 3),
)


# ---- Languages: one column, or German beside the reader's language ----


def _in(ctx: RenderContext, language: str) -> RenderContext:
    """The same page's context in another language (dates shown are noted on the page's own)."""
    if language == ctx.language:
        return ctx
    other = RenderContext(ctx.data, language, link=ctx.link, asset=ctx.asset, today=ctx.today, download=ctx.download,
                          page=ctx.page, site_url=ctx.site_url, page_url=ctx.page_url)
    other.shown = ctx.shown
    return other


def _pair(ctx: RenderContext, pair: Optional[str]) -> Optional[tuple[str, str]]:
    if pair is None:
        return None
    default = ctx.data.config.default.code
    others = [code for code in ctx.data.config.codes if code != default]
    if pair not in others:
        raise RenderError(f'unknown pair "{pair}": German goes beside one of {", ".join(others)}')
    return (default, pair)


def _columns(ctx: RenderContext, pair: Optional[str]) -> list[dict]:
    """The languages of the sheet, each with its texts: ``[page's]`` or ``[German, pair]``."""
    codes = _pair(ctx, pair) or (ctx.language,)
    columns = []
    for code in codes:
        own = _in(ctx, code)
        language = ctx.data.config.language(code)
        columns.append({"lang": code, "dir": language.direction, "name": language.name, "ctx": own, "label": own.label})
    return columns


# ---- Shaping ----


def _section(ctx: RenderContext, key: str, title: str, dates: list, state: str, city: Optional[str] = None) -> dict:
    """One printable sheet of a page: its own address (``?state=…&city=…``), QR code and check date."""
    query = urlencode({"state": state, **({"city": city} if city else {})})
    url = printing.address(ctx.site_url, ctx.page_url, query)
    return {"key": key, "state": state, "city": city or "", "title": title, "query": query,
            "address": url, "address_short": unquote(printing.short(url)),
            "qr": Markup(printing.qr_svg(url)) if ctx.site_url else None,
            "checked": printing.newest(dates)}


def _contact(ctx: RenderContext, item: Institution) -> dict:
    """An office as a sheet lists it: who, what in one sentence, and every way to reach it."""
    ctx.shown.append(item.checked)
    address = item.address
    place = " ".join(part for part in (address.postcode, address.city) if part)
    return {
        "id": item.id,
        "name": item.name,
        "street": address.street,
        "place": place,
        "phones": [{"display": _phone(phone.number),
                    "label": ctx.named("phone_labels", phone.label) if phone.label else None} for phone in item.phones],
        "email": item.email,
        "website": _short(item.website) if item.website else None,
        "languages": [ctx.named("languages", code) for code in item.languages],
        "free": item.free,
        "checked": item.checked,
        "topics": item.topics,
    }


def _phone(number: str) -> str:
    from .. import phones

    return phones.display(number)


def _first_sentence(text: str) -> str:
    """What an office does, in one sentence (the description's first)."""
    text = " ".join(text.split())
    for mark in (". ", "! ", "? "):
        cut = text.find(mark)
        if 0 < cut < 240:
            text = text[: cut + 1]
    return text


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → '1–3, 5'."""
    parts: list[str] = []
    start: Optional[int] = None
    last: Optional[int] = None
    for number in sorted(numbers) + [None]:
        if start is not None and last is not None and number == last + 1:
            last = number
            continue
        if start is not None:
            parts.append(str(start) if start == last else f"{start}–{last}")
        start = last = number
    return ", ".join(parts)


def _states(ctx: RenderContext, nationwide: bool) -> list:
    return [state for state in _state_order(ctx) if nationwide or state.id != NATIONWIDE]


# ---- Large directories: a page per state for the sheets that list offices ----

STATE_SHEETS = (("checklist", "checklist"), ("contacts", "contact_sheet"))
# A state's sheet lists every office up to this many (about ten printed pages). A larger state
# lists only the offices outside its city sheets, so no office is on its page twice.
STATE_SHEET_LIMIT = 80


def is_large(data) -> bool:
    """As the directory: more active entries than one page holds (data/site.yaml)."""
    return len(data.active()) > data.settings.directory_page_size


def state_sheet(name: str, pair: Optional[tuple[str, str]], state: str) -> str:
    """``sheets/contacts-de-tr/bayern.md``: one state's copy of a sheet."""
    return layout.sheet(name, pair)[: -len(".md")] + f"/{state}.md"


def generated_pages(data) -> dict[str, str]:
    """For a large directory, the sheets that list offices get a page per state (path inside
    docs/<lang>/ → Markdown): the page a counsellor opens never grows with the directory."""
    if not is_large(data):
        return {}
    default = data.config.default.code
    pairs: list[Optional[str]] = [None] + [code for code in data.config.codes if code != default]
    used = {item.address.state for item in data.active()}
    pages = {}
    for name, macro in STATE_SHEETS:
        for pair in pairs:
            for state in data.taxonomy.states:
                if state.id not in used or (name == "checklist" and state.id == NATIONWIDE):
                    continue
                args = f'state="{state.id}"' + (f', pair="{pair}"' if pair else "")
                pages[state_sheet(name, (default, pair) if pair else None, state.id)] = f"{{{{ {macro}({args}) }}}}\n"
    return pages


def _state_index(ctx: RenderContext, name: str, pair: Optional[str], nationwide: bool) -> Markup:
    """A large directory's sheet page: the link to each state's own sheet."""
    used = {item.address.state for item in ctx.data.active()}
    links = [{"name": ctx.text(state.name), "href": ctx.link(state_sheet(name, _pair(ctx, pair), state.id))}
             for state in _states(ctx, nationwide) if state.id in used]
    return ctx.render("sheet_states.html", links=links)


def _only(ctx: RenderContext, state: Optional[str], nationwide: bool) -> list:
    """The states a sheet shows: one when asked for (a state's page), else all."""
    states = _states(ctx, nationwide)
    if state is None:
        return states
    chosen = [item for item in states if item.id == state]
    if not chosen:
        raise RenderError(f'unknown state "{state}"; states: {", ".join(item.id for item in states)}')
    return chosen


@macros.macro
def checklist(ctx: RenderContext, pair: Optional[str] = None, state: Optional[str] = None) -> Markup:
    """The steps of founding with tick boxes; then, for each state, the offices that help, with
    phone and e-mail (one state prints with ``?state=…``; a large directory has a page per state)."""
    if state is None and is_large(ctx.data):
        return _state_index(ctx, "checklist", pair, nationwide=False)
    columns = _columns(ctx, pair)
    steps = list(ctx.data.steps.values())
    rows = [[basics(column["ctx"], step) for column in columns] for step in steps]
    fact_dates = [fact["as_of"] for row in rows for fact in row[0]["cost_facts"] + row[0]["duration_facts"]]
    helps: dict[str, list[int]] = {}
    for step in steps:
        for item in helpers(ctx, step):
            helps.setdefault(item.id, []).append(step.order)
    all_steps = sorted(step.order for step in steps)
    sections = []
    for place in _only(ctx, state, nationwide=False):
        found = [item for item in ctx.data.active() if item.address.state == place.id and item.id in helps]
        # those that help with most steps first; then current before old; then by name
        chosen = sorted(found, key=lambda item: (-len(helps[item.id]), not item.is_current(), lower(ctx.language, item.name)))
        chosen = sorted(chosen[:CHECKLIST_OFFICES], key=sort_key(ctx))
        offices = []
        for item in chosen:
            office = _contact(ctx, item)
            office["steps"] = (ctx.label("sheet-every-step") if helps[item.id] == all_steps
                               else ctx.label("sheet-step-numbers").replace("{n}", _ranges(helps[item.id])))
            office["what"] = None  # the contact sheet says what each office does; this one has two pages
            offices.append(office)
        section = _section(ctx, place.id, ctx.text(place.name), [item.checked for item in chosen] + fact_dates, place.id)
        section["offices"] = offices
        section["more"] = [column["ctx"].local.plural("sheet-more-offices", len(found) - len(chosen))
                           for column in columns] if len(found) > len(chosen) else None
        section["contacts_href"] = (ctx.link(state_sheet("contacts", _pair(ctx, pair), place.id)) if is_large(ctx.data)
                                    else ctx.link(layout.sheet("contacts", _pair(ctx, pair))) + "?" + section["query"])
        section["contacts_address"] = printing.resolve(ctx.site_url, ctx.page_url, section["contacts_href"])
        section["names"] = [column["ctx"].text(place.name) for column in columns]
        sections.append(section)
    return ctx.render("sheet_checklist.html", columns=columns, rows=rows, sections=sections, chooser=_chooser(ctx, sections))


# ---- The contact sheet ----


def _topic_groups(ctx: RenderContext, columns: list[dict], items: list[Institution]) -> list[dict]:
    """Offices grouped by their first topic, topics in the taxonomy's order; each office once."""
    groups = []
    for topic in ctx.data.taxonomy.topics:
        members = sorted((item for item in items if item.topics[0] == topic.id), key=sort_key(ctx))
        if not members:
            continue
        offices = []
        for item in members:
            office = _contact(ctx, item)
            office["what"] = [_first_sentence(column["ctx"].text(item.description)) for column in columns]
            office["also"] = [", ".join(column["ctx"].named("topics", other) for other in item.topics[1:]) for column in columns]
            offices.append(office)
        groups.append({"id": topic.id, "names": [column["ctx"].text(topic.name) for column in columns], "offices": offices})
    return groups


@macros.macro
def contact_sheet(ctx: RenderContext, pair: Optional[str] = None, state: Optional[str] = None) -> Markup:
    """Per state (nationwide services on a sheet of their own), and per city where a state's
    entries lie in several cities and one city has at least two: the active offices grouped by
    topic, with full contacts. A large directory has a page per state."""
    if state is None and is_large(ctx.data):
        return _state_index(ctx, "contacts", pair, nationwide=True)
    columns = _columns(ctx, pair)
    sections = []
    active = ctx.data.active()
    for place in _only(ctx, state, nationwide=True):
        members = [item for item in active if item.address.state == place.id]
        if not members:
            continue
        section = _section(ctx, place.id, ctx.text(place.name), [item.checked for item in members], place.id)
        section["names"] = [column["ctx"].text(place.name) for column in columns]
        section["count"] = len(members)
        cities: dict[str, list] = {}
        for item in members:
            cities.setdefault(item.address.city or "", []).append(item)
        own = sorted((name for name, items in cities.items() if name and len(items) >= 2), key=lambda name: lower("de", name)) \
            if len(cities) >= 2 else []
        section["split"] = len(members) > STATE_SHEET_LIMIT and bool(own)
        listed = [item for item in members if (item.address.city or "") not in own] if section["split"] else members
        section["groups"] = _topic_groups(ctx, columns, listed)
        section["cities"] = []
        sections.append(section)
        for city in own:
            sub = _section(ctx, f"{place.id}/{city}", city, [item.checked for item in cities[city]], place.id, city)
            sub["names"] = [city for _ in columns]
            sub["groups"] = _topic_groups(ctx, columns, cities[city])
            sub["count"] = len(cities[city])
            sub["cities"] = []
            section["cities"].append({"name": city, "query": sub["query"]})
            sections.append(sub)
    return ctx.render("sheet_contacts.html", columns=columns, sections=sections, chooser=_chooser(ctx, sections))


def _chooser(ctx: RenderContext, sections: list[dict]) -> dict:
    """The screen-only choice of a state before printing (a plain GET form to the same page)."""
    return {"states": [{"id": section["state"], "name": section["title"]} for section in sections if not section["city"]]}


# ---- The business plan ----


@macros.macro
def business_plan_sheet(ctx: RenderContext, pair: Optional[str] = None) -> Markup:
    """The outline of a business plan to fill in by hand: each section in the reader's language
    with its German name beside it, what belongs there, and lines to write on."""
    columns = _columns(ctx, pair)
    german = _in(ctx, ctx.data.config.default.code)
    sections = [{"german": german.label(key), "lines": lines,
                 "cells": [{"lang": column["lang"], "dir": column["dir"], "name": column["label"](key),
                            "hint": column["label"](key + "-hint")} for column in columns]}
                for key, lines in BUSINESS_PLAN]
    return ctx.render("sheet_business_plan.html", columns=columns, sections=sections,
                      german_code=german.language, show_german=[column["lang"] != german.language for column in columns])


# ---- Every sheet ----


@macros.macro
def sheets_index(ctx: RenderContext) -> Markup:
    """Every sheet in this language, and German beside each other language, with a link per state."""
    default = ctx.data.config.default.code
    pairs = [(default, code) for code in ctx.data.config.codes if code != default]
    used = {item.address.state for item in ctx.data.active()}
    states = [{"id": state.id, "name": ctx.text(state.name)} for state in _state_order(ctx)]
    sheets = []
    for name, label, per_state in (("checklist", "sheet-checklist", True), ("contacts", "sheet-contacts", True),
                                   ("business-plan", "sheet-business-plan", False)):
        own_states = []
        if per_state:
            own_states = [dict(state, href=(ctx.link(state_sheet(name, None, state["id"])) if is_large(ctx.data)
                                             else ctx.link(layout.sheet(name)) + "?state=" + state["id"]))
                          for state in states
                          if (state["id"] in used if name == "contacts" else state["id"] != NATIONWIDE and state["id"] in used)]
        sheets.append({
            "name": name, "title": ctx.label(label), "href": ctx.link(layout.sheet(name)),
            "states": own_states,
            "pairs": [{"href": ctx.link(layout.sheet(name, pair)),
                       "name": " + ".join(ctx.data.config.language(code).name for code in pair),
                       "codes": pair} for pair in pairs],
        })
    return ctx.render("sheet_index.html", sheets=sheets)
