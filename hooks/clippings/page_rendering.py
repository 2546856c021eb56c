"""Article Markdown to HTML outside MkDocs, exactly as MkDocs would render it.

Python-Markdown's `convert` was most of a build's rendering time, on one core, every
build. Here a page is converted by the same extensions and settings the MkDocs build
uses, described as plain data (`RendererSpec`) so that worker processes can rebuild the
converter, and the result is kept in the cache: MkDocs then only applies templates.

Besides the configured extensions, MkDocs adds its own processors to every page
(`mkdocs/structure/pages.py`); their effects are reproduced here: links to other files
of the site made relative to the page, the ids a page holds and the anchors it links to
(for MkDocs' anchor validation). A page with a link MkDocs would warn about (a target
not among the site's files, an absolute path) is not rendered here: `render_page`
returns None and MkDocs renders it itself, warnings and suggestions included.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import pickle
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown
from markdown.extensions import Extension
from markdown.htmlparser import htmlparser  # type: ignore[attr-defined]
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from .glossary import GlossaryExtension
from .sanitize import sanitize_html

# The extension the archive adds itself, named in a spec by this instead of an import path.
GLOSSARY = "archive.glossary"
# Libraries whose upgrade can change what a page renders to.
_LIBRARIES = ("Markdown", "pymdown-extensions", "nh3")
_SOURCES = (
    Path(__file__),
    Path(__file__).with_name("glossary.py"),
    Path(__file__).with_name("sanitize.py"),
)
# MkDocs' front matter (mkdocs/utils/meta.py): what it strips before rendering.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


@dataclass(frozen=True)
class RendererSpec:
    """What a MkDocs build renders pages with, as data a worker process can receive.

    `extensions` lists the build's Markdown extensions in order, each with its settings
    (MkDocs' `markdown_extensions` and `mdx_configs`); the glossary extension is named
    GLOSSARY and built from `glossary`, the archive's terms.
    """

    extensions: tuple[tuple[str, dict[str, Any]], ...]
    glossary: tuple[tuple[str, str], ...] = ()

    def fingerprint(self) -> str:
        """A hash of the settings, the libraries' versions and this renderer's own code:
        a cached page rendered under another fingerprint is rendered again."""
        digest = hashlib.sha256(pickle.dumps((self.extensions, self.glossary), protocol=4))
        digest.update(" ".join(version(name) for name in _LIBRARIES).encode())
        for source in _SOURCES:
            digest.update(source.read_bytes())
        return digest.hexdigest()[:16]

    def converter(self) -> markdown.Markdown:
        """A fresh converter, as MkDocs makes one for each page."""
        extensions: list[str | Extension] = []
        configs: dict[str, dict[str, Any]] = {}
        for name, settings in self.extensions:
            if name == GLOSSARY:
                glossary = GlossaryExtension()
                glossary.set_terms(dict(self.glossary))
                extensions.append(glossary)
            else:
                extensions.append(name)
                if settings:
                    configs[name] = settings
        return markdown.Markdown(extensions=extensions, extension_configs=configs)


@dataclass(frozen=True)
class RenderedPage:
    """A page's body as MkDocs would have rendered it, and what MkDocs learns doing so."""

    # sha256 of the Markdown rendered (front matter stripped): used only for that text.
    markdown_hash: str
    html: str
    # `html` through the archive's allowlist, as the page's last step would make it.
    sanitized: str
    # Python-Markdown's toc tokens, for MkDocs' get_toc.
    toc_tokens: list[dict[str, Any]]
    anchor_ids: frozenset[str]
    # (target page src_uri, anchor, link as written): for MkDocs' anchor validation.
    anchor_links: tuple[tuple[str, str, str], ...]
    # (src_uri, url) of every file the page links to: the entry holds while these do.
    targets: tuple[tuple[str, str], ...] = field(default=())

    def still_valid(self, site_files: Mapping[str, str]) -> bool:
        return all(site_files.get(uri) == url for uri, url in self.targets)


def page_body(page_markdown: str) -> str:
    """The Markdown MkDocs renders: the page without its YAML front matter."""
    found = _FRONT_MATTER.match(page_markdown)
    return page_markdown[found.end() :].lstrip("\n") if found else page_markdown


def markdown_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def render_page(
    spec: RendererSpec, src_uri: str, page_markdown: str, site_files: Mapping[str, str]
) -> RenderedPage | None:
    """The page's HTML, or None when MkDocs must render it (a link it would warn about).

    `site_files` maps every published file's source path to its URL.
    """
    body = page_body(page_markdown)
    md = spec.converter()
    anchors = _AnchorIds()
    links = _RelativeLinks(src_uri, site_files)
    md.preprocessors.register(_RawHtmlIds(anchors), "mkdocs_raw_html", 21)
    md.treeprocessors.register(_TreeIds(anchors), "mkdocs_extract_anchors", 5)
    md.treeprocessors.register(links, "relpath", 0)
    html = md.convert(body)
    if links.unresolved:
        return None
    return RenderedPage(
        markdown_hash=markdown_hash(body),
        html=html,
        sanitized=sanitize_html(html),
        toc_tokens=getattr(md, "toc_tokens", []),
        anchor_ids=frozenset(anchors.ids),
        anchor_links=tuple(links.anchor_links),
        targets=tuple(sorted(links.targets.items())),
    )


def render_pages(
    spec: RendererSpec, site_files: Mapping[str, str], pages: list[tuple[str, str]]
) -> list[RenderedPage | None]:
    """`render_page` for each (src_uri, page Markdown): one task for a worker process."""
    return [render_page(spec, uri, text, site_files) for uri, text in pages]


# MkDocs' own processors, as far as they change a page or what MkDocs learns from it.


@dataclass
class _AnchorIds:
    ids: set[str] = field(default_factory=set)


class _RawHtmlIds(Preprocessor):
    """Ids in raw HTML blocks (MkDocs' _RawHTMLPreprocessor); the text is unchanged."""

    def __init__(self, anchors: _AnchorIds) -> None:
        super().__init__()
        self.anchors = anchors

    def run(self, lines: list[str]) -> list[str]:
        parser = _IdCollector(self.anchors)
        parser.feed("\n".join(lines))
        parser.close()
        return lines


class _IdCollector(htmlparser.HTMLParser):
    def __init__(self, anchors: _AnchorIds) -> None:
        super().__init__()
        self.anchors = anchors

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value is not None and (key == "id" or (key == "name" and tag == "a")):
                self.anchors.ids.add(value)
        return super().handle_starttag(tag, attrs)


class _TreeIds(Treeprocessor):
    """Ids in the rendered tree (MkDocs' _ExtractAnchorsTreeprocessor)."""

    def __init__(self, anchors: _AnchorIds) -> None:
        self.anchors = anchors

    def run(self, root) -> None:
        for element in root.iter():
            if anchor := element.get("id"):
                self.anchors.ids.add(anchor)
            if element.tag == "a" and (anchor := element.get("name")):
                self.anchors.ids.add(anchor)


class _RelativeLinks(Treeprocessor):
    """Links and images to files of the site made relative to the page, as MkDocs'
    _RelativePathTreeprocessor does for links that resolve; any other link that it
    would warn about marks the page `unresolved`."""

    def __init__(self, src_uri: str, site_files: Mapping[str, str]) -> None:
        self.src_uri = src_uri
        self.site_files = site_files
        self.page_url = site_files.get(src_uri)
        self.unresolved = self.page_url is None
        self.targets: dict[str, str] = {}
        self.anchor_links: list[tuple[str, str, str]] = []

    def run(self, root) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key is not None:
                element.set(key, self._url(element.get(key)))

    def _url(self, url: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or AMP_SUBSTITUTE in url:
            return url
        if url.startswith(("/", "\\")):
            self.unresolved = True  # MkDocs says something about absolute links
            return url
        if not path:
            if anchor:
                self._anchor_link(self.src_uri, anchor, url)
            return url
        target_uri = posixpath.normpath(
            posixpath.join(posixpath.dirname(self.src_uri), unquote(path)).lstrip("/")
        )
        target_url = self.site_files.get(target_uri)
        if target_url is None or self.page_url is None:
            self.unresolved = True
            return url
        self.targets[target_uri] = target_url
        if anchor:
            self._anchor_link(target_uri, anchor, url)
        return urlunsplit(("", "", relative_url(target_url, self.page_url), query, anchor))

    def _anchor_link(self, target_uri: str, anchor: str, url: str) -> None:
        # MkDocs keeps the first link written to each anchor of a page.
        if not any(t == target_uri and a == anchor for t, a, _ in self.anchor_links):
            self.anchor_links.append((target_uri, anchor, url))


def relative_url(url: str, other: str) -> str:
    """`url` relative to `other`, as mkdocs.utils.get_relative_url computes it."""
    directory, _, basename = other.rpartition("/")
    if "." in basename:
        other = directory
    other_parts = _path_parts(other)
    url_parts = _path_parts(url)
    common = 0
    for a, b in zip(other_parts, url_parts, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + url_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _path_parts(path: str) -> list[str]:
    if not path.startswith("/"):
        path = "/" + path
    normal = posixpath.normpath(path)[1:]
    return normal.split("/") if normal else []
