"""One fix to the theme's script: it fetched the whole sitemap on every page view.

Material's bundle (`setupAlternate` in its `integrations/alternate/index.ts`, run on
every page whatever features are on) fetches `sitemap.xml` beside every
`link[rel=alternate]` in the page, to map pages between language versions of a site.
The archive has one language, but its pages carry `rel=alternate` links of another
kind: the feeds (on every page) and an article's Web Annotation slice. So every page
view downloaded the archive's whole sitemap (152 KB at 1,200 articles, growing with the
archive). Language alternates are the links that carry `hreflang`, so the scan is
narrowed to those: the feature keeps working for a multilingual site, and the feed links
stay as feed readers look for them. The build fails if the scan is not found, so an
upgraded theme is looked at again rather than silently left unfixed.
"""

from __future__ import annotations

import re

# Material's sources name the bundle `bundle.<hash>.min.js` under this folder.
BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
ALTERNATE_SCAN = '"link[rel=alternate]"'
LANGUAGE_SCAN = '"link[rel=alternate][hreflang]"'


class ThemeScriptError(ValueError):
    """The theme's script is not the one this fix was written for."""


def narrow_alternate_scan(script: str) -> str:
    """The bundle with its alternate-link scan limited to language alternates."""
    found = script.count(ALTERNATE_SCAN)
    if found != 1:
        raise ThemeScriptError(
            f"expected the theme's script to scan {ALTERNATE_SCAN} once, found it {found} "
            "times: check whether it still fetches sitemap.xml for feed links "
            "(see hooks/clippings/theme_script.py)"
        )
    return script.replace(ALTERNATE_SCAN, LANGUAGE_SCAN)
