"""What a reader sees, in a real browser: Debian's chromium driven by Playwright.

The built site is served over http on localhost; every request is recorded so a test can
prove that nothing leaves for another host."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import PHONE, search

pytestmark = pytest.mark.browser

@pytest.mark.parametrize(
    ("language", "query", "base"),
    [
        ("tr", "işletmelerimizden", "işletme"),       # Turkish plural, possessive and ablative suffixes
        ("ru", "регистрацией", "регистрац"),          # Russian instrumental case
        ("de", "Gewerbeanmeldungen", "Gewerbeanmeldung"),  # German plural
        ("tr", "Gewerbeanmeldung", "Gewerbeanmeldung"),    # a German office term on the Turkish site
        ("ru", "Steuernummer", "Steuernummer"),            # … and on the Russian site
        ("tr", "kaydi", "kaydı"),                     # typed without Turkish letters
        ("tr", "isletme", "işletme"),
        ("tr", "İŞLETME", "işletme"),                 # Turkish capitals İ → i
        ("tr", "ISLETME", "işletme"),                 # … and I typed for ı/i on a foreign keyboard
        ("tr", "kayıt", "kayıt"),
        ("de", "grundung", "Gründung"),               # German typed without umlauts
        ("de", "Gruendungen", "Gründung"),            # … or with ue, and in the plural
        ("de", "Steuernummern", "Steuernummer"),
    ],
)
def test_search_finds_inflected_forms_in_the_readers_language(page, server, built_site, language, query, base):
    root = built_site if language == "de" else built_site / language
    pages = [p for p in root.rglob("*.html") if language != "de" or p.relative_to(built_site).parts[0] not in ("tr", "ru")]
    texts = [p.read_text(encoding="utf-8") for p in pages]
    if query != base:  # the typed form is nowhere on the site: only stemming and folding can find it
        assert not any(query in text for text in texts), f"{query!r} occurs literally; pick another form"
    assert any(base in text for text in texts)
    prefix = "" if language == "de" else f"/{language}"
    page.goto(f"{server}{prefix}/")
    results = search(page, query)
    assert results, f"no result for {query!r} on the {language} site"
    for result in results:
        path = urlparse(result["href"]).path
        if language == "de":
            assert not path.startswith(("/tr/", "/ru/")), result
        else:
            assert path.startswith(f"/{language}/"), result
        assert result["title"].strip()
    explained_in = {"Gewerbeanmeldung": "/guide/registering/", "Steuernummer": "/guide/taxes/"}
    if query in explained_in:  # a German office term finds the chapter that explains it
        assert any(urlparse(r["href"]).path == f"{prefix}{explained_in[query]}" for r in results), results


def test_search_loads_the_index_of_its_own_language_only_when_used(browser, server):
    # Without the service worker (which fetches it in the background for offline use), the
    # page itself loads no search index until the reader searches.
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/ru/")
    page.wait_for_timeout(500)
    assert not any("/search/index." in url for url in requests), "index loaded before any search"
    search(page, "налоги")
    loaded = [url for url in requests if "/search/index." in url]
    context.close()
    assert loaded and all(url.endswith("/search/index.ru.js") for url in loaded), loaded


def test_language_switcher_keeps_the_page(page, server):
    page.goto(f"{server}/tr/steps/")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('.md-select__link[hreflang="ru"]').first.click()
    page.wait_for_load_state()
    assert urlparse(page.url).path == "/ru/steps/"
    assert page.locator("html").get_attribute("lang") == "ru"


@pytest.mark.parametrize("path", ["/", "/tr/directory/", "/ru/steps/"])
def test_pages_request_nothing_from_other_hosts(page, server, path):
    page.goto(server + path)
    page.wait_for_timeout(500)
    foreign = [url for url in page.requests if urlparse(url).netloc != urlparse(server).netloc and not url.startswith("data:")]
    assert foreign == []


def test_directory_on_a_phone_offers_one_tap_contact(page, server):
    page.goto(f"{server}/tr/directory/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "page scrolls sideways"
    card = page.locator("article#beratung-bremen")
    assert card.locator("a.ww-card__phone").get_attribute("href") == "tel:+494213377173"
    assert card.locator("a.ww-card__email").get_attribute("href").startswith("mailto:")
    assert card.get_by_text("Telefon").first.is_visible()


def test_the_privacy_notice_is_true_no_cookies(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ("/", "/tr/directory/", "/ru/guide/money/", "/privacy/"):
        page.goto(server + path)
    search(page, "Gewerbe")
    assert context.cookies() == []
    assert "keine Cookies" in (page.goto(server + "/privacy/") and page.content())
    context.close()


@pytest.mark.parametrize("path", ["/", "/tr/directory/", "/ru/guide/money/"])
def test_without_resize_observer_nothing_is_fetched_from_elsewhere(browser, server, path):
    """Material fetches a polyfill from unpkg.com when ResizeObserver is missing; the site ships its
    own, and its Content-Security-Policy would block any other host (a violation is recorded)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.add_init_script("""
        delete window.ResizeObserver;
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.blockedURI));
    """)
    page.goto(server + path)
    page.wait_for_timeout(800)
    assert page.evaluate("typeof ResizeObserver") == "function"          # the local polyfill
    assert "resize-observer-polyfill.js" in " ".join(requests)
    foreign = [url for url in requests if urlparse(url).netloc != urlparse(server).netloc and not url.startswith("data:")]
    assert foreign == [] and page.evaluate("window.__violations") == []
    search(page, "Gewerbe")
    context.close()


def test_the_policy_blocks_a_request_to_another_host(page, server):
    """The check above can fail: a script asking another host is refused and recorded."""
    page.goto(server + "/")
    page.evaluate("""() => { window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.blockedURI));
        const s = document.createElement('script'); s.src = 'https://unpkg.com/x.js'; document.head.appendChild(s); }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations") == ["https://unpkg.com/x.js"]   # refused by the browser
