"""What "no executable content" means for a built page, checked on parsed HTML."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

DANGEROUS_TAGS = ("script", "iframe", "object", "embed", "style", "frame", "base", "form")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster")
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def unsafe_markup(soup: BeautifulSoup, marker: str) -> list[str]:
    """Every way a page could run code or restyle itself from seed content.

    Material's own scripts and styles are part of the theme; anything carrying the
    hostile fixtures' marker, any event handler, any dangerous URL, and any inline
    style is reported wherever it appears.
    """
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            if name.lower() in URL_ATTRIBUTES and text.strip().lower().startswith(
                DANGEROUS_SCHEMES
            ):
                found.append(f"<{element.name} {name}={text[:40]}>")
            if name.lower() == "style" and marker in text:
                found.append(f"<{element.name} style>")
        if _inert_json_ld(element):
            continue  # data, not code: parsed whole, and nothing in it can end the element
        if element.name in DANGEROUS_TAGS and marker in (element.string or "") + str(element.attrs):
            found.append(f"<{element.name}> from a seed")
    for content in (soup.select_one("article"), soup.select_one(".archive-meta")):
        if content is not None:
            found += [f"<{e.name}> in content" for e in content.find_all(DANGEROUS_TAGS)]
            found += [f"style on <{e.name}>" for e in content.find_all(style=True)]
    return found


def _inert_json_ld(element) -> bool:
    """A JSON-LD block that is one JSON document with no "<" in it (so no `</script>`)."""
    if element.name != "script" or element.get("type") != "application/ld+json":
        return False
    text = element.string or ""
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text
