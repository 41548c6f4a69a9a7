"""Benchmark: does search find what readers type? Measured through Material's search box.

Builds the site (or takes a built one), serves it on localhost and, in Debian's chromium at
phone size, types every query of ``bench/search_queries.yaml`` into the search box of its
language's start page, as a reader does (and as ``tests/conftest.py``'s ``search`` does). For
each language it reports

- recall@1: the expected page is the first result; recall@5: it is among the first five pages,
- the no-result rate,
- the median time from the key press to the results on screen (index already loaded),
- the time of the first query of a fresh visit with the CPU throttled 4× (CDP
  ``Emulation.setCPUThrottlingRate``): downloading the search scripts and index, building the
  index and answering, as a cheap phone does it,
- the size of the language's index file (raw and gzip) and the bytes the first query loads.

    .venv/bin/python bench/search_eval.py                       # build the real site, print a table
    .venv/bin/python bench/search_eval.py --site /tmp/site      # take a built site
    .venv/bin/python bench/search_eval.py --out bench/search_before.json --failures

The expected pages were written down before any query was run (see the YAML's header).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

from common import CHROMIUM_ARGS, ROOT, build, gz, serve  # noqa: E402

QUERIES = ROOT / "bench" / "search_queries.yaml"
PHONE = {"width": 360, "height": 740}
THROTTLE = 4
FIRST_QUERY_RUNS = 3

# Installed in the page before each query: the time of the key press (capture phase, before
# Material's own listener) and the time the result count or "no results" replaces the placeholder.
_WATCH = """
() => {
  const meta = document.querySelector('.md-search-result__meta');
  const placeholder = JSON.parse(document.getElementById('__config').textContent)
    .translations['search.result.placeholder'];
  const w = window.__wwEval = {t0: 0, t1: 0, placeholder};
  if (!window.__wwEvalHooked) {
    window.__wwEvalHooked = true;
    document.addEventListener('keyup', () => { const w = window.__wwEval; if (w && !w.t0) w.t0 = performance.now(); }, true);
    new MutationObserver(() => {
      const w = window.__wwEval;
      if (w && w.t0 && !w.t1 && meta.textContent.trim() && meta.textContent !== w.placeholder) w.t1 = performance.now();
    }).observe(document.querySelector('.md-search-result'), {subtree: true, childList: true, characterData: true});
  }
  return placeholder;
}
"""
_DONE = "() => window.__wwEval && window.__wwEval.t1 > 0"
_RESULTS = """
() => [...document.querySelectorAll('.md-search-result__item')].map(li => li.querySelector('a').getAttribute('href'))
"""


def page_of(href: str, base: str, language: str) -> str:
    """The page path inside its language: 'https://…/tr/guide/taxes/?h=…#x' → 'guide/taxes/'."""
    path = unquote(urlparse(href).path)
    path = path[len(urlparse(base).path):] if path.startswith(urlparse(base).path) else path.lstrip("/")
    if language != "de" and path.startswith(f"{language}/"):
        path = path[len(language) + 1:]
    return path


def open_search(page) -> str:
    page.locator("label[for=__search]").first.click()
    field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    return page.evaluate(_WATCH)


def ask(page, query: str, timeout: float = 30000) -> float:
    """Type ``query`` like a person and wait for Material to show the answer; milliseconds."""
    field = page.locator("input.md-search__input")
    page.evaluate(_WATCH)
    field.fill(query)
    field.press("End")  # Material reads the query on keyup; fill() sends no key for ı, ş or Cyrillic
    page.wait_for_function(_DONE, timeout=timeout)
    return page.evaluate("() => window.__wwEval.t1 - window.__wwEval.t0")


def clear(page) -> None:
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press("End")
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent === window.__wwEval.placeholder")


def evaluate_language(browser, base: str, language: str, queries: list[dict]) -> list[dict]:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    start = base if language == "de" else f"{base}{language}/"
    page.goto(start, wait_until="networkidle")
    open_search(page)
    rows = []
    for item in queries:
        expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        clear(page)
        elapsed = ask(page, item["q"])
        pages = []
        for href in page.evaluate(_RESULTS):
            found = page_of(href, base, language)
            if found not in pages:
                pages.append(found)
        rank = next((i + 1 for i, found in enumerate(pages) if found in expected), None)
        rows.append({"q": item["q"], "kind": item.get("kind", ""), "expect": expected, "rank": rank,
                     "results": pages[:10], "count": len(pages), "ms": round(elapsed, 1)})
    context.close()
    return rows


# Chromium's CPU throttling slows the page's main thread only, not a dedicated worker. For the
# throttled first query the search worker therefore runs in the page's thread through
# Material's iframe-worker (the local shim every page loads), exactly as it runs under file://.
_IFRAME_WORKER = """
Object.defineProperty(window, 'IFrameWorker', {configurable: true,
  get() { return this.__wwIFrameWorker; },
  set(value) { this.__wwIFrameWorker = value; window.Worker = value; }});
