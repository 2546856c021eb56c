"""Turn a seed's bytes into text, whatever machine wrote it."""

from __future__ import annotations

import codecs
from html.parser import HTMLParser

from charset_normalizer import from_bytes

from .records import DecodedText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_seed(data: bytes) -> DecodedText:
    """Decode with a byte-order mark if present, else the charset an HTML page declares,
    else UTF-8, else the detected encoding.

    UTF-8 is tried before detection because short UTF-8 Chinese text can be mistaken
    for a legacy code page. Undecodable bytes become U+FFFD rather than an exception.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(
                _normalise_newlines(data.decode(encoding, errors="replace")), encoding
            )
    declared = declared_html_charset(data)
    if declared:
        try:
            return DecodedText(_normalise_newlines(data.decode(declared)), declared)
        except UnicodeDecodeError:
            pass
    try:
        return DecodedText(_normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            # UTF-8 to the last character, which is cut short: a file saved half-written.
            text = data[: error.start].decode("utf-8") + "\ufffd"
            return DecodedText(_normalise_newlines(text), "utf-8", cut_short=True)
    best = from_bytes(data).best()
    if best is None:
        text = data.decode("utf-8", errors="replace")
        return DecodedText(_normalise_newlines(text), "utf-8", lossy=True)
    return DecodedText(_normalise_newlines(str(best)), best.encoding)


class _CharsetDeclaration(HTMLParser):
    """`<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`."""

    def __init__(self) -> None:
        super().__init__()
        self.charset: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag != "meta" or self.charset:
            return
        values = {name.lower(): value or "" for name, value in attrs}
        if values.get("charset"):
            self.charset = values["charset"].strip()
        elif values.get("http-equiv", "").lower() == "content-type":
            _, _, charset = values.get("content", "").lower().partition("charset=")
            self.charset = charset.strip(" ;\"'") or None


HTML_STARTS = (b"<!doctype html", b"<html", b"<!-- saved from url=")


def declared_html_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB, if Python knows it."""
    if not data.lstrip(b" \t\r\n").lower().startswith(HTML_STARTS):
        return None
    parser = _CharsetDeclaration()
    parser.feed(data[:4096].decode("ascii", errors="replace"))
    if not parser.charset:
        return None
    try:
        return codecs.lookup(parser.charset).name
    except LookupError:
        return None


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding: NULs or many control bytes.

    UTF-16 and UTF-32 text is full of NULs, so a byte-order mark vouches for it.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > len(head) * 0.05
