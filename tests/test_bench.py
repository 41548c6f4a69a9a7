"""The build benchmark (bench/build.py) in small, so it never rots: N = 50, one run, no timing
assertions. With 10 entries per directory page, the same run builds a split directory and its
file:// download, which are checked here as a reader would meet them."""

from __future__ import annotations

import importlib.util
import json
import re
import zipfile

import pytest

from conftest import ROOT

SIZE = 50


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_build", ROOT / "bench" / "build.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    folder = tmp_path_factory.mktemp("bench")
    out = folder / "RESULTS.md"
    assert bench.main(["--sizes", str(SIZE), "--runs", "1", "--page-size", "10", "--out", str(out),
                       "--work", str(folder / "work")]) == 0
    return bench, out, folder / "work" / f"n{SIZE}"


def test_the_benchmark_reports_ours_against_the_baseline(bench_run):
    _, out, _ = bench_run
    text = out.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith(f"| {SIZE} |"))
    cells = [cell.strip(" *") for cell in row.strip("|").split("|")]
    assert all(float(value) > 0 for value in cells[2:7]), row   # CPU seconds and ratios were measured
    results = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["results"][0]
    assert set(results["site"]["index"]) == {"de", "tr", "ru"}
    assert results["site"]["download_bytes"] > 0
    # the baseline built the same pages (generated directory pages included) as ours
    baseline_pages = {path.relative_to(bench_run[2] / "site-baseline").as_posix()
                      for path in (bench_run[2] / "site-baseline").rglob("index.html")}
    ours = {path.relative_to(bench_run[2] / "site-one").as_posix() for path in (bench_run[2] / "site-one").rglob("index.html")}
    assert baseline_pages == ours


def test_the_synthetic_phones_are_valid_and_every_state_has_entries(bench_run):
    from wegweiser import phones

    bench, _, work = bench_run
    import synthetic

    entries = synthetic.institutions(SIZE)
    assert all(phones.problem(phone["number"]) is None for entry in entries for phone in entry.get("phones", []))
    assert {entry["address"]["state"] for entry in synthetic.institutions(1000)} >= set(synthetic.STATES) | {"bundesweit"}


def test_a_split_directory_stays_small_and_reachable(bench_run):
    _, _, work = bench_run
    site = work / "site-full"
    for prefix in ("", "tr/", "ru/"):
        index = (site / prefix / "directory" / "index.html").read_text(encoding="utf-8")
        assert 'class="ww-card' not in index                                  # an index, not every card
        states = re.findall(r'<a href="([a-z-]+/)" data-state="([a-z-]+)"', index)
        assert len(states) >= 10, states
        for href, state in states:
            assert (site / prefix / "directory" / href / "index.html").is_file(), (prefix, href)
    # every card is on exactly one page of each language
    cards: dict[str, int] = {}
    for page in site.glob("directory/**/index.html"):
        if "/history/" in page.as_posix():
            continue
        for ident in re.findall(r'<article class="ww-card[^"]*" id="([a-z0-9-]+)"', page.read_text(encoding="utf-8")):
            cards[ident] = cards.get(ident, 0) + 1
    assert cards and set(cards.values()) == {1}


def test_the_download_is_derived_with_links_to_files(bench_run):
    _, _, work = bench_run
    with zipfile.ZipFile(work / "site-full" / "download" / "wegweiser-offline.zip") as archive:
        names = set(archive.namelist())
        assert "wegweiser/search/search_index.js" in names and "wegweiser/sw.js" not in names
        state = next(name for name in names if re.fullmatch(r"wegweiser/tr/directory/[a-z-]+/index\.html", name))
        page = archive.read(state).decode("utf-8")
        assert 'class="ww-download"' not in page                               # no offer of itself
        links = re.findall(r'href="([^"#?:]+)"', page)
        assert links and not [link for link in links if link.endswith("/")]   # files, not folders
        folder = state.rsplit("/", 1)[0]
        for link in links:
            target = (folder + "/" + link).split("/")
            resolved = []
            for part in target:
                if part == "..":
                    resolved.pop()
                elif part not in (".", ""):
                    resolved.append(part)
            assert "/".join(resolved) in names, link


@pytest.mark.browser
def test_the_state_filter_opens_the_states_page_in_a_split_directory(bench_run, browser):
    from conftest import PHONE
    from helpers import serve

    site = bench_run[2] / "site-full"
    httpd, address = serve(site)
    try:
        context = browser.new_context(viewport=PHONE, service_workers="block")
        page = context.new_page()
        # what the "where do you live?" form of a chapter sends
        page.goto(f"{address}/tr/directory/?state=bayern&topic=start-up")
        page.wait_for_url("**/tr/directory/bayern/?topic=start-up")
        assert page.locator("select[name=topic]").input_value() == "start-up"
        shown = page.locator("article.ww-card:not([hidden])")
        assert shown.count() > 0
        assert all("start-up" in (shown.nth(i).get_attribute("data-topics") or "").split() for i in range(shown.count()))
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        context.close()
    finally:
        httpd.shutdown()
