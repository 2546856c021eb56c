"""Captured text placed into generated Markdown without turning into markup."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+\-.!|~>])")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as it is: no emphasis, links or raw HTML from it."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
