"""The directory family: institution cards, listings by place or topic, filters, history."""

from __future__ import annotations

from typing import Optional
from urllib.parse import quote

from markupsafe import Markup

from .. import layout, phones
from ..model import Institution
from .context import RenderContext, RenderError
from .locale import lower
from .macros import MacroSet
from .safety import safe_href

macros = MacroSet("directory")

NATIONWIDE = "bundesweit"
GROUPS = ("place", "topic", "none")


# ---- Shaping one institution ----


def card(ctx: RenderContext, item: Institution) -> dict:
    """Everything the card template shows about one institution, already in this language."""
    address = item.address
    place = " ".join(part for part in (address.postcode, address.city) if part)
    map_query = ", ".join(part for part in (address.street, place) if part)
    successor = ctx.data.institutions.get(item.successor) if item.successor else None
    ctx.shown.append(item.checked)
    return {
        "id": item.id,
        "name": item.name,
        "kind": ctx.named("kinds", item.kind),
        "status": item.status,
        "topics": [{"id": topic, "name": ctx.named("topics", topic)} for topic in item.topics],
        "street": address.street,
        "postcode": address.postcode,
        "city": address.city,
        "place": place,
        "state": ctx.named("states", address.state),
        "state_id": address.state,
        "nationwide": address.state == NATIONWIDE,
        "map_href": safe_href("geo:0,0?q=" + quote(map_query + ", Deutschland", safe="")) if address.street else None,
        "map_query": map_query + ", Deutschland" if address.street else None,
        "phones": [{"display": phones.display(phone.number), "href": safe_href("tel:" + phones.e164(phone.number)),
                    "e164": phones.e164(phone.number),
                    "label": ctx.named("phone_labels", phone.label) if phone.label else None}
                   for phone in item.phones],
        "email": item.email,
        "email_href": safe_href("mailto:" + item.email) if item.email else None,
        "website": item.website,
        "website_href": safe_href(item.website),
        "website_short": _short(item.website) if item.website else None,
        "contact": item.contact,
        "languages": [ctx.named("languages", code) for code in item.languages],
        "language_ids": list(item.languages),
        "free": item.free,
        "partners": list(item.partners),
        "description": ctx.text(item.description),
        "description_fallback": ctx.local.is_fallback(item.description),
        "fallback_lang": ctx.local.default,
        "sources": [{"title": source.title, "href": safe_href(source.url), "date": source.date} for source in item.sources],
        "newest": item.newest_source_date(),
        "current": item.is_current(),
        "checked": item.checked,
        "stale": ctx.is_stale(item.checked),
        "vcard_href": ctx.asset(layout.vcard(item.id)),
        "successor": {"name": successor.name, "href": ctx.link(layout.DIRECTORY) + "#" + successor.id} if successor else None,
    }


def _short(url: str) -> str:
    """``https://www.example.de/path/`` → ``example.de/path`` (for print and small screens)."""
    text = url.split("://", 1)[-1].rstrip("/")
    return text[4:] if text.startswith("www.") else text


def sort_key(ctx: RenderContext):
    return lambda item: lower(ctx.language, item.name)


def select(ctx: RenderContext, topic=None, kind=None, state=None, city=None, include_history: bool = False) -> list[Institution]:
    """Entries matching the filters; only active ones unless ``include_history``.
    ``state`` includes the nationwide services."""
    taxonomy = ctx.data.taxonomy
    for name, value, group in (("topic", topic, taxonomy.topics), ("kind", kind, taxonomy.kinds), ("state", state, taxonomy.states)):
        if value is not None and value not in {item.id for item in group}:
            raise RenderError(f'unknown {name} "{value}"; allowed: {", ".join(item.id for item in group)}')
    pool = list(ctx.data.institutions.values()) if include_history else ctx.data.active()
    if city is not None and city not in {item.address.city for item in pool}:
        raise RenderError(f'no entry in the city "{city}"; cities: {", ".join(sorted({i.address.city for i in pool if i.address.city}))}')
    chosen = []
    for item in pool:
        if topic and topic not in item.topics:
            continue
        if kind and item.kind != kind:
            continue
        if state and item.address.state not in (state, NATIONWIDE):
            continue
        if city and (item.address.city or "") != city:
            continue
        chosen.append(item)
    return chosen


