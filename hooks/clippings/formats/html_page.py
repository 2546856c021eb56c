"""Whole web pages saved as HTML: SingleFile, a browser's "save page as", WeChat
articles saved from the browser, exporters' HTML downloads.

The article is found by trafilatura, a maintained main-content extractor, which drops
navigation, sidebars, related lists, footers, scripts, styles and comments; its
element tree is written out as Markdown here. Metadata comes from the page itself:
Open Graph and `<meta>` tags, schema.org JSON-LD, SingleFile's header comment and
WeChat's own markup. Images inlined as `data:` URIs are carried out as files named by
content hash. The page is read with lxml's HTML parser throughout; the only patterns
are over JavaScript (WeChat's publish timestamp) and over plain text.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import unquote_to_bytes

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document

from ..archive_links import media_image, media_name
from ..dialects.markdownload import split_site_name
from ..markdown_escape import markdown_text
from ..records import Capture, MediaFile

NAME = "html-page"
_STARTS = ("<!doctype html", "<html", "<!-- saved from url=")
# Images are handed to the extractor under stand-in addresses it accepts (it keeps
# only URLs that look like image files) and given back their own afterwards.
_STAND_IN = "https://image.archive.invalid/"
_IMAGE_TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
                "image/webp": ".webp", "image/svg+xml": ".svg", "image/avif": ".avif"}  # fmt: skip
_WECHAT_TIMESTAMP = re.compile(r"\bvar\s+ct\s*=\s*\"(\d{9,11})\"")
BEIJING = timezone(timedelta(hours=8))


def detect(text: str) -> bool:
    return text.lstrip("\ufeff \t\n")[:32].lower().startswith(_STARTS)


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for element in tree.iter("meta"):
            if name in (element.get("property"), element.get("name"), element.get("itemprop")):
                value = (element.get("content") or "").strip()
                if value:
                    return value
    return None


def _json_ld(tree) -> dict:
    """The page's schema.org Article (or NewsArticle, BlogPosting...), if it has one."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if isinstance(item, dict) and "Article" in str(item.get("@type", "")):
                return item
            if isinstance(item, dict) and "BlogPosting" in str(item.get("@type", "")):
                return item
    return {}


