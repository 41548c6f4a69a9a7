"""The directory family: institution cards, listings by place or topic, filters, history."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from urllib.parse import quote

from markupsafe import Markup

from .. import layout, phones
from ..model import Data, Institution
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
    successor = ctx.data.institutions.get(item.successor) if item.successor else None
    ctx.shown.append(item.checked)
    return {
        **_fixed(ctx.data, item),
        "kind": ctx.named("kinds", item.kind),
        "topics": [{"id": topic, "name": ctx.named("topics", topic)} for topic in item.topics],
        "state": ctx.named("states", address.state),
        "phones": [{**_phone(phone.number), "label": ctx.named("phone_labels", phone.label) if phone.label else None}
                   for phone in item.phones],
        "languages": [ctx.named("languages", code) for code in item.languages],
        "description": ctx.text(item.description),
        "description_fallback": ctx.local.is_fallback(item.description),
        "fallback_lang": ctx.local.default,
        "stale": ctx.is_stale(item.checked),
        "vcard_href": ctx.asset(layout.vcard(item.id)),
        "successor": {"name": successor.name, "href": card_href(ctx, successor)} if successor else None,
    }


def linked_card(ctx: RenderContext, item: Institution) -> dict:
    """A card for a listing that links to the full card: with the page that shows it."""
    return {**card(ctx, item), "page_href": card_page(ctx, item)}


_fixed_cards: dict = {"data": None, "cards": {}}


def _fixed(data: Data, item: Institution) -> dict:
    """The part of a card that is the same in every language and on every page: worked out
    once per load of the data (a card is shown in three languages, and in its vCard)."""
    if _fixed_cards["data"] is not data:
        _fixed_cards.update(data=data, cards={})
    cards = _fixed_cards["cards"]
    if item.id not in cards:
        address = item.address
        place = " ".join(part for part in (address.postcode, address.city) if part)
        map_query = ", ".join(part for part in (address.street, place) if part)
        cards[item.id] = {
            "id": item.id,
            "name": item.name,
            "status": item.status,
            "street": address.street,
            "postcode": address.postcode,
            "city": address.city,
            "place": place,
            "state_id": address.state,
            "nationwide": address.state == NATIONWIDE,
            "map_href": safe_href("geo:0,0?q=" + quote(map_query + ", Deutschland", safe="")) if address.street else None,
            "map_query": map_query + ", Deutschland" if address.street else None,
            "email": item.email,
            "email_href": safe_href("mailto:" + item.email) if item.email else None,
            "website": item.website,
            "website_href": safe_href(item.website),
            "website_short": _short(item.website) if item.website else None,
            "contact": item.contact,
            "language_ids": list(item.languages),
            "free": item.free,
            "partners": list(item.partners),
            "sources": [{"title": source.title, "href": safe_href(source.url), "date": source.date} for source in item.sources],
            "newest": item.newest_source_date(),
            "current": item.is_current(),
            "checked": item.checked,
        }
    return cards[item.id]


@lru_cache(maxsize=65536)
def _phone(number: str) -> dict:
    """A number as shown and dialled (the same in every language: formatted once per build)."""
    e164 = phones.e164(number)
    return {"display": phones.display(number), "href": safe_href("tel:" + e164), "e164": e164}


def card_page(ctx: RenderContext, item: Institution) -> str:
    """Link to the page with an entry's card: the directory page, its state's or city's page in a
    large directory, or the history page for an ended entry."""
    if item.status != "active":
        return ctx.link(layout.HISTORY)
    return ctx.link(plan(ctx.data).home.get(item.id, layout.DIRECTORY))


def card_href(ctx: RenderContext, item: Institution) -> str:
    """Link to an entry's card."""
    return card_page(ctx, item) + "#" + item.id


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


def group_by_place(ctx: RenderContext, items: list[Institution], shape=None) -> list[dict]:
    shape = shape or card
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
                            "cards": [shape(ctx, item) for item in sorted(members, key=key) if (item.address.city or "") == city]}
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
    large = plan(ctx.data)
    if large.split and len(items) > (large.compact_limit if compact else large.size):
        return _summary(ctx, items, group, topic, compact)
    shape = linked_card if compact else card
    if group == "topic":
        groups = []
        for entry in ctx.data.taxonomy.topics:
            members = [item for item in items if entry.id in item.topics]
            if members:
                groups.append({"id": "topic-" + entry.id, "title": ctx.text(entry.name), "count": len(members), "subgroups": [
                    {"id": None, "title": None, "cards": [shape(ctx, item) for item in sorted(members, key=key)]}]})
    elif group == "place":
        groups = group_by_place(ctx, items, shape)
    else:
        groups = [{"id": None, "title": None, "subgroups": [
            {"id": None, "title": None, "cards": [shape(ctx, item) for item in sorted(items, key=key)]}]}]
    return ctx.render("directory.html", markdown=True, groups=groups, count=len(items), compact=compact,
                      anchors=not compact, directory_href=ctx.link(layout.DIRECTORY) if compact else None)


