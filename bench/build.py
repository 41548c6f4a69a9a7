"""Benchmark: build time, memory and page weight at N = 100, 1,000 and 5,000 institutions,
against bare MkDocs (Material + static-i18n, no hooks) building the same pages.

For each N it generates synthetic data (``bench/synthetic.py``) into a copy of the project and
times, each in its own process (wall time, peak memory of the process tree):

- ours, one build: ``mkdocs build --strict`` without the file:// download;
- ours, full build: what ``sh scripts/build.sh`` runs (with the download);
- the baseline: the same pages with their macros already rendered by the core, written as
  plain Markdown into a docs tree and built by mkdocs-material + static-i18n with no hooks.

It writes ``bench/RESULTS.md`` (and ``bench/build.json``): machine, command, the table of
ours / baseline / ratio per N, the search index per language and the largest page (gzip).

    .venv/bin/python bench/build.py                       # N = 100, 1000, 5000 (about 5 minutes on 2 quiet cores)
    .venv/bin/python bench/build.py --sizes 50 --runs 1 --out /tmp/x.md   # the smoke run of the tests
    .venv/bin/python bench/build.py --profile 1000        # cProfile of one build, top functions
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import synthetic  # noqa: E402
from common import gz  # noqa: E402
from helpers import project_copy  # noqa: E402

BUDGET_GUIDE = 100_000       # gzip bytes of a guide page's first load
BUDGET_DIRECTORY = 200_000   # gzip bytes of a directory page's first load
ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
SOURCE = ROOT   # the project measured (--project: another checkout, with its core on PYTHONPATH)


# ---- Running and measuring ----


def measure(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run ``command``; wall seconds and the peak resident memory (MiB) of its process tree."""
    environment = {**os.environ, **ENV, **(env or {})}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{output.decode('utf-8', 'replace')[-4000:]}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024}


def ours_one(project: Path, out: Path) -> dict:
    return measure([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)], project,
                   {"WEGWEISER_DOWNLOAD": "false"})


def ours_full(project: Path, out: Path) -> dict:
    """What scripts/build.sh runs after setting up .venv (read from the script, so the two stay one)."""
    script = (SOURCE / "scripts" / "build.sh").read_text(encoding="utf-8")
    commands = [line.split(None, 1)[1] if line.startswith("exec ") else line
                for line in script.splitlines() if re.match(r"(exec )?\.venv/bin/(python|mkdocs) ", line)]
    shell = " && ".join(command.replace(".venv/bin/python", sys.executable)
                        .replace(".venv/bin/mkdocs", f"{sys.executable} -m mkdocs") + (f" --quiet -d {out}" if " build" in command else "")
                        for command in commands)
    return measure(["sh", "-c", shell], project)


def baseline(folder: Path, out: Path) -> dict:
    return measure([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)], folder)


# ---- The baseline: the same pages, rendered, built by bare MkDocs ----


def _page_url(path: str, language: str, default: str) -> str:
    """The page's URL as MkDocs makes it (use_directory_urls), with static-i18n's language folder."""
    prefix = "" if language == default else f"{language}/"
    if path == "index.md":
        return prefix
    if path.endswith("/index.md"):
        return prefix + path[: -len("index.md")]
    return prefix + path[: -len(".md")] + "/"


def baseline_project(project: Path, folder: Path) -> int:
    """Write ``folder`` with every page of ``project`` rendered to plain Markdown by the core and
    a mkdocs.yml without hooks; returns the number of pages."""
    from mkdocs.utils import get_relative_url

    from wegweiser import layout, load_cached, load_site_config
    from wegweiser.render import Renderer
    from wegweiser.render import generated_pages

    site = load_site_config(project / "mkdocs.yml")
    data = load_cached(site, project / "data")
    default = site.default.code
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(project / "overrides", folder / "overrides", dirs_exist_ok=True)
    count = 0
    for language in site.codes:
        docs = project / "docs" / language
        pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in sorted(docs.rglob("*.md"))}
        pages.update(generated_pages(data))
        for path, markdown in pages.items():
            url = _page_url(path, language, default)

            def link(target: str, url=url) -> str:
                return get_relative_url(_page_url(target, language, default), url)

            def asset(target: str, url=url) -> str:
                return get_relative_url(target, url)

            renderer = Renderer(data, language, link=link, asset=asset, page=f"docs/{language}/{path}",
                                download=layout.DOWNLOAD_ZIP, page_url=url)
            target = folder / "docs" / language / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(renderer.render_markdown(markdown), encoding="utf-8")
            count += 1
        for other in docs.rglob("*"):
            if other.is_file() and other.suffix != ".md":
                copy = folder / "docs" / language / other.relative_to(docs)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(other, copy)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:[ \t]+.*\n|\n)*", "", config, flags=re.M)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return count


