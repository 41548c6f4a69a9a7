"""Journeys as people make them, in a real browser on a phone: start on the German start page,
switch language with the switcher, search; visit one language, go offline, open another."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import saved_visit, search, wait_until_saved

pytestmark = pytest.mark.browser


def switch_language(page, code: str) -> None:
    """Use the language switcher as a reader does (hover opens it on a phone as a tap does)."""
    if page.locator("input.md-search__input").is_visible():
        page.keyboard.press("Escape")   # close the search the reader just used
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f'.md-select__link[hreflang="{code}"]').first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == code


def test_after_switching_language_search_answers_in_the_new_language(browser, server):
    context, page = saved_visit(browser, f"{server}/", "de")
    assert search(page, "Steuer"), "German search"
    page.goto(f"{server}/")
    switch_language(page, "tr")
    wait_until_saved(page, "tr")
    results = search(page, "vergi")
    assert results and all(urlparse(r["href"]).path.startswith("/tr/") for r in results), results
    switch_language(page, "ru")
    results = search(page, "налог")
    assert results and all(urlparse(r["href"]).path.startswith("/ru/") for r in results), results
    context.close()


def test_offline_another_languages_unsaved_page_shows_the_offline_page_in_that_language(browser, server):
    context, page = saved_visit(browser, f"{server}/tr/", "tr")
    context.set_offline(True)
    # a Turkish page with a tracking parameter: the saved page, not a new one
    page.goto(f"{server}/tr/guide/taxes/?fbclid=abc123")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert "Vergi" in page.locator("h1").first.inner_text()
    # a Russian page was never saved: the Russian offline page, styled, at that address
    page.goto(f"{server}/ru/guide/money/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").first.inner_text().strip().rstrip("¶") == "Нет подключения к интернету"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    # and one of its links leads to a saved page
    assert page.locator(".md-content a[href]").count() >= 3
    context.close()


def test_a_query_string_does_not_fill_the_cache_with_copies(browser, server):
    context, page = saved_visit(browser, f"{server}/ru/", "ru")
    for n in range(3):
        page.goto(f"{server}/ru/steps/?fbclid={n}")
    keys = page.evaluate("""async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find(n => n.startsWith('wegweiser-')));
        return (await cache.keys()).map(r => r.url);
    }""")
    assert not any("fbclid" in key for key in keys), [key for key in keys if "fbclid" in key]
    context.close()
