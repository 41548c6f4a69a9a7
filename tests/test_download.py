"""The file:// download is derived from the build's own output (hooks/download.py), not built a
second time. It must hold what MkDocs itself makes for use from disk (use_directory_urls: false
and Material's offline plugin, WEGWEISER_OFFLINE=true): the same files with the same links."""

from __future__ import annotations

import gzip
import re
import zipfile

from helpers import build
from wegweiser import layout


# What a page prints as its address on the internet (print head, sheets, "contact sheet: …"): the
# copy keeps the public address (``/guide/money/``), where MkDocs' build for disk prints its file
# (``/guide/money.html``). Links in the copy are relative; only printed addresses start with "/".
_PRINTED = re.compile(r'(?<=[>" ])(/(?:[\w-]+/)*)(?:index\.html|([\w-]+)\.html)(?=[?"<\s#])')


# Links to a folder's page: the copy links its file ("tr/index.html"); MkDocs' build for disk
# leaves the links a template writes itself as folders ("tr/"), which a browser shows as a listing.
_FOLDER = re.compile(r'href="((?:[\w.-]+/)*)index\.html')


def _normal(content: bytes) -> str:
    text = _FOLDER.sub(r'href="\1', content.decode("utf-8", "replace")).encode("utf-8")
    text = _PRINTED.sub(lambda match: match.group(1) + (match.group(2) + "/" if match.group(2) else ""),
                        text.decode("utf-8"))
    return re.sub(r"\s+", " ", text).strip()


def test_the_derived_download_equals_what_mkdocs_builds_for_disk(built_site, fixture_project, tmp_path):
    reference = build(fixture_project, tmp_path / "offline", env={"WEGWEISER_OFFLINE": "true"})
    expected = {path.relative_to(reference).as_posix(): path for path in reference.rglob("*") if path.is_file()}
    with zipfile.ZipFile(built_site / layout.DOWNLOAD_ZIP) as archive:
        derived = {name.split("/", 1)[1]: name for name in archive.namelist()}
        # the web manifests stay in the copy (its pages link them; the offline build leaves them out)
        extra = {name for name in set(derived) - set(expected) if not name.endswith(".webmanifest")}
        assert not extra and not set(expected) - set(derived), (sorted(extra), sorted(set(expected) - set(derived)))
        different = []
        for name, path in expected.items():
            if name.endswith("404.html"):
                continue   # no server shows it from disk; its links are absolute
            mine, theirs = archive.read(derived[name]), path.read_bytes()
            if name.endswith(".gz"):
                mine, theirs = gzip.decompress(mine), gzip.decompress(theirs)
            if mine != theirs and _normal(mine) != _normal(theirs):
                different.append(name)
    assert different == []
