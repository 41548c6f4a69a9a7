"""Offline: after one visit (service worker) and from disk (file://), in a real browser."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import PHONE, saved_visit, search

pytestmark = pytest.mark.browser


def test_pages_and_search_work_with_the_network_cut(browser, server):
    context, page = saved_visit(browser, f"{server}/tr/", "tr")
    context.set_offline(True)
    page.goto(f"{server}/tr/guide/taxes/")
    assert page.locator("h1").first.inner_text().strip(), "no page offline"
    assert page.locator("html").get_attribute("lang") == "tr"
    page.goto(f"{server}/tr/directory/?topic=start-up")
    assert page.locator("article#beratung-bremen").count() == 1
    results = search(page, "vergiler")
    assert results and all(urlparse(r["href"]).path.startswith("/tr/") for r in results)
    context.close()


def test_a_changed_site_reaches_the_reader_on_the_next_online_visit(browser, server, built_site):
    context, page = saved_visit(browser, f"{server}/ru/about-data/", "ru")
    target = built_site / "ru" / "about-data" / "index.html"
    original = target.read_text(encoding="utf-8")
    try:
        target.write_text(original.replace("</h1>", " (обновлено)</h1>", 1), encoding="utf-8")
        page.goto(f"{server}/ru/about-data/")
        assert "(обновлено)" in page.locator("h1").first.inner_text()
    finally:
        target.write_text(original, encoding="utf-8")
    context.close()


def test_site_works_from_disk_with_search(browser, offline_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "ru" / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "ru"
    # links go to files, not to folders
    page.locator(".md-content a[href$='steps.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/ru/steps.html")
    results = search(page, "регистрацией")
    assert results, "no search from disk"
    assert all("/ru/" in r["href"] for r in results)
    foreign = [url for url in requests if not url.startswith(("file:", "data:", "about:"))]
    assert foreign == [], foreign
    context.close()