# ---- What the build made ----


_INLINE_SCRIPT = re.compile(r"<script>.*?</script>", re.S)
_REFERENCES = re.compile(r'<(?:link[^>]*rel="(?:stylesheet|icon)"[^>]*href|script[^>]*src)="([^"#?]+)')


def first_load(site: Path, page: Path, cache: dict) -> int:
    """Gzip bytes of a page's first load: the page and the scripts, styles and icon it loads
    (the search index loads on the first query only, so it is not counted)."""
    html = page.read_bytes()
    total = gz(html)
    # An inline script's text is not a request (the ResizeObserver polyfill is written into the
    # page only where the browser lacks ResizeObserver), so it is taken out before looking.
    text = _INLINE_SCRIPT.sub("", html.decode("utf-8", "replace"))
    for reference in _REFERENCES.findall(text):
        if "://" in reference:
            continue
        path = (page.parent / reference).resolve()
        if path not in cache:
            cache[path] = gz(path.read_bytes()) if path.is_file() else 0
        total += cache[path]
    return total


def figures(site: Path, languages: list[str]) -> dict:
    """Search index per language, the largest pages, the download."""
    from wegweiser import layout

    result: dict = {"index": {}, "pages": 0}
    for language in languages:
        index = site / layout.search_index(language)
        chunks = sorted(index.parent.glob(f"index.{language}*.js"))
        raw = sum(path.stat().st_size for path in chunks)
        result["index"][language] = {"raw": raw, "gzip": sum(gz(path.read_bytes()) for path in chunks), "files": len(chunks)}
    cache: dict = {}
    largest = {"directory": (0, ""), "other": (0, "")}
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        result["pages"] += 1
        relative = page.relative_to(site).as_posix()
        # Directory pages and the contact sheets (the directory's entries, for print) have the
        # directory's budget; every other page has the guide page's.
        listing = re.match(r"(?:[a-z]{2}/)?(?:directory/|sheets/contacts)", relative) and "/topics/" not in relative
        kind = "directory" if listing else "other"
        size = page.stat().st_size
        if size > largest[kind][0] // 4:   # gzip only the candidates
            weight = first_load(site, page, cache)
            if weight > largest[kind][0]:
                largest[kind] = (weight, relative)
    result["largest"] = {kind: {"first_load_gzip": weight, "page": page} for kind, (weight, page) in largest.items()}
    result["largest_page_gzip"] = max(largest.values())[0]
    zipped = site / layout.DOWNLOAD_ZIP
    result["download_bytes"] = zipped.stat().st_size if zipped.exists() else None
    return result


# ---- One size ----


