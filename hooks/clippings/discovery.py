"""Find the seed files under the seeds folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .records import Problem, SeedFile

SEED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


def _is_hidden(relative: PurePosixPath) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def discover_seeds(seeds_dir: Path) -> tuple[list[SeedFile], list[Problem]]:
    """Every text file under seeds_dir, subfolders included, sorted by path.

    Hidden files and folders are skipped (editors' swap files, .git). A symlink whose
    target lies outside seeds_dir is refused, so nothing outside the folder is published.
    """
    seeds: list[SeedFile] = []
    problems: list[Problem] = []
    if not seeds_dir.is_dir():
        return seeds, problems
    root = seeds_dir.resolve()
    for path in sorted(seeds_dir.rglob("*")):
        relative = PurePosixPath(path.relative_to(seeds_dir).as_posix())
        if _is_hidden(relative) or path.suffix.lower() not in SEED_SUFFIXES:
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(Problem(str(relative), "symlink points outside seeds/, refused"))
            continue
        if path.is_file():
            seeds.append(SeedFile(path=path, relative_path=relative))
    return seeds, problems
