"""The site family: operator, open data, the offline download, data age and coverage, reports."""

from __future__ import annotations

from markupsafe import Markup

from .. import layout
from .context import RenderContext
from .directory import NATIONWIDE, _state_order, card_page, plan
from .macros import MacroSet

macros = MacroSet("site")
_reports: dict = {}
STALE_SHOWN = 50   # stale entries listed on the maintainers' page


def coverage(ctx: RenderContext) -> dict:
    """What the directory covers: current entries per state, nationwide, and the newest check."""
    active = ctx.data.active()
    large = plan(ctx.data)
    per_state = []
    for state in _state_order(ctx):
        members = [item for item in active if item.address.state == state.id]
        # a large directory has a page per state; else the directory page filters by ?state=
        href = (ctx.link(large.states[state.id]) if state.id in large.states
                else ctx.link(layout.DIRECTORY) + "?state=" + state.id) if members else None
        per_state.append({"id": state.id, "name": ctx.text(state.name), "count": len(members),
                          "current": sum(item.is_current() for item in members),
                          "nationwide": state.id == NATIONWIDE, "href": href})
    checked = [item.checked for item in ctx.data.institutions.values()]
    return {
        "active": len(active),
        "current": sum(item.is_current() for item in active),
        "history": len(ctx.data.history()),
        "states": per_state,
        "states_covered": sum(1 for row in per_state if row["count"] and not row["nationwide"]),
        "states_total": sum(1 for row in per_state if not row["nationwide"]),
        "newest_check": max(checked) if checked else None,
        "languages": {code: sum(code in item.languages for item in active) for code in ctx.data.config.codes},
    }


@macros.macro
def start_door(ctx: RenderContext) -> Markup:
    """The first phone screen of a start page: the language choice in words, then large tap
    targets for what people come for – the steps, who helps in my state, search, the offline copy."""
    from .steps import _states

    languages = []
    for language in ctx.data.config.languages:
        root = "" if language.default else language.code + "/"
        languages.append({"code": language.code, "name": language.name, "href": ctx.asset(root or "./"),
                          "current": language.code == ctx.language, "direction": language.direction})
    return ctx.render("start_door.html", languages=languages, steps_href=ctx.link(layout.STEPS),
                      directory_href=ctx.link(layout.DIRECTORY), glossary_href=ctx.link(layout.GLOSSARY),
                      download_href=ctx.asset(ctx.download) if ctx.download else None, states=_states(ctx),
                      steps=len(ctx.data.steps), offices=len(ctx.data.active()))


@macros.macro
def directory_coverage(ctx: RenderContext) -> Markup:
    """A plain statement of what the directory covers and how current it is, from the data."""
    cov = coverage(ctx)
    intro = ctx.label("coverage-intro")
    for key, value in (("{active}", cov["active"]), ("{current}", cov["current"]), ("{states}", cov["states_covered"]),
                       ("{total}", cov["states_total"]), ("{date}", cov["newest_check"] or "–")):
        intro = intro.replace(key, str(value))
    return ctx.render("coverage.html", cov=cov, intro=intro, directory_href=ctx.link(layout.DIRECTORY),
                      history_href=ctx.link(layout.HISTORY))


@macros.macro
def data_overview(ctx: RenderContext) -> Markup:
    """How old the data is: entries per check date and newest source date, oldest first."""
    rows: dict[tuple, int] = {}
    for item in ctx.data.institutions.values():
        key = (item.checked, item.newest_source_date() or "", item.status)
        rows[key] = rows.get(key, 0) + 1
    table = [{"checked": checked, "newest": newest, "status": status, "count": count, "stale": ctx.is_stale(checked)}
             for (checked, newest, status), count in sorted(rows.items())]
    return ctx.render("data_overview.html", rows=table, total=len(ctx.data.institutions),
                      facts=len(ctx.data.facts), terms=len(ctx.data.terms), steps=len(ctx.data.steps))


@macros.macro
def maintenance_report(ctx: RenderContext) -> Markup:
    """Translation status, stale entries and directory figures, for the maintainers' page."""
    from ..reports import directory_figures, stale_entries, translation_status

    docs = ctx.data.config.root / "docs"
    key = (id(ctx.data), ctx.today, tuple(sorted((str(path), path.stat().st_mtime_ns) for path in docs.rglob("*.md"))))
    if _reports.get("key") != key or _reports.get("data") is not ctx.data:
        # the same in every language: worked out once per load of the data
        _reports.update(key=key, data=ctx.data, gaps=translation_status(ctx.data.config, ctx.data),
                        stale=stale_entries(ctx.data, today=ctx.today), figures=directory_figures(ctx.data))
    gaps = [_readable_gap(ctx, gap) for gap in _reports["gaps"]]
    stale = _reports["stale"]
    # the oldest first; the full list is a command away (the page must stay light on a phone)
    more = max(0, len(stale) - STALE_SHOWN)
    stale = stale[:STALE_SHOWN]
    return ctx.render("maintenance_report.html", gaps=gaps, stale=stale, figures=_reports["figures"],
                      directory_href=ctx.link(layout.DIRECTORY),
                      entry_page=lambda ident: card_page(ctx, ctx.data.institutions[ident]),
                      stale_more=ctx.label("report-more").replace("{n}", str(more)) if more else None)


@macros.macro
def operator(ctx: RenderContext) -> Markup:
    """Who runs the site (data/site.yaml › operator), for the Impressum."""
    return ctx.render("operator.html", operator=ctx.data.settings.operator)


@macros.macro
def open_data(ctx: RenderContext) -> Markup:
    """Links to the directory as JSON and CSV."""
    return ctx.render("open_data.html", json_href=ctx.asset(layout.EXPORT_JSON), csv_href=ctx.asset(layout.EXPORT_CSV))


@macros.macro
def offline_download(ctx: RenderContext) -> Markup:
    """A link to the zipped site that works from disk (nothing inside that copy itself)."""
    if not ctx.download:
        return Markup("")
    return ctx.render("download.html", href=ctx.asset(ctx.download))


def _readable_gap(ctx: RenderContext, gap) -> dict:
    """A translation gap as readers may see it: the page (a link) or the entry and field, no file paths."""
    where, href = gap.where, None
    if where.startswith("docs/"):
        language, _, page = where[len("docs/"):].partition("/")
        where = page[: -len(".md")].removesuffix("index").rstrip("/") or "/"
        if language == ctx.language:
            href = ctx.link(page)
    elif where.startswith("data/"):
        where = where[len("data/"):].replace(".yaml", "")
    detail = gap.detail
    if detail.startswith("docs/"):
        detail = detail.split(" ", 1)[-1]
    return {"language": gap.language, "kind": gap.kind, "where": where, "href": href, "detail": detail}
