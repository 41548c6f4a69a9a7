"""Macros render data in the page's language, escaped, with safe links only."""

from __future__ import annotations

import datetime as dt

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
    return markdown.markdown(text, extensions=["attr_list", "md_in_html"])


@pytest.mark.parametrize(
    ("language", "phone", "free", "topic"),
    [("de", "Telefon", "kostenlos", "Existenzgründung"),
     ("tr", "Telefon", "ücretsiz", "İşletme kurma"),
     ("ru", "Телефон", "бесплатно", "Открытие своего дела")],
)
def test_card_speaks_the_page_language(site_config, language, phone, free, topic):
    html = render(site_config, language, '{{ institution("beratung-bremen") }}')
    assert f"<dt>{phone}</dt>" in html
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
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_markdown_in_data_cannot_make_a_link(site_config):
    html = render(site_config, "de", '{{ directory() }}',
                  edit=("institutions.yaml", "city: Stade", 'city: "[x](javascript:alert(1))"'))
    page = to_html(html)
    assert "javascript:" not in page.split("href=")[1] if "href=" in page else True
    assert 'href="javascript' not in page
    assert "[x](javascript:alert(1))" in page


def test_only_safe_link_schemes_pass():
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("data:text/html,x") is None
    assert safe_href("https://example.org/") == "https://example.org/"
    assert safe_href("tel:+49421") == "tel:+49421"


def test_old_entries_carry_a_visible_note(site_config):
    html = render(site_config, "ru", '{{ directory() }}')
    bremen = html.split('id="beratung-bremen"')[1].split("</article>")[0]
    stade = html.split('id="netz-stade"')[1].split("</article>")[0]
    assert "Эти данные устарели" in bremen          # checked 2010-03
    assert "Эти данные устарели" not in stade        # checked 2026-06: within 12 months


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
    assert '<h2 id="state-niedersachsen">Aşağı Saksonya</h2>' in html
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


def test_step_lists_helpers_and_links_to_directory(site_config):
    html = render(site_config, "ru", '{{ step("idea") }}')
    assert "Что понадобится" in html and "Ваша идея" in html
    assert 'href="/directory/index.md#netz-stade"' in html
    assert 'href="/directory/index.md#beratung-bremen"' in html   # helps by kind "counselling"


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
