"""Bring W3C Web Annotations made elsewhere (an annotation tool used on the published
site) into the sidecars, as passage notes anchored by their `TextQuoteSelector`.

Only annotations on this archive's article pages that anchor in exactly one place are
written; every other one is reported with the reason. Sidecars are edited round-trip
(ruamel.yaml): comments, order and existing notes stay as they were, and a note already
there (the same annotation, or the same quote with the same text) is not added twice.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from .annotations.anchoring import place_notes
from .annotations.sidecar import PassageNote, sidecar_path
from .article_pages import ARTICLES_DIR
from .pipeline import CleanedSeed, convert_seeds

NEW_SIDECAR_HEADER = "# Annotations imported from W3C Web Annotations (make import-annotations).\n"


@dataclass(frozen=True)
class IncomingNote:
    """One annotation read as a passage note, before it is anchored."""

    annotation_id: str
    page_url: str
    quote: str
    text: str
    prefix: str = ""
    suffix: str = ""
    tags: tuple[str, ...] = ()


@dataclass
class ImportReport:
    added: list[tuple[str, IncomingNote]] = field(default_factory=list)  # sidecar, note
    skipped: list[tuple[str, str]] = field(default_factory=list)  # annotation id, reason

    def lines(self) -> list[str]:
        lines = [f"added to {sidecar}: “{note.quote}”" for sidecar, note in self.added]
        lines += [f"not imported: {annotation} ({reason})" for annotation, reason in self.skipped]
        return lines


def annotations_in(data: object) -> Iterator[dict]:
    """Every Annotation in a file: one annotation, a list, an AnnotationPage or an
    AnnotationCollection with its pages embedded."""
    if isinstance(data, list):
        for item in data:
            yield from annotations_in(item)
    elif isinstance(data, dict):
        kind = data.get("type") or data.get("@type")
        if kind in ("Annotation", "oa:Annotation"):
            yield data
        elif "items" in data:
            yield from annotations_in(data["items"])
        elif isinstance(data.get("first"), dict):
            yield from annotations_in(data["first"])


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text_bodies(annotation: dict) -> tuple[str, tuple[str, ...]]:
    """The note's text (commenting bodies) and its tags (tagging bodies)."""
    texts: list[str] = []
    tags: list[str] = []
    if isinstance(annotation.get("bodyValue"), str):
        texts.append(annotation["bodyValue"])
    for body in _as_list(annotation.get("body")):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        if body.get("type") not in (None, "TextualBody"):
            continue
        purposes = _as_list(body.get("purpose"))
        if "tagging" in purposes:
            tags.append(body["value"].strip())
        elif not purposes or {"commenting", "describing", "replying"} & set(purposes):
            texts.append(body["value"])
    return "\n\n".join(t.strip() for t in texts if t.strip()), tuple(t for t in tags if t)


def read_incoming(annotation: dict) -> IncomingNote | str:
    """The annotation as a passage note, or why it cannot be one."""
    annotation_id = str(annotation.get("id") or annotation.get("@id") or "")
    text, tags = _text_bodies(annotation)
    if not text:
        return "has no text body to keep as a note"
    for target in _as_list(annotation.get("target")):
        if not isinstance(target, dict) or not isinstance(target.get("source"), str):
            continue
        for selector in _as_list(target.get("selector")):
            if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
                quote = str(selector.get("exact") or "").strip()
                if quote:
                    return IncomingNote(
                        annotation_id, target["source"], quote, text,
                        str(selector.get("prefix") or ""), str(selector.get("suffix") or ""), tags,
                    )  # fmt: skip
    return "has no target with a TextQuoteSelector"


def page_slug(page_url: str, site_url: str) -> str | None:
    """The article slug a URL on this site points to, or None (another site, or not an
    article page). Directory-style and `.html` addresses both count."""
    site, page = urlsplit(site_url), urlsplit(page_url)
    if (page.scheme, page.netloc) != (site.scheme, site.netloc):
        return None
    base = site.path if site.path.endswith("/") else site.path + "/"
    if not page.path.startswith(base + ARTICLES_DIR + "/"):
        return None
    rest = unquote(page.path[len(base) + len(ARTICLES_DIR) + 1 :])
    rest = rest.removesuffix("index.html").removesuffix(".html").strip("/")
    return posixpath.normpath(rest) if rest else None


