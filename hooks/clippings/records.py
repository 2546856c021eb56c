"""The typed records that travel along the pipeline, from seed file to article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from .media.manifest import ImageRecord


@dataclass(frozen=True)
class SeedFile:
    """One capture file found under the seeds folder."""

    path: Path
    relative_path: PurePosixPath

    @property
    def seed_id(self) -> str:
        """The seed's identity: its path under seeds/ without the suffix.

        Everything that must stay stable (page URLs, cross-references) derives from it,
        never from the title, which an editor may correct.
        """
        return str(self.relative_path.with_suffix(""))


@dataclass(frozen=True)
class DecodedText:
    """A seed's text with newlines normalised, and the encoding it was read with."""

    text: str
    encoding: str
    lossy: bool = False
    # Ends in the middle of a character, as a file does while it is still being saved.
    cut_short: bool = False


@dataclass(frozen=True)
class MediaFile:
    """A file a capture carried inside itself, published once under its content hash."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Capture:
    """What a format parser read from a seed: raw field values, not yet normalised."""

    format: str
    body: str
    title: str | None = None
    title_suspect: bool = False
    # A title the exporter damaged, replaced by the full one found in the capture itself.
    damaged_title: str | None = None
    title_recovered_from: str | None = None  # title_damage.SOURCES
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    naive_timezone: str | None = None
    place: str | None = None
    source_url: str | None = None
    cover_image: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    summary: str | None = None
    problems: tuple[str, ...] = ()
    # Several authors stay several; `author` above is how they read as one byline.
    authors: tuple[str, ...] = ()
    # When the clipping tool saved the page (not when the article was published).
    clipped: str | None = None
    site_name: str | None = None
    # A title's last ` | Name` part, which may be the site's name (see site_names.py).
    title_site_suffix: str | None = None
    # The front matter as read, for the dialect that knows what its fields mean.
    metadata: dict[str, object] = field(default_factory=dict)
    # Files the capture carried inside itself (SingleFile's data: images), by name.
    media: tuple[MediaFile, ...] = ()


@dataclass(frozen=True)
class Article:
    """The normalised record of one seed. Missing fields stay None or empty."""

    seed_id: str
    seed_path: str
    format: str
    encoding: str
    content_hash: str
    title: str
    body: str
    title_suspect: bool = False
    damaged_title: str | None = None
    title_recovered_from: str | None = None
    author: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    place: str | None = None
    source_url: str | None = None
    cover_image: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    summary: str | None = None
    original_account: str | None = None
    original_author: str | None = None
    same_source_as: tuple[str, ...] = ()
    characters: int = 0
    reading_minutes: int = 0
    captured: dict[str, str] = field(default_factory=dict)
    editor_note: str | None = None
    authors: tuple[str, ...] = ()
    clipped: datetime | None = None
    site_name: str | None = None
    title_site_suffix: str | None = None
    # What the body's byline block says (cleaning/bylines.py): the writers, editors and
    # contributors it names, and the account it was published by.
    byline_authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    account: str | None = None
    # The original's link in a reprint line (attribution.py).
    original_url: str | None = None


@dataclass(frozen=True)
class Rewrite:
    """One place a cleaning pass changed inside a line: the capture's text around it,
    and what it became."""

    before: str
    after: str


@dataclass(frozen=True)
class PassReport:
    """What one cleaning pass did to one article, for the archivist to check.

    `rewrites` is filled only for passes whose small repairs are worth reading one by
    one (emphasis, spacing); the others report how many lines they rewrote.
    """

    name: str
    removed_lines: tuple[str, ...]
    rewritten_lines: int
    rewrites: tuple[Rewrite, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something wrong with one seed that the archivist must hear about."""

    seed_path: str
    message: str

    def __str__(self) -> str:
        return f"seeds/{self.seed_path}: {self.message}"


HTML_SUFFIXES = (".html", ".htm")


def raw_seed_uri(seed_path: str) -> str:
    """Where the raw seed is published beside the pages, under its own name.

    A captured HTML page is published as text (`.html.txt`): served as HTML on the
    archive's origin, its scripts would run with the archive's rights.
    """
    suffix = ".txt" if seed_path.lower().endswith(HTML_SUFFIXES) else ""
    return f"seeds/{seed_path}{suffix}"


@dataclass(frozen=True)
class ImageUse:
    """One remote image an article shows, and its media manifest record if it has one."""

    url: str
    record: ImageRecord | None = None

    @property
    def archived(self) -> bool:
        return self.record is not None and self.record.archived


@dataclass(frozen=True)
class ArticlePage:
    """A Markdown page ready to hand to a site engine, at a stable path."""

    article: Article
    src_uri: str
    markdown: str
    cleaning: tuple[PassReport, ...] = ()
    images: tuple[ImageUse, ...] = ()

    @property
    def raw_uri(self) -> str:
        return raw_seed_uri(self.article.seed_path)


@dataclass(frozen=True)
class NoteEntry:
    """A passage note placed on its page, for the notes index and cross-references."""

    seed_id: str
    src_uri: str
    title: str
    published: datetime | None
    number: int
    quote: str
    text: str
    tags: tuple[str, ...] = ()
    refers_to: str | None = None
    prefix: str = ""
    suffix: str = ""
    imported_from: str | None = None


@dataclass
class Archive:
    """Every page built from the seeds folder, and every problem met on the way."""

    pages: list[ArticlePage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[NoteEntry] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)
    # Files published under media/: images captures carried inside themselves and files
    # of the seeds folder that captures embed, by content-hash name.
    media: dict[str, bytes] = field(default_factory=dict)

    def warnings(self) -> list[str]:
        """One line per seed that had problems, naming the seed and every reason."""
        reasons: dict[str, list[str]] = {}
        for problem in self.problems:
            reasons.setdefault(problem.seed_path, []).append(problem.message)
        return [f"seeds/{path}: {'; '.join(messages)}" for path, messages in reasons.items()]

    def neighbours(self) -> dict[str, tuple[str | None, str | None]]:
        """For each dated page: the page published just before it and just after it."""
        dated = [p.src_uri for p in reversed(self.newest_first()) if p.article.published]
        return {
            uri: (dated[i - 1] if i else None, dated[i + 1] if i + 1 < len(dated) else None)
            for i, uri in enumerate(dated)
        }

    def newest_first(self) -> list[ArticlePage]:
        """Pages by publication time, newest first; undated pages last, by seed id."""
        dated = [p for p in self.pages if p.article.published is not None]
        undated = [p for p in self.pages if p.article.published is None]
        dated.sort(key=lambda p: (p.article.published, p.article.seed_id), reverse=True)
        undated.sort(key=lambda p: p.article.seed_id)
        return dated + undated
