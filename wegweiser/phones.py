"""Phone numbers as maintainers type them, checked and shown in one format.

A German number needs its area code: it starts with 0 (``0421 3377173``) or with the country
code (``+49 421 3377173``, ``0049 …``). Nothing is guessed: "36138-766" is not turned into a
number in Erfurt, and text around a number ("=HYPERLINK(…) 0421 …") is not searched for one.
"""

from __future__ import annotations

import re
from typing import Optional

import phonenumbers

# What a phone number may be written with: digits, spaces, + ( ) / - – and dots.
_ALLOWED = re.compile(r"\+?[0-9][0-9 ()/.\-–]*[0-9]")
_SEPARATORS = re.compile(r"\s+(?:/|;|,|oder|or|und|and)\s+|\s*;\s*|\s*,\s*")


def problem(value: str) -> Optional[tuple[str, str]]:
    """Why ``value`` is no usable phone number, as (English, German); None when it is fine."""
    text = value.strip()
    parts = [part.strip() for part in _SEPARATORS.split(text) if part.strip()]
    if len(parts) > 1 and all(_ALLOWED.fullmatch(part) and part[0] in "0+" and len(re.sub(r"\D", "", part)) >= 6
                              for part in parts):
        return ("two numbers in one field: write each as its own `- number:` under phones",
                "zwei Nummern in einem Feld: jede als eigenes `- number:` unter phones schreiben")
    if not _ALLOWED.fullmatch(text):
        return ("only digits, spaces and + ( ) / - are allowed",
                "nur Ziffern, Leerzeichen und + ( ) / - sind erlaubt")
    digits = re.sub(r"[^0-9+]", "", text)
    if not (digits.startswith("0") or digits.startswith("+")):
        return ("area code missing? A German number starts with 0, as in 0421 …, or with +49",
                "Vorwahl fehlt? Eine deutsche Nummer beginnt mit 0, wie 0421 …, oder mit +49")
    number = _parse(text)
    if number is not None and number.country_code == 49 and len(phonenumbers.national_significant_number(number)) < 7:
        return ("too short – a digit or the area code missing?", "zu kurz – fehlt eine Ziffer oder die Vorwahl?")
    if number is None or not phonenumbers.is_valid_number(number):
        return ("not a valid number – a digit missing or too many?",
                "keine gültige Nummer – fehlt eine Ziffer oder ist eine zu viel?")
    return None


def _parse(text: str) -> Optional[phonenumbers.PhoneNumber]:
    cleaned = text.replace("–", "-")
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        return phonenumbers.parse(cleaned, "DE")
    except phonenumbers.NumberParseException:
        return None


def e164(value: str) -> str:
    """``+494213377173``, for tel: links and vCards."""
    number = _parse(value)
    if number is None:
        raise ValueError(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display(value: str) -> str:
    """One format on every page: German numbers as dialled in Germany (``0421 3377173``),
    others in international form (``+90 212 …``)."""
    number = _parse(value)
    if number is None:
        return value
    if number.country_code == 49:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
