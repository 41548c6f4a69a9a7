"""The hooks, run in this process as MkDocs runs them: each event gets the objects MkDocs would
pass (a config with static-i18n's current language, a page, the files), on the tiny fixture data.

The built-site tests run whole builds in a subprocess; these show, event by event and in
milliseconds, that each hook does its one job – and that a problem becomes MkDocs' PluginError
with a message, never a traceback.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from wegweiser import load_cached, load_site_config

from conftest import ROOT

HOOKS = ROOT / "hooks"


def hook(name: str):
    """A hook module, loaded from its file as MkDocs loads it (hooks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"test_hook_{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def config(project: Path, language: str = "de", **extra) -> SimpleNamespace:
    """What a hook reads of MkDocs' config while static-i18n builds ``language``."""
    values = {"config_file_path": str(project / "mkdocs.yml"), "site_url": "", "site_dir": str(project / "site"),
              "plugins": {"i18n": SimpleNamespace(current_language=language)}, "extra": SimpleNamespace()}
    values.update(extra)
    return SimpleNamespace(**values)


def page(src_uri: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url, meta={})


class Files:
    """MkDocs' Files, as far as the macros ask: which page exists at a path. While static-i18n
    builds a language, the files are that language's, under paths without the language folder."""

    def __init__(self, *paths: str):
        self.urls = {path: path.removesuffix("index.md").removesuffix(".md") + ("" if path.endswith("index.md") else "/")
                     for path in paths}

    def get_file_from_path(self, path: str):
        url = self.urls.get(path)
        return SimpleNamespace(url=url) if url is not None else None


@pytest.fixture
def macros():
    module = hook("macros")
    module.on_startup(command="build", dirty=False)
    return module


def test_macros_render_in_the_language_static_i18n_builds(site_copy, macros):
    markdown = "{{ term('gewerbeanmeldung', 'Gewerbeanmeldung') }} – {{ fact('fee') }}"
    result = macros.on_page_markdown(markdown, page("tr/guide/x.md", "tr/guide/x/"),
                                     config(site_copy, "tr"), Files("guide/glossary.md"))
    assert 'lang="de"' in result and "Gewerbeanmeldung" in result
    assert "Ticaret dairesine kayıt." in result            # the Turkish meaning, not the German
    assert "Anmeldung beim Gewerbeamt." not in result
    assert "25.000" in result and "{{" not in result


def test_a_macro_linking_to_a_missing_page_names_the_page(site_copy, macros):
    with pytest.raises(PluginError) as caught:
        macros.on_page_markdown("{{ term('gewerbeanmeldung', 'Gewerbeanmeldung') }}",
                                page("ru/guide/x.md", "ru/guide/x/"), config(site_copy, "ru"), Files())
    assert "docs/ru/guide/x.md" in str(caught.value) and "docs/ru/guide/glossary.md" in str(caught.value)


def test_a_broken_page_is_a_plugin_error_with_its_line(site_copy, macros):
    with pytest.raises(PluginError) as caught:
        macros.on_page_markdown("Text\n\n{{ fact('no-such-fact') }}", page("de/guide/x.md", "guide/x/"),
                                config(site_copy, "de"), Files())
    message = str(caught.value)
    assert "docs/de/guide/x.md:3" in message and "no-such-fact" in message


def test_broken_data_stops_a_build_but_not_the_preview(site_copy, macros, capsys):
    path = site_copy / "data" / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: counselling", "kind: beratung", 1), encoding="utf-8")
    with pytest.raises(PluginError) as caught:
        macros.on_config(config(site_copy))
    assert 'data/institutions.yaml:' in str(caught.value) and 'unknown kind "beratung"' in str(caught.value)

    macros.on_startup(command="serve", dirty=False)
    assert macros.on_config(config(site_copy)) is not None           # the preview stays up …
    assert 'unknown kind "beratung"' in capsys.readouterr().err
    shown = macros.on_page_markdown("# Titel", page("de/index.md", ""), config(site_copy), Files())
    assert "Check the data" in shown and "beratung" in shown        # … and shows the problem on the page


def test_a_published_build_without_operator_stops(site_copy, macros, monkeypatch):
    monkeypatch.setenv("WEGWEISER_SITE_URL", "https://wegweiser.example.org/")
    with pytest.raises(PluginError, match="operator"):
        macros.on_config(config(site_copy))
    monkeypatch.delenv("WEGWEISER_SITE_URL")
    assert macros.on_config(config(site_copy)) is not None


def test_card_lists_skip_markdown_and_come_back_whole(site_copy, macros):
    files = Files("directory/index.md", "directory/history.md", "index.md")
    held = macros.on_page_markdown("{{ directory(group='place') }}", page("de/directory/index.md", "directory/"),
                                   config(site_copy), files)
    assert "ww-held" in held and "Beratung Bremen" not in held    # Markdown never sees the cards
    output = macros.on_post_page(f"<main>{held}</main>", page("de/directory/index.md", "directory/"), config(site_copy))
    assert "ww-held" not in output and "Beratung Bremen" in output


def test_permalink_titles_are_in_the_pages_language(site_copy):
    words = hook("interface_words")
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
    result = words.on_page_content(html, page("tr/x.md", "tr/x/"), config(site_copy, "tr"), Files())
    assert 'title="Permanent link"' not in result
    labels = load_cached(load_site_config(site_copy / "mkdocs.yml")).labels
    assert f'title="{labels["permalink"].get("tr")}"' in result


def test_language_links_become_relative(site_copy):
    links = hook("alternate_links")
    extra = SimpleNamespace(alternate=[{"link": "/", "lang": "de"}, {"link": "/tr/", "lang": "tr"},
                                       {"link": "//cdn.example.org/", "lang": "x"}])
    links.on_page_context({}, page("de/index.md", ""), config(site_copy, extra=extra), nav=None)
    assert [item["link"] for item in extra.alternate] == ["./", "tr/", "//cdn.example.org/"]


def test_each_language_keeps_its_404_page_and_the_root_one_is_german(site_copy):
    not_found = hook("not_found")
    site = site_copy / "site"
    site.mkdir()
    for language in ("de", "tr", "ru"):   # static-i18n builds the languages one after another
        (site / "404.html").write_text(f"<p>{language}</p>", encoding="utf-8")
        not_found.on_post_build(config(site_copy, language))
    assert (site / "404.html").read_text(encoding="utf-8") == "<p>de</p>"
    assert (site / "tr" / "404.html").read_text(encoding="utf-8") == "<p>tr</p>"
    assert (site / "ru" / "404.html").read_text(encoding="utf-8") == "<p>ru</p>"
    shutil.rmtree(site)