def _names(value: object) -> tuple[str, ...]:
    """schema.org authors: a name, a Person, or a list of either."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return tuple(dict.fromkeys(names))


def _singlefile_header(tree) -> dict[str, str]:
    """`url:` and `saved date:` from SingleFile's comment, or a browser's `saved from url=`."""
    root = tree.getroottree().getroot()
    comments = [*root.itersiblings(preceding=True), *root.iter(etree.Comment)]
    fields: dict[str, str] = {}
    for comment in comments:
        if not isinstance(comment, etree._Comment) or not comment.text:
            continue
        text = comment.text.strip()
        if text.startswith("saved from url="):
            fields.setdefault("url", text.partition(")")[2].strip())
        if "Page saved with SingleFile" in text:
            for line in text.splitlines():
                key, _, value = line.strip().partition(":")
                if key in ("url", "saved date") and value.strip():
                    fields[key] = value.strip()
    return fields


def _saved_date(value: str | None) -> str | None:
    """SingleFile writes the browser's `Date.toString()`: `Sun Jun 02 2024 10:15:00
    GMT+0800 (中国标准时间)`."""
    if not value:
        return None
    try:
        stamp = datetime.strptime(value.split(" (")[0].strip(), "%a %b %d %Y %H:%M:%S GMT%z")
    except ValueError:
        return value
    return stamp.isoformat()


def _text(tree, element_id: str) -> str | None:
    found = tree.get_element_by_id(element_id, None)
    text = " ".join(found.text_content().split()) if found is not None else ""
    return text or None


def _wechat_published(tree) -> str | None:
    for script in tree.iter("script"):
        stamp = _WECHAT_TIMESTAMP.search(script.text or "")
        if stamp:
            return datetime.fromtimestamp(int(stamp[1]), UTC).astimezone(BEIJING).isoformat()
    return _text(tree, "publish_time")


def _data_uri(uri: str) -> MediaFile | None:
    head, _, payload = uri.partition(",")
    media_type = head.removeprefix("data:").split(";")[0].lower()
    suffix = _IMAGE_TYPES.get(media_type)
    if suffix is None:
        return None
    try:
        data = (
            base64.b64decode(payload, validate=False)
            if head.endswith(";base64")
            else unquote_to_bytes(payload)
        )
    except (binascii.Error, ValueError):
        return None
    return MediaFile(media_name(data, suffix), data)


def _stand_in_images(content, media: dict[str, MediaFile]) -> list[str]:
    """Each image under a stand-in address; what each stands for (URL or media name)."""
    sources: list[str] = []
    for image in list(content.iter("img")):
        lazy = image.get("data-src") or ""
        source = lazy if lazy.startswith(("http://", "https://")) else image.get("src") or ""
        if source.startswith("data:"):
            carried = _data_uri(source)
            if carried is None:
                image.drop_tree()
                continue
            media[carried.name] = carried
            source = f"media:{carried.name}"
        for name in ("data-src", "srcset", "data-srcset"):
            image.attrib.pop(name, None)
        figure = next(image.iterancestors("figure"), None)
        caption = figure.find(".//figcaption") if figure is not None else None
        if caption is not None and not image.get("title"):
            image.set("title", " ".join(caption.text_content().split()))
        image.set("src", f"{_STAND_IN}{len(sources)}.png")
        sources.append(source)
    return sources


class _MarkdownWriter:
    """trafilatura's element tree (head, p, list, quote, code, table, graphic, hi, ref)
    as Markdown."""

    def __init__(self, sources: list[str]) -> None:
        self.sources = sources

    def inline(self, element) -> str:
        parts = [markdown_text(element.text or "")]
        for child in element:
            parts.append(self.inline_element(child))
            parts.append(markdown_text(child.tail or ""))
        return "".join(parts)

    def inline_element(self, element) -> str:
        text = self.inline(element)
        if element.tag == "hi":
            mark = {"#b": "**", "#i": "*", "#t": "`"}.get(element.get("rend", ""), "")
            return f"{mark}{text.strip()}{mark}" if text.strip() else text
        if element.tag == "ref":
            target = element.get("target") or ""
            if target.startswith(("http://", "https://")) and text.strip():
                return f"[{text.strip()}](<{target}>)"
            return text
        if element.tag == "lb":
            return "  \n"
        if element.tag == "graphic":
            return self.image(element)
        if element.tag == "del":
            return f"~~{text}~~"
        return text

    def image(self, element) -> str:
        src = element.get("src") or ""
        alt = (element.get("alt") or "").replace("[", "").replace("]", "")
        if src.startswith(_STAND_IN):
            src = self.sources[int(src.removeprefix(_STAND_IN).removesuffix(".png"))]
        if src.startswith("media:"):
            image = media_image(alt, src.removeprefix("media:"))
        elif src.startswith(("http://", "https://")):
            image = f"![{alt}]({src})" if not set(src) & set(" ()<>") else f"![{alt}](<{src}>)"
        else:
            return ""
        caption = element.get("title")
        return f"{image}\n\n*{markdown_text(caption)}*" if caption else image

    def blocks(self, element) -> list[str]:
        out: list[str] = []
        for child in element:
            block = self.block(child)
            if block.strip():
                out.append(block.strip("\n"))
        return out

    def block(self, element) -> str:
        tag = element.tag
        if tag == "head":
            level = int((element.get("rend") or "h2").removeprefix("h") or 2)
            return f"{'#' * min(max(level, 1), 6)} {self.inline(element).strip().strip('*')}"
        if tag == "p":
            return self.inline(element).strip()
        if tag == "graphic":
            return self.image(element)
        if tag == "list":
            ordered = element.get("rend") == "ol"
            items = []
            for number, item in enumerate(element.iterfind("item"), 1):
                marker = f"{number}." if ordered else "-"
                items.append(f"{marker} {self.inline(item).strip()}")
            return "\n".join(items)
        if tag == "quote":
            inner = self.blocks(element) or [self.inline(element).strip()]
            return "\n>\n".join("\n".join(f"> {line}" for line in b.split("\n")) for b in inner)
        if tag == "code":
            code = "".join(element.itertext())
            fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
            return f"{fence}\n{code.strip(chr(10))}\n{fence}"
        if tag == "table":
            return self.table(element)
        return "\n\n".join(self.blocks(element)) or self.inline(element).strip()

    def table(self, element) -> str:
        rows = [
            [self.inline(cell).strip().replace("|", "\\|").replace("\n", " ") for cell in row]
            for row in element.iterfind("row")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)


