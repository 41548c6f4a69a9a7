"""Hook: write a vCard file per institution, so a phone can save the contact in one tap.

The cards link to ``vcards/<id>.vcf`` at the site root; the files are the same for every
language, so they are written once, during the default language's build."""

from __future__ import annotations

from pathlib import Path

from wegweiser import DataError, layout, load_cached, load_site_config
from wegweiser.render import Renderer

# ---- Hooks ----


def on_post_build(config, **kwargs):
    """Write site/vcards/<id>.vcf for every institution (default language only)."""
    site = load_site_config(Path(config.config_file_path))
    if config.plugins["i18n"].current_language != site.default.code:
        return
    try:
        renderer = Renderer(load_cached(site), site.default.code)
    except DataError:
        return  # reported by hooks/macros.py (which stops a build, or shows it under serve)
    site_dir = Path(config.site_dir)
    for ident in renderer.data.institutions:
        target = site_dir / layout.vcard(ident)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(renderer.vcard(ident).encode("utf-8"))
