"""Search tokens: overlapping CJK character bigrams and whole Latin words.

Bigrams need no dictionary, so any phrase is findable (Lucene's CJK bigram filter does
the same). The worker (`overrides/assets/javascripts/workers/archive-search.js`) tokenizes
queries with the same rules; a change here must be made there too.
"""

from __future__ import annotations

import re
import unicodedata

from ..cjk import HAN

# Runs of Han characters and runs of Latin letters or digits.
_RUN = re.compile(f"[{HAN}]+|[0-9a-z]+")


def normalise(text: str) -> str:
    """Full-width forms to ASCII and case folded, as the worker does to queries."""
    return unicodedata.normalize("NFKC", text).lower()


def tokenize(text: str) -> list[str]:
    """The text's tokens in order; each takes one position.

    A Han run of n > 1 characters gives its n - 1 bigrams, a lone Han character itself;
    a Latin run is one token. Punctuation and spaces take no position, so "GPT-5的" and
    "GPT 5 的" tokenize alike.
    """
    found: list[str] = []
    for run in _RUN.findall(normalise(text)):
        if len(run) > 1 and run[0] > "\u2fff":
            found.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            found.append(run)
    return found
