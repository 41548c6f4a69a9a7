"""What the service worker keeps, and the text of the worker and the web manifest."""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from pathlib import Path

from . import layout
from .search import relocate_script
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
    files += layout.search_stemmers(language)
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


# ---- The copy for use from disk (file://), derived from the built site ----
#
# A browser opening files from disk shows a folder listing for a link to a folder, so the copy
# links to files: each page ``guide/money/index.html`` becomes ``guide/money.html`` (what MkDocs
# makes with use_directory_urls: false and Material's offline plugin), and every relative link,
# script and style reference in every page is recomputed for the page's new place. Nothing is
# built a second time: the pages are rewritten as they are zipped. What a page prints as its
# address on the internet (print head, sheets) stays the public address.

_ATTRIBUTE = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')
# Relative URLs inside Material's inline scripts and our search override (overrides/main.html)
_SCRIPT_URLS = re.compile(r'(__md_scope=new URL\(")([^"]*)(")|("(?:base|search)": ")([^"]*)(")|(config\.search = ")([^"]*)(")')
_SCRIPT_BLOCK = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
_REST = re.compile(r"[?#]|&#(?:35|63|x23|x3[fF]);")   # where a URL's query or fragment starts, as written
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_DOWNLOAD_BOX = re.compile(r'<p class="ww-download"[^>]*>.*?</p>\n?', re.S)
# Any other offer of the download (the start page's tile): a link to the zip, with what it holds
_DOWNLOAD_LINK = re.compile(r'<a [^>]*href="[^"]*' + re.escape(layout.DOWNLOAD_ZIP) + r'"[^>]*>.*?</a>', re.S)
# The site's Content-Security-Policy (overrides/main.html): under file:// 'self' covers no file
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
_SITEMAP_URL = re.compile(r"(<loc>|href=\")([^<\"]*)(</loc>|\")")


def file_copy_page(dest: str, is_index: bool) -> str:
    """Where a page built at ``dest`` (``guide/money/index.html``) lies in the copy for disk."""
    if is_index or not dest.endswith("/index.html"):
        return dest
    return dest[: -len("/index.html")] + ".html"


class _Relinker:
    """Maps the built site's URLs (folders) to the disk copy's (files)."""

    def __init__(self, pages: dict[str, str]):
        self.files = dict(pages)                       # old file → new file
        self.folders = {}                              # old folder URL ("guide/money/", "") → new file
        for old, new in pages.items():
            if old == "index.html" or old.endswith("/index.html"):
                self.folders[old[: -len("index.html")]] = new

    def target(self, resolved: str, folder: bool) -> tuple[str, bool]:
        """(new path from the site root, whether it is still a folder)."""
        if folder:
            key = "" if resolved in ("", ".") else resolved.rstrip("/") + "/"
            if key in self.folders:
                return self.folders[key], False
            return key, True
        return self.files.get(resolved, resolved), False

    def url(self, value: str, old_dir: str, new_dir: str, pages: bool = True) -> str:
        """One URL as written in the page (HTML-escaped) at ``old_dir``, for the page at ``new_dir``.
        ``pages``: a link to a page's folder becomes a link to its file (not for Material's
        ``base``, which stays a folder)."""
        if not value or value.startswith(("#", "?", "//")) or _SCHEME.match(value):
            return value   # this page itself, another host, or no link
        cut = _REST.search(value)
        raw_path, rest = (value[: cut.start()], value[cut.start():]) if cut else (value, "")
        path = html.unescape(raw_path)
        absolute = path.startswith("/")
        folder = path == "" or path.endswith("/") or posixpath.basename(path) in (".", "..")
        if absolute:
            resolved = posixpath.normpath(path).lstrip("/")
        elif path == "":
            resolved = old_dir
        else:
            resolved = posixpath.normpath(posixpath.join(old_dir, path))
        resolved = "" if resolved == "." else resolved
        if pages:
            new, still_folder = self.target(resolved, folder)
        else:
            new, still_folder = resolved, folder
        if absolute:
            result = "/" + new
        else:
            result = posixpath.relpath(new or ".", new_dir or ".")
            if still_folder and pages and result not in (".", "..") and not result.endswith("/"):
                result += "/"
        if result == path:
            return value
        return html.escape(result, quote=True) + rest   # query and fragment exactly as written

    def page(self, text: str, old: str, new: str) -> str:
        """Every relative URL of one HTML page built at ``old``, as seen from ``new``."""
        old_dir, new_dir = posixpath.dirname(old), posixpath.dirname(new)
        # the download's box and links are on a few pages only; looking for them costs a scan of
        # every anchor, so only pages that name the download are searched
        if layout.DOWNLOAD_ZIP in text:
            text = _DOWNLOAD_LINK.sub("", _DOWNLOAD_BOX.sub("", text))
        text = _CSP.sub("", text)
        text = _ATTRIBUTE.sub(lambda m: m.group(1) + self.url(m.group(2), old_dir, new_dir) + m.group(3), text)

        def script(match: re.Match) -> str:
            groups = [group for group in match.groups() if group is not None]
            return groups[0] + self.url(groups[1], old_dir, new_dir, pages=False) + groups[2]

        # the addresses in Material's inline scripts; looked for only inside <script> elements
        # (the pattern begins at every quotation mark, and a page has tens of thousands)
        return _SCRIPT_BLOCK.sub(lambda block: _SCRIPT_URLS.sub(script, block.group(0)), text)

    def location(self, location: str) -> str:
        """A search entry's location (from the site root): ``guide/money/#x`` → ``guide/money.html#x``."""
        path, hashed, fragment = location.partition("#")
        folder = path == "" or path.endswith("/")
        path = posixpath.normpath(path) if path else ""
        new, _ = self.target("" if path == "." else path, folder)
        return new + ("#" + fragment if hashed else "")


