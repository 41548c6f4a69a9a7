"""Hook: a large directory's pages per state and city (and the office-listing sheets per
state), as generated pages of every language.

The core decides which pages there are (``wegweiser.render.directory.plan``: none while the
directory fits on one page) and what each holds; their text is one macro call, rendered by
hooks/macros.py like any page. This hook only adds them to MkDocs' files in the shape
static-i18n gives its own files (language folder, alternates for the language switcher), so
links, search and the sitemap treat them like written pages. They stay out of the navigation:
the directory page links to them, so the menu does not grow with the directory."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from wegweiser import DataError, load_cached, load_site_config
from wegweiser.render import Renderer
from wegweiser.render import generated_pages
from wegweiser.render.directory import search_entries

_files: dict = {}   # the files of the language being built

# ---- Hooks ----


@event_priority(-150)
def on_files(files, config, **kwargs):
    """After static-i18n (priority -100) has chosen the language's files, add the generated
    pages of that language (before the hooks that list pages, priority -200)."""
    site = load_site_config(Path(config.config_file_path))
    try:
        pages = generated_pages(load_cached(site))
    except DataError:
        return files   # reported by hooks/macros.py
    i18n = config.plugins["i18n"]
    language = i18n.current_language
    _files["files"] = files
    for path, markdown in pages.items():
        file = _file(config, site, language, path, markdown)
        file.alternates = {code: (file if code == language else _file(config, site, code, path, markdown))
                           for code in site.codes}
        files.append(file)
    if pages:
        i18n.i18n_files_per_language[language] = files.documentation_pages()
    return files


@event_priority(-40)
def on_post_build(config, **kwargs):
    """Each active entry as one short search entry at its card (the card lists themselves are
    left out of the index). Priority -40: after the search plugin has collected this language's
    pages, before hooks/search_index.py writes them (-50)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    files = _files.get("files")
    if entries is None or files is None:
        return
    site = load_site_config(Path(config.config_file_path))
    try:
        data = load_cached(site)
    except DataError:
        return

    def link(target: str) -> str:
        file = files.get_file_from_path(target)
        return file.url if file is not None else target

    language = config.plugins["i18n"].current_language
    entries.extend(search_entries(Renderer(data, language, link=link).ctx))


# ---- Helper functions ----


def _file(config, site, language: str, path: str, markdown: str) -> File:
    """A generated page as static-i18n shapes a page of docs/<language>/: the default language
    at the site root, the others under their code."""
    file = File.generated(config, f"{language}/{path}", content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    dest = file.dest_uri
    if language == site.default.code:
        dest = posixpath.relpath(dest, language)
    file.dest_uri = dest
    file.locale = language
    file.locale_alternate_of = language
    file.localization = language
    file.norm_src_uri = path
    return file
