"""Hook: the site as a download that works from disk (file://), for a counsellor's laptop or a
USB stick: ``download/wegweiser-offline.zip``.

Derived from this build's own output, not built a second time: the core
(``wegweiser.offline.zip_file_copy``) rewrites each page to link to files instead of folders
(``guide/money.html``, as MkDocs makes it with use_directory_urls: false), adds the search
stub Material reads from disk, leaves out the download offer and the service worker, and zips
it. This hook only tells it where each page lies. Skipped by ``mkdocs serve`` (where it would
slow every rebuild) and with WEGWEISER_DOWNLOAD=false.

``WEGWEISER_OFFLINE=true mkdocs build`` still builds the copy the slow way (Material's offline
plugin), as a reference the tests compare the derived copy with."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority

from wegweiser import layout
from wegweiser.offline import file_copy_page, zip_file_copy

_command = {"name": "build"}
_pages: dict[str, str] = {}   # page file in the site → its file in the copy for disk, every language

# ---- Hooks ----


def on_startup(command, dirty, **kwargs):
    _command["name"] = command


@event_priority(-200)
def on_files(files, config, **kwargs):
    """Note where each page of the language being built lies (after static-i18n and the
    generated directory pages)."""
    if config.plugins["i18n"].current_language == config.plugins["i18n"].default_language:
        if not config.plugins["i18n"].building:
            _pages.clear()   # a new build (serve rebuilds in the same process)
    for file in files.documentation_pages():
        _pages[file.dest_uri] = file_copy_page(file.dest_uri, file.name == "index")
    return files


@event_priority(-200)
def on_post_build(config, **kwargs):
    """Once per build, after every language (static-i18n sets ``building`` while it builds
    the other languages inside the default language's post-build) and after the service worker."""
    if (_command["name"] != "build" or config.plugins["i18n"].building or os.environ.get("WEGWEISER_OFFLINE") == "true"
            or os.environ.get("WEGWEISER_DOWNLOAD") == "false"):
        return
    site_dir = Path(config.site_dir)
    # The service worker has nothing to do under file://; the web manifests stay (pages link them).
    zip_file_copy(site_dir, dict(_pages), site_dir / layout.DOWNLOAD_ZIP, "wegweiser", {layout.SERVICE_WORKER})
