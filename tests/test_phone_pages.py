"""Every page on a 360 px phone, in every language: no sideways scrolling, no request that fails,
no English interface words on Turkish and Russian pages, and axe (all rules) without serious
findings on every page type."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser

AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")


def site_pages(built_site: Path) -> list[str]:
    pages = []
    for path in built_site.rglob("index.html"):
        relative = path.relative_to(built_site).as_posix()[: -len("index.html")]
        if not relative.startswith(("assets/", "search/", "download/")):
            pages.append("/" + relative)
    return sorted(pages)


def test_no_page_scrolls_sideways_or_asks_for_what_is_not_there(browser, server, built_site):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    wide = []
    pages = site_pages(built_site)
    assert len(pages) > 60
    for path in pages:
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{path}: {width} px")
    context.close()
    assert wide == [] and failed == []


@pytest.mark.parametrize("language", ["", "tr/", "ru/"])
def test_the_site_name_is_whole_in_the_phone_header(page, server, language):
    """The header shows the whole site name at 360 px (it was cut: «Wegweiser – Kend…»)."""
    page.goto(f"{server}/{language}")
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    clipped = name.evaluate("e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1")
    assert not clipped, f"the site name is cut: {name.inner_text()!r}"
    box, header = name.bounding_box(), page.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"]


ENGLISH = ["Permanent link", "Made with", "Material for MkDocs", "Table of contents", "Back to top", "Search"]


@pytest.mark.parametrize("language", ["tr", "ru"])
def test_no_english_interface_words_on_turkish_and_russian_pages(built_site, language):
    found = []
    for path in (built_site / language).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for word in ENGLISH:
            if f">{word}<" in html or f'"{word}"' in html:
                found.append(f"{path.relative_to(built_site)}: {word}")
    assert found == []


PAGE_TYPES = ["", "steps/", "guide/money/", "guide/legal-forms/", "guide/glossary/", "directory/",
              "directory/topics/", "directory/history/", "about-data/", "maintainers/", "offline/", "404.html"]


@pytest.mark.parametrize("language", ["de", "tr", "ru"])
def test_axe_with_all_rules_finds_nothing_serious(page, server, language):
    prefix = "" if language == "de" else f"{language}/"
    findings = []
    for path in PAGE_TYPES:
        page.goto(f"{server}/{prefix}{path}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document)")   # every rule, best practices included
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                findings.append(f"/{prefix}{path}: {violation['id']} ({violation['impact']}) {targets}")
    assert findings == [], "\n".join(findings)
