"""The directory on a phone and the accessibility of every page type, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import axe_playwright_python
import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser

AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
PAGE_TYPES = ["", "steps/", "guide/money/", "guide/legal-forms/", "guide/glossary/", "directory/",
              "directory/topics/", "about-data/", "maintainers/", "privacy/"]


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(".ww-card", "els => els.filter(e => !e.hidden && e.offsetParent).map(e => e.id)")


def test_filter_by_counselling_language_comes_from_the_link(page, server):
    page.goto(f"{server}/tr/directory/?language=tr")
    assert sorted(visible_cards(page)) == ["beratung-bremen", "gruenderbuero-muenchen"]   # the fixture's two
    assert page.locator("[data-ww-count]").inner_text() == "2 kayıt"
    assert page.locator("select[name=language]").input_value() == "tr"


def test_filter_changes_without_reload_and_keeps_the_choice_in_the_link(page, server):
    page.goto(f"{server}/ru/directory/")
    total = len(visible_cards(page))
    page.evaluate("window.__same = true")
    page.select_option("select[name=topic]", "recognition")
    shown = visible_cards(page)
    assert 0 < len(shown) < total
    assert page.evaluate("window.__same") is True, "the page reloaded"
    assert parse_qs(urlparse(page.url).query) == {"topic": ["recognition"]}
    count = page.locator("[data-ww-count]").inner_text()
    assert re.fullmatch(rf"{len(shown)} (запись|записи|записей)", count)
    # a state heading with no entry left is hidden too
    assert page.locator("h2#state-bremen").is_hidden()
    page.select_option("select[name=city]", "Osnabrück")
    assert all(page.locator(f"#{ident}").get_attribute("data-city") == "Osnabrück" for ident in visible_cards(page))


def test_without_javascript_every_entry_is_listed(browser, server, built_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/de/directory/".replace("/de/", "/"))
    cards = page.locator(".ww-card")
    html = (built_site / "directory" / "index.html").read_text(encoding="utf-8")
    assert cards.count() == len(re.findall(r'class="ww-card[ "]', html)) == 8     # every active fixture entry
    assert page.locator("form.ww-filter").is_hidden()
    context.close()


def test_contact_links_are_well_formed(page, server):
    page.goto(f"{server}/ru/directory/")
    for card in page.locator(".ww-card").all():
        for link in card.locator("a").all():
            href = link.get_attribute("href")
            scheme = href.split(":", 1)[0]
            if scheme == "tel":
                assert re.fullmatch(r"tel:\+49\d{5,13}", href), href
            elif scheme == "mailto":
                assert re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}", href, re.I), href
            elif scheme == "geo":
                assert href.startswith("geo:0,0?q=") and " " not in href, href
            elif scheme in ("http", "https"):
                pass
            else:
                assert href.endswith(".vcf"), href
    vcard = page.locator("#beratung-bremen a.ww-card__vcard").get_attribute("href")
    response = page.request.get(urlparse(page.url)._replace(path="/").geturl() + vcard.lstrip("./").replace("../", ""))
    body = response.body().decode("utf-8")
    assert body.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and body.endswith("END:VCARD\r\n")
    assert "TEL;TYPE=work,voice:+494213377173\r\n" in body
    assert "ADR;TYPE=work:;;Am Wall 113;Bremen;;28195;Deutschland\r\n" in body


# Accessibility of every page type in every language: tests/test_phone_pages.py (axe, all rules).


def test_keyboard_focus_is_visible(page, server):
    page.goto(f"{server}/tr/directory/")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }")
    assert not outline.startswith("none"), outline


@pytest.mark.parametrize("language", ["de", "tr", "ru"])
def test_state_filter_shows_that_state_and_the_nationwide_services(page, server, language):
    prefix = "" if language == "de" else f"/{language}"
    page.goto(f"{server}{prefix}/directory/?state=bayern")
    assert sorted(visible_cards(page)) == ["gruenderbuero-muenchen", "hotline-bund", "portal-bund"]
    assert page.locator("select[name=state]").input_value() == "bayern"
    assert page.locator("h2#state-niedersachsen").is_hidden()


def test_from_the_start_page_to_my_states_offices_in_two_taps(page, server):
    page.goto(f"{server}/ru/")
    chooser = page.locator(".ww-door form.ww-state-chooser")
    chooser.locator("select[name=state]").select_option("niedersachsen")        # tap 1: the state
    chooser.locator("button[type=submit]").click()                               # tap 2: show
    page.wait_for_load_state()
    assert urlparse(page.url).path == "/ru/directory/" and parse_qs(urlparse(page.url).query) == {"state": ["niedersachsen"]}
    shown = visible_cards(page)
    assert set(shown) == {"kammer-hannover", "netz-osnabrueck-anerkennung", "netz-osnabrueck-gruendung", "hotline-bund", "portal-bund"}
    assert 5 <= len(shown) <= 15


def test_the_start_page_offers_the_languages_in_words(page, server):
    page.goto(f"{server}/tr/")
    names = page.locator(".ww-languages a, .ww-languages strong").all_inner_texts()
    assert names == ["Deutsch", "Türkçe", "Русский"]
    page.locator('.ww-languages a[hreflang="ru"]').click()
    page.wait_for_load_state()
    assert urlparse(page.url).path == "/ru/" and page.locator("html").get_attribute("lang") == "ru"
    # the search tile opens the search
    page.locator(".ww-door__tile--search").click()
    assert page.locator("input.md-search__input").is_visible()
