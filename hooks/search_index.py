"""Hook: one search index per language instead of static-i18n's merged one.

Static-i18n builds the languages one after another into one site and merges their search
entries into a single ``search/search_index.json`` (one index, every stemmer on every word).
Here each language's entries are written to ``search/index.<lang>.js`` (a script, so it loads
over http and from ``file://``) and taken out of the merge, so the shared
``search/search_index.json`` that every page fetches holds only the configuration. Our search
worker (``overrides/assets/javascripts/wegweiser/search-worker.js``) loads the index of the
page's language on the first query. The core (``wegweiser.search``) shapes the index: it
leaves out chapters' directory listings and repeated term meanings, adds the glossary terms
and the words of ``data/search.yaml``; this hook only gathers what MkDocs knows.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wegweiser import DataError, layout, load_cached, load_site_config
from wegweiser.search import PageInfo, index_script, listing_sections, worker_with_scripts

_pages: dict[str, dict[str, PageInfo]] = {}   # language → url → what the page holds

# ---- Hooks ----


@event_priority(-50)
def on_page_context(context, page, config, nav, **kwargs):
    """Note where each page is and which of its sections only list directory entries."""
    language = _language(config)
    src = page.file.src_uri
    if src.split("/", 1)[0] == language:
        src = src.split("/", 1)[1]
    _pages.setdefault(language, {})[page.url] = PageInfo(url=page.url, src=src, listings=listing_sections(page.content or ""))
    return context


@event_priority(-50)
def on_post_build(config, **kwargs):
    """Write this language's index and take its entries out of the merged one; write the
    list of stemmer scripts into the search worker.

    Priority -50: after the search plugin collected the entries (priority 0) and before
    static-i18n stacks them up and builds the next language (priority -100)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    if entries is None:
        raise PluginError("search_index hook: the search plugin's entries were not found (Material changed?)")
    language = _language(config)
    site = load_site_config(Path(config.config_file_path))
    try:
        data = load_cached(site)
    except DataError:  # only under mkdocs serve (a build stops first): the preview shows the problems
        data = None
    site_dir = Path(config.site_dir)
    target = site_dir / layout.search_index(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index_script(language, entries, _pages.pop(language, {}).values(), data), encoding="utf-8")
    entries.clear()
    worker = site_dir / layout.SEARCH_WORKER
    try:
        worker.write_text(worker_with_scripts(worker.read_text(encoding="utf-8"), site.codes), encoding="utf-8")
    except (OSError, ValueError) as error:
        raise PluginError(f"search_index hook: {error}") from None


def _language(config) -> str:
    return config.plugins["i18n"].current_language
