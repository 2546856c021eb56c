"""Dialects: what a clipping tool or blog engine writes on top of a capture format.

Format detection says how a seed is laid out (front matter, WeChat header, ...); a
dialect says which producer wrote it and what its fields and markup mean: Obsidian
Web Clipper's wikilinks and callouts, MarkDownload's title line and excerpt block,
Hexo's and Jekyll's tags, the inline HTML of WeChat exporters. Each module has
`detect(capture) -> bool` and `apply(capture) -> Capture`; DIALECTS run in order,
each on what the ones before it left, between parsing and cleaning.

Links to other seeds and to files of the seeds folder cannot be settled while one
seed is read alone; dialects write them with the `archive:` scheme (see
`archive_links`), and the pipeline settles them once every seed is known.
"""

from __future__ import annotations

from ..records import Capture
from . import exporter_html, hexo_tags, jekyll_liquid, markdownload, obsidian_clipper

DIALECTS = (obsidian_clipper, markdownload, hexo_tags, jekyll_liquid, exporter_html)


def apply_dialects(capture: Capture) -> Capture:
    """The capture as each dialect that recognises it reads it."""
    for dialect in DIALECTS:
        if dialect.detect(capture):
            capture = dialect.apply(capture)
    return capture
