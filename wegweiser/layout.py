"""Where everything is: every output path and every page target, in one place.

Hooks write files here, macros link here, the service worker caches these, and tests read
them. Page targets are paths inside one language's docs folder (``docs/<lang>/…``)."""

from __future__ import annotations

# ---- Files in the built site (paths from the site root) ----

DOWNLOAD_ZIP = "download/wegweiser-offline.zip"
EXPORT_JSON = "data/institutions.json"
EXPORT_CSV = "data/institutions.csv"
SERVICE_WORKER = "sw.js"
SEARCH_WORKER = "assets/javascripts/wegweiser/search-worker.js"
QR_DIR = "assets/qr"


def vcard(ident: str) -> str:
    return f"vcards/{ident}.vcf"


def search_index(language: str) -> str:
    return f"search/index.{language}.js"


def manifest(language: str) -> str:
    return f"manifest.{language}.webmanifest"


def stemmer(language: str) -> str:
    return f"assets/javascripts/lunr/min/lunr.{language}.min.js"


STEMMER_SUPPORT = "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"
STEMMER_MULTI = "assets/javascripts/lunr/min/lunr.multi.min.js"


def search_stemmers(language: str) -> list[str]:
    """The stemmer scripts (shipped with Material) the search worker loads for a language, in
    order: the shared support, then German (office terms stand in German on every page), then
    the page's language. The worker gets this list at build time; the service worker caches it."""
    return list(dict.fromkeys([STEMMER_SUPPORT, stemmer("de"), stemmer(language)]))


# ---- Pages (inside docs/<lang>/) ----

HOME = "index.md"
STEPS = "steps.md"
DIRECTORY = "directory/index.md"
DIRECTORY_TOPICS = "directory/topics.md"
HISTORY = "directory/history.md"
GLOSSARY = "guide/glossary.md"
ABOUT_DATA = "about-data.md"
MAINTAINERS = "maintainers.md"
SHEETS = "sheets/index.md"
# The sheets a counsellor prints: one page each, in every language; a bilingual copy sets German
# beside another language (``sheets/checklist-de-tr.md``).
SHEET_NAMES = ("checklist", "contacts", "business-plan")


def sheet(name: str, pair: tuple[str, str] | None = None) -> str:
    return f"sheets/{name}.md" if pair is None else f"sheets/{name}-{pair[0]}-{pair[1]}.md"


OFFLINE = "offline.md"          # shown by the service worker for a page not saved yet


def directory_state(state: str) -> str:
    """A state's directory page (a large directory has one per state, and ``bundesweit``)."""
    return f"directory/{state}/index.md"


def directory_city(state: str, city: str, part: int = 1) -> str:
    """A city's page in a large state (``city``: its slug); a city larger still comes in parts."""
    return f"directory/{state}/{city}{'' if part == 1 else f'-{part}'}.md"


def chapter(name: str) -> str:
    return f"guide/{name}.md"
