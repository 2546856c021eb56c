"""The whole path: seed file, bytes, text, capture, record, cleaned record, page.

Each seed goes through the stages on its own; then the archive is looked at as a
whole, for what no single seed can show: two captures of the same article, and two
seeds that would be published at the same address.
"""

from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from .annotations import Annotations
from .annotations.apply import apply_layer, read_sidecar
from .archive_links import ArchiveTargets, settle_links
from .article_pages import (
    article_slug,
    article_src_uri,
    render_article_page,
    slug_with_path_hash,
)
from .cache import SeedCache
from .cleaning import clean
from .decoding import decode_seed, looks_binary
from .dialects import apply_dialects
from .discovery import discover_seeds
from .formats import parse_capture
from .glossary import GLOSSARY_FILE, parse_glossary
from .length_and_summary import lead_summary, measure
from .media.manifest import MANIFEST_FILE, MEDIA_DIR, ImageRecord, published_records
from .media.references import image_urls, localise_images
from .normalise import normalise
from .records import Archive, Article, ImageUse, MediaFile, PassReport, Problem, SeedFile
from .site_names import settle_site_names
from .workers import worker_pool


@dataclass(frozen=True)
class CleanedSeed:
    article: Article
    cleaning: tuple[PassReport, ...]
    annotations: Annotations | None = None
    media: tuple[MediaFile, ...] = ()


def read_seed(seed: SeedFile, raw: bytes) -> tuple[CleanedSeed | None, list[Problem]]:
    """One seed's bytes through decoding, parsing, normalising and cleaning.

    A seed with nothing to publish (empty, binary) gives no article and one Problem.
    """
    seed_path = str(seed.relative_path)
    if not raw.strip():
        return None, [Problem(seed_path, "is empty; no page published")]
    if looks_binary(raw):
        return None, [Problem(seed_path, "holds binary data, not text; no page published")]
    decoded = decode_seed(raw)
    if not decoded.text.strip():
        return None, [Problem(seed_path, "holds only whitespace; no page published")]
    capture = apply_dialects(parse_capture(decoded.text))
    article, problems = normalise(seed, raw, decoded, capture)
    if decoded.lossy:
        problems.append(
            Problem(
                seed_path,
                "is in no encoding that could be recognised; unreadable bytes are shown as \ufffd",
            )
        )
    if decoded.cut_short:
        problems.append(
            Problem(
                seed_path,
                "ends in the middle of a character: saved half-written? "
                "Save it again once it is complete",
            )
        )
    cleaned, reports = clean(article)
    length = measure(cleaned.body)
    cleaned = replace(
        cleaned,
        summary=cleaned.summary or lead_summary(cleaned.body),
        characters=length.characters,
        reading_minutes=length.minutes,
    )
    return CleanedSeed(cleaned, reports, media=capture.media), problems


def _flag_same_source(seeds: list[CleanedSeed], problems: list[Problem]) -> list[CleanedSeed]:
    """Two seeds with one canonical source URL are two captures of one article: keep
    both, and tell each (and the archivist) about the other."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for seed in seeds:
        if seed.article.source_url:
            by_source[seed.article.source_url].append(seed.article.seed_path)
    flagged = []
    for seed in seeds:
        paths = by_source.get(seed.article.source_url or "", [])
        others = tuple(path for path in paths if path != seed.article.seed_path)
        if others:
            names = ", ".join(f"seeds/{path}" for path in others)
            problems.append(
                Problem(seed.article.seed_path, f"captures the same article as {names}")
            )
            seed = replace(seed, article=replace(seed.article, same_source_as=others))
        flagged.append(seed)
    return flagged


def _assign_slugs(seeds: list[CleanedSeed], problems: list[Problem]) -> dict[str, str]:
    """Each seed's page address; seeds that would share one (`a.txt` and `a.md`, or
    `A.txt` and `a.txt` on a case-blind file system) each get a hashed address."""
    claims: dict[str, list[Article]] = defaultdict(list)
    for seed in seeds:
        claims[article_slug(seed.article.seed_id).casefold()].append(seed.article)
    slugs = {}
    for articles in claims.values():
        for article in articles:
            slug = article_slug(article.seed_id)
            if len(articles) > 1:
                others = ", ".join(f"seeds/{a.seed_path}" for a in articles if a is not article)
                slug = slug_with_path_hash(slug, article.seed_path)
                problems.append(
                    Problem(
                        article.seed_path,
                        f"would share its page address with {others}; published at {slug}/",
                    )
                )
            slugs[article.seed_path] = slug
    return slugs


# Below this many seeds to convert, starting worker processes costs more than it saves.
PARALLEL_FROM = 200

Converted = tuple[CleanedSeed | None, list[Problem]]


def _converted(seeds: list[SeedFile], cache: SeedCache | None) -> Iterator[Converted]:
    """Each seed's conversion, in order: from the cache if its bytes were seen before,
    else converted, on every core when there are many to convert."""
    raws: list[bytes] = []
    keys: list[str] = []
    ready: dict[int, Converted] = {}
    for index, seed in enumerate(seeds):
        try:
            raws.append(seed.path.read_bytes())
        except OSError as error:
            raws.append(b"")
            keys.append("")
            ready[index] = (None, [Problem(str(seed.relative_path), f"cannot be read: {error}")])
            continue
        keys.append("" if cache is None else SeedCache.key(str(seed.relative_path), raws[index]))
        if cache is not None:
            hit = cache.get(keys[index])
            if hit is not None:
                ready[index] = cast(Converted, hit)
    missing = [index for index in range(len(seeds)) if index not in ready]
    workers = os.cpu_count() or 1
    with contextlib.ExitStack() as stack:
        if len(missing) >= PARALLEL_FROM and workers > 1:
            pool = stack.enter_context(worker_pool(workers))
            fresh = pool.map(
                read_seed, [seeds[i] for i in missing], [raws[i] for i in missing], chunksize=32
            )
        else:
            fresh = (read_seed(seeds[i], raws[i]) for i in missing)
        for index in range(len(seeds)):
            if index in ready:
                result, problems = ready[index]
            else:
                result, problems = next(fresh)
                if cache is not None:
                    cache.put(keys[index], (result, problems))
            yield result, list(problems)


def convert_seeds(
    seeds_dir: Path,
    cache: SeedCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[CleanedSeed], dict[str, str], list[Problem]]:
    """Every seed under seeds_dir cleaned and read with its sidecar, before the
    annotation layer is applied; each seed's page address; the problems met."""
    seeds, problems = discover_seeds(seeds_dir)
    cleaned: list[CleanedSeed] = []
    for done, (seed, (result, seed_problems)) in enumerate(
        zip(seeds, _converted(seeds, cache), strict=True), 1
    ):
        problems.extend(seed_problems)
        if result is not None:
            article, annotations, sidecar_problems = read_sidecar(seed, result.article)
            problems.extend(sidecar_problems)
            cleaned.append(replace(result, article=article, annotations=annotations))
        if progress is not None:
            progress(done, len(seeds))
    cleaned = _flag_same_source(cleaned, problems)
    slugs = _assign_slugs(cleaned, problems)
    return _settle_across_the_archive(cleaned, slugs, seeds_dir), slugs, problems


