"""Shape one language's search index: the script our search worker loads on the first query.

The search plugin gives one entry per page and per heading. Here they are cleaned and
completed for readers:

- sections that only list directory entries (a chapter's "Who helps?" by state and city) are
  left out: the directory itself is the answer for a place, and a city name should not find
  every chapter first;
- the meaning of an office term, printed after every use of the term, is left out of the
  page's text (it stands once in the glossary, where each term becomes its own entry);
- the words of ``data/search.yaml`` are added: stop words, groups of words that mean the same
  (with each group's glossary term), and the places of the directory, so the worker can put the
  directory first for a place name;
- pages that are reference rather than guide (glossary, history, notices) weigh less.

Plain Python: no MkDocs import; ``hooks/search_index.py`` is the adapter.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, TYPE_CHECKING, Iterable, Optional

from . import layout

if TYPE_CHECKING:  # pragma: no cover
    from .model import Data

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_HEADING = re.compile(r"<h([1-6])\b[^>]*\bid=\"([^\"]+)\"[^>]*>.*?</h\1>", re.S)
_LISTING = re.compile(r"<div class=\"ww-directory\">.*?</div>", re.S)

# Pages that answer fewer questions than a guide chapter: their matches count for less.
PAGE_WEIGHTS = {
    layout.HOME: 0.7,
    layout.STEPS: 0.85,
    layout.GLOSSARY: 0.35,
    layout.DIRECTORY: 0.6,           # first for a place name (the worker's rule), else a long list
    layout.DIRECTORY_TOPICS: 0.8,
    layout.HISTORY: 0.35,
    layout.ABOUT_DATA: 0.5,
    layout.MAINTAINERS: 0.35,
    "impressum.md": 0.35,
    "privacy.md": 0.35,
}
# Print sheets for counsellors (checklist, contacts, forms, bilingual pairs) repeat the guide and
# the directory: found, but after the pages a reader means.
SHEET_WEIGHT = 0.3
SHEETS_FOLDER = layout.SHEETS.rsplit("/", 1)[0] + "/"
# Pages whose sections by state and city are the content itself.
DIRECTORY_PAGES = (layout.DIRECTORY, layout.DIRECTORY_TOPICS, layout.HISTORY)


def plain(text: str) -> str:
    """Text without markup, for indexing and for the result teaser."""
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", text or ""))).strip()


def listing_sections(page_html: str) -> set[str]:
    """Ids of the headings whose section only lists directory entries (or only holds such
    sections: a state above its cities, "Who helps?" above the states)."""
    headings = list(_HEADING.finditer(page_html))
    kinds: list[tuple[str, str]] = []
    for number, match in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(page_html)
        body = page_html[match.end():end]
        if not plain(body):
            kinds.append((match.group(2), "empty"))
        elif _LISTING.search(body) and not plain(_LISTING.sub(" ", body)):
            kinds.append((match.group(2), "listing"))
        else:
            kinds.append((match.group(2), "content"))
    found: set[str] = set()
    following = "content"
    for ident, kind in reversed(kinds):
        if kind == "listing" or (kind == "empty" and following == "listing"):
            found.add(ident)
            following = "listing"
        else:
            following = kind
    return found


@dataclass
class PageInfo:
    """What the hook learned about one page while it was built."""

    url: str                    # as in the entries' locations: "tr/guide/taxes/"
    src: str                    # inside the language's docs folder: "guide/taxes.md"
    listings: set[str] = field(default_factory=set)


def _anchor(location: str) -> str:
    return location.split("#", 1)[1] if "#" in location else ""


def _without(text: str, meanings: Iterable[str]) -> str:
    for meaning in meanings:
        if meaning in text:
            text = text.replace(f" – {meaning}", "").replace(f" ({meaning})", "").replace(meaning, "")
    return text


def words_of(data: Optional["Data"], language: str) -> dict:
    """Stop words, synonym groups and places of one language's search."""
    search = data.search if data is not None else None
    stop: list[str] = []
    groups: list[list[str]] = []
    if data is not None and search is not None:
        stop = search.stop_words.get(language) + search.stop_words.get("en")
        for group in search.synonyms:
            words: list[str] = []
            if group.term and group.term in data.terms:
                words.append(data.terms[group.term].term)
            for code in dict.fromkeys((language, data.config.default.code, "en")):
                words += group.words.get(code)
            words = list(dict.fromkeys(words))
            if len(words) > 1:
                groups.append(words)
    places: list[str] = []
    if data is not None:
        places += [item.address.city for item in data.institutions.values() if item.address.city]
        for state in data.taxonomy.states:
            for code in dict.fromkeys((language, data.config.default.code)):
                name = state.name.get(code)
                if name:
                    places.append(name)
    return {"stop": stop, "synonyms": groups, "places": sorted(set(places))}