@macros.macro
def directory_filter(ctx: RenderContext) -> Markup:
    """Filters (state, topic, city, counselling language) for the listing on the same page.
    Nothing in a large directory, whose main page lists the states' pages (each has its own)."""
    if plan(ctx.data).split:
        return Markup("")
    return _filter(ctx, ctx.data.active(), with_state=True)


def _filter(ctx: RenderContext, items: list[Institution], with_state: bool) -> Markup:
    used_topics = {topic for item in items for topic in item.topics}
    used_languages = {code for item in items for code in item.languages}
    used_states = {item.address.state for item in items} if with_state else set()
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


# ---- Large directories: a page per state, and per city in a large state ----
#
# Up to ``directory_page_size`` (data/site.yaml) active entries, the directory page lists them
# all. Above it, a hook (hooks/directory_pages.py) adds a page per state and the nationwide
# services (``directory/<state>/``); a state with more entries than that gets a page per city
# (``directory/<state>/<city>/``), and a city larger still comes in parts. The directory page
# becomes an index of those pages, and listings elsewhere (a chapter's "who helps", the topics
# page) show the entries by state with links instead of every name. No page grows with N.


@dataclass(frozen=True)
class ListingPage:
    """One generated directory page."""

    path: str                       # inside docs/<lang>/ (layout.directory_state, layout.directory_city)
    state: str
    city: Optional[str] = None      # None: the whole state; "": the entries without a city
    part: int = 1
    parts: int = 1
    ids: tuple[str, ...] = ()       # the entries it lists
    children: tuple[str, ...] = ()  # a large state's page: its cities' pages, listed instead


