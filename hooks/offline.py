"""Hook: offline after one visit – a service worker and a web manifest per language.

The core shapes what to cache (``wegweiser.offline``); wegweiser/templates/sw.js and
wegweiser/templates/manifest.webmanifest own the files' text. Static-i18n builds each language in turn,
so the pages of each language are noted as it is built, and the service worker is written
last, once every language and asset is on disk."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from wegweiser import layout, load_site_config
from wegweiser.offline import manifest, service_worker

_pages: dict[str, list[str]] = {}
# Languages whose build is under way: static-i18n builds the others inside the default
# language's post-build, so at our post-build the plugin already names the last language built.
_building: list[str] = []

# ---- Hooks ----


@event_priority(-200)
def on_files(files, config, **kwargs):
    """Note the URLs of the pages of the language being built (after static-i18n, priority
    -100, has chosen that language's files)."""
    language = config.plugins["i18n"].current_language
    _building.append(language)
    _pages[language] = sorted(
        file.url for file in files.documentation_pages()
        if getattr(file, "locale", language) == language
    )
    return files


@event_priority(-150)
def on_post_build(config, **kwargs):
    """Write this language's manifest, then the service worker with everything known so far.

    Priority -150: after static-i18n (-100) has built the other languages, so the last call
    (the default language's) sees every page and asset."""
    code = _building.pop() if _building else config.plugins["i18n"].current_language
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        return  # the file:// download needs neither
    site = load_site_config(Path(config.config_file_path))
    site_dir = Path(config.site_dir)
    language = site.language(code)
    (site_dir / layout.manifest(language.code)).write_text(manifest(site, language), encoding="utf-8")
    (site_dir / layout.SERVICE_WORKER).write_text(service_worker(site_dir, _pages, site), encoding="utf-8")
