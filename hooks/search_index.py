"""Hook: one search index per language instead of static-i18n's merged one.

Static-i18n builds the languages one after another into one site and merges their search
entries into a single ``search/search_index.json`` (one index, every stemmer on every word).
Here each language's entries are written to ``search/index.<lang>.js`` (a script, so it loads
over http and from ``file://``) and taken out of the merge, so the shared
``search/search_index.json`` that every page fetches holds only the configuration. Our search
worker (``overrides/assets/javascripts/wegweiser/search-worker.js``) loads the index of the
page's language on the first query and stems with that language's stemmer.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wegweiser import layout
from wegweiser.search import index_script

# ---- Hooks ----


@event_priority(-50)
def on_post_build(config, **kwargs):
    """Write this language's index and take its entries out of the merged one.

    Priority -50: after the search plugin collected the entries (priority 0) and before
    static-i18n stacks them up and builds the next language (priority -100)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    if entries is None:
        raise PluginError("search_index hook: the search plugin's entries were not found (Material changed?)")
    language = config.plugins["i18n"].current_language
    target = Path(config.site_dir) / layout.search_index(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index_script(language, entries), encoding="utf-8")
    entries.clear()