"""


def first_query(browser, base: str, language: str, query: str, throttle: float,
                in_page: bool = True) -> tuple[float, int]:
    """A fresh visit: time of the first query (ms) with the CPU slowed ``throttle`` times, and the
    gzip bytes of what that query loaded."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    if in_page:
        context.add_init_script(_IFRAME_WORKER)
    page = context.new_page()
    start = base if language == "de" else f"{base}{language}/"
    page.goto(start, wait_until="networkidle")
    page.wait_for_timeout(300)
    responses = []
    page.on("response", lambda response: responses.append(response))
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    open_search(page)
    elapsed = ask(page, query, timeout=60000)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    loaded = 0
    for response in responses:
        try:
            loaded += gz(response.body())
        except Exception:  # noqa: BLE001 - redirects and failed requests carry no body
            pass
    context.close()
    return elapsed, loaded


def summarise(language: str, rows: list[dict], site: Path, first: list[float], first_bytes: int) -> dict:
    n = len(rows)
    script = (site / "search" / f"index.{language}.js").read_bytes()
    return {
        "language": language, "queries": n,
        "recall_at_1": sum(1 for r in rows if r["rank"] == 1) / n,
        "recall_at_5": sum(1 for r in rows if r["rank"] and r["rank"] <= 5) / n,
        "no_result": sum(1 for r in rows if r["count"] == 0) / n,
        "median_ms": statistics.median(r["ms"] for r in rows),
        "first_query_ms_throttled": statistics.median(first) if first else None,
        "first_query_runs_ms": [round(t) for t in first],
        "first_query_gzip": first_bytes,
        "index_raw": len(script), "index_gzip": gz(script),
    }


def table(summary: list[dict], throttle: float) -> str:
    lines = [
        f"| language | queries | right page first | in top 5 | no result | median result time | first query, CPU {throttle:g}× slower | index raw / gzip | first query loads (gzip) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in summary:
        first = f"{s['first_query_ms_throttled']:.0f} ms" if s["first_query_ms_throttled"] is not None else "–"
        lines.append(
            f"| {s['language']} | {s['queries']} | {s['recall_at_1']:.0%} | {s['recall_at_5']:.0%} | {s['no_result']:.0%} | "
            f"{s['median_ms']:.0f} ms | {first} | {s['index_raw'] / 1000:.0f} / {s['index_gzip'] / 1000:.0f} KB | "
            f"{s['first_query_gzip'] / 1000:.0f} KB |")
    return "\n".join(lines)


def kinds_table(rows_by_language: dict[str, list[dict]]) -> str:
    kinds: dict[str, list[dict]] = {}
    for rows in rows_by_language.values():
        for row in rows:
            kinds.setdefault(row["kind"], []).append(row)
    lines = ["| kind of query | queries | right page first | in top 5 | no result |", "|---|---:|---:|---:|---:|"]
    for kind, rows in kinds.items():
        n = len(rows)
        lines.append(f"| {kind} | {n} | {sum(r['rank'] == 1 for r in rows) / n:.0%} | "
                     f"{sum(bool(r['rank'] and r['rank'] <= 5) for r in rows) / n:.0%} | "
                     f"{sum(r['count'] == 0 for r in rows) / n:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the project into a temporary folder)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--languages", nargs="*", help="only these languages")
    parser.add_argument("--out", type=Path, help="write every query's results here (JSON)")
    parser.add_argument("--failures", action="store_true", help="list the queries that missed the top 5")
    parser.add_argument("--throttle", type=float, default=THROTTLE)
    parser.add_argument("--runs", type=int, default=FIRST_QUERY_RUNS, help="fresh visits for the first-query time")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    languages = args.languages or list(queries)
    with tempfile.TemporaryDirectory() as folder:
        site = args.site
        if site is None:
            site = Path(folder)
            started = time.monotonic()
            build(site, download=False)
            print(f"built in {time.monotonic() - started:.0f} s", file=sys.stderr)
        httpd, base = serve(site)
        rows_by_language, summary = {}, []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("WEGWEISER_BROWSER", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
            for language in languages:
                first, loaded = [], 0
                for _ in range(args.runs):
                    elapsed, loaded = first_query(browser, base, language, queries[language][0]["q"], args.throttle)
                    first.append(elapsed)
                rows = evaluate_language(browser, base, language, queries[language])
                rows_by_language[language] = rows
                summary.append(summarise(language, rows, site, first, loaded))
            browser.close()
        httpd.shutdown()

        print(table(summary, args.throttle))
        print()
        print(kinds_table(rows_by_language))
        if args.failures:
            for language, rows in rows_by_language.items():
                for row in rows:
                    if not (row["rank"] and row["rank"] <= 5):
                        print(f"  {language} {row['kind']:9} {row['q']!r}: want {row['expect'][0]}, got {row['results'][:3]}")
        if args.out:
            args.out.write_text(json.dumps({"summary": summary, "queries": rows_by_language}, ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
