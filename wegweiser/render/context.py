"""What every macro family works with: the render context and the localizer."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from markupsafe import Markup

from ..model import Data, Localized, months_since
from . import env as _env
from .locale import plural_index


class RenderError(Exception):
    """A page calls a macro wrongly (unknown id, argument or value)."""


@dataclass
class Localizer:
    """Texts in one language: data texts with fallback, interface labels, named values, plurals."""

    data: Data
    language: str

    @property
    def default(self) -> str:
        return self.data.config.default.code

    def text(self, localized: Optional[Localized]) -> str:
        """The text in this language; falls back to the default language when allowed."""
        if localized is None:
            return ""
        return localized.get(self.language) or localized.get(self.default) or ""

    def is_fallback(self, localized: Optional[Localized]) -> bool:
        return localized is not None and not localized.get(self.language)

    def label(self, key: str) -> str:
        try:
            return self.text(self.data.labels[key])
        except KeyError:
            raise RenderError(f'unknown label "{key}" (data/labels.yaml)') from None

    def named(self, group: str, ident: str) -> str:
        """The name of a taxonomy value (kind, topic, state, language, phone label)."""
        for item in getattr(self.data.taxonomy, group):
            if item.id == ident:
                return self.text(item.name)
        return ident

    def plural(self, key: str, n: float, number: Optional[str] = None) -> str:
        """'1 Eintrag', '5 Einträge', '21 запись': the label's form for ``n``."""
        forms = self.label(key).split("|")
        return forms[plural_index(self.language, n, len(forms))].replace("{n}", number if number is not None else str(n))


@dataclass
class RenderContext:
    """One page's rendering: the data, its language, how to link, and today's date."""

    data: Data
    language: str
    link: Callable[[str], str] = lambda target: target  # language-local page path → relative URL
    asset: Callable[[str], str] = lambda path: path      # path from the site root → relative URL
    today: _dt.date = field(default_factory=_dt.date.today)
    download: Optional[str] = None                        # the offline zip; None inside that copy
    page: str = "page"                                     # for messages: docs/<lang>/<path>
    site_url: str = ""                                     # the public address, when published
    page_url: str = ""                                     # this page's address relative to the site
    shown: list = field(default_factory=list)              # checked/as_of dates of what the page shows (print header)

    def __post_init__(self):
        self.local = Localizer(self.data, self.language)

    # Shortcuts used by every family
    def text(self, localized: Any) -> str:
        return self.local.text(localized)

    def label(self, key: str) -> str:
        return self.local.label(key)

    def named(self, group: str, ident: str) -> str:
        return self.local.named(group, ident)

    def is_stale(self, checked: str) -> bool:
        """True when ``checked`` lies further back than the site's stale_after_months."""
        return months_since(checked, self.today) > self.data.settings.stale_after_months

    def render(self, template: str, markdown: bool = False, **values) -> Markup:
        """A template of this family, in this language. ``markdown``: the output mixes Markdown
        headings and HTML blocks; otherwise it is one HTML block (no blank lines inside)."""
        output = _env.html().get_template(template).render(lang=self.language, label=self.label, **values)
        if markdown:
            return Markup(re.sub(r"\n\s*\n(\s*\n)+", "\n\n", "\n" + output + "\n"))
        return Markup("\n".join(line for line in output.splitlines() if line.strip()))
