"""Search finds what readers type: questions, typing mistakes, everyday words, English,
German office terms in Cyrillic, Turkish verb forms, place names.

Browser tests type into Material's search box on the fixture site (real pages, fixture
directory); every query here found nothing or the wrong page before the search was reworked
(bench/search_before.json). The full evaluation with figures is bench/search_eval.py."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest

from conftest import PHONE, search
from wegweiser import layout
from wegweiser.search import listing_sections, shape, worker_with_scripts

# ---- What the reader sees (browser) ----

FIND = [
    # language, query, the page that answers it, among the first n results
    ("de", "was brauche ich für einen Imbiss", "guide/permits/", 3),        # question with filler words
    ("de", "Gewerbeanmledung", "guide/registering/", 3),                    # two letters swapped
    ("de", "Steuerbüro", "guide/bookkeeping/", 3),                          # everyday word (Steuerberater)
    ("de", "MwSt", "guide/taxes/", 3),                                      # abbreviation (Umsatzsteuer)
    ("de", "health insurance", "guide/insurance/", 3),                      # English
    ("tr", "vergi dairesine nasıl kayıt olunur", "guide/taxes/", 3),        # question
    ("tr", "işletmemi kaydettirebilir miyim", "guide/registering/", 3),     # Turkish verb forms
    ("tr", "muhasabe", "guide/bookkeeping/", 3),                            # typing mistake
    ("tr", "mali müşavir", "guide/bookkeeping/", 3),                        # everyday word (vergi danışmanı)
    ("tr", "residence permit", "guide/residence/", 3),                      # English
    ("ru", "финанцамт", "guide/taxes/", 3),                                 # German term in Cyrillic
    ("ru", "гевербеамт", "guide/registering/", 3),
    ("ru", "бухгалтерея", "guide/bookkeeping/", 3),                         # typing mistake
    ("ru", "ВНЖ", "guide/residence/", 3),                                   # abbreviation
    ("ru", "нужно ли платить НДС", "guide/taxes/", 3),                      # question with an abbreviation
]


def _pages(results: list[dict], language: str) -> list[str]:
    prefix = "" if language == "de" else f"{language}/"
    found = []
    for result in results:
        path = urlparse(result["href"]).path.lstrip("/")
        assert path.startswith(prefix), f"a result in another language: {result}"
        page = path[len(prefix):]
        if page not in found:
            found.append(page)
    return found


def _open(page, server, language):
    page.goto(f"{server}/" if language == "de" else f"{server}/{language}/")


@pytest.mark.browser
@pytest.mark.parametrize(("language", "query", "expected", "within"), FIND, ids=[f"{c[0]}-{c[1]}" for c in FIND])
def test_search_finds_the_page_that_answers(page, server, language, query, expected, within):
    _open(page, server, language)
    pages = _pages(search(page, query), language)
    assert pages, f"no result for {query!r}"
    assert expected in pages[:within], f"{query!r}: {expected} not among the first {within}: {pages[:5]}"


@pytest.mark.browser
@pytest.mark.parametrize(("language", "place"), [("de", "Osnabrük"), ("tr", "Osnabruk"), ("ru", "Дрезден")])
def test_a_place_name_puts_the_directory_first(page, server, language, place):
    # a place typed with a mistake, or in Cyrillic letters (found by its sound: Dresden)
    _open(page, server, language)
    pages = _pages(search(page, place), language)
    assert pages and pages[0] == "directory/", pages[:5]


@pytest.mark.browser
def test_a_word_the_site_does_not_have_still_shows_pages_with_the_others(page, server):
    # every word had to be in one section before: one unknown word meant no result at all
    _open(page, server, "de")
    results = search(page, "Krankenversicherung Zauberwürfel")
    assert "guide/insurance/" in _pages(results, "de")[:3]
    missing = page.locator(".md-search-result__terms").first.inner_text()
    assert "Zauberwürfel" in missing


@pytest.mark.browser
def test_a_page_answers_when_its_sections_hold_the_words_between_them(page, server):
    # each word has its own section of the insurance chapter; no section holds both
    _open(page, server, "de")
    pages = _pages(search(page, "Künstlersozialkasse Krankentagegeld"), "de")
    assert pages and pages[0] == "guide/insurance/", pages[:5]


@pytest.mark.browser
def test_a_missing_script_ends_the_search_instead_of_hanging(browser, server):
    # As from disk: the worker runs in an iframe (iframe-worker), where a script that does not
    # load used to leave the search waiting forever. Here one stemmer file is missing.
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script("""
        Object.defineProperty(window, 'IFrameWorker', {configurable: true,
          get() { return this.__ww; }, set(v) { this.__ww = v; window.Worker = v; }});""")
    page = context.new_page()
    page.route("**/lunr.tr.min.js", lambda route: route.abort())
    page.goto(f"{server}/tr/")
    page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").fill("vergi")
    page.locator("input.md-search__input").press("End")
    none = json.loads(page.locator("#__config").text_content())["translations"]["search.result.none"]
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent === t", arg=none, timeout=15000)
    assert page.locator(".md-search-result__item").count() == 0
    context.close()


# ---- How the index is shaped (no browser) ----


def test_sections_that_only_list_directory_entries_are_found():
    html = ('<h2 id="steuern">Steuern</h2><p>Text.</p>'
            '<h2 id="wer-hilft">Wer hilft?</h2>'
            '<h2 id="bremen">Bremen</h2><h3 id="city-bremen">Bremen</h3>'
            '<div class="ww-directory"><p><a href="#">Beratung</a> – Bremen</p></div>'
            '<h2 id="danach">Danach</h2><p>Mehr Text.</p>')
    assert listing_sections(html) == {"wer-hilft", "bremen", "city-bremen"}


def test_the_index_leaves_out_listings_and_repeated_meanings_and_adds_terms_and_words(site_config):
    from wegweiser.search import PageInfo
    from wegweiser.validate import load

    data = load(site_config)
    meaning = data.terms["gewerbeanmeldung"].meaning.get("tr")
    entries = [
        {"location": "tr/guide/registering/", "title": "Kayıt", "text": f"<p>İşletme kaydı (Gewerbeanmeldung) – {meaning} yapılır.</p>"},
        {"location": "tr/guide/registering/#bremen", "title": "Bremen", "text": "<p>Beratung Bremen</p>"},
        {"location": "tr/directory/#city-bremen", "title": "Bremen", "text": "<p>Beratung Bremen</p>"},
    ]
    pages = [PageInfo("tr/guide/registering/", "guide/registering.md", {"bremen"}),
             PageInfo("tr/directory/", layout.DIRECTORY),
             PageInfo("tr/guide/glossary/", layout.GLOSSARY)]
    payload = shape("tr", entries, pages, data)
    locations = [doc["location"] for doc in payload["docs"]]
    assert "tr/guide/registering/#bremen" not in locations       # a chapter's listing
    assert "tr/directory/#city-bremen" in locations               # the directory keeps its own
    assert meaning not in payload["docs"][0]["text"] and "Gewerbeanmeldung" in payload["docs"][0]["text"]
    term = next(doc for doc in payload["docs"] if doc["location"] == "tr/guide/glossary/#term-gewerbeanmeldung")
    assert term["title"] == "Gewerbeanmeldung" and term["text"] == meaning
    assert "nasıl" in payload["stop"] and "how" in payload["stop"]
    assert ["Gewerbeanmeldung", "işletme kaydı", "Gewerbeschein", "business registration"] in payload["synonyms"]
    assert "Bremen" in payload["places"] and payload["directory"] == "tr/directory/"


def test_the_worker_gets_the_stemmer_list_the_service_worker_caches(built_site):
    from wegweiser.offline import language_files

    worker = (built_site / layout.SEARCH_WORKER).read_text(encoding="utf-8")
    scripts = json.loads(re.search(r"var STEMMERS = (\{.*?\});", worker).group(1))
    for language, files in scripts.items():
        assert files == layout.search_stemmers(language)
        assert set(files) <= set(language_files(language, []))
        assert all((built_site / path).is_file() for path in files), files
    with pytest.raises(ValueError):
        worker_with_scripts("no list here", ["de"])


def test_search_words_are_checked(site_copy, site_config):
    from wegweiser.validate import DataError, load

    target = site_copy / "data" / "search.yaml"
    target.write_text("stop_words:\n  de: [zwei wörter]\nsynonyms:\n  - term: unbekannt\n    words: {de: [a]}\n",
                      encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(site_config)
    assert "not one word" in str(error.value) and 'unknown term "unbekannt"' in str(error.value)
    target.write_text("stop_words:\n  xx: [was]\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(site_config)
    assert 'unknown language "xx"' in str(error.value)
