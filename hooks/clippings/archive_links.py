"""Links that only the whole archive can settle: to another seed, to a file of the
seeds folder, to an image a capture carried inside itself.

While one seed is read alone, a dialect writes such a link with the `archive:`
scheme; once every seed has its page, `settle_links` turns each into a relative link
to the page or to the published file under `media/`, or into plain text saying what
is missing. An unsettled link never reaches a page: the sanitizer drops the scheme.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from .markdown_escape import markdown_text

# Captures' own images (data: URIs, embedded files), apart from archived remote images.
CAPTURED_MEDIA_DIR = "media/captured"
_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:\\.|[^\]\\])*)\]\(archive:(?P<kind>seed|file|media)/(?P<target>[^)\s]+)\)"
)


def seed_link(label: str, target: str) -> str:
    """A link to the seed an author named (`[[target|label]]`)."""
    return f"[{label}](archive:seed/{quote(target)})"


def file_image(alt: str, name: str, beside: str = "") -> str:
    """An image that is a file of the seeds folder; `beside` is a folder to look in first."""
    where = f"{beside}/{name}" if beside else name
    return f"![{alt}](archive:file/{quote(where)})"


def media_name(data: bytes, suffix: str) -> str:
    """A file's published name: the hash of its bytes, so each is written once."""
    return hashlib.sha256(data).hexdigest()[:24] + suffix


def media_image(alt: str, name: str) -> str:
    return f"![{alt}](archive:media/{name})"


@dataclass
class ArchiveTargets:
    """What archive links can point at: each seed's page, the seeds folder's files."""

    pages: Mapping[str, str]  # seed id, file stem and title -> page src_uri
    seeds_dir: Path
    media: dict[str, bytes] = field(default_factory=dict)
    _files: dict[str, list[PurePosixPath]] | None = None

    def find_file(self, seed_path: str, where: str) -> Path | None:
        """The file as Obsidian and Hexo look for it: beside the seed, in the post's
        asset folder (named like the seed), then anywhere in the seeds folder by name."""
        seed = PurePosixPath(seed_path)
        wanted = PurePosixPath(where)
        for candidate in (seed.parent / wanted, seed.with_suffix("") / wanted, wanted):
            path = self.seeds_dir / candidate
            if path.is_file() and path.resolve().is_relative_to(self.seeds_dir.resolve()):
                return path
        if self._files is None:
            self._files = {}
            for path in sorted(self.seeds_dir.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    relative = PurePosixPath(path.relative_to(self.seeds_dir).as_posix())
                    self._files.setdefault(path.name.casefold(), []).append(relative)
        found = self._files.get(wanted.name.casefold())
        return self.seeds_dir / found[0] if found else None

    def publish(self, name: str, data: bytes) -> str:
        self.media[name] = data
        return f"{CAPTURED_MEDIA_DIR}/{name}"


def settle_links(body: str, seed_path: str, src_uri: str, targets: ArchiveTargets) -> str:
    """Every `archive:` link in body as a relative link from src_uri, or as text."""
    if "archive:" not in body:
        return body
    here = posixpath.dirname(src_uri)

    def settle(match: re.Match[str]) -> str:
        kind, target, text = match["kind"], unquote(match["target"]), match["text"]
        if kind == "seed":
            page = targets.pages.get(target) or targets.pages.get(target.casefold())
            return f"[{text}]({posixpath.relpath(page, here)})" if page else text
        if kind == "media":
            return f"![{text}]({posixpath.relpath(f'{CAPTURED_MEDIA_DIR}/{target}', here)})"
        path = targets.find_file(seed_path, target)
        if path is None:
            name = PurePosixPath(target).name
            return f"*（图片 {markdown_text(name)} 未随剪藏保存）*"
        data = path.read_bytes()
        published = targets.publish(media_name(data, path.suffix.lower()), data)
        return f"![{text}]({posixpath.relpath(published, here)})"

    return _LINK.sub(settle, body)