def run_size(n: int, runs: int, work: Path, page_size: int | None = None) -> dict:
    project = project_copy(work / f"n{n}" / "project", SOURCE)
    synthetic.write(project / "data", n)
    if page_size is not None:
        settings = project / "data" / "site.yaml"
        settings.write_text(settings.read_text(encoding="utf-8") + f"\ndirectory_page_size: {page_size}\n", encoding="utf-8")
    base = work / f"n{n}" / "baseline"
    pages = baseline_project(project, base)
    rows: dict[str, list] = {"one": [], "full": [], "baseline": []}
    for run in range(runs):
        for name in ("baseline", "one", "full"):
            out = work / f"n{n}" / f"site-{name}"
            shutil.rmtree(out, ignore_errors=True)
            function = {"one": ours_one, "full": ours_full}.get(name)
            rows[name].append(function(project, out) if function else baseline(base, out))
            row = rows[name][-1]
            print(f"  N={n} run {run + 1} {name}: {row['seconds']:.1f} s wall, {row['cpu']:.1f} s CPU, {row['peak_mib']:.0f} MiB",
                  flush=True)
    from wegweiser import load_site_config

    languages = list(load_site_config(project / "mkdocs.yml").codes)
    result = {"n": n, "pages": pages, "runs": runs}
    for name, values in rows.items():
        result[name] = {"seconds": statistics.median(v["seconds"] for v in values),
                        "all_seconds": [round(v["seconds"], 2) for v in values],
                        "cpu": statistics.median(v["cpu"] for v in values),
                        "peak_mib": max(v["peak_mib"] for v in values)}
    result["ratio_one"] = result["one"]["seconds"] / result["baseline"]["seconds"]
    result["ratio_full"] = result["full"]["seconds"] / result["baseline"]["seconds"]
    result["full_over_one"] = result["full"]["seconds"] / result["one"]["seconds"]
    result["site"] = figures(work / f"n{n}" / "site-full", languages)
    return result


