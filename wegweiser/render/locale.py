"""Language rules: plurals (CLDR, through Babel), number formats, Turkish lower-casing."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.core import UnknownLocaleError

# CLDR plural categories in the order labels list their forms ("1 Eintrag|{n} Einträge").
_ORDER = ("one", "few", "many", "other")


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def plural_index(language: str, n: float, forms: int) -> int:
    """Which of ``forms`` label forms to use for ``n``: CLDR's rule for the language.

    Labels list the categories the language has, in the order one, few, many, other
    (Russian "{n} день|{n} дня|{n} дней", German "{n} Tag|{n} Tage", Turkish "{n} gün")."""
    if forms <= 1:
        return 0
    rule = _locale(language).plural_form
    category = rule(n)
    present = [name for name in _ORDER if name in rule.tags or name == "other"]
    if len(present) == forms + 1:
        # Russian: one/few/many for whole numbers; "other" (fractions) reads like "few"
        present.remove("other")
        if category == "other":
            category = "few" if "few" in present else present[-1]
    if len(present) != forms:  # a label with fewer forms than the language has: one/other
        return 0 if category == "one" else forms - 1
    return present.index(category)


def format_number(language: str, value: float, money: bool = False) -> str:
    """12500 → '12.500' (de, tr), '12 500' (ru); 1248.33 → '1.248,33'; 3.5 → '3,5';
    money keeps two decimals (2.2 → '2,20')."""
    whole = float(value).is_integer()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if not whole and not money:
        text = text.rstrip("0")
    thousands = "\u202f" if language in ("ru", "uk", "fr") else ("," if language == "en" else ".")
    decimal = "." if language == "en" else ","
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def lower(language: str, text: str) -> str:
    """Lower-case with the language's rules (Turkish: I → ı, İ → i)."""
    if language in ("tr", "az"):
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()
