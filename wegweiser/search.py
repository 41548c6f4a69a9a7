"""Shape one language's search entries into the script our search worker loads."""

from __future__ import annotations

import html
import json
import re

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text without markup, for indexing and for the result teaser."""
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", text or ""))).strip()


def index_script(language: str, entries: list[dict]) -> str:
    """``self.wegweiserIndex = {...}``: loadable with importScripts in a worker and with a
    script tag in the iframe that stands in for a worker under ``file://``."""
    docs = [
        {"location": entry["location"], "title": plain(entry.get("title", "")), "text": plain(entry.get("text", ""))}
        for entry in entries
    ]
    payload = json.dumps({"lang": language, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
    return f"self.wegweiserIndex=self.wegweiserIndex||{{}};self.wegweiserIndex[{json.dumps(language)}]={payload};\n"
