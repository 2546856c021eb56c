"""A one-character fix to Material's search worker, applied to the built site.

Material segments a Chinese query greedily into tokens found in the index, but its
loop tests substrings `query[i:j]` only for `j < len(query)`: the query itself is never
tried as a token. So a query that is exactly an indexed word (超级计算机, 深度研究员)
is cut into pieces and ranks articles that use the pieces often above the one that
holds the word. Letting `j` reach `len(query)` fixes it.
"""

from __future__ import annotations

# The segmenter's inner loop as Material 9.8 minifies it, and the same loop fixed.
SEGMENT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
FIXED_LOOP = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


def fix_search_worker(script: str) -> str | None:
    """The worker with the fix, or None when the loop is not found exactly once
    (another Material version): the caller must say so rather than ship it unfixed."""
    if script.count(SEGMENT_LOOP) != 1:
        return None
    return script.replace(SEGMENT_LOOP, FIXED_LOOP)
