"""Hook: what every printout says about its page – site, title, language, how current it is,
the page's address and, when the site's public address (``site_url``) is set, a QR code of it.

One job: hand ``ww_print`` to the theme (``overrides/main.html`` prints it, ``print.css`` shows it
only on paper). The core (``wegweiser.printing``) makes the QR code at build time, offline; the
check date comes from the page's macros (``hooks/macros.py`` notes it in ``page.meta``)."""

from __future__ import annotations

from pathlib import Path

from wegweiser import DataError, load_cached, load_site_config
from wegweiser.printing import page_info
from wegweiser.render import Localizer

# ---- Hooks ----


def on_page_context(context, page, config, nav, **kwargs):
    if "ww_checked" not in page.meta:
        return context  # the macros did not render (data problems, shown under serve): no print head
    site = load_site_config(Path(config.config_file_path))
    code = config.plugins["i18n"].current_language
    try:
        local = Localizer(load_cached(site), code)
    except DataError:
        return context  # reported by hooks/macros.py
    context["ww_print"] = page_info(
        site_name=config.site_name, title=page.title or config.site_name, language=code,
        language_name=site.language(code).name, page_url=page.url, site_url=config.site_url or "",
        checked=page.meta.get("ww_checked"), labels=local.label, offer_print=_offers_print(page.file.src_uri, site.codes),
    )
    return context


def _offers_print(src_uri: str, languages) -> bool:
    """Chapters and sheets show a "Print" button (``de/guide/bank.md``, ``sheets/checklist.md``)."""
    parts = src_uri.split("/")
    if parts[0] in languages:
        parts = parts[1:]
    return bool(parts) and parts[0] in ("guide", "sheets")
