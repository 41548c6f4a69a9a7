"""Benchmark: bytes a reader downloads, measured in a real browser (Debian chromium).

Builds the site, serves it on localhost, opens each page type with an empty cache and no
service worker, and adds up every response (raw and gzip -6, as a server would send it).
Also measures each language's search index and, as the baseline in the same run, what the
stack does out of the box: one merged index for all languages (static-i18n + Material),
fetched on every page load.

    .venv/bin/python bench/weight.py            # prints a Markdown table, writes bench/weight.json
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from common import CHROMIUM_ARGS, ROOT, build, gz, serve
PAGE_TYPES = {
    "start page": "",
    "steps overview": "steps/",
    "guide chapter (money)": "guide/money/",
    "glossary": "guide/glossary/",
    "directory (all entries)": "directory/",
    "directory by topic": "directory/topics/",
}
BUDGET = {"directory (all entries)": 200_000}
DEFAULT_BUDGET = 100_000


def first_load(browser, url: str) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip bytes) of one page's first load, search unused."""
    context = browser.new_context(service_workers="block", viewport={"width": 360, "height": 740})
    page = context.new_page()
    bodies = []
    page.on("response", lambda response: bodies.append(response))
    page.goto(url, wait_until="networkidle")
    raw = zipped = 0
    for response in bodies:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - redirects and failed requests carry no body
            continue
        raw += len(body)
        zipped += gz(body)
    context.close()
    return len(bodies), raw, zipped


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        build(site)
        httpd, base = serve(site)
        results = {"pages": [], "search": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for language in ("de", "tr", "ru"):
                prefix = "" if language == "de" else f"{language}/"
                for name, path in PAGE_TYPES.items():
                    count, raw, zipped = first_load(browser, base + prefix + path)
                    budget = BUDGET.get(name, DEFAULT_BUDGET)
                    results["pages"].append({"language": language, "page": name, "requests": count, "raw": raw,
                                             "gzip": zipped, "budget_gzip": budget, "within": zipped <= budget})
            browser.close()
        httpd.shutdown()
        merged = []
        for language in ("de", "tr", "ru"):
            script = (site / "search" / f"index.{language}.js").read_bytes()
            results["search"].append({"language": language, "raw": len(script), "gzip": gz(script)})
            merged += json.loads(script.decode("utf-8").split("=", 2)[2].rstrip().rstrip(";"))["docs"]
        stub = (site / "search" / "search_index.json").read_bytes()
        baseline = json.dumps({"config": json.loads(stub)["config"], "docs": merged}, ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
        results["baseline"] = {"merged_index_raw": len(baseline), "merged_index_gzip": gz(baseline),
                               "shared_stub_raw": len(stub), "shared_stub_gzip": gz(stub)}
    (ROOT / "bench" / "weight.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print("| language | page type | requests | raw KB | gzip KB | budget KB | ok |")
    print("|---|---|---:|---:|---:|---:|---|")
    for row in results["pages"]:
        print(f"| {row['language']} | {row['page']} | {row['requests']} | {row['raw'] / 1000:.1f} | "
              f"{row['gzip'] / 1000:.1f} | {row['budget_gzip'] / 1000:.0f} | {'yes' if row['within'] else 'NO'} |")
    b = results["baseline"]
    print("\n| search index | raw KB | gzip KB | loaded |")
    print("|---|---:|---:|---|")
    for row in results["search"]:
        print(f"| {row['language']} (ours) | {row['raw'] / 1000:.1f} | {row['gzip'] / 1000:.1f} | on first search only |")
    print(f"| baseline: merged, all languages | {b['merged_index_raw'] / 1000:.1f} | {b['merged_index_gzip'] / 1000:.1f} | on every page load |")
    print(f"| shared stub every page fetches now | {b['shared_stub_raw'] / 1000:.2f} | {b['shared_stub_gzip'] / 1000:.2f} | on every page load |")
    ratio = b["shared_stub_gzip"] / b["merged_index_gzip"]
    print(f"\nIndex bytes on a page load without search: {ratio:.3f} × the baseline.")
    return 0 if all(row["within"] for row in results["pages"]) else 1


if __name__ == "__main__":
    sys.exit(main())