@dataclass(frozen=True)
class Plan:
    """Which page shows which entry."""

    size: int
    split: bool
    pages: dict                     # path → ListingPage, in order
    home: dict                      # entry id → path of the page with its card
    states: dict                    # state id → path of its page

    @property
    def compact_limit(self) -> int:
        """Names a compact listing shows before it shows counts per state instead."""
        return max(1, self.size // 5)


_plans: dict[int, tuple] = {}


def plan(data: Data) -> Plan:
    """The pages of the directory for this data (the same in every language; once per load)."""
    cached = _plans.get(id(data))
    if cached is not None and cached[0] is data:
        return cached[1]
    size = data.settings.directory_page_size
    active = data.active()
    pages: dict[str, ListingPage] = {}
    home: dict[str, str] = {}
    states: dict[str, str] = {}
    split = len(active) > size
    if split:
        by_state: dict[str, list] = {}
        for item in active:
            by_state.setdefault(item.address.state, []).append(item)
        for state in data.taxonomy.states:
            members = sorted(by_state.get(state.id, []), key=lambda item: (lower("de", item.name), item.id))
            if not members:
                continue
            path = layout.directory_state(state.id)
            states[state.id] = path
            if len(members) <= size:
                pages[path] = ListingPage(path, state.id, ids=tuple(item.id for item in members))
                home.update((item.id, path) for item in members)
                continue
            cities: dict[str, list] = {}
            for item in members:
                cities.setdefault(item.address.city or "", []).append(item)
            children = []
            used: set[str] = set()
            for city in sorted(cities, key=lambda name: (name == "", lower("de", name))):
                name = slug(city) or "ohne-ort"
                while name in used or name == "index":
                    name += "-x"
                used.add(name)
                chunk_count = -(-len(cities[city]) // size)
                for part in range(1, chunk_count + 1):
                    chunk = cities[city][(part - 1) * size: part * size]
                    child = layout.directory_city(state.id, name, part)
                    pages[child] = ListingPage(child, state.id, city, part, chunk_count, tuple(item.id for item in chunk))
                    home.update((item.id, child) for item in chunk)
                    children.append(child)
            pages[path] = ListingPage(path, state.id, children=tuple(children))
    result = Plan(size=size, split=split, pages=pages, home=home, states=states)
    _plans.clear()
    _plans[id(data)] = (data, result)
    return result


def search_entries(ctx: RenderContext) -> list[dict]:
    """One search entry per active institution, in this language: its name, kind, place and
    topics, at its card. The card lists themselves stay out of the search index
    (``data-search-exclude``), so the index grows by a line per entry, not by its description."""
    entries = []
    for item in ctx.data.active():
        place = ", ".join(part for part in (item.address.city, ctx.named("states", item.address.state)) if part)
        words = [ctx.named("kinds", item.kind), place, *(ctx.named("topics", topic) for topic in item.topics)]
        entries.append({"location": card_href(ctx, item), "title": item.name, "text": " · ".join(words)})
    return entries


def generated_pages(data: Data) -> dict[str, str]:
    """The Markdown of every generated directory page (path inside docs/<lang>/ → text): one
    macro call, so the page renders like any other, in the language being built."""
    return {path: f'{{{{ directory_page("{path}") }}}}\n' for path in plan(data).pages}


def _short_title(ctx: RenderContext, page: ListingPage) -> str:
    """A city's page as listed on its state's page: the city, and the part when there are several."""
    title = page.city or ctx.label("no-city")
    if page.parts > 1:
        title += " – " + ctx.label("part").replace("{n}", str(page.part)).replace("{total}", str(page.parts))
    return title


def _page_title(ctx: RenderContext, page: ListingPage) -> str:
    if page.state == NATIONWIDE and page.city is None:
        return ctx.label("directory-nationwide")
    place = ctx.named("states", page.state)
    if page.city is not None:
        place = f"{page.city or ctx.label('no-city')}, {place}"
    title = ctx.label("directory-in").replace("{place}", place)
    if page.parts > 1:
        title += " – " + ctx.label("part").replace("{n}", str(page.part)).replace("{total}", str(page.parts))
    return title


@macros.macro
def directory_page(ctx: RenderContext, path: str) -> Markup:
    """A generated page of a large directory (see ``generated_pages``): a state's or the
    nationwide services' entries by city, a large state's index of cities, or a city's entries."""
    large = plan(ctx.data)
    page = large.pages.get(path)
    if page is None:
        raise RenderError(f'directory_page(): no generated page "{path}"')
    up = layout.DIRECTORY if page.city is None else large.states[page.state]
    values: dict = {"title": _page_title(ctx, page), "up_href": ctx.link(up),
                    "up_title": ctx.label("directory-back") if page.city is None else _page_title(ctx, large.pages[up])}
    if page.children:
        values["index"] = [{"title": _short_title(ctx, large.pages[child]), "href": ctx.link(child), "count": ctx.local.plural("entries-count", len(large.pages[child].ids)),
                            "state": page.state}
                           for child in page.children]
        return ctx.render("directory_page.html", markdown=True, **values)
    key = sort_key(ctx)
    items = sorted((ctx.data.institutions[ident] for ident in page.ids), key=key)
    if page.city is None:
        cities = sorted({item.address.city or "" for item in items}, key=lambda name: (name == "", lower("de", name)))
        groups = [{"id": "city-" + slug(city) if city else "no-city-" + page.state, "title": city or ctx.label("no-city"),
                   "state": None, "subgroups": [{"id": None, "title": None,
                                                 "cards": [card(ctx, item) for item in items if (item.address.city or "") == city]}]}
                  for city in cities]
    else:
        groups = [{"id": None, "title": None, "subgroups": [{"id": None, "title": None, "cards": [card(ctx, item) for item in items]}]}]
    values["filter"] = _filter(ctx, items, with_state=False)
    values["listing"] = ctx.render("directory.html", markdown=True, groups=groups, count=len(items), compact=False,
                                   anchors=True, directory_href=None)
    if page.state != NATIONWIDE and NATIONWIDE in large.states:
        nationwide = [item for item in ctx.data.active() if item.address.state == NATIONWIDE]
        values["nationwide"] = {
            "title": ctx.label("directory-nationwide"),
            "href": ctx.link(large.states[NATIONWIDE]),
            "count": ctx.local.plural("entries-count", len(nationwide)),
            "cards": [linked_card(ctx, item) for item in sorted(nationwide, key=key)] if len(nationwide) <= large.compact_limit else [],
        }
    return ctx.render("directory_page.html", markdown=True, **values)


def _summary(ctx: RenderContext, items: list[Institution], group: str, topic: Optional[str], compact: bool) -> Markup:
    """A listing too long for one page, as counts per state with links to the states' pages
    (per topic for ``group="topic"``); the main directory page also lists a large state's cities."""
    large = plan(ctx.data)
    query = f"?topic={topic}" if topic else ""

    def rows(members: list[Institution], query: str, cities: bool) -> list[dict]:
        found = []
        for state in _state_order(ctx):
            count = sum(1 for item in members if item.address.state == state.id)
            if not count or state.id not in large.states:
                continue
            page = large.pages[large.states[state.id]]
            found.append({"id": state.id, "name": ctx.text(state.name), "href": ctx.link(page.path) + query,
                          "count": ctx.local.plural("entries-count", count), "nationwide": state.id == NATIONWIDE,
                          "children": [{"name": _short_title(ctx, large.pages[child]), "href": ctx.link(child),
                                        "count": ctx.local.plural("entries-count", len(large.pages[child].ids))}
                                       for child in page.children] if cities else []})
        return found

    if group == "topic":
        sections = []
        for entry in ctx.data.taxonomy.topics:
            members = [item for item in items if entry.id in item.topics]
            if members:
                sections.append({"id": "topic-" + entry.id, "title": ctx.text(entry.name),
                                 "count": ctx.local.plural("entries-count", len(members)),
                                 "rows": rows(members, f"?topic={entry.id}", False)})
        return ctx.render("directory_summary.html", markdown=True, sections=sections, compact=compact)
    return ctx.render("directory_summary.html", markdown=True, compact=compact,
                      sections=[{"id": None, "title": None, "count": ctx.local.plural("entries-count", len(items)),
                                 "rows": rows(items, query, not compact and not topic)}])
