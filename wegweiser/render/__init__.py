"""Render pages: Markdown with Jinja macros fed by the data, in one language.

Python here only shapes data (what to list, in which order, which text in which language); the
markup is in ``wegweiser/templates/*.html``. Each family of macros lives in its own module and
declares the macros pages may call:

- ``directory``: institution cards, listings, filters, history;
- ``steps``: the step-by-step overview and one step's box;
- ``reference``: figures (facts) and office terms (glossary);
- ``site``: operator, open data, download, data age and coverage, maintainers' report;
- ``sheets``: printable handouts (checklist, contact sheets, business-plan form).

A page is rendered in Jinja's sandbox with only these macros visible.
"""

from __future__ import annotations

import datetime as _dt
import re
import traceback
from typing import Callable, Optional

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from .. import layout
from .. import vcard as _vcard
from ..model import Data
from . import directory, reference, sheets, site, steps
from . import env as _env
from .context import Localizer, RenderContext, RenderError
from .locale import format_number, lower, plural_index
from .safety import md_escape, safe_href

FAMILIES = (directory.macros, steps.macros, reference.macros, site.macros, sheets.macros)

__all__ = ["FAMILIES", "Localizer", "RenderContext", "RenderError", "Renderer", "format_number", "hold_html", "lower",
           "macro_names", "release_html", "md_escape", "plural_index", "safe_href"]


def generated_pages(data: Data) -> dict[str, str]:
    """Pages the data makes (path inside docs/<lang>/ → Markdown): a large directory's pages per
    state and city, and its sheets per state. None while the directory fits on one page."""
    return {**directory.generated_pages(data), **sheets.generated_pages(data)}


def macro_names() -> list[str]:
    """Every macro a page may call."""
    return [name for family in FAMILIES for name in family.functions]


class Renderer:
    """Renders the macros of one page (or of one language, when no page is given)."""

    def __init__(self, data: Data, language: str, link: Callable[[str], str] = lambda target: target,
                 asset: Callable[[str], str] = lambda path: path, today: Optional[_dt.date] = None,
                 download: Optional[str] = layout.DOWNLOAD_ZIP, page: str = "page", site_url: str = "",
                 page_url: str = ""):
        self.ctx = RenderContext(data, language, link=link, asset=asset, today=today or _dt.date.today(),
                                 download=download, page=page, site_url=site_url, page_url=page_url)
        self.globals: dict[str, Callable] = {}
        for family in FAMILIES:
            self.globals.update(family.bind(self.ctx))

    @property
    def data(self) -> Data:
        return self.ctx.data

    def __getattr__(self, name: str):
        """``renderer.directory(...)``: the bound macros, for tests and hooks."""
        macros = self.__dict__.get("globals", {})
        if name in macros:
            return macros[name]
        raise AttributeError(name)

    def label(self, key: str) -> str:
        return self.ctx.label(key)

    def checked(self) -> Optional[str]:
        """The newest check date (``checked``, ``as_of``) of what the rendered page shows."""
        from ..printing import newest

        return newest(self.ctx.shown)

    def vcard(self, ident: str) -> str:
        """The vCard file of one institution (text, CRLF line ends as vCard requires)."""
        card = directory.card(self.ctx, self.data.institutions[ident])
        sources = "; ".join(source["title"] + (f" ({source['date']})" if source["date"] else "") for source in card["sources"])
        card["note"] = f"{self.ctx.label('source')}: {sources} ({self.ctx.label('checked')}: {card['checked']})"
        return _vcard.card(_env.plain().get_template("vcard.vcf").render(card=card))

    def render_markdown(self, markdown: str, name: Optional[str] = None) -> str:
        """Expand the macros in one page's Markdown, in the sandbox."""
        name = name or self.ctx.page
        try:
            template = _env.pages().from_string(markdown, globals=self.globals)
            return template.render()
        except jinja2.TemplateSyntaxError as error:
            raise RenderError(f"{name}:{error.lineno}: {error.message}") from None
        except RenderError as error:
            raise RenderError(f"{name}:{_line(error)}: {error}") from None
        except SecurityError as error:
            raise RenderError(f"{name}:{_line(error)}: not allowed in a page: {error} "
                              f"(pages may only call the macros: {', '.join(sorted(self.globals))})") from None
        except jinja2.UndefinedError as error:
            raise RenderError(f"{name}:{_line(error)}: {error.message} "
                              f"(pages may only call the macros: {', '.join(sorted(self.globals))})") from None
        except (TypeError, ValueError, AttributeError, KeyError) as error:
            raise RenderError(f"{name}:{_line(error)}: {type(error).__name__}: {error}") from None


# ---- Keeping the directory's HTML out of Markdown's way ----
#
# A directory page is mostly cards: raw HTML that Python-Markdown only passes through, after
# parsing it tag by tag, and that the search plugin parses again only to leave it out of the
# index (most of the time of a large build). The card lists are set aside before Markdown runs
# and put back into the finished page, unchanged. The sheets' office lists (contact sheets and
# checklists, templates sheet_*.html) are held the same way, between <!-- ww:hold --> lines:
# they repeat entries that each have their own search entry, and made nine tenths of the
# search index of a large directory.

_HELD = re.compile(r'^<div class="ww-directory"[^>\n]*>\n.*?</div>$|^<!-- ww:hold -->\n.*?^<!-- /ww:hold -->$', re.M | re.S)
_PLACEHOLDER = re.compile(r'<div class="ww-held" data-ww-held="([0-9]+)"></div>')


def hold_html(markdown: str) -> tuple[str, list[str]]:
    """The page with each card list replaced by a placeholder, and the lists."""
    held: list[str] = []

    def keep(match: re.Match) -> str:
        held.append(match.group(0))
        return f'<div class="ww-held" data-ww-held="{len(held) - 1}"></div>'

    return _HELD.sub(keep, markdown), held


def release_html(html: str, held: list[str]) -> str:
    """The finished page with the card lists back in place."""
    if not held:
        return html
    return _PLACEHOLDER.sub(lambda match: held[int(match.group(1))], html)


def _line(error: BaseException) -> str:
    """The line of the page where the error happened (Jinja's frames are named <template>)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == "<template>":
            return str(frame.lineno)
    return "?"
