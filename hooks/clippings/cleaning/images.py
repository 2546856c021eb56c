"""Images: every figure says what it shows, an image inside a sentence says nothing a
screen reader would repeat, and an image that cannot be shown at all is dropped."""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, unquote_to_bytes

from ..records import Article
from .markdown_lines import lines_outside_code, visible_text

_IMAGE_START = re.compile(r"!\[(?P<alt>(?:\\.|[^\]\\\n])*)\]\(")
# A caption under a WeChat image: "图：…", "图源：…", "▲ …", "来源：…", or one
# emphasised line.
_CAPTION = re.compile(
    r"^(?:图(?:片)?(?:源|来源)?\s*[：:｜|丨/\d]|▲|△|↑|来源[：:]|(?:Photo|Source)\b)"
)
_EMPHASISED = re.compile(r"^\s*([*_]{1,2})[^*_].*\1\s*$")
CAPTION_LENGTH = 40
# What is left of a line that holds only images: link and emphasis wrappers.
_WRAPPERS = re.compile(r"^[\s*_\[\]]*(?:\]\([^)]*\)[\s*_\]]*)*$")
_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
_SVG_SIZE = re.compile(r"""\b(width|height)\s*=\s*["']?\s*([\d.]+)""", re.IGNORECASE)
_SVG_DRAWING = re.compile(
    r"<(?:path|rect|circle|ellipse|line|polyline|polygon|text|image|use)\b", re.IGNORECASE
)
# A lazy loader's stand-in is one transparent pixel or so.
PLACEHOLDER_PIXELS = 2


@dataclass(frozen=True)
class MarkdownImage:
    """`![alt](source "title")` in one line: where it sits and what it points at."""

    start: int
    end: int
    alt: str
    source: str


def _closing_paren(line: str, start: int) -> int | None:
    """The index of the `)` that closes the image whose target starts at `start`."""
    depth = 0
    index = start
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
        index += 1
    return None


def markdown_images(line: str) -> Iterator[MarkdownImage]:
    """The images of a Markdown line, in order. A data: URI may hold spaces and
    parentheses (an SVG's `translate(…)`), so the target runs to the balancing `)`."""
    position = 0
    while match := _IMAGE_START.search(line, position):
        end = _closing_paren(line, match.end())
        if end is None:
            return
        target = line[match.end() : end].strip()
        if target.startswith("<") and ">" in target:
            source = target[1:].partition(">")[0]
        elif target.lower().startswith("data:"):
            source = target
        else:
            source = target.partition(" ")[0]
        yield MarkdownImage(match.start(), end + 1, match["alt"], source.strip())
        position = end + 1


def _data_payload(uri: str) -> tuple[str, bytes] | None:
    head, comma, payload = uri.partition(",")
    if not comma:
        return None
    media_type = head.removeprefix("data:").split(";")[0].strip().lower()
    try:
        if head.lower().endswith(";base64"):
            return media_type, base64.b64decode(unquote(payload), validate=False)
        return media_type, unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None


def _placeholder_svg(svg: str) -> bool:
    """A lazy loader's SVG: one pixel wide and high, or nothing drawn in it."""
    tag = _SVG_TAG.search(svg)
    if tag is None or not _SVG_DRAWING.search(svg):
        return True
    sizes = {name.lower(): float(value) for name, value in _SVG_SIZE.findall(tag[0])}
    return {"width", "height"} <= sizes.keys() and max(sizes.values()) <= PLACEHOLDER_PIXELS


def _placeholder_raster(data: bytes) -> bool:
    """A raster data: image of a pixel or two (a transparent GIF), or no image at all."""
    # Here, not at the top: only a capture with a data: image needs Pillow.
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return True
    return max(width, height) <= PLACEHOLDER_PIXELS


def unusable_source(source: str) -> bool:
    """An image address that shows nothing: empty, blank, or a lazy loader's stand-in."""
    lowered = source.strip().lower()
    if lowered in ("", "#", "about:blank"):
        return True
    if not lowered.startswith("data:"):
        return False
    payload = _data_payload(source.strip())
    if payload is None:
        return True
    media_type, data = payload
    if media_type == "image/svg+xml":
        return _placeholder_svg(data.decode("utf-8", errors="replace"))
    if media_type.startswith("image/"):
        return _placeholder_raster(data)
    return True


def _without(line: str, images: list[MarkdownImage]) -> str:
    """The line with the given images cut out."""
    for image in reversed(images):
        line = line[: image.start] + line[image.end :]
    return line


def drop_unusable_images(body: str, article: Article) -> str:
    """Images with no usable source (a lazy loader's placeholder, an empty address) are
    removed; a line left with nothing but their wrappers goes too, so the cleaning
    report lists it."""
    lines = body.split("\n")
    dropped: set[int] = set()
    for index in lines_outside_code(lines):
        line = lines[index]
        unusable = [image for image in markdown_images(line) if unusable_source(image.source)]
        if not unusable:
            continue
        line = _without(line, unusable)
        if _WRAPPERS.match(line):
            dropped.add(index)
        lines[index] = line.rstrip() if line.strip() else ""
    return "\n".join(line for index, line in enumerate(lines) if index not in dropped)


def _alt_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _caption(line: str) -> str | None:
    text = visible_text(line)
    if not text or len(text) > CAPTION_LENGTH or "![" in line:
        return None
    return text if _CAPTION.match(text) or _EMPHASISED.match(line) else None


def _undescribed(alt: str, article: Article) -> bool:
    """No alt text, or the article's title put there by the capture tool."""
    text = alt.replace("\\", "").strip()
    return not text or text == article.title.strip()


def _in_a_sentence(line: str, images: list[MarkdownImage]) -> list[bool]:
    """For each image of a line: words on both sides of it (a formula, an emoji). An
    image with words on one side only is a figure the exporter glued to a line."""
    edges = [0, *(edge for image in images for edge in (image.start, image.end)), len(line)]
    between = [line[edges[i] : edges[i + 1]] for i in range(0, len(edges), 2)]
    return [
        not _WRAPPERS.match("".join(between[: place + 1]))
        and not _WRAPPERS.match("".join(between[place + 1 :]))
        for place in range(len(images))
    ]


def describe_images(body: str, article: Article) -> str:
    """A figure without alt text gets its caption, a short captioning line right under
    it, or else its number: `图 3`. An image inside a sentence (a formula, an emoji)
    gets an empty alt, so a screen reader does not break the sentence. No image is given
    the article's title: a reader would hear it once per image."""
    lines = body.split("\n")
    figures = 0
    for index in lines_outside_code(lines):
        line = lines[index]
        images = list(markdown_images(line))
        if not images:
            continue
        lone = bool(_WRAPPERS.match(_without(line, images)))
        following = next((other for other in lines[index + 1 :] if other.strip()), "")
        caption = _caption(following) if lone and len(images) == 1 else None
        inline = _in_a_sentence(line, images)
        numbered = [image for image, inside in zip(images, inline, strict=True) if not inside]
        numbers = {image: figures + place for place, image in enumerate(numbered, start=1)}
        for image in reversed(images):
            if not _undescribed(image.alt, article):
                continue
            alt = _alt_text(caption or f"图 {numbers[image]}") if image in numbers else ""
            line = f"{line[: image.start]}![{alt}]{line[image.start + len(image.alt) + 3 :]}"
        figures += len(numbered)
        lines[index] = line
    return "\n".join(lines)
