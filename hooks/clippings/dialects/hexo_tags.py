"""Hexo posts: the `<!-- more -->` excerpt marker and Hexo's tag plugins.

`{% asset_img a.jpg 说明 %}` and `{% img … %}` become images with a caption,
`{% blockquote 作者, 来源 链接 %}…{% endblockquote %}` a quotation with its
attribution, `{% codeblock lang:py %}…{% endcodeblock %}` and `{% code %}` fenced code.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..archive_links import file_image
from ..markdown_escape import markdown_text
from ..records import Capture
from .liquid import TAG, arguments, block, excerpt_and_rest, fenced, outside_fences

NAME = "hexo"
TAGS = frozenset({"asset_img", "img", "blockquote", "codeblock", "code"})
MORE = re.compile(r"[ \t]*<!--\s*more\s*-->[ \t]*\n?")
_BLOCKQUOTE = block("blockquote")
_CODEBLOCK = block("codeblock")
_CODE = block("code")
_IMAGE_TAG = re.compile(r"\{%-?\s*(?P<name>asset_img|img)\b(?P<args>[^%]*?)\s*-?%\}")
_SIZE = re.compile(r"\d+(?:px|%)?")


def detect(capture: Capture) -> bool:
    if MORE.search(capture.body):
        return True
    return any(tag["name"] in TAGS for tag in TAG.finditer(capture.body))


def _image(match: re.Match[str]) -> str:
    words = arguments(match["args"])
    if match["name"] == "asset_img":
        source, caption = (words[0], " ".join(words[1:])) if words else ("", "")
    else:
        # {% img [class names] /path/to/image [width] [height] [title [alt]] %}
        start = next((i for i, w in enumerate(words) if "/" in w or "." in w), len(words))
        source = words[start] if start < len(words) else ""
        rest = [w for w in words[start + 1 :] if not _SIZE.fullmatch(w)]
        caption = rest[0] if rest else ""
    if not source:
        return match[0]
    alt = caption.replace("[", "").replace("]", "")
    if source.startswith(("http://", "https://")):
        image = f"![{alt}]({source})"
    else:
        image = file_image(alt, source.lstrip("/"))
    return f"\n{image}\n\n*{markdown_text(caption)}*\n" if caption else f"\n{image}\n"


def _blockquote(match: re.Match[str]) -> str:
    quoted = [f"> {line}".rstrip() for line in match["content"].strip("\n").split("\n")]
    words = arguments(match["args"])
    link = next((w for w in words if w.startswith(("http://", "https://"))), None)
    names = " ".join(w for w in words if w != link and not w.startswith("http"))
    attribution = markdown_text(names)
    if link:
        attribution = f"{attribution} [{markdown_text(link)}](<{link}>)".strip()
    if attribution:
        quoted += [">", f"> —— {attribution}"]
    return "\n" + "\n".join(quoted) + "\n"


def _codeblock(match: re.Match[str]) -> str:
    language = next(
        (w.removeprefix("lang:") for w in arguments(match["args"]) if w.startswith("lang:")), ""
    )
    return fenced(match["content"], language)


def _convert(text: str) -> str:
    text = _BLOCKQUOTE.sub(_blockquote, text)
    text = _CODEBLOCK.sub(_codeblock, text)
    text = _CODE.sub(_codeblock, text)
    return _IMAGE_TAG.sub(_image, text)


def apply(capture: Capture) -> Capture:
    excerpt, body = excerpt_and_rest(capture.body, MORE)
    return replace(
        capture,
        body=outside_fences(body, _convert),
        summary=capture.summary or excerpt,
    )
