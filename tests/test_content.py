"""The guide's pages: real text in every language, and no figure typed into a page."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from wegweiser.config import load_site_config

SITE = load_site_config(ROOT / "mkdocs.yml")
DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS / SITE.default.code).as_posix() for p in (DOCS / SITE.default.code).rglob("*.md"))
# Every chapter of the guide (the German folder is the list; other languages must match it).
CHAPTERS = sorted(path.stem for path in (DOCS / SITE.default.code / "guide").glob("*.md"))

# What may carry digits in a page: macro calls, paragraph and article references (§ 21 AufenthG,
# §§ 93–94, Abs. 2, Art. 15 DSGVO).
_ALLOWED = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|§§?\s?\d+[a-z]?(?:\s?[–-]\s?\d+[a-z]?)?|Abs\.\s?\d+|Art\.\s?\d+", re.S)


def prose(text: str) -> str:
    """A page's text without macros and paragraph references."""
    return _ALLOWED.sub(" ", text)


@pytest.mark.parametrize("language", SITE.codes)
def test_all_chapters_exist(language):
    for chapter in CHAPTERS:
        assert (DOCS / language / "guide" / f"{chapter}.md").exists(), f"{language}: guide/{chapter}.md missing"


@pytest.mark.parametrize("language", SITE.codes)
def test_no_figure_is_typed_into_a_page(language):
    for page in PAGES:
        text = prose((DOCS / language / page).read_text(encoding="utf-8"))
        digits = re.findall(r"[^\s]*\d[^\s]*", text)
        assert digits == [], f"docs/{language}/{page}: figures belong in data/facts.yaml: {digits[:5]}"


@pytest.mark.parametrize("language", [code for code in SITE.codes if code != SITE.default.code])
def test_translations_are_written_not_copied(language):
    for page in PAGES:
        own = prose((DOCS / language / page).read_text(encoding="utf-8"))
        german = prose((DOCS / SITE.default.code / page).read_text(encoding="utf-8"))
        own_words = set(re.findall(r"\w{5,}", own.lower()))
        german_words = set(re.findall(r"\w{5,}", german.lower()))
        shared = own_words & german_words
        assert len(shared) < 0.5 * max(1, len(own_words)), f"docs/{language}/{page} looks like the German text"
        assert not re.search(r"TODO|lorem ipsum|TBD|FIXME|XXX", own, re.I), f"docs/{language}/{page}: placeholder"


@pytest.mark.parametrize("language", SITE.codes)
def test_chapters_end_with_who_helps(language):
    for chapter in CHAPTERS:
        if chapter in ("glossary", "help"):
            continue
        text = (DOCS / language / "guide" / f"{chapter}.md").read_text(encoding="utf-8")
        assert re.search(r"\{\{\s*(step|directory)\(", text), f"{language}/guide/{chapter}.md: no 'who helps' macro"


def test_data_texts_carry_no_typed_figures():
    """Figures in steps, glossary and labels also come from facts.yaml."""
    for name in ("steps.yaml", "glossary.yaml"):
        raw = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
        for entry in next(iter(raw.values())):
            for key, value in entry.items():
                if key in ("id", "order", "cost_facts", "duration_facts", "helped_by", "chapter"):
                    continue
                texts = [value] if isinstance(value, dict) else (value if isinstance(value, list) else [])
                for text in texts:
                    for language_text in (text.values() if isinstance(text, dict) else [text]):
                        digits = re.findall(r"\d", prose(str(language_text)))
                        assert not digits, f"data/{name} {entry['id']}.{key}: {language_text[:80]}"


def test_steps_link_to_existing_chapters():
    raw = yaml.safe_load((ROOT / "data" / "steps.yaml").read_text(encoding="utf-8"))
    for step in raw["steps"]:
        assert step.get("chapter") in CHAPTERS, step["id"]


def test_every_language_carries_the_substance_of_the_german_page():
    """Each translated page has the same facts, office terms, steps, directory blocks and warning
    boxes as the German (wording may differ; substance may not)."""
    from wegweiser.parity import parity_gaps

    gaps = parity_gaps(SITE)
    assert gaps == [], "\n".join(gap.format() for gap in gaps)


def test_the_parity_check_finds_a_dropped_warning(tmp_path):
    from wegweiser.config import load_site_config as load
    from wegweiser.parity import parity_gaps

    for language, body in (("de", '!!! warning "Achtung"\n    Geld zurücklegen.\n\n{{ fact("a") }} {{ term("t") }}'),
                           ("tr", '{{ fact("a") }} {{ term("t", "vergi") }}'),
                           ("ru", '!!! warning "Внимание"\n    Отложите деньги.\n\n{{ fact("a") }} {{ term("t", "налог") }}')):
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "page.md").write_text(body, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    gaps = parity_gaps(load(tmp_path / "mkdocs.yml"))
    assert [(gap.language, gap.what, gap.missing) for gap in gaps] == [("tr", "warnings", ("warning",))]
