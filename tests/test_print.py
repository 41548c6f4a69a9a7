"""Printing: what a counsellor hands a client across the desk, printed by Chromium to A4 PDF.

The fixture site is built once more with a public address (WEGWEISER_SITE_URL), so printouts
carry the page's address and its QR code; pages print in Chromium with print media
(``page.pdf(format="A4")``) and the PDF's text is read with pdftotext (Debian poppler-utils). The QR
code is read back from the printed page with zbarimg (Debian zbar-tools) where it is installed.

Page bounds (checklist ≤ 2 pages, a contact sheet ≤ 1 page per 8 entries, the directory ≤ 1 page
per 3 entries) hold for any valid data, so they are also checked on the real data."""

from __future__ import annotations

import datetime as _dt
import math
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import PROJECT
from helpers import serve
from helpers import build, project_copy
from wegweiser import layout, load_cached, load_site_config

SITE_URL = "https://example.org/wegweiser/"
SHORT = "example.org/wegweiser/"
FIXTURE_SITE = load_site_config(Path(__file__).resolve().parent.parent / "mkdocs.yml")
LANGS = FIXTURE_SITE.codes
DEFAULT = FIXTURE_SITE.default.code
PAIRS = [(DEFAULT, code) for code in LANGS if code != DEFAULT]

pytestmark = pytest.mark.browser


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing: apt-get install -y {package}")
        pytest.skip(f"{name} not installed (apt-get install -y {package})")
    return path


def prefix(language: str) -> str:
    return "" if language == DEFAULT else f"{language}/"


def page_url(language: str, page: str) -> str:
    """``sheets/checklist.md`` → ``tr/sheets/checklist/``."""
    stem = page[: -len(".md")]
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return prefix(language) + stem


# ---- The site with a public address, served, and a printer ----


# A published site names its operator (the Impressum); made up for the tests.
OPERATOR = """
operator:
  name: Testverein Wegweiser e. V.
  street: Am Wall 1
  postcode: "28195"
  city: Bremen
  email: info@example.org
  responsible: Erika Muster
"""


@pytest.fixture(scope="session")
def print_site(fixture_project, tmp_path_factory):
    """The fixture project built once with WEGWEISER_SITE_URL (no offline download)."""
    project = project_copy(tmp_path_factory.mktemp("print-project"), fixture_project)
    site_yaml = project / "data" / "site.yaml"
    if "operator:" not in site_yaml.read_text(encoding="utf-8"):
        site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + OPERATOR, encoding="utf-8")
    return build(project, tmp_path_factory.mktemp("print-site"), download=False, env={"WEGWEISER_SITE_URL": SITE_URL})


def _serve(folder: Path):
    return serve(folder)[0]


class Printer:
    """Prints pages of one served site to A4 PDFs and reads them back."""

    def __init__(self, browser, base: str, out: Path):
        self.browser, self.base, self.out = browser, base, out
        self.pdftotext = _tool("pdftotext", "poppler-utils")
        self.count = 0

    def pdf(self, path: str) -> Path:
        context = self.browser.new_context()
        tab = context.new_page()
        try:
            tab.goto(self.base + path)
            tab.wait_for_load_state("load")
            tab.emulate_media(media="print")
            self.count += 1
            target = self.out / f"{self.count:03d}.pdf"
            tab.pdf(path=str(target), format="A4")
        finally:
            context.close()
        return target

    def text(self, pdf: Path) -> str:
        return subprocess.run([self.pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout

    @staticmethod
    def pages(pdf: Path) -> int:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module")
def printer(browser, print_site, tmp_path_factory):
    httpd = _serve(print_site)
    yield Printer(browser, f"http://127.0.0.1:{httpd.server_address[1]}/", tmp_path_factory.mktemp("pdf"))
    httpd.shutdown()


@pytest.fixture(scope="module")
def fixture_data(fixture_project):
    return load_cached(load_site_config(fixture_project / "mkdocs.yml"))


def _active_per_state(data) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in data.active():
        counts[item.address.state] = counts.get(item.address.state, 0) + 1
    return counts


# ---- What a printout says about itself ----


def test_a_printed_chapter_carries_site_title_language_dates_address_and_qr(printer):
    pdf = printer.pdf("tr/guide/money/")
    text = " ".join(printer.text(pdf).split())
    assert "Wegweiser – Kendi İşini Kurma Rehberi" in text
    assert "Türkçe" in text
    assert f"Yazdırma tarihi: {_dt.date.today().isoformat()}" in text          # date of printing
    assert "Bilgilerin güncelliği: 20" in text                                  # date the content was checked
    assert SHORT + "tr/guide/money/" in text                                    # the page's address
    assert "Sayfa 1 / " in text                                                 # the page's number, on every page
    assert _qr(pdf) == SITE_URL + "tr/guide/money/"


def _qr(pdf: Path, page: int = 1) -> str:
    """The QR code on a printed page, read back from a 150 dpi image."""
    zbarimg = _tool("zbarimg", "zbar-tools")
    image = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(image)], check=True)
    result = subprocess.run([zbarimg, "--quiet", "--raw", str(image) + ".png"], capture_output=True, text=True)
    return result.stdout.strip()


