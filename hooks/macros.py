"""Hook: expand the Jinja macros of every page with the data, in the page's language.

A thin adapter between MkDocs and the core (``wegweiser``): the core loads, validates and
renders; this file only asks MkDocs for the language being built and for relative links.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from wegweiser import DataError, layout, load_cached, load_site_config
from wegweiser.render import Renderer, RenderError, hold_html, release_html

log = logging.getLogger("mkdocs.hooks.macros")
_command = {"name": "build"}
_held: dict[str, list[str]] = {}   # page → its card lists, while Markdown runs

# ---- Hooks ----


def on_startup(command, dirty, **kwargs):
    _command["name"] = command


@event_priority(100)
def on_config(config, **kwargs):
    """Validate all data before anything is rendered; fail with every problem at once.

    Runs first (priority 100) so a broken data file stops the build before any page is read.
    Static-i18n runs this event once per language; the core caches the loaded data.
    Under ``mkdocs serve`` the problems are shown on every page instead, so the preview
    stays up while a maintainer fixes them."""
    try:
        data = _data(config)
    except PluginError as error:
        if _command["name"] != "serve":
            raise
        # printed, not logged: a logged error would abort the strict preview build
        print(f"\n{error}\n", file=sys.stderr)
        return config
    if os.environ.get("WEGWEISER_SITE_URL") and data.settings.operator is None and _command["name"] == "build":
        # A published site (it has a public address) must name its operator in the Impressum.
        raise PluginError(
            "data/site.yaml: operator is missing – a site with a public address (site_url, "
            "WEGWEISER_SITE_URL) is published and needs the Impressum's operator: name, street, "
            "postcode, city, email, responsible. Previews without an address show a note instead. / "
            "data/site.yaml: operator fehlt – eine Seite mit öffentlicher Adresse wird veröffentlicht "
            "und braucht die Angaben zum Betreiber fürs Impressum.")
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Render the page's macros in the language static-i18n is building now."""
    language = _current_language(config)

    links: dict[str, str] = {}   # a directory page links to the same few pages once per card

    def link(target: str) -> str:
        """Relative URL from this page to another page of the same language; the page must exist."""
        if target not in links:
            file = files.get_file_from_path(target)
            if file is None:
                raise PluginError(f"docs/{page.file.src_uri}: a macro links to docs/{language}/{target}, which does not exist")
            links[target] = get_relative_url(file.url, page.url)
        return links[target]

    def asset(path: str) -> str:
        """Relative URL from this page to a file at the site root (vCards, downloads)."""
        return get_relative_url(path, page.url)

    offline_copy = os.environ.get("WEGWEISER_OFFLINE") == "true"
    try:
        data = _data(config)
    except PluginError as error:
        if _command["name"] != "serve":
            raise
        return _problems_page(str(error))
    renderer = Renderer(data, language, link=link, asset=asset, page=f"docs/{page.file.src_uri}",
                        download=None if offline_copy else layout.DOWNLOAD_ZIP,
                        site_url=config.site_url or "", page_url=page.url)
    try:
        rendered = renderer.render_markdown(markdown)
    except RenderError as error:
        raise PluginError(str(error)) from None
    page.meta["ww_checked"] = renderer.checked()  # how current the printout is (hooks/qr.py)
    rendered, _held[page.file.src_uri] = hold_html(rendered)
    return rendered


@event_priority(100)
def on_post_page(output, page, config, **kwargs):
    """Put the card lists back into the finished page. Until then neither Markdown nor the search
    plugin (which leaves them out of the index anyway: each entry has a short entry of its own,
    hooks/directory_pages.py) has to read them tag by tag."""
    return release_html(output, _held.pop(page.file.src_uri, []))


# ---- Helper functions ----


def _problems_page(message: str) -> str:
    """The page ``mkdocs serve`` shows while the data has problems (Markdown; escaped)."""
    import html

    return ('# Daten prüfen / Check the data\n\n!!! failure "Die Daten haben Fehler – die Vorschau zeigt sie, '
            'bis sie behoben sind."\n\n<pre class="ww-problems">' + html.escape(message) + "</pre>\n")


def _site(config):
    return load_site_config(Path(config.config_file_path))


def _data(config):
    try:
        return load_cached(_site(config))
    except DataError as error:
        raise PluginError(str(error)) from None


def _current_language(config) -> str:
    """The language being built, as static-i18n says (never guessed from paths)."""
    return config.plugins["i18n"].current_language
