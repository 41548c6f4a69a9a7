"""Every mistake class a maintainer makes (issue 12) gives exactly this message, in English and
German: file, line, column, entry, field, what is wrong, and what to write instead.

Each case changes one text in the tiny fixture data; the expected lines are the whole message,
so a lost hint, a wrong line or a second, redundant message fails the test.
"""

from __future__ import annotations

import pytest

from wegweiser.validate import DataError, load

MISTAKES = [
    ('YAML: tab', '    kind: counselling\n', '\tkind: counselling\n', [
        ('data/institutions.yaml:4:1 (file): YAML syntax: a tab character (indent with spaces, not tabs; in VS Code: bottom bar › Spaces: 2)',
         'data/institutions.yaml:4:1 (file): YAML-Syntax: ein Tabulatorzeichen (mit Leerzeichen einrücken, nicht mit Tabs; in VS Code: Leiste unten › Leerzeichen: 2)'),
    ]),
    ('YAML: missing colon', '    kind: counselling\n', '    kind counselling\n', [
        ('data/institutions.yaml:4:5 (file): YAML syntax: a colon is missing (write `field: value`, with a colon and a space after the field name)',
         'data/institutions.yaml:4:5 (file): YAML-Syntax: ein Doppelpunkt fehlt (`feld: wert` schreiben, mit Doppelpunkt und Leerzeichen nach dem Feldnamen)'),
    ]),
    ('YAML: bad indentation', '    kind: counselling\n', '      kind: counselling\n', [
        ('data/institutions.yaml:4:11 (file): YAML syntax: a colon in the wrong place (a text that contains ": " must be in quotes – or check the indentation of this line)',
         'data/institutions.yaml:4:11 (file): YAML-Syntax: ein Doppelpunkt an falscher Stelle (ein Text mit ": " muss in Anführungszeichen stehen – oder die Einrückung dieser Zeile prüfen)'),
    ]),
    ('YAML: unclosed quote', '      postcode: "28195"\n', '      postcode: "28195\n', [
        ('data/institutions.yaml:8:1 (file): YAML syntax: a quotation mark is not closed (end the text with the same quotation mark it starts with: "…" or \'…\')',
         'data/institutions.yaml:8:1 (file): YAML-Syntax: ein Anführungszeichen wird nicht geschlossen (den Text mit demselben Anführungszeichen beenden, mit dem er beginnt: "…" oder \'…\')'),
    ]),
    ('YAML: duplicate key', '    kind: counselling\n', '    kind: counselling\n    kind: network\n', [
        ('data/institutions.yaml:5:5 (file): duplicate key "kind" (first written at line 4)',
         'data/institutions.yaml:5:5 (file): doppelter Schlüssel "kind" (zuerst in Zeile 4)'),
    ]),
    ('German key strasse', '      street: Am Wall 113', '      strasse: Am Wall 113', [
        ('data/institutions.yaml:7:7 beratung-bremen › address.strasse: unknown field "strasse" (did you mean "street"?)',
         'data/institutions.yaml:7:7 beratung-bremen › address.strasse: unbekanntes Feld "strasse" (meinten Sie "street"?)'),
    ]),
    ('German key webseite', '    website: https://example.org/', '    webseite: https://example.org/', [
        ('data/institutions.yaml:15:5 beratung-bremen › webseite: unknown field "webseite" (did you mean "website"?)',
         'data/institutions.yaml:15:5 beratung-bremen › webseite: unbekanntes Feld "webseite" (meinten Sie "website"?)'),
    ]),
    ('German key telefon', '    phones:\n      - number: "+49 421 33 77 173"\n        label: counselling\n', '    telefon: "0421 3377173"\n', [
        ('data/institutions.yaml:11:5 beratung-bremen › telefon: unknown field "telefon" (did you mean "phones"? Write it as a list: phones: and on the next line   - number: "0421 3377173")',
         'data/institutions.yaml:11:5 beratung-bremen › telefon: unbekanntes Feld "telefon" (meinten Sie "phones"? Als Liste schreiben: phones: und in der nächsten Zeile   - number: "0421 3377173")'),
    ]),
    ('German key beschreibung', '    description:\n      de: Beratung für', '    beschreibung:\n      de: Beratung für', [
        ('data/institutions.yaml:18:5 beratung-bremen › beschreibung: unknown field "beschreibung" (did you mean "description"?)',
         'data/institutions.yaml:18:5 beratung-bremen › beschreibung: unbekanntes Feld "beschreibung" (meinten Sie "description"?)'),
    ]),
    ('missing https://', '    website: https://example.org/', '    website: www.example.org', [
        ('data/institutions.yaml:15:14 beratung-bremen › website: "www.example.org" is not an http(s) link (did you mean "https://www.example.org"?)',
         'data/institutions.yaml:15:14 beratung-bremen › website: "www.example.org" ist kein http(s)-Link (meinten Sie "https://www.example.org"?)'),
    ]),
    ('unquoted yes/no', '    free: true', '    free: ja', [
        ('data/institutions.yaml:17:11 beratung-bremen › free: expected true or false (write true or false, without quotes)',
         'data/institutions.yaml:17:11 beratung-bremen › free: true oder false erwartet (true oder false schreiben, ohne Anführungszeichen)'),
    ]),
    ('yes where text expected', '    name: Beratung Bremen', '    name: yes', [
        ('data/institutions.yaml:3:11 beratung-bremen › name: expected text (YAML reads yes as true/false; write it in quotes: "yes")',
         'data/institutions.yaml:3:11 beratung-bremen › name: Text erwartet (YAML liest yes als wahr/falsch; in Anführungszeichen schreiben: "yes")'),
    ]),
    ('number where text expected', '    name: Beratung Bremen', '    name: 2024', [
        ('data/institutions.yaml:3:11 beratung-bremen › name: expected text (write it in quotes: "2024")',
         'data/institutions.yaml:3:11 beratung-bremen › name: Text erwartet (in Anführungszeichen schreiben: "2024")'),
    ]),
    ('postcode leading zero unquoted', '      postcode: "28195"', '      postcode: 01067', [
        ('data/institutions.yaml:8:17 beratung-bremen › address.postcode: expected text (write it in quotes: "01067" – otherwise the leading 0 is lost)',
         'data/institutions.yaml:8:17 beratung-bremen › address.postcode: Text erwartet (in Anführungszeichen schreiben: "01067" – sonst geht die führende 0 verloren)'),
    ]),
    ('German date', '    checked: "2010-03"', '    checked: 01.03.2010', [
        ('data/institutions.yaml:25:14 beratung-bremen › checked: "01.03.2010" is not a date (write dates as year-month-day: "2010-03-01")',
         'data/institutions.yaml:25:14 beratung-bremen › checked: "01.03.2010" ist kein Datum (Datum als Jahr-Monat-Tag schreiben: "2010-03-01")'),
    ]),
    ('phone without area code', '      - number: "+49 421 33 77 173"', '      - number: "36138-766"', [
        ('data/institutions.yaml:12:17 beratung-bremen › phones[1].number: "36138-766" is not a usable phone number (area code missing? A German number starts with 0, as in 0421 …, or with +49)',
         'data/institutions.yaml:12:17 beratung-bremen › phones[1].number: "36138-766" ist keine brauchbare Telefonnummer (Vorwahl fehlt? Eine deutsche Nummer beginnt mit 0, wie 0421 …, oder mit +49)'),
    ]),
    ('phone too short', '      - number: "+49 421 33 77 173"', '      - number: "0421 123"', [
        ('data/institutions.yaml:12:17 beratung-bremen › phones[1].number: "0421 123" is not a usable phone number (too short – a digit or the area code missing?)',
         'data/institutions.yaml:12:17 beratung-bremen › phones[1].number: "0421 123" ist keine brauchbare Telefonnummer (zu kurz – fehlt eine Ziffer oder die Vorwahl?)'),
    ]),
    ('two numbers in one', '      - number: "+49 421 33 77 173"', '      - number: "0421 3377173 / 0421 3377174"', [
        ('data/institutions.yaml:12:17 beratung-bremen › phones[1].number: "0421 3377173 / 0421 3377174" is not a usable phone number (two numbers in one field: write each as its own `- number:` under phones)',
         'data/institutions.yaml:12:17 beratung-bremen › phones[1].number: "0421 3377173 / 0421 3377174" ist keine brauchbare Telefonnummer (zwei Nummern in einem Feld: jede als eigenes `- number:` unter phones schreiben)'),
    ]),
    ('unknown topic', '    topics: [start-up]', '    topics: [startup]', [
        ('data/institutions.yaml:5:14 beratung-bremen › topics[1]: unknown topic "startup" (did you mean "start-up"? allowed: start-up (Existenzgründung), recognition (Anerkennung); a new value is declared first in data/taxonomy.yaml under topics)',
         'data/institutions.yaml:5:14 beratung-bremen › topics[1]: unbekanntes Thema "startup" (meinten Sie "start-up"? erlaubt: start-up (Existenzgründung), recognition (Anerkennung); einen neuen Wert zuerst in data/taxonomy.yaml unter topics eintragen)'),
    ]),
    ('unknown language', '    languages: [de, tr]', '    languages: [de, tr, fa]', [
        ('data/institutions.yaml:16:25 beratung-bremen › languages[3]: unknown language "fa" (allowed: de (Deutsch), tr (Türkisch), ru (Russisch); a new value is declared first in data/taxonomy.yaml under languages, with its ISO 639 code – e.g. prs for Dari – and its name in every language)',
         'data/institutions.yaml:16:25 beratung-bremen › languages[3]: unbekannte Sprache "fa" (erlaubt: de (Deutsch), tr (Türkisch), ru (Russisch); einen neuen Wert zuerst in data/taxonomy.yaml unter languages eintragen, mit ISO-639-Code – z. B. prs für Dari – und dem Namen in jeder Sprache)'),
    ]),
    ('unknown state', '      state: bremen', '      state: Bremen', [
        ('data/institutions.yaml:10:14 beratung-bremen › address.state: unknown state "Bremen" (did you mean "bremen"? allowed: bremen (Bremen), niedersachsen (Niedersachsen), bundesweit (Bundesweit); a new value is declared first in data/taxonomy.yaml under states)',
         'data/institutions.yaml:10:14 beratung-bremen › address.state: unbekanntes Bundesland "Bremen" (meinten Sie "bremen"? erlaubt: bremen (Bremen), niedersachsen (Niedersachsen), bundesweit (Bundesweit); einen neuen Wert zuerst in data/taxonomy.yaml unter states eintragen)'),
    ]),
    ('unknown kind', '    kind: counselling\n', '    kind: beratung\n', [
        ('data/institutions.yaml:4:11 beratung-bremen › kind: unknown kind "beratung" (allowed: counselling (Beratungsstelle), network (Netzwerk); a new value is declared first in data/taxonomy.yaml under kinds)',
         'data/institutions.yaml:4:11 beratung-bremen › kind: unbekannte Art "beratung" (erlaubt: counselling (Beratungsstelle), network (Netzwerk); einen neuen Wert zuerst in data/taxonomy.yaml unter kinds eintragen)'),
    ]),
    ('YAML: indentation too small', '    kind: counselling\n', '  kind: counselling\n', [
        ('data/institutions.yaml:4:3 (file): YAML syntax: the indentation does not fit (indent this line like the other fields of its entry, 2 spaces per level)',
         'data/institutions.yaml:4:3 (file): YAML-Syntax: die Einrückung passt nicht (diese Zeile so einrücken wie die anderen Felder ihres Eintrags, 2 Leerzeichen je Ebene)'),
    ]),]


@pytest.mark.parametrize(("old", "new", "expected"), [pytest.param(old, new, expected, id=name)
                                                      for name, old, new, expected in MISTAKES])
def test_a_mistake_explains_itself_in_english_and_german(site_config, old, new, expected):
    path = site_config.data_dir / "institutions.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(site_config)
    assert [(problem.format("en"), problem.format("de")) for problem in caught.value.problems] == expected
