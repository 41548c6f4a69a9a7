"""Hook: expand the Jinja macros of every page with the data, in the page's language.

A thin adapter between MkDocs and the core (``wegweiser``): the core loads, validates and
renders; this file only asks MkDocs for the language being built and for relative links.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from wegweiser import DataError, load_cached, load_site_config
from wegweiser.render import Renderer, RenderError

log = logging.getLogger("mkdocs.hooks.macros")

# ---- Hooks ----


@event_priority(100)
def on_config(config, **kwargs):
    """Validate all data before anything is rendered; fail with every problem at once.

    Runs first (priority 100) so a broken data file stops the build before any page is read.
    Static-i18n runs this event once per language; the core caches the loaded data."""
    _data(config)
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Render the page's macros in the language static-i18n is building now."""
    language = _current_language(config)

    def link(target: str) -> str:
        """Relative URL from this page to another page of the same language; the page must exist."""
        file = files.get_file_from_path(target)
        if file is None:
            raise PluginError(f"docs/{page.file.src_uri}: a macro links to docs/{language}/{target}, which does not exist")
        return get_relative_url(file.url, page.url)

    def asset(path: str) -> str:
        """Relative URL from this page to a file at the site root (vCards, downloads)."""
        return get_relative_url(path, page.url)

    offline_copy = os.environ.get("WEGWEISER_OFFLINE") == "true"
    renderer = Renderer(_data(config), language, link=link, asset=asset,
                        download=None if offline_copy else "download/wegweiser-offline.zip")
    try:
        return renderer.render_markdown(markdown, name=f"docs/{page.file.src_uri}")
    except RenderError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None


# ---- Helper functions ----


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
