"""The reference family: figures from facts.yaml and office terms from glossary.yaml."""

from __future__ import annotations

from typing import Optional

from markupsafe import Markup

from .. import layout
from .context import RenderContext, RenderError
from .locale import format_number, lower
from .macros import MacroSet
from .safety import safe_href

macros = MacroSet("reference")


def shape_fact(ctx: RenderContext, ident: str) -> dict:
    """A figure formatted for this language, with its date, sources and doubt."""
    try:
        fact = ctx.data.facts[ident]
    except KeyError:
        raise RenderError(f'unknown fact "{ident}" (data/facts.yaml)') from None
    ctx.shown.append(fact.as_of)
    number = str(fact.value) if fact.unit == "year" else format_number(ctx.language, fact.value, money=fact.unit.startswith("eur"))
    return {
        "id": fact.id,
        "value": ctx.local.plural("unit-" + fact.unit, fact.value, number),
        "label": ctx.text(fact.label),
        "sources": [{"title": source.title, "href": safe_href(source.url), "date": source.date} for source in fact.sources],
        "source": "; ".join(source.title + (f" ({source.date})" if source.date else "") for source in fact.sources),
        "as_of": fact.as_of,
        "doubt": ctx.text(fact.doubt) if fact.doubt else None,
        "note": None,   # facts_table: number of the doubt note below the table
    }


@macros.macro
def fact(ctx: RenderContext, ident: str) -> Markup:
    """A figure in running text: the value; its date and source print beside it, and a doubtful
    figure says in words (not only in a tooltip) that the reader should ask the office."""
    return ctx.render("fact.html", fact=shape_fact(ctx, ident)).strip()


@macros.macro
def facts_table(ctx: RenderContext, *idents: str) -> Markup:
    """A table of figures with date and sources (all figures when no ids are given). Doubts are
    noted once below the table, not repeated under every row that shares them."""
    chosen = [shape_fact(ctx, ident) for ident in (idents or tuple(ctx.data.facts))]
    notes: list[str] = []
    for item in chosen:
        if item["doubt"]:
            if item["doubt"] not in notes:
                notes.append(item["doubt"])
            item["note"] = notes.index(item["doubt"]) + 1
    return ctx.render("facts_table.html", facts=chosen, notes=notes)


def shape_term(ctx: RenderContext, ident: str) -> dict:
    try:
        term = ctx.data.terms[ident]
    except KeyError:
        raise RenderError(f'unknown term "{ident}" (data/glossary.yaml)') from None
    return {"id": term.id, "term": term.term, "meaning": ctx.text(term.meaning),
            "href": ctx.link(layout.GLOSSARY) + "#term-" + term.id}


@macros.macro
def term(ctx: RenderContext, ident: str, text: Optional[str] = None) -> Markup:
    """A German office term, kept in German, explained in this language on hover, tap and print.

    ``term("finanzamt")`` shows the German word; ``term("finanzamt", "vergi dairesine")`` shows
    the reader's words with the German in brackets: "vergi dairesine (Finanzamt)"."""
    return ctx.render("term.html", term=shape_term(ctx, ident), text=text).strip()


@macros.macro
def glossary(ctx: RenderContext) -> Markup:
    """All terms, alphabetically by the German term."""
    terms = sorted((shape_term(ctx, ident) for ident in ctx.data.terms), key=lambda item: lower("de", item["term"]))
    return ctx.render("glossary.html", terms=terms)
