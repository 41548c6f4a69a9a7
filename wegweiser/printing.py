"""What a printout says about where it came from: address, QR code, dates.

Counsellors print pages for a client across the desk. Every printout names the site, the page,
its language, when it was printed and how current its content is, and carries the page's
address – with a QR code of it when the site's public address (``site_url``) is known. The QR
code is made here at build time (segno, pure Python): nothing is fetched when a page prints.

Plain Python: the hook ``hooks/qr.py`` and the sheets macros call these functions.
"""

from __future__ import annotations

import io
import re
from typing import Iterable, Optional
from urllib.parse import urljoin

import segno

from .model import parse_date


def newest(dates: Iterable[Optional[str]]) -> Optional[str]:
    """The newest of YYYY, YYYY-MM or YYYY-MM-DD dates ("2026-11" is newer than "2026")."""
    known = [date for date in dates if date and parse_date(date)]
    if not known:
        return None
    return max(known, key=lambda text: (parse_date(text), len(text)))


def address(site_url: str, page_url: str, query: str = "") -> str:
    """The page's public address when the site's address is known, else its path in the site
    (``tr/guide/bank/``). ``query``: ``state=bremen`` for a sheet of one state."""
    path = page_url.lstrip("/")
    suffix = ("?" + query) if query else ""
    if site_url:
        return urljoin(site_url.rstrip("/") + "/", path) + suffix
    return "/" + path + suffix


def resolve(site_url: str, page_url: str, relative: str) -> str:
    """The address of a link from this page (``../../sheets/contacts/``), as a reader types it."""
    return short(urljoin(address(site_url, page_url), relative))


def short(url: str) -> str:
    """An address as a reader types it: without ``https://`` and ``www.``."""
    text = re.sub(r"^https?://", "", url)
    return text[4:] if text.startswith("www.") else text


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as a small inline SVG (one path; no XML declaration, no size: the
    stylesheet sets the printed size). Error correction M survives a crumpled sheet."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, border=2, omitsize=True,
              svgclass="ww-qr", lineclass=None, title=None)
    svg = out.getvalue().decode("ascii")
    return svg.replace("<svg ", '<svg role="img" aria-hidden="true" focusable="false" ', 1)


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that is safe inside a ``<style>`` element: quotes and
    backslashes escaped, line breaks removed, ``<`` and ``>`` written as code points."""
    escaped = []
    for char in re.sub(r"[\x00-\x1f\x7f\u2028\u2029]+", " ", text):
        if char in '"\\<>&':
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def page_info(*, site_name: str, title: str, language: str, language_name: str, page_url: str, site_url: str,
              checked: Optional[str], labels, offer_print: bool = False) -> dict:
    """What the print header and the running footer of one page show (``labels``: key → text)."""
    url = address(site_url, page_url)
    footer = " · ".join(part for part in (
        site_name, title, language_name,
        f"{labels('print-checked')}: {checked}" if checked else None,
    ) if part)
    return {
        "site_name": site_name,
        "title": title,
        "language": language,
        "language_name": language_name,
        "checked": checked,
        "address": url,
        "address_short": short(url),
        "public": bool(site_url),
        "offer_print": offer_print,
        "qr": qr_svg(url) if site_url else None,
        "footer_css": css_string(footer),
        "address_css": css_string(short(url)),
        "labels": {key: labels(key) for key in (
            "print-printed", "print-checked", "print-address", "print-page", "print", "print-doubt-legend")},
    }
