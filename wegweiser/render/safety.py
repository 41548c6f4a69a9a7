"""Markup safety: every data string reaches a page, a vCard or a CSV cell as text.

Pages are Markdown with HTML from the templates. Python-Markdown reads link, emphasis and
attribute syntax even inside inline HTML (a ``[x](javascript:…)`` in a title attribute became
a link), so data strings are HTML-escaped *and* the characters Markdown acts on are written as
character references (``[`` → ``&#91;``): browsers show them as the characters, Markdown sees
no syntax. Only http(s), tel, mailto and geo links reach an ``href``.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from markupsafe import Markup

_WHITESPACE = re.compile(r"\s")   # what str.isspace() calls space, any Unicode space included
_SAFE_SCHEMES = ("http://", "https://", "tel:", "mailto:", "geo:")
# Characters Python-Markdown (and its attr_list and tables extensions) give meaning to inside a
# line. Data never starts a line of Markdown (templates put it after "## " or inside HTML), so
# line-start syntax (- + . = :) needs nothing; ids (a-z, 0-9, -) and dates pass unchanged.
_SPECIAL = re.compile(r"[&<>\"'\\`*_{}\[\]()#!|~]")
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Line and paragraph separators and other control characters never reach a page.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# Both in one table for str.translate (it runs on every value printed: one pass in C).
# Line breaks and tabs too: a line break followed by spaces would start a Markdown code block.
_TABLE = {code: " " for code in [*range(0x00, 0x20), *range(0x7f, 0xa0), 0x2028, 0x2029]}
_TABLE.update({ord(char): _NAMED.get(char) or f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]()#!|~"})


def text(value: Any) -> Markup:
    """``value`` as inert text for HTML inside Markdown (the templates' finalize step)."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_TABLE))


def md_escape(value: Any) -> Markup:
    """Data inside a Markdown heading: the same inert text."""
    return text(value)


def safe_href(url: Optional[str]) -> Optional[str]:
    """Only http(s), tel, mailto and geo links reach a page; anything else is dropped."""
    if not url:
        return None
    url = url.strip()
    if _INVISIBLE.search(url) or _WHITESPACE.search(url):
        return None
    return url if url.lower().startswith(_SAFE_SCHEMES) else None


def attribute_list(values: list[str]) -> str:
    """Ids for a data-* attribute: only id characters pass."""
    return " ".join(value for value in values if re.fullmatch(r"[a-z0-9-]+", value))
