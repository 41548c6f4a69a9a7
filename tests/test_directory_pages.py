"""A large directory is split into pages per state (and per city in a large state), on fixture
data with a small ``directory_page_size``: no listing grows with the number of entries."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from conftest import FIXTURE_SITE, ROOT
from wegweiser.config import load_site_config

from wegweiser.render import Renderer
from wegweiser.render.directory import generated_pages, plan
from wegweiser.validate import load


def large(tmp_path, size: int = 2):
    """The fixture site's data (8 active entries: Bremen, three in Lower Saxony in two cities,
    Bavaria, Saxony, two nationwide; the real taxonomy and steps) with ``size`` entries per
    directory page."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(FIXTURE_SITE / "institutions.yaml", tmp_path / "data" / "institutions.yaml")
    settings = tmp_path / "data" / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"\ndirectory_page_size: {size}\n", encoding="utf-8")
    return load(load_site_config(tmp_path / "mkdocs.yml"))


def render(data, language: str, source: str) -> str:
    return Renderer(data, language, link=lambda target: "/" + target, today=dt.date(2026, 11, 1)).render_markdown(source)


def test_a_small_directory_stays_one_page(site_config):
    data = load(site_config)
    assert not plan(data).split and generated_pages(data) == {}
    html = render(data, "de", '{{ directory(group="place") }}')
    assert 'id="beratung-bremen"' in html and 'id="netz-stade"' in html


def test_each_state_gets_a_page_and_the_directory_page_links_them(tmp_path):
    data = large(tmp_path)
    pages = plan(data)
    assert pages.split
    assert set(pages.states) == {"bremen", "niedersachsen", "bayern", "sachsen", "bundesweit"}
    # every active entry has exactly one page with its card
    assert set(pages.home) == {item.id for item in data.active()}
    index = render(data, "tr", '{{ directory(group="place") }}')
    assert 'id="beratung-bremen"' not in index                       # no cards on the main page
    assert 'href="/directory/bremen/index.md" data-state="bremen"' in index   # ?state=bremen finds it
    assert "data-ww-state-pages" in index
    assert render(data, "tr", "{{ directory_filter() }}") == ""      # each state's page has its own


def test_a_state_page_lists_its_entries_and_points_to_the_nationwide_ones(tmp_path):
    data = large(tmp_path)
    source = generated_pages(data)["directory/bremen/index.md"]
    html = render(data, "ru", source)
    assert html.lstrip().startswith("# ")                            # its own title …
    assert "Бремен" in html.lstrip().splitlines()[0]
    assert 'id="beratung-bremen"' in html                             # … its entries as cards
    assert 'id="gruenderbuero-muenchen"' not in html                  # (another state's are elsewhere)
    assert 'href="/directory/bundesweit/index.md' in html             # the nationwide services
    assert 'href="/directory/index.md"' in html                       # the way back


def test_a_large_state_is_split_by_city_and_compact_listings_count_per_state(tmp_path):
    data = large(tmp_path)
    pages = plan(data)
    niedersachsen = pages.pages[pages.states["niedersachsen"]]
    assert niedersachsen.children == ("directory/niedersachsen/hannover.md", "directory/niedersachsen/osnabrueck.md")
    assert all(len(page.ids) <= 2 for page in pages.pages.values())  # never more than a page's size
    state_page = render(data, "de", generated_pages(data)[niedersachsen.path])
    assert 'href="/directory/niedersachsen/osnabrueck.md"' in state_page and "ww-card" not in state_page
    city_page = render(data, "tr", generated_pages(data)["directory/niedersachsen/osnabrueck.md"])
    assert 'id="netz-osnabrueck-anerkennung"' in city_page and 'id="netz-osnabrueck-gruendung"' in city_page
    assert 'href="/directory/niedersachsen/index.md"' in city_page   # back to the state
    compact = render(data, "de", '{{ directory(topic="start-up", compact=true) }}')
    assert "?topic=start-up" in compact                               # the state's page, filtered
    assert not re.search(r'class="ww-directory__link"', compact)


def test_links_to_an_entry_go_to_the_page_with_its_card(tmp_path):
    data = large(tmp_path)
    html = render(data, "de", '{{ steps_overview() }}{{ directory_coverage() }}{{ history() }}')
    checked = 0
    for href in re.findall(r'href="([^"]*)"', html):
        page, _, ident = href.replace("&#35;", "#").lstrip("/").partition("#")
        if ident in plan(data).home:
            assert page == plan(data).home[ident], href
            checked += 1
    assert checked, "no link to an entry"
    assert 'href="/directory/niedersachsen/index.md"' in html         # the coverage links to the state's page


@pytest.mark.browser
def test_the_state_filter_of_a_one_page_directory_shows_that_state_and_the_nationwide(page, server):
    page.goto(f"{server}/tr/directory/?state=niedersachsen")
    states = page.eval_on_selector_all("article.ww-card:not([hidden])", "els => els.map(e => e.dataset.state)")
    assert states and set(states) <= {"niedersachsen", "bundesweit"} and "niedersachsen" in states
    assert page.locator("article#beratung-bremen").is_hidden()


def test_a_large_directory_prints_a_sheet_per_state(tmp_path):
    from wegweiser.render import generated_pages as all_pages
    from wegweiser.render.sheets import generated_pages as sheet_pages

    data = large(tmp_path)
    pages = sheet_pages(data)
    assert "sheets/contacts/bremen.md" in pages and "sheets/contacts-de-ru/bundesweit.md" in pages
    assert "sheets/checklist-de-tr/sachsen.md" in pages and "sheets/checklist/bundesweit.md" not in pages
    assert set(pages) <= set(all_pages(data))
    # the sheet page links the states instead of listing every office
    index = render(data, "tr", "{{ contact_sheet() }}")
    assert "Kontaktblatt" not in index and 'href="/sheets/contacts/bremen.md"' in index
    assert "beratung-bremen" not in index and "Am Wall" not in index
    # a state's page lists that state's offices only
    bremen = render(data, "de", pages["sheets/contacts/bremen.md"])
    assert "Gründungsberatung Bremen" in bremen and "Förderbank Sachsen" not in bremen
    checklist = render(data, "ru", pages["sheets/checklist-de-ru/niedersachsen.md"])
    assert "Starthilfe der Kammer Hannover" in checklist and "Gründungsberatung Bremen" not in checklist


def test_a_large_states_sheet_lists_each_office_once(tmp_path, monkeypatch):
    """Above STATE_SHEET_LIMIT offices, a state's sheet lists only the offices outside its city
    sheets and names the cities; each office is on the page once (at N = 5,000 the sheet of North
    Rhine-Westphalia had every office twice: 3.2 MB)."""
    from wegweiser.render import sheets

    data = large(tmp_path)
    page = sheets.generated_pages(data)["sheets/contacts/niedersachsen.md"]
    whole = render(data, "de", page)
    assert whole.count("Anerkennungsberatung Osnabrück") == 2         # the state's sheet and Osnabrück's
    assert "Stellen in diesen Städten stehen auf eigenen Blättern" not in whole

    monkeypatch.setattr(sheets, "STATE_SHEET_LIMIT", 2)               # Lower Saxony has three offices
    split = render(data, "de", page)
    assert split.count("Anerkennungsberatung Osnabrück") == 1 and split.count("Gründungsnetz Osnabrück") == 1
    assert "Starthilfe der Kammer Hannover" in split                    # Hannover has no sheet of its own
    assert "Stellen in diesen Städten stehen auf eigenen Blättern" in split and "city=Osnabr" in split
