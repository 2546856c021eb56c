"""The whole path: seed file, bytes, text, capture, record, cleaned record, page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .cleaning import clean
from .decoding import decode_seed
from .discovery import discover_seeds
from .formats import parse_capture
from .normalise import normalise
from .pages import render_article_page
from .records import Archive, Problem, SeedFile


def build_page(seed: SeedFile):
    """One seed through every stage, with the problems met on the way."""
    raw = seed.path.read_bytes()
    decoded = decode_seed(raw)
    capture = parse_capture(decoded.text)
    article, problems = normalise(seed, raw, decoded, capture)
    cleaned, reports = clean(article)
    return replace(render_article_page(cleaned), cleaning=reports), problems


def build_archive(seeds_dir: Path) -> Archive:
    """Every seed under seeds_dir as a page; a seed that cannot be read is a Problem."""
    seeds, problems = discover_seeds(seeds_dir)
    archive = Archive(problems=problems)
    for seed in seeds:
        try:
            page, seed_problems = build_page(seed)
        except OSError as error:
            archive.problems.append(Problem(str(seed.relative_path), f"cannot be read: {error}"))
            continue
        archive.pages.append(page)
        archive.problems.extend(seed_problems)
    return archive
