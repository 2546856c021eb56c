"""Hexo/Jekyll posts: YAML front matter between `---` lines, then Markdown."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ..records import Capture

NAME = "front-matter"

# libyaml's parser where installed (it is with the pinned PyYAML wheels): same results,
# several times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_SOURCE_KEYS = ("source_url", "source", "original_url", "link", "url")


def detect(text: str) -> bool:
    return _BLOCK.match(text) is not None


def _scalar(value: object, key: str, problems: list[str]) -> str | None:
    """A metadata value that should be one piece of text."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    problems.append(f"front matter '{key}' should be text, found {type(value).__name__}; ignored")
    return None


def _date(value: object, key: str, problems: list[str]) -> str | None:
    """A date or a date written as text; a bare number is not a date a person wrote."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        problems.append(f"front matter '{key}' is a number, not a date; ignored")
        return None
    return _scalar(value, key, problems)


def _string_list(value: object, key: str, problems: list[str]) -> tuple[str, ...]:
    """A list of names; Hexo nests categories as lists of paths, which are flattened."""
    if value is None:
        return ()
    if isinstance(value, str):
        problems.append(f"front matter '{key}' should be a list, found text; split on commas")
        return tuple(part.strip() for part in re.split(r"[,，]", value) if part.strip())
    if not isinstance(value, list):
        problems.append(
            f"front matter '{key}' should be a list, found {type(value).__name__}; ignored"
        )
        return ()
    names: list[str] = []
    for item in value:
        if isinstance(item, list):
            names.extend(_string_list(item, key, problems))
        else:
            name = _scalar(item, key, problems)
            if name and name not in names:
                names.append(name)
    return tuple(names)


def parse(text: str) -> Capture:
    match = _BLOCK.match(text)
    assert match is not None
    body = text[match.end() :]
    problems: list[str] = []
    try:
        meta = yaml.load(match.group(1) or "", Loader=_LOADER)
    except yaml.YAMLError as error:
        problems.append(
            f"front matter is not valid YAML ({error.__class__.__name__}); metadata ignored"
        )
        meta = {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        problems.append("front matter is not a mapping; metadata ignored")
        meta = {}
    source = next((meta[key] for key in _SOURCE_KEYS if meta.get(key)), None)
    author = meta.get("author")
    # Several authors are a list of names (Obsidian Web Clipper writes one).
    authors = _string_list(author, "author", problems) if isinstance(author, list) else ()
    return Capture(
        format=NAME,
        body=body,
        title=_scalar(meta.get("title"), "title", problems),
        author=None if isinstance(author, list) else _scalar(author, "author", problems),
        authors=authors,
        published=_date(meta.get("date"), "date", problems),
        updated=_date(meta.get("updated"), "updated", problems),
        place=_scalar(meta.get("location"), "location", problems),
        source_url=_scalar(source, "source", problems),
        cover_image=_scalar(meta.get("cover"), "cover", problems),
        tags=_string_list(meta.get("tags"), "tags", problems),
        categories=_string_list(meta.get("categories"), "categories", problems),
        summary=_scalar(meta.get("description"), "description", problems),
        problems=tuple(problems),
        metadata=meta,
    )