def _anchor_variants(note: IncomingNote) -> Iterator[tuple[str, str]]:
    """Prefix and suffix to try, from none to the full context a tool recorded: tools
    capture context from the rendered page, which may differ at its far ends."""
    yield "", ""
    for size in (4, 8, 16, 32, None):
        prefix = note.prefix[-size:] if size else note.prefix
        suffix = note.suffix[:size] if size else note.suffix
        yield prefix, ""
        yield "", suffix
        yield prefix, suffix


def anchor(note: IncomingNote, body: str) -> tuple[str, str] | None:
    """The shortest prefix and suffix with which the quote is found exactly once."""
    for prefix, suffix in _anchor_variants(note):
        candidate = PassageNote(0, note.quote, note.text, prefix, suffix)
        placed, _ = place_notes(body, (candidate,))
        if placed:
            return prefix, suffix
    return None


def _yaml() -> YAML:
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _already_there(notes: list, note: IncomingNote) -> bool:
    for existing in notes:
        if not isinstance(existing, dict):
            continue
        if note.annotation_id and existing.get("imported_from") == note.annotation_id:
            return True
        if existing.get("quote") == note.quote and str(existing.get("note", "")).strip() == (
            note.text
        ):
            return True
    return False


def _entry(note: IncomingNote, prefix: str, suffix: str) -> CommentedMap:
    entry = CommentedMap()
    entry["quote"] = note.quote
    if prefix:
        entry["prefix"] = prefix
    if suffix:
        entry["suffix"] = suffix
    entry["note"] = LiteralScalarString(note.text + "\n") if "\n" in note.text else note.text
    if note.tags:
        tags = CommentedSeq(note.tags)
        tags.fa.set_flow_style()  # [甲, 乙], as the guide writes them
        entry["tags"] = tags
    if note.annotation_id:
        entry["imported_from"] = note.annotation_id
    return entry


def import_annotations(data: object, seeds_dir: Path, site_url: str) -> ImportReport:
    """Merge the annotations in `data` (parsed JSON) into the sidecars under seeds_dir."""
    report = ImportReport()
    cleaned, slugs, _ = convert_seeds(seeds_dir)
    by_slug: dict[str, CleanedSeed] = {
        slugs[seed.article.seed_path]: seed for seed in cleaned
    }  # fmt: skip
    incoming: dict[str, list[tuple[IncomingNote, str, str]]] = {}
    for number, annotation in enumerate(annotations_in(data), start=1):
        label = str(annotation.get("id") or annotation.get("@id") or f"annotation {number}")
        note = read_incoming(annotation)
        if isinstance(note, str):
            report.skipped.append((label, note))
            continue
        slug = page_slug(note.page_url, site_url)
        seed = by_slug.get(slug) if slug else None
        if seed is None:
            report.skipped.append((label, f"targets {note.page_url}, not an article of {site_url}"))
            continue
        anchored = anchor(note, seed.article.body)
        if anchored is None:
            report.skipped.append((label, f"quote “{note.quote}” is not found once in the article"))
            continue
        incoming.setdefault(seed.article.seed_path, []).append((note, *anchored))
    yaml = _yaml()
    for seed_path, notes in incoming.items():
        path = sidecar_path(seeds_dir / seed_path)
        exists = path.is_file()
        document = yaml.load(path.read_text(encoding="utf-8")) if exists else None
        if document is None:
            document = CommentedMap()
        if not isinstance(document, dict):
            for note, _, _ in notes:
                report.skipped.append((note.annotation_id, f"{path.name} is not a mapping"))
            continue
        existing = document.get("notes")
        if existing is None:
            existing = document["notes"] = CommentedSeq()
        sidecar = str(PurePosixPath(seed_path).with_suffix("")) + ".notes.yml"
        added = False
        for note, prefix, suffix in notes:
            if _already_there(existing, note):
                report.skipped.append((note.annotation_id, f"already in {sidecar}"))
                continue
            existing.append(_entry(note, prefix, suffix))
            report.added.append((sidecar, note))
            added = True
        if added:
            buffer = StringIO()
            yaml.dump(document, buffer)
            header = "" if exists else NEW_SIDECAR_HEADER
            path.write_text(header + buffer.getvalue(), encoding="utf-8")
    return report
