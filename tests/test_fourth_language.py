"""A fourth, right-to-left language is a small change: one configuration entry, a docs folder,
labels; data texts not yet translated fall back to German with a visible note."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import yaml

from conftest import FIXTURE_DATA, ROOT

LANGUAGES = """
        - locale: de
          name: Deutsch
          default: true
          site_name: Wegweiser
        - locale: tr
          name: Türkçe
          site_name: Wegweiser (tr)
        - locale: ru
          name: Русский
          site_name: Wegweiser (ru)
        - locale: ar
          name: العربية
          site_name: دليل تأسيس المشاريع
          extra:
            data_fallback: true
"""

PAGES = {
    "de": "# Beratung\n\nStellen in Ihrer Nähe.\n\n{{ directory() }}\n",
    "tr": "# Danışmanlık\n\nYakınınızdaki kurumlar.\n\n{{ directory() }}\n",
    "ru": "# Консультации\n\nОрганизации рядом с вами.\n\n{{ directory() }}\n",
    "ar": "# الاستشارة\n\nجهات قريبة منك.\n\n{{ directory() }}\n",
}


def make_site(tmp_path):
    config = f"""site_name: Wegweiser
site_url: https://example.org/
theme:
  name: material
  custom_dir: {ROOT / 'overrides'}
  font: false
markdown_extensions: [attr_list, md_in_html, admonition]
hooks:
  - {ROOT / 'hooks' / 'macros.py'}
  - {ROOT / 'hooks' / 'alternate_links.py'}
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:{LANGUAGES}
"""
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    labels_file = tmp_path / "data" / "labels.yaml"
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    labels["labels"]["phone"]["ar"] = "هاتف"
    labels["labels"]["fallback-note"]["ar"] = "هذا النص لم يُترجم بعد، ويظهر هنا بالألمانية."
    labels_file.write_text(yaml.safe_dump(labels, allow_unicode=True), encoding="utf-8")
    for language, text in PAGES.items():
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "index.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_fourth_right_to_left_language(tmp_path):
    site = make_site(tmp_path)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site / "out")],
                            cwd=site, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "out" / "ar" / "index.html").read_text(encoding="utf-8")
    # direction and language
    assert '<html lang="ar"' in html
    assert re.search(r'<body dir="rtl"', html)
    # the switcher offers all four languages and lands on the same page
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" class="md-select__link"', html)[i][::-1]
                 for i in range(4))
    assert set(links) == {"de", "tr", "ru", "ar"}
    assert (site / "out" / "ar" / links["de"] / "index.html").resolve() == (site / "out" / "index.html").resolve()
    # a translated label, and a German fallback for one that is not translated yet
    assert "<dt>هاتف " in html
    assert "<dt>E-Mail</dt>" in html
    # data texts without Arabic fall back to German, marked as German, with a visible note
    assert '<span lang="de">Beratung für Gründerinnen und Gründer.</span>' in html
    assert "هذا النص لم يُترجم بعد" in html
    # the three full languages are not affected
    tr = (site / "out" / "tr" / "index.html").read_text(encoding="utf-8")
    assert "Girişimciler için danışmanlık." in tr and "ww-fallback" not in tr


def test_missing_arabic_data_is_not_an_error_but_missing_turkish_is(tmp_path):
    from wegweiser.config import load_site_config
    from wegweiser.reports import translation_status
    from wegweiser.validate import DataError, load

    site_dir = make_site(tmp_path)
    site = load_site_config(site_dir / "mkdocs.yml")
    data = load(site)
    gaps = translation_status(site, data)
    assert any(gap.language == "ar" and gap.kind == "missing-text" and "beratung-bremen" in gap.where for gap in gaps)
    path = site_dir / "data" / "institutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      tr: Girişimciler için danışmanlık.\n", ""), encoding="utf-8")
    try:
        load(site)
    except DataError as error:
        assert 'missing translation "tr"' in error.problems[0].format("en")
    else:
        raise AssertionError("a missing Turkish text must stop the build")
