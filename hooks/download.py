"""Hook: the site as a download that works from disk (file://), for a counsellor's laptop or a
USB stick: ``download/wegweiser-offline.zip``.

It is a second build with Material's offline plugin switched on (WEGWEISER_OFFLINE=true: links
to files instead of folders, search without a server), zipped into the main site. Skipped by
``mkdocs serve`` (where it would slow every rebuild) and inside the download's own build."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wegweiser import layout
from wegweiser.offline import zip_folder

_command = {"name": "build"}

# ---- Hooks ----


def on_startup(command, dirty, **kwargs):
    _command["name"] = command


@event_priority(-200)
def on_post_build(config, **kwargs):
    """Once per build, after every language (static-i18n sets ``building`` while it builds
    the other languages inside the default language's post-build)."""
    if (_command["name"] != "build" or config.plugins["i18n"].building or os.environ.get("WEGWEISER_OFFLINE") == "true"
            or os.environ.get("WEGWEISER_DOWNLOAD") == "false"):
        return
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-f", config.config_file_path, "-d", folder],
            env={**os.environ, "WEGWEISER_OFFLINE": "true"}, capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise PluginError("the offline download did not build:\n" + result.stdout + result.stderr)
        zip_folder(Path(folder), Path(config.site_dir) / layout.DOWNLOAD_ZIP, "wegweiser")
