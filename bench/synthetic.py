"""Synthetic but realistic directory data for the build benchmark (bench/build.py).

N institutions over all 16 states and the nationwide services, spread by population (North
Rhine-Westphalia gets the most, Bremen few), several cities per state, every topic, kinds,
descriptions in de/tr/ru of a realistic length, dated sources, phone numbers that pass
``wegweiser.phones`` (the city's area code and "336699-NN"), e-mail and web addresses on
example.org, some entries paused or ended (history) with a successor. Deterministic: the same
N and seed give the same file.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

# state id → (share of the population in %, [(city, postcode, area code), …])
STATES: dict[str, tuple[float, list[tuple[str, str, str]]]] = {
    "nordrhein-westfalen": (21.5, [("Köln", "50667", "0221"), ("Düsseldorf", "40213", "0211"), ("Dortmund", "44135", "0231"),
                                   ("Essen", "45127", "0201"), ("Duisburg", "47051", "0203"), ("Bochum", "44787", "0234"),
                                   ("Wuppertal", "42103", "0202"), ("Bielefeld", "33602", "0521"), ("Bonn", "53111", "0228"),
                                   ("Münster", "48143", "0251"), ("Gelsenkirchen", "45879", "0209"), ("Aachen", "52062", "0241")]),
    "bayern": (15.9, [("München", "80331", "089"), ("Nürnberg", "90402", "0911"), ("Augsburg", "86150", "0821"),
                      ("Regensburg", "93047", "0941"), ("Würzburg", "97070", "0931"), ("Ingolstadt", "85049", "0841")]),
    "baden-wuerttemberg": (13.4, [("Stuttgart", "70173", "0711"), ("Mannheim", "68159", "0621"), ("Karlsruhe", "76133", "0721"),
                                  ("Freiburg im Breisgau", "79098", "0761"), ("Heidelberg", "69117", "06221"), ("Ulm", "89073", "0731")]),
    "niedersachsen": (9.6, [("Hannover", "30159", "0511"), ("Braunschweig", "38100", "0531"), ("Oldenburg", "26122", "0441"),
                            ("Osnabrück", "49074", "0541"), ("Göttingen", "37073", "0551"), ("Wolfsburg", "38440", "05361")]),
    "hessen": (7.6, [("Frankfurt am Main", "60311", "069"), ("Wiesbaden", "65183", "0611"), ("Kassel", "34117", "0561"),
                     ("Darmstadt", "64283", "06151"), ("Offenbach am Main", "63065", "069")]),
    "sachsen": (4.9, [("Leipzig", "04109", "0341"), ("Dresden", "01067", "0351"), ("Chemnitz", "09111", "0371")]),
    "rheinland-pfalz": (4.9, [("Mainz", "55116", "06131"), ("Ludwigshafen am Rhein", "67059", "0621"),
                              ("Koblenz", "56068", "0261"), ("Trier", "54290", "0651")]),
    "berlin": (4.4, [("Berlin", "10117", "030")]),
    "schleswig-holstein": (3.5, [("Kiel", "24103", "0431"), ("Lübeck", "23552", "0451"), ("Flensburg", "24937", "0461")]),
    "brandenburg": (3.1, [("Potsdam", "14467", "0331"), ("Cottbus", "03046", "0355"), ("Frankfurt (Oder)", "15230", "0335")]),
    "sachsen-anhalt": (2.6, [("Magdeburg", "39104", "0391"), ("Halle (Saale)", "06108", "0345")]),
    "thueringen": (2.5, [("Erfurt", "99084", "0361"), ("Jena", "07743", "03641"), ("Gera", "07545", "0365")]),
    "hamburg": (2.2, [("Hamburg", "20095", "040")]),
    "mecklenburg-vorpommern": (1.9, [("Rostock", "18055", "0381"), ("Schwerin", "19053", "0385")]),
    "saarland": (1.2, [("Saarbrücken", "66111", "0681")]),
    "bremen": (0.8, [("Bremen", "28195", "0421"), ("Bremerhaven", "27568", "0471")]),
}
NATIONWIDE_SHARE = 0.06
KINDS = ["counselling", "chamber", "authority", "job-centre", "training", "funding", "network", "migrant-organisation", "online"]
TOPICS = ["counselling", "recognition", "competence-assessment", "qualification", "job-german", "start-up",
          "intercultural-opening", "vocational-orientation", "financing", "placement"]
LANGUAGES = ["de", "tr", "ru", "en", "ar", "fa", "uk", "pl"]
STREETS = ["Hauptstraße", "Bahnhofstraße", "Am Markt", "Schulstraße", "Gartenweg", "Lindenallee", "Kirchplatz",
           "Rathausplatz", "Wallstraße", "Hafenstraße"]
NAMES = {
    "counselling": "Gründungsberatung", "chamber": "Gründerservice der Kammer", "authority": "Wirtschaftsförderung",
    "job-centre": "Jobcenter", "training": "Bildungswerk", "funding": "Förderbank", "network": "Netzwerk Integration durch Qualifizierung",
    "migrant-organisation": "Unternehmerverein", "online": "Beratungsportal",
}
DESCRIPTIONS = {
    "de": ("Die Stelle berät Menschen, die sich selbstständig machen wollen, zu Geschäftsidee, Businessplan und Finanzierung. "
           "Die Beratung ist vertraulich; Termine gibt es nach Anmeldung, auch am Abend. "
           "Wer einen ausländischen Abschluss hat, bekommt Hilfe bei der Anerkennung und bei Anträgen an Behörden."),
    "tr": ("Bu kurum, kendi işini kurmak isteyenlere iş fikri, iş planı ve finansman konusunda danışmanlık verir. "
           "Görüşmeler gizlidir; randevu ile, akşam saatlerinde de görüşülebilir. "
           "Yurt dışında diploma alanlara denklik ve resmî dairelere başvurularda yardım edilir."),
    "ru": ("Организация консультирует тех, кто хочет открыть своё дело: по бизнес-идее, бизнес-плану и финансированию. "
           "Консультации конфиденциальны; приём по записи, в том числе вечером. "
           "Тем, у кого иностранный диплом, помогают с признанием и заявлениями в ведомства."),
}


def _phone(rng: random.Random, area: str) -> str:
    return f"{area} 336699-{rng.randrange(10, 100)}"


def _date(rng: random.Random, first_year: int, last: tuple[int, int] = (2026, 11)) -> str:
    year = rng.randint(first_year, last[0])
    month = rng.randint(1, 12 if year < last[0] else last[1])
    return f"{year}-{month:02d}"


def institutions(n: int, seed: int = 2026) -> list[dict]:
    """``n`` entries for data/institutions.yaml."""
    rng = random.Random(seed)
    states = list(STATES)
    weights = [STATES[state][0] for state in states]
    entries: list[dict] = []
    for number in range(1, n + 1):
        nationwide = rng.random() < NATIONWIDE_SHARE
        state = "bundesweit" if nationwide else rng.choices(states, weights)[0]
        kind = "online" if nationwide and rng.random() < 0.5 else rng.choice(KINDS[:-1])
        if nationwide:
            city, postcode, area = ("Berlin", "10117", "030") if rng.random() < 0.6 else (None, None, "0800")
        else:
            city, postcode, area = rng.choice(STATES[state][1])
        ident = f"{kind}-{state}-{number}"
        name = f"{NAMES[kind]} {city or 'Deutschland'} {number}"
        address: dict = {"state": state}
        if city:
            if rng.random() < 0.7:
                address["street"] = f"{rng.choice(STREETS)} {rng.randint(1, 120)}"
            address["postcode"] = postcode
            address["city"] = city
        entry: dict = {
            "id": ident,
            "name": name,
            "kind": kind,
            "status": "active",
            "topics": rng.sample(TOPICS, rng.randint(1, 3)),
            "address": address,
        }
        phones = []
        if area != "0800" or rng.random() < 0.5:
            phones.append({"number": _phone(rng, "030" if area == "0800" else area), "label": "counselling"})
            if rng.random() < 0.3:
                phones.append({"number": _phone(rng, "030" if area == "0800" else area), "label": "office"})
        if phones:
            entry["phones"] = phones
        if rng.random() < 0.8:
            entry["email"] = f"info-{number}@example.org"
        entry["website"] = f"https://example.org/{ident}/"
        if rng.random() < 0.6:
            entry["languages"] = ["de"] + rng.sample(LANGUAGES[1:], rng.randint(0, 3))
        if rng.random() < 0.5:
            entry["free"] = True
        cut = rng.randint(1, 3)
        entry["description"] = {code: " ".join(text.split(". ")[:cut]).rstrip(".") + f". ({name})" for code, text in DESCRIPTIONS.items()}
        entry["sources"] = [{"title": f"example.org – {name}", "url": f"https://example.org/{ident}/", "date": _date(rng, 2019)}]
        if rng.random() < 0.3:
            entry["sources"].append({"title": f"Jahresbericht {name}", "date": _date(rng, 2015)})
        entry["checked"] = _date(rng, 2023)
        roll = rng.random()
        if roll < 0.03:
            entry["status"] = "inactive"
        elif roll < 0.06:
            entry["status"] = "defunct"
            earlier = [other["id"] for other in entries[-20:] if other["status"] == "active"]
            if earlier:
                entry["successor"] = rng.choice(earlier)
        entries.append(entry)
    return entries


def write(data_dir: Path, n: int, seed: int = 2026) -> Path:
    """Write data/institutions.yaml with ``n`` synthetic entries."""
    target = data_dir / "institutions.yaml"
    text = yaml.safe_dump({"institutions": institutions(n, seed)}, allow_unicode=True, sort_keys=False, width=120)
    target.write_text("# Synthetic benchmark data (bench/synthetic.py), not real offices.\n" + text, encoding="utf-8")
    return target
