"""Hostile and broken input from a pull request: it can't script the site, run code in the
build, split a vCard or a CSV row, or crash the validator. Each class of the security review is
reproduced here; the property test at the end throws random strings into every text field."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re
import resource
import subprocess
import sys
import time
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from helpers import problems_after
from wegweiser.export import to_csv
from wegweiser.render import Renderer, RenderError
from wegweiser.validate import load

MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "def_list", "toc"]


def edit(site_config, filename: str, old: str, new: str) -> None:
    path = site_config.data_dir / filename
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page_html(site_config, source: str, language: str = "de") -> str:
    """A page as the site makes it: macros rendered, then Markdown with the site's extensions."""
    data = load(site_config)
    rendered = Renderer(data, language, link=lambda target: "/" + target).render_markdown(source)
    return markdown.markdown(rendered, extensions=MARKDOWN_EXTENSIONS)


class Elements(HTMLParser):
    """Every element and attribute of a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(page)
    return parser.tags


def assert_inert(page: str, hostile: str) -> None:
    """No element or attribute that data could have made: no handler, no foreign scheme."""
    for tag, attrs in elements(page):
        assert tag not in ("script", "iframe", "object", "embed", "img", "svg", "style"), (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction"):
                scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):", value or "")
                assert scheme is None or scheme.group(1).lower() in ("http", "https", "tel", "mailto", "geo"), (tag, name, value)


# ---- 1. Markup in glossary, facts and labels stays text ----


@pytest.mark.parametrize("hostile", ["[x](onmouseover=alert(document.domain)//)", "[x](javascript:alert(1))",
                                     '"><img src=x onerror=alert(1)>', "<script>alert(1)</script>", "{: onclick=alert(1)}"])
def test_a_glossary_meaning_cannot_script_the_page(site_config, hostile):
    edit(site_config, "glossary.yaml", "de: Ticaret dairesine kayıt.", f"de: {hostile!r}".replace("'", '"')) \
        if False else None
    text = (site_config.data_dir / "glossary.yaml").read_text(encoding="utf-8")
    meaning_de = re.search(r"meaning: \{de: ([^,]+),", text) or re.search(r"      de: (.+)", text)
    edit(site_config, "glossary.yaml", meaning_de.group(1), '"' + hostile.replace('"', '\\"') + '"')
    page = page_html(site_config, 'Text {{ term("gewerbeanmeldung") }} und mehr.\n\n{{ glossary() }}')
    assert_inert(page, hostile)
    assert hostile in html_lib.unescape(page)   # shown as text (in the title and the glossary)


@pytest.mark.parametrize("field", ["source", "doubt", "label"])
def test_a_fact_cannot_break_out_of_its_span(site_config, field):
    hostile = '[x](onmouseover=alert(1)//) "><b onclick=alert(1)>x</b>'
    quoted = '"' + hostile.replace('"', '\\"') + '"'
    if field == "source":
        edit(site_config, "facts.yaml", "      - title: Testquelle", f"      - title: {quoted}")
    elif field == "doubt":
        edit(site_config, "facts.yaml", "doubt: {de: unsicher,", f"doubt: {{de: {quoted},")
    else:
        edit(site_config, "facts.yaml", "label: {de: Grenze,", f"label: {{de: {quoted},")
    page = page_html(site_config, 'Die Grenze ist {{ fact("fee") }} und {{ fact("months") }}.\n\n{{ facts_table() }}')
    assert_inert(page, hostile)
    assert "onclick" not in "".join(f"{k}" for _, attrs in elements(page) for k in attrs)


def test_a_label_cannot_script_the_page(site_config):
    edit(site_config, "labels.yaml", 'as-of: {de: Stand,', 'as-of: {de: "[x](javascript:alert(1)) <svg onload=alert(1)>",')
    page = page_html(site_config, 'Wert {{ fact("fee") }}.')
    assert_inert(page, "")


# ---- 2. Jinja in a page runs no code ----


@pytest.mark.parametrize("source", [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ term.__globals__ }}",
    "{% for x in range(10**9) %}{% endfor %}",
    "{{ lipsum.__globals__['os'].system('id') }}",
])
def test_jinja_in_a_page_is_refused_with_the_line(site_config, source):
    data = load(site_config)
    renderer = Renderer(data, "de", page="docs/de/guide/evil.md")
    with pytest.raises(RenderError) as caught:
        renderer.render_markdown("# Titel\n\nText\n\n" + source)
    assert str(caught.value).startswith("docs/de/guide/evil.md:"), caught.value
    assert ":5:" in str(caught.value) or ":?:" not in str(caught.value)


def test_a_wrong_macro_argument_is_a_message_not_a_type_error(site_config):
    renderer = Renderer(load(site_config), "de", page="docs/de/x.md")
    with pytest.raises(RenderError, match=r"docs/de/x.md:3: directory\(\): .*arguments: topic, kind, state, city, group, compact"):
        renderer.render_markdown("a\n\n{{ directory(topik='start-up') }}")
    with pytest.raises(RenderError, match=r'unknown group "map"'):
        renderer.render_markdown("{{ directory(group='map') }}")
    with pytest.raises(RenderError, match=r'no entry in the city "Atlantis"'):
        renderer.render_markdown("{{ directory(city='Atlantis') }}")


# ---- 3. vCards: one card, the expected properties ----

_BREAKS = ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r", "\n", "\r\n"]
VCARD_PROPERTIES = {"BEGIN", "VERSION", "FN", "ORG", "ADR;TYPE=work", "TEL;TYPE=work,voice", "EMAIL;TYPE=work", "URL", "NOTE", "END"}


def vcard_lines(text: str) -> list[str]:
    assert text.endswith("\r\n")
    return text[:-2].split("\r\n")


def assert_one_card(text: str, phones: int) -> None:
    lines = vcard_lines(text)
    for line in lines:
        assert not re.search(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", line), repr(line)
    names = [line.split(":", 1)[0] for line in lines]
    assert names.count("BEGIN") == 1 and names.count("END") == 1 and names[0] == "BEGIN" and names[-1] == "END"
    assert set(names) <= VCARD_PROPERTIES, names
    assert names.count("TEL;TYPE=work,voice") == phones


@pytest.mark.parametrize("separator", _BREAKS)
def test_a_line_break_in_a_name_cannot_add_a_phone_or_a_card(site_config, separator):
    data = load(site_config)
    item = data.institutions["beratung-bremen"]
    name = f"Name{separator}TEL:+491234567{separator}END:VCARD{separator}BEGIN:VCARD{separator}FN:Evil"
    data.institutions["beratung-bremen"] = item.model_copy(update={"name": name, "contact": name})
    text = Renderer(data, "de").vcard("beratung-bremen")
    assert_one_card(text, phones=1)


def test_the_validator_refuses_line_separators_in_names(site_config):
    found = problems_after(site_config, "institutions.yaml", "name: Beratung Bremen", 'name: "Beratung\\u2028TEL:+4912345"')
    assert "control character (U+2028)" in found[0]


def test_a_website_with_a_vertical_tab_is_not_a_link(site_config):
    found = problems_after(site_config, "institutions.yaml", "website: https://example.org/", 'website: "https://example.org/\\vTEL:1"')
    assert "is not an http(s) link" in found[0]


# ---- 4. Phones: only a phone number's characters ----


@pytest.mark.parametrize("phone", ['=HYPERLINK(\\"http://x\\",\\"Call\\") 0421 3377173', "0421 3377173 <b>", "Tel. 0421 3377173"])
def test_a_phone_field_holds_only_a_number(site_config, phone):
    found = problems_after(site_config, "institutions.yaml", '"+49 421 33 77 173"', f'"{phone}"')
    assert "only digits, spaces and + ( ) / - are allowed" in found[0]


# ---- 5–7. Broken and oversized YAML: a message with file and line, in bounded time and memory ----


def validate_limited(site_copy, seconds: float = 30, memory_mb: int = 1500) -> tuple[int, str, float]:
    """Run `validate` with a memory ceiling; return (exit code, output, seconds)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, memory_mb * 1024 * 1024))
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "wegweiser", "--config", str(site_copy / "mkdocs.yml"), "validate", "--lang", "en"],
                            cwd=ROOT, capture_output=True, text=True, timeout=seconds, preexec_fn=limit)
    return result.returncode, result.stdout + result.stderr, time.monotonic() - start


