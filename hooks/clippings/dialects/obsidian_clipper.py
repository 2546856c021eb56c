"""Obsidian Web Clipper: its default template's properties, callouts and wikilinks.

The default template writes `title`, `source`, `author` as a list of `"[[Name]]"`
wikilinks, `published`, `created` (the clipping date), `description` and
`tags: [clippings]`. Bodies may hold callouts (`> [!note] 标题`), `[[target|label]]`
links and `![[file]]` embeds, which Material shows as admonitions, links and images.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..archive_links import file_image, seed_link
from ..cleaning.markdown_lines import lines_outside_code
from ..records import Capture

NAME = "obsidian-web-clipper"
CLIPPER_TAG = "clippings"

_CALLOUT = re.compile(r"^>\s*\[!(?P<kind>[A-Za-z-]+)\](?P<fold>[+-]?)[ \t]*(?P<title>.*)$")
# Obsidian's callout types and their aliases, as Material's admonition types.
CALLOUT_TYPES = {
    "note": "note", "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
    "info": "info", "todo": "info", "tip": "tip", "hint": "tip", "important": "tip",
    "success": "success", "check": "success", "done": "success", "question": "question",
    "help": "question", "faq": "question", "warning": "warning", "caution": "warning",
    "attention": "warning", "failure": "failure", "fail": "failure", "missing": "failure",
    "danger": "danger", "error": "danger", "bug": "bug", "example": "example",
    "quote": "quote", "cite": "quote",
}  # fmt: skip
_EMBED = re.compile(r"!\[\[(?P<target>[^\]|#]+)(?:#[^\]|]*)?(?:\|(?P<label>[^\]]*))?\]\]")
_WIKILINK = re.compile(r"\[\[(?P<target>[^\]|#]+)(?:#[^\]|]*)?(?:\|(?P<label>[^\]]*))?\]\]")
_CODE_SPAN = re.compile(r"(`+).+?\1")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp")


def _wikilink_name(value: str) -> str:
    """`[[Name]]` and `[[Name|Shown]]` as the name a reader sees."""
    match = _WIKILINK.fullmatch(value.strip())
    if not match:
        return value.strip()
    return (match["label"] or match["target"]).strip()


def _is_clipper_note(capture: Capture) -> bool:
    meta = capture.metadata
    tags = meta.get("tags")
    tags = tags if isinstance(tags, list) else []
    wikilink_authors = any("[[" in name for name in capture.authors)
    return "source" in meta and "created" in meta and (CLIPPER_TAG in tags or wikilink_authors)


def detect(capture: Capture) -> bool:
    if _is_clipper_note(capture):
        return True
    lines = capture.body.split("\n")
    return any(_CALLOUT.match(lines[index]) for index in lines_outside_code(lines))


def _date_text(value: object) -> str | None:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value).strip() or None if isinstance(value, str) else None


def _admonition(kind: str, fold: str, title: str, content: list[str]) -> list[str]:
    marker = {"": "!!!", "-": "???", "+": "???+"}[fold]
    heading = f'{marker} {kind} "{title.replace(chr(34), "“")}"' if title else f"{marker} {kind}"
    return [heading, "", *(f"    {line}" if line.strip() else "" for line in content), ""]


def _callouts(body: str, problems: list[str]) -> str:
    """`> [!type]± title` blockquotes as Material admonitions (`-`: folded, `+`: open)."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    result: list[str] = []
    index = 0
    while index < len(lines):
        callout = _CALLOUT.match(lines[index]) if index in outside else None
        if callout is None:
            result.append(lines[index])
            index += 1
            continue
        content = []
        index += 1
        while index < len(lines) and lines[index].startswith(">"):
            content.append(lines[index][1:].removeprefix(" "))
            index += 1
        kind = CALLOUT_TYPES.get(callout["kind"].lower())
        if kind is None:
            problems.append(f"callout type [!{callout['kind']}] is unknown; shown as a quotation")
            title = callout["title"].strip() or callout["kind"]
            result.extend([f"> **{title}**", ">", *(f"> {line}" for line in content), ""])
            continue
        if result and result[-1].strip():
            result.append("")
        result.extend(_admonition(kind, callout["fold"], callout["title"].strip(), content))
    return "\n".join(result)


def _links(text: str) -> str:
    def embed(match: re.Match[str]) -> str:
        target = match["target"].strip()
        if target.lower().endswith(IMAGE_SUFFIXES):
            alt = (match["label"] or "").strip()
            alt = "" if alt.isdigit() else alt  # `![[a.png|300]]` gives a width, not a text
            return file_image(alt, target)
        return seed_link(target, target)

    def link(match: re.Match[str]) -> str:
        label = (match["label"] or match["target"]).strip()
        return seed_link(label, match["target"].strip())

    return _WIKILINK.sub(link, _EMBED.sub(embed, text))


def _wikilinks(body: str) -> str:
    """`![[file]]` as an image of the archive, `[[target|label]]` as a link to a seed."""
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        line = lines[index]
        if "[[" not in line:
            continue
        pieces, position = [], 0
        for span in _CODE_SPAN.finditer(line):
            pieces += [_links(line[position : span.start()]), span[0]]
            position = span.end()
        lines[index] = "".join([*pieces, _links(line[position:])])
    return "\n".join(lines)


def apply(capture: Capture) -> Capture:
    problems = list(capture.problems)
    body = _wikilinks(_callouts(capture.body, problems))
    if not _is_clipper_note(capture):
        return replace(capture, body=body, problems=tuple(problems))
    meta = capture.metadata
    authors = tuple(dict.fromkeys(_wikilink_name(name) for name in capture.authors))
    if not authors and capture.author:
        authors = (_wikilink_name(capture.author),)
    return replace(
        capture,
        format=NAME,
        body=body,
        authors=authors,
        author=None,
        published=capture.published or _date_text(meta.get("published")),
        clipped=_date_text(meta.get("created")),
        tags=tuple(tag for tag in capture.tags if tag != CLIPPER_TAG),
        problems=tuple(problems),
    )
