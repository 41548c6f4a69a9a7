"""The site's languages, read from the one place that lists them: ``mkdocs.yml``.

The i18n plugin's ``languages`` list there is the only list of languages in the project.
This module reads it as plain YAML (MkDocs' own tags are ignored), so the core, the
validator command and the tests use the same list without importing MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

# Scripts written right to left; a page in one of these languages gets dir="rtl".
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ps", "ur", "ckb", "yi"})


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    name: str
    default: bool
    site_name: str
    # Data translations into this language must exist (else they fall back to the default).
    required: bool = True

    @property
    def direction(self) -> str:
        return "rtl" if self.code in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class SiteConfig:
    """What the core needs to know about the site."""

    root: Path
    languages: tuple[Language, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def default(self) -> Language:
        return next(language for language in self.languages if language.default)

    @property
    def required_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages if language.required)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(f"unknown language {code!r}; the site has {', '.join(self.codes)}")


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml, treating MkDocs' tags (!ENV, !!python/name:…) as plain values."""


def _ignore(loader: yaml.Loader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None


_IgnoreTags.add_multi_constructor("!", _ignore)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def load_site_config(config_file: Path | str) -> SiteConfig:
    """Read the languages from the i18n plugin entry of ``config_file`` (mkdocs.yml); parsed once
    per state of the file (hooks ask for it on every page)."""
    path = Path(config_file).resolve()
    return _load(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load(path: Path, stamp: int) -> SiteConfig:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    i18n = None
    for plugin in raw.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = plugin["i18n"] or {}
    if i18n is None:
        raise ValueError(f"{path}: no i18n plugin with a list of languages")
    languages = tuple(
        Language(
            code=entry["locale"],
            name=entry.get("name", entry["locale"]),
            default=bool(entry.get("default", False)),
            site_name=entry.get("site_name") or raw.get("site_name", ""),
            required=not (entry.get("extra") or {}).get("data_fallback", False),
        )
        for entry in i18n.get("languages", [])
    )
    if sum(language.default for language in languages) != 1:
        raise ValueError(f"{path}: exactly one language must be the default")
    return SiteConfig(root=path.parent.resolve(), languages=languages)