BILLION_LAUGHS = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
institutions: [*i,*i,*i,*i,*i,*i,*i,*i,*i]
"""

BROKEN = {
    "billion-laughs": (BILLION_LAUGHS, r"institutions\.yaml:\d+:\d+ \(file\): too many (values|alias uses)"),
    "python-tag": ("institutions: !!python/object/apply:os.system ['id']\n", r"institutions\.yaml:1:\d+ \(file\): the tag .* is not allowed"),
    "custom-tag": ("institutions:\n  - !evil {id: x}\n", r"institutions\.yaml:2:\d+ \(file\): the tag \"!evil\" is not allowed"),
    "complex-key": ("institutions:\n  - ? [a, b]\n    : c\n", r"institutions\.yaml:2:\d+ \(file\): a field name must be plain text"),
    "recursion": ("institutions: &a\n  - *a\n", r"institutions\.yaml:\d+:\d+ \(file\): (an alias|.*recursive)"),
    "deep-nesting": ("institutions: " + "[" * 5000 + "]" * 5000 + "\n", r"institutions\.yaml:\d+:\d+ \(file\): nested too deeply"),
    "tab": ("institutions:\n\t- id: x\n", r"institutions\.yaml:2:1 \(file\): YAML syntax: a tab character \(indent with spaces"),
    "missing-colon": ("institutions:\n  - id: x\n    name Beratung\n    kind: network\n", r"institutions\.yaml:3:\d+ \(file\): YAML syntax: a colon is missing"),
    "unclosed-quote": ('institutions:\n  - id: x\n    name: "Beratung\n    kind: network\n', r"institutions\.yaml:3:\d+ \(file\): YAML syntax: a quotation mark is not closed"),
    "bad-indentation": ("institutions:\n  - id: x\n     name: y\n", r"institutions\.yaml:3:\d+ \(file\): YAML syntax: (the indentation does not fit|a colon in the wrong place)"),
    "nul": ("institutions:\n  - id: x\x00\n", r"institutions\.yaml:2:\d+ \(file\): invisible control character U\+0000"),
    "duplicate-key": ("institutions: []\ninstitutions: []\n", r"institutions\.yaml:2:1 \(file\): duplicate key \"institutions\" \(first written at line 1\)"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_file_gives_a_message_with_its_line(site_copy, case):
    text, expected = BROKEN[case]
    (site_copy / "data" / "institutions.yaml").write_text(text, encoding="utf-8")
    code, output, seconds = validate_limited(site_copy)
    assert code == 1, output
    assert "Traceback" not in output, output
    assert re.search(expected, output), output
    assert seconds < 20


def test_bytes_that_are_not_utf8_name_the_line(site_copy):
    (site_copy / "data" / "institutions.yaml").write_bytes("institutions:\n  - id: x\n    name: Gr\xfcnder\n".encode("latin-1"))
    code, output, _ = validate_limited(site_copy)
    assert code == 1 and "Traceback" not in output
    assert re.search(r"institutions\.yaml:3:\d+ \(file\): the file is not saved as UTF-8", output), output


def test_a_huge_file_is_refused_before_it_is_read(site_copy):
    path = site_copy / "data" / "institutions.yaml"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("institutions: []\n# " + "x" * (21 * 1024 * 1024) + "\n")
    code, output, seconds = validate_limited(site_copy)
    assert code == 1 and "file is too large" in output and seconds < 20


def test_a_huge_description_is_refused(site_config):
    found = problems_after(site_config, "institutions.yaml", "      de: Ein Netzwerk in Stade.", "      de: " + "Wort " * 2000)
    assert "description.de: is too long (at most 4000 characters)" in found[0]


def test_an_overlong_id_is_a_message(site_config):
    found = problems_after(site_config, "institutions.yaml", "  - id: netz-stade", "  - id: " + "a" * 259)
    assert any("is too long" in problem for problem in found)


def test_merge_keys_simply_work(site_config):
    path = site_config.data_dir / "institutions.yaml"
    text = path.read_text(encoding="utf-8")
    before = text
    text = text.replace("    address:\n      street: Am Wall 113\n", "    address: &bremen\n      street: Am Wall 113\n")
    text = text.replace("    address:\n      postcode: \"21682\"\n      city: Stade\n      state: niedersachsen\n",
                        "    address:\n      <<: *bremen\n      city: Stade\n")
    assert text != before
    path.write_text(text, encoding="utf-8")
    data = load(site_config)
    address = data.institutions["netz-stade"].address
    assert (address.city, address.postcode, address.state, address.street) == ("Stade", "28195", "bremen", "Am Wall 113")


@pytest.mark.parametrize("value", ['"evil\\n"', '"evil "', '"Evil"'])
def test_an_id_must_match_in_full(site_config, value):
    found = problems_after(site_config, "institutions.yaml", "  - id: netz-stade", f"  - id: {value}")
    assert "is not a valid id" in found[0]


# ---- 8. Terminal and CI output ----


def test_values_in_messages_cannot_drive_the_terminal_or_ci(site_copy):
    path = site_copy / "data" / "institutions.yaml"
    text = path.read_text(encoding="utf-8")
    hostile = '"\\e[2J\\e[31m\\n::error file=README.md,line=1::owned\\n::add-mask::x"'
    path.write_text(text.replace("email: info@example.org", f"email: {hostile}"), encoding="utf-8")
    for github in (False, True):
        args = [sys.executable, "-m", "wegweiser", "--config", str(site_copy / "mkdocs.yml"), "validate"]
        result = subprocess.run(args + (["--format", "github"] if github else []), cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 1
        assert "\x1b" not in result.stdout and "\\u001b" in result.stdout
        for line in result.stdout.splitlines():
            if line.startswith("::"):
                assert github and line.startswith("::error file=data/institutions.yaml,line="), line


# ---- Property test: random and adversarial strings in every text field ----

ADVERSARIAL = st.sampled_from([
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "[x](javascript:alert(1))",
    "[x](onmouseover=alert(1)//)", "{{ cycler.__init__ }}", "{% raw %}", "{: onclick=x}", "*_`\\|#!~",
    "\u2028TEL:+49123\u2029", "\u202eevil", "=HYPERLINK(\"x\")", "+1+1", "@SUM(A1)", "-2", "a" * 300,
    "&amp; &#60; &lt;", "'; DROP TABLE x; --", "${7*7}", "\x00\x1b[2J",
])
TEXT = st.one_of(ADVERSARIAL, st.text(min_size=1, max_size=40), st.tuples(ADVERSARIAL, st.text(max_size=10)).map("".join))


def _all_text_fields(data, value: str):
    """The data with ``value`` in every text field readers see (past validation: the outputs must
    be safe on their own)."""
    def localized(loc):
        return loc.model_copy(update={"root": {code: value for code in loc.root}})
    institutions = {}
    for ident, item in data.institutions.items():
        institutions[ident] = item.model_copy(update={
            "name": value, "contact": value, "partners": [value], "description": localized(item.description),
            "address": item.address.model_copy(update={"street": value, "city": value}),
            "sources": [source.model_copy(update={"title": value}) for source in item.sources],
        })
    data.institutions = institutions
    data.facts = {ident: fact.model_copy(update={
        "label": localized(fact.label), "sources": [s.model_copy(update={"title": value}) for s in fact.sources],
        "doubt": localized(fact.doubt) if fact.doubt else None}) for ident, fact in data.facts.items()}
    data.terms = {ident: term.model_copy(update={"term": value, "meaning": localized(term.meaning)})
                  for ident, term in data.terms.items()}
    data.steps = {ident: step.model_copy(update={"title": localized(step.title), "summary": localized(step.summary),
                                                 "cost": localized(step.cost), "duration": localized(step.duration),
                                                 "bring": [localized(b) for b in step.bring]})
                  for ident, step in data.steps.items()}
    data.labels = {key: localized(label) if not key.startswith("unit-") and key != "entries-count" else label
                   for key, label in data.labels.items()}
    return data


PAGE = """# Titel

