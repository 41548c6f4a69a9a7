"""Hook: language-switcher links relative to the page, on every page.

Static-i18n gives the start pages absolute links ("/", "/tr/"), which break when the site
is opened from disk (file://) or served from a sub-path (a project's GitHub Pages). Made
site-relative here, Material's ``url`` filter turns them into page-relative links."""

from __future__ import annotations

from mkdocs.plugins import event_priority

# ---- Hooks ----


@event_priority(-50)
def on_page_context(context, page, config, nav, **kwargs):
    """Runs after static-i18n (priority 50) has set this page's alternates."""
    # static-i18n sets the attribute (config.extra.alternate), which is what templates read
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "./"
    return context
