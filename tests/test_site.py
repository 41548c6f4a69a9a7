"""The built site, checked page by page in every language.

Most checks use the fixture site (real pages, fixture directory); the ones marked ``realdata``
build the real project and check only what holds for any valid data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_SITE, PROJECT, ROOT
from helpers import project_copy
from wegweiser import layout
from wegweiser.config import load_site_config

SITE = load_site_config(ROOT / "mkdocs.yml")
LANGS = SITE.codes
DEFAULT = SITE.default.code
PAGES = sorted(p.relative_to(ROOT / "docs" / DEFAULT).as_posix() for p in (ROOT / "docs" / DEFAULT).rglob("*.md"))
LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))["labels"]


def out_path(site: Path, language: str, page: str) -> Path:
    prefix = site if language == DEFAULT else site / language
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return prefix / stem[: -len("index")] / "index.html"
    return prefix / stem / "index.html"


class Links(HTMLParser):
    """Collects <link rel=alternate> and <a> hrefs and the <html lang>."""

    def __init__(self):
        super().__init__()
        self.alternates, self.hrefs, self.lang, self.ids = {}, [], None, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and attrs.get("hreflang") and "md-select__link" in (attrs.get("class") or ""):
            self.alternates[attrs["hreflang"]] = attrs["href"]   # the header's language selector
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_exists_in_every_language():
    for language in LANGS:
        pages = sorted(p.relative_to(ROOT / "docs" / language).as_posix() for p in (ROOT / "docs" / language).rglob("*.md"))
        assert pages == PAGES, f"docs/{language} differs from docs/{DEFAULT}"


@pytest.mark.parametrize("language", LANGS)
def test_pages_are_built_with_the_right_language(built_site, language):
    for page in PAGES:
        path = out_path(built_site, language, page)
        assert path.exists(), path
        html = path.read_text(encoding="utf-8")
        assert parse(path).lang == language, f"{path}: wrong <html lang>"
        site_name = SITE.language(language).site_name
        assert f"<title>" in html and site_name.replace("&", "&amp;") in html, f"{path}: site name"
        # no untranslated macro or placeholder survives
        assert "{{" not in html and "{%" not in html, f"{path}: unrendered macro"


@pytest.mark.parametrize("language", LANGS)
def test_language_switcher_lands_on_the_same_page(built_site, language):
    for page in PAGES:
        path = out_path(built_site, language, page)
        links = parse(path)
        assert set(links.alternates) == set(LANGS), path
        for other, href in links.alternates.items():
            target = (path.parent / href).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target == out_path(built_site, other, page).resolve(), f"{path}: {other} → {href}"


@pytest.mark.parametrize("language", LANGS)
def test_directory_lists_active_entries_and_history_the_ended_ones(built_site, language):
    institutions = yaml.safe_load((FIXTURE_SITE / "institutions.yaml").read_text(encoding="utf-8"))["institutions"]
    path = out_path(built_site, language, layout.DIRECTORY)
    html = path.read_text(encoding="utf-8")
    ids = parse(path).ids
    history = parse(out_path(built_site, language, layout.HISTORY)).ids
    for item in institutions:
        if item["status"] == "active":
            assert item["id"] in ids and item["id"] not in history, f"{language}: {item['id']}"
        else:
            assert item["id"] not in ids, f"{language}: ended {item['id']} in the current directory"
            assert item["id"] in history, f"{language}: {item['id']} missing from the history page"
    assert f"<dt>{LABELS['phone'][language]}" in html


@pytest.mark.realdata
@pytest.mark.parametrize("language", LANGS)
def test_real_directory_has_each_active_entry_once_and_each_ended_one_in_history(real_site, language):
    institutions = yaml.safe_load((PROJECT / "data" / "institutions.yaml").read_text(encoding="utf-8"))["institutions"]
    current = parse(out_path(real_site, language, layout.DIRECTORY)).ids
    history = parse(out_path(real_site, language, layout.HISTORY)).ids
    for item in institutions:
        assert (item["id"] in current) == (item["status"] == "active"), item["id"]
        assert (item["id"] in history) == (item["status"] != "active"), item["id"]


@pytest.mark.parametrize("language", LANGS)
def test_links_from_the_topic_page_reach_the_entries(built_site, language):
    directory = out_path(built_site, language, layout.DIRECTORY)
    ids = parse(directory).ids
    topics = out_path(built_site, language, layout.DIRECTORY_TOPICS)
    links = [href for href in parse(topics).hrefs
             if "#" in href and (topics.parent / href.split("#")[0] / "index.html").resolve() == directory.resolve()]
    assert len(links) >= 8      # every active fixture entry, under each of its topics
    for href in links:
        assert href.split("#")[1] in ids, href


@pytest.mark.parametrize("language", LANGS)
def test_internal_links_resolve(built_site, language):
    for page in PAGES:
        path = out_path(built_site, language, page)
        for href in parse(path).hrefs:
            if "?" in href:
                href = href.split("?")[0] or "./"
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            target = (path.parent / href.split("#")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{path}: broken link {href}"


def test_one_search_index_per_language(built_site):
    shared = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert shared["docs"] == [], "the shared index must not carry the pages (it is fetched on every page)"
    for language in LANGS:
        script = (built_site / "search" / f"index.{language}.js").read_text(encoding="utf-8")
        payload = json.loads(script.split("=", 2)[2].rstrip().rstrip(";"))
        locations = [doc["location"] for doc in payload["docs"]]
        assert locations, language
        for location in locations:
            first = location.split("/")[0]
            if language == DEFAULT:
                assert first not in LANGS, f"{language} index has {location}"
            else:
                assert first == language, f"{language} index has {location}"


def test_no_request_to_other_hosts_is_written_into_pages(built_site):
    """Nothing a page loads (script, style, image, frame, font, manifest icon) comes from another
    host; only links a reader follows (<a>, alternate/canonical) may point elsewhere."""
    loaded = re.compile(r"<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>", re.I)
    foreign = re.compile(r"""(?:src|href|data|srcset)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
    found = []
    for path in list(built_site.rglob("*.html")) + list(built_site.rglob("*.css")) + list(built_site.rglob("*.webmanifest")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in loaded.finditer(text):
            tag = match.group(0)
            if match.group(1).lower() == "link" and re.search(r'rel="(alternate|canonical)"', tag):
                continue
            if foreign.search(tag):
                found.append(f"{path.relative_to(built_site)}: {tag[:120]}")
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", text):
            found.append(f"{path.relative_to(built_site)}: css url({url})")
        if path.suffix == ".webmanifest":
            found += [f"{path.name}: {url}" for url in re.findall(r'"(https?://[^"]+)"', text)]
    assert found == []


def test_the_check_for_foreign_hosts_can_fail(tmp_path):
    """The check above finds a script from another host when there is one."""
    (tmp_path / "index.html").write_text('<p>x</p><script src="https://unpkg.com/x.js"></script>', encoding="utf-8")
    with pytest.raises(AssertionError):
        test_no_request_to_other_hosts_is_written_into_pages(tmp_path)


def test_broken_data_stops_the_build_with_the_message(tmp_path):
    project_copy(tmp_path)
    shutil.copy(FIXTURE_SITE / "institutions.yaml", tmp_path / "data" / "institutions.yaml")
    bad = tmp_path / "data" / "institutions.yaml"
    text = bad.read_text(encoding="utf-8")
    first_email = re.search(r"    email: (\S+)", text)
    bad.write_text(text.replace(first_email.group(0), "    email: c.montfort@awo", 1), encoding="utf-8")
    line = next(n for n, l in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "c.montfort@awo" in l)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=tmp_path, capture_output=True, text=True, env={**__import__("os").environ, "WEGWEISER_DOWNLOAD": "false"})
    assert result.returncode != 0
    assert f'data/institutions.yaml:{line}:12' in result.stdout + result.stderr
    assert '"c.montfort@awo" is not an e-mail address' in result.stdout + result.stderr