Ein Satz mit {{ term("gewerbeanmeldung") }} und {{ fact("fee") }} und {{ fact("months") }}.

{{ directory_filter() }}

{{ directory() }}

{{ directory(group="topic", compact=true) }}

{{ step("idea") }}

{{ steps_overview() }}

{{ facts_table() }}

{{ glossary() }}

{{ history() }}
"""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=TEXT)
def test_any_string_in_any_field_stays_text_in_every_output(site_config, value):
    data = _all_text_fields(load(site_config), value)
    for language in ("de", "ru"):
        renderer = Renderer(data, language, link=lambda target: "/" + target)
        page = markdown.markdown(renderer.render_markdown(PAGE), extensions=MARKDOWN_EXTENSIONS)
        assert_inert(page, value)
        for tag, attrs in elements(page):
            assert tag in ALLOWED_TAGS, tag
    for ident in data.institutions:
        assert_one_card(Renderer(data, "de").vcard(ident), phones=len(data.institutions[ident].phones))
    rows = list(csv.reader(io.StringIO(to_csv(data), newline="")))
    assert len(rows) == 1 + len(data.institutions)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")), cell
            assert "\r" not in cell and "\n" not in cell


# Every element the templates and Markdown make; data adds none.
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "h5", "p", "a", "span", "strong", "em", "div", "article", "dl", "dt", "dd",
                "ul", "ol", "li", "form", "label", "select", "option", "button", "table", "thead", "tbody", "tr", "th",
                "td", "time", "details", "summary", "section", "br", "small", "code", "sup", "input"}