def _settle_across_the_archive(
    seeds: list[CleanedSeed], slugs: dict[str, str], seeds_dir: Path
) -> list[CleanedSeed]:
    """What one seed read alone cannot settle: a title's site name (site_names.py) and
    links to other seeds and to files of the seeds folder (archive_links.py). Files a
    seed embeds join the media it carries."""
    pages: dict[str, str] = {}
    for seed in seeds:
        src_uri = article_src_uri(slugs[seed.article.seed_path])
        for key in (seed.article.seed_id, Path(seed.article.seed_id).name, seed.article.title):
            pages.setdefault(key, src_uri)
            pages.setdefault(key.casefold(), src_uri)
    targets = ArchiveTargets(pages, seeds_dir)
    titled = settle_site_names([seed.article for seed in seeds])
    settled = []
    for seed, article in zip(seeds, titled, strict=True):
        known = set(targets.media)
        src_uri = article_src_uri(slugs[article.seed_path])
        body = settle_links(article.body, article.seed_path, src_uri, targets)
        embedded = tuple(
            MediaFile(name, targets.media[name]) for name in targets.media.keys() - known
        )
        settled.append(
            replace(seed, article=replace(article, body=body), media=seed.media + embedded)
        )
    return settled


def build_archive(
    seeds_dir: Path,
    cache: SeedCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Archive:
    """Every seed under seeds_dir as a page; what went wrong is listed as Problems.

    With a cache, a seed whose bytes were converted before is not converted again;
    `progress(done, total)` is called after each seed.
    """
    cleaned, slugs, problems = convert_seeds(seeds_dir, cache, progress)
    articles, notes, note_problems = apply_layer(
        [(seed.article, seed.annotations) for seed in cleaned], slugs
    )
    problems.extend(note_problems)
    media = _read_media(seeds_dir, problems)
    pages = []
    for converted, article in zip(cleaned, articles, strict=True):
        slug = slugs[article.seed_path]
        images = tuple(ImageUse(url, (media or {}).get(url)) for url in image_urls(article))
        body = None
        if media is not None:
            body = localise_images(article.body, article_src_uri(slug), media)
            problems.extend(_unarchived_images(article.seed_path, images))
        page = render_article_page(article, slug, slugs, body=body)
        pages.append(replace(page, cleaning=converted.cleaning, images=images))
    glossary, glossary_problems = _read_glossary(seeds_dir)
    problems.extend(glossary_problems)
    carried = {media.name: media.data for seed in cleaned for media in seed.media}
    return Archive(pages=pages, problems=problems, notes=notes, glossary=glossary, media=carried)


def _read_media(seeds_dir: Path, problems: list[Problem]) -> dict[str, ImageRecord] | None:
    """The image manifest, if images were archived; one that cannot be read is a problem."""
    try:
        return published_records(seeds_dir)
    except (OSError, ValueError, KeyError, TypeError) as error:
        problems.append(Problem(f"{MEDIA_DIR}/{MANIFEST_FILE}", f"cannot be read: {error}"))
        return None


def _unarchived_images(seed_path: str, images: tuple[ImageUse, ...]) -> list[Problem]:
    """Once images have been archived, each one a seed shows but the archive lacks."""
    missing = [image for image in images if not image.archived]
    if not missing:
        return []
    reasons = ", ".join(f"{image.url} ({_why_missing(image.record)})" for image in missing)
    return [Problem(seed_path, f"{len(missing)} image(s) not archived: {reasons}")]


def _why_missing(record: ImageRecord | None) -> str:
    if record is None:
        return "not fetched yet: make images"
    return record.error or "failed"


def _read_glossary(seeds_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    path = seeds_dir / GLOSSARY_FILE
    if not path.is_file():
        return {}, []
    terms, messages = parse_glossary(path.read_text(encoding="utf-8"))
    return terms, [Problem(GLOSSARY_FILE, message) for message in messages]
