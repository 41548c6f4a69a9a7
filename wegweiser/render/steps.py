"""The steps family: the step-by-step overview and one step's box in its chapter."""

from __future__ import annotations

from markupsafe import Markup

from .. import layout, printing
from ..model import Step
from .context import RenderContext, RenderError
from .directory import NATIONWIDE, linked_card, plan, sort_key
from .macros import MacroSet
from .reference import shape_fact

macros = MacroSet("steps")


def helpers(ctx: RenderContext, step: Step) -> list:
    """Active institutions that help with a step (by kind, topic or name)."""
    wanted = step.helped_by
    return sorted((item for item in ctx.data.active()
                   if item.kind in wanted.kinds or set(item.topics) & set(wanted.topics) or item.id in wanted.institutions),
                  key=sort_key(ctx))


def basics(ctx: RenderContext, step: Step) -> dict:
    """What a step is, in this language: its title, what to bring, cost, time, who helps (kinds).
    Shared by the step box, the overview and the printed checklist."""
    return {
        "order": step.order,
        "title": ctx.text(step.title),
        "bring": [ctx.text(thing) for thing in step.bring],
        "cost": ctx.text(step.cost),
        "cost_facts": [shape_fact(ctx, ident) for ident in step.cost_facts],
        "duration": ctx.text(step.duration),
        "duration_facts": [shape_fact(ctx, ident) for ident in step.duration_facts],
        "kinds": [ctx.named("kinds", kind) for kind in step.helped_by.kinds],
    }


def shape(ctx: RenderContext, step: Step) -> dict:
    """Everything a step shows, in this language."""
    found = helpers(ctx, step)
    directory = ctx.link(layout.DIRECTORY)
    nationwide = [item for item in found if item.address.state == NATIONWIDE]
    large = plan(ctx.data)
    shown = nationwide[: max(1, large.compact_limit // 3)] if large.split else nationwide   # a large directory: the first few
    return {
        "id": step.id,
        "fallback": any(ctx.local.is_fallback(text) for text in (step.title, step.summary, step.cost, step.duration)),
        **basics(ctx, step),
        "summary": ctx.text(step.summary),
        # nationwide helpers are the same for every reader; the rest depend on the reader's state
        "nationwide": [linked_card(ctx, item) for item in shown],
        "nationwide_more": {"href": ctx.link(large.states[NATIONWIDE]), "count": ctx.local.plural("entries-count", len(nationwide))}
        if len(shown) < len(nationwide) else None,
        "in_states": sorted({item.address.state for item in found if item.address.state != NATIONWIDE}),
        "helper_count": len(found),
        "directory_href": directory,
        "chapter_href": ctx.link(layout.chapter(step.chapter)) if step.chapter else None,
        "overview_href": ctx.link(layout.STEPS),
        # on paper: where the offices of every state are, with phone and e-mail
        "contacts_sheet": printing.resolve(ctx.site_url, ctx.page_url, ctx.link(layout.sheet("contacts"))),
    }


@macros.macro
def steps_overview(ctx: RenderContext) -> Markup:
    """All steps in order, as a step-by-step navigation: each opens to what to bring, cost,
    time and who helps, and links to its chapter. Works without JavaScript and prints."""
    return ctx.render("steps_overview.html", steps=[shape(ctx, step) for step in ctx.data.steps.values()],
                      states=_states(ctx))


@macros.macro
def step(ctx: RenderContext, ident: str) -> Markup:
    """One step with what to bring, cost, duration and who helps."""
    try:
        found = ctx.data.steps[ident]
    except KeyError:
        raise RenderError(f'unknown step "{ident}"; steps: {", ".join(ctx.data.steps)}') from None
    return ctx.render("step.html", step=shape(ctx, found), states=_states(ctx))


def _states(ctx: RenderContext) -> list[dict]:
    """The states a reader can pick to see who helps where they live."""
    from .directory import _state_order

    used = {item.address.state for item in ctx.data.active()}
    return [{"id": state.id, "name": ctx.text(state.name)} for state in _state_order(ctx)
            if state.id in used and state.id != NATIONWIDE]