# ---- Report ----


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kib = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")))
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    from importlib.metadata import version

    packages = ", ".join(f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n"))
    return f"{cpu or platform.processor()} ({os.cpu_count()} cores{memory}), Python {platform.python_version()}, {packages}"


def _table(results: list[dict]) -> list[str]:
    lines = [
        "| N | pages | baseline CPU s | one build CPU s | ratio | full build CPU s | full / one | wall s: baseline / one / full "
        "| peak MiB: baseline / one / full |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        lines.append(f"| {r['n']:,} | {r['pages']:,} | {r['baseline']['cpu']:.1f} | {r['one']['cpu']:.1f} | "
                     f"**{r['one']['cpu'] / r['baseline']['cpu']:.2f}** | {r['full']['cpu']:.1f} | "
                     f"**{r['full']['cpu'] / r['one']['cpu']:.2f}** | "
                     f"{r['baseline']['seconds']:.1f} / {r['one']['seconds']:.1f} / {r['full']['seconds']:.1f} | "
                     f"{r['baseline']['peak_mib']:.0f} / {r['one']['peak_mib']:.0f} / {r['full']['peak_mib']:.0f} |")
    if len(results) > 1:
        for first, last in zip(results, results[1:]):
            lines += ["", f"From N = {first['n']:,} to {last['n']:,} ({last['n'] / first['n']:.0f}× the entries): one build "
                          f"{last['one']['cpu'] / first['one']['cpu']:.2f}× the CPU time, full build "
                          f"{last['full']['cpu'] / first['full']['cpu']:.2f}×, baseline "
                          f"{last['baseline']['cpu'] / first['baseline']['cpu']:.2f}×."]
    return lines


def _weights(results: list[dict]) -> list[str]:
    languages = list(results[0]["site"]["index"])
    lines = ["| N | " + " | ".join(f"index {code}" for code in languages)
             + " | largest directory page or contact sheet | largest other page | download MB |",
             "|---:|" + "---:|" * len(languages) + "---|---|---:|"]
    kb = lambda value: f"{value / 1000:.1f}"  # noqa: E731
    for r in results:
        site = r["site"]
        cells = [f"{kb(site['index'][code]['raw'])} / {kb(site['index'][code]['gzip'])}" for code in languages]
        big = site["largest"]
        lines.append(f"| {r['n']:,} | " + " | ".join(cells)
                     + f" | {kb(big['directory']['first_load_gzip'])} (`{big['directory']['page']}`)"
                     + f" | {kb(big['other']['first_load_gzip'])} (`{big['other']['page']}`)"
                     + f" | {(site['download_bytes'] or 0) / 1e6:.1f} |")
    return lines


def report(results: list[dict], command: str, before: list[dict] | None = None, notes: str = "") -> str:
    lines = [
        "# Build benchmark",
        "",
        f"Machine: {machine()}.  ",
        f"Command: `{command}`.  ",
        f"Date: {time.strftime('%Y-%m-%d')}. Median of {results[0]['runs']} run(s) per figure; each build in its own process.",
        "",
        "*one build*: `mkdocs build --strict` without the download. *full*: what `sh scripts/build.sh` runs "
        "(with the file:// download). *baseline*: the same pages, their macros rendered beforehand by the core, "
        "built by mkdocs-material + static-i18n with no hooks. Ratios are of CPU time (user + system of the "
        "build's processes), which other work on a shared machine disturbs far less than wall time; wall time "
        "is listed too. Memory: peak resident set of the build's processes.",
        "",
        *_table(results),
        "",
        "Search index per language (loaded on the first query only), raw / gzip KB, and the largest first load "
        "of a page (gzip KB: the page with its scripts, styles and icon; budgets 100 KB for a guide page, "
        "200 KB for a directory page or a contact sheet, which lists the directory's entries for print):",
        "",
        *_weights(results),
    ]
    if before:
        lines += ["", "## Before (main at e14706d, same machine and data)", "", *_table(before), "", *_weights(before)]
    if notes:
        lines += ["", notes.strip()]
    return "\n".join(lines) + "\n"


# ---- Profile ----


def profile(n: int, work: Path, top: int = 30) -> None:
    """cProfile of one build at N (the hooks and the core included), top functions by own time."""
    project = project_copy(work / f"p{n}" / "project", SOURCE)
    synthetic.write(project / "data", n)
    stats = work / f"p{n}" / "build.prof"
    # CPU time, not wall time: a shared machine's other work does not land in the figures
    runner = ("import cProfile, runpy, sys, time; out = sys.argv[1]; sys.argv = ['mkdocs'] + sys.argv[2:]; "
              "profile = cProfile.Profile(time.process_time); profile.enable()\n"
              "try: runpy.run_module('mkdocs', run_name='__main__')\n"
              "finally: profile.disable(); profile.dump_stats(out)")
    measure([sys.executable, "-c", runner, str(stats), "build", "--strict", "--quiet", "-d", str(work / f"p{n}" / "site")],
            project, {"WEGWEISER_DOWNLOAD": "false"})
    import pstats

    data = pstats.Stats(str(stats))
    data.sort_stats("cumulative").print_stats(top)
    data.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--work", type=Path, help="keep the projects and sites here (default: a temporary folder)")
    parser.add_argument("--page-size", type=int, help="directory_page_size for data/site.yaml (default: the project's)")
    parser.add_argument("--from-json", type=Path, help="write the report from the results of an earlier run (no builds)")
    parser.add_argument("--before", type=Path, help="results (JSON of an earlier run) to list as 'before'")
    parser.add_argument("--notes", type=Path, help="Markdown to append to the report (profiles, remarks)")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="measure another checkout (e.g. a worktree of an older commit; put it first on PYTHONPATH)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one build at N instead")
    args = parser.parse_args(argv)
    global SOURCE
    SOURCE = args.project.resolve()
    command = "python bench/build.py" + ("" if argv is None and len(sys.argv) == 1 else " " + " ".join(argv if argv is not None else sys.argv[1:]))
    if args.from_json:
        saved = json.loads(args.from_json.read_text(encoding="utf-8"))
        results, command = (saved["results"], saved["command"]) if isinstance(saved, dict) else (saved, "python bench/build.py")
    else:
        with tempfile.TemporaryDirectory(prefix="wegweiser-bench-") as temporary:
            work = args.work or Path(temporary)
            work.mkdir(parents=True, exist_ok=True)
            if args.profile:
                profile(args.profile, work)
                return 0
            results = [run_size(n, args.runs, work, args.page_size) for n in args.sizes]
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    if isinstance(before, dict):
        before = before["results"]
    notes = args.notes.read_text(encoding="utf-8") if args.notes else ""
    text = report(results, command, before, notes)
    args.out.write_text(text, encoding="utf-8")
    if not args.from_json:
        args.out.with_suffix(".json").write_text(json.dumps({"command": command, "results": results}, indent=2) + "\n",
                                                 encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
