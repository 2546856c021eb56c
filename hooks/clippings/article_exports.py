"""What travels with each article: its citation files, its slice of the Web Annotation
export, its schema.org description, and the archive-wide `annotations.jsonld`.

Citation files for one article sit in a folder beside its page, `articles/<slug>/`,
which is the page's own folder when URLs are directory-style; its annotations at the
site root (see `slice_uri`).
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .article_pages import ARTICLES_DIR
from .citations import BIBTEX_NAME, CSL_NAME, RIS_NAME, bibtex, csl_item, gbt7714, ris
from .dates import build_time, source_date
from .feeds import SiteInfo
from .records import Archive, NoteEntry
from .schema_org import article_json_ld, inert_json
from .web_annotations import (
    COLLECTION_URI,
    annotation_collection,
    annotation_page,
    article_annotations,
    sidecar_dates,
    sidecar_history,
    slice_uri,
)


@dataclass(frozen=True)
class ArticleLinks:
    """What an article page shows and links for citing and annotating it."""

    citation: str
    bibtex_uri: str
    ris_uri: str
    csl_uri: str
    json_ld: str  # inert inside <script>
    annotations_uri: str | None = None


@dataclass
class ArticleExports:
    files: dict[str, str] = field(default_factory=dict)  # site path -> content
    links: dict[str, ArticleLinks] = field(default_factory=dict)  # by page src_uri
    csl: dict[str, dict[str, object]] = field(default_factory=dict)  # by seed id


def _folder(src_uri: str) -> str:
    return posixpath.splitext(src_uri)[0]


def _json(data: object) -> str:
    return inert_json(data, indent=2) + "\n"


def article_exports(
    archive: Archive, urls: dict[str, str], site: SiteInfo, seeds_dir: Path
) -> ArticleExports:
    """Every article's files and links, and the archive's annotation collection;
    `urls` maps each page's source path to its site URL."""
    exports = ArticleExports()
    cited = build_time()
    page_url = {p.article.seed_id: site.url + urls[p.src_uri] for p in archive.pages}
    notes: dict[str, list[NoteEntry]] = defaultdict(list)
    for note in archive.notes:
        notes[note.seed_id].append(note)
    history, pinned = sidecar_history(seeds_dir), source_date()
    creator = {"type": "Organization", "name": f"{site.name}编者", "homepage": site.url}
    collection_id = site.url + COLLECTION_URI
    everything: list[dict[str, object]] = []
    for page in archive.newest_first():
        article, url = page.article, page_url[page.article.seed_id]
        folder = _folder(page.src_uri)
        item = csl_item(article, url, site.name, cited)
        exports.csl[article.seed_id] = item
        exports.files[f"{folder}/{CSL_NAME}"] = _json([item])
        exports.files[f"{folder}/{BIBTEX_NAME}"] = bibtex(item, article.source_url)
        exports.files[f"{folder}/{RIS_NAME}"] = ris(item, article.source_url)
        annotations_uri = None
        if article.captured or article.editor_note or notes[article.seed_id]:
            dates = sidecar_dates(seeds_dir, history, article.seed_path, pinned)
            items = article_annotations(
                article, url, notes[article.seed_id], page_url, dates, creator
            )
            annotations_uri = slice_uri(folder.removeprefix(ARTICLES_DIR + "/"))
            slice_page = annotation_page(
                site.url + annotations_uri, items, collection_id, len(everything)
            )
            exports.files[annotations_uri] = _json(slice_page)
            everything += items
        exports.links[page.src_uri] = ArticleLinks(
            citation=gbt7714(item),
            bibtex_uri=f"{folder}/{BIBTEX_NAME}",
            ris_uri=f"{folder}/{RIS_NAME}",
            csl_uri=f"{folder}/{CSL_NAME}",
            json_ld=inert_json(article_json_ld(article, url, site.name, site.url)),
            annotations_uri=annotations_uri,
        )
    label = f"{site.name}：编者批注"
    exports.files[COLLECTION_URI] = _json(annotation_collection(collection_id, label, everything))
    return exports