@pytest.mark.parametrize("language", [code for code in LANGS if code != DEFAULT])
def test_german_terms_in_other_languages_are_marked_as_german(built_site, language):
    html = out_path(built_site, language, "guide/registering.md").read_text(encoding="utf-8")
    # "vergi dairesine (Finanzamt)": the reader's words, then the German term marked as German
    terms = re.findall(r'<span class="ww-term">(?:[^<]*\()?<a [^>]*><span lang="([a-z]+)">([^<]+)</span>', html)
    assert terms, "no office term on the page"
    assert all(lang == "de" for lang, _ in terms)


@pytest.mark.parametrize("language", LANGS)
def test_steps_overview_and_chapters_link_to_each_other(built_site, language):
    steps = yaml.safe_load((ROOT / "data" / "steps.yaml").read_text(encoding="utf-8"))["steps"]
    overview = out_path(built_site, language, "steps.md")
    for step in steps:
        chapter = out_path(built_site, language, f"guide/{step['chapter']}.md")
        to_chapter = [h for h in parse(overview).hrefs if (overview.parent / h.split("#")[0]).resolve() == chapter.parent.resolve()]
        assert to_chapter, f"{language}: overview does not link to guide/{step['chapter']}"
        back = [h for h in parse(chapter).hrefs if (chapter.parent / h.split("#")[0]).resolve() == overview.parent.resolve()]
        assert back, f"{language}: guide/{step['chapter']} does not link back to the steps overview"


@pytest.mark.parametrize("language", LANGS)
def test_each_language_is_installable(built_site, language):
    html = out_path(built_site, language, "index.md").read_text(encoding="utf-8")
    href = re.search(r'<link rel="manifest" href="([^"]+)"', html).group(1)
    manifest_path = (out_path(built_site, language, "index.md").parent / href).resolve()
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["name"] == SITE.language(language).site_name and manifest["lang"] == language
    assert (manifest_path.parent / manifest["start_url"] / "index.html").resolve() == out_path(built_site, language, "index.md").resolve()
    sizes = {icon["sizes"] for icon in manifest["icons"] if (manifest_path.parent / icon["src"]).exists()}
    assert {"192x192", "512x512"} <= sizes
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    assert f'"./{"" if language == DEFAULT else language + "/"}guide/money/"' in sw   # every page of the language is kept