def _state_order(ctx: RenderContext) -> list:
    """States alphabetically in this language, the nationwide services first."""
    states = sorted(ctx.data.taxonomy.states, key=lambda state: lower(ctx.language, ctx.text(state.name)))
    return sorted(states, key=lambda state: state.id != NATIONWIDE)


def group_by_place(ctx: RenderContext, items: list[Institution]) -> list[dict]:
    key = sort_key(ctx)
    groups = []
    for entry in _state_order(ctx):
        members = [item for item in items if item.address.state == entry.id]
        if not members:
            continue
        cities = sorted({item.address.city or "" for item in members}, key=lambda name: (name == "", lower("de", name)))
        groups.append({"id": "state-" + entry.id, "title": ctx.text(entry.name), "state": entry.id, "count": len(members),
                       "subgroups": [
                           {"id": "city-" + slug(city) if city else "no-city-" + entry.id,
                            "title": city or ctx.label("no-city"),
                            "cards": [card(ctx, item) for item in sorted(members, key=key) if (item.address.city or "") == city]}
                           for city in cities]})
    return groups


def slug(text: str) -> str:
    import re

    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


# ---- Macros ----


@macros.macro
def institution(ctx: RenderContext, ident: str) -> Markup:
    """One institution's card."""
    try:
        item = ctx.data.institutions[ident]
    except KeyError:
        raise RenderError(f'unknown institution "{ident}"') from None
    return ctx.render("institution.html", card=card(ctx, item), heading=3, anchors=True)


@macros.macro
def directory(ctx: RenderContext, topic: Optional[str] = None, kind: Optional[str] = None, state: Optional[str] = None,
              city: Optional[str] = None, group: str = "place", compact: bool = False) -> Markup:
    """A listing of active institutions, filtered, grouped by place (state → city) or by topic."""
    if group not in GROUPS:
        raise RenderError(f'directory(): unknown group "{group}"; allowed: {", ".join(GROUPS)}')
    items = select(ctx, topic, kind, state, city)
    key = sort_key(ctx)
    if group == "topic":
        groups = []
        for entry in ctx.data.taxonomy.topics:
            members = [item for item in items if entry.id in item.topics]
            if members:
                groups.append({"id": "topic-" + entry.id, "title": ctx.text(entry.name), "count": len(members), "subgroups": [
                    {"id": None, "title": None, "cards": [card(ctx, item) for item in sorted(members, key=key)]}]})
    elif group == "place":
        groups = group_by_place(ctx, items)
    else:
        groups = [{"id": None, "title": None, "subgroups": [
            {"id": None, "title": None, "cards": [card(ctx, item) for item in sorted(items, key=key)]}]}]
    return ctx.render("directory.html", markdown=True, groups=groups, count=len(items), compact=compact,
                      anchors=not compact, directory_href=ctx.link(layout.DIRECTORY) if compact else None)


@macros.macro
def directory_filter(ctx: RenderContext) -> Markup:
    """Filters (state, topic, city, counselling language) for the listing on the same page."""
    items = ctx.data.active()
    used_topics = {topic for item in items for topic in item.topics}
    used_languages = {code for item in items for code in item.languages}
    used_states = {item.address.state for item in items}
    return ctx.render(
        "directory_filter.html",
        states=[{"id": s.id, "name": ctx.text(s.name)} for s in _state_order(ctx) if s.id in used_states],
        topics=[{"id": t.id, "name": ctx.text(t.name)} for t in ctx.data.taxonomy.topics if t.id in used_topics],
        cities=[{"id": city, "name": city} for city in sorted({i.address.city for i in items if i.address.city}, key=str.lower)],
        languages=[{"id": lang.id, "name": ctx.text(lang.name)} for lang in ctx.data.taxonomy.languages if lang.id in used_languages],
        count_text=ctx.local.plural("entries-count", len(items)),
    )


@macros.macro
def history(ctx: RenderContext) -> Markup:
    """Ended and paused networks and projects, dated, each with its successor where there is one."""
    items = sorted(ctx.data.history(), key=lambda item: (item.newest_source_date() or "", item.name))
    groups = group_by_place(ctx, items)
    return ctx.render("directory.html", markdown=True, groups=groups, count=len(items), compact=False, anchors=True,
                      directory_href=None)
