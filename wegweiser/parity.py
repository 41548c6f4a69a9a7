"""Content parity: the versions of a page in each language carry the same substance.

A Turkish or Russian page may be written freely, but it must give every figure, office term,
step, directory block and warning of the German page. This compares the pages by what they
contain – the macros they call and their warning boxes – not by their words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .config import SiteConfig

_CALL = re.compile(r"\{\{-?\s*(\w+)\((.*?)\)\s*-?\}\}", re.S)
_STRING = re.compile(r"""["']([^"']*)["']""")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s*([a-z]+)", re.M)


@dataclass(frozen=True)
class Substance:
    """What a page gives a reader, independent of its language."""

    facts: frozenset
    terms: frozenset
    steps: frozenset
    directories: tuple
    warnings: tuple


@dataclass(frozen=True)
class ParityGap:
    """One thing the German page has and a translation lacks (or the other way round)."""

    page: str
    language: str
    what: str
    missing: tuple
    extra: tuple

    def format(self) -> str:
        parts = []
        if self.missing:
            parts.append("missing " + ", ".join(self.missing))
        if self.extra:
            parts.append("not in German: " + ", ".join(self.extra))
        return f"docs/{self.language}/{self.page}: {self.what}: " + "; ".join(parts)


def substance(markdown: str) -> Substance:
    """The facts, terms, steps, directory blocks and warning boxes of one page."""
    facts, terms, steps, directories = set(), set(), set(), []
    for name, args in _CALL.findall(markdown):
        strings = _STRING.findall(args)
        if name == "fact" and strings:
            facts.add(strings[0])
        elif name == "facts_table":
            facts.update(strings)
        elif name == "term" and strings:
            terms.add(strings[0])  # the second argument is the reader's own words
        elif name == "step" and strings:
            steps.add(strings[0])
        elif name in ("directory", "directory_filter", "who_helps", "checklist", "contact_sheet"):
            directories.append(name + "(" + re.sub(r"\s+", "", args) + ")")
    warnings = tuple(_ADMONITION.findall(markdown))
    return Substance(frozenset(facts), frozenset(terms), frozenset(steps), tuple(directories), warnings)


def parity_gaps(site: SiteConfig) -> list[ParityGap]:
    """Every difference in substance between the default language's pages and the others."""
    docs = site.root / "docs"
    default = site.default.code
    gaps: list[ParityGap] = []
    for german_path in sorted((docs / default).rglob("*.md")):
        page = german_path.relative_to(docs / default).as_posix()
        german = substance(german_path.read_text(encoding="utf-8"))
        for language in site.codes:
            own_path = docs / language / page
            if language == default or not own_path.exists():
                continue
            own = substance(own_path.read_text(encoding="utf-8"))
            for what in ("facts", "terms", "steps"):
                want, have = getattr(german, what), getattr(own, what)
                if want != have:
                    gaps.append(ParityGap(page, language, what, tuple(sorted(want - have)), tuple(sorted(have - want))))
            for what in ("directories", "warnings"):
                want, have = getattr(german, what), getattr(own, what)
                if sorted(want) != sorted(have):
                    missing = list(want)
                    extra = []
                    for item in have:
                        if item in missing:
                            missing.remove(item)
                        else:
                            extra.append(item)
                    gaps.append(ParityGap(page, language, what, tuple(missing), tuple(extra)))
    return gaps


def words(path: Path) -> int:
    """Words of a page's prose (macros count as one word each)."""
    text = _CALL.sub(" x ", path.read_text(encoding="utf-8"))
    return len(re.findall(r"\w+", text))
