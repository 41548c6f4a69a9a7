"""Each kind of bad input gives a clear problem naming file, line, entry and field."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from wegweiser.validate import DataError, load

from conftest import PROJECT, ROOT
from helpers import problems_after


def line_of(site_config, filename: str, needle: str) -> int:
    lines = (site_config.data_dir / filename).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_fixture_data_is_valid(site_config):
    data = load(site_config)
    assert list(data.institutions) == ["beratung-bremen", "netz-stade"]


def test_yaml_syntax_error_names_file_line_and_column(site_config):
    found = problems_after(site_config, "institutions.yaml", "    kind: network", "    kind: [network")
    assert len(found) == 1
    assert re.match(r"data/institutions\.yaml:\d+:\d+ \(file\): YAML syntax", found[0]), found


def test_unknown_key_is_reported_with_a_suggestion(site_config):
    found = problems_after(site_config, "institutions.yaml", "    email: info@example.org", "    emial: info@example.org")
    line = line_of(site_config, "institutions.yaml", "emial")
    assert found == [f'data/institutions.yaml:{line}:5 beratung-bremen › emial: unknown field "emial" (did you mean "email"?)']


def test_wrong_type_is_reported(site_config):
    found = problems_after(site_config, "institutions.yaml", "    free: true", "    free: vielleicht")
    line = line_of(site_config, "institutions.yaml", "vielleicht")
    assert found == [f"data/institutions.yaml:{line}:11 beratung-bremen › free: expected true or false "
                     "(write true or false, without quotes)"]


def test_unquoted_postcode_is_a_wrong_type(site_config):
    found = problems_after(site_config, "institutions.yaml", 'postcode: "21682"', "postcode: 21682")
    assert len(found) == 1 and "netz-stade › address.postcode: expected text" in found[0]


def test_missing_required_field_points_at_the_entry(site_config):
    found = problems_after(site_config, "institutions.yaml", "    sources:\n      - title: Testquelle\n    checked: \"2026-06\"\n",
                           "    checked: \"2026-06\"\n")
    line = line_of(site_config, "institutions.yaml", "id: netz-stade")
    assert found == [f"data/institutions.yaml:{line}:5 netz-stade › sources: required field is missing"]


def test_missing_translations_are_named_together(site_config):
    found = problems_after(site_config, "institutions.yaml", "      tr: Stade'de bir ağ.\n      ru: Сеть в Штаде.\n", "")
    assert len(found) == 1
    assert ('netz-stade › description: missing translation "tr, ru" (languages: de, tr, ru; '
            'not translated yet? write: pending)') in found[0]


def test_empty_translation_is_reported(site_config):
    found = problems_after(site_config, "institutions.yaml", "      ru: Сеть в Штаде.", '      ru: ""')
    assert len(found) == 1 and "netz-stade › description.ru: must not be empty" in found[0]


def test_duplicate_id_names_where_the_first_one_is(site_config):
    found = problems_after(site_config, "institutions.yaml", "  - id: netz-stade", "  - id: beratung-bremen")
    first = line_of(site_config, "institutions.yaml", "id: beratung-bremen")
    duplicate = [message for message in found if "duplicate id" in message]
    assert len(duplicate) == 1
    assert 'beratung-bremen › id: duplicate id "beratung-bremen"' in duplicate[0]
    assert f"first used at data/institutions.yaml:{first}:" in duplicate[0]


def test_unknown_topic_lists_the_allowed_values(site_config):
    found = problems_after(site_config, "institutions.yaml", "topics: [recognition, start-up]", "topics: [recognition, startup]")
    assert len(found) == 1
    assert ('netz-stade › topics[2]: unknown topic "startup" (did you mean "start-up"? allowed: start-up (Existenzgründung), '
            'recognition (Anerkennung); a new value is declared first in data/taxonomy.yaml under topics)') in found[0]


def test_reference_to_unknown_institution(site_config):
    found = problems_after(site_config, "steps.yaml", "institutions: [netz-stade]", "institutions: [netz-hannover]")
    line = line_of(site_config, "steps.yaml", "netz-hannover")
    assert len(found) == 1
    assert found[0].startswith(f"data/steps.yaml:{line}:")
    assert 'idea › helped_by.institutions[1]: unknown institution "netz-hannover"' in found[0]


def test_reference_to_unknown_fact(site_config):
    found = problems_after(site_config, "steps.yaml", "cost_facts: [fee]", "cost_facts: [fees]")
    assert len(found) == 1 and 'idea › cost_facts[1]: unknown fact "fees"' in found[0]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("info@example.org", "c.montfort@awo", '"c.montfort@awo" is not an e-mail address'),
        ('"+49 421 33 77 173"', '"0421 12"', '"0421 12" is not a usable phone number'),
        ('"28195"', '"2819"', '"2819" is not a German postcode'),
        ('checked: "2010-03"', 'checked: "2010-13"', '"2010-13" is not a date'),
        ('checked: "2010-03"', 'checked: "2099-01"', '"2099-01" lies in the future'),
        ("https://example.org/", "javascript:alert(1)", '"javascript:alert(1)" is not an http(s) link'),
        ("https://example.org/", "ftp://example.org/", '"ftp://example.org/" is not an http(s) link'),
    ],
)
def test_malformed_values(site_config, old, new, message):
    found = problems_after(site_config, "institutions.yaml", old, new)
    assert len(found) == 1
    assert found[0].startswith("data/institutions.yaml:") and "beratung-bremen ›" in found[0]
    assert message in found[0]


def test_every_problem_is_reported_at_once(site_config):
    path = site_config.data_dir / "institutions.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("info@example.org", "kaputt").replace('"21682"', '"1"').replace("kind: network", "kind: netzwerk")
    path.write_text(text, encoding="utf-8")
    steps = site_config.data_dir / "steps.yaml"
    steps.write_text(steps.read_text(encoding="utf-8").replace("order: 1", "order: eins"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(site_config)
    messages = "\n".join(problem.format("en") for problem in caught.value.problems)
    for expected in ("is not an e-mail address", "is not a German postcode", 'unknown kind "netzwerk"', "order: expected a whole number"):
        assert expected in messages
    assert len(caught.value.problems) == 4


def test_messages_are_in_german_too(site_config):
    path = site_config.data_dir / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("info@example.org", "kaputt"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(site_config)
    assert '"kaputt" ist keine E-Mail-Adresse' in caught.value.problems[0].format("de")


def test_duplicate_yaml_key_is_an_error(site_config):
    found = problems_after(site_config, "institutions.yaml", "    free: true\n", "    free: true\n    free: false\n")
    assert len(found) == 1 and 'duplicate key "free"' in found[0]


def test_validate_command_lists_problems_and_fails(site_copy):
    path = site_copy / "data" / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("info@example.org", "c.montfort@awo"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "wegweiser", "--config", str(site_copy / "mkdocs.yml"), "validate"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert re.search(r'data/institutions\.yaml:\d+:12 beratung-bremen › email: "c\.montfort@awo" is not an e-mail address', result.stdout)
    assert "ist keine E-Mail-Adresse" in result.stdout


@pytest.mark.realdata
def test_validate_command_accepts_the_real_data():
    result = subprocess.run([sys.executable, "-m", "wegweiser", "--config", str(PROJECT / "mkdocs.yml"), "validate"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK:" in result.stdout


def test_a_pending_translation_is_valid_and_shows_the_german_with_a_note(site_config):
    from wegweiser.render import Renderer
    from wegweiser.reports import translation_status

    path = site_config.data_dir / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      tr: Stade'de bir ağ.", "      tr: pending"), encoding="utf-8")
    data = load(site_config)
    html = Renderer(data, "tr").render_markdown('{{ institution("netz-stade") }}')
    assert '<span lang="de">Ein Netzwerk in Stade.</span>' in html and "Bu metin henüz çevrilmedi" in html
    gaps = [(gap.language, gap.kind) for gap in translation_status(data.config, data) if "netz-stade" in gap.where]
    assert gaps == [("tr", "missing-text")]


def test_the_german_text_cannot_be_pending(site_config):
    found = problems_after(site_config, "institutions.yaml", "      de: Ein Netzwerk in Stade.", "      de: pending")
    assert len(found) == 1 and "description: the de text cannot be pending" in found[0]
