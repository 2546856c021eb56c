"""Cleaning: an ordered list of small, named, pure passes over an article's body.

Each pass takes the body and the article it belongs to and returns the new body; it
never reads files or keeps state, so each can be tested on a few lines of its own.
Order matters, as in Python-Markdown's processors: debris goes first so that later
passes see clean lines, boilerplate is cut before headings are repaired (adverts
come as headings), and lines are joined only once the structure is settled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..records import Article, PassReport
from . import (
    boilerplate,
    bylines,
    emphasis,
    headings,
    images,
    links,
    paragraphs,
    whitespace,
    wrapping,
)
from .line_diff import line_changes
from .rewrites import line_rewrites


@dataclass(frozen=True)
class CleaningPass:
    name: str
    run: Callable[[str, Article], str]


def _named(function: Callable[[str, Article], str]) -> CleaningPass:
    return CleaningPass(function.__name__, function)


PASSES: tuple[CleaningPass, ...] = tuple(
    _named(function)
    for function in (
        whitespace.strip_invisible_characters,
        whitespace.strip_trailing_whitespace,
        whitespace.strip_nbsp_beside_cjk,
        emphasis.merge_split_italics,
        paragraphs.isolate_images,
        paragraphs.recover_hard_break_paragraphs,
        paragraphs.split_run_on_paragraphs,
        emphasis.remove_stray_emphasis,
        emphasis.unwrap_bold_images,
        images.drop_unusable_images,
        emphasis.repair_bold_markers,
        emphasis.drop_empty_list_items,
        boilerplate.strip_leading_prompts,
        bylines.strip_bylines,
        boilerplate.split_glued_end_markers,
        boilerplate.strip_trailing_promotions,
        headings.setext_to_atx,
        headings.unbold_headings,
        headings.repair_false_headings,
        headings.drop_repeated_title,
        headings.demote_headings,
        headings.promote_section_labels,
        headings.drop_empty_sections,
        wrapping.join_wrapped_lines,
        wrapping.separate_listed_lines,
        paragraphs.separate_source_notes,
        paragraphs.mark_image_captions,
        whitespace.tighten_cjk_punctuation,
        links.canonicalise_wechat_links,
        links.drop_cover_duplicate,
        images.describe_images,
        links.link_bare_urls,
        links.escape_raw_html,
        whitespace.collapse_blank_lines,
    )
)


# Passes whose repairs the report shows one by one, before → after: small changes
# inside lines that an archivist may want to check against the capture.
SHOWN_REWRITES = frozenset(
    function.__name__
    for function in (
        emphasis.merge_split_italics,
        emphasis.repair_bold_markers,
        whitespace.tighten_cjk_punctuation,
    )
)


def _report(name: str, before: str, after: str) -> PassReport:
    """Which non-blank lines a pass removed outright, how many it rewrote, and for the
    passes in SHOWN_REWRITES each place it changed."""
    old, new = before.split("\n"), after.split("\n")
    removed: list[str] = []
    rewritten = 0
    for tag, old_start, old_end, new_start, new_end in line_changes(old, new):
        if tag == "delete":
            removed.extend(line for line in old[old_start:old_end] if line.strip())
        elif tag == "replace":
            rewritten += sum(1 for line in new[new_start:new_end] if line.strip())
    rewrites = line_rewrites(old, new) if name in SHOWN_REWRITES else ()
    return PassReport(name, tuple(removed), rewritten, rewrites)


def clean(
    article: Article, passes: tuple[CleaningPass, ...] = PASSES
) -> tuple[Article, tuple[PassReport, ...]]:
    """The article with every pass applied to its body, and what each pass changed."""
    body = article.body
    reports = []
    for cleaning_pass in passes:
        cleaned = cleaning_pass.run(body, article)
        if cleaned != body:
            reports.append(_report(cleaning_pass.name, body, cleaned))
        body = cleaned
    return replace(article, body=body), tuple(reports)