def glossary_entries(data: Optional["Data"], language: str, glossary_url: Optional[str]) -> list[dict]:
    """One entry per office term: the German term as title, its meaning in this language."""
    if data is None or glossary_url is None:
        return []
    return [
        {"location": f"{glossary_url}#term-{term.id}", "title": term.term, "text": term.meaning.get(language) or ""}
        for term in data.terms.values()
    ]


def shape(language: str, entries: list[dict], pages: Iterable[PageInfo] = (), data: Optional["Data"] = None) -> dict:
    """The index of one language: cleaned entries plus the words of data/search.yaml."""
    by_url = {page.url: page for page in pages}
    found = {term.meaning.get(language) for term in data.terms.values()} if data is not None else set()
    meanings: list[str] = sorted((text for text in found if text), key=len, reverse=True)
    docs = []
    for entry in entries:
        location = entry["location"]
        page = by_url.get(location.split("#", 1)[0])
        if page is not None and page.src not in DIRECTORY_PAGES and _anchor(location) in page.listings:
            continue
        title = plain(entry.get("title", ""))
        text = _SPACE.sub(" ", _without(plain(entry.get("text", "")), meanings)).strip()
        docs.append({"location": location, "title": title, "text": text})
    special = {page.src: page.url for page in by_url.values()}
    docs += glossary_entries(data, language, special.get(layout.GLOSSARY))
    payload: dict[str, Any] = {"lang": language, "docs": docs}
    payload.update(words_of(data, language))
    payload["directory"] = special.get(layout.DIRECTORY)
    payload["weights"] = {special[src]: weight for src, weight in PAGE_WEIGHTS.items() if src in special}
    payload["weights"].update({url: SHEET_WEIGHT for src, url in special.items() if src.startswith(SHEETS_FOLDER)})
    payload["separate"] = [special[layout.GLOSSARY]] if layout.GLOSSARY in special else []
    return payload


def index_script(language: str, entries: list[dict], pages: Iterable[PageInfo] = (), data: Optional["Data"] = None) -> str:
    """``self.wegweiserIndex = {...}``: loadable with importScripts in a worker and with a
    script tag in the iframe that stands in for a worker under ``file://``."""
    payload = json.dumps(shape(language, entries, pages, data), ensure_ascii=False, separators=(",", ":"))
    return f"self.wegweiserIndex=self.wegweiserIndex||{{}};self.wegweiserIndex[{json.dumps(language)}]={payload};\n"


_PAYLOAD = re.compile(r"^(self\.wegweiserIndex=self\.wegweiserIndex\|\|\{\};self\.wegweiserIndex\[[^\]]+\]=)(.*);\n?$", re.S)


def relocate_script(script: str, move) -> str:
    """An index script with every page address passed through ``move`` (the copy for disk links
    to files: ``guide/money/`` → ``guide/money.html``): entries, directory, weights, separate."""
    match = _PAYLOAD.match(script)
    if match is None:
        return script
    payload = json.loads(match.group(2))
    for doc in payload.get("docs", []):
        doc["location"] = move(doc["location"])
    if payload.get("directory"):
        payload["directory"] = move(payload["directory"])
    if isinstance(payload.get("weights"), dict):
        payload["weights"] = {move(url): weight for url, weight in payload["weights"].items()}
    if isinstance(payload.get("separate"), list):
        payload["separate"] = [move(url) for url in payload["separate"]]
    return match.group(1) + json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + ";\n"


_SCRIPTS = re.compile(r"var STEMMERS = [^\n]*;")


def worker_with_scripts(worker: str, languages: Iterable[str]) -> str:
    """The search worker with the list of stemmer scripts of each language written in (the
    same list the service worker caches: ``layout.search_stemmers``)."""
    scripts = {code: layout.search_stemmers(code) for code in languages}
    line = "var STEMMERS = " + json.dumps(scripts, separators=(",", ":")) + ";"
    if not _SCRIPTS.search(worker):
        raise ValueError("the search worker has no 'var STEMMERS = …;' line to fill in")
    return _SCRIPTS.sub(lambda _: line, worker, count=1)