def file_copy(site_dir: Path, pages: dict[str, str], skip: set[str]):
    """(path, bytes) of every file of the copy for disk, derived from the built ``site_dir``.

    ``pages`` maps each page's file in the site (``ru/guide/money/index.html``) to its file in the
    copy (``ru/guide/money.html``, see ``file_copy_page``); ``skip``: site paths left out (the zip
    itself, the service worker). Search works from disk through ``search/search_index.js``, as
    Material's offline plugin writes it."""
    relink = _Relinker(pages)
    search_stub = "search/search_index.json"
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        if relative in skip:
            continue
        if relative.endswith(".html"):
            new = pages.get(relative, relative)
            text = path.read_text(encoding="utf-8")
            yield new, relink.page(text, relative, new).encode("utf-8")
        elif relative.startswith("search/index.") and relative.endswith(".js"):
            text = path.read_text(encoding="utf-8")
            yield relative, relocate_script(text, relink.location).encode("utf-8")
        elif relative == "sitemap.xml":
            text = path.read_text(encoding="utf-8")
            text = _SITEMAP_URL.sub(lambda m: m.group(1) + (m.group(2) if _SCHEME.match(m.group(2)) else relink.location(m.group(2)))
                                    + m.group(3), text)
            yield relative, text.encode("utf-8")
        elif relative == "sitemap.xml.gz":
            continue  # written from the rewritten sitemap.xml below
        else:
            yield relative, path.read_bytes()
            if relative == search_stub:
                yield "search/search_index.js", b"var __index = " + path.read_bytes()
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file() and "sitemap.xml" not in skip:
        import gzip

        text = sitemap.read_text(encoding="utf-8")
        text = _SITEMAP_URL.sub(lambda m: m.group(1) + (m.group(2) if _SCHEME.match(m.group(2)) else relink.location(m.group(2)))
                                + m.group(3), text)
        yield "sitemap.xml.gz", gzip.compress(text.encode("utf-8"), mtime=0)


def zip_file_copy(site_dir: Path, pages: dict[str, str], target: Path, top: str, skip: set[str],
                  level: int = 6) -> int:
    """Write the copy for disk as a zip with every file under ``top/``; returns the file count."""
    import zipfile

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    count = 0
    inside = {path.resolve().relative_to(site_dir.resolve()).as_posix() for path in (target, partial)
              if path.resolve().is_relative_to(site_dir.resolve())}
    entries = file_copy(site_dir, pages, skip | inside)
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for relative, content in entries:
            info = zipfile.ZipInfo(f"{top}/{relative}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
            count += 1
    partial.replace(target)
    return count
