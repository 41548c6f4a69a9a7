"""Command line: ``python -m wegweiser validate`` checks the data without building the site."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .config import load_site_config
from .validate import DataError, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wegweiser", description="Wegweiser data tools")
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file and list every problem")
    check.add_argument("--data", help="data folder (default: data/ beside mkdocs.yml)")
    check.add_argument("--lang", choices=("both", "en", "de"), default="both", help="language of the messages")
    check.add_argument("--format", choices=("text", "github"), default=None,
                       help="github: annotations on the pull request (default when GITHUB_ACTIONS=true)")
    schema = commands.add_parser("schema", help="write the JSON Schemas for editors (schema/) and CHEATSHEET.md")
    schema.add_argument("--check", action="store_true", help="only check that the committed schemas are current")
    report = commands.add_parser("report", help="reports for maintainers")
    report.add_argument("which", choices=("translations", "stale", "links", "parity", "directory"),
                        help="translations: missing/outdated; stale: old 'checked' dates; links: dead websites "
                             "(needs network); parity: what a translated page lacks; directory: coverage figures")
    report.add_argument("--months", type=int, help="stale: older than this many months (default: data/site.yaml)")
    args = parser.parse_args(argv)

    site = load_site_config(Path(args.config))
    if args.command == "validate":
        return _validate(site, args)
    if args.command == "schema":
        from .schema import CHEATSHEET, stale_cheatsheet, stale_schemas, write_cheatsheet, write_schemas

        if args.check:
            stale = [str(path.relative_to(site.root)) for path in stale_schemas(site)]
            stale += [CHEATSHEET] if stale_cheatsheet(site) else []
            for name in stale:
                print(f"stale / veraltet: {name} – run: python -m wegweiser schema")
            return 1 if stale else 0
        for written in write_schemas(site) + [write_cheatsheet(site)]:
            print(f"wrote {written.relative_to(site.root)}")
        return 0
    return _report(site, args)


def _validate(site, args) -> int:
    github = args.format == "github" or (args.format is None and os.environ.get("GITHUB_ACTIONS") == "true")
    try:
        data = load(site, Path(args.data) if args.data else None)
    except DataError as error:
        for problem in error.problems:
            print(problem.github() if github else problem.format(args.lang))
        count = len(error.problems)
        print(f"\n{count} problem(s) found / {count} Problem(e) gefunden.", file=sys.stderr)
        return 1
    if not args.data and (site.root / "schema").is_dir():
        from .schema import CHEATSHEET, stale_cheatsheet, stale_schemas

        for path in stale_schemas(site) + ([site.root / CHEATSHEET] if stale_cheatsheet(site) else []):
            relative = path.relative_to(site.root)
            text = (f"{relative} is out of date: run python -m wegweiser schema / "
                    f"{relative} ist veraltet: python -m wegweiser schema ausführen")
            print(f"::warning file={relative}::{text}" if github else f"note / Hinweis: {text}")
    print(f"OK: {len(data.institutions)} institutions, {len(data.steps)} steps, "
          f"{len(data.facts)} facts, {len(data.terms)} terms / Daten in Ordnung.")
    return 0


def _report(site, args) -> int:
    from . import reports

    if args.which == "parity":
        from .parity import parity_gaps

        differences = parity_gaps(site)
        for difference in differences:
            print(difference.format())
        print(f"{len(differences)} difference(s) / Unterschied(e)")
        return 1 if differences else 0
    try:
        data = load(site)
    except DataError as error:
        print("\n".join(problem.format() for problem in error.problems))
        return 1
    if args.which == "translations":
        gaps = reports.translation_status(site, data)
        for gap in gaps:
            print(f"{gap.language}  {gap.kind:14} {gap.where}" + (f"  ({gap.detail})" if gap.detail else ""))
        print(f"{len(gaps)} gap(s) / Lücke(n)")
    elif args.which == "stale":
        entries = reports.stale_entries(data, months=args.months)
        for entry in entries:
            print(f"{entry.checked:10} {entry.months:4} months  {entry.id}  {entry.name}")
        print(f"{len(entries)} stale entr(y/ies) / veraltete Einträge")
    elif args.which == "directory":
        figures = reports.directory_figures(data)
        print(f"current entries (active, a source dated 2022 or later): {figures['current']}")
        print(f"active entries: {figures['active']}   history (inactive/defunct): {figures['history']}")
        print(f"nationwide current: {figures['nationwide']}")
        print(f"states with at least 2 current entries: {figures['states_with_two']} of {figures['states_total']}")
        for row in figures["per_state"]:
            print(f"  {row['id']:24} {row['current']}")
        for code, count in figures["languages"].items():
            print(f"current with counselling in {code}: {count}")
    else:
        problems = reports.check_links(data)
        for ident, url, problem in problems:
            print(f"{ident}  {url}  {problem}")
        print(f"{len(problems)} link problem(s) / Link-Problem(e)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