def _title(tree, site_name: str | None) -> tuple[str | None, str | None]:
    """The page's title without its site's name, and a suffix that may be one."""
    title = _meta(tree, "og:title", "twitter:title")
    if not title:
        found = tree.find(".//title")
        title = " ".join(found.text_content().split()) if found is not None else None
    if not title:
        return None, None
    head, suffix = split_site_name(title)
    if suffix and site_name and suffix == site_name:
        return head, None
    return title, suffix


def parse(text: str) -> Capture:
    try:
        tree = lxml_html.document_fromstring(text.lstrip("\ufeff"))
    except (etree.ParserError, ValueError) as error:
        return Capture(
            format=NAME,
            body=text,
            problems=(f"looks like an HTML page but cannot be parsed ({error}); shown as text",),
        )
    header = _singlefile_header(tree)
    ld = _json_ld(tree)
    wechat = tree.get_element_by_id("js_content", None)
    account = _text(tree, "js_name") if wechat is not None else None
    publisher = ld.get("publisher")
    site_name = (
        account
        or _meta(tree, "og:site_name")
        or (publisher.get("name") if isinstance(publisher, dict) else None)
    )
    title, suffix = _title(tree, site_name)
    authors = _names(ld.get("author")) or _names(_meta(tree, "author", "article:author"))
    if not authors and account:
        authors = (account,)
    canonical = next(
        (link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"), None
    )
    published = _meta(tree, "article:published_time") or ld.get("datePublished")
    if wechat is not None:
        published = published or _wechat_published(tree)
    media: dict[str, MediaFile] = {}
    if wechat is not None:
        content = lxml_html.document_fromstring("<html><body><article></article></body></html>")
        content.find(".//article").append(wechat)
    else:
        content = tree
    sources = _stand_in_images(content, media)
    # Read above, never content: dropped before the extractor copies and walks the tree.
    etree.strip_elements(content, "script", "style", "noscript", "template", with_tail=False)
    etree.strip_elements(content, etree.Comment, with_tail=False)
    document = trafilatura.bare_extraction(
        content,
        include_images=True,
        include_tables=True,
        include_links=True,
        include_formatting=True,
        with_metadata=False,
        include_comments=False,
        favor_recall=wechat is not None,
        # No second opinion from jusText and readability: it tripled the time per page.
        fast=True,
    )
    problems: list[str] = []
    body = ""
    if not isinstance(document, Document) or document.body is None:
        problems.append("no article text was found in the page")
    else:
        body = "\n\n".join(_MarkdownWriter(sources).blocks(document.body)) + "\n"
    return Capture(
        format=NAME,
        body=body,
        title=title or ld.get("headline"),
        authors=authors,
        published=published if isinstance(published, str) else None,
        updated=_meta(tree, "article:modified_time") or ld.get("dateModified"),
        place=_text(tree, "js_ip_wording") if wechat is not None else None,
        source_url=_meta(tree, "og:url") or canonical or header.get("url"),
        cover_image=_meta(tree, "og:image"),
        summary=_meta(tree, "description", "og:description"),
        clipped=_saved_date(header.get("saved date")),
        site_name=site_name,
        title_site_suffix=suffix,
        media=tuple(media.values()),
        problems=tuple(problems),
    )
