"""Inline HTML that WeChat exporters and feed readers leave inside Markdown.

Presentational elements (`<span style>`, `<section>`, `<font>`, `<br>`, `<p>`, bold
and italic, `&nbsp;`) are converted or unwrapped and their text kept. A tag name no
one presents with (`<think>` in an article about reasoning tokens, `<script>`) is
left as it was, so the cleaning pass `escape_raw_html` shows it as text. The markup
is read with the standard library's HTML tokenizer, never with patterns.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from ..records import Capture
from .liquid import outside_fences

NAME = "exporter-html"
UNWRAPPED = frozenset(
    {"span", "section", "div", "font", "center", "u", "small", "big", "mark", "article", "o:p"}
)
EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*", "s": "~~", "del": "~~",
            "strike": "~~"}  # fmt: skip
BREAKS = {"br": "  \n", "p": "\n\n", "hr": "\n\n---\n\n"}
_CODE_SPAN = re.compile(r"(`+).+?\1")
# What only an exporter writes: a person typing `<b>` into a note is not one.
SIGNATURE = frozenset({"span", "section", "font", "br", "div"})
PRESENTATIONAL = UNWRAPPED | set(EMPHASIS) | set(BREAKS)
# Where lazy-loading pages keep an image's real address while `src` holds a stand-in.
LAZY_SOURCES = ("data-src", "data-original", "data-lazy-src")


class _SignatureScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def handle_starttag(self, tag, attrs):
        named = dict(attrs)
        styled = tag in PRESENTATIONAL and "style" in named
        lazy = tag == "img" and any(name in named for name in LAZY_SOURCES)
        self.found = self.found or tag in SIGNATURE or styled or lazy

    handle_startendtag = handle_starttag


def detect(capture: Capture) -> bool:
    body = capture.body
    if "&nbsp;" in body:
        return True
    if "<" not in body:
        return False
    scan = _SignatureScan()
    scan.feed(body)
    scan.close()
    return scan.found


class _Unwrapper(HTMLParser):
    """Text and Markdown for known elements; unknown markup passed through as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.unknown: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.out.append(_markdown_image(dict(attrs)))
            return
        self._tag(tag, self.get_starttag_text() or "", closing=False)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self._tag(tag, f"</{tag}>", closing=True)

    def _tag(self, tag: str, written: str, closing: bool) -> None:
        if tag in EMPHASIS:
            self.out.append(EMPHASIS[tag])
        elif tag in BREAKS:
            self.out.append("\n\n" if tag == "p" else "" if closing else BREAKS[tag])
        elif tag not in UNWRAPPED:
            if not tag.endswith(":"):  # `<https://…>` is a Markdown autolink, not a tag
                self.unknown.append(tag)
            self.out.append(written)

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append("\u00a0" if name == "nbsp" else f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        pass  # hidden in the page the exporter read, hidden here

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")


def _markdown_image(attrs: dict[str, str | None]) -> str:
    """An `<img>` as Markdown, from its lazy-load address when `src` is a stand-in (a
    stand-in left in `src` is dropped by the cleaning pass `drop_unusable_images`)."""
    lazy = next((attrs[name] or "" for name in LAZY_SOURCES if attrs.get(name)), "")
    source = lazy if lazy.startswith(("http://", "https://")) else attrs.get("src") or ""
    alt = " ".join((attrs.get("alt") or "").split())
    alt = alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    source = source.strip()
    if re.search(r"[\s()]", source) and not source.startswith("data:"):
        source = f"<{source}>"
    return f"![{alt}]({source})"


def unwrap(text: str) -> tuple[str, list[str]]:
    """text with known presentational markup converted; the unknown tag names left."""
    spans: list[str] = []

    def keep(match: re.Match[str]) -> str:
        spans.append(match[0])
        return f"\x00{len(spans) - 1}\x00"

    parser = _Unwrapper()
    parser.feed(_CODE_SPAN.sub(keep, text))
    parser.close()
    result = "".join(parser.out)
    for number, span in enumerate(spans):
        result = result.replace(f"\x00{number}\x00", span)
    return result, parser.unknown


def apply(capture: Capture) -> Capture:
    unknown: list[str] = []

    def convert(text: str) -> str:
        converted, names = unwrap(text)
        unknown.extend(names)
        return converted

    body = outside_fences(capture.body, convert)
    body = re.sub(r"\n{3,}", "\n\n", body)
    problems = [
        f"HTML tag <{name}> is not one exporters use for presentation; shown as text"
        for name in dict.fromkeys(unknown)
    ]
    return replace(capture, body=body, problems=capture.problems + tuple(problems))