def test_the_running_head_and_foot_repeat_on_every_page(printer):
    pdf = printer.pdf("directory/")
    pages = printer.text(pdf).split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) >= 2, "the directory should take more than one page to check the running head"
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert "Wegweiser Existenzgründung" in flat and SHORT + "directory/" in flat, f"page {number} has no running head"
        assert f"Seite {number} / {len(pages)}" in flat, f"page {number} has no page number"
        assert f"Gedruckt am: {_dt.date.today().isoformat()}" in flat


def test_no_navigation_or_screen_only_lines_on_paper(printer):
    for path, absent in (
        ("guide/money/", ["Zum Ausdrucken", "Für alle, die die Daten pflegen", "Woher die Daten kommen", "Impressum",
                          "Datenschutz", "Drucken", "Русский", "Türkçe", "Stellen zeigen", "Alle Schritte im Überblick", "¶"]),
        ("directory/", ["Einträge filtern", "Auf der Karte zeigen", "Visitenkarte (vCard)", "Kontakt speichern",
                        "Zum Ausdrucken", "Impressum", "¶"]),
        ("sheets/checklist/?state=bremen", ["Blatt zeigen", "Wo wohnen Sie?", "Zum Ausdrucken", "Impressum"]),
    ):
        text = printer.text(printer.pdf(path))
        for word in absent:
            assert not re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text), f"{path}: '{word}' printed"


def test_a_page_without_public_address_prints_its_path_and_no_qr(built_site):
    html = (built_site / "guide" / "bank" / "index.html").read_text(encoding="utf-8")
    assert 'class="ww-print-head__url">/guide/bank/<' in html
    assert "ww-print-head__qr" not in html and 'class="ww-qr"' not in html
    sheet = (built_site / "sheets" / "checklist" / "index.html").read_text(encoding="utf-8")
    assert "/sheets/checklist/?state=bremen" in sheet and 'class="ww-qr"' not in sheet


def test_every_step_opens_on_paper_and_chapters_print_who_helps_with_contacts(printer, fixture_data):
    text = " ".join(printer.text(printer.pdf("steps/")).split())
    for step in fixture_data.steps.values():
        assert " ".join(step.summary.get("de").split())[:40] in text, f"step {step.id} stays closed on paper"
    chapter = " ".join(printer.text(printer.pdf("guide/money/")).split())
    assert "Gründungsportal (Test)" in chapter and "example.org/portal" in chapter   # nationwide, with contact
    assert "Kontaktblatt: " + SHORT + "sheets/contacts/" in chapter


def test_a_fact_prints_its_date_and_source_and_what_the_warning_sign_means(printer, fixture_data):
    doubtful = [fact for fact in fixture_data.facts.values() if fact.doubt]
    assert doubtful, "the real facts have doubtful figures"
    text = " ".join(printer.text(printer.pdf("guide/money/")).split())
    assert "[Stand 20" in text and "Quelle: " in text
    assert "⚠ bei einer Zahl: Diese Angabe ist nicht sicher" in text


# ---- The sheets ----


def test_every_sheet_exists_in_every_language_and_every_bilingual_pair(print_site):
    for language in LANGS:
        for name in layout.SHEET_NAMES:
            assert (print_site / page_url(language, layout.sheet(name)) / "index.html").exists(), (language, name)
            for pair in PAIRS:
                html = (print_site / page_url(language, layout.sheet(name, pair)) / "index.html").read_text(encoding="utf-8")
                sheet = html[html.index('<div class="ww-sheet'):]
                for code in pair:   # each column marked with its language
                    assert f'lang="{code}"' in sheet, (language, name, pair, code)
        index = (print_site / page_url(language, layout.SHEETS) / "index.html").read_text(encoding="utf-8")
        for name in layout.SHEET_NAMES:
            assert f'href="{name}/"' in index, (language, name)
            for pair in PAIRS:
                assert f'href="{name}-{pair[0]}-{pair[1]}/"' in index, (language, name, pair)


