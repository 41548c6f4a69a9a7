"""Macros render data in the page's language, escaped, with safe links only."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re

import markdown
import pytest

from wegweiser.render import Renderer, RenderError, format_number, plural_index, safe_href
from wegweiser.validate import load


def render(site_config, language: str, source: str, edit=None) -> str:
    if edit:
        path = site_config.data_dir / edit[0]
        path.write_text(path.read_text(encoding="utf-8").replace(edit[1], edit[2]), encoding="utf-8")
    data = load(site_config)
    return Renderer(data, language, link=lambda target: "/" + target, today=dt.date(2026, 11, 1)).render_markdown(source)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables", "def_list"])


def visible_text(page: str) -> str:
    """What a reader sees: tags removed, character references decoded."""
    return html_lib.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize(
    ("language", "phone", "free", "topic"),
    [("de", "Telefon", "kostenlos", "Existenzgründung"),
     ("tr", "Telefon", "ücretsiz", "İşletme kurma"),
     ("ru", "Телефон", "бесплатно", "Открытие своего дела")],
)
def test_card_speaks_the_page_language(site_config, language, phone, free, topic):
    html = render(site_config, language, '{{ institution("beratung-bremen") }}')
    assert f"<dt>{phone} " in html                       # the line's purpose follows: "Telefon (Beratung)"
    assert free in html
    assert topic in html
    assert 'href="tel:+494213377173"' in html
    assert 'href="mailto:info@example.org"' in html


def test_script_in_yaml_shows_as_text(site_config):
    hostile = "<script>alert(1)</script>"
    html = render(site_config, "tr", '{{ directory() }}',
                  edit=("institutions.yaml", "name: Beratung Bremen", f'name: "{hostile}"'))
    page = to_html(html)
    assert "<script>" not in page
    assert hostile in visible_text(page)


def test_markdown_in_data_cannot_make_a_link(site_config):
    html = render(site_config, "de", '{{ directory() }}',
                  edit=("institutions.yaml", "city: Stade", 'city: "[x](javascript:alert(1))"'))
    page = to_html(html)
    assert "javascript" not in " ".join(re.findall(r'href="([^"]*)"', page))
    assert "[x](javascript:alert(1))" in visible_text(page)


def test_only_safe_link_schemes_pass():
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("data:text/html,x") is None
    assert safe_href("https://example.org/") == "https://example.org/"
    assert safe_href("tel:+49421") == "tel:+49421"


def test_entries_without_a_recent_dated_source_carry_a_visible_note(site_config):
    html = render(site_config, "ru", '{{ directory() }}',
                  edit=("institutions.yaml", "      - title: Testquelle\n    checked: \"2026-06\"",
                        '      - title: Testquelle\n        date: "2025-05"\n    checked: "2026-06"'))
    bremen = html.split('id="beratung-bremen"')[1].split("</article>")[0]
    stade = html.split('id="netz-stade"')[1].split("</article>")[0]
    assert "ни один датированный источник не подтверждает" in bremen   # no dated source
    assert "подтверждает" not in stade and "устарели" not in stade      # source 2025-05, checked 2026-06
    assert "2025-05" in stade                                            # the newest source date is shown


def test_old_check_dates_carry_a_visible_note(site_config):
    html = render(site_config, "de", '{{ directory() }}',
                  edit=("institutions.yaml", '      - title: Testquelle\n    checked: "2010-03"',
                        '      - title: Testquelle\n        date: "2024-01"\n    checked: "2024-02"'))
    bremen = html.split('id="beratung-bremen"')[1].split("</article>")[0]
    assert "Diese Angaben sind alt" in bremen          # checked 2024-02, more than 12 months before 2026-11


def test_directory_filters_by_topic_kind_state_and_city(site_config):
    by_topic = render(site_config, "de", '{{ directory(topic="recognition") }}')
    assert 'id="netz-stade"' in by_topic and 'id="beratung-bremen"' not in by_topic
    by_state = render(site_config, "de", '{{ directory(state="bremen") }}')
    assert 'id="beratung-bremen"' in by_state and 'id="netz-stade"' not in by_state
    by_city = render(site_config, "de", '{{ directory(city="Stade") }}')
    assert 'id="netz-stade"' in by_city and 'id="beratung-bremen"' not in by_city
    by_kind = render(site_config, "de", '{{ directory(kind="network") }}')
    assert 'id="netz-stade"' in by_kind and 'id="beratung-bremen"' not in by_kind


def test_directory_by_place_has_state_and_city_headings(site_config):
    html = to_html(render(site_config, "tr", '{{ directory(group="place") }}'))
    assert '<h2 data-ww-state="niedersachsen" id="state-niedersachsen">Aşağı Saksonya</h2>' in html
    assert '<h3 id="city-stade">Stade</h3>' in html


def test_unknown_ids_in_pages_fail_loudly(site_config):
    for source in ('{{ institution("nope") }}', '{{ fact("nope") }}', '{{ term("nope") }}',
                   '{{ step("nope") }}', '{{ directory(topic="nope") }}', '{{ label("nope") }}'):
        with pytest.raises(RenderError):
            render(site_config, "de", source)


def test_unknown_macro_fails(site_config):
    with pytest.raises(RenderError):
        render(site_config, "de", "{{ institutions() }}")


@pytest.mark.parametrize(
    ("language", "expected_fee", "expected_months"),
    [("de", "25.000 €", "6 Monate"), ("tr", "25.000 €", "6 ay"), ("ru", "25\u202f000 €", "6 месяцев")],
)
def test_facts_are_formatted_per_language(site_config, language, expected_fee, expected_months):
    html = render(site_config, language, '{{ fact("fee") }} {{ fact("months") }}')
    assert expected_fee in html and expected_months in html
    assert "2025-10" in html                              # the as-of date travels with the figure
    assert "⚠" in html.split('data-fact="months"')[1]    # the doubtful figure is marked


def test_step_names_nationwide_helpers_and_leads_to_the_readers_state(site_config):
    html = render(site_config, "ru", '{{ step("idea") }}',
                  edit=("institutions.yaml", "      state: niedersachsen", "      state: bundesweit"))
    assert "Что понадобится" in html and "Ваша идея" in html
    assert 'href="/directory/index.md#netz-stade"' in html            # nationwide: named in every chapter
    assert "#beratung-bremen" not in html                             # Bremen's: behind the state choice
    chooser = html.split('<form class="ww-state-chooser"')[1].split("</form>")[0]
    assert 'action="/directory/index.md"' in chooser and '<option value="bremen">Бремен</option>' in chooser


def test_term_keeps_the_german_word_and_explains_it(site_config):
    html = render(site_config, "tr", '{{ term("gewerbeanmeldung") }}')
    assert '<span lang="de">Gewerbeanmeldung</span>' in html
    assert "Ticaret dairesine kayıt." in html


def test_number_formats_and_plurals():
    assert format_number("de", 1248.33) == "1.248,33"
    assert format_number("de", 3.5) == "3,5"
    assert format_number("de", 2.2, money=True) == "2,20"
    assert [plural_index("ru", n, 3) for n in (1, 2, 5, 11, 21, 24)] == [0, 1, 2, 2, 0, 1]
    assert plural_index("de", 1, 2) == 0 and plural_index("de", 6, 2) == 1
