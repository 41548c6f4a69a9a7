"""The Jinja environments, built once per process and shared by every page and hook.

- ``html()``: the templates that own the markup (cards, steps, facts …). Every value printed is
  turned into inert text by ``safety.text`` (its ``finalize``), so no data string becomes markup.
- ``plain()``: files that are not HTML (vCard, service worker, web manifest); their templates
  escape for their own format (``vcard`` filter, ``tojson``).
- ``pages()``: the sandbox in which the Markdown pages' macros run. Pages come from pull
  requests: only the macros are visible there, and Python's internals are out of reach.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import safety
from ..vcard import escape as vcard_escape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def html() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        finalize=safety.text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["md_escape"] = safety.md_escape
    return env


@lru_cache(maxsize=1)
def plain() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["vcard"] = vcard_escape
    return env


@lru_cache(maxsize=1)
def pages() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.clear()   # no range, cycler, joiner, namespace, lipsum: only the macros
    env.filters = {name: env.filters[name] for name in ("e", "escape", "upper", "lower", "title", "trim")}
    return env