def test_each_sheet_prints_in_each_language_and_pair(printer):
    """Every sheet prints, in one language and bilingual; the business plan shows the German
    section names beside the translated ones."""
    report = []
    for language in LANGS:
        for name in layout.SHEET_NAMES:
            for pair in [None] + PAIRS:
                path = page_url(language, layout.sheet(name, pair)) + ("?state=bremen" if name != "business-plan" else "")
                pdf = printer.pdf(path)
                text = " ".join(printer.text(pdf).split())
                report.append(f"{printer.pages(pdf)} {path}")
                if name == "business-plan":
                    assert "Zusammenfassung" in text and "Liquiditätsplan" in text, path
                else:
                    assert "Gründungsberatung Bremen" in text and "0421 3377173" in text.replace("\u00a0", " "), path
                    assert SHORT in text and "?state=bremen" in text, path
    print("\npages per sheet:\n" + "\n".join(report))


def test_a_chosen_state_prints_alone_with_its_own_address_and_qr(printer):
    pdf = printer.pdf("sheets/contacts/?state=bayern")
    text = " ".join(printer.text(pdf).split())
    assert "Gründerbüro München" in text and "Herzog-Wilhelm-Straße 15, 80331 München" in text
    assert "Gründungsberatung Bremen" not in text
    assert SHORT + "sheets/contacts/?state=bayern" in text
    assert "Stand der Angaben: 2026-11" in text    # the newest check of the entries shown
    assert _qr(pdf) == SITE_URL + "sheets/contacts/?state=bayern"


def test_a_city_with_several_entries_has_its_own_contact_sheet(printer):
    city = "Osnabrück"
    pdf = printer.pdf(f"sheets/contacts/?state=niedersachsen&city={quote(city)}")
    text = " ".join(printer.text(pdf).split())
    assert "Anerkennungsberatung Osnabrück" in text and "Gründungsnetz Osnabrück" in text
    assert "Starthilfe der Kammer Hannover" not in text
    assert SHORT + "sheets/contacts/?state=niedersachsen&city=Osnabrück" in text


def test_checklist_has_tick_boxes_and_the_offices_of_the_state_with_phone_and_email(print_site):
    html = (print_site / "sheets" / "checklist" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="sheet-bremen"'):]
    section = section[: section.index("</section>")]
    assert "0421 3377173" in section and "info@example.org" in section
    assert html.count('class="ww-tick"') > 10


@pytest.mark.parametrize("language", LANGS)
def test_page_bounds_on_the_fixture_data(printer, fixture_data, language):
    _check_bounds(printer, fixture_data, language, every_state=False)


def _check_bounds(printer: Printer, data, language: str, every_state: bool = True) -> list[str]:
    """Checklist ≤ 2 pages per state; a contact sheet ≤ 1 page per 8 entries; the directory
    ≤ 1 page per 3 entries. ``every_state``: also the checklists of states without entries
    (they print the same steps)."""
    counts = _active_per_state(data)
    report, problems = [], []
    empty = [state.id for state in data.taxonomy.states if state.id != "bundesweit" and not counts.get(state.id)]
    for state in data.taxonomy.states:
        if state.id != "bundesweit" and (every_state or counts.get(state.id) or state.id in empty[:1]):
            pages = printer.pages(printer.pdf(page_url(language, layout.sheet("checklist")) + f"?state={state.id}"))
            report.append(f"{language} checklist {state.id}: {pages}")
            if pages > 2:
                problems.append(f"{language}: checklist for {state.id} takes {pages} pages")
        if counts.get(state.id):
            pages = printer.pages(printer.pdf(page_url(language, layout.sheet("contacts")) + f"?state={state.id}"))
            report.append(f"{language} contacts {state.id} ({counts[state.id]} entries): {pages}")
            if pages > max(1, math.ceil(counts[state.id] / 8)):
                problems.append(f"{language}: contact sheet for {state.id} ({counts[state.id]} entries) takes {pages} pages")
    total = len(data.active())
    pages = printer.pages(printer.pdf(page_url(language, layout.DIRECTORY)))
    report.append(f"{language} directory ({total} entries): {pages}")
    if pages > max(1, math.ceil(total / 3)):
        problems.append(f"{language}: the directory ({total} entries) takes {pages} pages")
    print("\n" + "\n".join(report))
    assert not problems, "\n".join(problems)
    return report


# ---- The same bounds on the real data ----


@pytest.fixture(scope="module")
def real_printer(browser, real_site, tmp_path_factory):
    httpd = _serve(real_site)
    yield Printer(browser, f"http://127.0.0.1:{httpd.server_address[1]}/", tmp_path_factory.mktemp("real-pdf"))
    httpd.shutdown()


@pytest.mark.realdata
@pytest.mark.parametrize("language", LANGS)
def test_page_bounds_on_the_real_data(real_printer, language):
    data = load_cached(load_site_config(PROJECT / "mkdocs.yml"))
    _check_bounds(real_printer, data, language)
