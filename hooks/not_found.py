"""Hook: a "page not found" page in every language, and a root one that offers all of them.

Hosts serve ``404.html`` for every address that does not exist. Static-i18n builds each language
into the same site, so the last language built would own the root 404 page (it was Russian with
an English heading). Here each language keeps its own copy at ``<lang>/404.html``, and the root
page is the default language's; the template (overrides/404.html) shows every language's text."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from wegweiser import DataError, load_cached, load_site_config

# ---- Hooks ----


def on_env(env, config, files, **kwargs):
    """The 404 template's words come from data/labels.yaml, like every other interface word."""
    site = load_site_config(Path(config.config_file_path))
    try:
        labels = load_cached(site).labels
    except DataError:
        return env  # reported by hooks/macros.py
    env.globals["wegweiser_labels"] = {key: {code: label.get(code) or label.get(site.default.code) for code in site.codes}
                                       for key, label in labels.items() if key.startswith("not-found")}
    env.globals["wegweiser_languages"] = [
        {"code": language.code, "name": language.name, "direction": language.direction,
         "prefix": "" if language.default else language.code + "/"}
        for language in site.languages
    ]
    return env


_default_page: dict[str, bytes] = {}


@event_priority(90)
def on_post_build(config, **kwargs):
    """Before static-i18n builds the next language (priority -100): keep this language's page
    at <lang>/404.html, and put the default language's page back at the root."""
    site = load_site_config(Path(config.config_file_path))
    language = config.plugins["i18n"].current_language
    page = Path(config.site_dir) / "404.html"
    if not page.exists():
        return
    if language == site.default.code:
        _default_page["html"] = page.read_bytes()
        return
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(page, target)
    if "html" in _default_page:
        page.write_bytes(_default_page["html"])
