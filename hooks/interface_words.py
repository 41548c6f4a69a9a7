"""Hook: interface words that Markdown extensions write in English get the page's language.

The toc extension gives every heading a "Permanent link" (¶) with an English title – about 300
times per language on tr/ru pages. Its text comes from data/labels.yaml like every other word."""

from __future__ import annotations

from pathlib import Path

from wegweiser import DataError, load_cached, load_site_config

_ENGLISH = 'title="Permanent link"'

# ---- Hooks ----


def on_page_content(html, page, config, files, **kwargs):
    if _ENGLISH not in html:
        return html
    site = load_site_config(Path(config.config_file_path))
    try:
        labels = load_cached(site).labels
    except DataError:
        return html  # reported by hooks/macros.py
    language = config.plugins["i18n"].current_language
    label = labels.get("permalink")
    words = (label.get(language) or label.get(site.default.code)) if label else None
    if not words:
        return html
    from markupsafe import escape

    return html.replace(_ENGLISH, f'title="{escape(words)}"')
