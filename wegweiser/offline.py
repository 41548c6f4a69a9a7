"""What the service worker keeps, and the text of the worker and the web manifest."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import layout
from .config import Language, SiteConfig
from .render import env as _env

# Files every language needs, as globs from the site root.
CORE_GLOBS = (
    "assets/javascripts/bundle.*.min.js",
    "assets/stylesheets/*.css",
    "assets/javascripts/wegweiser/*.js",
    "assets/images/icon*",
    "search/search_index.json",
)


def core_files(site_dir: Path) -> list[str]:
    """Site-relative paths of the files every page needs."""
    found: set[str] = set()
    for pattern in CORE_GLOBS:
        found.update(path.relative_to(site_dir).as_posix() for path in site_dir.glob(pattern))
    return sorted(found)


def language_files(language: str, pages: list[str]) -> list[str]:
    """Pages, search index, stemmer and manifest of one language."""
    files = list(pages)
    files.append(layout.search_index(language))
    files.append(f"{layout.SEARCH_WORKER}?lang={language}")
    files.append(layout.manifest(language))
    files.append(layout.STEMMER_SUPPORT)
    files.append(layout.stemmer("de"))
    if language != "de":
        files.append(layout.stemmer(language))
    return files


def service_worker(site_dir: Path, pages: dict[str, list[str]], site: SiteConfig | None = None) -> str:
    """sw.js: versioned by the content of everything it caches, so a changed site updates."""
    core = core_files(site_dir)
    per_language = {code: language_files(code, urls) for code, urls in pages.items()}
    digest = hashlib.sha256()
    for relative in sorted(set(core) | {url for urls in per_language.values() for url in urls}):
        path = site_dir / relative.split("?")[0]
        if path.is_dir() or relative.endswith("/") or relative == "":
            path = path / "index.html"
        digest.update(relative.encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return _env.plain().get_template("sw.js").render(
        version=digest.hexdigest()[:16],
        core=["./"] + core,
        pages={code: ["./" + url for url in urls] for code, urls in per_language.items()},
        offline={code: "./" + _page_url(code, site, layout.OFFLINE) for code in per_language},
        default_language=site.default.code if site else next(iter(per_language), "de"),
    )


def _page_url(code: str, site: SiteConfig | None, page: str) -> str:
    """The address of a page of one language: offline.md → tr/offline/."""
    prefix = "" if site is None or code == site.default.code else code + "/"
    return prefix + page[: -len(".md")] + "/"


def manifest(site: SiteConfig, language: Language) -> str:
    """The web manifest of one language: its name, start page and direction."""
    start = "./" if language.default else f"./{language.code}/"
    return _env.plain().get_template("manifest.webmanifest").render(
        name=language.site_name, lang=language.code, dir=language.direction, start_url=start,
    )


def zip_folder(folder: Path, target: Path, top: str) -> None:
    """Zip ``folder`` into ``target`` with every file under ``top/``, in a stable order."""
    import zipfile

    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
