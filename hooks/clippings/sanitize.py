"""The allowlist every rendered article body passes before it reaches a page.

Captures are escaped as text by the cleaning passes, but Markdown itself can still
produce markup (attribute lists, links with any scheme): nh3 keeps only the tags,
attributes and URL schemes that an article needs and Material's styles rely on.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS - {"map", "area"})
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "target"},
    # data-original-src: where an archived image came from (its provenance).
    "img": {"src", "alt", "width", "height", "loading", "referrerpolicy", "data-original-src"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize_html(html: str) -> str:
    """Only allowlisted markup survives; every link gets rel="noopener noreferrer"."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )
